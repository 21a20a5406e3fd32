import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { assertSafeExposure, type Config } from './config.js';
import type { GraphStore } from './graph/index.js';

/** The bundled UI, built by `vite build` into client/dist. */
export const CLIENT_DIST = fileURLToPath(new URL('../client/dist/', import.meta.url));

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * The only place that listens. Starts the HTTP server on config.host:config.port
 * (port 0 picks a free port, as the tests do) and resolves once it accepts connections.
 * Refuses (BAD_INPUT) a non-loopback host without a token.
 */
export async function startServer(deps: { store: GraphStore; config: Config; clientDir?: string }): Promise<RunningServer> {
  // Never an open server on the network (docs/security.md, "Network exposure").
  assertSafeExposure(deps.config);
  const clientDir = deps.clientDir ?? (existsSync(CLIENT_DIST) ? CLIENT_DIST : undefined);
  const app = createApp({ store: deps.store, config: deps.config, clientDir });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.config.port, deps.config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = deps.config.host === '0.0.0.0' || deps.config.host === '127.0.0.1' ? 'localhost' : deps.config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
