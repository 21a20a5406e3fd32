/**
 * The queries of the claims step (server/claims): actor identity, claims,
 * republication and contradiction candidates, plus the reads the API and
 * the evaluation use. Same text on both backends.
 *
 * Every lookup starts from an indexed property (`Alias.key`, `id`), so the
 * cost of one article does not grow with the store. The band keys are not
 * looked up in the graph: each article and statement keeps the keys it was
 * admitted under (`_bands`, written by finishArticles), the step holds them
 * as an index in memory, read once per process (articleBandKeys,
 * statementBandKeys) and again only when another writer finished articles
 * since (`bandSeq`), ranks the candidates there (server/claims/bands.ts), and
 * reads the chosen candidates by id.
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
  // The band keys as the step left them (server/claims/band-store.ts builds its index from these): each member's
  // keys, read once per process, and the counter of finished batches that tells whether another writer added any since.
  bandSeq: `MATCH (v:_SchemaVersion {id: 'claimgraph'})
RETURN coalesce(v.bandSeq, 0) AS seq`,
  // Raised by a write that adds band keys outside the claims step (`claimgraph import`), so a process holding the
  // index reads it anew.
  bumpBandSeq: `MATCH (v:_SchemaVersion {id: 'claimgraph'})
SET v.bandSeq = coalesce(v.bandSeq, 0) + 1
RETURN v.bandSeq AS seq`,
  articleBandKeys: `MATCH (a:Article)
WHERE a._bands IS NOT NULL
RETURN a.id AS id, a._bands AS keys`,
  statementBandKeys: `MATCH (s:Statement)
WHERE s._bands IS NOT NULL
RETURN s.id AS id, s._bands AS keys`,
  // Stored articles a new one may copy, by id (found through the band keys): the text to check, and the article
  // each already republishes.
  articleCandidates: `UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.text AS text, coalesce(a.publishedAt, a.retrievedAt) AS date,
  head([(a)-[:REPUBLISHES]->(o:Article) | o.id]) AS republishes`,
  linkRepublishes: `UNWIND $links AS l
MATCH (c:Article {id: l.from})
MATCH (o:Article {id: l.to})
MERGE (c)-[r:REPUBLISHES]->(o)
SET r.score = l.score, r.reason = l.reason
RETURN count(*) AS linked`,
  // Stored statements a new one may report the same as, by id (found through the band keys), with what the
  // claims plan compares: content, speakers, targets and the claim each belongs to. Patterns start from the bound
  // statement: Grafeo 0.6 scans the label when a pattern starts from an unbound node.
  statementCandidates: `UNWIND $ids AS id
MATCH (s:Statement {id: id})
MATCH (s)<-[:CONTAINS]-(art:Article)
RETURN s.id AS id, art.id AS articleId, s.content AS content, s.cueClass AS cueClass, s.direct AS direct,
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
  // Origins: an article's origin is the end of its REPUBLISHES chain (an article takes one such link: the chain is a
  // path). Each member gives the chain's first hop, and republishTargets the next ones, a hop for the whole batch at a
  // time (server/claims/update.ts chainEnds): a variable-length pattern per member cost Grafeo twice the rest of the read.
  claimMembers: `UNWIND $ids AS id
MATCH (c:Claim {id: id})<-[:INSTANCE_OF]-(s:Statement)<-[:CONTAINS]-(a:Article)
RETURN c.id AS claimId, s.id AS statementId, a.id AS articleId, head([(a)<-[:PUBLISHED]-(src:Source) | src.id]) AS sourceId,
  coalesce(a.publishedAt, a.retrievedAt) AS articleDate, head([(s)<-[:SAID]-(p:Actor) | p.name]) AS speakerName,
  head([(a)-[:REPUBLISHES]->(o:Article) | o.id]) AS republishes`,
  republishTargets: `UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, head([(a)-[:REPUBLISHES]->(o:Article) | o.id]) AS republishes`,
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
  // The step's last write for a batch of articles, one round trip: the band keys each new member was admitted under
  // (computed by server/claims/bands.ts: appended, a member is admitted under a key once), the alias index (the names
  // the articles gave their actors are written with the articles: WRITE.linkNamed), the completion marks (an article
  // without its mark, after a crash, is redone on re-ingest) and the count of finished batches, which the step's index
  // in memory is checked against. Each part is a unit subquery: an empty UNWIND inside drops no outer row.
  finishArticles: `CALL () {
  UNWIND $articleBands AS r
  MATCH (a:Article {id: r.id})
  SET a._bands = coalesce(a._bands, []) + r.keys
}
CALL () {
  UNWIND $statementBands AS r
  MATCH (s:Statement {id: r.id})
  SET s._bands = coalesce(s._bands, []) + r.keys
}
CALL () {
  UNWIND $actors AS r
  MATCH (a:Actor {id: r.actorId})
  UNWIND r.keys AS key
  MERGE (al:_Alias {key: key})
  WITH al, a
  MERGE (al)-[:OF]->(a)
}
CALL () {
  UNWIND $articleIds AS id
  MATCH (art:Article {id: id})
  SET art.claimsVersion = $version
}
CALL () {
  MATCH (v:_SchemaVersion {id: 'claimgraph'})
  SET v.bandSeq = coalesce(v.bandSeq, 0) + 1
  RETURN v.bandSeq AS seq
}
RETURN size($articleIds) AS finished, seq`,
  // How the article named its actors (WRITE.linkNamed, written with it): what a recovery rebuilds the steps from.
  articleNamings: `MATCH (art:Article {id: $id})-[n:NAMED]->(a:Actor)
RETURN a.id AS id, n.aliases AS aliases, n.roles AS roles`,
  articleClaimsVersion: `MATCH (a:Article {id: $id})
RETURN a.claimsVersion AS claimsVersion`,

  // All claims with their members, for `npm run eval` (small stores only).
  evalMembers: `MATCH (c:Claim)<-[:INSTANCE_OF]-(s:Statement)<-[:CONTAINS]-(a:Article)
OPTIONAL MATCH (p:Actor)-[:SAID]->(s)
RETURN c.id AS claimId, s.id AS statementId, s.content AS content, p.name AS speaker, a.id AS articleId, a.title AS articleTitle
ORDER BY claimId, statementId`,
} as const;
