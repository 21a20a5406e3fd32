/**
 * The queries of `writeArticles`: a batch of articles is at most sixteen of
 * these, each one UNWIND over the rows of every article of the batch (one
 * article is a batch of one: the same texts), run in one transaction (see
 * server/graph/write.ts).
 * Every MERGE is on a stable `id`, which is indexed (Grafeo) or
 * uniqueness-constrained (Neo4j), so each one is an index seek and ingest
 * stays linear in the number of statements already stored.
 * Relationship MERGEs name the new, low-degree end first (the article or
 * statement, never the outlet or the speaker): Grafeo checks for an existing
 * relationship by walking the first node's edges, so `(src)-[:PUBLISHED]->(a)`
 * would cost one step per article the outlet already has. Neo4j's planner
 * picks the cheaper side itself.
 * Link queries return how many rows they linked, so the writer can refuse an
 * article whose statements point at actors that exist nowhere.
 */
export const WRITE = {
  articleExists: `MATCH (a:Article {id: $id}) RETURN count(a) AS n`,
  // Which of a batch's article ids are stored already (those are not written again).
  articlesExist: `UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id`,
  // Where each of a batch's articles stands before the batch is written (server/pipeline/batch.ts): its origin
  // (outlet, URL: republication) and the marks of its claims and events steps; absent ids give no row.
  articleStates: `UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.url AS url, head([(a)<-[:PUBLISHED]-(src:Source) | src.id]) AS sourceId,
  a.claimsVersion AS claimsVersion, a.eventsVersion AS eventsVersion`,
  upsertArticle: `UNWIND $articles AS r
MERGE (a:Article {id: r.id})
ON CREATE SET a += r.props
RETURN count(*) AS n`,
  // An outlet first seen without a domain gets one when a later article brings it.
  upsertSource: `UNWIND $sources AS r
MERGE (src:Source {id: r.id})
ON CREATE SET src += r.props
ON MATCH SET src.domain = coalesce(src.domain, r.props.domain)
RETURN count(*) AS n`,
  // A query of its own: bound first by a MERGE, the outlet would be the end Grafeo walks from.
  linkSource: `UNWIND $links AS l
MATCH (a:Article {id: l.articleId})
MATCH (src:Source {id: l.sourceId})
MERGE (a)<-[:PUBLISHED]-(src)
RETURN count(*) AS linked`,
  // Actors are shared across articles: a second sighting unions its aliases and roles into the node.
  upsertActors: `UNWIND $actors AS r
MERGE (a:Actor {id: r.id})
ON CREATE SET a.name = r.name, a.kind = r.kind, a.aliases = r.aliases, a.roles = r.roles
ON MATCH SET
  a.aliases = coalesce(a.aliases, []) + [x IN r.aliases WHERE NOT x IN coalesce(a.aliases, [])],
  a.roles = coalesce(a.roles, []) + [x IN r.roles WHERE NOT x IN coalesce(a.roles, [])]
RETURN count(*) AS n`,
  // How this article named each actor (its own aliases and roles, not the actor's gathered lists): written with the
  // article, so a crash before the claims step cannot leave it to be rebuilt from what the actor node gathered since.
  linkNamed: `UNWIND $rows AS r
MATCH (art:Article {id: r.articleId})
MATCH (a:Actor {id: r.actorId})
MERGE (art)-[n:NAMED]->(a)
SET n.aliases = r.aliases, n.roles = r.roles
RETURN count(*) AS linked`,
  linkMentions: `UNWIND $links AS l
MATCH (a:Article {id: l.articleId})
MATCH (m:Actor {id: l.actorId})
MERGE (a)-[:MENTIONS]->(m)
RETURN count(*) AS linked`,
  // The WITH is for Grafeo 0.6, which refuses a MERGE ... ON CREATE SET directly followed by another MERGE.
  upsertStatements: `UNWIND $statements AS r
MATCH (a:Article {id: r.articleId})
MERGE (s:Statement {id: r.id})
ON CREATE SET s += r.props
WITH a, s
MERGE (a)-[:CONTAINS]->(s)
RETURN count(*) AS n`,
  linkSpeakers: `UNWIND $links AS l
MATCH (p:Actor {id: l.actorId})
MATCH (s:Statement {id: l.statementId})
MERGE (s)<-[:SAID]-(p)
RETURN count(*) AS linked`,
  linkAbout: `UNWIND $links AS l
MATCH (s:Statement {id: l.statementId})
MATCH (t:Actor {id: l.actorId})
MERGE (s)-[:ABOUT]->(t)
RETURN count(*) AS linked`,
  linkAddressees: `UNWIND $links AS l
MATCH (s:Statement {id: l.statementId})
MATCH (t:Actor {id: l.actorId})
MERGE (s)-[:ADDRESSED_TO]->(t)
RETURN count(*) AS linked`,
  linkVia: `UNWIND $links AS l
MATCH (s:Statement {id: l.statementId})
MATCH (t:Actor {id: l.actorId})
MERGE (s)-[:VIA]->(t)
RETURN count(*) AS linked`,
  /**
   * The per-day counters, `(:_DayCount {key, day, cueClass, n})`: how many
   * dated statements have that `timeDay` and cue class, read by the
   * unfiltered timeline (API.timelineDayCounts) instead of counting the
   * statements of a window. Counted from what the article's statements are
   * once written, in the article's transaction: the write is all or nothing
   * and an article already stored is never rewritten (writeArticleInTx), so
   * each statement is counted exactly once. Schema version 3 backfills them
   * (SCHEMA.backfillDayCounts); a statement without a cue class counts as
   * 'other', as the timeline shows it.
   */
  countDays: `UNWIND $articleIds AS articleId
MATCH (a:Article {id: articleId})-[:CONTAINS]->(s:Statement)
WHERE s.timeDay IS NOT NULL
WITH s.timeDay AS day, coalesce(s.cueClass, 'other') AS cueClass, count(s) AS n
MERGE (c:_DayCount {key: day + '|' + cueClass})
ON CREATE SET c.day = day, c.cueClass = cueClass, c.n = n
ON MATCH SET c.n = c.n + n
RETURN count(c) AS n`,
  /**
   * The actor page's counters, added to in the article's transaction from
   * counts the write plan takes from the article graph (server/graph/write.ts
   * actorCounts): `(:_ActorMonth {key, actor, month, said, about})`, the
   * dated statements an actor made and was the subject of in a month bucket,
   * as lists of 32 counts, one per day of the month (slot 0: a coarse time;
   * window.ts actorMonthSlot), added slot by slot (schema version 12: one
   * node per actor and month instead of one per actor and day);
   * `(:_ActorPair {key, from, to, n})`, the statements (dated or not) `from`
   * made about `to`; `(:_ActorTotal {key, said, about, articles})`, all of an
   * actor's statements made and about it and the articles mentioning it.
   * Like DayCount, exact because the write is all or nothing and an article
   * is written once. Pairs are nodes keyed by the pair, not relationships
   * between the actors: Grafeo's relationship MERGE walks the first node's
   * edges, hundreds of thousands for a prolific actor. Schema versions 4 and
   * 5 backfill them (SCHEMA.backfillActor*).
   */
  countActorMonths: `UNWIND $rows AS r
MERGE (c:_ActorMonth {key: r.key})
ON CREATE SET c.actor = r.actor, c.month = r.month, c.said = r.said, c.about = r.about
ON MATCH SET c.said = [i IN range(0, size(r.said) - 1) | c.said[i] + r.said[i]],
  c.about = [i IN range(0, size(r.about) - 1) | c.about[i] + r.about[i]]
RETURN count(c) AS n`,
  countActorPairs: `UNWIND $rows AS r
MERGE (c:_ActorPair {key: r.key})
ON CREATE SET c.from = r.from, c.to = r.to, c.n = r.n
ON MATCH SET c.n = c.n + r.n
RETURN count(c) AS n`,
  /**
   * The network's monthly rollups, `(:_PairMonth {key, month, from, to,
   * cueClass, n, firstAt, lastAt})`: per bucket of `timeDay` (window.ts
   * rollupBucket: "2025-03-*" for the days of March 2025, a coarse time as
   * itself, '' for undated statements), speaker `from`, subject `to` and
   * cue class (null kept as null, the key uses ''), how many statements and
   * their first and last `time`. Counted as the SAID and ABOUT links are
   * written (one speaker, subjects deduplicated), in the article's
   * transaction, so exact for the same reasons as DayCount. Read by the
   * network view for the whole months of a window (queries/network.ts)
   * instead of its statements. Schema version 8 backfills them.
   */
  countPairMonths: `UNWIND $rows AS r
MERGE (c:_PairMonth {key: r.key})
ON CREATE SET c.month = r.month, c.from = r.from, c.to = r.to, c.cueClass = r.cueClass, c.n = r.n, c.firstAt = r.firstAt, c.lastAt = r.lastAt
ON MATCH SET c.n = c.n + r.n,
  c.firstAt = CASE WHEN c.firstAt IS NULL OR r.firstAt < c.firstAt THEN r.firstAt ELSE c.firstAt END,
  c.lastAt = CASE WHEN c.lastAt IS NULL OR r.lastAt > c.lastAt THEN r.lastAt ELSE c.lastAt END
RETURN count(c) AS n`,
  /**
   * The hot flag of the network's rollups (issue 19): every `_PairMonth` of
   * a (bucket, speaker, subject) whose statements of all cue classes number
   * at least `$hotAt` (window.ts ROLLUP_HOT_AT) gets `hot` = its bucket
   * (indexed), so the network reads a month's few heavy pairs, not all of its
   * rollups (repos/network.ts hotPage). Run after countPairMonths for the
   * pair buckets it touched; `r.keys` are the keys of every cue class the
   * bucket can hold, `r.touched` those the batch wrote (write.ts
   * hotPairRows). Totals only grow, so a flag once set stays true, and a
   * bucket whose touched rollups are all flagged already (every rollup of a
   * hot bucket is) is left alone: only the others are summed.
   */
  markHotPairMonths: `UNWIND $pairs AS r
UNWIND r.touched AS k
MATCH (t:_PairMonth {key: k})
WITH r, count(CASE WHEN t.hot IS NULL THEN 1 END) AS cold
WHERE cold > 0
UNWIND r.keys AS key
MATCH (c:_PairMonth {key: key})
WITH r, collect(c) AS cs, sum(c.n) AS n
WHERE n >= $hotAt
UNWIND cs AS c
SET c.hot = r.month
RETURN count(c) AS n`,
  countActorTotals: `UNWIND $rows AS r
MERGE (c:_ActorTotal {key: r.key})
ON CREATE SET c.said = r.said, c.about = r.about, c.articles = r.articles
ON MATCH SET c.said = c.said + r.said, c.about = c.about + r.about, c.articles = c.articles + r.articles
RETURN count(c) AS n`,
} as const;
