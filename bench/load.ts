/**
 * Load test (issue 9): the real server on loopback, a persistent embedded
 * store seeded with synthetic articles and hosted in its child process as
 * `claimgraph serve` hosts it, 50 concurrent clients on /api/timeline and
 * /api/network (25 each) for `durationSeconds`, while an ingest of
 * synthetic article texts runs in the server's own process (extraction in
 * worker threads, as `claimgraph ingest` does). The same ingest runs first
 * for a third of that time with no load: `ingestUnderLoadRatio` is the
 * loaded rate over the unloaded one (issue 19's target: >= 0.5).
 *
 * autocannon runs as two child processes, so the load generator does not
 * share the server's event loop. Reports, per route: requests/s, p50 and
 * p99 latency, errors (connection failures and timeouts) and non-2xx
 * answers; for the process: RSS before, peak and after, and the ingest rate
 * under load.
 *
 *   npx tsx bench/load.ts [seconds=30] [seedArticles=3000]
 *
 * `npm run bench` calls benchLoad() (bench/run.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../server/config.js';
import { openStore, type GraphStore } from '../server/graph/index.js';
import { declaredQueryNames } from './query-names.js';
import { ingestRecord } from '../server/ingest/index.js';
import { ExtractPool, processArticle } from '../server/pipeline/index.js';
import { corpus } from './corpus.js';

/** The slice of autocannon's JSON result read here. */
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

/** The routes under load; the window is a month of the corpus' half year, as the UI asks for. */
const WINDOW = 'from=2025-03-01&to=2025-04-01';
const ROUTES = { timeline: `/api/timeline?${WINDOW}`, network: `/api/network?${WINDOW}` };
const CONNECTIONS_PER_ROUTE = 25;

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Runs autocannon against one URL in a child process; resolves its JSON result. */
function cannon(url: string, connections: number, seconds: number): Promise<CannonResult> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('autocannon/package.json')), 'autocannon.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '-c', String(connections), '-d', String(seconds), '-t', '30', '-n', '-j', url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err.slice(0, 300)}`));
      try {
        resolve(JSON.parse(out) as CannonResult);
      } catch {
        reject(new Error(`autocannon printed no JSON: ${out.slice(0, 200)} ${err.slice(0, 200)}`));
      }
    });
  });
}

/**
 * Seeds a fresh store with `seedArticles` synthetic articles (written as
 * graphs, skipping extraction), serves it, and puts it under load for
 * `durationSeconds` while ingesting synthetic texts through the real
 * extractor. Returns the numbers; throws only if the set-up fails.
 */
export async function benchLoad(durationSeconds = 30, seedArticles = 3000): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-load-'));
  const path = join(dir, 'load.grafeo');
  const seeding = await openStore({ backend: 'embedded', path });
  const seed = corpus({ seed: 21, statementsPerArticle: 10, days: 180 });
  try {
    for (let i = 0; i < seedArticles; i++) await seeding.writeArticle(seed.nextGraph());
  } finally {
    await seeding.close();
  }
  const store = await openStore({ backend: 'embedded', path, hosted: true, log: () => undefined });
  // The server's store calls timed from the server's side (queueing included), per query, while the clients read.
  const names = await declaredQueryNames();
  const calls = new Map<string, { n: number; ms: number }>();
  let tallying = false;
  const timed = new Proxy(store, {
    get(target, prop) {
      if (prop === 'run') {
        return async (query: string, params?: Record<string, unknown>) => {
          const t0 = performance.now();
          try {
            return await target.run(query, params);
          } finally {
            if (tallying) {
              const name = names.get(query) ?? query.split('\n')[0]!.slice(0, 60);
              const c = calls.get(name) ?? { n: 0, ms: 0 };
              c.n += 1;
              c.ms += performance.now() - t0;
              calls.set(name, c);
            }
          }
        };
      }
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as GraphStore;
  const pool = new ExtractPool();
  const out: Record<string, number> = {};
  try {
    out.seedArticles = seedArticles;

    const { startServer } = await import('../server/main.js');
    const server = await startServer({ store: timed, config: { ...loadConfig({}), host: '127.0.0.1', port: 0 } });
    const base = `http://127.0.0.1:${server.port}`;
    try {
      // Warm the plan caches so the first second is not all compile time.
      for (const path of Object.values(ROUTES)) {
        const res = await fetch(base + path);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`GET ${path} answered ${res.status} before the load started`);
      }
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 250);

      // The ingest runs in this process, yielding between articles as the pipeline does between awaits:
      // first alone (its unloaded rate), then beside the load.
      const texts = corpus({ seed: 22, statementsPerArticle: 10, days: 180 });
      const ingestFor = (stop: { running: boolean }) => {
        const counts = { articles: 0, statements: 0, errors: 0 };
        const done = (async () => {
          while (stop.running) {
            const r = texts.nextText();
            try {
              for (const article of ingestRecord({ text: r.text, title: r.title, source: r.source, publishedAt: r.publishedAt }, r.id)) {
                counts.statements += (await processArticle(store, article, pool)).extraction.statements.length;
                counts.articles += 1;
              }
            } catch {
              counts.errors += 1;
            }
            await new Promise((resolve) => setImmediate(resolve));
          }
        })();
        return { counts, done };
      };
      // Warm-up, not timed: the extraction threads start and the store process plans the ingest's queries.
      const warmStop = { running: true };
      const warm = ingestFor(warmStop);
      while (warm.counts.articles + warm.counts.errors < 3) await new Promise((resolve) => setTimeout(resolve, 50));
      warmStop.running = false;
      await warm.done;
      const aloneSeconds = Math.max(5, Math.round(durationSeconds / 3));
      const aloneStop = { running: true };
      const alone = ingestFor(aloneStop);
      const tAlone = performance.now();
      await new Promise((resolve) => setTimeout(resolve, aloneSeconds * 1000));
      aloneStop.running = false;
      await alone.done;
      const unloadedRate = alone.counts.articles / ((performance.now() - tAlone) / 1000);

      const loadedStop = { running: true };
      const loaded = ingestFor(loadedStop);
      const ingest = loaded.counts;
      const t0 = performance.now();
      tallying = true;
      const results = await Promise.all(
        Object.entries(ROUTES).map(async ([name, path]) => [name, await cannon(base + path, CONNECTIONS_PER_ROUTE, durationSeconds)] as const),
      );
      loadedStop.running = false;
      await loaded.done;
      tallying = false;
      const seconds = (performance.now() - t0) / 1000;
      // What the 50 clients' requests ask of the store: calls per query, and their mean time (queueing included).
      const perCall = [...calls].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
      process.stderr.write(`bench: load: the server's store calls under load (calls, mean ms): ${perCall.map(([q, c]) => `${q} ${c.n} x ${(c.ms / c.n).toFixed(1)}`).join('; ')}\n`);
      clearInterval(sampler);

      for (const [name, r] of results) {
        out[`${name}.requestsPerSec`] = r.requests.average;
        out[`${name}.requests`] = r.requests.total;
        out[`${name}.p50Ms`] = r.latency.p50;
        out[`${name}.p99Ms`] = r.latency.p99;
        out[`${name}.maxMs`] = r.latency.max;
        out[`${name}.errors`] = r.errors + r.timeouts;
        out[`${name}.non2xx`] = r.non2xx;
      }
      out.connections = CONNECTIONS_PER_ROUTE * results.length;
      out.durationSeconds = durationSeconds;
      out.ingestArticles = ingest.articles;
      out.ingestArticlesPerSec = Number((ingest.articles / seconds).toFixed(1));
      out.ingestUnloadedArticlesPerSec = Number(unloadedRate.toFixed(1));
      out.ingestUnderLoadRatio = Number((ingest.articles / seconds / Math.max(unloadedRate, 1e-9)).toFixed(2));
      out.ingestErrors = ingest.errors;
      out.rssBeforeMB = mb(rssBefore);
      out.rssPeakMB = mb(rssPeak);
      out.rssAfterMB = mb(process.memoryUsage().rss);
      const stats = await store.stats();
      out.articlesAfter = stats.articles;
    } finally {
      await server.close();
    }
  } finally {
    await pool.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seconds = Number(process.argv[2] ?? 30);
  const seedArticles = Number(process.argv[3] ?? 3000);
  console.log(JSON.stringify(await benchLoad(seconds, seedArticles), null, 2));
}
