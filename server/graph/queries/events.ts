/**
 * The events step's queries (server/events) and the events API's
 * reads (server/api/routes/events.ts). Same text on both backends.
 *
 * Model: `Event {id, type, name, place, placeArea, date, datePrecision,
 * dateText, firstSeen}`, `(Event)-[:PARTICIPANT]->(Actor)`,
 * `(Article)-[:REPORTS {start, end, starts, ends}]->(Event)`,
 * `(Statement)-[:AT]->(Event)`, and the lookup keys
 * `(Event)-[:KEYED]->(EventKey {key})`. REPORTS keeps where the article tells
 * the event: `start`/`end` are the [start, end) character offsets (UTF-16
 * code units, as JavaScript counts) of the first sentence that tells it, and
 * `starts`/`ends` the same for every sentence that tells it, in text order
 * (`starts[0] = start`). Stores written before events version 2 lack them
 * until `claimgraph backfill-events`.
 *
 * Writes: candidates are found only through the new event's own keys
 * (`EventKey.key` is indexed, at most `$cap` events per key), so the cost per
 * article does not grow with the graph. Relationship MERGEs name the new,
 * low-degree end first (an event has few participants and keys; an article
 * reports few events; see queries/write.ts).
 * Dates are ISO strings (the first day of the week/month/year for coarser
 * precision), compared as strings like statement times.
 */
/** The events of the event list in scope (`e`): window, participants, type and words filters (also queries/sorted.ts). */
export const EVENT_LIST_SCOPE = `MATCH (e:Event)
WHERE ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date < $to)
  AND ($participantIds IS NULL OR EXISTS { MATCH (e)-[:PARTICIPANT]->(x:Actor) WHERE x.id IN $participantIds })
  AND ($type IS NULL OR e.type = $type)
  AND ($q IS NULL OR toLower(coalesce(e.name, '') + ' ' + coalesce(e.place, '') + ' ' + e.type) CONTAINS toLower($q)
    OR EXISTS { MATCH (e)-[:PARTICIPANT]->(y:Actor) WHERE toLower(y.name) CONTAINS toLower($q) })`;

export const EVENTS = {
  // Every key a batch of articles looks up, read once: under each key its first $cap events by id (what one
  // article's lookup reads), with their properties and participants (in the order the store keeps them).
  keyMembers: `UNWIND $keys AS key
CALL (key) {
  MATCH (:_EventKey {key: key})<-[:KEYED]-(e:Event)
  RETURN e ORDER BY e.id LIMIT $cap
}
OPTIONAL MATCH (e)-[:PARTICIPANT]->(a:Actor)
RETURN key, e.id AS id, e.type AS type, e.name AS name, e.place AS place, e.date AS date, e.datePrecision AS datePrecision,
  e.dateText AS dateText, collect(a.id) AS participantIds`,
  upsertEvents: `UNWIND $events AS r
MERGE (e:Event {id: r.id})
SET e.type = r.type, e.name = r.name, e.place = r.place, e.placeArea = r.placeArea, e.date = r.date,
  e.datePrecision = r.datePrecision, e.dateText = r.dateText, e.firstSeen = coalesce(e.firstSeen, r.seen)
RETURN count(*) AS n`,
  linkParticipants: `UNWIND $rows AS r
MATCH (e:Event {id: r.eventId})
MATCH (a:Actor {id: r.actorId})
MERGE (e)-[:PARTICIPANT]->(a)
RETURN count(*) AS linked`,
  // Sets the spans on an existing REPORTS too, so re-running the step (backfill-events) adds them to older stores.
  linkReports: `UNWIND $rows AS r
MATCH (art:Article {id: r.articleId})
MATCH (e:Event {id: r.eventId})
MERGE (art)-[rep:REPORTS]->(e)
SET rep.start = r.start, rep.end = r.end, rep.starts = r.starts, rep.ends = r.ends
RETURN count(*) AS linked`,
  linkAt: `UNWIND $rows AS r
MATCH (s:Statement {id: r.statementId})
MATCH (e:Event {id: r.eventId})
MERGE (s)-[:AT]->(e)
RETURN count(*) AS linked`,
  indexKeys: `UNWIND $rows AS r
MATCH (e:Event {id: r.eventId})
MERGE (k:_EventKey {key: r.key})
WITH e, k
MERGE (e)-[:KEYED]->(k)
RETURN count(*) AS n`,

  // ------------------------------------------------------------ API reads
  listEvents: `${EVENT_LIST_SCOPE}
WITH e ORDER BY e.date, e.id
SKIP $skip LIMIT $limit
RETURN e.id AS id, e.type AS type, e.name AS name, e.place AS place, e.date AS date, e.datePrecision AS datePrecision,
  e.dateText AS dateText,
  [(e)-[:PARTICIPANT]->(a:Actor) | {id: a.id, name: a.name, kind: a.kind}] AS participants,
  size([(art:Article)-[:REPORTS]->(e) | art.id]) AS reports,
  size([(s:Statement)-[:AT]->(e) | s.id]) AS statements`,
  countEvents: `MATCH (e:Event)
WHERE ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date < $to)
  AND ($participantIds IS NULL OR EXISTS { MATCH (e)-[:PARTICIPANT]->(x:Actor) WHERE x.id IN $participantIds })
  AND ($type IS NULL OR e.type = $type)
  AND ($q IS NULL OR toLower(coalesce(e.name, '') + ' ' + coalesce(e.place, '') + ' ' + e.type) CONTAINS toLower($q)
    OR EXISTS { MATCH (e)-[:PARTICIPANT]->(y:Actor) WHERE toLower(y.name) CONTAINS toLower($q) })
RETURN count(e) AS total`,
  event: `MATCH (e:Event {id: $id})
RETURN e.id AS id, e.type AS type, e.name AS name, e.place AS place, e.date AS date, e.datePrecision AS datePrecision,
  e.dateText AS dateText,
  [(e)-[:PARTICIPANT]->(a:Actor) | {id: a.id, name: a.name, kind: a.kind}] AS participants`,
  // The article's text comes back so the route slices the sentences in JavaScript: string functions count characters differently on the two backends.
  eventReports: `MATCH (e:Event {id: $id})<-[rep:REPORTS]-(art:Article)
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(art)
RETURN art.id AS id, art.title AS title, art.url AS url, art.publishedAt AS publishedAt, art.retrievedAt AS retrievedAt,
  src.name AS source, rep.starts AS starts, rep.ends AS ends, art.text AS text
ORDER BY coalesce(art.publishedAt, art.retrievedAt), art.id`,
  eventStatements: `MATCH (e:Event {id: $id})<-[:AT]-(s:Statement)
OPTIONAL MATCH (p:Actor)-[:SAID]->(s)
OPTIONAL MATCH (art:Article)-[:CONTAINS]->(s)
RETURN s.id AS id, s.content AS content, s.direct AS direct, s.cue AS cue, s.saidAt AS saidAt,
  s.saidAtPrecision AS saidAtPrecision, p.id AS speakerId, p.name AS speakerName, art.id AS articleId
ORDER BY toString(s.saidAt), s.id`,
  /**
   * "Met with" edges of the network view (GET /api/network/met-with): each
   * event in the window with its participants' raw ids; the route folds merged
   * actors and builds the undirected pairs (events have a handful of
   * participants, so the pairs are cheap in JS and one query serves both
   * backends). `$sources`: only events reported by an article of those sources.
   */
  metWithEvents: `MATCH (e:Event)
WHERE ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date < $to)
  AND ($types IS NULL OR e.type IN $types)
  AND ($sources IS NULL OR EXISTS { MATCH (e)<-[:REPORTS]-(:Article)<-[:PUBLISHED]-(src:Source) WHERE src.id IN $sources OR src.name IN $sources })
RETURN e.id AS id, e.type AS type, e.name AS name, e.date AS date, e.datePrecision AS datePrecision,
  [(e)-[:PARTICIPANT]->(a:Actor) | {id: a.id, name: a.name, kind: a.kind}] AS participants
ORDER BY e.date, e.id`,
  // Every event with its participants and reporting articles' titles: `npm run eval` scores these.
  evalEvents: `MATCH (e:Event)
RETURN e.id AS id, e.type AS type, e.name AS name, e.place AS place, e.date AS date, e.datePrecision AS datePrecision,
  [(e)-[:PARTICIPANT]->(a:Actor) | a.name] AS participants,
  [(art:Article)-[:REPORTS]->(e) | art.title] AS articles,
  [(s:Statement)-[:AT]->(e) | s.content] AS atContents
ORDER BY e.date, e.id`,
} as const;
