import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, type GraphStore } from '../../server/graph/index.js';
import { fingerprint } from '../api/helpers.js';

/**
 * The whole-graph comparison many tests rest on (test/api/helpers.ts
 * fingerprint) sees every property of every node and relationship, nested
 * values included, and only what records a run (the schema version node's
 * write time and batch count) or an order that means nothing (a member's
 * band keys) is left out of it.
 */
describe('fingerprint', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openStore({ backend: 'embedded', path: null });
    await store.run("CREATE (a:Article {id: 'art_1', title: 'T', _bands: ['k2', 'k1']})-[:CONTAINS {n: 1}]->(s:Statement {id: 'stm_1', content: 'c'})");
  });
  afterAll(async () => {
    await store.close();
  });

  test.each([
    { change: "MATCH (s:Statement {id: 'stm_1'}) SET s.content = 'd'", differs: true, what: 'a node property' },
    { change: "MATCH (:Article)-[r:CONTAINS]->() SET r.n = 2", differs: true, what: 'a relationship property' },
    { change: "MATCH (a:Article {id: 'art_1'}) SET a.title = 'T', a.extra = ['x']", differs: true, what: 'a new list property' },
    { change: "MATCH (a:Article {id: 'art_1'}) SET a._bands = ['k1', 'k2']", differs: false, what: 'the order of band keys' },
    { change: "MATCH (v:_SchemaVersion) SET v.updatedAt = 'later', v.bandSeq = 99", differs: false, what: 'the run counters of the schema version node' },
    { change: "MATCH (v:_SchemaVersion) SET v.version = 0", differs: true, what: 'the schema version itself' },
  ])('changing $what: differs $differs', async ({ change, differs }) => {
    const before = await fingerprint(store);
    await store.run(change);
    expect((await fingerprint(store)) !== before).toBe(differs);
  });
});
