import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { articlePage, readArticleGraph, statementFilters, statementPage } from '../../server/graph/index.js';
import { API } from '../../server/graph/queries/api.js';
import { SCHEMA } from '../../server/graph/queries/schema.js';
import { SCHEMA_VERSION, TIME_CONVERSIONS } from '../../server/graph/schema.js';
import { storeTimes, timeParam } from '../../server/graph/times.js';
import type { GraphStore, Row } from '../../server/graph/types.js';
import { richArticle } from '../utils/graph-fixtures.js';
import { API_PARAMS } from './query-params.js';
import { storeSandbox } from '../utils/stores.js';

/**
 * Times are native temporal values in the store (schema version 7,
 * server/graph/times.ts): Cypher reads them as a Neo4j user expects
 * (components, date(), comparison with datetime(), durations), the app gets
 * back the strings it wrote, windows still look days up through the
 * timeDay index, and opening a store of version 6 (times as strings)
 * converts them.
 */
const ARTICLE = richArticle('t');
const ID = ARTICLE.article.id;

/** Every time property of the fixture article and its statements, as the store gives them back. */
async function times(store: GraphStore): Promise<Row[]> {
  return store.run(
    `MATCH (a:Article {id: $id})-[:CONTAINS]->(s:Statement)
     RETURN a.publishedAt AS publishedAt, a.retrievedAt AS retrievedAt, s.saidAt AS saidAt, s.time AS time, s.timeDay AS timeDay ORDER BY s.start`,
    { id: ID },
  );
}

describe('native temporal values', () => {
  const { tempDir, open } = storeSandbox('times-');

  test.each([
    { value: '2019-02-05', kind: 'value' as const, stored: { $date: '2019-02-05' }, why: 'a resolved day stays a date' },
    { value: '2019-02-05T10:30:00.000Z', kind: 'value' as const, stored: { $zoned_datetime: '2019-02-05T10:30:00.000Z' }, why: 'a timestamp is a datetime' },
    { value: '2024-03', kind: 'value' as const, stored: '2024-03', why: 'a month stays a string (as a date it would come back as its first day)' },
    { value: '2024', kind: 'datetime' as const, stored: '2024', why: 'a year too' },
    { value: '2019-02-05', kind: 'datetime' as const, stored: { $zoned_datetime: '2019-02-05T00:00:00.000Z' }, why: 'a date where a datetime is stored: its midnight UTC' },
    { value: '2019-02-05T10:30:00+01:00', kind: 'date' as const, stored: { $date: '2019-02-05' }, why: 'the UTC day of a timestamp' },
    { value: 'next week', kind: 'datetime' as const, stored: 'next week', why: 'no time: left as it is' },
  ])('timeParam: $why', ({ value, kind, stored }) => {
    expect(timeParam(value, kind)).toEqual(stored);
  });

  test('storeTimes converts by key at any depth and leaves other keys alone', () => {
    const params = { id: 'art_1', from: '2024-03-01', rows: [{ props: { publishedAt: '2024-03-05T08:00:00.000Z', saidAt: '2024-03-04', title: '2024-03-05' }, time: '2024-03-04', timeDay: '2024-03-04' }], days: ['2024-03-04'] };
    expect(storeTimes(params)).toEqual({
      id: 'art_1',
      from: '2024-03-01',
      rows: [{ props: { publishedAt: { $zoned_datetime: '2024-03-05T08:00:00.000Z' }, saidAt: { $date: '2024-03-04' }, title: '2024-03-05' }, time: '2024-03-04', timeDay: '2024-03-04' }],
      days: ['2024-03-04'],
    });
  });

  test('storeTimes leaves its input as it was, hands back the lists and maps without a time as they are, and keeps key order', () => {
    const plain = { id: 'stm_1', content: 'no time here', aboutIds: ['act_1', 'act_2'] };
    const params = { rows: [plain, { id: 'stm_2', saidAt: '2024-03-04', content: 'x' }, plain], ids: ['a', 'b'] };
    const before = JSON.stringify(params);
    const out = storeTimes(params) as { rows: Array<Record<string, unknown>>; ids: string[] };
    expect(JSON.stringify(params)).toBe(before);
    expect(out.rows[0]).toBe(plain);
    expect(out.rows[2]).toBe(plain);
    expect(out.ids).toBe(params.ids);
    expect(Object.keys(out.rows[1]!)).toEqual(['id', 'saidAt', 'content']);
    expect(out.rows[1]).toEqual({ id: 'stm_2', saidAt: { $date: '2024-03-04' }, content: 'x' });
  });

  test('an article written now: Cypher sees native values, the app gets back the strings it wrote', async () => {
    const store = await open(null);
    await store.writeArticle(ARTICLE);
    // The fixture: published 2024-03-05T08:00Z, retrieved 2024-03-06T10:00Z, statements said 2024-03-04 and 2024-03-05.
    expect(await times(store)).toEqual([
      { publishedAt: '2024-03-05T08:00:00.000Z', retrievedAt: '2024-03-06T10:00:00.000Z', saidAt: '2024-03-04', time: '2024-03-04', timeDay: '2024-03-04' },
      { publishedAt: '2024-03-05T08:00:00.000Z', retrievedAt: '2024-03-06T10:00:00.000Z', saidAt: '2024-03-05', time: '2024-03-05', timeDay: '2024-03-05' },
    ]);
    const [cypher] = await store.run(
      `MATCH (a:Article {id: $id})-[:CONTAINS]->(s:Statement {saidAt: date('2024-03-04')})
       RETURN a.publishedAt.hour AS hour, s.saidAt.month AS month, date(a.publishedAt) AS day,
         a.publishedAt > datetime('2024-03-05T07:59:59Z') AS later, s.saidAt + duration('P1D') AS next, a.publishedAt = '2024-03-05T08:00:00.000Z' AS asString,
         s.time AS time`,
      { id: ID },
    );
    // A stored datetime is no string; the statement's time (a window key) is.
    expect(cypher).toEqual({ hour: 8, month: 3, day: '2024-03-05', later: true, next: '2024-03-05', asString: false, time: '2024-03-04' });
    // The article graph read back (export, identity re-run) is the one written.
    const back = await readArticleGraph(store, ID);
    expect(back?.article.publishedAt).toBe(ARTICLE.article.publishedAt);
    expect(back?.statements.map((s) => s.saidAt)).toEqual(ARTICLE.statements.map((s) => s.saidAt));
  });

  test('a time window still looks its days up through the timeDay index, with the same answers', async () => {
    const store = await open(null);
    await store.writeArticle(ARTICLE);
    const [plan] = await store.run(`EXPLAIN ${API.listOwnAscDays}`, { ...API_PARAMS.listOwnAscDays, days: ['2024-03-04'] });
    expect(String(plan?.plan)).toMatch(/timeDay.*\[index: timeDay\]/);
    const page = await statementPage(store, statementFilters({ from: '2024-03-04', to: '2024-03-05' }), { order: 'asc', skip: 0, limit: 10 });
    // One statement said on 2024-03-04; the window [03-04, 03-05) leaves the 03-05 one out.
    expect(page.total).toBe(1);
    expect(page.rows.map((r) => r.saidAt)).toEqual(['2024-03-04']);
    const month = await statementPage(store, statementFilters({ from: '2024-03', to: '2024-04' }), { order: 'asc', skip: 0, limit: 10 });
    expect(month.total).toBe(2);
    // With a speaker filter (the linked-statements path) and a timestamp bound: 2024-03-04T12:00 leaves the 03-04 one out.
    const speaker = ARTICLE.statements[0]!.speakerId!;
    const linked = await statementPage(store, statementFilters({ speakerIds: [speaker], from: '2024-03-04T12:00:00.000Z', to: '2024-04-01' }), { order: 'asc', skip: 0, limit: 10 });
    expect(linked.rows.map((r) => r.saidAt)).toEqual(['2024-03-05']);
  });

  test.each([
    { from: '2024-03-05', to: null, n: 1, why: 'a day bound: published that day at 08:00, inside' },
    { from: '2024-03', to: '2024-04', n: 1, why: 'a month bound, as its first moment' },
    { from: null, to: '2024-03-05T08:00:00.000Z', n: 0, why: 'the bound is exclusive: published exactly then, outside' },
    { from: '2024-03-05T08:00:00.000Z', to: '2024-03-05T08:00:01.000Z', n: 1, why: 'a one-second window around it' },
    { from: '2024-03-06', to: null, n: 0, why: 'after it' },
  ])('the article window compares the stored datetime with instants: $why', async ({ from, to, n }) => {
    const store = await open(null);
    await store.writeArticle(ARTICLE);
    const page = await articlePage(store, { sources: null, q: null, from, to }, { skip: 0, limit: 10 });
    expect(page.total).toBe(n);
    expect(page.rows.map((r) => r.publishedAt)).toEqual(n ? [ARTICLE.article.publishedAt] : []);
  });

  test('when a version-6 store (times as strings) is opened, then every time becomes native and reads the same', async () => {
    const path = join(tempDir(), 'store.grafeo');
    const store = await open(path);
    await store.writeArticle(ARTICLE);
    const written = await times(store);
    // What version 6 wrote: the same times as strings (param keys the conversion does not know, so they stay strings).
    await store.run(
      `MATCH (a:Article {id: $id})-[:CONTAINS]->(s:Statement)
       SET a.publishedAt = $p, a.retrievedAt = $r, s.saidAt = toString(s.saidAt)
       RETURN count(s) AS n`,
      { id: ID, p: ARTICLE.article.publishedAt, r: ARTICLE.article.retrievedAt },
    );
    await store.run(SCHEMA.writeVersion, { version: 6, updatedAt: '2026-01-01T00:00:00.000Z' });
    const strings = await store.run(`MATCH (a:Article {id: $id})-[:CONTAINS]->(s:Statement) RETURN a.publishedAt.year AS y, size(s.saidAt) AS n`, { id: ID });
    expect(strings).toEqual([{ y: null, n: 10 }, { y: null, n: 10 }]);
    await store.close();

    const again = await open(path);
    expect(await times(again)).toEqual(written);
    expect(await again.run(`MATCH (a:Article {id: $id})-[:CONTAINS]->(s:Statement) RETURN a.publishedAt.year AS y, s.saidAt.day AS d ORDER BY d`, { id: ID })).toEqual([{ y: 2024, d: 4 }, { y: 2024, d: 5 }]);
    expect(await again.run('MATCH (v:_SchemaVersion) RETURN v.version AS v')).toEqual([{ v: SCHEMA_VERSION }]);
    expect(SCHEMA_VERSION).toBe(12);
    // Running the conversions again changes nothing (they touch strings only).
    for (const step of TIME_CONVERSIONS) expect(await again.run(SCHEMA[step])).toEqual([{ n: 0 }]);
  });
});
