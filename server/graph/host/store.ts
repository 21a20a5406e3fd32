import { AppError, queryFailed, storeUnavailable } from '../../errors.js';
import { assertParamsDepth } from '../limits.js';
import { assertReadOnly, warmUpReadOnlyCheck } from '../readonly.js';
import { queryTimeout } from '../timeout.js';
import type { ArticleGraph, GraphStore, ReadQueryOptions, Row, StoreStats, WriteStatus } from '../types.js';
import { APP_ATTEMPTS, asCommittedByInterrupted, exitError, makeCall, isStaticallyReadOnly, isWrite, WritePriority, type Call, type Kind } from './calls.js';
import { describeRestart, forkStoreProcess, withDefaults, openStoreIn, QUERY_FAULTS, watchResident, type Child, type HostedOptions, type Loaded, type RestartReason, type RestartRecord } from './process.js';
import { ChildMessageSchema, fromWire, RESULTS, type Op } from './protocol.js';

export type { HostedOptions, RestartRecord } from './process.js';

/** A GraphStore whose embedded store lives in a child process: how it behaves is told in ./index.ts. */
export class HostedStore implements GraphStore {
  readonly backend = 'embedded' as const;
  /** Every restart so far, oldest first. */
  readonly restarts: RestartRecord[] = [];
  private child: Child | null = null;
  private generation = 0;
  private nextId = 1;
  private readonly inFlight = new Map<number, Call>();
  private waiting: Call[] = [];
  private phase: 'starting' | 'ready' | 'restarting' | 'down' | 'closing' | 'closed' = 'starting';
  private restarting: Promise<void> | null = null;
  private standby: Loaded | null = null;
  private closeRequested = false;
  private closing: Promise<void> | null = null;
  private lastOpenMs = 0;
  /** The options with their defaults. */
  private readonly o: ReturnType<typeof withDefaults>;
  /** User queries waiting for their turn; one runs at a time. */
  private userQueue: Call[] = [];
  private userRunning: Call | null = null;
  /** App writes waiting for the user query running (or waiting) to finish. */
  private heldWrites: Call[] = [];
  /** The app's calls go through it: a write unit's go first, background reads wait while it writes. */
  private readonly priority = new WritePriority((call) => {
    if (this.phase === 'ready' && this.child) void this.send(this.child, call).catch(() => undefined);
    else this.enqueue(call);
  });

  private constructor(private readonly opts: HostedOptions) {
    this.o = withDefaults(opts);
  }

  /** Starts the store process and waits until its store is open (errors as openStore gives them: STORE_CORRUPT, STORE_UNAVAILABLE). */
  static async open(opts: HostedOptions): Promise<HostedStore> {
    const store = new HostedStore(opts);
    await store.spawn();
    store.phase = 'ready';
    store.refillStandby();
    // readOnly checks each query here before sending it: the first one should not pay the parser's warm-up.
    warmUpReadOnlyCheck();
    return store;
  }

  /** The pid of the process holding the store now (null while none is running). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** The pid of the standby process (null when there is none). */
  get standbyPid(): number | null {
    return this.standby?.proc.pid ?? null;
  }

  /** Resolves true once the standby process has loaded (false when there is none or it died). */
  async standbyLoaded(): Promise<boolean> {
    const standby = this.standby;
    if (!standby) return false;
    return standby.loaded.then(() => true, () => false);
  }

  /** Resolves when no restart is in progress. */
  async settled(): Promise<void> {
    while (this.restarting) await this.restarting;
  }

  init = (): Promise<void> => this.call('init', [], 'app', true) as Promise<void>;
  writeArticle = (graph: ArticleGraph): Promise<WriteStatus> => this.call('writeArticle', [graph], 'app', true) as Promise<WriteStatus>;
  writeArticles = (graphs: ArticleGraph[]): Promise<WriteStatus[]> => this.call('writeArticles', [graphs], 'app', true) as Promise<WriteStatus[]>;
  hasArticle = (id: string): Promise<boolean> => this.call('hasArticle', [id], 'app', true) as Promise<boolean>;
  stats = (): Promise<StoreStats> => this.call('stats', [], 'app', true) as Promise<StoreStats>;

  run(query: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.call('run', [query, params], 'app', isStaticallyReadOnly(query)) as Promise<Row[]>;
  }

  async readOnly(query: string, params: Record<string, unknown> = {}, opts: ReadQueryOptions = {}): Promise<Row[]> {
    assertParamsDepth(params);
    assertReadOnly(query);
    return this.userCall('readOnly', query, params, opts);
  }

  /** As EmbeddedStore's: any query in a transaction that is always rolled back, stopped for real at `timeoutMs`. */
  async runInRolledBackTransaction(query: string, params: Record<string, unknown> = {}, opts: ReadQueryOptions = {}): Promise<Row[]> {
    assertParamsDepth(params);
    return this.userCall('runInRolledBackTransaction', query, params, opts);
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    // A restart under way opens no new process when nothing waits for it.
    this.closeRequested = true;
    await this.settled();
    // Writes held back for user queries go now; user queries still waiting do not run.
    for (const call of this.userQueue.splice(0)) this.fail(call, storeUnavailable('the store was closed before the call could run'));
    this.releaseWrites();
    this.priority.release();
    this.phase = 'closing';
    const standby = this.standby;
    this.standby = null;
    if (standby) {
      standby.proc.kill('SIGKILL');
      await standby.exited;
    }
    for (const call of this.waiting.splice(0)) this.fail(call, storeUnavailable('the store was closed before the call could run'));
    const child = this.child;
    if (child) {
      await this.drain(child.generation);
      const runaway = [...this.inFlight.values()].some((c) => c.generation === child.generation && c.kind === 'user');
      if (runaway) {
        // A user query still running would hold the close up for as long as it runs: the WAL keeps every commit.
        await this.kill(child);
      } else {
        child.stopping = true;
        const closed = this.send(child, this.newCall('close', [], 'app', false));
        await Promise.race([closed.catch(() => undefined), child.exited]);
        const timer = setTimeout(() => child.proc.kill('SIGKILL'), this.o.drainMs);
        await child.exited;
        clearTimeout(timer);
      }
      for (const call of [...this.inFlight.values()]) this.fail(call, storeUnavailable('the store was closed while the call ran'));
      this.child = null;
    }
    this.phase = 'closed';
  }

  private userCall(op: 'readOnly' | 'runInRolledBackTransaction', query: string, params: Record<string, unknown>, opts: ReadQueryOptions): Promise<Row[]> {
    const limits: { maxRows?: number; maxBytes?: number } = {};
    if (opts.maxRows !== undefined) limits.maxRows = opts.maxRows;
    if (opts.maxBytes !== undefined) limits.maxBytes = opts.maxBytes;
    const call = this.newCall(op, [query, params, limits], 'user', false);
    const result = new Promise<Row[]>((resolve, reject) => {
      call.resolve = resolve as (value: unknown) => void;
      call.reject = reject;
    });
    if (this.phase === 'closing' || this.phase === 'closed') {
      this.fail(call, storeUnavailable('the store is closed'));
      return result;
    }
    this.userQueue.push(call);
    call.timers.push(
      setTimeout(() => {
        if (call.settled || call.generation !== 0) return;
        this.fail(call, storeUnavailable(`the query waited ${this.o.waitMs} ms for its turn on the store (one user query runs at a time); retry later`));
      }, this.o.waitMs),
    );
    this.pumpUser();
    if (opts.timeoutMs !== undefined) {
      const ms = opts.timeoutMs;
      call.timers.push(
        setTimeout(() => {
          if (call.settled) return;
          const generation = call.generation;
          this.fail(call, queryTimeout(ms));
          // Sent to a process: it is running there and only a kill stops it.
          if (generation !== 0) void this.restart('timeout', generation);
        }, ms),
      );
    }
    return result;
  }

  /** Sends the next waiting user query when none runs and the process is ready. */
  private pumpUser(): void {
    this.userQueue = this.userQueue.filter((c) => !c.settled);
    if (this.userRunning || this.phase !== 'ready' || !this.child) return;
    // A user query starts only when no app write is on the process: what kills the query must not catch a write.
    if ([...this.inFlight.values()].some(isWrite)) return;
    const call = this.userQueue.shift();
    if (!call) return;
    const child = this.child;
    this.userRunning = call;
    void this.send(child, call).catch(() => undefined);
    this.watchMemory(child, call);
  }

  /** Reads the process's memory while `call` runs there; past the bound the call fails and the process is replaced. */
  private watchMemory(child: Child, call: Call): void {
    const timer = watchResident(child.pid, this.o.queryMemoryBytes, this.o.memoryPollMs, () => call.settled || call.generation !== child.generation, (error) => {
      this.fail(call, error);
      void this.restart('memory', child.generation);
    });
    if (timer) call.timers.push(timer);
  }

  private call(op: Op, args: unknown[], kind: Kind, retryable: boolean): Promise<unknown> {
    return this.dispatch(this.newCall(op, args, kind, retryable));
  }

  private newCall(op: Op, args: unknown[], kind: Kind, retryable: boolean): Call {
    return makeCall(this.nextId++, op, args, kind, retryable);
  }

  private dispatch(call: Call): Promise<unknown> {
    const result = new Promise<unknown>((resolve, reject) => {
      call.resolve = resolve;
      call.reject = reject;
    });
    if (this.phase === 'closing' || this.phase === 'closed') {
      this.fail(call, storeUnavailable('the store is closed'));
    } else if (isWrite(call) && (this.userRunning || this.userQueue.some((c) => !c.settled))) {
      this.hold(call);
    } else {
      this.route(call);
    }
    return result;
  }

  /** Sends a call now when the process is ready, else holds it until it is. */
  private route(call: Call): void {
    if (this.phase === 'closing' || this.phase === 'closed') this.fail(call, storeUnavailable('the store is closed'));
    else this.priority.submit(call);
  }

  /** Holds an app write while a user query runs or waits (at most waitMs): it goes when that query has finished. */
  private hold(call: Call): void {
    this.heldWrites.push(call);
    call.timers.push(
      setTimeout(() => {
        if (call.settled || call.generation !== 0 || !this.heldWrites.includes(call)) return;
        this.heldWrites = this.heldWrites.filter((c) => c !== call);
        this.fail(call, storeUnavailable(`the write waited ${this.o.waitMs} ms for a console query to finish; retry later`));
      }, this.o.waitMs),
    );
  }

  /** Sends (or queues for the next process) the writes held for a user query that has finished. */
  private releaseWrites(): void {
    for (const call of this.heldWrites.splice(0)) {
      if (call.settled) continue;
      for (const t of call.timers.splice(0)) clearTimeout(t);
      this.route(call);
    }
  }

  /** Holds a call until the store process is ready again, at most waitMs. */
  private enqueue(call: Call): void {
    call.generation = 0;
    this.waiting.push(call);
    call.timers.push(
      setTimeout(() => {
        if (call.settled) return;
        this.waiting = this.waiting.filter((c) => c !== call);
        this.fail(call, storeUnavailable(`the store process did not become ready within ${this.o.waitMs} ms (it is restarting); retry later`));
      }, this.o.waitMs),
    );
    if (this.phase === 'down') void this.restart('crash', this.generation);
  }

  /** Sends a call to a process; the returned promise settles with the call. */
  private send(child: Child, call: Call): Promise<unknown> {
    const settledWith = new Promise<unknown>((resolve, reject) => {
      const { resolve: res, reject: rej } = call;
      call.resolve = (v) => {
        res(v);
        resolve(v);
      };
      call.reject = (e) => {
        rej(e);
        reject(e);
      };
    });
    call.generation = child.generation;
    call.attempts++;
    call.undelivered = false;
    this.inFlight.set(call.id, call);
    try {
      child.proc.send({ id: call.id, op: call.op, args: call.args }, (error) => {
        if (error) this.undelivered(child, call, error);
      });
    } catch (error) {
      // A value structured clone cannot carry (a function, a symbol): nothing was sent.
      this.fail(call, queryFailed(`could not pass the ${call.op} call to the store process: ${error instanceof Error ? error.message : String(error)}`, error));
    }
    return settledWith;
  }

  /**
   * A call the channel could not deliver (EPIPE: the process is dying). It
   * never ran, so it is safe to send again, whatever it does: it goes to the
   * next process with the calls its process's exit takes back.
   */
  private undelivered(child: Child, call: Call, error: Error): void {
    if (call.settled || call.generation !== child.generation) return;
    // A broken channel means a dying process even before its exit is seen (and a child whose channel closes exits):
    // the app's call waits for that exit. A user query is answered now: it is the user's to send again.
    if (call.kind === 'user') {
      this.fail(call, storeUnavailable(`could not send the ${call.op} call to the store process (${error.message}); retry`, error));
      return;
    }
    call.undelivered = true;
    // Its process's exit was handled already (else that exit takes it back): send it on.
    if (this.child !== child) this.takeBack([call], (c) => storeUnavailable(`could not send the ${c.op} call to the store process; retry`), true);
  }

  private onMessage(child: Child, raw: unknown): void {
    const parsed = ChildMessageSchema.safeParse(raw);
    if (!parsed.success || parsed.data.type !== 'reply') return; // ready/failed are handled by spawn
    const message = parsed.data;
    const call = this.inFlight.get(message.id);
    if (!call || call.generation !== child.generation) return; // answered already (timed out)
    if (!message.ok) {
      this.fail(call, fromWire(message.error));
      return;
    }
    const value = RESULTS[call.op].safeParse(message.value);
    if (!value.success) {
      this.fail(call, new AppError('INTERNAL', `the store process answered ${call.op} with an unexpected value: ${value.error.issues[0]?.message ?? 'invalid'}`));
      return;
    }
    this.finish(call);
    // An article write interrupted by its process's death and found stored when sent again was committed by the
    // interrupted attempt (the pipeline writes only articles it found absent): that is this call's work, "created",
    // and the pipeline must go on to the article's claims and events steps.
    call.resolve(call.interrupted ? asCommittedByInterrupted(call.op, value.data) : value.data);
  }

  private fail(call: Call, error: AppError): void {
    if (call.settled) return;
    this.finish(call);
    call.reject(error);
  }

  private finish(call: Call): void {
    call.settled = true;
    this.inFlight.delete(call.id);
    for (const t of call.timers) clearTimeout(t);
    this.priority.settled(call);
    if (this.userRunning === call) {
      this.userRunning = null;
      // After the caller's own reaction (a restart after a timeout, memory overrun or crash starts synchronously),
      // so writes released here go to the next process, not the one being killed.
      queueMicrotask(() => {
        this.releaseWrites();
        this.pumpUser();
      });
    } else if (isWrite(call)) {
      queueMicrotask(() => this.pumpUser());
    }
  }

  /** A loaded standby process when one is alive, else a new one. */
  private takeProcess(): Loaded {
    const standby = this.standby;
    this.standby = null;
    if (standby && standby.proc.exitCode === null && standby.proc.signalCode === null && standby.proc.connected) return standby;
    if (standby) standby.proc.kill('SIGKILL');
    return forkStoreProcess(this.o.log);
  }

  /** Keeps one process loaded ahead of need, so a restart costs the store open only. */
  private refillStandby(): void {
    if (!this.o.useStandby || this.standby || this.phase === 'closing' || this.phase === 'closed') return;
    this.standby = forkStoreProcess(this.o.log);
  }

  /**
   * Opens the store in a (standby or new) process and resolves when it is
   * ready; rejects with the error the process reports (or a timeout) otherwise.
   */
  private async spawn(): Promise<Child> {
    const generation = ++this.generation;
    const loaded = this.takeProcess();
    const { pid, openMs } = await openStoreIn(loaded, { type: 'open', path: this.opts.path, walSalvage: this.opts.walSalvage ?? false }, this.o.openMs);
    const child: Child = { proc: loaded.proc, generation, pid, stopping: false, exited: loaded.exited };
    this.child = child;
    this.lastOpenMs = openMs;
    loaded.proc.on('message', (m) => this.onMessage(child, m));
    loaded.proc.once('exit', (code, signal) => this.onExit(child, code, signal));
    return child;
  }

  /** An exit nobody asked for: a crash. Fails what it was running and starts a new process. */
  private onExit(child: Child, code: number | null, signal: NodeJS.Signals | null): void {
    if (child.stopping) return;
    if (this.child === child) this.child = null;
    const how = signal ?? `code ${code}`;
    const lost = [...this.inFlight.values()].filter((c) => c.generation === child.generation);
    // A fault the process raised itself (not a kill from outside): the user query running is what it died of.
    const ownFault = (signal !== null && QUERY_FAULTS.has(signal)) || code === 134;
    const retried = this.takeBack(lost, (call) => exitError(call, how, ownFault));
    this.o.log(`the store process ${child.pid} exited unexpectedly (${how}); ${retried} call(s) to send again, ${lost.length - retried} failed; restarting it on ${this.opts.path}`);
    if (this.phase === 'ready') void this.restart('crash', child.generation);
  }

  /**
   * Replaces the process of `generation` (unless that already happened):
   * drain, kill, start anew, then send the calls that waited. One restart
   * at a time; runaway queries that time out together share it.
   */
  private restart(reason: RestartReason, generation: number): Promise<void> {
    if (this.restarting) return this.restarting;
    if (this.phase !== 'ready' && this.phase !== 'down') return Promise.resolve();
    if (this.generation !== generation) return Promise.resolve();
    this.phase = 'restarting';
    const work = (async () => {
      const old = this.child;
      const t0 = performance.now();
      if (old) {
        // A process past its memory bound is still growing: no drain, the app's calls are sent again.
        if (reason !== 'memory') await this.drain(old.generation);
        await this.kill(old);
        this.takeBack(
          [...this.inFlight.values()].filter((c) => c.generation === old.generation),
          (call) => storeUnavailable(`the store process was restarted while ${call.op} ran; it may or may not have been applied: check and retry`),
        );
        this.child = null;
      }
      const t1 = performance.now();
      if (this.closeRequested && this.waiting.length === 0) {
        this.phase = 'down';
        return;
      }
      let child: Child;
      try {
        child = await this.spawn();
      } catch (error) {
        const appError = error instanceof AppError ? error : storeUnavailable(String(error));
        this.o.log(`could not restart the store process on ${this.opts.path}: ${appError.message}`);
        this.phase = 'down';
        for (const call of this.waiting.splice(0)) this.fail(call, appError);
        return;
      }
      const record: RestartRecord = {
        reason, stopMs: Math.round(t1 - t0), startMs: Math.round(performance.now() - t1), openMs: this.lastOpenMs, oldPid: old?.pid ?? null, newPid: child.pid,
      };
      this.restarts.push(record);
      this.o.log(describeRestart(record));
      this.phase = 'ready';
      for (const call of this.waiting.splice(0)) if (!call.settled) void this.send(child, call).catch(() => undefined);
      this.pumpUser();
      this.refillStandby();
    })();
    this.restarting = work.finally(() => void (this.restarting = null));
    return this.restarting;
  }

  /**
   * The calls a dead process was running: the app's that are safe to send
   * again wait for the next process (at most APP_ATTEMPTS sends in all);
   * the others fail with `errorFor(call)`. Returns how many wait.
   */
  private takeBack(calls: Call[], errorFor: (call: Call) => AppError, late = false): number {
    let waiting = 0;
    for (const call of calls) {
      if (call.kind === 'app' && (call.retryable || call.undelivered) && call.attempts < APP_ATTEMPTS) {
        if (!call.undelivered) call.interrupted = true;
        this.inFlight.delete(call.id);
        call.generation = 0;
        // Taken back after its process's restart began or ended: it goes the way a new call goes.
        if (late) this.route(call);
        else this.waiting.unshift(call);
        waiting++;
      } else {
        this.fail(call, errorFor(call));
      }
    }
    return waiting;
  }

  /** Waits until the app's calls on that process have finished (user queries may be the runaway), at most drainMs. */
  private async drain(generation: number): Promise<void> {
    const deadline = Date.now() + this.o.drainMs;
    const pending = () => [...this.inFlight.values()].some((c) => c.generation === generation && c.kind === 'app');
    while (pending() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    if (pending()) this.o.log(`app calls still running on the store process after ${this.o.drainMs} ms; stopping it anyway`);
  }

  private async kill(child: Child): Promise<void> {
    child.stopping = true;
    child.proc.kill('SIGKILL');
    await child.exited;
  }
}
