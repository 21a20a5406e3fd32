import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiRouter } from '../../server/api/index.js';
import { openApiDocument } from '../../server/api/openapi.js';
import { expressPath, route } from '../../server/api/route.js';
import { loadConfig } from '../../server/config.js';
import { openStore, type GraphStore } from '../../server/graph/index.js';

/**
 * Issue 17: every route the API's router serves is an operation of the
 * OpenAPI document and every operation is served. The router is walked as
 * Express holds it (nested routers included), not read from a list kept by
 * hand. The one route that is not an operation: the docs page's script.
 */
const NOT_OPERATIONS = new Set(['get /api/docs.js']);

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** "method /api/path" of every route in a router mounted at /api, Express paths written as OpenAPI paths. */
function servedRoutes(router: Router): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all') out.push(`${method} /api${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((router as unknown as { stack: Layer[] }).stack);
  return out.sort();
}

function documentedRoutes(): string[] {
  const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)).sort();
}

describe('the API router and the OpenAPI document', () => {
  let store: GraphStore;
  let served: string[];
  beforeAll(async () => {
    store = await openStore({ backend: 'embedded', path: null });
    served = servedRoutes(apiRouter({ store, config: loadConfig({}), log: () => {} }));
  });
  afterAll(() => store?.close());

  test('the walk finds the routes (so the comparisons below mean something)', () => {
    expect(served.length).toBeGreaterThan(20);
    expect(served).toContain('get /api/actors/{id}');
    expect(served).toContain('post /api/cypher');
  });

  test('every served route is documented', () => {
    expect(served.filter((r) => !NOT_OPERATIONS.has(r) && !documentedRoutes().includes(r))).toEqual([]);
  });

  test('every documented operation is served', () => {
    expect(documentedRoutes().filter((r) => !served.includes(r))).toEqual([]);
  });

  test('a route the document does not have is refused when it is defined', () => {
    const r = Router();
    expect(() => route(r, 'get', '/api/undocumented', () => undefined)).toThrow(/not in the OpenAPI document/);
    expect(() => route(r, 'post', '/api/stats', () => undefined)).toThrow(/POST \/api\/stats is not in the OpenAPI document/);
    expect(servedRoutes(r)).toEqual([]);
  });

  test.each([
    ['/api/actors/{id}/split', '/actors/:id/split'],
    ['/api/network/met-with', '/network/met-with'],
    ['/api/stats', '/stats'],
  ])('the OpenAPI path %s is served at %s under /api', (openApi, express) => {
    expect(expressPath(openApi)).toBe(express);
  });
});
