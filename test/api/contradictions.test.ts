import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestOpposed, OPPOSED_RECORDS } from '../utils/contradiction-fixtures.js';
import { isErrorBody, startApi, type TestApi } from './helpers.js';

/**
 * GET /api/contradictions: the claims step's contradiction candidates with
 * both statements in full (speaker, article, spans), strongest first, paged.
 */
describe('GET /api/contradictions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seedPage: false });
    await ingestOpposed(api.store);
  });
  afterAll(() => api?.close());

  test('when two speakers say opposite things about one subject, then the pair is listed with both statements and the reason', async () => {
    const res = await api.get('/api/contradictions');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, offset: 0, limit: 50, nextCursor: null });
    const [c] = res.body.items;
    // The later statement points at the earlier one.
    expect(c.from).toMatchObject({ content: 'Ukraine will not accept the ceasefire proposal for the eastern regions', speaker: 'Dmitry Peskov', articleTitle: 'Moscow rejects truce' });
    expect(c.to).toMatchObject({ content: 'Ukraine will accept the ceasefire proposal for the eastern regions', speaker: 'Andrii Sybiha', articleTitle: 'Kyiv weighs truce' });
    expect(c.reason).toBe('opposite polarity ("not"); different speakers about the same subject');
    expect(c.score).toBeGreaterThan(0);
    expect(c.score).toBeLessThanOrEqual(1);
    // Each side keeps its offsets into its own article.
    for (const [side, record] of [[c.from, OPPOSED_RECORDS[1]!], [c.to, OPPOSED_RECORDS[0]!]] as const) {
      expect(record.text.slice(side.start, side.end)).toBe(side.content);
      expect(record.text.slice(side.sentenceStart, side.sentenceEnd)).toBe(side.sentence);
    }
  });

  test('when the page starts past the last pair, then it is empty and the total stays', async () => {
    const res = await api.get('/api/contradictions?offset=1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 1, offset: 1 });
  });

  test.each([
    { q: 'CEASEFIRE', total: 1, why: 'words of a statement, any case' },
    { q: 'peskov', total: 1, why: "a speaker's name" },
    { q: 'sybiha', total: 1, why: "the other side's speaker" },
    { q: 'harvest', total: 0, why: 'words in neither statement nor speaker' },
  ])('when filtered by "$q" ($why), then $total pair(s)', async ({ q, total }) => {
    const res = await api.get(`/api/contradictions?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(total);
    expect(res.body.items).toHaveLength(total);
  });

  test.each([
    ['q=', 'q'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['offset=-1', 'offset'],
    ['cursor=%24%24', 'cursor'],
  ])('when the query has %s, then 400 naming the field', async (query, field) => {
    const res = await api.get(`/api/contradictions?${query}`);
    expect(res.status).toBe(400);
    expect(isErrorBody(res.body)).toBe(true);
    expect(JSON.stringify(res.body.details)).toContain(field);
  });
});
