/**
 * The queries of the claims step (server/claims): actor identity, claims,
 * republication and contradiction candidates, plus the reads the API and
 * the evaluation use. Same text on both backends.
 *
 * Every lookup starts from an indexed property (`Alias.key`, `Band.key`,
 * `id`), so the cost of one article does not grow with the store. Band
 * lookups take at most `$cap` nodes per key through a CALL subquery: a key
 * shared by very many nodes (a boilerplate paragraph, a claim carried by
 * hundreds of outlets) is sampled, not read whole; one member of a claim is
 * enough to find the claim. Statement lookups also keep at most `$budget`
 * candidates per statement, those sharing the most keys first.
 * Grafeo 0.6 plans an OPTIONAL MATCH, and an existence pattern such as
 * `WHERE NOT (o)-[:R]->()`, as a scan of the whole store (EXPLAIN shows a
 * `NodeScan` without input): neither appears in a query of the claims
 * step; a pattern comprehension from a bound node reads its neighbours only.
 * Relationship MERGEs name the new, low-degree end first (see queries/write.ts).
 * Every LIMIT that picks rows has an ORDER BY (ids last), so both backends
 * pick the same candidates (test/graph/query-order.test.ts).
 */
export const CLAIMS = {
  // Stored actors under alias keys, with `mergedInto` when a user merged the actor into another (server/api/merge.ts).
  // At most $cap per key: a surname shared by more people than that is ambiguous anyway (server/claims/update.ts).
  lookupAliases: `UNWIND $keys AS key
CALL (key) {
  MATCH (:_Alias {key: key})-[:OF]->(a:Actor)
  RETURN a ORDER BY a.id LIMIT $cap
}
RETURN key, a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.roles AS roles, a.mergedInto AS mergedInto`,
  actorsByIds: `UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.roles AS roles, a.mergedInto AS mergedInto`,
  // At most $cap articles per key, then the $budget sharing the most keys (a copy shares most of its 16 bands).
  // After the aggregation Grafeo no longer sees `a` as a node: it is matched again by its indexed id.
  articleCandidates: `UNWIND $keys AS key
CALL (key) {
  MATCH (:_Band {key: key})<-[:IN_BAND]-(a:Article)
  WHERE a.id <> $id
  RETURN a ORDER BY a.id LIMIT $cap
}
WITH a.id AS aid, count(*) AS hits
ORDER BY hits DESC, aid
LIMIT $budget
MATCH (a:Article {id: aid})
RETURN a.id AS id, a.text AS text, coalesce(a.publishedAt, a.retrievedAt) AS date,
  head([(a)-[:REPUBLISHES]->(o:Article) | o.id]) AS republishes`,
  linkRepublishes: `UNWIND $links AS l
MATCH (c:Article {id: l.from})
MATCH (o:Article {id: l.to})
MERGE (c)-[r:REPUBLISHES]->(o)
SET r.score = l.score, r.reason = l.reason
RETURN count(*) AS linked`,
  // Per new statement: at most $cap nodes per key, then the $budget sharing the most keys (the likeliest matches:
  // a near-copy shares most bands, a chance collision one), so the rows per statement are bounded however
  // crowded a speaker's keys get. Patterns start from the bound statement: Grafeo 0.6 scans the label when a
  // pattern starts from an unbound node.
  statementCandidates: `UNWIND $stmts AS st
CALL (st) {
  UNWIND st.keys AS key
  CALL (key) {
    MATCH (:_Band {key: key})<-[:IN_BAND]-(s:Statement)
    RETURN s ORDER BY s.id LIMIT $cap
  }
  WITH s, count(*) AS hits
  RETURN s, hits ORDER BY hits DESC, s.id LIMIT $budget
}
MATCH (s)<-[:CONTAINS]-(art:Article)
WHERE art.id <> $articleId
RETURN st.id AS forId, hits, s.id AS id, art.id AS articleId, s.content AS content, s.cueClass AS cueClass, s.direct AS direct,
  s.saidAt AS saidAt, s.saidAtPrecision AS saidAtPrecision,
  coalesce(art.publishedAt, art.retrievedAt) AS articleDate,
  [(s)<-[:SAID]-(p:Actor) | p.id] AS speakerIds, [(s)<-[:SAID]-(p:Actor) | p.name] AS speakerNames,
  [(s)-[:ABOUT]->(x:Actor) | x.id] AS aboutIds,
  [(s)-[:INSTANCE_OF]->(c:Claim) | c.id] AS claimIds, [(s)-[:INSTANCE_OF]->(c:Claim) | coalesce(c.speakers, [])] AS claimSpeakers`,
  // New claims and the statements joining claims, in one round trip: `l.text` is set on the links that create their claim.
  linkClaims: `UNWIND $links AS l
MATCH (s:Statement {id: l.statementId})
MERGE (c:Claim {id: l.claimId})
ON CREATE SET c.text = l.text
WITH s, c, l
MERGE (s)-[r:INSTANCE_OF]->(c)
ON CREATE SET r.score = l.score, r.reason = l.reason
RETURN count(*) AS linked`,
  // Origins: an article's origin is the end of its REPUBLISHES chain (chains are short: one link per article):
  // the chain's articles minus those that copy another one (no existence pattern: Grafeo scans the store for it).
  claimMembers: `UNWIND $ids AS id
MATCH (c:Claim {id: id})<-[:INSTANCE_OF]-(s:Statement)<-[:CONTAINS]-(a:Article)
RETURN c.id AS claimId, s.id AS statementId, a.id AS articleId, head([(a)<-[:PUBLISHED]-(src:Source) | src.id]) AS sourceId,
  coalesce(a.publishedAt, a.retrievedAt) AS articleDate, head([(s)<-[:SAID]-(p:Actor) | p.name]) AS speakerName,
  [(a)-[:REPUBLISHES*1..5]->(o:Article) | o.id] AS chain,
  [(a)-[:REPUBLISHES*1..5]->(o:Article)-[:REPUBLISHES]->(:Article) | o.id] AS copies`,
  setClaimStats: `UNWIND $rows AS r
MATCH (c:Claim {id: r.id})
SET c.firstSeen = r.firstSeen, c.lastSeen = r.lastSeen, c.statements = r.statements,
  c.articles = r.articles, c.sources = r.sources, c.origins = r.origins, c.speakers = r.speakers
RETURN count(*) AS n`,
  claimsOfArticles: `UNWIND $ids AS id
MATCH (:Article {id: id})-[:CONTAINS]->(:Statement)-[:INSTANCE_OF]->(c:Claim)
RETURN DISTINCT c.id AS id`,
  linkContradictions: `UNWIND $links AS l
MATCH (a:Statement {id: l.from})
MATCH (b:Statement {id: l.to})
MERGE (a)-[r:CONTRADICTS]->(b)
SET r.score = l.score, r.reason = l.reason
RETURN count(*) AS linked`,
  // The step's last write, one round trip: the alias index (the names the article gave its actors are written with
  // the article: WRITE.linkNamed), the band keys of the article and its statements, and the completion mark, set last (an article without it, after a
  // crash, is redone on re-ingest). Each part is a unit subquery: an empty UNWIND inside drops no outer row.
  finishArticle: `MATCH (art:Article {id: $articleId})
CALL (art) {
  UNWIND $actors AS r
  MATCH (a:Actor {id: r.actorId})
  UNWIND r.keys AS key
  MERGE (al:_Alias {key: key})
  WITH al, a
  MERGE (al)-[:OF]->(a)
}
CALL (art) {
  UNWIND $articleKeys AS key
  MERGE (b:_Band {key: key})
  WITH art, b
  WHERE coalesce(b.members, 0) < $bandMembersCap
  MERGE (art)-[:IN_BAND]->(b)
  ON CREATE SET b.members = coalesce(b.members, 0) + 1
}
CALL () {
  UNWIND $statements AS r
  MATCH (s:Statement {id: r.id})
  UNWIND r.keys AS key
  MERGE (b:_Band {key: key})
  WITH s, b
  WHERE coalesce(b.members, 0) < $bandMembersCap
  MERGE (s)-[:IN_BAND]->(b)
  ON CREATE SET b.members = coalesce(b.members, 0) + 1
}
SET art.claimsVersion = $version
RETURN art.id AS id`,
  // How the article named its actors (WRITE.linkNamed, written with it): what a recovery rebuilds the steps from.
  articleNamings: `MATCH (art:Article {id: $id})-[n:NAMED]->(a:Actor)
RETURN a.id AS id, n.aliases AS aliases, n.roles AS roles`,
  articleClaimsVersion: `MATCH (a:Article {id: $id})
RETURN a.claimsVersion AS claimsVersion`,

  // Reads for the API and the evaluation.
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
  // All claims with their members, for `npm run eval` (small stores only).
  evalMembers: `MATCH (c:Claim)<-[:INSTANCE_OF]-(s:Statement)<-[:CONTAINS]-(a:Article)
OPTIONAL MATCH (p:Actor)-[:SAID]->(s)
RETURN c.id AS claimId, s.id AS statementId, s.content AS content, p.name AS speaker, a.id AS articleId, a.title AS articleTitle
ORDER BY claimId, statementId`,
} as const;
