import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AppError } from '../../server/errors.js';
import { EmbeddedStore } from '../../server/graph/embedded.js';
import { getArticle, neighbourhood, openStore, READ, timeline, type StoreOptions } from '../../server/graph/index.js';
import { statementProps } from '../../server/graph/write.js';
import type { GraphStore, Row } from '../../server/graph/types.js';
import { actor, richArticle, smallArticle, statement } from '../utils/graph-fixtures.js';

/**
 * One contract, every backend: the embedded store always, in this process
 * (in memory) and hosted in a child process (on a file in a temp dir);
 * Neo4j when NEO4J_URI is set (the suite then clears that database before each test).
 */
const hostedDirs: string[] = [];
afterAll(() => hostedDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
/**
 * `full`: the whole contract. The hosted store runs the same engine in another process, so it runs the
 * part that crosses the process boundary (values, atomic writes, concurrency, user queries) and not the
 * read models, whose Cypher and engine are the in-process store's exactly.
 */
const backends: Array<{ name: string; full: boolean; open: () => Promise<GraphStore> }> = [
  { name: 'embedded', full: true, open: () => openStore({ backend: 'embedded', path: null }) },
  {
    name: 'embedded hosted',
    full: false,
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), 'claimgraph-hosted-'));
      hostedDirs.push(dir);
      // No standby process: nothing here restarts, and the machine's cores are shared.
      return openStore({ backend: 'embedded', path: join(dir, 'claimgraph.grafeo'), hosted: true, standby: false });
    },
  },
];
if (process.env.NEO4J_URI) {
  const opts: StoreOptions = {
    backend: 'neo4j',
    uri: process.env.NEO4J_URI,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE,
  };
  backends.push({
    name: 'neo4j',
    full: true,
    open: async () => {
      const store = await openStore(opts);
      // Test-only: the contract needs an empty graph. Never point NEO4J_URI at data you keep while testing.
      await store.run('MATCH (n) WHERE NOT n:_SchemaVersion DETACH DELETE n');
      return store;
    },
  });
} else {
  console.info('store contract: NEO4J_URI is not set, so the neo4j backend was not run (embedded only)');
}
console.info(`store contract: backends run: ${backends.map((b) => b.name).join(', ')}`);

describe.each(backends)('store contract [$name]', ({ open, full }) => {
  /** A case or group of the read models: registered on the backends that run the whole contract only. */
  const readModelTest = (full ? test : () => undefined) as typeof test;
  const readModelDescribe = (full ? describe : () => undefined) as typeof describe;
  let store: GraphStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store.close();
  });

  describe('writeArticle', () => {
    test('when an article is written, then every property and relationship reads back', async () => {
      const graph = richArticle();
      expect(await store.writeArticle(graph)).toBe('created');

      const view = await getArticle(store, graph.article.id);
      expect(view).not.toBeNull();
      const { text, ...articleProps } = graph.article;
      expect(view!.article).toMatchObject({ ...articleProps, text, sourceId: graph.source!.id, source: 'Russia Today', sourceDomain: 'rt.com' });

      const byId = new Map(graph.actors.map((a) => [a.id, a]));
      const name = (id: string | null) => (id ? byId.get(id)!.name : null);
      expect(view!.statements.map((s) => s.id)).toEqual(graph.statements.map((s) => s.id)); // ordered by start
      for (const [i, expected] of graph.statements.entries()) {
        const got = view!.statements[i]!;
        expect(got).toMatchObject(statementProps(expected));
        expect(got).toMatchObject({
          speakerId: expected.speakerId,
          speaker: name(expected.speakerId),
          addresseeId: expected.addresseeId,
          addressee: name(expected.addresseeId),
          viaId: expected.viaId,
          via: name(expected.viaId),
        });
        expect(got.about.map((a) => a.id).sort()).toEqual([...expected.aboutIds].sort());
      }
      expect(view!.actors.map(({ id, name: n, kind, aliases, roles }) => ({ id, name: n, kind, aliases, roles }))).toEqual(
        [...graph.actors].sort((a, b) => a.name.localeCompare(b.name)),
      );

      // NAMED: how the article named the two actors it gave aliases and roles (Zakharova, Macron), written with it (issue 14).
      expect(await relationshipCounts(store)).toEqual({ PUBLISHED: 1, CONTAINS: 2, SAID: 2, ABOUT: 3, ADDRESSED_TO: 1, VIA: 1, MENTIONS: 4, NAMED: 2 });
      expect(await store.stats()).toEqual({ sources: 1, articles: 1, statements: 2, actors: 4, claims: 0 });
      expect(await store.hasArticle(graph.article.id)).toBe(true);
      expect(await store.hasArticle('art_missing')).toBe(false);
    });

    test('when a property is null, then it reads back as null', async () => {
      const graph = richArticle();
      graph.article.url = null;
      graph.source = null;
      await store.writeArticle(graph);
      const view = await getArticle(store, graph.article.id);
      expect(view!.article).toMatchObject({ url: null, source: null, sourceId: null });
      expect(view!.statements[1]).toMatchObject({ quote: null, timeText: null, addresseeId: null, viaId: null });
    });

    test('when the same article is written again, then it returns unchanged and no node, relationship or id changes', async () => {
      const graph = richArticle();
      await store.writeArticle(graph);
      const before = await snapshot(store);
      expect(await store.writeArticle(graph)).toBe('unchanged');
      expect(await store.writeArticle(structuredClone(graph))).toBe('unchanged');
      expect(await snapshot(store)).toEqual(before);
    });

    test('when a write fails midway (a statement refers to an unknown actor), then nothing of the article is stored', async () => {
      const graph = richArticle();
      // The article, source, actors and statements are written before the SAID links fail.
      graph.statements[1]!.speakerId = 'act_nobody';
      const error = await store.writeArticle(graph).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('STORE_FAILED');
      expect((error as AppError).message).toMatch(/linkSpeakers linked 1 of 2/);
      expect(await store.stats()).toEqual({ sources: 0, articles: 0, statements: 0, actors: 0, claims: 0 });
      expect(await relationshipCounts(store)).toEqual({});
    });

    test('when the database client refuses a value midway (a function as a property), then nothing of the article is stored', async () => {
      const graph = richArticle();
      (graph.statements[0] as unknown as Record<string, unknown>).confidence = () => 1;
      await expect(store.writeArticle(graph)).rejects.toBeInstanceOf(AppError);
      expect(await store.stats()).toEqual({ sources: 0, articles: 0, statements: 0, actors: 0, claims: 0 });
      // And the store still works afterwards.
      expect(await store.writeArticle(richArticle())).toBe('created');
    });

    readModelTest('when two articles share actors, then each actor is one node with aliases and roles unioned', async () => {
      const first = richArticle('one');
      const second = richArticle('two');
      const zakharova = second.actors[0]!;
      zakharova.aliases = ['Zakharova', 'Mrs Zakharova'];
      zakharova.roles = ['spokeswoman', 'diplomat'];
      await store.writeArticle(first);
      await store.writeArticle(second);

      expect(await store.stats()).toMatchObject({ sources: 1, articles: 2, statements: 4, actors: 4 });
      const [row] = await store.run(READ.actor, { id: zakharova.id });
      expect(row).toMatchObject({ name: 'Maria Zakharova', said: 4, articles: 2 });
      expect(row!.aliases).toEqual(['Zakharova', 'Mrs Zakharova']);
      expect(row!.roles).toEqual(['spokeswoman', 'diplomat']);
      expect(await relationshipCounts(store)).toMatchObject({ PUBLISHED: 2, MENTIONS: 8 });
    });

    test('when many articles are written concurrently, then each is stored once and shared actors are not duplicated', async () => {
      const graphs = Array.from({ length: 20 }, (_, i) => smallArticle(i, 2, 3));
      const statuses = await Promise.all([...graphs, ...graphs].map((g) => store.writeArticle(g)));
      expect(statuses.filter((s) => s === 'created')).toHaveLength(20);
      expect(await store.stats()).toMatchObject({ articles: 20, statements: 40, actors: 6, sources: 10 });
    });
  });

  readModelDescribe('read queries', () => {
    test('timeline returns the statements dated in [from, to), oldest first, optionally by actor', async () => {
      for (let i = 0; i < 6; i++) await store.writeArticle(smallArticle(i, 1, 3));
      // smallArticle(i) is dated 2024-02-(i+1).
      const rows = await timeline(store, { from: '2024-02-02', to: '2024-02-05' });
      expect(rows.map((r) => r.saidAt)).toEqual(['2024-02-02', '2024-02-03', '2024-02-04']);
      expect(rows[0]).toMatchObject({ speaker: 'Speaker 1', articleTitle: 'Article 1', source: 'Outlet 1' });
      expect(rows[0]!.about).toEqual([{ id: actor('Target 1', 'country').id, name: 'Target 1' }]);

      const bySpeaker = await timeline(store, { from: '2024-01-01', to: '2025-01-01', actorIds: [actor('Speaker 0').id] });
      expect(bySpeaker.map((r) => r.saidAt)).toEqual(['2024-02-01', '2024-02-04']);
      const byTarget = await timeline(store, { from: '2024-01-01', to: '2025-01-01', actorIds: [actor('Target 0', 'country').id] });
      expect(byTarget.map((r) => r.speaker)).toEqual(['Speaker 0', 'Speaker 0']);
      expect(await timeline(store, { from: '2024-01-01', to: '2025-01-01', limit: 2 })).toHaveLength(2);
    });

    test('neighbourhood lists whom an actor talks about and who talks about them, with counts', async () => {
      const graph = richArticle();
      await store.writeArticle(graph);
      const other = richArticle('b');
      const macron = other.actors[1]!;
      const zakharova = other.actors[0]!;
      // In the second article Macron answers, about Zakharova.
      other.statements = [statement(other.article.id, 1, 5, { speakerId: macron.id, aboutIds: [zakharova.id] })];
      await store.writeArticle(other);

      const hood = await neighbourhood(store, zakharova.id);
      expect(hood!.actor).toMatchObject({ id: zakharova.id, said: 2, about: 1 });
      expect(hood!.talksAbout).toEqual([
        { id: macron.id, name: 'Emmanuel Macron', kind: 'person', statements: 2 },
        { id: graph.actors[2]!.id, name: 'NATO', kind: 'organization', statements: 1 },
      ]);
      expect(hood!.talkedAboutBy).toEqual([{ id: macron.id, name: 'Emmanuel Macron', kind: 'person', statements: 1 }]);
      expect(await neighbourhood(store, 'act_nobody')).toBeNull();
    });

    // The lint proves these parse as Neo4j Cypher; this proves the embedded engine runs them too.
    test('every READ and EXPORT query runs with its sample parameters', async () => {
      await store.writeArticle(richArticle());
      const { READ_PARAMS, EXPORT_PARAMS } = await import('./query-params.js');
      const { EXPORT } = await import('../../server/graph/queries/export.js');
      const all: Array<[string, string, Record<string, unknown>]> = [
        ...Object.entries(READ).map(([k, q]): [string, string, Record<string, unknown>] => [k, q, READ_PARAMS[k as keyof typeof READ]]),
        ...Object.entries(EXPORT).map(([k, q]): [string, string, Record<string, unknown>] => [k, q, EXPORT_PARAMS[k as keyof typeof EXPORT]]),
      ];
      for (const [name, query, params] of all) {
        await expect(store.run(query, params), name).resolves.toBeInstanceOf(Array);
      }
    });
  });

  describe('readOnly', () => {
    test.each([
      ['CREATE (:X)'],
      ['MATCH (n) SET n.x = 1'],
      ['MATCH (n) DETACH DELETE n'],
      ["CALL dbms.security.createUser('x', 'y')"],
      ['LOAD CSV FROM "file:///etc/passwd" AS line RETURN line'],
    ])('when the query writes (%s), then it is FORBIDDEN', async (query) => {
      await expect(store.readOnly(query)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    test('when the query reads, then it returns plain rows, at most maxRows', async () => {
      await store.writeArticle(richArticle());
      const rows = await store.readOnly('MATCH (a:Actor) RETURN a.name AS name, a ORDER BY name', {}, { maxRows: 3 });
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatchObject({ name: 'Corriere della Sera', a: { _labels: ['Actor'], name: 'Corriere della Sera' } });
      expect(typeof (rows[0]!.a as Row)._id).toBe('string');
      const [path] = await store.readOnly('MATCH p = (:Actor)-[:SAID]->(:Statement) RETURN p LIMIT 1');
      expect(path!.p).toMatchObject({ nodes: [{ _labels: ['Actor'] }, { _labels: ['Statement'] }], edges: [{ _type: 'SAID' }] });
      const [count] = await store.readOnly('MATCH (s:Statement) WHERE s.start >= $min RETURN count(s) AS n', { min: 0 });
      expect(count).toEqual({ n: 2 });
    });

    test('when the query is invalid, then it is QUERY_FAILED', async () => {
      await expect(store.readOnly('MATCH (n RETURN n')).rejects.toMatchObject({ code: 'QUERY_FAILED' });
    });
  });
});

describe('embedded store', () => {
  const dirs: string[] = [];
  const tempPath = () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimgraph-graph-'));
    dirs.push(dir);
    return join(dir, 'data', 'claimgraph.grafeo');
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('when a write slips past the read-only check, then the rolled-back transaction discards it', async () => {
    const store = (await openStore({ backend: 'embedded', path: null })) as EmbeddedStore;
    const rows = await store.runInRolledBackTransaction("CREATE (p:Probe {id: 'x'}) RETURN p.id AS id");
    expect(rows).toEqual([{ id: 'x' }]);
    expect(await store.run('MATCH (p:Probe) RETURN count(p) AS n')).toEqual([{ n: 0 }]);
    await store.close();
  });

  test('when a read-only query runs past its timeout, then it is QUERY_TIMEOUT and the store still answers', async () => {
    const store = await openStore({ backend: 'embedded', path: null });
    const slow = 'UNWIND range(1, 3000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n';
    await expect(store.readOnly(slow, {}, { timeoutMs: 1 })).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    expect(await store.stats()).toMatchObject({ articles: 0 });
    await store.close();
  });

  test('when a store is closed and reopened, then its data and schema version are there', async () => {
    const path = tempPath();
    const store = await openStore({ backend: 'embedded', path });
    await store.writeArticle(richArticle());
    await store.close();
    await store.close(); // closing twice is fine
    const again = await openStore({ backend: 'embedded', path });
    expect(await again.stats()).toMatchObject({ articles: 1, statements: 2 });
    expect(await again.run("MATCH (v:_SchemaVersion) RETURN v.version AS version")).toEqual([{ version: 11 }]);
    expect(await again.writeArticle(richArticle())).toBe('unchanged');
    await again.close();
  });

  test('when a version-1 store (no Statement.time) is opened, then the migration stores every statement\'s time and day', async () => {
    const path = tempPath();
    const store = await openStore({ backend: 'embedded', path });
    await store.writeArticle(richArticle());
    const written = await store.run('MATCH (s:Statement) RETURN s.id AS id, s.time AS time, s.timeDay AS timeDay ORDER BY id');
    expect(written.every((r) => typeof r.time === 'string' && r.timeDay === String(r.time).slice(0, 10))).toBe(true);
    await store.run("MATCH (s:Statement) SET s.time = null, s.timeDay = null RETURN count(s) AS n");
    expect(await store.run('MATCH (s:Statement) WHERE s.time IS NOT NULL OR s.timeDay IS NOT NULL RETURN count(s) AS n')).toEqual([{ n: 0 }]);
    await store.run("MATCH (v:_SchemaVersion) SET v.version = 1 RETURN v.version AS version");
    await store.close();
    const again = await openStore({ backend: 'embedded', path });
    expect(await again.run('MATCH (s:Statement) RETURN s.id AS id, s.time AS time, s.timeDay AS timeDay ORDER BY id')).toEqual(written);
    expect(await again.run("MATCH (v:_SchemaVersion) RETURN v.version AS version")).toEqual([{ version: 11 }]);
    await again.close();
  });

  test.each([
    ['truncated', (buf: Buffer) => buf.subarray(0, Math.floor(buf.length / 2))],
    ['header garbled', (buf: Buffer) => Buffer.concat([Buffer.alloc(64, 0xab), buf.subarray(64)])],
  ])('when the store file is damaged (%s), then opening it is STORE_CORRUPT naming the recovery step', async (_, damage) => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const path = tempPath();
    const store = await openStore({ backend: 'embedded', path });
    for (let i = 0; i < 30; i++) await store.writeArticle(smallArticle(i));
    await store.close();
    writeFileSync(path, damage(readFileSync(path)));
    const error = await openStore({ backend: 'embedded', path }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORE_CORRUPT' });
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(/restore it from a backup/i);
    expect((error as Error).message).toContain('CLAIMGRAPH_WAL_SALVAGE=1');
  });

  test('when the write-ahead log of a crashed store is damaged at its start, then opening it is STORE_CORRUPT', async () => {
    const { cpSync, readdirSync, readFileSync, writeFileSync } = await import('node:fs');
    const path = tempPath();
    const crashed = tempPath();
    const store = await openStore({ backend: 'embedded', path });
    for (let i = 0; i < 10; i++) await store.writeArticle(smallArticle(i));
    // A copy taken while the store is open, before close() checkpoints: what a crash leaves behind.
    cpSync(dirname(path), dirname(crashed), { recursive: true });
    await store.close();
    const wal = `${crashed}.wal`;
    const segment = join(wal, readdirSync(wal).sort()[0]!);
    const bytes = readFileSync(segment);
    bytes[8] = bytes[8]! ^ 0xff;
    writeFileSync(segment, bytes);
    const error = await openStore({ backend: 'embedded', path: crashed }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORE_CORRUPT' });
    expect((error as Error).message).toMatch(/restore it from a backup/i);
  });

  test('when a crashed store (WAL not checkpointed) is reopened, then every committed article is there', async () => {
    const { cpSync } = await import('node:fs');
    const path = tempPath();
    const crashed = tempPath();
    const store = await openStore({ backend: 'embedded', path });
    for (let i = 0; i < 10; i++) await store.writeArticle(smallArticle(i));
    cpSync(dirname(path), dirname(crashed), { recursive: true });
    await store.close();
    const reopened = await openStore({ backend: 'embedded', path: crashed, walSalvage: true });
    expect(await reopened.stats()).toMatchObject({ articles: 10, statements: 30 });
    await reopened.close();
  });

  test('when another handle holds the store file, then opening it is STORE_UNAVAILABLE', async () => {
    const path = tempPath();
    const store = await openStore({ backend: 'embedded', path });
    await expect(openStore({ backend: 'embedded', path })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: /in use/ });
    await store.close();
  });

  test('when the store is newer than the code, then opening it is refused', async () => {
    const path = tempPath();
    const store = await openStore({ backend: 'embedded', path });
    await store.run("MATCH (v:_SchemaVersion {id: 'claimgraph'}) SET v.version = 99");
    await store.close();
    await expect(openStore({ backend: 'embedded', path })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: /version 99/ });
  });
});

/** Relationship counts by type (test-only Cypher: it scans the whole graph). */
async function relationshipCounts(store: GraphStore): Promise<Record<string, number>> {
  const rows = await store.run('MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n');
  return Object.fromEntries(rows.map((r) => [r.type as string, r.n as number]));
}

/** Every node and relationship with its internal id and properties, sorted: equal snapshots mean nothing changed. */
async function snapshot(store: GraphStore): Promise<{ nodes: Row[]; relationships: Row[] }> {
  const nodes = await store.run(
    'MATCH (n) WHERE NOT n:_SchemaVersion RETURN n AS node, labels(n) AS labels, properties(n) AS props ORDER BY n.id',
  );
  const relationships = await store.run(
    'MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, r AS rel ORDER BY from, type, to',
  );
  return { nodes, relationships };
}

