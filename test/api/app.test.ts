import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sourceId } from '../../server/ids.js';
import { richArticle, smallArticle } from '../utils/graph-fixtures.js';
import { fingerprint, isErrorBody, startApi, type TestApi } from './helpers.js';

const TOKEN = 'test-token-0123456789';

describe('the app: headers, errors, static UI', () => {
  let api: TestApi;
  const logged: string[] = [];
  let clientDir: string;
  beforeAll(async () => {
    clientDir = mkdtempSync(join(tmpdir(), 'claimgraph-ui-'));
    mkdirSync(join(clientDir, 'assets'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>claimgraph UI</title><script type="module" src="/assets/main.js"></script>');
    writeFileSync(join(clientDir, 'assets', 'main.js'), 'console.log("ui")');
    api = await startApi({ seedPage: false, clientDir, log: (l) => logged.push(l) });
  });
  afterAll(() => api.close());

  test('when any response is sent, then security headers are set and no CORS header allows other origins', async () => {
    const res = await api.get('/api/stats', { origin: 'https://evil.example' });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
    const preflight = await api.request('/api/cypher', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('when an unknown /api route is asked for, then 404 NOT_FOUND in the error shape', async () => {
    for (const [method, path] of [['GET', '/api/nothing'], ['POST', '/api/articles/x/y'], ['DELETE', '/api/actors/x']] as const) {
      const res = await api.request(path, { method });
      expect(res.status).toBe(404);
      expect(isErrorBody(res.body)).toBe(true);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  test('when the UI directory is given, then files are served and client routes fall back to index.html', async () => {
    const root = await api.get('/');
    expect(root.status).toBe(200);
    expect(root.text).toContain('claimgraph UI');
    const asset = await api.get('/assets/main.js');
    expect(asset.text).toContain('console.log');
    const deep = await api.get('/actors/act_123');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('claimgraph UI');
    const missing = await api.get('/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(isErrorBody(missing.body)).toBe(true);
  });

  test('when the store is closed, then 503 STORE_UNAVAILABLE in our words, and the log keeps the store\'s own words in one line without a stack', async () => {
    const lines: string[] = [];
    const broken = await startApi({ seedPage: false, log: (l) => lines.push(l) });
    await broken.store.close();
    const res = await broken.get('/api/stats');
    expect(res.status).toBe(503);
    // The client reads our fixed words for the code, never the store's own text (issue 14, defect 11).
    expect(res.body).toEqual({
      code: 'STORE_UNAVAILABLE',
      message: 'the graph store is not available at the moment (starting, restarting or busy); retry in a few seconds',
      details: [],
    });
    expect(isErrorBody(res.body)).toBe(true);
    // The store's own text goes to the log only (issue 14, defect 11); only INTERNAL is logged with its stack (the next test).
    expect(lines).toEqual(['claimgraph: GET /api/stats failed: STORE_UNAVAILABLE the store is closed']);
    broken.server.closeAllConnections();
    await new Promise<void>((r) => broken.server.close(() => r()));
  });

  test('when a route throws a plain Error, then 500 INTERNAL with a generic message and the log gets the stack', async () => {
    const lines: string[] = [];
    const failing = await startApi({ seedPage: false, log: (l) => lines.push(l) });
    failing.store.run = async () => {
      throw new TypeError('cannot read /srv/secret/path of undefined');
    };
    const res = await failing.get('/api/actors');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 'INTERNAL', message: 'internal error; the server log has the details', details: [] });
    expect(lines.join('\n')).toContain('/srv/secret/path');
    expect(lines.join('\n')).toMatch(/\n\s+at /);
    await failing.close();
  });

  test('when the Host header is not a loopback name, then the loopback-bound server refuses (DNS rebinding)', async () => {
    const port = new URL(api.base).port;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/stats', headers: { host: `rebind.evil.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  test('when asking for stats and sources, then counts and outlets come', async () => {
    const stats = await api.get('/api/stats');
    expect(stats.body).toEqual({ backend: 'embedded', sources: 0, articles: 0, statements: 0, actors: 0, claims: 0 });
    const sources = await api.get('/api/sources');
    expect(sources.body).toEqual({ items: [] });
  });
});

describe('the app with a token (CLAIMGRAPH_TOKEN)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ config: { token: TOKEN } });
  });
  afterAll(() => api.close());

  const WRITES = [
    { name: 'POST /api/articles', path: '/api/articles', body: { text: 'The mayor said "yes" on Monday.' } },
    { name: 'POST /api/articles?dryRun=true', path: '/api/articles?dryRun=true', body: { text: 'The mayor said "yes" on Monday.' } },
    { name: 'POST /api/actors/merge', path: '/api/actors/merge', body: { from: 'act_a', into: 'act_b' } },
    { name: 'POST /api/actors/:id/split', path: '/api/actors/act_a/split', body: {} },
    { name: 'POST /api/cypher', path: '/api/cypher', body: { query: 'RETURN 1 AS one' } },
  ];

  test.each(WRITES)('when $name comes without a token or with a wrong one, then 401 and nothing changes', async ({ path, body }) => {
    const before = await fingerprint(api.store);
    const none = await api.post(path, body);
    expect(none.status).toBe(401);
    expect(isErrorBody(none.body)).toBe(true);
    expect(none.body.code).toBe('UNAUTHORIZED');
    const wrong = await api.post(path, body, { authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
    const basic = await api.post(path, body, { authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` });
    expect(basic.status).toBe(401);
    expect(await fingerprint(api.store)).toBe(before);
  });

  test('when the right bearer token comes, then writes go through; reads never need it', async () => {
    const ok = await api.post('/api/cypher', { query: 'RETURN 1 AS one' }, { authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(ok.body.rows).toEqual([{ one: 1 }]);
    const created = await api.post('/api/articles', { text: 'The mayor said on Monday that "the bridge will reopen," officials confirmed.', title: 'Bridge' }, { authorization: `Bearer ${TOKEN}` });
    expect(created.status).toBe(201);
    for (const path of ['/api/stats', '/api/articles', '/api/actors', '/api/statements', '/api/timeline', '/api/network', '/api/claims', '/api/openapi.json']) {
      expect((await api.get(path)).status).toBe(200);
    }
  });
});

describe('GET /api/sources with data', () => {
  let api: TestApi;
  beforeAll(async () => {
    // Russia Today publishes the two rich articles; Outlet 1 publishes small articles 1 and 11, Outlet 2 article 2.
    api = await startApi({ seedPage: false, graphs: [richArticle('src-a'), richArticle('src-b'), smallArticle(1), smallArticle(11), smallArticle(2)] });
  });
  afterAll(() => api.close());

  test('when asking for sources, then each outlet comes once with its domain and article count, by name', async () => {
    const res = await api.get('/api/sources');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        { id: sourceId('Outlet 1'), name: 'Outlet 1', domain: 'outlet1.example', articles: 2 },
        { id: sourceId('Outlet 2'), name: 'Outlet 2', domain: 'outlet2.example', articles: 1 },
        { id: sourceId('Russia Today'), name: 'Russia Today', domain: 'rt.com', articles: 2 },
      ],
    });
    expect((await api.get('/api/stats')).body).toMatchObject({ sources: 3, articles: 5 });
  });
});
