import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { copyStore, exportJsonl, importJsonl } from '../../server/exchange/index.js';
import { openStore, openStoreFromConfig } from '../../server/graph/index.js';
import { SCHEMA_NEO4J } from '../../server/graph/queries/schema.js';
import { SCHEMA_VERSION } from '../../server/graph/schema.js';
import type { GraphStore } from '../../server/graph/types.js';
import { readInputs } from '../../server/ingest/index.js';
import { ingestInputs } from '../../server/pipeline/index.js';
import { TEST_QUERIES } from '../api/queries.js';
import { tempDir } from '../utils/cli.js';

/**
 * The whole Neo4j path against the embedded store as the reference: the
 * same input through the real pipeline (article write, claims and events
 * steps) on both, then every read model the API serves, the jsonl export,
 * an import of the reference's export, a migrate (copyStore) from the
 * reference, and the schema bootstrap and a migration re-run.
 *
 * The target is Neo4j when NEO4J_URI is set (`npm run test:neo4j`; the
 * database is cleared, use a throwaway one), and always a second embedded
 * store, so the comparison harness itself runs on every CI run. No Neo4j
 * server has run this here (docs/graph.md, "What has run against Neo4j").
 */
const SEED_PAGE = fileURLToPath(new URL('../fixtures/seed-page.txt', import.meta.url));
const WIKINEWS = fileURLToPath(new URL('../fixtures/wikinews/articles.jsonl', import.meta.url));
const neo4jUri = process.env.NEO4J_URI;
console.info(`Neo4j path: ${neo4jUri ? `against ${neo4jUri}` : 'NEO4J_URI not set, only the embedded check of the harness runs'}`);

const targets: Array<{ name: string; open: () => Promise<GraphStore> }> = [
  { name: 'embedded (the harness on a second store)', open: () => openStore({ backend: 'embedded', path: null }) },
  ...(neo4jUri
    ? [{
        name: 'neo4j',
        open: async () => {
          const store = await openStoreFromConfig(loadConfig(process.env));
          await store.run(TEST_QUERIES.clearAll);
          return store;
        },
      }]
    : []),
];

/** The read models as the API serves them, on one store: every list and every detail page reachable from the lists. */
async function readModels(store: GraphStore): Promise<Record<string, unknown>> {
  const app = createApp({ store, config: { ...loadConfig({}), host: '127.0.0.1', port: 0 }, log: () => {} });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const out: Record<string, unknown> = {};
  const get = async (path: string) => {
    const res = await fetch(base + path);
    const body = (await res.json()) as unknown;
    out[path] = { status: res.status, body };
    return body as Record<string, unknown>;
  };
  try {
    for (const path of ['/api/stats', '/api/sources', '/api/timeline', '/api/network', '/api/network/met-with', '/api/contradictions', '/api/statements?limit=200']) await get(path);
    const ids = async (list: string, key: string) => {
      const body = await get(list);
      const items = (body[key] as Array<{ id: string }> | undefined) ?? [];
      return items.map((x) => x.id);
    };
    for (const id of await ids('/api/actors?limit=200', 'items')) await get(`/api/actors/${encodeURIComponent(id)}`);
    for (const id of await ids('/api/articles?limit=200', 'items')) await get(`/api/articles/${encodeURIComponent(id)}`);
    for (const id of await ids('/api/claims?limit=200', 'items')) await get(`/api/claims/${encodeURIComponent(id)}`);
    for (const id of await ids('/api/events?limit=200', 'items')) await get(`/api/events/${encodeURIComponent(id)}`);
    delete (out['/api/stats'] as { body: Record<string, unknown> }).body.backend;
    return canonical(out);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * Lists that are sets, whose order comes from the order things were
 * written (so it differs after an import or a migrate on either backend,
 * not between backends): an event's participants, and the network's nodes
 * and links (sorted by weight, ties in storage order). Sorted here so the
 * comparison is about content; docs/graph.md lists them.
 */
function canonical(models: Record<string, unknown>): Record<string, unknown> {
  const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
  const visit = (v: unknown, key: string, network: boolean): unknown => {
    if (Array.isArray(v)) {
      const items = v.map((x) => visit(x, '', network));
      return key === 'participants' || (network && key !== '') ? items.sort(byJson) : items;
    }
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, visit(x, k, network)]));
    return v;
  };
  return Object.fromEntries(Object.entries(models).map(([path, v]) => [path, visit(v, '', path.startsWith('/api/network'))]));
}

async function jsonl(store: GraphStore): Promise<string> {
  let text = '';
  await exportJsonl(store, (chunk) => {
    text += chunk;
  });
  return text;
}

describe.each(targets)('the Neo4j path, checked against the embedded store [$name]', ({ open }) => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let inputs: string[];
  let reference: GraphStore;
  let expected: Record<string, unknown>;
  let expectedExport: string;
  beforeAll(async () => {
    dir = await tempDir('neo4j-path-');
    const slice = join(dir.dir, 'wikinews-5.jsonl');
    writeFileSync(slice, `${readFileSync(WIKINEWS, 'utf8').split('\n').slice(0, 5).join('\n')}\n`);
    inputs = [SEED_PAGE, slice];
    reference = await openStore({ backend: 'embedded', path: null });
    const summary = await ingestInputs(reference, readInputs(inputs, { retrievedAt: '2025-08-21T12:00:00.000Z' }));
    expect(summary.failed).toBe(0);
    expected = await readModels(reference);
    expectedExport = await jsonl(reference);
  }, 300_000);
  afterAll(async () => {
    await reference?.close();
    await dir?.cleanup();
  });

  test('the reference has something to compare in every read model', () => {
    const counts = (expected['/api/stats'] as { body: Record<string, number> }).body;
    expect(counts.articles).toBe(9);
    for (const key of ['statements', 'actors', 'claims']) expect(counts[key]).toBeGreaterThan(0);
    expect(Object.keys(expected).filter((p) => p.startsWith('/api/actors/')).length).toBeGreaterThan(10);
    expect(Object.keys(expected).some((p) => p.startsWith('/api/events/'))).toBe(true);
  });

  test('ingest (article write, claims and events steps): every read model and the jsonl export equal the reference', async () => {
    const store = await open();
    try {
      const summary = await ingestInputs(store, readInputs(inputs, { retrievedAt: '2025-08-21T12:00:00.000Z' }));
      expect(summary.failed).toBe(0);
      expect(await readModels(store)).toEqual(expected);
      expect(await jsonl(store)).toBe(expectedExport);
    } finally {
      await store.close();
    }
  }, 600_000);

  test('import of the reference\'s jsonl export: every read model equals the reference', async () => {
    const store = await open();
    try {
      const file = join(dir.dir, 'reference.jsonl');
      writeFileSync(file, expectedExport);
      const summary = await importJsonl(store, file);
      expect(summary).toMatchObject({ created: 9, failed: 0 });
      expect(await readModels(store)).toEqual(expected);
    } finally {
      await store.close();
    }
  }, 600_000);

  test('migrate (copyStore from the reference): every read model equals the reference', async () => {
    const store = await open();
    try {
      const summary = await copyStore(reference, store);
      expect(summary).toMatchObject({ created: 9, failed: 0 });
      expect(await readModels(store)).toEqual(expected);
    } finally {
      await store.close();
    }
  }, 600_000);

  test('schema bootstrap runs again without error; a migration re-run from version 4 rebuilds the actor totals', async () => {
    const store = await open();
    try {
      await ingestInputs(store, readInputs([SEED_PAGE], { retrievedAt: '2025-08-21T12:00:00.000Z' }));
      await store.init();
      const totals = 'MATCH (c:_ActorTotal) RETURN c.key AS key, c.said AS said, c.about AS about, c.articles AS articles ORDER BY key';
      const before = await store.run(totals);
      expect(before.length).toBeGreaterThan(0);
      await store.run('MATCH (c:_ActorTotal) DETACH DELETE c');
      await store.run(`MATCH (v:_SchemaVersion {id: 'claimgraph'}) SET v.version = 4`);
      await store.init();
      expect(await store.run(totals)).toEqual(before);
      const [version] = await store.run(`MATCH (v:_SchemaVersion {id: 'claimgraph'}) RETURN v.version AS v`);
      expect(version!.v).toBe(SCHEMA_VERSION);
      if (store.backend === 'neo4j') {
        // Every constraint of the bootstrap exists on the server.
        const names = (await store.run('SHOW CONSTRAINTS YIELD name RETURN name')).map((r) => String(r.name));
        const wanted = Object.values(SCHEMA_NEO4J).flatMap((q) => /^CREATE CONSTRAINT (\w+)/.exec(q)?.[1] ?? []);
        expect(wanted.filter((n) => !names.includes(n))).toEqual([]);
      }
    } finally {
      await store.close();
    }
  }, 600_000);
});
