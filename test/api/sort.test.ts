import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ArticleGraph } from '../../server/graph/types.js';
import { smallArticle } from '../utils/graph-fixtures.js';
import { isErrorBody, startApi, type TestApi } from './helpers.js';

/**
 * `sort` on the paged lists (articles, claims, contradictions, events): each
 * value orders a small store whose order is worked out by hand below, and a
 * value the list does not know is a 400 naming the expected ones.
 *
 * Three articles from three outlets (smallArticle i = 1, 2, 3; statements
 * said on 2024-02-02, -03, -04 respectively):
 *   A "beta report"  published 2024-01-10, 1 statement
 *   B "Alpha report" published 2024-03-01, 3 statements
 *   C "gamma report" published 2024-02-05, 2 statements
 */
function article(i: number, statements: number, title: string, publishedAt: string): ArticleGraph {
  const g = smallArticle(i, statements);
  return { ...g, article: { ...g.article, title, publishedAt } };
}
const A = article(1, 1, 'beta report', '2024-01-10T12:00:00.000Z');
const B = article(2, 3, 'Alpha report', '2024-03-01T12:00:00.000Z');
const C = article(3, 2, 'gamma report', '2024-02-05T12:00:00.000Z');
const st = (g: ArticleGraph, k: number) => g.statements[k]!.id;

/*
 * Claims (statements, outlets):
 *   x: first 2024-01-10, last 2024-03-01, A0 B0        (2, 2)
 *   y: first 2024-02-05, last 2024-02-06, B1 B2 C0     (3, 2)
 *   z: first 2024-01-01, last 2024-01-02, C1           (1, 1)
 */
const CLAIMS = [
  { id: 'clm_x', text: 'claim x', first: '2024-01-10', last: '2024-03-01', statements: [st(A, 0), st(B, 0)] },
  { id: 'clm_y', text: 'claim y', first: '2024-02-05', last: '2024-02-06', statements: [st(B, 1), st(B, 2), st(C, 0)] },
  { id: 'clm_z', text: 'claim z', first: '2024-01-01', last: '2024-01-02', statements: [st(C, 1)] },
];
/*
 * Contradiction pairs (score; time of the later statement):
 *   p1: A0 -> B0, 0.9; 2024-02-03
 *   p2: A0 -> C0, 0.5; 2024-02-04
 *   p3: B1 -> B2, 0.7; 2024-02-03 (the same as p1: ties go by the statement ids)
 */
const PAIRS = [
  { from: st(A, 0), to: st(B, 0), score: 0.9 },
  { from: st(A, 0), to: st(C, 0), score: 0.5 },
  { from: st(B, 1), to: st(B, 2), score: 0.7 },
];
/*
 * Events (date; reporting articles; statements made at it):
 *   e1 2024-01-05; A B C; A0      (3, 1)
 *   e2 2024-02-10; A;     B0 B1   (1, 2)
 *   e3 2024-03-15; B C;   none    (2, 0)
 */
const EVENTS = [
  { id: 'evt_1', date: '2024-01-05', reports: [A, B, C].map((g) => g.article.id), at: [st(A, 0)] },
  { id: 'evt_2', date: '2024-02-10', reports: [A.article.id], at: [st(B, 0), st(B, 1)] },
  { id: 'evt_3', date: '2024-03-15', reports: [B, C].map((g) => g.article.id), at: [] as string[] },
];

describe('sort on the paged lists', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seedPage: false, graphs: [A, B, C] });
    // Claims, pairs and events written directly (known values), as the claims and events steps would link them.
    await api.store.run(
      `UNWIND $claims AS c
CREATE (k:Claim {id: c.id, text: c.text, firstSeen: c.first, lastSeen: c.last})
WITH k, c UNWIND c.statements AS sid
MATCH (s:Statement {id: sid})
CREATE (s)-[:INSTANCE_OF]->(k)
RETURN count(*) AS n`,
      { claims: CLAIMS },
    );
    await api.store.run(
      `UNWIND $pairs AS p
MATCH (a:Statement {id: p.from})
MATCH (b:Statement {id: p.to})
CREATE (a)-[:CONTRADICTS {score: p.score, reason: 'opposite polarity'}]->(b)
RETURN count(*) AS n`,
      { pairs: PAIRS },
    );
    await api.store.run(
      `UNWIND $events AS x
CREATE (e:Event {id: x.id, type: 'meeting', name: x.id, date: x.date, datePrecision: 'day'})
WITH e, x UNWIND x.reports AS aid
MATCH (art:Article {id: aid})
CREATE (art)-[:REPORTS]->(e)
RETURN count(*) AS n`,
      { events: EVENTS },
    );
    await api.store.run(
      `UNWIND $rows AS r
MATCH (s:Statement {id: r.sid})
MATCH (e:Event {id: r.eid})
CREATE (s)-[:AT]->(e)
RETURN count(*) AS n`,
      { rows: EVENTS.flatMap((e) => e.at.map((sid) => ({ sid, eid: e.id }))) },
    );
  });
  afterAll(() => api.close());

  const ids = async (path: string) => {
    const res = await api.get(path);
    expect(res.status, res.text).toBe(200);
    return res.body.items.map((x: { id?: string; from?: { id: string }; to?: { id: string } }) => x.id ?? `${x.from!.id}>${x.to!.id}`);
  };
  const pair = (k: number) => `${PAIRS[k]!.from}>${PAIRS[k]!.to}`;
  // p1 and p3 tie on time: the smaller `from` id comes first.
  const [firstTied, secondTied] = PAIRS[0]!.from < PAIRS[2]!.from ? [pair(0), pair(2)] : [pair(2), pair(0)];

  test.each([
    ['/api/articles', [B, C, A]],
    ['/api/articles?sort=newest', [B, C, A]],
    ['/api/articles?sort=oldest', [A, C, B]],
    ['/api/articles?sort=statements', [B, C, A]],
    ['/api/articles?sort=title', [B, A, C]],
    ['/api/articles?sort=oldest&limit=1&offset=1', [C]],
  ])('when listing %s, then the articles come in that order', async (path, expected) => {
    expect(await ids(path)).toEqual(expected.map((g) => g.article.id));
  });

  test('when sorting articles by statements, then each carries its count', async () => {
    const res = await api.get('/api/articles?sort=statements');
    expect(res.body.items.map((a: { statements: number }) => a.statements)).toEqual([3, 2, 1]);
  });

  test.each([
    ['/api/claims', ['clm_x', 'clm_y', 'clm_z']],
    ['/api/claims?sort=recent', ['clm_x', 'clm_y', 'clm_z']],
    ['/api/claims?sort=oldest', ['clm_z', 'clm_x', 'clm_y']],
    ['/api/claims?sort=reports', ['clm_y', 'clm_x', 'clm_z']],
    // x and y both have two outlets: y has more statements.
    ['/api/claims?sort=sources', ['clm_y', 'clm_x', 'clm_z']],
    ['/api/claims?sort=reports&q=claim%20x', ['clm_x']],
  ])('when listing %s, then the claims come in that order', async (path, expected) => {
    expect(await ids(path)).toEqual(expected);
  });

  test.each([
    ['/api/contradictions', () => [pair(0), pair(2), pair(1)]],
    ['/api/contradictions?sort=strongest', () => [pair(0), pair(2), pair(1)]],
    ['/api/contradictions?sort=newest', () => [pair(1), firstTied, secondTied]],
    ['/api/contradictions?sort=oldest', () => [firstTied, secondTied, pair(1)]],
  ])('when listing %s, then the pairs come in that order', async (path, expected) => {
    expect(await ids(path)).toEqual(expected());
  });

  test.each([
    ['/api/events', ['evt_1', 'evt_2', 'evt_3']],
    ['/api/events?sort=oldest', ['evt_1', 'evt_2', 'evt_3']],
    ['/api/events?sort=newest', ['evt_3', 'evt_2', 'evt_1']],
    ['/api/events?sort=reports', ['evt_1', 'evt_3', 'evt_2']],
    ['/api/events?sort=statements', ['evt_2', 'evt_1', 'evt_3']],
  ])('when listing %s, then the events come in that order', async (path, expected) => {
    expect(await ids(path)).toEqual(expected);
  });

  test('when sorting events by reports, then the counts are the ones linked', async () => {
    const res = await api.get('/api/events?sort=reports');
    expect(res.body.items.map((e: { reports: number; statements: number }) => [e.reports, e.statements])).toEqual([[3, 1], [2, 0], [1, 2]]);
  });

  test.each([
    ['/api/articles?sort=loudest', 'newest'],
    ['/api/claims?sort=newest', 'recent'],
    ['/api/contradictions?sort=title', 'strongest'],
    ['/api/events?sort=', 'oldest'],
  ])('when %s is asked, then it is a 400 that names the expected values', async (path, oneExpected) => {
    const res = await api.get(path);
    expect(res.status).toBe(400);
    expect(isErrorBody(res.body)).toBe(true);
    expect(res.body.details[0].path).toContain('sort');
    expect(res.text).toContain(oneExpected);
  });
});
