import { AsyncLocalStorage } from 'node:async_hooks';
import type { GraphStore } from './types.js';

/*
 * The one write path (issue 14, defect 3). Every unit of work that writes
 * to a store (an article with its claims and events steps, an import
 * record, a merge or split, one article of a backfill) runs through
 * `serialWrite(store, work)`: one unit at a time per store, in arrival
 * order, whatever component it comes from.
 *
 * Why one queue above the store rather than locks inside it: a unit is
 * several queries (read candidates, decide, write) whose decisions depend
 * on what earlier units wrote, and the engine's own concurrency control
 * answers two such units touching one node (a shared actor, a day counter,
 * a band key) with a write-write conflict after part of the work is
 * committed. Serialised, every unit sees the store as a sequential run
 * would, and none fails for a conflict. Reads never wait for it.
 *
 * Re-entrant: a unit that calls another queued function (an import calling
 * the article path) runs it inline instead of waiting behind itself.
 */
const tails = new WeakMap<GraphStore, Promise<unknown>>();
const holding = new AsyncLocalStorage<ReadonlySet<GraphStore>>();

/** Runs `work` as one unit of `store`'s write queue: after every unit queued before it, before every unit queued after. */
export function serialWrite<T>(store: GraphStore, work: () => Promise<T>): Promise<T> {
  const held = holding.getStore();
  if (held?.has(store)) return work();
  const run = () => holding.run(new Set([...(held ?? []), store]), work);
  const previous = tails.get(store) ?? Promise.resolve();
  const next = previous.then(run, run);
  tails.set(store, next.catch(() => undefined));
  return next;
}


const ahead = new AsyncLocalStorage<true>();

/**
 * Runs `work` with a write unit's priority for its store calls, without
 * joining the write queue: the part of an ingest that runs before its unit
 * (is the article stored already? its extraction), which would otherwise
 * wait behind the UI's reads as if it were one of them.
 */
export function withWritePriority<T>(work: () => Promise<T>): Promise<T> {
  return ahead.run(true, work);
}

/**
 * True inside a unit of some store's write queue or withWritePriority: a
 * store uses it to give the queries of an ingest (an article's checks, its
 * write, its claims and events steps) the way before reads made outside any
 * unit (the UI's), so ingest keeps its pace while the UI reads
 * (server/graph/host/calls.ts WritePriority).
 */
export function inWriteUnit(): boolean {
  return holding.getStore() !== undefined || ahead.getStore() === true;
}
