/**
 * The app's read queries, for the store's typed readers (server/graph/reads.ts)
 * and for the HTTP API through `store.run`. Same text on both backends.
 * Conventions: times are ISO-8601 strings, so a window is a string range
 * (`from` inclusive, `to` exclusive); every list takes `$limit` (and `$skip`
 * where it pages); ties are broken by id so orders are total and stable.
 */
import { STATEMENT_FIELDS } from './statement-fields.js';

export const READ = {
  stats: `RETURN
  COUNT { MATCH (n:Source) } AS sources,
  COUNT { MATCH (n:Article) } AS articles,
  COUNT { MATCH (n:Statement) } AS statements,
  COUNT { MATCH (n:Actor) } AS actors,
  COUNT { MATCH (n:Claim) } AS claims`,
  article: `MATCH (a:Article {id: $id})
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(a)
RETURN a.id AS id, a.url AS url, a.title AS title, a.publishedAt AS publishedAt,
  a.publishedAtPrecision AS publishedAtPrecision, a.retrievedAt AS retrievedAt,
  a.contentHash AS contentHash, a.language AS language, a.text AS text,
  src.id AS sourceId, src.name AS source, src.domain AS sourceDomain`,
  articleStatements: `MATCH (a:Article {id: $id})-[:CONTAINS]->(s:Statement)
OPTIONAL MATCH (p:Actor)-[:SAID]->(s)
OPTIONAL MATCH (s)-[:ADDRESSED_TO]->(ad:Actor)
OPTIONAL MATCH (s)-[:VIA]->(v:Actor)
RETURN ${STATEMENT_FIELDS}
ORDER BY start, id`,
  articleActors: `MATCH (a:Article {id: $id})-[:MENTIONS]->(m:Actor)
RETURN m.id AS id, m.name AS name, m.kind AS kind, m.aliases AS aliases, m.roles AS roles
ORDER BY name, id`,
  listSources: `MATCH (src:Source)
RETURN src.id AS id, src.name AS name, src.domain AS domain,
  COUNT { (src)-[:PUBLISHED]->(:Article) } AS articles
ORDER BY name, id`,
  // Statements dated in [$from, $to); with $actorIds, only those said by or about one of them.
  timeline: `MATCH (s:Statement)
WHERE s.saidAt IS NOT NULL AND s.time >= $from AND s.time < $to
OPTIONAL MATCH (p:Actor)-[:SAID]->(s)
OPTIONAL MATCH (art:Article)-[:CONTAINS]->(s)
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(art)
WITH s, p, art, src, [(s)-[:ABOUT]->(x:Actor) | {id: x.id, name: x.name}] AS about
WHERE $actorIds IS NULL OR p.id IN $actorIds OR any(x IN about WHERE x.id IN $actorIds)
RETURN s.id AS id, s.saidAt AS saidAt, s.saidAtPrecision AS saidAtPrecision, s.timeText AS timeText,
  s.content AS content, s.direct AS direct, s.cue AS cue, s.cueClass AS cueClass,
  p.id AS speakerId, p.name AS speaker, about,
  art.id AS articleId, art.title AS articleTitle, src.name AS source
ORDER BY toString(saidAt), id
LIMIT $limit`,
  actor: `MATCH (a:Actor {id: $id})
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.roles AS roles,
  COUNT { (a)-[:SAID]->(:Statement) } AS said,
  COUNT { (:Statement)-[:ABOUT]->(a) } AS about,
  COUNT { (:Article)-[:MENTIONS]->(a) } AS articles`,
  // Whom the actor's statements are about, with how many statements each.
  neighbourhoodAbout: `MATCH (a:Actor {id: $id})-[:SAID]->(s:Statement)-[:ABOUT]->(t:Actor)
WHERE t.id <> a.id
RETURN t.id AS id, t.name AS name, t.kind AS kind, count(DISTINCT s) AS statements
ORDER BY statements DESC, name, id
LIMIT $limit`,
  // Who makes statements about the actor, with how many statements each.
  neighbourhoodTalkers: `MATCH (a:Actor {id: $id})<-[:ABOUT]-(s:Statement)<-[:SAID]-(p:Actor)
WHERE p.id <> a.id
RETURN p.id AS id, p.name AS name, p.kind AS kind, count(DISTINCT s) AS statements
ORDER BY statements DESC, name, id
LIMIT $limit`,
} as const;
