import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { importJsonl } from '../../server/exchange/index.js';
import { readInputs } from '../../server/ingest/index.js';
import { ingestInputs } from '../../server/pipeline/index.js';
import { openStore } from '../../server/graph/index.js';
import { SCHEMA } from '../../server/graph/queries/schema.js';
import { SCHEMA_VERSION } from '../../server/graph/schema.js';
import type { ArticleGraph, GraphStore } from '../../server/graph/types.js';
import { stableId, sourceId } from '../../server/ids.js';
import { actor, richArticle, smallArticle, statement } from '../utils/graph-fixtures.js';
import { exportAndImport, storeSandbox } from '../utils/stores.js';

/**
 * The per-day counters `(:_DayCount {day, cueClass, n})` that the article
 * write maintains (WRITE.countDays) and the unfiltered timeline reads must
 * always equal a count of the stored statements by day and cue class: after
 * ingest, after re-ingesting the same articles (nothing written), after an
 * export and import into another store, and after the version-3 migration
 * backfilled them on a store written without them.
 */

/** An article whose statements have a coarse time, a timestamp, no time at all, and another cue class. */
function mixedArticle(): ArticleGraph {
  const articleId = stableId('art', 'mixed');
  const speaker = actor('Mixed Speaker');
  return {
    source: { id: sourceId('Mixed Outlet'), name: 'Mixed Outlet', domain: null },
    article: {
      id: articleId, url: null, title: 'Mixed', publishedAt: null, publishedAtPrecision: 'unknown',
      retrievedAt: '2024-03-10T00:00:00.000Z', contentHash: 'mixed', language: 'en', text: 'x'.repeat(400),
    },
    actors: [speaker],
    statements: [
      statement(articleId, 10, 20, { speakerId: speaker.id, saidAt: '2024-03', saidAtPrecision: 'month' }),
      statement(articleId, 30, 40, { speakerId: speaker.id, saidAt: '2024-02-03T09:30:00.000Z', cueClass: 'accuse' }),
      statement(articleId, 50, 60, { speakerId: speaker.id, saidAt: null, saidAtPrecision: 'unknown' }), // undated: not counted
      statement(articleId, 70, 80, { speakerId: speaker.id, saidAt: '2024-02-03', cueClass: 'accuse' }),
    ],
    mentions: [speaker.id],
  };
}

const ARTICLES = (): ArticleGraph[] =>
  [...Array.from({ length: 30 }, (_, i) => smallArticle(i, 1 + (i % 4))), richArticle('a'), richArticle('b'), mixedArticle()];

/** The counters as sorted "day|cueClass=n" strings. */
async function counters(store: GraphStore): Promise<string[]> {
  const rows = await store.run('MATCH (c:_DayCount) RETURN c.day AS day, c.cueClass AS cueClass, c.n AS n');
  return rows.map((r) => `${r.day}|${r.cueClass}=${r.n}`).sort();
}

/** The same, counted from the statements themselves: day = the first ten characters of the statement's time. */
async function countedFromStatements(store: GraphStore): Promise<string[]> {
  const rows = await store.run('MATCH (s:Statement) RETURN s.time AS time, s.cueClass AS cueClass');
  const n = new Map<string, number>();
  for (const r of rows) {
    if (typeof r.time !== 'string') continue;
    const key = `${r.time.slice(0, 10)}|${String(r.cueClass)}`;
    n.set(key, (n.get(key) ?? 0) + 1);
  }
  return [...n].map(([k, v]) => `${k}=${v}`).sort();
}

describe('per-day statement counters', () => {
  const { tempDir, open } = storeSandbox('claimgraph-daycount-');

  let expected: string[];
  beforeAll(async () => {
    const store = await openStore({ backend: 'embedded', path: null });
    for (const g of ARTICLES()) await store.writeArticle(g);
    expected = await countedFromStatements(store);
    await store.close();
  });

  test('the fixture covers what the counters must handle: several days, two cue classes, a coarse time, a timestamp', () => {
    expect(expected).toContain('2024-03|say=1');
    expect(expected).toContain('2024-02-03|accuse=2'); // a timestamp and a date on the same day, one counter
    expect(new Set(expected.map((e) => e.split('|')[0])).size).toBeGreaterThan(20);
    // 30 small articles with 1..4 statements, two rich articles with 2, three dated statements of the mixed one.
    const total = expected.reduce((n, e) => n + Number(e.split('=')[1]), 0);
    expect(total).toBe(Array.from({ length: 30 }, (_, i) => 1 + (i % 4)).reduce((a, b) => a + b, 0) + 4 + 3);
  });

  test('when articles are written, then the counters equal the statements counted by day and cue class', async () => {
    const store = await open(null);
    for (const g of ARTICLES()) expect(await store.writeArticle(g)).toBe('created');
    expect(await counters(store)).toEqual(expected);
  });

  test('when real text goes through the pipeline (extractor, claims, events) twice, then the counters equal the statements', async () => {
    const store = await open(null);
    const seed = fileURLToPath(new URL('../fixtures/seed-page.txt', import.meta.url));
    const first = await ingestInputs(store, readInputs([seed], { retrievedAt: '2025-08-21T12:00:00.000Z' }));
    expect(first.failed).toBe(0);
    expect(first.statements).toBeGreaterThan(5);
    const counted = await countedFromStatements(store);
    expect(counted.length).toBeGreaterThan(1);
    expect(await counters(store)).toEqual(counted);
    const again = await ingestInputs(store, readInputs([seed], { retrievedAt: '2025-08-21T12:00:00.000Z' }));
    expect(again).toMatchObject({ ingested: 0, failed: 0 });
    expect(await counters(store)).toEqual(counted);
  });

  test('when the same articles are written again, then nothing is written and the counters do not change', async () => {
    const store = await open(null);
    for (const g of ARTICLES()) await store.writeArticle(g);
    for (const g of ARTICLES()) expect(await store.writeArticle(g)).toBe('unchanged');
    expect(await counters(store)).toEqual(expected);
  });

  test('when a store is exported and imported into another, then the new store counts the same', async () => {
    const from = await open(null);
    for (const g of ARTICLES()) await from.writeArticle(g);
    const to = await open(null);
    const { file, summary } = await exportAndImport(from, to, tempDir());
    expect(summary.errors).toEqual([]);
    expect(summary).toMatchObject({ created: ARTICLES().length, failed: 0 });
    expect(await countedFromStatements(to)).toEqual(expected);
    expect(await counters(to)).toEqual(expected);
    // Importing the same file again changes nothing.
    expect(await importJsonl(to, file)).toMatchObject({ created: 0, unchanged: ARTICLES().length });
    expect(await counters(to)).toEqual(expected);
  });

  test('when a version-2 store (no counters) is opened, then the migrations backfill them and record the current version (7)', async () => {
    const path = join(tempDir(), 'store.grafeo');
    const old = await openStore({ backend: 'embedded', path });
    for (const g of ARTICLES()) await old.writeArticle(g);
    // Make it what version 2 wrote: no counters, version 2.
    await old.run('MATCH (c:_DayCount) DETACH DELETE c');
    await old.run(SCHEMA.writeVersion, { version: 2, updatedAt: '2026-01-01T00:00:00.000Z' });
    expect(await counters(old)).toEqual([]);
    await old.close();

    const store = await open(path);
    const [version] = await store.run(SCHEMA.readVersion);
    expect(Number(version?.version)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(11);
    expect(await counters(store)).toEqual(expected);
    // Articles written after the migration are counted on top.
    await store.writeArticle(smallArticle(100, 2));
    expect(await counters(store)).toEqual(await countedFromStatements(store));
  });

  test('when the backfill runs twice (a crash before the version was written), then the counts are the same', async () => {
    const store = await open(null);
    for (const g of ARTICLES()) await store.writeArticle(g);
    await store.run(SCHEMA.backfillDayCounts);
    await store.run(SCHEMA.backfillDayCounts);
    expect(await counters(store)).toEqual(expected);
  });

  test('a write that fails rolls its counters back with it', async () => {
    const store = await open(null);
    const bad = smallArticle(200, 2);
    bad.statements[0]!.speakerId = 'act_nowhere'; // refused by linkSpeakers, after the statements and their counters are written
    await expect(store.writeArticle(bad)).rejects.toThrow(/act_nowhere|actor id/);
    expect(await counters(store)).toEqual([]);
    expect((await store.run('MATCH (s:Statement) RETURN count(s) AS n'))[0]?.n).toBe(0);
  });
});
