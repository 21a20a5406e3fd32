/**
 * The one way a route of the API is defined: `defineRoute({method, path,
 * summary, tags, security, request, responses, handler})` writes the Express
 * handler and its OpenAPI entry in one place. The OpenAPI document
 * (./openapi.ts) is made from the definitions (./routes/index.ts
 * API_ROUTES, in the document's order), and `mountRoutes` registers their
 * handlers; `route()` refuses a path the document does not have, so no route
 * goes undocumented. Paths are written as OpenAPI paths ('/api/actors/{id}');
 * the routers are mounted under /api.
 */
import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Request, Response, Router } from 'express';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { GraphStore } from '../graph/index.js';
import { routeDoc } from './openapi.js';

export type Handler = (req: Request, res: Response) => unknown;

/** What a route's handler is made with when the routes are mounted. */
export interface RouteDeps {
  store: GraphStore;
  config: Config;
  /** Where failures whose message a client does not get are logged. */
  log: (line: string) => void;
}

/** A route: its OpenAPI entry (method, path, summary, tags, security, request and response schemas) and its handler, made once per mount. */
export type RouteDefinition = RouteConfig & { method: 'get' | 'post'; handler: (deps: RouteDeps) => Handler };

export function defineRoute(def: RouteDefinition): RouteDefinition {
  return def;
}

/** The OpenAPI entry of a definition (all of it but the handler). */
export function routeEntry({ handler: _handler, ...entry }: RouteDefinition): RouteConfig {
  return entry;
}

/** An OpenAPI path as the Express path of a router mounted under /api: '/api/actors/{id}' -> '/actors/:id'. */
export function expressPath(openApiPath: string): string {
  if (!openApiPath.startsWith('/api/')) throw new AppError('INTERNAL', `a route path starts with /api/; found ${openApiPath}`);
  return openApiPath.slice('/api'.length).replace(/\{(\w+)\}/g, ':$1');
}

/** Registers a handler at a path of the OpenAPI document; refuses one the document does not have. */
export function route(router: Router, method: 'get' | 'post', path: string, handler: Handler): void {
  if (!routeDoc(method, path)) {
    throw new AppError('INTERNAL', `route ${method.toUpperCase()} ${path} is not in the OpenAPI document: define it with defineRoute in server/api/routes first`);
  }
  router[method](expressPath(path), handler);
}

/** Registers the handlers of route definitions on a router, each made with `deps`. */
export function mountRoutes(router: Router, defs: readonly RouteDefinition[], deps: RouteDeps): Router {
  for (const def of defs) route(router, def.method, def.path, def.handler(deps));
  return router;
}
