/**
 * The events step's completion mark (server/events), like the
 * claims step's `Article.claimsVersion`: an article stored without it (written
 * before the events step existed, or a crash between the article write and
 * the events step) gets the step on re-ingest or from `claimgraph
 * backfill-events`. Same text on both backends.
 */
export const EVENTS_STEP = {
  markArticles: `UNWIND $ids AS id
MATCH (a:Article {id: id})
SET a.eventsVersion = $version
RETURN count(*) AS n`,
  articleEventsVersion: `MATCH (a:Article {id: $id})
RETURN a.eventsVersion AS eventsVersion`,
  // The backfill's work list, paged by id (a scan: it runs once per store, not per article).
  articlesLackingEvents: `MATCH (a:Article)
WHERE a.id > $after AND (a.eventsVersion IS NULL OR a.eventsVersion < $version)
RETURN a.id AS id ORDER BY id LIMIT $limit`,
  countLackingEvents: `MATCH (a:Article)
WHERE a.eventsVersion IS NULL OR a.eventsVersion < $version
RETURN count(a) AS n`,
} as const;
