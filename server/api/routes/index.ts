/**
 * Every route of the API, in the OpenAPI document's order: each defined
 * once, handler and OpenAPI entry together (../route.ts defineRoute).
 */
import { defineRoute, type RouteDefinition } from '../route.js';
import { DOCS_HTML } from '../docs-page.js';
import { openApiDocument } from '../openapi.js';
import { ACTOR_ROUTES } from './actors.js';
import { ARTICLE_ROUTES } from './articles.js';
import { CLAIM_ROUTES } from './claims.js';
import { CYPHER_ROUTES } from './cypher.js';
import { EVENT_ROUTES } from './events.js';
import { META_ROUTES } from './meta.js';
import { NETWORK_ROUTES } from './network.js';
import { STATEMENT_ROUTES } from './statements.js';

/** GET /api/openapi.json and GET /api/docs: the document and a readable page of it. */
const DOC_ROUTES: readonly RouteDefinition[] = [
  defineRoute({
    method: 'get', path: '/api/openapi.json', summary: 'This document', tags: ['meta'], responses: { 200: { description: 'OpenAPI 3 document' } },
    handler: () => (_req, res) => {
      res.json(openApiDocument());
    },
  }),
  defineRoute({
    method: 'get', path: '/api/docs', summary: 'A readable page of this document', tags: ['meta'], responses: { 200: { description: 'HTML' } },
    handler: () => (_req, res) => {
      res.type('html').send(DOCS_HTML);
    },
  }),
];

export function apiRoutes(): readonly RouteDefinition[] {
  return [
    ...META_ROUTES, ...ARTICLE_ROUTES, ...ACTOR_ROUTES, ...STATEMENT_ROUTES, ...NETWORK_ROUTES, ...CLAIM_ROUTES, ...EVENT_ROUTES, ...CYPHER_ROUTES,
    ...DOC_ROUTES,
  ];
}
export { claimRoutes } from './claims.js';
