import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { richArticle } from '../utils/graph-fixtures.js';
import { fingerprint, isErrorBody, startApi, type TestApi } from './helpers.js';

const PASTED = `Minister warns of winter shortages
Energy Minister Anna Berg warned on Tuesday that "the coming winter will test every household in the country," adding that the government would not ration gas.
The opposition leader Tom Hale accused Berg of hiding the real figures.`;

describe('GET /api/articles', () => {
  let api: TestApi;
  const rich = richArticle('list');
  beforeAll(async () => {
    api = await startApi({ graphs: [rich] });
  });
  afterAll(() => api.close());

  test('when listing, then every article is there with its source and statement count, newest first', async () => {
    const res = await api.get('/api/articles');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(5);
    expect(res.body.items).toHaveLength(5);
    const dated = res.body.items.map((a: { publishedAt: string | null }) => a.publishedAt).filter(Boolean);
    expect(dated).toEqual([...dated].sort().reverse());
    const mine = res.body.items.find((a: { id: string }) => a.id === rich.article.id);
    expect(mine).toMatchObject({ title: rich.article.title, source: 'Russia Today', statements: 2 });
  });

  test('when paging with limit and the returned cursor, then pages do not overlap and end with a null cursor', async () => {
    const first = await api.get('/api/articles?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.get(`/api/articles?limit=2&cursor=${first.body.nextCursor}`);
    const third = await api.get(`/api/articles?limit=2&cursor=${second.body.nextCursor}`);
    const ids = [...first.body.items, ...second.body.items, ...third.body.items].map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(5);
    expect(third.body.nextCursor).toBeNull();
    const byOffset = await api.get('/api/articles?limit=2&offset=2');
    expect(byOffset.body.items).toEqual(second.body.items);
  });

  test('when filtering by source name or id, publication window and title, then only matches are listed', async () => {
    const byName = await api.get('/api/articles?source=Russia%20Today');
    expect(byName.body.total).toBeGreaterThanOrEqual(3);
    const byId = await api.get(`/api/articles?source=${rich.source!.id}`);
    expect(byId.body.total).toBe(byName.body.total);
    const window = await api.get('/api/articles?from=2024-03-01&to=2024-04-01');
    expect(window.body.items.map((a: { id: string }) => a.id)).toEqual([rich.article.id]);
    const title = await api.get('/api/articles?q=RESPONDS%20TO');
    expect(title.body.items.map((a: { id: string }) => a.id)).toEqual([rich.article.id]);
    const none = await api.get(`/api/articles?source=${encodeURIComponent("x'}) DETACH DELETE n //")}`);
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });
});

describe('GET /api/articles/:id', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  test('when the article exists, then its text, metadata, statements with spans and actors are returned', async () => {
    const list = await api.get('/api/articles?q=Netanyahu');
    const id = list.body.items[0].id;
    const res = await api.get(`/api/articles/${id}`);
    expect(res.status).toBe(200);
    const { article, statements, actors } = res.body;
    expect(article).toMatchObject({ id, source: 'Russia Today', title: expect.stringContaining('Netanyahu') });
    expect(article.text.length).toBeGreaterThan(100);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(article.text.slice(s.sentenceStart, s.sentenceEnd)).toBe(s.sentence);
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.articleId).toBe(id);
    }
    const starts = statements.map((s: { start: number }) => s.start);
    expect(starts).toEqual([...starts].sort((a: number, b: number) => a - b));
    expect(statements.some((s: { speaker: string | null }) => s.speaker === 'Benjamin Netanyahu')).toBe(true);
    expect(actors.some((a: { name: string; said: number }) => a.name === 'Benjamin Netanyahu' && a.said > 0)).toBe(true);
  });

  test('when the article does not exist, then 404 NOT_FOUND in the error shape', async () => {
    const res = await api.get('/api/articles/art_doesnotexist');
    expect(res.status).toBe(404);
    expect(isErrorBody(res.body)).toBe(true);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('POST /api/articles', () => {
  let api: TestApi;
  let site: Server;
  let siteUrl: string;
  beforeAll(async () => {
    api = await startApi({ seedPage: false, config: { maxInputBytes: 64 * 1024, fetchAllowPrivate: true } /* the test site is on loopback */ });
    site = createServer((req, res) => {
      if (req.url === '/story.html') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(`<!doctype html><html><head><title>Envoy rejects criticism</title><meta property="article:published_time" content="2025-08-20T09:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Envoy rejects criticism</h1><p>Special envoy Keith Kellogg said on Wednesday that "the critics should stop talking and start helping," dismissing reports of a rift.</p>
<p>He added that the talks had been "productive and honest" and that more meetings would follow in the coming weeks.</p></article><footer>Copyright</footer></body></html>`);
      } else {
        res.statusCode = 404;
        res.end('not here');
      }
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', () => r()));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    site.closeAllConnections();
    await new Promise<void>((r) => site.close(() => r()));
    await api.close();
  });

  test('when previewing with ?dryRun=true, then statements come back and nothing is stored', async () => {
    const before = await fingerprint(api.store);
    const res = await api.post('/api/articles?dryRun=true', { text: PASTED, source: 'Daily Example', publishedAt: '2025-01-14' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, created: 0, unchanged: 0, errors: [] });
    const [a] = res.body.articles;
    expect(a).toMatchObject({ status: 'preview', title: 'Minister warns of winter shortages', source: 'Daily Example' });
    expect(a.statements.length).toBeGreaterThan(0);
    expect(a.statements.some((s: { speaker: string | null }) => s.speaker?.includes('Berg'))).toBe(true);
    for (const s of a.statements) expect(a.text.slice(s.sentenceStart, s.sentenceEnd)).toBe(s.sentence);
    expect(await fingerprint(api.store)).toBe(before);
    const flag = await api.post('/api/articles', { text: PASTED, preview: true });
    expect(flag.body.dryRun).toBe(true);
    expect(await fingerprint(api.store)).toBe(before);
  });

  test('when text is posted, then 201 with the stored article and statements; posting it again is 200 unchanged with the same statements', async () => {
    const first = await api.post('/api/articles', { text: PASTED, source: 'Daily Example', publishedAt: '2025-01-14' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ dryRun: false, created: 1, unchanged: 0 });
    const stored = first.body.articles[0];
    expect(stored.status).toBe('created');
    expect(stored.statements.length).toBeGreaterThan(0);
    const detail = await api.get(`/api/articles/${stored.id}`);
    expect(detail.body.statements.map((s: { id: string }) => s.id)).toEqual(stored.statements.map((s: { id: string }) => s.id));
    const before = await fingerprint(api.store);
    const again = await api.post('/api/articles', { text: PASTED, source: 'Daily Example', publishedAt: '2025-01-14' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, unchanged: 1 });
    expect(again.body.articles[0].statements).toEqual(stored.statements);
    expect(await fingerprint(api.store)).toBe(before);
  });

  test('when HTML is posted, then boilerplate is stripped and the page date is used', async () => {
    const res = await api.post('/api/articles', {
      html: '<html><head><title>Talks resume</title></head><body><nav>Menu</nav><article><p>The foreign minister said on Friday that "talks will resume next week," according to officials.</p><p>Officials declined to comment further on the schedule or the agenda of the talks.</p></article></body></html>',
      source: 'HTML Daily',
      publishedAt: '2025-02-07',
    });
    expect(res.status).toBe(201);
    expect(res.body.articles[0].text).not.toContain('Menu');
    expect(res.body.articles[0].publishedAt).toMatch(/^2025-02-07/);
  });

  test('when a batch of records has a bad record, then the good ones are stored and the bad one is named in errors', async () => {
    const res = await api.post('/api/articles', {
      records: [
        { title: 'Record one', text: 'The mayor said on Monday that "the bridge will reopen in May," ending months of uncertainty.', source: 'City Paper', publishedAt: '2025-03-03' },
        { title: 'Empty one', text: '   ' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(1);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0]).toMatchObject({ origin: 'records[1]', code: 'BAD_INPUT' });
  });

  test('when only a URL is posted, then the page is fetched and stored', async () => {
    const res = await api.post('/api/articles', { url: `${siteUrl}/story.html`, source: 'Local Wire' });
    expect(res.status).toBe(201);
    const a = res.body.articles[0];
    expect(a).toMatchObject({ status: 'created', url: `${siteUrl}/story.html`, source: 'Local Wire' });
    expect(a.text).toContain('Keith Kellogg');
    expect(a.text).not.toContain('Copyright');
  });

  test('when the URL answers an error status, then 502 FETCH_FAILED', async () => {
    const res = await api.post('/api/articles', { url: `${siteUrl}/missing.html` });
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('FETCH_FAILED');
    expect(isErrorBody(res.body)).toBe(true);
  });

  test('when the body is larger than the limit, then 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await api.post('/api/articles', { text: 'x'.repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(isErrorBody(res.body)).toBe(true);
  });

  test('when the body is not JSON, then 400 naming the body', async () => {
    const bad = await api.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": ' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('body');
    const form = await api.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=hello' });
    expect(form.status).toBe(400);
    expect(form.body.details[0].path).toBe('body');
  });

  test.each([
    { name: 'nothing to ingest', body: { title: 'only a title' }, path: 'body.text' },
    { name: 'text and html together', body: { text: 'a b c', html: '<p>a</p>' }, path: 'body.html' },
    { name: 'an empty text', body: { text: '' }, path: 'body.text' },
    { name: 'a non-http URL', body: { url: 'file:///etc/passwd' }, path: 'body.url' },
    { name: 'a bad publishedAt', body: { text: 'He said "yes".', publishedAt: 'yesterday-ish' }, path: 'body.publishedAt' },
    { name: 'a bad record url', body: { records: [{ text: 'x', url: 'not a url' }] }, path: 'body.records.0.url' },
    { name: 'an empty records list', body: { records: [] }, path: 'body.records' },
    { name: 'preview not a boolean', body: { text: 'x', preview: 'yes' }, path: 'body.preview' },
    { name: 'an unknown field', body: { text: 'x', speaker: 'me' }, path: 'body.speaker' },
  ])('when the body has $name, then 400 naming $path', async ({ body, path }) => {
    const res = await api.post('/api/articles', body);
    expect(res.status).toBe(400);
    expect(isErrorBody(res.body)).toBe(true);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  test('when dryRun is not a boolean, then 400 naming query.dryRun', async () => {
    const res = await api.post('/api/articles?dryRun=maybe', { text: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('query.dryRun');
  });
});
