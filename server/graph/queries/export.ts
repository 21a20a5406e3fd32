/**
 * Queries of the export, import and migrate commands (server/exchange).
 * Paging is by id (`WHERE x.id > $after ORDER BY x.id LIMIT $limit`), not
 * SKIP, so each page is an index seek and an export of a large store stays linear.
 * Whole-graph exports take the nodes that have an `id` (the model's nodes);
 * lookup nodes keyed by `key` (claim bands, actor aliases) are derived data
 * that the pipeline rebuilds, so they are left out.
 */
export const EXPORT = {
  articleIds: `MATCH (a:Article) WHERE a.id > $after RETURN a.id AS id ORDER BY id LIMIT $limit`,
  articleCount: `MATCH (a:Article) RETURN count(a) AS n`,
  articleWithSource: `MATCH (a:Article {id: $id})
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(a)
RETURN properties(a) AS article, properties(src) AS source`,
  articleActors: `MATCH (a:Article {id: $id})-[:MENTIONS]->(m:Actor) RETURN properties(m) AS actor ORDER BY m.id`,
  articleStatements: `MATCH (a:Article {id: $id})-[:CONTAINS]->(s:Statement)
OPTIONAL MATCH (p:Actor)-[:SAID]->(s)
OPTIONAL MATCH (s)-[:ADDRESSED_TO]->(ad:Actor)
OPTIONAL MATCH (s)-[:VIA]->(v:Actor)
RETURN properties(s) AS props, p.id AS speakerId, ad.id AS addresseeId, v.id AS viaId,
  [(s)-[:ABOUT]->(x:Actor) | x.id] AS aboutIds
ORDER BY s.start, s.id`,
  nodesPage: `MATCH (n) WHERE n.id > $after RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id LIMIT $limit`,
  relationshipsFrom: `MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IS NOT NULL
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to`,
  // Derived nodes (keyed by `key`, no `id`: lookup keys and counters) with their links to the model's nodes, for the
  // cypher export, so a loaded script gives the same actor page, timeline and claim lookups (MODEL.derivedLabels).
  derivedNodesPage: `MATCH (n) WHERE n.id IS NULL AND n.key IS NOT NULL AND n.key >= $after
RETURN labels(n) AS labels, properties(n) AS props,
  [(n)-[r]->(b) WHERE b.id IS NOT NULL | {type: type(r), to: b.id, toLabels: labels(b), props: properties(r)}] AS outgoing,
  [(n)<-[r]-(b) WHERE b.id IS NOT NULL | {type: type(r), from: b.id, fromLabels: labels(b), props: properties(r)}] AS incoming
ORDER BY n.key LIMIT $limit`,
  statementsFlat: `MATCH (art:Article)-[:CONTAINS]->(s:Statement)
WHERE s.id > $after
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(art)
OPTIONAL MATCH (p:Actor)-[:SAID]->(s)
RETURN s.id AS id, s.content AS content, s.direct AS direct, s.cue AS cue, s.cueClass AS cueClass,
  s.saidAt AS saidAt, s.saidAtPrecision AS saidAtPrecision, s.sentence AS sentence,
  s.sentenceStart AS sentenceStart, s.sentenceEnd AS sentenceEnd, CASE WHEN s.sentence IS NULL THEN art.text END AS articleText,
  s.start AS start, s.end AS end, s.confidence AS confidence,
  p.name AS speaker, p.kind AS speakerKind, [(s)-[:ABOUT]->(x:Actor) | x.name] AS about,
  art.id AS articleId, art.title AS articleTitle, art.url AS articleUrl, art.publishedAt AS publishedAt,
  src.name AS source
ORDER BY id LIMIT $limit`,
  claimsPage: `MATCH (c:Claim) WHERE c.id > $after RETURN properties(c) AS claim ORDER BY c.id LIMIT $limit`,
  claimAppearances: `MATCH (c:Claim {id: $id})<-[:INSTANCE_OF]-(s:Statement)<-[:CONTAINS]-(a:Article)
OPTIONAL MATCH (p:Actor)-[:SAID]->(s)
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(a)
RETURN s.id AS statementId, s.content AS content, s.saidAt AS saidAt, p.name AS speaker, p.kind AS speakerKind,
  a.id AS articleId, a.url AS url, a.title AS title, a.publishedAt AS publishedAt, src.name AS source
ORDER BY publishedAt, statementId`,
  // jsonl v2: events (shared by articles, so not part of any one article's line) and merge decisions.
  eventsPage: `MATCH (e:Event) WHERE e.id > $after
RETURN properties(e) AS event,
  [(e)-[:PARTICIPANT]->(a:Actor) | a.id] AS participantIds,
  [(art:Article)-[:REPORTS]->(e) | art.id] AS articleIds,
  [(art:Article)-[rep:REPORTS]->(e) | {articleId: art.id, starts: rep.starts, ends: rep.ends}] AS reportSpans,
  [(s:Statement)-[:AT]->(e) | s.id] AS statementIds,
  [(e)-[:KEYED]->(k:_EventKey) | k.key] AS keys
ORDER BY e.id LIMIT $limit`,
  mergeDecisionsPage: `MATCH (d:MergeDecision) WHERE d.id > $after RETURN properties(d) AS decision ORDER BY d.id LIMIT $limit`,
  importEvents: `UNWIND $rows AS r
MERGE (e:Event {id: r.id})
SET e += r.props
RETURN count(*) AS n`,
  // A row without spans (a file written before events version 2) keeps the spans the store may hold.
  linkEventReports: `UNWIND $rows AS r
MATCH (e:Event {id: r.eventId})
MATCH (art:Article {id: r.articleId})
MERGE (art)-[rep:REPORTS]->(e)
SET rep.start = coalesce(r.start, rep.start), rep.end = coalesce(r.end, rep.end),
  rep.starts = coalesce(r.starts, rep.starts), rep.ends = coalesce(r.ends, rep.ends)
RETURN count(*) AS linked`,
  importMergeDecisions: `UNWIND $rows AS r
MERGE (d:MergeDecision {id: r.id})
SET d += r.props
RETURN count(*) AS n`,
} as const;
