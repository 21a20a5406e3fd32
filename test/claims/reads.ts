/**
 * Reads the claims tests use to look at what the claims step stored (the app's
 * own reads of claims are in server/graph/queries api.ts and sorted.ts): test
 * query texts, not the app's.
 */
export const CLAIM_TEST_READS = {
  listClaims: `MATCH (c:Claim)
RETURN c.id AS id, c.text AS text, c.firstSeen AS firstSeen, c.lastSeen AS lastSeen,
  c.statements AS statements, c.articles AS articles, c.sources AS sources, c.origins AS origins
ORDER BY articles DESC, firstSeen, id
SKIP $skip LIMIT $limit`,
  // Every report of a claim, oldest first, with its outlet and what it copies.
  claimStatements: `MATCH (c:Claim {id: $id})<-[r:INSTANCE_OF]-(s:Statement)<-[:CONTAINS]-(a:Article)
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(a)
OPTIONAL MATCH (p:Actor)-[:SAID]->(s)
OPTIONAL MATCH (a)-[:REPUBLISHES]->(o:Article)
RETURN s.id AS id, s.content AS content, s.saidAt AS saidAt, s.saidAtPrecision AS saidAtPrecision,
  p.id AS speakerId, p.name AS speaker, a.id AS articleId, a.title AS articleTitle,
  coalesce(a.publishedAt, a.retrievedAt) AS articleDate, src.name AS source,
  o.id AS republishes, r.score AS score, r.reason AS reason
ORDER BY articleDate, id`,
  // Roles and aliases of an actor with the articles they came from.
  actorNamings: `MATCH (art:Article)-[n:NAMED]->(a:Actor {id: $id})
RETURN art.id AS articleId, art.title AS articleTitle, n.aliases AS aliases, n.roles AS roles
ORDER BY articleId
LIMIT $limit`,
} as const;
