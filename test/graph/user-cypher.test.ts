import { describe, expect, test } from 'vitest';
import { rewriteForEmbedded } from '../../server/graph/index.js';

/**
 * The rewrites of valid Neo4j Cypher the embedded engine lacks
 * (server/graph/user-cypher.ts): each rewrites exactly its construct, on
 * tokens, so strings, comments, property names and look-alikes are left
 * alone. What the rewritten queries answer is checked by the fidelity suite.
 */
const CASES: Array<{ name: string; query: string; text: string }> = [
  { name: 'a bare variable in a map projection', query: 'MATCH (a:Actor) WITH a, 1 AS said RETURN a {.name, said} AS m', text: 'MATCH (a:Actor) WITH a, 1 AS said RETURN a {.name, said: said} AS m' },
  { name: 'several bare variables, first and last', query: 'RETURN m {x, .k, y} AS r', text: 'RETURN m {x: x, .k, y: y} AS r' },
  { name: 'node pattern properties are not a projection', query: "MATCH (n:Actor {name: 'x'}) RETURN n", text: "MATCH (n:Actor {name: 'x'}) RETURN n" },
  { name: 'a CALL subquery is not a projection', query: 'CALL { RETURN 1 AS x } RETURN x', text: 'CALL { RETURN 1 AS x } RETURN x' },
  { name: 'an EXISTS subquery is not a projection', query: 'MATCH (a) WHERE EXISTS { (a)-->() } RETURN a', text: 'MATCH (a) WHERE EXISTS { (a)-->() } RETURN a' },
  { name: 'a temporal component of a constructor call', query: "RETURN date('2024-03-15').month AS m", text: "RETURN month(date('2024-03-15')) AS m" },
  { name: 'a component of a nested call', query: 'RETURN datetime(a.t).year = 2019 AS y', text: 'RETURN year(datetime(a.t)) = 2019 AS y' },
  { name: 'a component the engine has no function for is left', query: "RETURN date('2024-03-15').week AS w", text: "RETURN date('2024-03-15').week AS w" },
  { name: 'date.truncate to a supported unit', query: "RETURN date.truncate('month', d) AS t", text: "RETURN date_trunc('month', d) AS t" },
  { name: 'date.truncate to the week is left (explained instead)', query: "RETURN date.truncate('week', d) AS t", text: "RETURN date.truncate('week', d) AS t" },
  { name: 'round with a literal precision', query: 'RETURN round(x / 3.0, 2) AS r', text: 'RETURN (round((x / 3.0) * 10^2) / 10^2) AS r' },
  { name: 'round with a parameter precision is left', query: 'RETURN round(x, $n) AS r', text: 'RETURN round(x, $n) AS r' },
  { name: 'sum', query: 'UNWIND [] AS x RETURN sum(x) AS s', text: 'UNWIND [] AS x RETURN coalesce(sum(x), 0) AS s' },
  { name: 'sum inside a string or comment is text', query: "RETURN 'sum(x)' AS s // sum(y)", text: "RETURN 'sum(x)' AS s // sum(y)" },
  { name: 'a property named sum is not the function', query: 'RETURN n.sum AS s', text: 'RETURN n.sum AS s' },
];

describe('rewrites for the embedded engine', () => {
  test.each(CASES)('$name', ({ query, text }) => {
    expect(rewriteForEmbedded(query).text).toBe(text);
  });

  test('the rewritten texts are paired with what the user wrote, for column names', () => {
    const r = rewriteForEmbedded('UNWIND [] AS x RETURN sum(x)');
    expect(r.applied).toEqual(['sum-of-no-rows']);
    expect(r.columns).toEqual([['coalesce(sum(x), 0)', 'sum(x)']]);
  });
});
