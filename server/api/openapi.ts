/**
 * The OpenAPI 3 document, generated from the route definitions
 * (./routes, each an Express handler and its OpenAPI entry written in one
 * place with the zod schemas it validates with): a route and its
 * documentation cannot drift apart.
 */
import { OpenAPIRegistry, OpenApiGeneratorV3, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { routeEntry } from './route.js';
import { apiRoutes } from './routes/index.js';

type Method = RouteConfig['method'];

let docs: readonly RouteConfig[] | null = null;

/**
 * Every route of the API as documented, in the document's order: the
 * OpenAPI entries of the route definitions (./routes/index.ts, each written
 * with its handler by ./route.ts defineRoute). Read when first asked for, so
 * the route modules may import this one.
 */
export function routeDocs(): readonly RouteConfig[] {
  return (docs ??= apiRoutes().map(routeEntry));
}

/** The documentation of `method path` (an OpenAPI path, '/api/actors/{id}'), or undefined. */
export function routeDoc(method: Method, path: string): RouteConfig | undefined {
  return routeDocs().find((r) => r.method === method && r.path === path);
}

let cached: ReturnType<OpenApiGeneratorV3['generateDocument']> | null = null;

/** The OpenAPI 3.0 document (built once). */
export function openApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Required on every POST when the server runs with CLAIMGRAPH_TOKEN set; GETs are open.',
  });
  for (const r of routeDocs()) registry.registerPath(r);
  cached = new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'claimgraph API',
      version: '0.1.0',
      description: 'Who said what, about whom, and when: articles, actors, statements, claims and a read-only Cypher endpoint. Errors are {code, message, details}.',
    },
    servers: [{ url: '/' }],
  });
  return cached;
}
