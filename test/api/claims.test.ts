import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isErrorBody, startApi, type TestApi } from './helpers.js';

describe('GET /api/claims when no claim has been formed', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seedPage: false });
    // One article through the real pipeline: a statement reported once is no claim (a claim needs two reports).
    const res = await api.post('/api/articles', {
      title: 'Moscow answers Paris',
      source: 'Daily Wire Test',
      publishedAt: '2024-03-05',
      text: 'Russian Foreign Ministry spokeswoman Maria Zakharova said on Monday that the talks with France were over.',
    });
    expect(res.body.articles[0].statements).toHaveLength(1);
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

// Two outlets report the same two utterances of Zakharova's, one indirectly and one in direct speech in
// the first article; both articles are posted to the API, so the real pipeline and its claims step form the claims.
const A = {
  title: 'Moscow answers Paris',
  source: 'Daily Wire Test',
  publishedAt: '2024-03-05',
  text: 'Russian Foreign Ministry spokeswoman Maria Zakharova said on Monday that the talks with France were over. "Paris should think twice before sending troops to Ukraine," she told reporters in Moscow.',
};
const B = {
  title: 'Kremlin warns France',
  source: 'Other Outlet',
  publishedAt: '2024-03-06',
  text: 'Maria Zakharova, the spokeswoman of the Russian Foreign Ministry, said on Monday that the talks with France were over. She also said that Paris should think twice before sending troops to Ukraine.',
};

describe('GET /api/claims with claims the claims step formed', () => {
  let api: TestApi;
  const articleIds: string[] = [];
  beforeAll(async () => {
    api = await startApi({ seedPage: false });
    for (const article of [A, B]) {
      const res = await api.post('/api/articles', article);
      expect(res.status).toBe(201);
      articleIds.push(res.body.articles[0].id);
    }
  });
  afterAll(() => api.close());

  const over = () => api.get('/api/claims?q=talks').then((r) => r.body.items as Array<{ id: string }>);

  test('when listing, then each utterance both outlets reported is one claim with its statement, article and source counts', async () => {
    const res = await api.get('/api/claims');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    // firstSeen and lastSeen are the two articles' publication dates.
    expect(res.body.items.map(({ id: _id, ...rest }: { id: string }) => rest).sort((x: { text: string }, y: { text: string }) => x.text.localeCompare(y.text))).toEqual([
      { text: expect.stringMatching(/^Paris should think twice before sending troops to Ukraine/), firstSeen: '2024-03-05T00:00:00.000Z', lastSeen: '2024-03-06T00:00:00.000Z', statements: 2, articles: 2, sources: 2 },
      { text: 'the talks with France were over', firstSeen: '2024-03-05T00:00:00.000Z', lastSeen: '2024-03-06T00:00:00.000Z', statements: 2, articles: 2, sources: 2 },
    ]);
    const search = await api.get('/api/claims?q=PARIS');
    expect(search.body.items.map((c: { text: string }) => c.text)).toEqual([expect.stringMatching(/^Paris should think twice/)]);
    const paged = await api.get('/api/claims?limit=1');
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.nextCursor).toEqual(expect.any(String));
    const next = await api.get(`/api/claims?limit=1&cursor=${encodeURIComponent(paged.body.nextCursor)}`);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].id).not.toBe(paged.body.items[0].id);
  });

  test('when getting a claim, then its statements, articles and sources come', async () => {
    const [claim] = await over();
    const res = await api.get(`/api/claims/${claim!.id}`);
    expect(res.status).toBe(200);
    expect(res.body.claim).toMatchObject({ id: claim!.id, text: 'the talks with France were over', statements: 2 });
    expect(res.body.statements.map((s: { speaker: string; content: string; cueClass: string }) => [s.speaker, s.content, s.cueClass])).toEqual([
      ['Maria Zakharova', 'the talks with France were over', 'say'],
      ['Maria Zakharova', 'the talks with France were over', 'say'],
    ]);
    expect(res.body.statements.map((s: { articleId: string }) => s.articleId).sort()).toEqual([...articleIds].sort());
    expect(res.body.articles.map((x: { id: string }) => x.id).sort()).toEqual([...articleIds].sort());
    expect(res.body.sources.map((s: { name: string }) => s.name).sort()).toEqual(['Daily Wire Test', 'Other Outlet']);
    expect(res.body.statementsTruncated).toBe(false);
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

describe('GET /api/claims/:id when the claim has more statements than the list holds', () => {
  let api: TestApi;
  beforeAll(async () => {
    // The same two articles, and a limit of one statement per claim instead of the default 1,000.
    api = await startApi({ seedPage: false, config: { claimStatementsLimit: 1 } });
    for (const article of [A, B]) expect((await api.post('/api/articles', article)).status).toBe(201);
  });
  afterAll(() => api.close());

  test('when getting the claim, then the list is cut at the limit and says so, and the count is the total', async () => {
    const [claim] = (await api.get('/api/claims?q=talks')).body.items as Array<{ id: string }>;
    const res = await api.get(`/api/claims/${claim!.id}`);
    expect(res.status).toBe(200);
    expect(res.body.claim.statements).toBe(2);
    expect(res.body.statements).toHaveLength(1);
    expect(res.body.statements[0].content).toBe('the talks with France were over');
    expect(res.body.statementsTruncated).toBe(true);
    // Articles and sources are not cut: both reports are named.
    expect(res.body.articles).toHaveLength(2);
    expect(res.body.sources).toHaveLength(2);
  });

  test('when the limit is not a positive integer, then the routes refuse to start (BAD_INPUT)', async () => {
    const { claimRoutes } = await import('../../server/api/routes/claims.js');
    for (const bad of [0, -1, 1.5]) expect(() => claimRoutes(api.store, { claimStatementsLimit: bad })).toThrow(/claimStatementsLimit must be a positive integer/);
  });
});
