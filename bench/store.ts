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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const total = Number(process.argv[2] ?? 5000);
  console.log('5 statements per article', JSON.stringify(await benchStore(total), null, 2));
  console.log('25 statements per article', JSON.stringify(await benchStore(Math.ceil(total / 5), Math.ceil(total / 25), 25), null, 2));
}
