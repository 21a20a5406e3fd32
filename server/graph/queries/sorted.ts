/**
 * The other orders of the API's paged lists (`sort` on GET /api/articles,
 * /api/claims, /api/contradictions, /api/events): one constant text per
 * order, composed from constant parts, so the order is chosen by picking a
 * text, never by building one (test/security/injection.test.ts). The
 * default order of each list stays its text in api.ts / events.ts. Every
 * ORDER BY ends with ids, so the order is total and the same on both backends.
 */
import { ARTICLE_LIST_SCOPE } from './api.js';
import { EVENT_LIST_SCOPE } from './events.js';

/** An article row of the list (`a`, `src`, `statements` in scope). */
const ARTICLE_RETURN = `RETURN a.id AS id, a.title AS title, a.url AS url, a.publishedAt AS publishedAt,
  a.publishedAtPrecision AS publishedAtPrecision, src.id AS sourceId, src.name AS source, statements`;
const ARTICLE_COUNTED = `WITH a, src, COUNT { (a)-[:CONTAINS]->(:Statement) } AS statements`;

/** The claims of the claim list with their counts (`c`, counts in scope). */
const CLAIM_ROWS = `MATCH (c:Claim)
WHERE $q IS NULL OR toLower(c.text) CONTAINS toLower($q)
OPTIONAL MATCH (s:Statement)-[:INSTANCE_OF]->(c)
OPTIONAL MATCH (art:Article)-[:CONTAINS]->(s)
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(art)
WITH c, count(DISTINCT s) AS statements, count(DISTINCT art) AS articles, count(DISTINCT src) AS sources
RETURN c.id AS id, c.text AS text, c.firstSeen AS firstSeen, c.lastSeen AS lastSeen, statements, articles, sources`;

/** Contradiction pairs in scope, with `at`: the time of the later of the two statements ('' when neither is dated). */
const CONTRADICTION_ROWS = `MATCH (a:Statement)-[r:CONTRADICTS]->(b:Statement)
WHERE $q IS NULL OR toLower(a.content) CONTAINS toLower($q) OR toLower(b.content) CONTAINS toLower($q)
  OR EXISTS { MATCH (p:Actor)-[:SAID]->(x:Statement) WHERE (x = a OR x = b) AND toLower(p.name) CONTAINS toLower($q) }
WITH a.id AS fromId, b.id AS toId, r.score AS score, r.reason AS reason, coalesce(a.time, '') AS ta, coalesce(b.time, '') AS tb
WITH fromId, toId, score, reason, CASE WHEN ta >= tb THEN ta ELSE tb END AS at`;
const CONTRADICTION_RETURN = `SKIP $skip LIMIT $limit
RETURN fromId, toId, score, reason`;

/** The events of the event list in scope (`e`), with their report and statement counts. */
const EVENT_COUNTED = `${EVENT_LIST_SCOPE}
WITH e, size([(art:Article)-[:REPORTS]->(e) | art.id]) AS reports, size([(s:Statement)-[:AT]->(e) | s.id]) AS statements`;
const EVENT_RETURN = `SKIP $skip LIMIT $limit
RETURN e.id AS id, e.type AS type, e.name AS name, e.place AS place, e.date AS date, e.datePrecision AS datePrecision,
  e.dateText AS dateText,
  [(e)-[:PARTICIPANT]->(a:Actor) | {id: a.id, name: a.name, kind: a.kind}] AS participants,
  reports, statements`;

export const SORTED = {
  // ------------------------------------------------------------ articles (default: newest, API.listArticles)
  articlesOldest: `${ARTICLE_LIST_SCOPE}
WITH a, src
ORDER BY a.publishedAt, a.id
SKIP $skip LIMIT $limit
${ARTICLE_COUNTED}
${ARTICLE_RETURN}
ORDER BY publishedAt, id`,
  articlesMostStatements: `${ARTICLE_LIST_SCOPE}
${ARTICLE_COUNTED}
ORDER BY statements DESC, a.id
SKIP $skip LIMIT $limit
${ARTICLE_RETURN}
ORDER BY statements DESC, id`,
  articlesTitle: `${ARTICLE_LIST_SCOPE}
WITH a, src
ORDER BY toLower(a.title), a.id
SKIP $skip LIMIT $limit
${ARTICLE_COUNTED}
${ARTICLE_RETURN}
ORDER BY toLower(title), id`,

  // ------------------------------------------------------------ claims (default: most recently seen, API.listClaims)
  claimsOldest: `${CLAIM_ROWS}
ORDER BY firstSeen, id
SKIP $skip LIMIT $limit`,
  claimsMostReported: `${CLAIM_ROWS}
ORDER BY statements DESC, id
SKIP $skip LIMIT $limit`,
  claimsMostSources: `${CLAIM_ROWS}
ORDER BY sources DESC, statements DESC, id
SKIP $skip LIMIT $limit`,

  // ------------------------------------------------------------ contradictions (default: strongest, API.listContradictions)
  contradictionsNewest: `${CONTRADICTION_ROWS}
ORDER BY at DESC, fromId, toId
${CONTRADICTION_RETURN}`,
  contradictionsOldest: `${CONTRADICTION_ROWS}
ORDER BY at, fromId, toId
${CONTRADICTION_RETURN}`,

  // ------------------------------------------------------------ events (default: oldest, EVENTS.listEvents)
  eventsNewest: `${EVENT_COUNTED}
ORDER BY e.date DESC, e.id
${EVENT_RETURN}`,
  eventsMostReported: `${EVENT_COUNTED}
ORDER BY reports DESC, e.id
${EVENT_RETURN}`,
  eventsMostStatements: `${EVENT_COUNTED}
ORDER BY statements DESC, e.id
${EVENT_RETURN}`,
} as const;
