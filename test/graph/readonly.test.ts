import { describe, expect, test } from 'vitest';
import { assertReadOnly, tokenize } from '../../server/graph/readonly.js';

describe('assertReadOnly', () => {
  test.each([
    ['a plain read', 'MATCH (a:Actor) RETURN a.name LIMIT 10'],
    ['a keyword inside a single-quoted string', "MATCH (s:Statement) WHERE s.content CONTAINS 'CREATE a new SET' RETURN s"],
    ['a keyword inside a double-quoted string', 'MATCH (s:Statement) WHERE s.cue = "delete" RETURN s'],
    ['an escaped quote inside a string', "RETURN 'it\\'s DELETE time' AS x"],
    ['an escaped backslash before the closing quote', "RETURN 'a\\\\' AS x, 1 AS y"],
    ['a keyword in a line comment', 'MATCH (n) // then CREATE (m)\nRETURN n'],
    ['a keyword in a block comment', 'MATCH (n) /* MERGE (x) SET x.a = 1 */ RETURN n'],
    ['a backticked name', 'MATCH (n) RETURN n.`set` AS `CREATE`'],
    ['a property key named like a clause', 'MATCH (s:Statement) RETURN s.start, s.set, s.remove ORDER BY s.start'],
    ['a map key named like a clause', 'RETURN {set: 1, delete: 2} AS m'],
    ['a label named like a clause', 'MATCH (n:Create|Merge) RETURN n'],
    ['a variable with a label named like a clause', 'MATCH (create:Actor) RETURN create.name'],
    ['a parameter named like a clause', 'MATCH (a:Actor {id: $create}) RETURN a'],
    ['a CALL subquery that reads', 'CALL { MATCH (n:Actor) RETURN count(n) AS c } RETURN c'],
    ['a scoped CALL subquery that reads', 'MATCH (a:Actor) CALL (a) { MATCH (a)-[:SAID]->(s) RETURN count(s) AS c } RETURN a, c'],
    ['an allow-listed procedure', 'CALL db.labels() YIELD label RETURN label'],
    ['an allow-listed procedure in other case', 'CALL db.relationshipTypes()'],
    ['EXPLAIN of a read', 'EXPLAIN MATCH (n) RETURN n'],
    ['SHOW INDEXES', 'SHOW INDEXES'],
    ['COUNT and EXISTS subqueries', 'MATCH (a:Actor) WHERE EXISTS { (a)-[:SAID]->() } RETURN COUNT { (a)--() } AS degree'],
    ['a word containing a keyword', 'MATCH (n) WHERE n.createdAt > 1 RETURN n.settings, n.offset'],
    ['built-in namespaced functions', "RETURN date.truncate('month', date('2025-08-18')) AS m, datetime.fromepoch(0) AS t, duration.between(date(), date()) AS d"],
    ['a property access followed by a parenthesised expression', 'MATCH (s:Statement) WHERE s.start IN (range(1, 3)) RETURN s.end'],
    ['SHOW CONSTRAINTS', 'SHOW CONSTRAINTS YIELD name RETURN name'],
    ['SHOW FUNCTIONS', 'SHOW FUNCTIONS'],
    ['SHOW PROCEDURES', 'SHOW PROCEDURES'],
  ])('allows %s', (_, query) => {
    expect(() => assertReadOnly(query)).not.toThrow();
  });

  test.each([
    ['CREATE', 'CREATE (n:Actor {id: 1})'],
    ['MERGE', 'MERGE (n:Actor {id: 1}) RETURN n'],
    ['SET', 'MATCH (n) SET n.x = 1'],
    ['SET in lower case', 'match (n) set n.x = 1'],
    ['DELETE', 'MATCH (n) DELETE n'],
    ['DETACH DELETE', 'MATCH (n) DETACH DELETE n'],
    ['REMOVE', 'MATCH (n) REMOVE n.x'],
    ['FOREACH', 'MATCH p = ()-->() FOREACH (n IN nodes(p) | SET n.x = 1)'],
    ['LOAD CSV', "LOAD CSV FROM 'https://example.com/x.csv' AS row RETURN row"],
    ['a write after a string', "MATCH (n) WHERE n.x = 'a' CREATE (m)"],
    ['a write after a comment', 'MATCH (n) /* harmless */ CREATE (m)'],
    ['a write after a line comment', 'MATCH (n) // harmless\nCREATE (m)'],
    ['a write inside a CALL subquery', 'CALL { CREATE (n) RETURN n } RETURN n'],
    ['CALL IN TRANSACTIONS', 'MATCH (n) CALL (n) { RETURN n AS m } IN TRANSACTIONS RETURN m'],
    ['a procedure that writes', "CALL dbms.security.createUser('x', 'y', false)"],
    ['an APOC procedure', "CALL apoc.load.json('http://example.com') YIELD value RETURN value"],
    ['a backticked procedure name', 'CALL `apoc`.`periodic`.`iterate`("a", "b", {})'],
    ['a schema change', 'DROP INDEX actor_name'],
    ['CREATE INDEX', 'CREATE INDEX x FOR (n:Actor) ON (n.name)'],
    ['USE of another database', 'USE system SHOW USERS'],
    ['GQL INSERT', 'INSERT (:Actor {id: 1})'],
    ['a transaction control statement', 'COMMIT'],
    ['START TRANSACTION', 'START TRANSACTION'],
    ['GRANT', 'GRANT ROLE admin TO bob'],
    ['an APOC function', "RETURN apoc.util.sleep(100000)"],
    ['an APOC function reaching out, in lower case in a WHERE', "MATCH (n) WHERE apoc.static.get('x') IS NOT NULL RETURN n"],
    ['a backticked plugin function', 'RETURN `apoc`.`text`.`join`(["a"], ",") AS x'],
    ['a GDS function', 'MATCH (a), (b) RETURN gds.similarity.cosine([1], [1]) AS s'],
    ['SHOW USERS', 'SHOW USERS'],
    ['SHOW CURRENT USER', 'SHOW CURRENT USER'],
    ['SHOW TRANSACTIONS', 'show transactions'],
    ['SHOW SETTINGS', 'SHOW SETTINGS YIELD name, value'],
    ['SHOW ALL PRIVILEGES', 'SHOW ALL PRIVILEGES'],
    ['SHOW DATABASES', 'SHOW DATABASES'],
  ])('refuses %s with FORBIDDEN', (_, query) => {
    expect(() => assertReadOnly(query)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  // Offsets counted by hand: "MATCH (n) " is 10 characters.
  test.each([
    ['MATCH (n) DELETE n', 'DELETE', 10],
    ['MATCH (n) DETACH DELETE n', 'DETACH DELETE', 10],
    ['match (n) detach delete n', 'DETACH DELETE', 10],
    ['MATCH (n) NODETACH DELETE n', 'NODETACH DELETE', 10],
    ["LOAD CSV FROM 'x.csv' AS row RETURN row", 'LOAD CSV', 0],
    ['START TRANSACTION', 'START TRANSACTION', 0],
  ])('the refusal of %s names the whole clause, %s', (query, clause, offset) => {
    expect(() => assertReadOnly(query)).toThrow(`read-only queries may not use ${clause} (at offset ${offset})`);
  });

  test.each([
    ['an unterminated string', "MATCH (n) WHERE n.x = 'abc CREATE (m)"],
    ['an unterminated comment', 'MATCH (n) /* CREATE (m)'],
    ['an unterminated backticked name', 'MATCH (n) RETURN n.`x CREATE (m)'],
  ])('refuses %s rather than guess where it ends', (_, query) => {
    expect(() => assertReadOnly(query)).toThrow(expect.objectContaining({ code: 'QUERY_FAILED' }));
  });
});

describe('tokenize', () => {
  test('keeps strings, backticked names and parameters whole and drops comments', () => {
    const tokens = tokenize("MATCH (n:`my label`) // c\nWHERE n.x = 'a\\'b' AND n.y = $p RETURN n");
    expect(tokens.map((t) => t.text)).toEqual([
      'MATCH', '(', 'n', ':', '`my label`', ')', 'WHERE', 'n', '.', 'x', '=', "'a\\'b'", 'AND', 'n', '.', 'y', '=', '$p', 'RETURN', 'n',
    ]);
  });
});

describe('assertReadOnly decides on Neo4j\'s parse (issue 14)', () => {
  test.each([
    ['LOAD CSV behind a glued digit', "WITH 1 AS x LIMIT 1LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", 'QUERY_FAILED'],
    ['CREATE behind a glued exponent', 'UNWIND [1] AS x WITH x LIMIT 1e0CREATE (:X) RETURN x', 'QUERY_FAILED'],
    ['two statements', 'MATCH (n) RETURN n; MATCH (m) RETURN m', 'FORBIDDEN'],
    ['a read then a write statement', 'RETURN 1 AS x; CREATE (n)', 'FORBIDDEN'],
    ['text Neo4j does not parse', 'MATCH (n RETURN n', 'QUERY_FAILED'],
    ['a unicode escape outside a string', 'RETURN \\u0041 AS a', 'QUERY_FAILED'],
    ['CYPHER query options', 'CYPHER runtime=slotted MATCH (n) RETURN n', 'FORBIDDEN'],
    ['a write inside EXISTS', 'MATCH (n) WHERE EXISTS { MATCH (n) CREATE (x) RETURN x } RETURN n', 'FORBIDDEN'],
    ['a write after UNION', 'MATCH (n) RETURN n UNION MATCH (m) MERGE (k) RETURN k AS n', 'FORBIDDEN'],
    ['SHOW SETTINGS chained after SHOW INDEXES', 'SHOW INDEXES YIELD * SHOW SETTINGS', 'FORBIDDEN'],
    ['TERMINATE chained after SHOW TRANSACTIONS', 'SHOW TRANSACTIONS YIELD transactionId TERMINATE TRANSACTIONS transactionId', 'FORBIDDEN'],
    ['a console command', ':param x => 1', 'FORBIDDEN'],
  ])('refuses %s', (_, query, code) => {
    expect(() => assertReadOnly(query)).toThrow(expect.objectContaining({ code }));
  });

  test.each([
    ['a backticked allowed procedure', 'CALL `db`.`labels`()', 'query'],
    ['a plain read', 'MATCH (s:Statement) RETURN s.set AS x', 'query'],
    ['SHOW INDEXES', 'SHOW INDEXES', 'listing'],
  ])('allows %s and says what it is', (_, query, kind) => {
    expect(assertReadOnly(query)).toBe(kind);
  });
});
