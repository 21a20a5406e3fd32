/**
 * Cypher the API tests run themselves: graph fingerprints and clean-up.
 * Not sent by the app (claims are made by the real claims step in tests).
 */
export const TEST_QUERIES = {
  allNodes: `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props`,
  allRelationships: `MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.key) AS from, type(r) AS type, coalesce(b.id, b.key) AS to, properties(r) AS props`,
  clearAll: `MATCH (n) WHERE NOT n:_SchemaVersion DETACH DELETE n`,
  statementIdsOf: `MATCH (a:Article {id: $id})-[:CONTAINS]->(s:Statement) RETURN s.id AS id ORDER BY s.start`,
} as const;
