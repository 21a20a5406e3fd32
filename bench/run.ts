/**
 * `npm run bench`: one run, one table, one JSON file (bench/results/<date>.json)
 * and a log-log plot of latency against store size (docs/performance-scaling.svg).
 *
 *   npm run bench                      sizes 10k and 100k statements (about 7 minutes on 2 cores, quiet)
 *   npm run bench -- --sizes 10k,100k,1m   adds 1M (about 15 more minutes: the fill alone is 100,000 articles)
 *   npm run bench -- --skip claims,load,ui   leaves sections out (extract, ingest, claims, load, ui)
 *   npm run bench -- --keep-stores     keeps the filled stores (their paths are printed) for profiling
 *   npm run bench -- --sizes 1m --reuse-store DIR   measures a store kept by --keep-stores (its data directory) instead of filling one
 *   npm run bench -- --quick           small sizes, short load test (a smoke run)
 *
 * Numbers, not pass/fail: targets are printed beside them for reading.
 */
// The CLI's V8 flags, so the extractor measured in process runs as the CLI runs it.
import '../bin/v8-flags.mjs';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { embeddedStorePath, openStore } from '../server/graph/index.js';
import type { GraphStore } from '../server/graph/types.js';
import { ingestRecord } from '../server/ingest/index.js';
import { processArticle } from '../server/pipeline/index.js';
import { corpus } from './corpus.js';
import { scalingSvg } from './plot.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const Flags = z.object({
  sizes: z
    .string()
    .regex(/^(\d+[km]?)(,\d+[km]?)*$/i, 'expected sizes like 10k,100k,1m')
    .default('10k,100k')
    .transform((s) => s.split(',').map((x) => Number.parseInt(x, 10) * (/m$/i.test(x) ? 1_000_000 : /k$/i.test(x) ? 1000 : 1))),
  quick: z.boolean().default(false),
  ingestArticles: z.coerce.number().int().positive().default(1000),
  requests: z.coerce.number().int().positive().default(60),
  skip: z
    .string()
    .regex(/^(extract|ingest|claims|load|ui)(,(extract|ingest|claims|load|ui))*$/, 'expected sections like claims,load,ui (of extract, ingest, claims, load, ui)')
    .optional()
    .transform((s) => new Set(s ? s.split(',') : [])),
  keepStores: z.boolean().default(false),
  reuseStore: z.string().optional(),
});

type Result = Record<string, number | string>;

const ms = (t0: number) => performance.now() - t0;
const round = (x: number, d = 1) => Number(x.toFixed(d));

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

function dirSize(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    total += st.isDirectory() ? dirSize(p) : st.size;
  }
  return total;
}

/** End-to-end ingest: synthetic article texts through ingest, the real extractor and the embedded store. */
async function benchIngest(articles: number): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-ingest-'));
  const store = await openStore({ backend: 'embedded', path: join(dir, 'store.grafeo') });
  const gen = corpus({ seed: 7 });
  let statements = 0;
  const t0 = performance.now();
  try {
    for (let i = 0; i < articles; i++) {
      const r = gen.nextText();
      for (const article of ingestRecord({ text: r.text, title: r.title, source: r.source, publishedAt: r.publishedAt }, r.id)) {
        statements += (await processArticle(store, article)).extraction.statements.length;
      }
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const s = ms(t0) / 1000;
  return { 'ingest.articlesPerSec': round(articles / s), 'ingest.statementsPerSec': round(statements / s) };
}

/** Times `n` GETs of each path against a running server; returns p50/p95 per name. */
async function latencies(base: string, paths: Record<string, string>, n: number): Promise<Result> {
  const out: Result = {};
  for (const [name, path] of Object.entries(paths)) {
    const times: number[] = [];
    for (let i = 0; i < n + 5; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${name}: GET ${path} answered ${res.status}`);
      if (i >= 5) times.push(ms(t0)); // the first 5 warm the plan cache
    }
    out[`${name}.p50`] = round(percentile(times, 50));
    out[`${name}.p95`] = round(percentile(times, 95));
  }
  return out;
}

/** Fills a persistent store to `size` statements, then measures open time, disk size and API latency. */
async function benchSize(size: number, requests: number, keep = false, reuse?: string): Promise<Result> {
  // A reused store (--reuse-store, filled by an earlier run with --keep-stores) is measured as it is, never removed.
  const dir = reuse ?? mkdtempSync(join(tmpdir(), `claimgraph-bench-${size}-`));
  const path = embeddedStorePath(dir);
  const perArticle = 10;
  const gen = corpus({ seed: 11, statementsPerArticle: perArticle, days: 365 });
  let store: GraphStore = await openStore({ backend: 'embedded', path });
  const tFill = performance.now();
  const articles = reuse ? 0 : Math.ceil(size / perArticle);
  for (let i = 0; i < articles; i++) {
    await store.writeArticle(gen.nextGraph());
    if ((i + 1) % 10_000 === 0) process.stderr.write(`bench:   ${(i + 1) * perArticle} statements written in ${round(ms(tFill) / 1000)} s\n`);
  }
  const fillS = ms(tFill) / 1000;
  // Closing a reused store checkpoints what its open migrated, if anything: timed, not a fill's close.
  const tClose = performance.now();
  await store.close();
  const closeMs = ms(tClose);
  keep ||= reuse !== undefined;

  // Store open, timed in this process; then the real `claimgraph serve` (hosted store, a fresh process that never
  // filled anything) answers the requests, so latency includes the IPC and memory is what serving this store takes.
  const tOpen = performance.now();
  store = await openStore({ backend: 'embedded', path });
  const openMs = ms(tOpen);
  const top = gen.actors[0]!.name;
  const [actor] = await store.run('MATCH (a:Actor {name: $name}) RETURN a.id AS id', { name: top });
  await store.close();
  const out: Result = {
    ...(reuse ? { [`store.reusedCloseMs`]: round(closeMs) } : {
      [`store.writeStatementsPerSec`]: round((articles * perArticle) / fillS),
      [`store.fillS`]: round(fillS),
      // Closing checkpoints the write-ahead log into the store file (so the next open has nothing to replay).
      [`store.closeMs`]: round(closeMs),
    }),
    [`store.openMs`]: round(openMs),
    [`store.diskMB`]: round(dirSize(dir) / 1e6),
  };
  const server = await startServe(dir);
  try {
    out['serve.startMs'] = server.startMs;
    const window = 'from=2025-03-01&to=2025-03-31';
    Object.assign(
      out,
      await latencies(
        server.url,
        {
          timeline: `/api/timeline?${window}`,
          // The network over one calendar month (`to` is exclusive: the window the load test and the UI's month use),
          // over the 30 days of the timeline's window (March cut at the 31st: its days are read from their
          // statements), and with no window (the network page's first view: every month's rollups).
          network: `/api/network?from=2025-03-01&to=2025-04-01`,
          network30d: `/api/network?${window}`,
          networkAll: `/api/network`,
          actor: `/api/actors/${encodeURIComponent(String(actor?.id))}`,
          search: `/api/statements?q=${encodeURIComponent('energy pact')}&limit=50`,
        },
        requests,
      ),
    );
    // Resident memory of the serving processes (the server and its store process, with the idle standby) after the requests.
    const mem = processTreeMemory(server.pid);
    out['store.rssMB'] = mem.rssMB;
    out['store.peakRssMB'] = mem.peakMB;
    out['store.rssByProcessMB'] = mem.byProcess;
    out['machine.loadAvg1'] = round(loadavg()[0]!, 2);
  } finally {
    await server.stop();
    if (keep) process.stderr.write(`bench:   store of ${size} statements kept in ${path}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** Starts `claimgraph serve` on a data directory (port 0) and waits for its URL. */
async function startServe(dataDir: string): Promise<{ url: string; pid: number; startMs: number; stop: () => Promise<void> }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/claimgraph.mjs'), 'serve', '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /serving on (http:\/\/\S+)/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`claimgraph serve exited (${code}) before serving: ${stderr.trim()}`)));
  });
  return {
    url,
    pid: child.pid!,
    startMs: round(ms(t0)),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident and peak memory (MB) of a process and all its descendants, from /proc (Linux). */
function processTreeMemory(root: number): { rssMB: number; peakMB: number; byProcess: string } {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parentOf) if (ppid === tree[i]) tree.push(pid);
  let rss = 0;
  let peak = 0;
  const parts: string[] = [];
  for (const pid of tree) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const own = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss += own;
      peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      // Which process: the server, a store process (host/child.ts; the idle standby is the one holding little), or another.
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      parts.push(`${pid === root ? 'server' : cmd.includes('child.ts') ? 'store' : 'other'} ${round(own / 1024, 0)}`);
    } catch {
      // gone
    }
  }
  return { rssMB: round(rss / 1024), peakMB: round(peak / 1024), byProcess: parts.join(', ') };
}

/** Runs an optional benchmark module another component provides; a failure is reported, not fatal. */
async function optional(name: string, file: string, fn: string, ...args: unknown[]): Promise<Result> {
  try {
    const mod = (await import(file)) as Record<string, (...a: unknown[]) => Promise<Record<string, number>>>;
    const r = await mod[fn]!(...args);
    return Object.fromEntries(Object.entries(r).map(([k, v]) => [`${name}.${k}`, typeof v === 'number' ? round(v, 2) : v]));
  } catch (error) {
    // Paths relative to the checkout: results files must not record this machine's layout.
    return { [`${name}.error`]: (error as Error).message.split(ROOT).join('').slice(0, 120) };
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      quick: { type: 'boolean' },
      'ingest-articles': { type: 'string' },
      requests: { type: 'string' },
      skip: { type: 'string' },
      'keep-stores': { type: 'boolean' },
      'reuse-store': { type: 'string' },
    },
  });
  const flags = Flags.parse({ sizes: values.sizes, quick: values.quick, ingestArticles: values['ingest-articles'], requests: values.requests, skip: values.skip, keepStores: values['keep-stores'], reuseStore: values['reuse-store'] });
  const sizes = flags.quick ? [2000, 10_000] : flags.sizes;
  const results: Result = {};
  const section = async (label: string, fn: () => Promise<Result>, name?: string) => {
    if (name && flags.skip.has(name)) {
      process.stderr.write(`bench: ${label} skipped (--skip ${name})\n`);
      return;
    }
    process.stderr.write(`bench: ${label}... (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})\n`);
    const t0 = performance.now();
    Object.assign(results, await fn());
    process.stderr.write(`bench: ${label} done in ${round(ms(t0) / 1000)} s\n`);
  };

  await section('extraction throughput', () => optional('extract', './extract.js', 'benchExtract'), 'extract');
  await section('extraction growth', () => optional('extract', './extract.js', 'benchExtractGrowth'), 'extract');
  // real text (issue 15): Wikinews articles replicated to >= 5 MB, in process and through `claimgraph extract --jsonl`
  await section('extraction on real text', () => optional('extractReal', './extract.js', 'benchRealText'), 'extract');
  // real text end to end (issue 19): Wikinews replicated to >= 2,400 articles; extraction alone, `extract --jsonl`
  // and `claimgraph ingest` in the same run, and ingest's time over extraction's
  await section('end-to-end on real text', () => optional('e2e', './e2e.js', 'benchEndToEnd', flags.quick ? 243 : 2430), 'ingest');
  await section('end-to-end ingest', () => benchIngest(flags.quick ? 200 : flags.ingestArticles), 'ingest');
  await section('ingest growth', () => optional('store', './store.js', 'benchIngestGrowth'), 'ingest');
  // Before the sizes: after a 1M store the process's heap slowed every query of the claims sample about 2x
  // (the alias lookup too, whose cost cannot depend on the store), which read as growth that a standalone run did not show.
  await section('claims', () => optional('claims', './claims.js', 'benchClaims'), 'claims');
  const bySize: Record<number, Result> = {};
  for (const size of sizes) {
    await section(`store of ${size} statements`, async () => {
      bySize[size] = await benchSize(size, flags.quick ? 20 : flags.requests, flags.keepStores, flags.reuseStore);
      return Object.fromEntries(Object.entries(bySize[size]!).map(([k, v]) => [`${k}@${size}`, v]));
    });
  }
  await section('load', () => optional('load', './load.js', 'benchLoad', flags.quick ? 5 : 30), 'load');
  await section('UI frame times', () => optional('ui', './ui.js', 'benchUi'), 'ui');
  results['memory.peakRssMB'] = round(process.resourceUsage().maxRSS / 1024);

  results['machine.loadAvg1AtEnd'] = round(loadavg()[0]!, 2);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memGB: round(totalmem() / 2 ** 30), node: process.version };
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  process.stdout.write(`claimgraph bench — ${new Date().toISOString()} — ${machine.cpus} cores, ${machine.memGB} GB, Node ${machine.node}\n`);
  for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);

  const outDir = join(ROOT, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  // One file per run: a second run on the same day gets <date>-2.json, and so on, so no run overwrites another.
  const day = new Date().toISOString().slice(0, 10);
  let file = join(outDir, `${day}.json`);
  for (let k = 2; existsSync(file); k++) file = join(outDir, `${day}-${k}.json`);
  const skipped = [...flags.skip];
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine, sizes, skipped, results }, null, 2)}\n`);
  writeFileSync(join(ROOT, 'docs/performance-scaling.svg'), scalingSvg(sizes, bySize));
  process.stdout.write(`\nwrote ${relative(ROOT, file)} and docs/performance-scaling.svg\n`);
}

await main();
