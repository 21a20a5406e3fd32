import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fingerprint, isErrorBody, startApi, type TestApi } from './helpers.js';

/**
 * POST /api/cypher: read-only user Cypher. Every write attempt is refused
 * before it runs, and the graph is byte-for-byte the same afterwards.
 */
const WRITES: Array<{ name: string; query: string; names: RegExp }> = [
  { name: 'CREATE', query: "CREATE (n:Actor {id: 'x', name: 'X'}) RETURN n", names: /CREATE/ },
  { name: 'MERGE', query: "MERGE (n:Actor {id: 'x'}) RETURN n", names: /MERGE/ },
  { name: 'SET a property', query: "MATCH (n:Actor) SET n.name = 'pwned' RETURN count(n)", names: /SET/ },
  { name: 'SET += map', query: 'MATCH (n:Statement) SET n += {content: ""} RETURN count(n)', names: /SET/ },
  { name: 'DELETE', query: 'MATCH (n:Statement) DELETE n', names: /DELETE/ },
  { name: 'DETACH DELETE', query: 'MATCH (n) DETACH DELETE n', names: /DETACH/ },
  { name: 'REMOVE a property', query: 'MATCH (n:Actor) REMOVE n.name RETURN n', names: /REMOVE/ },
  { name: 'REMOVE a label', query: 'MATCH (n:Actor) REMOVE n:Actor RETURN n', names: /REMOVE/ },
  { name: 'FOREACH', query: 'FOREACH (x IN [1, 2] | CREATE (:Actor {id: toString(x)}))', names: /FOREACH|CREATE/ },
  { name: 'FOREACH hiding a SET', query: 'OPTIONAL MATCH (n:Actor) FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | SET n.x = 1)', names: /FOREACH|SET/ },
  { name: 'LOAD CSV from a file', query: "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", names: /LOAD/ },
  { name: 'LOAD CSV from a URL', query: "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row", names: /LOAD/ },
  { name: 'CALL { } IN TRANSACTIONS', query: "CALL { CREATE (:Actor {id: 'y'}) } IN TRANSACTIONS", names: /CREATE|TRANSACTIONS/ },
  { name: 'IN TRANSACTIONS OF n ROWS', query: 'UNWIND range(1, 10) AS i CALL (i) { MATCH (n:Actor) RETURN n LIMIT 1 } IN TRANSACTIONS OF 2 ROWS RETURN i', names: /TRANSACTIONS/ },
  { name: 'a write in a subquery', query: 'MATCH (n:Statement) CALL (n) { DETACH DELETE n } RETURN count(*)', names: /DETACH/ },
  { name: 'a write in a returning subquery', query: 'CALL { MATCH (n:Actor) SET n.x = 1 RETURN n } RETURN n', names: /SET/ },
  { name: 'lower case', query: 'match (n) detach delete n', names: /DETACH/ },
  { name: 'mixed case', query: "CrEaTe (n:Actor {id: 'z'})", names: /CREATE/ },
  { name: 'split by a block comment', query: 'MATCH (n) /* harmless */ DETACH /* still harmless */ DELETE n', names: /DETACH/ },
  { name: 'after a line comment', query: "// just reading\nCREATE (n:Actor {id: 'c'})", names: /CREATE/ },
  { name: 'after a UNION', query: 'MATCH (n:Actor) RETURN n.id AS id UNION MATCH (m:Actor) SET m.x = 1 RETURN m.id AS id', names: /SET/ },
  { name: 'a second statement', query: "MATCH (n:Actor) RETURN n; CREATE (m:Actor {id: 'm'})", names: /CREATE/ },
  { name: 'MERGE of a relationship', query: 'MATCH (a:Actor) WITH a LIMIT 1 MERGE (a)-[:SAME_AS]->(a)', names: /MERGE/ },
  { name: 'GQL INSERT', query: "INSERT (:Actor {id: 'gql'})", names: /INSERT/ },
  { name: 'schema: CREATE INDEX', query: 'CREATE INDEX pwn FOR (n:Actor) ON (n.kind)', names: /CREATE/ },
  { name: 'schema: DROP', query: 'DROP INDEX actor_id', names: /DROP/ },
  { name: 'apoc create procedure', query: "CALL apoc.create.node(['X'], {}) YIELD node RETURN node", names: /apoc\.create\.node/ },
  { name: 'apoc network procedure', query: "CALL apoc.load.json('http://127.0.0.1:9/') YIELD value RETURN value", names: /apoc\.load\.json/ },
  { name: 'apoc runWrite', query: "CALL apoc.cypher.runWrite('CREATE (n)', {})", names: /apoc\.cypher\.runWrite/ },
  { name: 'apoc periodic iterate', query: "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})", names: /apoc\.periodic\.iterate/ },
  { name: 'dbms user admin', query: "CALL dbms.security.createUser('x', 'y', false)", names: /dbms\.security\.createUser/ },
  { name: 'db write procedure', query: "CALL db.createLabel('X')", names: /db\.createLabel/ },
  { name: 'backticked procedure name', query: "CALL `apoc`.`create`.`node`(['X'], {}) YIELD node RETURN node", names: /apoc\.create\.node/ },
  { name: 'upper-case procedure name', query: 'CALL APOC.CREATE.NODE([], {}) YIELD node RETURN node', names: /APOC\.CREATE\.NODE/ },
  { name: 'a plugin function', query: "RETURN apoc.util.sleep(60000) AS x", names: /apoc\.util\.sleep/ },
  { name: 'a backticked plugin function in a WHERE', query: "MATCH (n:Actor) WHERE `apoc`.`static`.`get`('k') IS NULL RETURN n", names: /apoc\.static\.get/ },
  { name: 'SHOW USERS (administration)', query: 'SHOW USERS', names: /SHOW USERS/ },
  { name: 'SHOW TRANSACTIONS (administration)', query: 'show transactions yield query return query', names: /SHOW TRANSACTIONS/ },
  { name: 'a procedure in a subquery', query: "MATCH (n) CALL (n) { CALL apoc.create.setProperty(n, 'x', 1) YIELD node RETURN node } RETURN count(*)", names: /apoc\.create\.setProperty/ },
];

describe('POST /api/cypher', () => {
  let api: TestApi;
  let before: string;
  beforeAll(async () => {
    api = await startApi();
    before = await fingerprint(api.store);
  });
  afterAll(() => api.close());

  test('the refusal table has at least 25 write attempts', () => {
    expect(WRITES.length).toBeGreaterThanOrEqual(25);
  });

  test.each(WRITES)('when the query is a write ($name), then 403 FORBIDDEN naming it and the graph is unchanged', async ({ query, names }) => {
    const res = await api.post('/api/cypher', { query });
    expect(res.status).toBe(403);
    expect(isErrorBody(res.body)).toBe(true);
    expect(res.body.code).toBe('FORBIDDEN');
    expect(res.body.message).toMatch(names);
    expect(await fingerprint(api.store)).toBe(before);
  });

  test('when a read query returns nodes and relationships, then rows are plain objects and the graph form lists them', async () => {
    const res = await api.post('/api/cypher', { query: 'MATCH (a:Actor)-[r:SAID]->(s:Statement) RETURN a, r, s.id AS sid LIMIT 3' });
    expect(res.status).toBe(200);
    expect(res.body.columns).toEqual(['a', 'r', 'sid']);
    expect(res.body.rows).toHaveLength(3);
    const row = res.body.rows[0];
    expect(row.a).toMatchObject({ _labels: ['Actor'] });
    expect(typeof row.a._id).toBe('string');
    expect(row.r).toMatchObject({ _type: 'SAID' });
    expect(res.body.truncated).toBe(false);
    expect(res.body.graph.nodes.length).toBeGreaterThan(0);
    expect(res.body.graph.nodes[0]).toMatchObject({ labels: ['Actor'] });
    expect(res.body.graph.nodes[0].properties.name).toEqual(expect.any(String));
    expect(res.body.graph.relationships[0]).toMatchObject({ type: 'SAID', start: expect.any(String), end: expect.any(String) });
    expect(typeof res.body.elapsedMs).toBe('number');
  });

  test('when a path is returned, then its nodes and relationships are in the graph form', async () => {
    const res = await api.post('/api/cypher', { query: 'MATCH p = (a:Actor)-[:SAID]->(:Statement)-[:ABOUT]->(:Actor) RETURN p LIMIT 1' });
    expect(res.status).toBe(200);
    expect(res.body.graph.nodes.length).toBe(3);
    expect(res.body.graph.relationships.map((r: { type: string }) => r.type).sort()).toEqual(['ABOUT', 'SAID']);
  });

  test('when the result has more rows than maxRows, then it is cut and marked truncated', async () => {
    const res = await api.post('/api/cypher', { query: 'UNWIND range(1, 50) AS i RETURN i', maxRows: 10 });
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(10);
    expect(res.body.truncated).toBe(true);
  });

  test('when parameters are given, then they are passed as parameters (an injection-looking value is just a string)', async () => {
    const res = await api.post('/api/cypher', { query: 'MATCH (a:Actor) WHERE a.name = $name RETURN count(a) AS n', params: { name: "x'}) DETACH DELETE n //" } });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ n: 0 }]);
    expect(await fingerprint(api.store)).toBe(before);
  });

  test('when the query has a syntax error, then 400 QUERY_FAILED without a stack', async () => {
    const res = await api.post('/api/cypher', { query: 'MATCH (n RETURN n' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('QUERY_FAILED');
    expect(isErrorBody(res.body)).toBe(true);
  });

  test.each([
    { name: 'no query', body: {}, path: 'body.query' },
    { name: 'an empty query', body: { query: '' }, path: 'body.query' },
    { name: 'a non-string query', body: { query: 42 }, path: 'body.query' },
    { name: 'params not an object', body: { query: 'RETURN 1', params: [1] }, path: 'body.params' },
    { name: 'maxRows 0', body: { query: 'RETURN 1', maxRows: 0 }, path: 'body.maxRows' },
    { name: 'an unknown field', body: { query: 'RETURN 1', mode: 'write' }, path: 'body.mode' },
  ])('when the body has $name, then 400 naming $path', async ({ body, path }) => {
    const res = await api.post('/api/cypher', body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_INPUT');
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});

describe('POST /api/cypher time limit', () => {
  let api: TestApi;
  beforeAll(async () => {
    // A 1 ms limit: the query below is a cartesian product of four statement sets over the seed page
    // (8.5 million rows, about half a second of engine work on a quiet 2-core machine), which no machine
    // finishes in a millisecond; the outcome, not a duration, is what is checked. It is finite on purpose:
    // the in-process engine cannot stop a query, so one that never ends would keep a core busy.
    api = await startApi({ config: { queryTimeoutMs: 1 } });
  });
  afterAll(() => api.close());

  test('when a query runs past the limit, then it is answered 408 QUERY_TIMEOUT and a request sent meanwhile is served', async () => {
    const stats = await api.get('/api/stats');
    expect(stats.body.statements).toBeGreaterThan(50); // the product has more than 6 million rows
    const runaway = api.post('/api/cypher', { query: 'MATCH (a:Statement), (b:Statement), (c:Statement), (d:Statement) RETURN count(*) AS n' });
    const other = api.get('/api/statements?limit=3');
    const [res, served] = await Promise.all([runaway, other]);
    expect(res.status).toBe(408);
    expect(res.body.code).toBe('QUERY_TIMEOUT');
    expect(res.body.message).toMatch(/longer than 1 ms/);
    expect(isErrorBody(res.body)).toBe(true);
    expect(served.status).toBe(200);
    expect(served.body.items).toHaveLength(3);
  });
});
