/**
 * HTTP security controls (issue 9) not already covered by test/api/app.test.ts
 * (security headers present, basic CORS, 401 for each write, DNS-rebinding
 * guard, no stacks) and test/api/cypher.test.ts (the write and procedure
 * refusal table): tokens on every method and before the body is read,
 * cross-site "simple" requests that cannot act, the CSP directive by
 * directive, the body limit on every POST, Cypher refusals that try to slip
 * past the pre-check, and article text that stays data (no XSS).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { fingerprint, isErrorBody, startApi, type TestApi } from '../api/helpers.js';
import { richArticle, smallArticle } from '../utils/graph-fixtures.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOKEN = 'a-long-enough-test-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const GRAPHS = () => [richArticle('a'), ...Array.from({ length: 5 }, (_, i) => smallArticle(i))];

describe('the write token (CLAIMGRAPH_TOKEN)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seedPage: false, graphs: GRAPHS(), config: { token: TOKEN, maxInputBytes: 16 * 1024 } });
  });
  afterAll(() => api?.close());

  test.each(['PUT', 'PATCH', 'DELETE'])('when %s comes without the token, then 401 before any route is looked up', async (method) => {
    const before = await fingerprint(api.store);
    const res = await api.request('/api/articles/art_x', { method });
    expect(res.status).toBe(401);
    expect(isErrorBody(res.body)).toBe(true);
    expect(await fingerprint(api.store)).toBe(before);
  });

  test('when an unauthenticated body is over the size limit, then 401, not 413: the body is not read before the token is checked', async () => {
    const res = await api.post('/api/articles', { text: 'x'.repeat(64 * 1024) });
    expect(res.status).toBe(401);
  });

  test.each<{ name: string; path: string; headers: Record<string, string> }>([
    { name: 'in the query string', path: `/api/cypher?token=${TOKEN}`, headers: {} },
    { name: 'as a cookie', path: '/api/cypher', headers: { cookie: `token=${TOKEN}` } },
    { name: 'without the Bearer scheme', path: '/api/cypher', headers: { authorization: TOKEN } },
    { name: 'with a prefix of the token', path: '/api/cypher', headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}` } },
    { name: 'with the token and a suffix', path: '/api/cypher', headers: { authorization: `Bearer ${TOKEN}x` } },
  ])('when the token comes $name, then 401', async ({ path, headers }) => {
    const res = await api.post(path, { query: 'RETURN 1 AS one' }, headers);
    expect(res.status).toBe(401);
  });

  test('when the token comes, then merging and splitting actors go through (2xx)', async () => {
    const [from, into] = richArticle('a').actors;
    const merged = await api.post('/api/actors/merge', { from: from!.id, into: into!.id }, auth);
    expect(merged.status, merged.text).toBe(201);
    const split = await api.post(`/api/actors/${from!.id}/split`, {}, auth);
    expect(split.status, split.text).toBe(200);
  });

  test('when the configured token is shorter than 8 characters, then the configuration is refused at start', () => {
    expect(() => loadConfig({ CLAIMGRAPH_TOKEN: 'short' })).toThrow(/CLAIMGRAPH_TOKEN/);
  });
});

describe('cross-origin requests (CORS closed, no CSRF)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seedPage: false, graphs: GRAPHS() });
  });
  afterAll(() => api?.close());

  test.each(['/api/articles', '/api/cypher', '/api/actors/merge'])('when a cross-origin preflight asks for %s with credentials and headers, then no Access-Control-Allow-* header is sent', async (path) => {
    const res = await api.request(path, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(res.status).toBeLessThan(500);
    for (const [name] of res.headers) expect(name).not.toMatch(/^access-control-allow-/);
  });

  // A page on another site can send these without a preflight; none may act.
  test.each([
    { name: 'text/plain carrying JSON', type: 'text/plain', body: JSON.stringify({ text: 'Anna Berg said "we will win" on Monday.' }) },
    { name: 'a form', type: 'application/x-www-form-urlencoded', body: 'text=Anna+Berg+said+%22we+will+win%22' },
    { name: 'multipart', type: 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nAnna Berg said "we will win".\r\n--x--\r\n' },
  ])('when a cross-site simple POST sends $name, then it is refused and the graph is unchanged', async ({ type, body }) => {
    const before = await fingerprint(api.store);
    for (const path of ['/api/articles', '/api/actors/merge']) {
      const res = await api.request(path, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': type }, body });
      expect(res.status).toBe(400);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(await fingerprint(api.store)).toBe(before);
  });
});

describe('the Content-Security-Policy', () => {
  let api: TestApi;
  let clientDir: string;
  beforeAll(async () => {
    clientDir = mkdtempSync(join(tmpdir(), 'claimgraph-csp-'));
    mkdirSync(join(clientDir, 'assets'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>ui</title><script type="module" src="/assets/main.js"></script>');
    api = await startApi({ seedPage: false, clientDir });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(clientDir, { recursive: true, force: true });
  });

  const directives = (csp: string) =>
    new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => { const [k, ...v] = d.split(/\s+/); return [k!.toLowerCase(), v] as const; }));

  test.each(['/', '/actors/act_1', '/api/stats', '/api/docs', '/api/nothing'])('when %s is served, then its CSP allows only same-origin scripts, no plugins, no framing, no base or form hijack', async (path) => {
    const res = await api.get(path);
    const csp = res.headers.get('content-security-policy');
    expect(csp).not.toBeNull();
    const d = directives(csp!);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]); // no 'unsafe-inline', 'unsafe-eval', data: or hosts
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    for (const [name, values] of d) {
      expect(values, name).not.toContain('*');
      expect(values.filter((v) => /^(https?:|\*\.|'unsafe-eval')/.test(v)), name).toEqual([]);
    }
  });
});

describe('the request body limit', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seedPage: false, graphs: GRAPHS(), config: { maxInputBytes: 16 * 1024 } });
  });
  afterAll(() => api?.close());

  const big = 'x'.repeat(32 * 1024);
  test.each([
    { path: '/api/articles', body: { text: big } },
    { path: '/api/cypher', body: { query: `RETURN '${big}' AS x` } },
    { path: '/api/actors/merge', body: { from: 'act_a', into: 'act_b', note: big } },
    { path: '/api/actors/act_a/split', body: { note: big } },
  ])('when $path gets a body over the limit, then 413 PAYLOAD_TOO_LARGE as JSON and the graph is unchanged', async ({ path, body }) => {
    const before = await fingerprint(api.store);
    const res = await api.post(path, body);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(isErrorBody(res.body)).toBe(true);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await fingerprint(api.store)).toBe(before);
  });

  test('when a body over the limit comes chunked, without a Content-Length, then 413 as well', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 8; i++) c.enqueue(new TextEncoder().encode(i === 0 ? `{"text":"${'y'.repeat(8 * 1024)}` : 'y'.repeat(8 * 1024)));
        c.enqueue(new TextEncoder().encode('"}'));
        c.close();
      },
    });
    const res = await fetch(`${api.base}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(isErrorBody(await res.json())).toBe(true);
  });
});

describe('the Cypher endpoint against the host', () => {
  let api: TestApi;
  let before: string;
  beforeAll(async () => {
    api = await startApi({ seedPage: false, graphs: GRAPHS() });
    before = await fingerprint(api.store);
  });
  afterAll(() => api?.close());

  // Beyond test/api/cypher.test.ts's table: spellings that try to hide the clause, and procedures that touch files, network or settings.
  test.each([
    { name: 'LOAD CSV split by a comment', query: "LOAD/**/CSV FROM 'file:///etc/passwd' AS l RETURN l" },
    { name: 'LOAD CSV split by a newline', query: "LOAD\nCSV FROM 'file:///etc/passwd' AS l RETURN l" },
    { name: 'LOAD CSV after a read in a UNION', query: "RETURN 1 AS l UNION LOAD CSV FROM 'file:///etc/hostname' AS l RETURN l" },
    { name: 'LOAD CSV in a subquery', query: "CALL { LOAD CSV FROM 'http://127.0.0.1:9/' AS l RETURN l } RETURN l" },
    { name: 'apoc.export to a file', query: "CALL apoc.export.csv.all('/tmp/claimgraph-pwn.csv', {})" },
    { name: 'apoc.import from a file', query: "CALL apoc.import.graphml('file:///etc/passwd', {})" },
    { name: 'apoc.load.jdbc', query: "CALL apoc.load.jdbc('jdbc:mysql://127.0.0.1/x', 'SELECT 1') YIELD row RETURN row" },
    { name: 'apoc.load.html over the network', query: "CALL apoc.load.html('http://169.254.169.254/latest/meta-data/', {}) YIELD value RETURN value" },
    { name: 'a backticked dotted name', query: "CALL `apoc.load`.json('http://127.0.0.1:9/') YIELD value RETURN value" },
    { name: 'dbms.setConfigValue', query: "CALL dbms.setConfigValue('db.logs.query.enabled', 'off')" },
    { name: 'dbms.killQueries', query: 'CALL dbms.killQueries([])' },
    { name: 'a full-text index created by procedure', query: "CALL db.index.fulltext.createNodeIndex('x', ['Actor'], ['name'])" },
    { name: 'another database by USE', query: 'USE system MATCH (n) RETURN n' },
    { name: 'a transaction committed by GQL', query: "MATCH (n) RETURN n; COMMIT" },
  ])('when the query is $name, then 403 FORBIDDEN and the graph is unchanged', async ({ query }) => {
    const res = await api.post('/api/cypher', { query });
    expect(res.status, res.text).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect(await fingerprint(api.store)).toBe(before);
  });

  test.each([
    { name: 'the allowed schema procedure', query: 'CALL db.labels() YIELD label RETURN label' },
    { name: 'a read with clause words in a backticked name, a string and a comment', query: "MATCH (a:Actor) // DETACH DELETE a\nRETURN a.name AS `CREATE`, 'SET x = 1' AS s LIMIT 1" },
  ])('when the query is $name, then it runs (200)', async ({ query }) => {
    const res = await api.post('/api/cypher', { query });
    expect(res.status, res.text).toBe(200);
  });
});

describe('article text stays data (no XSS through the API)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seedPage: false });
  });
  afterAll(() => api?.close());

  const SCRIPT = '<script>alert(1)</script><img src=x onerror=alert(2)>';

  test('when an article carries markup in its title, source and text, then it comes back verbatim as JSON, never as HTML', async () => {
    const created = await api.post('/api/articles', { text: `"We will win ${SCRIPT}," Anna Berg said on Monday.`, title: SCRIPT, source: SCRIPT });
    expect(created.status, created.text).toBe(201);
    const id = created.body.articles[0].id as string;
    for (const path of [`/api/articles/${id}`, '/api/articles', '/api/statements', '/api/sources']) {
      const res = await api.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.text).toContain(JSON.stringify(SCRIPT).slice(1, -1));
    }
  });

  test('when markup is in an unknown API path, then the 404 that names it is JSON, not HTML', async () => {
    const res = await api.get(`/api/${encodeURIComponent(SCRIPT)}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
