import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isErrorBody, startApi, type TestApi } from './helpers.js';

/**
 * POST /api/cypher as a Neo4j user meets it on either backend: EXPLAIN
 * gives the plan and no rows, PROFILE the rows and the plan; on the
 * embedded store, valid Neo4j Cypher the engine lacks is rewritten to give
 * Neo4j's answer (column names as the user wrote them), or refused with
 * "valid Neo4j Cypher that the embedded store does not support: ...", and
 * a silent difference comes with a notice. Runs on Neo4j too (NEO4J_URI):
 * there every query gives Neo4j's own answer and no notice.
 */
describe('POST /api/cypher and the known differences', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  }, 120_000);
  afterAll(() => api.close());
  const embedded = () => api.store.backend === 'embedded';

  test('EXPLAIN: no rows, the plan as text', async () => {
    const res = await api.post('/api/cypher', { query: 'EXPLAIN MATCH (s:Statement) RETURN count(s) AS n' });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([]);
    expect(typeof res.body.plan).toBe('string');
    expect(res.body.plan).toMatch(embedded() ? /NodeScan \(s:Statement\)/ : /Statement/);
  });

  test('PROFILE: the rows, and the plan beside them', async () => {
    const [count] = (await api.post('/api/cypher', { query: 'MATCH (a:Article) RETURN count(a) AS n' })).body.rows;
    const res = await api.post('/api/cypher', { query: 'PROFILE MATCH (a:Article) RETURN count(a) AS n' });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([count]);
    expect(count.n).toBe(4); // the seed page's four articles
    expect(res.body.plan).toMatch(/rows=/);
  });

  test.each([
    { name: 'map projection with a variable', query: 'WITH 5 AS said, {name: "x"} AS a RETURN a {.name, said} AS m', rows: [{ m: { name: 'x', said: 5 } }] },
    { name: 'a temporal component, column named as written', query: "RETURN date('2024-03-15').month", rows: [{ "date('2024-03-15').month": 3 }] },
    { name: 'round with a precision', query: 'RETURN round(2.71828, 3) AS r', rows: [{ r: 2.718 }] },
    { name: 'date.truncate to the year', query: "RETURN date.truncate('year', date('2024-03-15')) AS d", rows: [{ d: '2024-01-01' }] },
    { name: 'sum over no rows, column named as written', query: 'UNWIND [] AS x RETURN sum(x)', rows: [{ 'sum(x)': 0 }] },
  ])('Neo4j\'s answer on both backends: $name', async ({ query, rows }) => {
    const res = await api.post('/api/cypher', { query });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows).toEqual(rows);
    expect(res.body.notices).toBeUndefined();
  });

  test.each([
    { name: 'duration.between', query: "RETURN duration.between(date('2024-01-01'), date('2024-03-15')) AS d", construct: /duration\.between/ },
    { name: 'a type predicate', query: "RETURN 'x' IS :: STRING AS t", construct: /type predicate/ },
    { name: 'db.schema.visualization', query: 'CALL db.schema.visualization()', construct: /db\.schema\.visualization/ },
    { name: 'dbms.components', query: 'CALL dbms.components() YIELD name RETURN name', construct: /dbms\.components/ },
    { name: 'SHOW INDEXES with YIELD', query: 'SHOW INDEXES YIELD name RETURN name', construct: /SHOW INDEXES with YIELD/ },
    { name: 'date.truncate to the week', query: "RETURN date.truncate('week', date('2024-03-15')) AS d", construct: /date\.truncate/ },
  ])('embedded: $name is explained, not failed blind', async ({ query, construct }) => {
    const res = await api.post('/api/cypher', { query });
    if (!embedded()) {
      expect(res.status).toBe(200);
      return;
    }
    expect(res.status).toBe(400);
    expect(isErrorBody(res.body)).toBe(true);
    expect(res.body.code).toBe('QUERY_FAILED');
    expect(res.body.message).toMatch(/^valid Neo4j Cypher that the embedded store does not support: /);
    expect(res.body.message).toMatch(construct);
    expect(res.body.message).toMatch(/NEO4J_URI/);
  });

  test('embedded: a construct with no entry is still named as valid Neo4j Cypher, with where the engine stopped', async () => {
    if (!embedded()) return;
    const res = await api.post('/api/cypher', { query: "RETURN duration.inDays(date('2024-01-01'), date('2024-01-05')).days AS d" });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^valid Neo4j Cypher that the embedded store does not support: /);
  });

  test('a silent difference comes with a notice on the embedded store', async () => {
    const res = await api.post('/api/cypher', { query: "RETURN 1 = '1' AS eq" });
    expect(res.status).toBe(200);
    if (embedded()) {
      expect(res.body.rows).toEqual([{ eq: true }]);
      expect(res.body.notices.join('\n')).toMatch(/comparing a number with a string/);
    } else {
      expect(res.body.rows).toEqual([{ eq: false }]);
      expect(res.body.notices).toBeUndefined();
    }
  });

  test('plain SHOW INDEXES runs, with a notice on the embedded store that its columns are not Neo4j\'s', async () => {
    const res = await api.post('/api/cypher', { query: 'SHOW INDEXES' });
    expect(res.status).toBe(200);
    expect(res.body.rows.length).toBeGreaterThan(0);
    if (embedded()) {
      expect(Object.keys(res.body.rows[0]).sort()).toEqual(['label', 'name', 'property', 'type']);
      expect(res.body.notices.join('\n')).toMatch(/SHOW INDEXES/);
    } else {
      expect(res.body.rows[0]).toHaveProperty('labelsOrTypes');
    }
  });

  test('a query Neo4j\'s parser refuses is refused as invalid Cypher, not as a difference', async () => {
    const res = await api.post('/api/cypher', { query: 'RETRUN 1' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/not valid Cypher as Neo4j's parser reads it/);
  });
});
