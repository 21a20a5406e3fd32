import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isErrorBody, startApi, type TestApi } from './helpers.js';

describe('GET /api/openapi.json and GET /api/docs', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seedPage: false });
  });
  afterAll(() => api.close());

  test('when fetched, then the document validates as OpenAPI 3', async () => {
    const res = await api.get('/api/openapi.json');
    expect(res.status).toBe(200);
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(res.body.openapi).toMatch(/^3\./);
  });

  // Error statuses written from each route's contract (bad input 400, unknown id 404, writes need a
  // token 401, ...), and one request per operation that must provoke a documented error.
  const E = '#/components/schemas/Error';
  test.each([
    { method: 'get', path: '/api/articles', errors: ['400'], provoke: { url: '/api/articles?limit=0', status: 400 } },
    { method: 'post', path: '/api/articles', errors: ['400', '401', '413', '415', '502'], provoke: { url: '/api/articles', body: {}, status: 400 } },
    { method: 'get', path: '/api/articles/{id}', errors: ['400', '404'], provoke: { url: '/api/articles/art_0000000000000000', status: 404 } },
    { method: 'get', path: '/api/actors', errors: ['400'], provoke: { url: '/api/actors?limit=0', status: 400 } },
    { method: 'get', path: '/api/actors/{id}', errors: ['400', '404'], provoke: { url: '/api/actors/act_0000000000000000', status: 404 } },
    { method: 'post', path: '/api/actors/merge', errors: ['400', '401', '404', '409'], provoke: { url: '/api/actors/merge', body: {}, status: 400 } },
    { method: 'post', path: '/api/actors/{id}/split', errors: ['400', '401', '404', '409'], provoke: { url: '/api/actors/act_0000000000000000/split', body: {}, status: 404 } },
    { method: 'get', path: '/api/statements', errors: ['400'], provoke: { url: '/api/statements?limit=0', status: 400 } },
    { method: 'get', path: '/api/statements/{id}', errors: ['400', '404'], provoke: { url: '/api/statements/st_0000000000000000', status: 404 } },
    { method: 'get', path: '/api/timeline', errors: ['400'], provoke: { url: '/api/timeline?bucket=fortnight', status: 400 } },
    { method: 'get', path: '/api/network', errors: ['400'], provoke: { url: '/api/network?limit=0', status: 400 } },
    { method: 'get', path: '/api/claims', errors: ['400'], provoke: { url: '/api/claims?limit=0', status: 400 } },
    { method: 'get', path: '/api/claims/{id}', errors: ['400', '404'], provoke: { url: '/api/claims/clm_0000000000000000', status: 404 } },
    { method: 'post', path: '/api/cypher', errors: ['400', '401', '403', '408', '503'], provoke: { url: '/api/cypher', body: {}, status: 400 } },
    { method: 'get', path: '/api/stats', errors: [], provoke: null },
    { method: 'get', path: '/api/sources', errors: [], provoke: null },
  ])('when fetched, then it documents $method $path with its error responses ($errors), each an Error body', async ({ method, path, errors, provoke }) => {
    const doc = (await api.get('/api/openapi.json')).body;
    const op = doc.paths[path]?.[method];
    expect(op, `${method} ${path}`).toBeDefined();
    const codes = Object.keys(op.responses);
    expect(codes.some((c) => c.startsWith('2'))).toBe(true);
    expect(codes.filter((c) => /^[45]/.test(c)).sort()).toEqual(errors);
    for (const c of errors) expect(op.responses[c].content['application/json'].schema.$ref, `${method} ${path} ${c}`).toBe(E);
    if (method === 'post') expect(op.security).toEqual([{ bearer: [] }]);
    if (provoke) {
      // The error the server really sends is one the document lists, in the documented shape.
      const res = 'body' in provoke ? await api.post(provoke.url, provoke.body) : await api.get(provoke.url);
      expect(res.status, res.text.slice(0, 200)).toBe(provoke.status);
      expect(codes).toContain(String(res.status));
      expect(isErrorBody(res.body)).toBe(true);
    }
  });

  test('when the docs page is opened, then it is self-contained HTML with a same-origin script', async () => {
    const page = await api.get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toContain('<script src="/api/docs.js"></script>');
    expect(page.text).not.toMatch(/<script>|https?:\/\/(?!www\.w3)/);
    const script = await api.get('/api/docs.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.text).toContain("fetch('/api/openapi.json')");
  });
});
