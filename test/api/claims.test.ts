import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { richArticle } from '../utils/graph-fixtures.js';
import { isErrorBody, startApi, type TestApi } from './helpers.js';
import { TEST_QUERIES } from './queries.js';

describe('GET /api/claims when no claim has been formed', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seedPage: false, graphs: [richArticle('lonely')] });
    await api.store.run(TEST_QUERIES.deleteClaims);
  });
  afterAll(() => api.close());

  test('when listing, then an empty page comes back', async () => {
    const res = await api.get('/api/claims');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], total: 0, limit: 50, offset: 0, nextCursor: null });
  });

  test('when asking for a claim, then 404 NOT_FOUND', async () => {
    const res = await api.get('/api/claims/clm_none');
    expect(res.status).toBe(404);
    expect(isErrorBody(res.body)).toBe(true);
  });
});

describe('GET /api/claims with claims', () => {
  let api: TestApi;
  const a = richArticle('claim-a');
  const b = { ...richArticle('claim-b'), source: { id: 'src_other', name: 'Other Outlet', domain: 'other.example' } };
  beforeAll(async () => {
    api = await startApi({ seedPage: false, graphs: [a, b] });
    await api.store.run(TEST_QUERIES.deleteClaims);
    // One claim reported by both articles, one by a single article.
    await api.store.run(TEST_QUERIES.createClaim, {
      id: 'clm_over',
      text: 'It is over',
      firstSeen: '2024-03-04',
      lastSeen: '2024-03-05',
      statementIds: [a.statements[0]!.id, b.statements[0]!.id],
    });
    await api.store.run(TEST_QUERIES.createClaim, { id: 'clm_paris', text: 'Paris should think twice', firstSeen: '2024-03-05', lastSeen: '2024-03-05', statementIds: [a.statements[1]!.id] });
  });
  afterAll(() => api.close());

  test('when listing, then each claim comes with its statement, article and source counts', async () => {
    const res = await api.get('/api/claims');
    expect(res.body.total).toBe(2);
    const over = res.body.items.find((c: { id: string }) => c.id === 'clm_over');
    expect(over).toEqual({ id: 'clm_over', text: 'It is over', firstSeen: '2024-03-04', lastSeen: '2024-03-05', statements: 2, articles: 2, sources: 2 });
    const search = await api.get('/api/claims?q=PARIS');
    expect(search.body.items.map((c: { id: string }) => c.id)).toEqual(['clm_paris']);
    const paged = await api.get('/api/claims?limit=1');
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.nextCursor).toEqual(expect.any(String));
  });

  test('when getting a claim, then its statements, articles and sources come', async () => {
    const res = await api.get('/api/claims/clm_over');
    expect(res.status).toBe(200);
    expect(res.body.claim).toMatchObject({ id: 'clm_over', statements: 2 });
    expect(res.body.statements.map((s: { id: string }) => s.id).sort()).toEqual([a.statements[0]!.id, b.statements[0]!.id].sort());
    expect(res.body.statements[0]).toMatchObject({ speaker: 'Maria Zakharova', content: 'It is over' });
    expect(res.body.articles.map((x: { id: string }) => x.id).sort()).toEqual([a.article.id, b.article.id].sort());
    expect(res.body.sources.map((s: { name: string }) => s.name).sort()).toEqual(['Other Outlet', 'Russia Today']);
  });

  test.each([
    { name: 'an unknown parameter', query: 'sort=x', path: 'query.sort' },
    { name: 'an empty search', query: 'q=', path: 'query.q' },
  ])('when the query has $name, then 400 naming $path', async ({ query, path }) => {
    const res = await api.get(`/api/claims?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});
