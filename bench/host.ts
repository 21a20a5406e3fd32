/**
 * What hosting the embedded store in a child process costs (server/graph/host):
 * ingest and a timeline read through the hosted store against the same
 * file-backed store in this process, and how long a restart after a runaway
 * query takes at growing store sizes.
 * The two sides alternate call by call, so other load on the machine falls on both alike.
 * Run: `npx tsx bench/host.ts [articles=500] [restartSizes=10000,100000 statements]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HostedStore, openStore, timeline, type GraphStore } from '../server/graph/index.js';
import { readInputs } from '../server/ingest/index.js';
import type { IngestedArticle } from '../server/ingest/types.js';
import { processArticle } from '../server/pipeline/index.js';
import { corpus } from './corpus.js';

const RUNAWAY = 'MATCH (a:Statement), (b:Statement), (c:Statement) RETURN count(*) AS n';
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const r2 = (x: number) => Number(x.toFixed(2));

/** Opens a file-backed store in a fresh temp dir, in process or hosted. */
async function tempStore(hosted: boolean): Promise<{ store: GraphStore; done: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-host-'));
  const store = await openStore({ backend: 'embedded', path: join(dir, 'bench.grafeo'), hosted, log: () => undefined });
  return {
    store,
    done: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `work(store, i)` for i < n on both stores in turn (in process, then
 * hosted, for each i), so load from other jobs falls on both sides alike.
 * Returns the ms each side spent per call.
 */
async function alternate(
  stores: { inProcess: GraphStore; hosted: GraphStore },
  n: number,
  work: (store: GraphStore, i: number) => Promise<unknown>,
): Promise<{ inProcess: number; hosted: number; ratio: number }> {
  const ms = { inProcess: [] as number[], hosted: [] as number[] };
  for (let i = 0; i < n; i++) {
    for (const side of ['inProcess', 'hosted'] as const) {
      const t0 = performance.now();
      await work(stores[side], i);
      ms[side].push(performance.now() - t0);
    }
  }
  const a = mean(ms.inProcess);
  const b = mean(ms.hosted);
  return { inProcess: r2(a), hosted: r2(b), ratio: r2(b / a) };
}

/**
 * Fills a store with `statements` statements (in this process), then opens it
 * hosted, times a runaway out and reports the restart: the 408 delay, the
 * stop (drain + kill), the start (process start + store open) and the first
 * answer after the timeout.
 */
async function restartAt(statements: number): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-host-'));
  const path = join(dir, 'bench.grafeo');
  try {
    const fill = await openStore({ backend: 'embedded', path });
    const gen = corpus({ seed: 11 });
    const t0 = performance.now();
    while ((await fill.stats()).statements < statements) {
      for (let i = 0; i < 100; i++) await fill.writeArticle(gen.nextGraph());
    }
    const fillS = (performance.now() - t0) / 1000;
    const stored = (await fill.stats()).statements;
    await fill.close();
    const t1 = performance.now();
    const store = (await openStore({ backend: 'embedded', path, hosted: true, log: () => undefined })) as HostedStore;
    const openMs = performance.now() - t1;
    try {
      // A server that has run for a while has its standby loaded.
      if (!(await store.standbyLoaded())) throw new Error('the standby process did not load');
      const limit = 500;
      const t2 = performance.now();
      const err = await store.readOnly(RUNAWAY, {}, { timeoutMs: limit }).catch((e: unknown) => e);
      const answeredMs = performance.now() - t2;
      if ((err as { code?: string }).code !== 'QUERY_TIMEOUT') throw new Error(`expected QUERY_TIMEOUT, found ${String(err)}`);
      const t3 = performance.now();
      await store.stats();
      const nextCallMs = performance.now() - t3;
      const r = store.restarts[0]!;
      return {
        statements: stored,
        fillS: r2(fillS),
        firstOpenMs: Math.round(openMs),
        timeoutAnsweredMs: Math.round(answeredMs),
        restartStopMs: r.stopMs,
        restartStartMs: r.startMs,
        restartStoreOpenMs: r.openMs,
        firstCallAfterTimeoutMs: Math.round(nextCallMs),
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 500);
  const sizes = (process.argv[3] ?? '10000,100000').split(',').filter(Boolean).map(Number);
  const out: Record<string, unknown> = {};

  // The pipeline (extraction, write, events, claims) on text articles.
  const gen = corpus({ seed: 5, statementsPerArticle: 5 });
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-host-'));
  const file = join(dir, 'articles.jsonl');
  writeFileSync(file, `${Array.from({ length: n }, () => JSON.stringify(gen.nextText())).join('\n')}\n`);
  const articles: IngestedArticle[] = [];
  for await (const item of readInputs([file])) if (item.ok) articles.push(...item.articles);
  rmSync(dir, { recursive: true, force: true });
  let a = await tempStore(false);
  let b = await tempStore(true);
  out.pipelineMsPerArticle = await alternate({ inProcess: a.store, hosted: b.store }, articles.length, (store, i) => processArticle(store, articles[i]!));
  await a.done();
  await b.done();

  // writeArticle of ready graphs (10 statements each), then reads on the filled stores.
  const graphs = corpus({ seed: 7 });
  const batch = Array.from({ length: n }, () => graphs.nextGraph());
  a = await tempStore(false);
  b = await tempStore(true);
  const stores = { inProcess: a.store, hosted: b.store };
  out.writeArticleMs = await alternate(stores, n, (store, i) => store.writeArticle(batch[i]!));
  const window = { from: '2025-03-01', to: '2025-03-31', limit: 200 };
  out.timelineRows = (await timeline(a.store, window)).length;
  out.timelineMs = await alternate(stores, 100, (store) => timeline(store, window));
  out.statsMs = await alternate(stores, 200, (store) => store.stats());
  out.roundTripMs = await alternate(stores, 500, (store) => store.run('RETURN 1 AS one'));
  await a.done();
  await b.done();
  console.log(JSON.stringify(out, null, 2));
  for (const size of sizes) console.log(JSON.stringify({ restart: await restartAt(size) }));
}
