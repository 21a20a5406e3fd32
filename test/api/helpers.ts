/**
 * The real app on an ephemeral port: createApp with a real in-memory
 * embedded store, node:http on port 0, real fetch. Each suite starts its own.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import { openStore, openStoreFromConfig } from '../../server/graph/index.js';
import type { ArticleGraph, GraphStore, Row } from '../../server/graph/types.js';
import { readInputs } from '../../server/ingest/index.js';
import { ingestInputs } from '../../server/pipeline/index.js';
import { TEST_QUERIES } from './queries.js';

export const SEED_PAGE = fileURLToPath(new URL('../fixtures/seed-page.txt', import.meta.url));
/** The seed page's retrieval time: its "an hour ago" lines resolve against it. */
export const SEED_RETRIEVED_AT = '2025-08-21T12:00:00.000Z';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface TestApi {
  base: string;
  store: GraphStore;
  config: Config;
  server: Server;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<Reply<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  /** A raw request (custom body or content type). */
  request<T = any>(path: string, init: RequestInit): Promise<Reply<T>>;
  close(): Promise<void>;
}

export interface StartOptions {
  config?: Partial<Config>;
  /** Run the real pipeline on test/fixtures/seed-page.txt (default true). */
  seedPage?: boolean;
  /** Article graphs written directly (known ids, for exact assertions). */
  graphs?: ArticleGraph[];
  clientDir?: string;
  log?: (line: string) => void;
  /** A store file: the store is then hosted in a child process (openStore `hosted`), as the server runs it. */
  storePath?: string;
}

/**
 * The store under test: in-memory embedded, or the Neo4j at NEO4J_URI
 * (`npm run test:neo4j`), emptied first — never point NEO4J_URI at data you keep.
 */
console.info(`API tests run on the ${process.env.NEO4J_URI ? `neo4j backend at ${process.env.NEO4J_URI}` : 'embedded backend (in memory); set NEO4J_URI to run them on Neo4j'}`);

async function testStore(storePath?: string): Promise<GraphStore> {
  if (storePath !== undefined) return openStore({ backend: 'embedded', path: storePath, hosted: true });
  if (!process.env.NEO4J_URI) return openStore({ backend: 'embedded', path: null });
  const store = await openStoreFromConfig(loadConfig(process.env));
  await store.run(TEST_QUERIES.clearAll);
  return store;
}

export async function startApi(opts: StartOptions = {}): Promise<TestApi> {
  const store = await testStore(opts.storePath);
  if (opts.seedPage !== false) {
    const summary = await ingestInputs(store, readInputs([SEED_PAGE], { retrievedAt: SEED_RETRIEVED_AT }));
    if (summary.failed > 0) throw new Error(`seeding failed: ${JSON.stringify(summary.errors)}`);
  }
  for (const g of opts.graphs ?? []) await store.writeArticle(g);
  const config: Config = { ...loadConfig({}), host: '127.0.0.1', port: 0, ...opts.config };
  const app = createApp({ store, config, clientDir: opts.clientDir, log: opts.log ?? (() => {}) });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const request = async (path: string, init: RequestInit): Promise<Reply> => {
    const res = await fetch(base + path, init);
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: res.status, headers: res.headers, body, text };
  };
  return {
    base,
    store,
    config,
    server,
    request,
    get: (path, headers = {}) => request(path, { headers }),
    post: (path, body, headers = {}) =>
      request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

/**
 * Everything in the graph as one comparable value: every node's labels and
 * properties, every relationship's ends, type and properties, sorted. Equal
 * fingerprints before and after a request mean the request changed nothing.
 */
export async function fingerprint(store: GraphStore): Promise<string> {
  const nodes = (await store.run(TEST_QUERIES.allNodes)).map(withoutRunCounters);
  const rels = await store.run(TEST_QUERIES.allRelationships);
  return JSON.stringify([nodes.map(sortedJson).sort(), rels.map(sortedJson).sort()]);
}

/**
 * A node as the comparison reads it: the schema version node without what records a run rather than the data
 * (when it was written, `updatedAt`, and how many claims-step batches wrote band keys, `bandSeq`: one by one and
 * in batches differ there), and a member's band keys as a set (`_bands`: the order they were admitted in means
 * nothing, and a migrated store has them in the order its `_Band` pages came).
 */
function withoutRunCounters(row: Row): Row {
  const props = { ...(row.props as Row) };
  if ((row.labels as string[] | undefined)?.includes('_SchemaVersion')) {
    delete props.updatedAt;
    delete props.bandSeq;
  }
  if (Array.isArray(props._bands)) props._bands = [...(props._bands as string[])].sort();
  return { ...row, props };
}

/** JSON with the keys of every object sorted, at every depth, so equal rows give equal strings. */
export function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Asserts the error body shape: {code, message, details[]} and nothing that looks like a stack. */
export function isErrorBody(body: unknown): body is { code: string; message: string; details: Array<{ path?: string; message: string }> } {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return (
    typeof b.code === 'string' &&
    typeof b.message === 'string' &&
    Array.isArray(b.details) &&
    Object.keys(b).sort().join(',') === 'code,details,message' &&
    !/\n\s+at |\.ts:\d+|node_modules/.test(JSON.stringify(b))
  );
}
