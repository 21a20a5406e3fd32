import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../api/helpers.js';

/**
 * Republication is recorded: the same text from a second outlet (or a second
 * URL when no outlet is named) is a second Article that republishes the
 * first, and its statement joins the same claim, so the claim lists both
 * outlets. Only the same outlet, or the same URL, is "unchanged".
 */
const TEXT =
  'Ferry service to Marlow Island suspended\n\n' +
  '"The pier is not safe for passengers until the storm damage is repaired," Ines Falk said on Monday. ' +
  'The operator said repairs would take at least three weeks. Islanders who commute to the mainland will be offered places on a ' +
  'smaller boat that can land at the fishing harbour, and the council plans to publish a timetable for it by Wednesday evening.';

describe('the same text from two outlets', () => {
  let api: TestApi;
  const post = (record: Record<string, string>) =>
    api.post<{ created: number; unchanged: number; articles: { id: string; status: string }[] }>('/api/articles', { records: [{ text: TEXT, publishedAt: '2026-02-09', ...record }] });
  let first: string;
  let copy: string;

  beforeAll(async () => {
    api = await startApi({ seedPage: false });
  });
  afterAll(() => api?.close());

  test('when a second outlet publishes the same text, then it is a second article, not unchanged', async () => {
    const a = await post({ source: 'Island Courier', url: 'https://courier.example/ferry' });
    expect(a.body.created).toBe(1);
    first = a.body.articles[0]!.id;
    const b = await post({ source: 'Coast Wire', url: 'https://coastwire.example/marlow-ferry' });
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({ created: 1, unchanged: 0 });
    copy = b.body.articles[0]!.id;
    expect(copy).not.toBe(first);
  });

  test.each([
    { name: 'the same outlet again (another URL)', record: { source: 'Island Courier', url: 'https://courier.example/ferry?ref=rss' } },
    { name: 'the same URL under another outlet name', record: { source: 'Courier Online', url: 'https://courier.example/ferry' } },
    { name: 'the second outlet again', record: { source: 'Coast Wire', url: 'https://coastwire.example/marlow-ferry' } },
  ])('when $name sends the text, then nothing changes', async ({ record }) => {
    const r = await post(record);
    expect(r.body).toMatchObject({ created: 0, unchanged: 1 });
  });

  test('then the copy is marked as republishing the first, and one claim lists both reports and both outlets', async () => {
    const rows = await api.store.run('MATCH (c:Article {id: $copy})-[:REPUBLISHES]->(o:Article) RETURN o.id AS original', { copy });
    expect(rows).toEqual([{ original: first }]);
    const claims = await api.get<{ items: { id: string; statements: number; sources: number }[] }>(`/api/claims?q=${encodeURIComponent('pier is not safe')}`);
    expect(claims.status).toBe(200);
    expect(claims.body.items).toHaveLength(1);
    expect(claims.body.items[0]).toMatchObject({ statements: 2, sources: 2 });
    const detail = await api.get<{ sources: { name: string }[]; articles: { id: string; republishes: string | null }[] }>(`/api/claims/${claims.body.items[0]!.id}`);
    expect(detail.body.sources.map((s) => s.name).sort()).toEqual(['Coast Wire', 'Island Courier']);
    expect(detail.body.articles.find((a) => a.id === copy)?.republishes).toBe(first);
    expect(detail.body.articles.find((a) => a.id === first)?.republishes).toBeNull();
  });

  test('then the copy\'s article page names the article it republishes', async () => {
    const r = await api.get<{ article: { republishes: { id: string; source: string | null } | null } }>(`/api/articles/${copy}`);
    expect(r.body.article.republishes).toMatchObject({ id: first, source: 'Island Courier' });
    const o = await api.get<{ article: { republishes: unknown } }>(`/api/articles/${first}`);
    expect(o.body.article.republishes).toBeNull();
  });
});
