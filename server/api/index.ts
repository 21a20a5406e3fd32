/**
 * The HTTP API: one router under /api. Every route validates its input with
 * the zod schemas in ./schemas (which also generate the OpenAPI document),
 * is registered through ./route.ts at the path its OpenAPI entry gives,
 * reads through the graph component's read models (server/graph), and fails with
 * AppError; ./http's error middleware turns any failure into
 * {code, message, details}.
 */
import express, { Router } from 'express';
import type { Config } from '../config.js';
import type { GraphStore } from '../graph/index.js';
import { DOCS_HTML, DOCS_JS } from './docs-page.js';
import { apiNotFound, requireTokenForWrites } from './http.js';
import { openApiDocument } from './openapi.js';
import { route } from './route.js';
import { actorRoutes } from './routes/actors.js';
import { articleRoutes } from './routes/articles.js';
import { claimRoutes } from './routes/claims.js';
import { cypherRoutes } from './routes/cypher.js';
import { metaRoutes } from './routes/meta.js';
import { networkRoutes } from './routes/network.js';
import { statementRoutes } from './routes/statements.js';
import { eventRoutes } from './routes/events.js';

export interface ApiDeps {
  store: GraphStore;
  config: Config;
  /** Where failures whose message a client does not get are logged; default stderr. */
  log?: (line: string) => void;
}

/** The /api router: body parsing, token check, routes, 404 for the rest. */
export function apiRouter({ store, config, log = (l) => process.stderr.write(`${l}\n`) }: ApiDeps): Router {
  const api = Router();
  api.use(requireTokenForWrites(config.token));
  // Only JSON bodies are read: a cross-site form post (no preflight) carries none, so it cannot act.
  api.use(express.json({ limit: config.maxInputBytes, strict: true }));
  route(api, 'get', '/api/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  route(api, 'get', '/api/docs', (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });
  // The docs page's script: an asset of GET /api/docs, not an operation of the API, so not in the document.
  api.get('/docs.js', (_req, res) => {
    res.type('application/javascript').send(DOCS_JS);
  });
  api.use(metaRoutes(store));
  api.use(articleRoutes(store, config, log));
  api.use(actorRoutes(store));
  api.use(statementRoutes(store));
  api.use(networkRoutes(store));
  api.use(claimRoutes(store, config));
  api.use(eventRoutes(store)); // GET /api/events, /api/events/:id, /api/network/met-with (issue 10)
  api.use(cypherRoutes(store, config));
  api.use(apiNotFound);
  return api;
}

export * from './schemas.js';
export { errorHandler, loopbackHostGuard } from './http.js';
