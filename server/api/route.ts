/**
 * The one way a route of the API is defined: `route(router, method, path,
 * handler)` registers the Express handler at the path the OpenAPI document
 * gives (./openapi.ts ROUTE_DOCS: the request and response schemas there), and
 * throws at start-up when the document has no such operation, so no route
 * goes undocumented. Paths are written as OpenAPI paths ('/api/actors/{id}');
 * the routers are mounted under /api.
 */
import type { Request, Response, Router } from 'express';
import { AppError } from '../errors.js';
import { routeDoc } from './openapi.js';

export type Handler = (req: Request, res: Response) => unknown;

/** An OpenAPI path as the Express path of a router mounted under /api: '/api/actors/{id}' -> '/actors/:id'. */
export function expressPath(openApiPath: string): string {
  if (!openApiPath.startsWith('/api/')) throw new AppError('INTERNAL', `a route path starts with /api/; found ${openApiPath}`);
  return openApiPath.slice('/api'.length).replace(/\{(\w+)\}/g, ':$1');
}

export function route(router: Router, method: 'get' | 'post', path: string, handler: Handler): void {
  if (!routeDoc(method, path)) {
    throw new AppError('INTERNAL', `route ${method.toUpperCase()} ${path} is not in the OpenAPI document: add it to server/api/openapi.ts (or events-schemas.ts) first`);
  }
  router[method](expressPath(path), handler);
}
