import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HostedStore } from '../../server/graph/index.js';
import { startApi, type TestApi } from '../api/helpers.js';

/**
 * Issue 14, defect 1, written from its description: the old pre-check read
 * `1LOAD` as one number while the engine read `1` then `LOAD`, so
 * `WITH 1 AS x LIMIT 1LOAD CSV FROM '<a file>' AS l RETURN l` returned any
 * file the server could read, /proc/self/environ of the store process
 * (the token) included, and the same hid CREATE, SET, MERGE, DELETE,
 * REMOVE, FOREACH and CALL. Through the real API over a hosted store, as
 * the server runs it, with secrets in the environment it started with.
 */
const SECRET = 'canary-7f3a9c1e-secret';
const TOKEN = 'token-5b2e8d0f-secret';
const PASSWORD = 'password-91c4e6aa-secret';

describe('read-only check: hidden writes and file reads (issue 14, defect 1)', () => {
  let api: TestApi;
  let dir: string;
  let canary: string;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-bypass-'));
    canary = join(dir, 'canary.csv');
    writeFileSync(canary, `${SECRET}\n`);
    // The secrets a server runs with; the store process is started while they are set.
    for (const [k, v] of [['CLAIMGRAPH_TOKEN', TOKEN], ['NEO4J_PASSWORD', PASSWORD]] as const) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    api = await startApi({ storePath: join(dir, 'claimgraph.grafeo') });
    expect(api.store).toBeInstanceOf(HostedStore);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const fingerprint = async () => {
    const [nodes] = await api.store.run('MATCH (n) RETURN count(n) AS n');
    const [rels] = await api.store.run('MATCH ()-[r]->() RETURN count(r) AS n');
    const [injected] = await api.store.run('MATCH (n) WHERE n:Injected OR n.injected IS NOT NULL RETURN count(n) AS n');
    return { nodes: nodes!.n, rels: rels!.n, injected: injected!.n };
  };

  // Each hides its clause behind a digit glued to the keyword, as the issue reports; the file reads aim at a canary.
  const cases = () => [
    { name: 'LOAD CSV of a file by path', query: `WITH 1 AS x LIMIT 1LOAD CSV FROM '${canary}' AS l RETURN l` },
    { name: 'LOAD CSV of a file URL', query: `WITH 1 AS x LIMIT 1LOAD CSV FROM 'file://${canary}' AS l RETURN l` },
    { name: "LOAD CSV of the store process's environment", query: "WITH 1 AS x LIMIT 1LOAD CSV FROM '/proc/self/environ' AS l RETURN l" },
    { name: 'CREATE', query: 'WITH 1 AS x LIMIT 1CREATE (n:Injected {x: 1}) RETURN n' },
    { name: 'SET', query: 'MATCH (n:Actor) WITH n LIMIT 1SET n.injected = 1 RETURN n' },
    { name: 'MERGE', query: 'WITH 1 AS x LIMIT 1MERGE (n:Injected {x: 1}) RETURN n' },
    { name: 'DELETE', query: 'MATCH (n:Statement) WITH n LIMIT 1DETACH DELETE n RETURN 1 AS x' },
    { name: 'REMOVE', query: 'MATCH (n:Actor) WITH n LIMIT 1REMOVE n.name RETURN n' },
    { name: 'FOREACH', query: 'WITH 1 AS x LIMIT 1FOREACH (i IN [1] | CREATE (:Injected)) RETURN x' },
    { name: 'CALL of a procedure', query: "WITH 1 AS x LIMIT 1CALL db.createLabel('Injected') RETURN x" },
    { name: 'a hexadecimal number glued to LOAD', query: `WITH 1 AS x LIMIT 0x1LOAD CSV FROM '${canary}' AS l RETURN l` },
    { name: 'an exponent glued to CREATE', query: 'UNWIND [1] AS x WITH x LIMIT 1e0CREATE (:Injected) RETURN x' },
  ];

  test('the case list is the one the issue names', () => {
    expect(cases().map((c) => c.name)).toEqual(expect.arrayContaining(['CREATE', 'SET', 'MERGE', 'DELETE', 'REMOVE', 'FOREACH', 'CALL of a procedure']));
  });

  test.each(cases().map((c) => [c.name, c.name]))('a glued number hiding %s: refused (4xx), no file read, nothing changed', async (name) => {
    const { query } = cases().find((c) => c.name === name)!;
    const before = await fingerprint();
    const reply = await api.post('/api/cypher', { query });
    expect([400, 403]).toContain(reply.status);
    expect(reply.body).toMatchObject({ code: expect.stringMatching(/^(FORBIDDEN|QUERY_FAILED)$/) });
    expect(reply.text).not.toContain(SECRET);
    expect(reply.text).not.toContain(TOKEN);
    expect(await fingerprint()).toEqual(before);
  });

  test('the store process runs without the server token or passwords: even a file read past every check finds none', async () => {
    const store = api.store as HostedStore;
    const environ = readFileSync(`/proc/${store.pid}/environ`, 'utf8');
    expect(environ).not.toContain(TOKEN);
    expect(environ).not.toContain(PASSWORD);
    expect(environ).not.toContain('CLAIMGRAPH_TOKEN');
    // What such a read shows, asked of the engine directly (the rolled-back transaction runs any query, unchecked).
    const rows = await store.runInRolledBackTransaction("LOAD CSV FROM '/proc/self/environ' AS l RETURN l");
    const seen = JSON.stringify(rows);
    expect(seen).not.toContain(TOKEN);
    expect(seen).not.toContain(PASSWORD);
    expect(seen).toContain('PATH='); // the read itself worked: what it found is the allow-listed environment
  });
});
