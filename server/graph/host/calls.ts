import { AppError, storeUnavailable } from '../../errors.js';
import { assertNoForbiddenWords } from '../readonly.js';
import { inWriteUnit } from '../write-queue.js';
import type { Op } from './protocol.js';

/*
 * The calls a HostedStore (store.ts) sends to its store process, and which
 * of them are writes, safe to send again, or part of a write unit.
 */

export type Kind = 'user' | 'app';
/** How many times an app call interrupted by a kill or crash is sent in all, before it fails STORE_UNAVAILABLE. */
export const APP_ATTEMPTS = 3;
export interface Call {
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
  /** Made inside a write unit (server/graph/write-queue.ts): goes before background reads (WritePriority). */
  unit: boolean;
}

/** The app's writes: never on the process while a user query runs there, so a crash or kill cannot catch one midway. */
export function isWrite(call: Call): boolean {
  return call.kind === 'app' && (call.op === 'writeArticle' || call.op === 'writeArticles' || (call.op === 'run' && !call.retryable));
}


const readOnlyQueries = new Map<string, boolean>();
/**
 * True when the word check finds no write in one of the app's own queries:
 * such a query is safe to send again. The app's queries are constants, so
 * the answer is kept.
 */
export function isStaticallyReadOnly(query: string): boolean {
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

/**
 * What a call running on a process that exited unexpectedly (`how`: its
 * signal or code) fails with when it is not sent again. User queries run
 * one at a time: when the process faulted by itself (`ownFault`), the one
 * running is what it died of.
 */
export function exitError(call: Call, how: string, ownFault: boolean): AppError {
  if (call.kind === 'user' && ownFault) {
    return new AppError(
      'QUERY_FAILED',
      `the query made the store process fail (${how === 'SIGSEGV' ? 'it overflowed the engine\'s stack: values nested very deep, as reduce() building a list of lists' : how}); ` +
        'the store was restarted and nothing else was affected. Change the query (a flatter value, a smaller range)',
      { expose: true },
    );
  }
  return storeUnavailable(
    `the store process exited unexpectedly (${how}) while running ${call.op}` +
      (call.kind === 'user' ? '; the store is restarting, retry' : '; it may or may not have been applied: check and retry'),
  );
}

/**
 * Reads from outside any write unit that may run on the process at once
 * while a write unit's calls are going. One, not two: bench/load.ts (50
 * clients, 1,000-article store, the machine at load 15-20) measured ingest
 * under load at 0.19 of its unloaded rate with two and 0.58 and 0.51 with
 * one, the clients' requests per second about the same (docs/performance.md).
 */
export const READS_WHILE_WRITING = 1;
/** How long after a write unit's last call the process counts as still written to (the unit's own work between its queries). */
export const WRITE_GRACE_MS = 20;

/** The app's reads made outside any write unit (the UI's): the calls WritePriority may hold back. */
function isBackgroundRead(call: Call): boolean {
  return call.kind === 'app' && !call.unit && !isWrite(call);
}

/**
 * The write-priority queue of a hosted store (issue 19). While the calls of
 * a write unit (server/graph/write-queue.ts) are going, at most
 * READS_WHILE_WRITING background reads run on the store process; more wait
 * here, in arrival order, and go as those finish or once the writes stop.
 * Without it 50 readers fill the engine's threads and the event loop of the
 * process, and each query of an ingest waits behind them. A held read is
 * never refused: reads still progress, READS_WHILE_WRITING at a time.
 */
export class WritePriority {
  private readonly units = new Set<number>();
  private readonly reads = new Set<number>();
  private held: Call[] = [];
  private lastUnitAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly send: (call: Call) => void) {}

  /** Sends `call` now, or holds it while writes go. */
  submit(call: Call): void {
    if (call.unit) {
      this.units.add(call.id);
      this.lastUnitAt = performance.now();
    } else if (isBackgroundRead(call)) {
      if (this.writing() && this.reads.size >= READS_WHILE_WRITING) {
        this.held.push(call);
        this.arm();
        return;
      }
      this.reads.add(call.id);
    }
    this.send(call);
  }

  /** A call has been answered (or failed): room for held reads. */
  settled(call: Call): void {
    if (this.units.delete(call.id)) this.lastUnitAt = performance.now();
    this.reads.delete(call.id);
    if (this.held.length > 0) this.pump();
  }

  /** Sends every held read now (the store is closing). */
  release(): void {
    this.pump(true);
  }

  private writing(): boolean {
    return this.units.size > 0 || performance.now() - this.lastUnitAt < WRITE_GRACE_MS;
  }

  private pump(all = false): void {
    this.held = this.held.filter((c) => !c.settled);
    while (this.held.length > 0 && (all || !this.writing() || this.reads.size < READS_WHILE_WRITING)) {
      const call = this.held.shift()!;
      this.reads.add(call.id);
      this.send(call);
    }
    if (this.held.length > 0) this.arm();
  }

  /** Looks again once the grace after the last write has passed: no call may be left held when writes stop. */
  private arm(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, WRITE_GRACE_MS);
  }
}

/** A new call, not yet sent; an app call made inside a write unit is marked as the unit's. */
export function makeCall(id: number, op: Op, args: unknown[], kind: Kind, retryable: boolean): Call {
  return {
    id, op, args, kind, retryable, attempts: 0, generation: 0, settled: false, timers: [], interrupted: false,
    resolve: () => undefined, reject: () => undefined, undelivered: false, unit: kind === 'app' && inWriteUnit(),
  };
}

/** An interrupted article write's answer: "unchanged" there means the interrupted attempt committed it, "created". */
export function asCommittedByInterrupted(op: string, value: unknown): unknown {
  if (op === 'writeArticle') return value === 'unchanged' ? 'created' : value;
  if (op === 'writeArticles' && Array.isArray(value)) return value.map((v) => (v === 'unchanged' ? 'created' : v));
  return value;
}
