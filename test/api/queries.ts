/**
 * Cypher the API tests run themselves: graph fingerprints, and Claim nodes
 * written the way the claims step writes them, so the claim routes can be
 * tested whether or not that step has run. Not sent by the app.
 */
export const TEST_QUERIES = {
  allNodes: `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props`,
  allRelationships: `MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.key) AS from, type(r) AS type, coalesce(b.id, b.key) AS to, properties(r) AS props`,
  createClaim: `MERGE (c:Claim {id: $id})
ON CREATE SET c.text = $text, c.firstSeen = $firstSeen, c.lastSeen = $lastSeen
WITH c
UNWIND $statementIds AS sid
MATCH (s:Statement {id: sid})
MERGE (s)-[:INSTANCE_OF]->(c)
RETURN count(*) AS linked`,
  deleteClaims: `MATCH (c:Claim) DETACH DELETE c`,
  clearAll: `MATCH (n) WHERE NOT n:SchemaVersion DETACH DELETE n`,
  statementIdsOf: `MATCH (a:Article {id: $id})-[:CONTAINS]->(s:Statement) RETURN s.id AS id ORDER BY s.start`,
} as const;
