import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { readInputs } from '../../server/ingest/index.js';
import { ingestInputs } from '../../server/pipeline/index.js';
import { openStore } from '../../server/graph/index.js';
import { SCHEMA } from '../../server/graph/queries/schema.js';
import { SCHEMA_VERSION } from '../../server/graph/schema.js';
import type { GraphStore } from '../../server/graph/types.js';
import { actor, smallArticle } from '../utils/graph-fixtures.js';
import { ARTICLES } from '../utils/actor-fixtures.js';
import { exportAndImport, storeSandbox } from '../utils/stores.js';

/**
 * The actor page's counters that the article write maintains:
 * `(:_ActorDay {actor, day, said, about})` and `(:_ActorPair {from, to, n})`
 * (WRITE.countActorDays, WRITE.countActorPairs). They must always equal a
 * count of the stored statements: after writes, after writing the same
 * articles again, through the real pipeline, after an export and import,
 * and after the version-4 migration backfilled them on a store without them.
 */

interface Counts {
  days: string[];
  pairs: string[];
  totals: string[];
}

/** The counters as sorted strings: "actor|day said/about", "from>to n" and "actor said/about/articles". */
async function counters(store: GraphStore): Promise<Counts> {
  const days = await store.run('MATCH (c:_ActorDay) RETURN c.actor AS actor, c.day AS day, c.said AS said, c.about AS about');
  const pairs = await store.run('MATCH (c:_ActorPair) RETURN c.from AS source, c.to AS target, c.n AS n');
  const totals = await store.run('MATCH (c:_ActorTotal) RETURN c.key AS actor, c.said AS said, c.about AS about, c.articles AS articles');
  return {
    days: days.map((r) => `${r.actor}|${r.day} ${r.said}/${r.about}`).sort(),
    pairs: pairs.map((r) => `${r.source}>${r.target} ${r.n}`).sort(),
    totals: totals.map((r) => `${r.actor} ${r.said}/${r.about}/${r.articles}`).sort(),
  };
}

/** The same, counted in JavaScript from the statements, their SAID and ABOUT links and the articles' MENTIONS. */
async function countedFromStatements(store: GraphStore): Promise<Counts> {
  const rows = await store.run(
    'MATCH (s:Statement) RETURN s.id AS id, s.timeDay AS day, [(s)<-[:SAID]-(p:Actor) | p.id] AS speakers, [(s)-[:ABOUT]->(t:Actor) | t.id] AS subjects',
  );
  const mentions = await store.run('MATCH (a:Article)-[:MENTIONS]->(m:Actor) RETURN m.id AS actor, count(DISTINCT a) AS n');
  const totals = new Map<string, { said: number; about: number; articles: number }>();
  const total = (actorId: string) => {
    const v = totals.get(actorId) ?? { said: 0, about: 0, articles: 0 };
    totals.set(actorId, v);
    return v;
  };
  for (const m of mentions) total(String(m.actor)).articles = Number(m.n);
  const days = new Map<string, { said: number; about: number }>();
  const pairs = new Map<string, number>();
  const day = (actorId: string, d: string) => {
    const k = `${actorId}|${d}`;
    const v = days.get(k) ?? { said: 0, about: 0 };
    days.set(k, v);
    return v;
  };
  for (const r of rows) {
    const speakers = (r.speakers as string[]) ?? [];
    const subjects = [...new Set((r.subjects as string[]) ?? [])];
    if (typeof r.day === 'string') {
      for (const p of speakers) day(p, r.day).said += 1;
      for (const t of subjects) day(t, r.day).about += 1;
    }
    for (const p of speakers) for (const t of subjects) pairs.set(`${p}>${t}`, (pairs.get(`${p}>${t}`) ?? 0) + 1);
    for (const p of speakers) total(p).said += 1;
    for (const t of subjects) total(t).about += 1;
  }
  return {
    days: [...days].map(([k, v]) => `${k} ${v.said}/${v.about}`).sort(),
    pairs: [...pairs].map(([k, n]) => `${k} ${n}`).sort(),
    totals: [...totals].map(([k, v]) => `${k} ${v.said}/${v.about}/${v.articles}`).sort(),
  };
}

describe('the actor page counters', () => {
  const { tempDir, open } = storeSandbox('claimgraph-actorcount-');

  let expected: Counts;
  beforeAll(async () => {
    const store = await openStore({ backend: 'embedded', path: null });
    for (const g of ARTICLES()) await store.writeArticle(g);
    expected = await countedFromStatements(store);
    await store.close();
  });

  test('the fixture covers what the counters must handle', () => {
    const mixed = actor('Mixed Speaker').id;
    const subject = actor('Subject Country', 'country').id;
    const other = actor('Other Speaker').id;
    // A month-precise time is its own day key; a timestamp and a date of the same day share one.
    expect(expected.days).toContain(`${mixed}|2024-03 1/0`);
    expect(expected.days).toContain(`${mixed}|2024-02-03 1/1`); // said at 09:30, and Other Speaker spoke about them that day
    // The undated statement is in the pair count (3 about the country) but in no day; the speakerless one in neither pair.
    expect(expected.pairs).toContain(`${mixed}>${subject} 3`);
    expect(expected.days).toContain(`${subject}|2024-02-04 0/1`);
    expect(expected.pairs).toContain(`${mixed}>${other} 1`);
    expect(expected.pairs).toContain(`${other}>${mixed} 1`);
    expect(expected.days.length).toBeGreaterThan(40);
    // Totals count undated statements too: the mixed speaker made 3 (one undated) and was the subject of 1.
    expect(expected.totals).toContain(`${mixed} 3/1/1`);
    expect(expected.totals).toContain(`${subject} 0/4/1`);
  });

  test('when articles are written, then the counters equal the statements counted', async () => {
    const store = await open(null);
    for (const g of ARTICLES()) expect(await store.writeArticle(g)).toBe('created');
    expect(await counters(store)).toEqual(expected);
  });

  test('when the same articles are written again, then nothing changes', async () => {
    const store = await open(null);
    for (const g of ARTICLES()) await store.writeArticle(g);
    for (const g of ARTICLES()) expect(await store.writeArticle(g)).toBe('unchanged');
    expect(await counters(store)).toEqual(expected);
  });

  test('when real text goes through the pipeline twice, then the counters equal the statements', async () => {
    const store = await open(null);
    const seed = fileURLToPath(new URL('../fixtures/seed-page.txt', import.meta.url));
    const first = await ingestInputs(store, readInputs([seed], { retrievedAt: '2025-08-21T12:00:00.000Z' }));
    expect(first.failed).toBe(0);
    const counted = await countedFromStatements(store);
    expect(counted.pairs.length).toBeGreaterThan(3);
    expect(await counters(store)).toEqual(counted);
    expect(await ingestInputs(store, readInputs([seed], { retrievedAt: '2025-08-21T12:00:00.000Z' }))).toMatchObject({ ingested: 0, failed: 0 });
    expect(await counters(store)).toEqual(counted);
  });

  test('when a store is exported and imported into another, then the new store counts the same', async () => {
    const from = await open(null);
    for (const g of ARTICLES()) await from.writeArticle(g);
    const to = await open(null);
    const { summary } = await exportAndImport(from, to, tempDir());
    expect(summary).toMatchObject({ created: ARTICLES().length, failed: 0 });
    expect(await counters(to)).toEqual(expected);
  });

  test('when a version-3 store (no actor counters) is opened, then the migrations backfill them and record the current version (7)', async () => {
    const path = join(tempDir(), 'store.grafeo');
    const old = await openStore({ backend: 'embedded', path });
    for (const g of ARTICLES()) await old.writeArticle(g);
    await old.run('MATCH (c:_ActorDay) DETACH DELETE c');
    await old.run('MATCH (c:_ActorPair) DETACH DELETE c');
    await old.run('MATCH (c:_ActorTotal) DETACH DELETE c');
    await old.run(SCHEMA.writeVersion, { version: 3, updatedAt: '2026-01-01T00:00:00.000Z' });
    expect(await counters(old)).toEqual({ days: [], pairs: [], totals: [] });
    await old.close();

    const store = await open(path);
    const [version] = await store.run(SCHEMA.readVersion);
    expect(Number(version?.version)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(11);
    expect(await counters(store)).toEqual(expected);
    // Articles written after the migration are counted on top.
    await store.writeArticle(smallArticle(100, 2, 5));
    expect(await counters(store)).toEqual(await countedFromStatements(store));
  });

  test('when the backfill runs twice (a crash before the version was written), then the counts are the same', async () => {
    const store = await open(null);
    for (const g of ARTICLES()) await store.writeArticle(g);
    for (let i = 0; i < 2; i++) {
      await store.run(SCHEMA.backfillActorDaysSaid);
      await store.run(SCHEMA.backfillActorDaysAbout);
      await store.run(SCHEMA.backfillActorPairs);
      await store.run(SCHEMA.backfillActorTotals);
    }
    expect(await counters(store)).toEqual(expected);
  });
});
