/**
 * Write-speed measurement of the embedded store: articles/s and statements/s
 * at growing store sizes, to show ingest stays linear (each MERGE is an index
 * seek). Run: `npx tsx bench/store.ts [articles]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore } from '../server/graph/index.js';
import { smallArticle } from '../test/utils/graph-fixtures.js';

/**
 * Writes `total` small articles (`statementsPerArticle` statements, two
 * actors each) to a fresh persistent embedded store and reports the rate over
 * each slice of `slice` articles: `articlesPerSec@<n>` / `statementsPerSec@<n>`
 * for the slice ending at n articles, `growth` = last slice's ms per article /
 * first slice's (1 = linear ingest), and `rewriteMs` for re-writing a stored
 * article (the 'unchanged' path).
 */
export async function benchStore(total = 5000, slice = 1000, statementsPerArticle = 5): Promise<Record<string, number>> {
  const STATEMENTS_PER_ARTICLE = statementsPerArticle;
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-'));
  const store = await openStore({ backend: 'embedded', path: join(dir, 'bench.grafeo') });
  const out: Record<string, number> = {};
  const perArticle: number[] = [];
  try {
    for (let start = 0; start < total; start += slice) {
      const t0 = performance.now();
      for (let i = start; i < Math.min(total, start + slice); i++) await store.writeArticle(smallArticle(i, STATEMENTS_PER_ARTICLE, 500));
      const ms = performance.now() - t0;
      const n = Math.min(slice, total - start);
      perArticle.push(ms / n);
      out[`articlesPerSec@${start + n}`] = Math.round((n / ms) * 1000);
      out[`statementsPerSec@${start + n}`] = Math.round(((n * STATEMENTS_PER_ARTICLE) / ms) * 1000);
    }
    out.growth = Number((perArticle[perArticle.length - 1]! / perArticle[0]!).toFixed(2));
    const t0 = performance.now();
    const again = await store.writeArticle(smallArticle(0, STATEMENTS_PER_ARTICLE, 500));
    out.rewriteMs = Number((performance.now() - t0).toFixed(2));
    if (again !== 'unchanged') throw new Error('re-write was not unchanged');
    const stats = await store.stats();
    out.statements = stats.statements;
    out.actors = stats.actors;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/**
 * Ingest growth: ms per article written into a store of `fill` articles over
 * ms per article written into an empty one (1 = no growth). The two are
 * interleaved, one article to each in turn, so a neighbour slowing the
 * machine slows both sides alike. Moved here from the store contract suite.
 */
export async function benchIngestGrowth(fill = 1800, timed = 200): Promise<Record<string, number>> {
  const full = await openStore({ backend: 'embedded', path: null });
  const fresh = await openStore({ backend: 'embedded', path: null });
  try {
    // One outlet and five speakers: high-degree nodes, where a relationship MERGE that walks edges would show.
    const article = (i: number) => smallArticle(i, 3, 5, 1);
    for (let i = 0; i < fill; i++) await full.writeArticle(article(i));
    for (let i = 0; i < 20; i++) await fresh.writeArticle(article(100_000 + i)); // warm-up
    const late: number[] = [];
    const early: number[] = [];
    const time = async (store: typeof full, i: number, into: number[]) => {
      const t0 = performance.now();
      await store.writeArticle(article(i));
      into.push(performance.now() - t0);
    };
    for (let k = 0; k < timed; k++) {
      await time(full, fill + k, late);
      await time(fresh, 200_000 + k, early);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      'ingestGrowth.msPerArticleEmpty': Number(mean(early).toFixed(2)),
      [`ingestGrowth.msPerArticleAt${fill + timed}`]: Number(mean(late).toFixed(2)),
      'ingestGrowth.ratio': Number((mean(late) / mean(early)).toFixed(2)),
    };
  } finally {
    await full.close();
    await fresh.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const total = Number(process.argv[2] ?? 5000);
  console.log('5 statements per article', JSON.stringify(await benchStore(total), null, 2));
  console.log('ingest growth (1 = none)', JSON.stringify(await benchIngestGrowth(), null, 2));
  console.log('25 statements per article', JSON.stringify(await benchStore(Math.ceil(total / 5), Math.ceil(total / 25), 25), null, 2));
}
