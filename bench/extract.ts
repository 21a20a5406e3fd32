/**
 * Extraction throughput on >= 5 MB of varied synthetic news text, one core
 * (the text comes from bench/corpus.ts variedArticles: every pattern the
 * extractor handles, so the measure is not of an easy case).
 *
 * `npx tsx bench/extract.ts` prints the numbers; `npm run bench` calls benchExtract().
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract } from '../server/extract/index.js';
import { variedArticles } from './corpus.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** 243 real Wikinews articles (CC BY 2.5, bench/wikinews/README.md). */
const WIKINEWS = fileURLToPath(new URL('./wikinews/wikinews-2019-2020.jsonl', import.meta.url));
const REAL_TARGET_BYTES = 5 * 1024 * 1024;

/** The Wikinews articles repeated (ids made unique) until there are >= 5 MB of text. */
export function wikinewsReplicated(): { lines: string[]; texts: { text: string; publishedAt: string }[]; bytes: number } {
  const base = readFileSync(WIKINEWS, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { id: string; text: string; publishedAt: string; title: string });
  const lines: string[] = [];
  const texts: { text: string; publishedAt: string }[] = [];
  let bytes = 0;
  for (let round = 0; bytes < REAL_TARGET_BYTES; round++) {
    for (const a of base) {
      const line = JSON.stringify({ id: `${a.id}-${round}`, title: a.title, text: a.text, publishedAt: a.publishedAt });
      lines.push(line);
      texts.push({ text: a.text, publishedAt: a.publishedAt });
      bytes += Buffer.byteLength(line) + 1;
    }
  }
  return { lines, texts, bytes };
}

/**
 * Real text: the extractor in process (CPU time, one core) and
 * `claimgraph extract --jsonl` as users run it (wall time, start-up included),
 * both on the Wikinews articles replicated to >= 5 MB.
 */
export async function benchRealText(): Promise<{ inputMB: number; inProcessMBps: number; cliWallSecs: number; cliWallMBps: number; statements: number }> {
  const { lines, texts, bytes } = wikinewsReplicated();
  const mb = bytes / 1024 / 1024;
  for (const a of texts.slice(0, 100)) extract(a.text, { publishedAt: a.publishedAt }); // warm-up
  const c0 = process.cpuUsage();
  let statements = 0;
  for (const a of texts) statements += extract(a.text, { publishedAt: a.publishedAt }).statements.length;
  const cpu = process.cpuUsage(c0);
  const inProcess = mb / ((cpu.user + cpu.system) / 1e6);
  const t0 = performance.now();
  const outBytes = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/claimgraph.mjs', 'extract', '--jsonl'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    let n = 0;
    child.stdout.on('data', (d: Buffer) => { n += d.length; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(n) : reject(new Error(`extract --jsonl exited with ${code}`))));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
  const wall = (performance.now() - t0) / 1000;
  if (statements === 0 || outBytes === 0) throw new Error('real-text benchmark extracted nothing');
  return { inputMB: mb, inProcessMBps: inProcess, cliWallSecs: wall, cliWallMBps: mb / wall, statements };
}

let lastWallSecs = 0;

/** Runs the extractor over >= 5 MB of synthetic articles and reports throughput. */
export async function benchExtract(): Promise<{ mbPerSec: number; articlesPerSec: number; bytes: number }> {
  const articles = variedArticles(5 * 1024 * 1024);
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a), 0);
  for (const a of articles.slice(0, 200)) extract(a, { publishedAt: '2025-08-21T12:00:00Z' }); // warm-up
  let statements = 0;
  // CPU time of this process, not wall time: on a shared machine wall time measures the neighbours too
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const a of articles) statements += extract(a, { publishedAt: '2025-08-21T12:00:00Z' }).statements.length;
  const cpu = process.cpuUsage(c0);
  const secs = (cpu.user + cpu.system) / 1e6;
  lastWallSecs = (performance.now() - t0) / 1000;
  if (statements === 0) throw new Error('benchmark extracted nothing: the templates no longer exercise the extractor');
  return { mbPerSec: bytes / 1024 / 1024 / secs, articlesPerSec: articles.length / secs, bytes };
}

/**
 * How extraction time grows with the text: CPU time on one text of `big`
 * repeats of a news-like unit over one of `small` repeats. With 8x the text,
 * linear is about 8 and quadratic about 64. Moved here from the test suite,
 * where one garbage collection moved the ratio from 2 to 20.
 */
export function benchExtractGrowth(small = 500, big = 4000): { growth8x: number } {
  const unit = 'Anna Berg said that the "talks" had failed. He added, "We will try again on Monday." Moscow has warned that it will respond. ';
  const cpuMs = (n: number): number => {
    const text = unit.repeat(n);
    const c0 = process.cpuUsage();
    extract(text, { publishedAt: '2025-08-21T12:00:00Z' });
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  cpuMs(200); // warm-up
  return { growth8x: Number((cpuMs(big) / Math.max(cpuMs(small), 1)).toFixed(1)) };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const r = await benchExtract();
  console.log(`extract growth with 8x the text (linear ~8, quadratic ~64): ${benchExtractGrowth().growth8x}`);
  console.log(`extract: ${(r.bytes / 1024 / 1024).toFixed(1)} MB, ${r.mbPerSec.toFixed(2)} MB/s, ${r.articlesPerSec.toFixed(0)} articles/s per CPU-second on one core (wall ${lastWallSecs.toFixed(1)} s)`);
  const w = await benchRealText();
  console.log(`extract, real text (Wikinews x${Math.ceil(w.inputMB / 0.62)}, ${w.inputMB.toFixed(1)} MB): in process ${w.inProcessMBps.toFixed(2)} MB/s per CPU-second; claimgraph extract --jsonl ${w.cliWallMBps.toFixed(2)} MB/s wall (${w.cliWallSecs.toFixed(1)} s, target >= 2)`);
}
