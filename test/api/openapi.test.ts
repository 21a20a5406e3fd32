import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from './helpers.js';

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

  test.each([
    ['get', '/api/articles'],
    ['post', '/api/articles'],
    ['get', '/api/articles/{id}'],
    ['get', '/api/actors'],
    ['get', '/api/actors/{id}'],
    ['post', '/api/actors/merge'],
    ['post', '/api/actors/{id}/split'],
    ['get', '/api/statements'],
    ['get', '/api/statements/{id}'],
    ['get', '/api/timeline'],
    ['get', '/api/network'],
    ['get', '/api/claims'],
    ['get', '/api/claims/{id}'],
    ['post', '/api/cypher'],
    ['get', '/api/stats'],
    ['get', '/api/sources'],
  ])('when fetched, then it documents %s %s with its error responses', async (method, path) => {
    const doc = (await api.get('/api/openapi.json')).body;
    const op = doc.paths[path]?.[method];
    expect(op, `${method} ${path}`).toBeDefined();
    expect(Object.keys(op.responses).some((c) => c.startsWith('2'))).toBe(true);
    if (method === 'post') expect(op.security).toEqual([{ bearer: [] }]);
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
