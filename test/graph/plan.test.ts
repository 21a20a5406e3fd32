import grafeo from '@grafeo-db/js';
import { afterAll, describe, expect, test } from 'vitest';
import { assertPlanReadsOnly } from '../../server/graph/plan.js';
import { ALLOWED_PROCEDURES } from '../../server/graph/readonly.js';

/**
 * The engine's own reading of a user query (server/graph/plan.ts): Grafeo's
 * plan of `EXPLAIN <query>`, checked against the reading operators. Plans
 * come from a real engine, so what is checked is what Grafeo would run,
 * whatever any lexer makes of the text.
 */
const db = grafeo.GrafeoDB.create();
afterAll(() => db.close());
const planOf = async (query: string) => String(((await db.executeCypher(`EXPLAIN ${query}`, {})).toArray()[0] as { plan: unknown }).plan);

describe('assertPlanReadsOnly on Grafeo plans', () => {
  test.each([
    ['CREATE', 'CREATE (n:X) RETURN n'],
    ['SET', 'MATCH (n) SET n.x = 1'],
    ['SET of a label', 'MATCH (n) SET n:Y'],
    ['REMOVE', 'MATCH (n) REMOVE n.x'],
    ['REMOVE of a label', 'MATCH (n) REMOVE n:Y'],
    ['DELETE', 'MATCH (n) DETACH DELETE n'],
    ['MERGE', 'MERGE (n:X {id: 1})'],
    ['FOREACH', 'FOREACH (x IN [1] | CREATE (:X))'],
    ['LOAD CSV', "LOAD CSV FROM '/etc/hostname' AS l RETURN l"],
    ['LOAD CSV glued to a number (the issue\'s bypass)', "WITH 1 AS x LIMIT 1LOAD CSV FROM '/etc/hostname' AS l RETURN l"],
    ['a write in a CALL subquery', 'CALL { CREATE (x) RETURN x } RETURN x'],
    ['a write in a scoped CALL subquery', 'MATCH (a) CALL (a) { SET a.x = 1 } RETURN a'],
  ])('refuses the plan of %s', async (_, query) => {
    const plan = await planOf(query);
    expect(() => assertPlanReadsOnly(plan, ALLOWED_PROCEDURES)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  test.each([
    ['a match with a filter', "MATCH (a:Actor)-[:SAID]->(s) WHERE s.x STARTS WITH 'A' RETURN a.name, count(*) AS n ORDER BY n DESC SKIP 1 LIMIT 10"],
    ['optional match, distinct, collect', 'MATCH (a) OPTIONAL MATCH (a)-->(b) RETURN DISTINCT a, collect(b) AS bs'],
    ['union and unwind', 'UNWIND [1, 2] AS x RETURN x UNION ALL RETURN 3 AS x'],
    ['EXISTS and COUNT subqueries', 'MATCH (a) WHERE EXISTS { (a)-->() } RETURN COUNT { (a)--() } AS d'],
    ['a reading CALL subquery', 'MATCH (a) CALL (a) { MATCH (a)-->(b) RETURN count(b) AS c } RETURN a, c'],
    ['shortest paths', 'MATCH p = shortestPath((a)-[*]-(b)) RETURN p'],
    ['an allowed procedure', 'CALL db.labels() YIELD label RETURN label'],
    ['strings that name write operators', "MATCH (n) WHERE n.x = 'Create' OR n.y = \"SetProperty LoadCsv [after the write]\" RETURN n"],
  ])('allows the plan of %s', async (_, query) => {
    const plan = await planOf(query);
    expect(() => assertPlanReadsOnly(plan, ALLOWED_PROCEDURES)).not.toThrow();
  });

  test('refuses a procedure the engine plans that is not on the allow-list, and an empty plan', () => {
    expect(() => assertPlanReadsOnly('CallProcedure (db.createLabel)\n', ALLOWED_PROCEDURES)).toThrow(/may not call the procedure "db.createLabel"/);
    expect(() => assertPlanReadsOnly('', ALLOWED_PROCEDURES)).toThrow(/no plan/);
  });
});
