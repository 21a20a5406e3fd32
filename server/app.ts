/**
 * Builds the Express app; never listens (server/main.ts does). The API is
 * under /api; the bundled UI, when a directory is given, is served at / with
 * every other GET falling back to its index.html (client-side routes).
 */
import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import express from 'express';
import helmet from 'helmet';
import type { Config } from './config.js';
import type { GraphStore } from './graph/index.js';
import { apiRouter, errorHandler, loopbackHostGuard } from './api/index.js';
import { AppError } from './errors.js';

export interface AppDeps {
  store: GraphStore;
  config: Config;
  /** The built UI (index.html and assets); none: the API only. */
  clientDir?: string;
  /** Where internal errors are logged (with their stack); default stderr. */
  log?: (line: string) => void;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Query strings are parsed flat (`a=1&a=2` is a list, `a[b]=1` is not an object): every value is a string or a list of strings.
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // D3 and the views set inline style attributes.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Served over plain HTTP on loopback; a TLS proxy in front sets HSTS itself.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(loopbackHostGuard(deps.config.host));
  app.use('/api', apiRouter({ store: deps.store, config: deps.config, log: deps.log }));
  if (deps.clientDir !== undefined) {
    const dir = resolve(deps.clientDir);
    const index = join(dir, 'index.html');
    app.use(express.static(dir, { index: 'index.html', fallthrough: true }));
    // Client-side routes (/actors/act_1) get the UI; a missing file (/assets/x.js) stays a 404.
    app.get(/.*/, (req, res, next) => {
      if (extname(req.path) !== '' || !existsSync(index)) return next();
      res.sendFile(index);
    });
  }
  app.use((req, _res, next) => next(new AppError('NOT_FOUND', `no such page: ${req.method} ${req.path}`)));
  app.use(errorHandler(deps.log));
  return app;
}
