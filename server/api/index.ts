/**
 * The HTTP API: one router under /api. Every route validates its input with
 * the zod schemas in ./schemas (which also generate the OpenAPI document),
 * is defined once with its OpenAPI entry (./route.ts defineRoute, ./routes),
 * reads through the graph component's read models (server/graph), and fails with
 * AppError; ./http's error middleware turns any failure into
 * {code, message, details}.
 */
import express, { Router } from 'express';
import type { Config } from '../config.js';
import type { GraphStore } from '../graph/index.js';
import { DOCS_JS } from './docs-page.js';
import { apiNotFound, requireTokenForWrites } from './http.js';
import { mountRoutes } from './route.js';
import { apiRoutes } from './routes/index.js';

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
  // The docs page's script: an asset of GET /api/docs, not an operation of the API, so not in the document.
  api.get('/docs.js', (_req, res) => {
    res.type('application/javascript').send(DOCS_JS);
  });
  mountRoutes(api, apiRoutes(), { store, config, log });
  api.use(apiNotFound);
  return api;
}

export * from './schemas.js';
export { errorHandler, loopbackHostGuard } from './http.js';
