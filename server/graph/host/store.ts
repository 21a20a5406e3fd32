import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError, queryFailed, storeUnavailable } from '../../errors.js';
import { assertParamsDepth, QUERY_LIMITS } from '../limits.js';
import { assertNoForbiddenWords, assertReadOnly, warmUpReadOnlyCheck } from '../readonly.js';
import { queryTimeout } from '../timeout.js';
import type { ArticleGraph, GraphStore, ReadQueryOptions, Row, StoreStats, WriteStatus } from '../types.js';
import { ChildMessageSchema, fromWire, RESULTS, type OpenMessage, type Op } from './protocol.js';

export interface HostedOptions {
  /** The store file (file-backed only: restarting a process that holds an in-memory store would lose it). */
  path: string;
  walSalvage?: boolean;
  /** Where restarts and crashes are reported; default stderr. */
  log?: (line: string) => void;
  /** How long in-flight writes may take to finish before a runaway's process is killed anyway (default 5 s). */
  drainMs?: number;
  /** How long a call waits for a restarting store before it fails STORE_UNAVAILABLE (default 60 s). */
  waitMs?: number;
  /** How long opening the store may take (default 120 s; ~4 s at 100k statements). */
  openMs?: number;
  /**
   * Keep one more process started and loaded, so a restart costs the store
   * open only, not the process start (~0.7 s, seconds on a loaded machine).
   * Default true; it costs one idle Node process.
   */
  standby?: boolean;
  /**
   * Memory one user query may add to the store process's resident size
   * (default QUERY_LIMITS.memoryBytes); past it the query fails
   * PAYLOAD_TOO_LARGE and the process is replaced. Read from /proc (Linux);
   * where there is none the bound is not enforced.
   */
  queryMemoryBytes?: number;
  /** How often the store process's memory is read while a user query runs (default 50 ms). */
  memoryPollMs?: number;
}

/**
 * The only environment variables the store process gets: it runs user
 * queries, so whatever it can read a query might show. No token, no
 * password, nothing of the server's environment beyond what Node needs.
 */
export const STORE_PROCESS_ENV = ['PATH', 'HOME', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'LC_ALL', 'TZ', 'NODE_ENV', 'SYSTEMROOT'] as const;

/** The store process's environment: STORE_PROCESS_ENV taken from `env`, nothing else. */
export function storeProcessEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const name of STORE_PROCESS_ENV) if (env[name] !== undefined) out[name] = env[name];
  return out;
}

/** Resident memory of a process in bytes, from /proc; null where it cannot be read. */
export function residentBytes(pid: number): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/** What one restart cost, for logs, tests and the benchmark. */
export interface RestartRecord {
  reason: RestartReason;
  /** From the decision to restart until the old process had exited (drain + kill). */
  stopMs: number;
  /** From spawning the new process until its store was open and ready. */
  startMs: number;
  /** Of which the store open and schema check inside the child. */
  openMs: number;
  oldPid: number | null;
  newPid: number | null;
}

const CHILD_ENTRY = fileURLToPath(new URL('./child.ts', import.meta.url));
/** tsx's loader as a file URL, so the child runs TypeScript wherever the server was started from. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Children alive in this process: killed when it exits, so none is left behind. */
const LIVE = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  LIVE.add(child);
  child.once('exit', () => LIVE.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of LIVE) c.kill('SIGKILL');
    });
  }
}

type Kind = 'user' | 'app';
/** Why a store process was replaced: a user query past its time or memory limit, or an exit nobody asked for. */
export type RestartReason = 'timeout' | 'memory' | 'crash';
/** Signals a process raises on itself (stack overflow, abort, bus error...), as opposed to a kill from outside. */
const QUERY_FAULTS: ReadonlySet<string> = new Set(['SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGABRT', 'SIGFPE', 'SIGTRAP']);
/** How many times an app call interrupted by a kill or crash is sent in all, before it fails STORE_UNAVAILABLE. */
const APP_ATTEMPTS = 3;
interface Call {
  id: number;
  op: Op;
  args: unknown[];
  /** User Cypher (may run away: it is what a restart kills) or the app's own call (drained before a kill). */
  kind: Kind;
  /** Safe to send again after its process was killed: reads, and the idempotent article write. */
  retryable: boolean;
  attempts: number;
  /** The process generation it was sent to; 0 while waiting. */
  generation: number;
  resolve: (value: unknown) => void;
  reject: (error: AppError) => void;
  settled: boolean;
  timers: NodeJS.Timeout[];
  /** Sent to a process that died before it answered: an article write may have been committed by that attempt. */
  interrupted: boolean;
  /** The channel refused it (the process was dying): it never ran, so it may be sent again whatever it does. */
  undelivered: boolean;
}

/** The app's writes: never on the process while a user query runs there, so a crash or kill cannot catch one midway. */
function isWrite(call: Call): boolean {
  return call.kind === 'app' && (call.op === 'writeArticle' || (call.op === 'run' && !call.retryable));
}

/** A started process, loading or loaded, not yet holding a store. */
interface Loaded {
  proc: ChildProcess;
  /** Resolves when its modules are loaded; rejects when it exits first. */
  loaded: Promise<void>;
  exited: Promise<void>;
}

interface Child {
  proc: ChildProcess;
  generation: number;
  pid: number;
  /** Set when this store stops the process itself (restart, close): its exit is not a crash. */
  stopping: boolean;
  exited: Promise<void>;
}

/**
 * A GraphStore whose embedded Grafeo store lives in a child process, so a
 * user query can be stopped for real: Grafeo has no cancel or timeout, but a
 * process can be killed.
 *
 * - `readOnly` past its `timeoutMs` is answered QUERY_TIMEOUT at once; then
 *   the store stops taking new work to the process, waits (at most `drainMs`)
 *   for the app's in-flight calls — writes are serialised and short, and a
 *   kill mid-write would cost the WAL tail — SIGKILLs the process and opens
 *   the same file in a new one. Calls made meanwhile wait for it (at most
 *   `waitMs`); calls the kill interrupted are sent again once when safe
 *   (reads; the article write, which is idempotent) and fail
 *   STORE_UNAVAILABLE otherwise.
 * - User queries run one at a time on the process (more wait their turn),
 *   so a crash, a runaway or a memory overrun is always that query's: it
 *   alone fails, with an error saying what it did. The app's writes (the
 *   article write, and `run` of anything but a read) never share the
 *   process with a user query: a write waits for the query running or
 *   waiting to finish, and a query waits for the writes on the process, so
 *   no kill or crash caught by a user query interrupts a write. Reads share
 *   it freely (they are sent again when interrupted).
 * - An unexpected exit of the process (a crash) is logged; the user query
 *   it was running fails QUERY_FAILED, the app's calls it was running are
 *   sent again on the new process (reads and the idempotent article write;
 *   others fail STORE_UNAVAILABLE) and a new process is started.
 * - A user query whose process grows past `queryMemoryBytes` fails
 *   PAYLOAD_TOO_LARGE at once and the process is replaced (no drain: it is
 *   still growing), the app's calls handled as after a crash.
 * - The process gets only STORE_PROCESS_ENV of the server's environment.
 * - `close` checkpoints and closes the store in the process and waits for it
 *   to exit; a process still alive when this one exits is killed, and the
 *   child closes itself when its IPC channel goes (the parent was killed).
 */
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
  private readonly useStandby: boolean;
  private readonly log: (line: string) => void;
  private readonly drainMs: number;
  private readonly waitMs: number;
  private readonly openMs: number;
  private readonly queryMemoryBytes: number;
  private readonly memoryPollMs: number;
  /** User queries waiting for their turn; one runs at a time. */
  private userQueue: Call[] = [];
  private userRunning: Call | null = null;
  /** App writes waiting for the user query running (or waiting) to finish. */
  private heldWrites: Call[] = [];

  private constructor(private readonly opts: HostedOptions) {
    this.log = opts.log ?? ((line) => process.stderr.write(`claimgraph: ${line}\n`));
    this.drainMs = opts.drainMs ?? 5_000;
    this.waitMs = opts.waitMs ?? 60_000;
    this.openMs = opts.openMs ?? 120_000;
    this.useStandby = opts.standby ?? true;
    this.queryMemoryBytes = opts.queryMemoryBytes ?? QUERY_LIMITS.memoryBytes;
    this.memoryPollMs = opts.memoryPollMs ?? 50;
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
    return standby.loaded.then(
      () => true,
      () => false,
    );
  }

  /** Resolves when no restart is in progress. */
  async settled(): Promise<void> {
    while (this.restarting) await this.restarting;
  }

  init(): Promise<void> {
    return this.call('init', [], 'app', true) as Promise<void>;
  }

  writeArticle(graph: ArticleGraph): Promise<WriteStatus> {
    return this.call('writeArticle', [graph], 'app', true) as Promise<WriteStatus>;
  }

  hasArticle(id: string): Promise<boolean> {
    return this.call('hasArticle', [id], 'app', true) as Promise<boolean>;
  }

  stats(): Promise<StoreStats> {
    return this.call('stats', [], 'app', true) as Promise<StoreStats>;
  }

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
        const timer = setTimeout(() => child.proc.kill('SIGKILL'), this.drainMs);
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
        this.fail(call, storeUnavailable(`the query waited ${this.waitMs} ms for its turn on the store (one user query runs at a time); retry later`));
      }, this.waitMs),
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
    const baseline = residentBytes(child.pid);
    if (baseline === null) return;
    const timer = setInterval(() => {
      if (call.settled || call.generation !== child.generation) {
        clearInterval(timer);
        return;
      }
      const now = residentBytes(child.pid);
      if (now === null || now - baseline <= this.queryMemoryBytes) return;
      const mb = (n: number) => Math.round(n / (1024 * 1024));
      this.fail(
        call,
        new AppError(
          'PAYLOAD_TOO_LARGE',
          `the query needed more than ${mb(this.queryMemoryBytes)} MB of memory in the store (the limit per query; it had reached ${mb(now - baseline)} MB) and was stopped: ` +
            'narrow it (a LIMIT, fewer or smaller columns, aggregate)',
        ),
      );
      void this.restart('memory', child.generation);
    }, this.memoryPollMs);
    call.timers.push(timer);
  }

  private call(op: Op, args: unknown[], kind: Kind, retryable: boolean): Promise<unknown> {
    return this.dispatch(this.newCall(op, args, kind, retryable));
  }

  private newCall(op: Op, args: unknown[], kind: Kind, retryable: boolean): Call {
    return {
      id: this.nextId++, op, args, kind, retryable, attempts: 0, generation: 0, settled: false, timers: [], interrupted: false,
      resolve: () => undefined, reject: () => undefined, undelivered: false,
    };
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
    else if (this.phase === 'ready' && this.child) void this.send(this.child, call).catch(() => undefined);
    else this.enqueue(call);
  }

  /** Holds an app write while a user query runs or waits (at most waitMs): it goes when that query has finished. */
  private hold(call: Call): void {
    this.heldWrites.push(call);
    call.timers.push(
      setTimeout(() => {
        if (call.settled || call.generation !== 0 || !this.heldWrites.includes(call)) return;
        this.heldWrites = this.heldWrites.filter((c) => c !== call);
        this.fail(call, storeUnavailable(`the write waited ${this.waitMs} ms for a console query to finish; retry later`));
      }, this.waitMs),
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
        this.fail(call, storeUnavailable(`the store process did not become ready within ${this.waitMs} ms (it is restarting); retry later`));
      }, this.waitMs),
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
    call.resolve(call.op === 'writeArticle' && call.interrupted && value.data === 'unchanged' ? 'created' : value.data);
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

  /** Starts a store process; it loads its modules and waits for `open`. */
  private fork(): Loaded {
    const proc = fork(CHILD_ENTRY, [], {
      execArgv: ['--import', TSX_LOADER],
      env: storeProcessEnv(),
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    track(proc);
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.on('error', (error) => this.log(`store process ${proc.pid ?? '?'}: ${error.message}`));
    const loaded = new Promise<void>((resolve, reject) => {
      const onMessage = (raw: unknown) => {
        if (ChildMessageSchema.safeParse(raw).data?.type !== 'loaded') return;
        proc.off('message', onMessage);
        resolve();
      };
      proc.on('message', onMessage);
      proc.once('error', (error) => reject(storeUnavailable(`could not start the store process: ${error.message}`, error)));
      proc.once('exit', (code, signal) => reject(storeUnavailable(`the store process exited (${signal ?? `code ${code}`}) while it started`)));
    });
    loaded.catch(() => undefined);
    return { proc, loaded, exited };
  }

  /** A loaded standby process when one is alive, else a new one. */
  private takeProcess(): Loaded {
    const standby = this.standby;
    this.standby = null;
    if (standby && standby.proc.exitCode === null && standby.proc.signalCode === null && standby.proc.connected) return standby;
    if (standby) standby.proc.kill('SIGKILL');
    return this.fork();
  }

  /** Keeps one process loaded ahead of need, so a restart costs the store open only. */
  private refillStandby(): void {
    if (!this.useStandby || this.standby || this.phase === 'closing' || this.phase === 'closed') return;
    this.standby = this.fork();
  }

  /**
   * Opens the store in a (standby or new) process and resolves when it is
   * ready; rejects with the error the process reports (or a timeout) otherwise.
   */
  private async spawn(): Promise<Child> {
    const generation = ++this.generation;
    const { proc, loaded, exited } = this.takeProcess();
    const timeout = (what: string) => storeUnavailable(`the store process did not ${what} ${this.opts.path} within ${this.openMs} ms`);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timeout('open')), this.openMs);
    });
    try {
      await Promise.race([loaded, deadline]);
      const ready = new Promise<{ pid: number; openMs: number }>((resolve, reject) => {
        const onMessage = (raw: unknown) => {
          const message = ChildMessageSchema.safeParse(raw).data;
          if (message?.type !== 'failed' && message?.type !== 'ready') return;
          proc.off('message', onMessage);
          if (message.type === 'failed') reject(fromWire(message.error));
          else resolve(message);
        };
        proc.on('message', onMessage);
        proc.once('exit', (code, signal) => reject(storeUnavailable(`the store process exited (${signal ?? `code ${code}`}) before it had opened ${this.opts.path}`)));
      });
      ready.catch(() => undefined);
      const open: OpenMessage = { type: 'open', path: this.opts.path, walSalvage: this.opts.walSalvage ?? false };
      proc.send(open);
      const { pid, openMs } = await Promise.race([ready, deadline]);
      const child: Child = { proc, generation, pid, stopping: false, exited };
      this.child = child;
      this.lastOpenMs = openMs;
      proc.on('message', (m) => this.onMessage(child, m));
      proc.once('exit', (code, signal) => this.onExit(child, code, signal));
      return child;
    } catch (error) {
      proc.kill('SIGKILL');
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private lastOpenMs = 0;

  /** An exit nobody asked for: a crash. Fails what it was running and starts a new process. */
  private onExit(child: Child, code: number | null, signal: NodeJS.Signals | null): void {
    if (child.stopping) return;
    if (this.child === child) this.child = null;
    const how = signal ?? `code ${code}`;
    const lost = [...this.inFlight.values()].filter((c) => c.generation === child.generation);
    // A fault the process raised itself (not a kill from outside): the user query running is what it died of.
    const ownFault = (signal !== null && QUERY_FAULTS.has(signal)) || code === 134;
    const retried = this.takeBack(lost, (call) =>
      call.kind === 'user' && ownFault
        ? // User queries run one at a time: the one running is what the process died of.
          new AppError(
            'QUERY_FAILED',
            `the query made the store process fail (${how === 'SIGSEGV' ? 'it overflowed the engine\'s stack: values nested very deep, as reduce() building a list of lists' : how}); ` +
              'the store was restarted and nothing else was affected. Change the query (a flatter value, a smaller range)',
            { expose: true },
          )
        : storeUnavailable(
            `the store process exited unexpectedly (${how}) while running ${call.op}` +
              (call.kind === 'user' ? '; the store is restarting, retry' : '; it may or may not have been applied: check and retry'),
          ),
    );
    this.log(`the store process ${child.pid} exited unexpectedly (${how}); ${retried} call(s) to send again, ${lost.length - retried} failed; restarting it on ${this.opts.path}`);
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
        this.log(`could not restart the store process on ${this.opts.path}: ${appError.message}`);
        this.phase = 'down';
        for (const call of this.waiting.splice(0)) this.fail(call, appError);
        return;
      }
      const record: RestartRecord = {
        reason,
        stopMs: Math.round(t1 - t0),
        startMs: Math.round(performance.now() - t1),
        openMs: this.lastOpenMs,
        oldPid: old?.pid ?? null,
        newPid: child.pid,
      };
      this.restarts.push(record);
      this.log(
        `store process restarted after a ${reason === 'timeout' ? 'query timeout' : reason === 'memory' ? 'query past its memory bound' : 'crash'}: ` +
          `pid ${record.oldPid ?? '-'} -> ${record.newPid}, stop ${record.stopMs} ms, start ${record.startMs} ms (store open ${record.openMs} ms)`,
      );
      this.phase = 'ready';
      for (const call of this.waiting.splice(0)) {
        if (!call.settled) void this.send(child, call).catch(() => undefined);
      }
      this.pumpUser();
      this.refillStandby();
    })();
    this.restarting = work.finally(() => {
      this.restarting = null;
    });
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
    const deadline = Date.now() + this.drainMs;
    const pending = () => [...this.inFlight.values()].some((c) => c.generation === generation && c.kind === 'app');
    while (pending() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    if (pending()) this.log(`app calls still running on the store process after ${this.drainMs} ms; stopping it anyway`);
  }

  private async kill(child: Child): Promise<void> {
    child.stopping = true;
    child.proc.kill('SIGKILL');
    await child.exited;
  }
}

const readOnlyQueries = new Map<string, boolean>();
/**
 * True when the word check finds no write in one of the app's own queries:
 * such a query is safe to send again. The app's queries are constants, so
 * the answer is kept.
 */
function isStaticallyReadOnly(query: string): boolean {
  let known = readOnlyQueries.get(query);
  if (known === undefined) {
    try {
      assertNoForbiddenWords(query);
      known = true;
    } catch {
      known = false;
    }
    if (readOnlyQueries.size < 10_000) readOnlyQueries.set(query, known);
  }
  return known;
}
