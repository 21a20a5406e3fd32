/**
 * The store's own share of an ingest (issue 19): what the embedded engine
 * costs for the graph an ingest writes, with none of our JavaScript around
 * it. An ingest of the file runs in this process as `claimgraph ingest`
 * runs it (one extraction thread, batches), with every query the store
 * sends to Grafeo recorded (text, parameters, transaction); then the same
 * calls, in the same order and transactions, are replayed on a fresh store
 * file with nothing else running: parameters converted in, the query run,
 * the rows converted out as the store does it, the store closed (its
 * checkpoint). That replay is a floor no change outside the engine can go
 * under while the graph stays what it is: ingest cannot be faster than it.
 *
 *   npx tsx bench/engine-floor.ts FILE.jsonl
 *
 * `npm run bench`'s end-to-end section calls engineFloor() on its file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import grafeo from '@grafeo-db/js';
import { openStore } from '../server/graph/index.js';
import { storeTimes } from '../server/graph/times.js';
import { grafeoToPlain, rowToPlain } from '../server/graph/values.js';
import { readInputs } from '../server/ingest/index.js';
import { defaultIngestWorkers, DEFAULT_INGEST_BATCH, ExtractPool, ingestInputs } from '../server/pipeline/index.js';

interface Call {
  /** The transaction the call ran in (numbered in order of first use), null outside one. */
  tx: number | null;
  query: string;
  params: Record<string, unknown>;
}

type Executor = (this: unknown, query: string, params?: unknown) => Promise<unknown>;

/** Runs `work` with every executeCypher of Grafeo's database and transaction objects recorded in `calls`. */
async function recording<T>(calls: Call[], work: () => Promise<T>): Promise<T> {
  const targets = [grafeo.GrafeoDB.prototype, grafeo.Transaction.prototype] as unknown as Array<{ executeCypher: Executor }>;
  const originals = targets.map((t) => t.executeCypher);
  const txIds = new WeakMap<object, number>();
  let transactions = 0;
  targets.forEach((target, k) => {
    const original = originals[k]!;
    target.executeCypher = function (this: unknown, query: string, params?: unknown) {
      let tx: number | null = null;
      if (k === 1) {
        tx = txIds.get(this as object) ?? null;
        if (tx === null) txIds.set(this as object, (tx = ++transactions));
      }
      calls.push({ tx, query, params: structuredClone((params ?? {}) as Record<string, unknown>) });
      return original.call(this, query, params);
    };
  });
  try {
    return await work();
  } finally {
    targets.forEach((target, k) => (target.executeCypher = originals[k]!));
  }
}

export interface EngineFloor {
  /** The in-process ingest that was recorded (wall seconds; slower than the CLI's by the recording). */
  recordedIngestSecs: number;
  calls: number;
  /** The replay: every call in order, the close included. */
  floorSecs: number;
  /** Of it: converting parameters into the engine (this thread), rows out of it (this thread), the close. */
  paramsInSecs: number;
  rowsOutSecs: number;
  closeSecs: number;
  /** Of it, by kind of call: the article writes (transactions), the steps' other writes, the reads. */
  articleWriteSecs: number;
  stepWriteSecs: number;
  readSecs: number;
}

const WRITES = /\b(MERGE|SET|CREATE|DELETE)\b/;

export async function engineFloor(file: string): Promise<EngineFloor> {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-floor-'));
  try {
    const calls: Call[] = [];
    const t0 = performance.now();
    await recording(calls, async () => {
      const store = await openStore({ backend: 'embedded', path: join(dir, 'recorded.grafeo') });
      const pool = new ExtractPool(defaultIngestWorkers(), { inThreadFirst: DEFAULT_INGEST_BATCH });
      try {
        const summary = await ingestInputs(store, readInputs([file], { retrievedAt: '2026-01-01T00:00:00.000Z' }), () => undefined, pool);
        if (summary.failed > 0) throw new Error(`the recorded ingest failed for ${summary.failed} articles`);
      } finally {
        await pool.close();
        await store.close();
      }
    });
    const recordedIngestSecs = (performance.now() - t0) / 1000;

    const db = grafeo.GrafeoDB.create(join(dir, 'replayed.grafeo'));
    let open: { id: number; tx: ReturnType<typeof db.beginTransaction> } | null = null;
    let paramsIn = 0;
    let rowsOut = 0;
    const byKind = { article: 0, step: 0, read: 0 };
    const t1 = performance.now();
    for (const c of calls) {
      if (open !== null && c.tx !== open.id) {
        open.tx.commit();
        open = null;
      }
      if (c.tx !== null && open === null) open = { id: c.tx, tx: db.beginTransaction() };
      const start = performance.now();
      const pending = (open === null ? db : open.tx).executeCypher(c.query, storeTimes(c.params));
      paramsIn += performance.now() - start;
      const result = await pending;
      const out = performance.now();
      (result.toArray() as Array<Record<string, unknown>>).map((row) => rowToPlain(row, grafeoToPlain));
      rowsOut += performance.now() - out;
      const kind = c.tx !== null ? 'article' : WRITES.test(c.query) ? 'step' : 'read';
      byKind[kind] += performance.now() - start;
    }
    if (open !== null) open.tx.commit();
    const t2 = performance.now();
    // As the store closes: a checkpoint folds the log into the file.
    db.walCheckpoint();
    db.close();
    const t3 = performance.now();
    return {
      recordedIngestSecs,
      calls: calls.length,
      floorSecs: (t3 - t1) / 1000,
      paramsInSecs: paramsIn / 1000,
      rowsOutSecs: rowsOut / 1000,
      closeSecs: (t3 - t2) / 1000,
      articleWriteSecs: byKind.article / 1000,
      stepWriteSecs: byKind.step / 1000,
      readSecs: byKind.read / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (file === undefined) {
    process.stderr.write('usage: npx tsx bench/engine-floor.ts FILE.jsonl\n');
    process.exit(2);
  }
  console.log(JSON.stringify(await engineFloor(file), null, 2));
}
