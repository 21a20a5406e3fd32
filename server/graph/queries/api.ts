/**
 * The HTTP API's queries (server/api). Same text on both backends; every one
 * is run on the embedded store by test/api and linted with Neo4j's parser.
 *
 * Conventions beyond read.ts's:
 * - Optional filters are parameters that are null when unused
 *   (`$x IS NULL OR ...`), so one text serves every combination and user
 *   input only ever travels as parameters, never as query text.
 * - A statement's time is `coalesce(s.saidAt, art.publishedAt)`: when the
 *   text gives no time, the article's date is the best we know.
 * - Actor merges (docs/api.md, "Merging actors"): `(a)-[:SAME_AS]->(b)`
 *   means a was merged into b. It always points at the canonical actor (one
 *   hop) and is rebuilt from the MergeDecision nodes on every merge and split.
 *   Queries return raw actor ids; server/api maps them to canonical actors,
 *   except the actor list, which folds member counts in Cypher to page.
 */
import { actorStatementsQuery, networkQuery, statementCountQuery, statementListQuery, statementsByDayQuery, statementsByIdQuery } from './statement-scope.js';

/** The articles of the article list in scope (`a`, `src`): outlet, publication window, title. */
const ARTICLE_LIST_SCOPE = `MATCH (a:Article)
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(a)
WITH a, src
WHERE ($sources IS NULL OR src.id IN $sources OR src.name IN $sources)
  AND ($from IS NULL OR a.publishedAt >= $from)
  AND ($to IS NULL OR a.publishedAt < $to)
  AND ($q IS NULL OR toLower(a.title) CONTAINS toLower($q))`;

/** The WHERE of the actor list (with `a` and `members` in scope). */
const ACTOR_LIST_SCOPE = `MATCH (a:Actor)
WHERE NOT EXISTS { MATCH (a)-[:SAME_AS]->(:Actor) } AND ($kind IS NULL OR a.kind = $kind)
OPTIONAL MATCH (m:Actor)-[:SAME_AS]->(a)
WITH a, collect(m) AS members
WHERE $q IS NULL OR any(x IN [a] + members WHERE toLower(x.name) CONTAINS toLower($q)
  OR any(al IN coalesce(x.aliases, []) WHERE toLower(al) CONTAINS toLower($q)))`;

export const API = {
  // ------------------------------------------------------------ merges
  /** Every actor merged into another: the map server/api uses to show canonical actors. */
  sameAs: `MATCH (a:Actor)-[:SAME_AS]->(b:Actor)
RETURN a.id AS from, b.id AS into, b.name AS name, b.kind AS kind`,
  actorExists: `MATCH (a:Actor {id: $id})
OPTIONAL MATCH (a)-[:SAME_AS]->(c:Actor)
RETURN a.id AS id, a.name AS name, c.id AS canonicalId`,
  createMergeDecision: `CREATE (d:MergeDecision {id: $id, from: $from, into: $into, fromName: $fromName, intoName: $intoName, at: $at, note: $note})
RETURN d.id AS id`,
  undoMergeDecision: `MATCH (d:MergeDecision {id: $id})
SET d.undoneAt = $at, d.undoNote = $note
RETURN d.id AS id`,
  activeMergeDecisions: `MATCH (d:MergeDecision)
WHERE d.undoneAt IS NULL
RETURN d.id AS id, d.from AS from, d.into AS into, d.fromName AS fromName, d.intoName AS intoName,
  d.at AS at, d.note AS note, d.undoneAt AS undoneAt
ORDER BY at, id`,
  mergeDecisionsOf: `MATCH (d:MergeDecision)
WHERE d.from IN $ids OR d.into IN $ids
RETURN d.id AS id, d.from AS from, d.into AS into, d.fromName AS fromName, d.intoName AS intoName,
  d.at AS at, d.note AS note, d.undoneAt AS undoneAt
ORDER BY at, id`,
  /** Drops SAME_AS links that no active decision wants; `$keep` holds "fromId>intoId" keys. */
  pruneSameAs: `MATCH (a:Actor)-[r:SAME_AS]->(b:Actor)
WHERE NOT (a.id + '>' + b.id) IN $keep
DELETE r
RETURN count(*) AS removed`,
  linkSameAs: `UNWIND $links AS l
MATCH (a:Actor {id: l.from})
MATCH (b:Actor {id: l.into})
MERGE (a)-[:SAME_AS]->(b)
RETURN count(*) AS linked`,

  /**
   * The same decisions as a property, for the claims step's actor identity
   * (queries/claims.ts lookupAliases): a newly extracted actor that resolves
   * to a merged one is written as its canonical actor.
   */
  setMergedInto: `UNWIND $links AS l
MATCH (a:Actor {id: l.from})
SET a.mergedInto = l.into
RETURN count(*) AS n`,
  clearMergedInto: `MATCH (a:Actor)
WHERE a.mergedInto IS NOT NULL AND NOT a.id IN $keep
SET a.mergedInto = null
RETURN count(*) AS n`,

  // ------------------------------------------------------------ articles
  listArticles: `${ARTICLE_LIST_SCOPE}
WITH a, src
ORDER BY a.publishedAt DESC, a.id
SKIP $skip LIMIT $limit
RETURN a.id AS id, a.title AS title, a.url AS url, a.publishedAt AS publishedAt,
  a.publishedAtPrecision AS publishedAtPrecision, src.id AS sourceId, src.name AS source,
  COUNT { (a)-[:CONTAINS]->(:Statement) } AS statements
ORDER BY publishedAt DESC, id`,
  countArticles: `${ARTICLE_LIST_SCOPE}
RETURN count(a) AS total`,

  // ------------------------------------------------------------ actors
  /** Canonical actors (not merged away) with the counts of their whole group, biggest first. */
  listActors: `${ACTOR_LIST_SCOPE}
UNWIND [a] + members AS g
WITH a, members, g, COUNT { (g)-[:SAID]->(:Statement) } AS gSaid, COUNT { (:Statement)-[:ABOUT]->(g) } AS gAbout
WITH a, members, sum(gSaid) AS said, sum(gAbout) AS about
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.roles AS roles,
  [x IN members | {name: x.name, aliases: x.aliases, roles: x.roles}] AS members, said, about
ORDER BY said + about DESC, name, id
SKIP $skip LIMIT $limit`,
  countActors: `${ACTOR_LIST_SCOPE}
RETURN count(a) AS total`,
  /** The given actors (raw ids) with their own counts; server/api folds groups. */
  actorsByIds: `MATCH (a:Actor)
WHERE a.id IN $ids
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.roles AS roles`,
  /** The totals the article write keeps per actor (WRITE.countActorTotals): statements made, about it, articles mentioning it. */
  actorTotals: `MATCH (c:ActorTotal)
WHERE c.key IN $ids
RETURN c.key AS id, c.said AS said, c.about AS about, c.articles AS articles`,
  /** The ids merged into an actor. */
  actorMembers: `MATCH (a:Actor {id: $id})<-[:SAME_AS]-(m:Actor)
RETURN m.id AS id, m.name AS name
ORDER BY name, id`,
  actorArticleCount: `MATCH (g:Actor)<-[:MENTIONS]-(art:Article)
WHERE g.id IN $ids
RETURN count(DISTINCT art) AS articles`,
  /** Monthly counts of statements made by a group of actor ids. */
  actorSaidByMonth: `MATCH (p:Actor)-[:SAID]->(s:Statement)
WHERE p.id IN $ids AND s.time IS NOT NULL
RETURN substring(s.time, 0, 7) AS period, count(DISTINCT s) AS n`,
  /** Monthly counts of statements about a group of actor ids. */
  actorAboutByMonth: `MATCH (t:Actor)<-[:ABOUT]-(s:Statement)
WHERE t.id IN $ids AND s.time IS NOT NULL
RETURN substring(s.time, 0, 7) AS period, count(DISTINCT s) AS n`,
  /** Whom a group's statements are about (raw target ids). */
  actorTalksAbout: `MATCH (p:Actor)-[:SAID]->(s:Statement)-[:ABOUT]->(t:Actor)
WHERE p.id IN $ids
WITH t, count(DISTINCT s) AS statements
RETURN t.id AS id, t.name AS name, t.kind AS kind, statements`,
  /** Who makes statements about a group (raw speaker ids). */
  actorTalkedAboutBy: `MATCH (t:Actor)<-[:ABOUT]-(s:Statement)<-[:SAID]-(p:Actor)
WHERE t.id IN $ids
WITH p, count(DISTINCT s) AS statements
RETURN p.id AS id, p.name AS name, p.kind AS kind, statements`,

  // ------------------------------------------------------------ statements (also timeline, actor and claim pages)
  // The page is cut before the per-statement details are read: four times faster on a large store.
  listStatementsAsc: statementListQuery({ scope: 'links', days: false }, 'asc'),
  listStatementsDesc: statementListQuery({ scope: 'links', days: false }, 'desc'),
  countStatements: statementCountQuery({ scope: 'links', days: false }),
  /** Per day and cue class: the timeline's buckets are folded from these. */
  statementsByDay: statementsByDayQuery({ scope: 'links', days: false }),
  // The same four within a time window given as `$days` too (server/graph/window.ts).
  listStatementsAscDays: statementListQuery({ scope: 'links', days: true }, 'asc'),
  listStatementsDescDays: statementListQuery({ scope: 'links', days: true }, 'desc'),
  countStatementsDays: statementCountQuery({ scope: 'links', days: true }),
  statementsByDayDays: statementsByDayQuery({ scope: 'links', days: true }),
  // A window filtered on the statements' own properties only (no speaker, actor, source, article or
  // claim filter): no traversal at all, so the timeline of a month is index lookups and a count.
  countOwnDays: statementCountQuery({ scope: 'own', days: true }),
  statementsByDayOwnDays: statementsByDayQuery({ scope: 'own', days: true }),
  /**
   * The unfiltered timeline (no actor or source; cue class and day-aligned
   * bounds only, see window.ts dayAligned): the per-day counters the article
   * write maintains (WRITE.countDays), a few hundred small nodes a year,
   * instead of counting the window's statements. Same rows as statementsByDayOwnDays.
   */
  timelineDayCounts: `MATCH (c:DayCount)
WHERE ($from IS NULL OR c.day >= $from)
  AND ($to IS NULL OR c.day < $to)
  AND ($cueClasses IS NULL OR c.cueClass IN $cueClasses)
RETURN c.day AS day, c.cueClass AS cueClass, c.n AS n`,
  // Lists and counts filtered on the statements' own properties only (text search, cue class, time):
  // paged on the statement nodes, so only the page's statements are traversed for their details.
  countOwn: statementCountQuery({ scope: 'own', days: false }),
  listOwnAsc: statementListQuery({ scope: 'own', days: false }, 'asc'),
  listOwnDesc: statementListQuery({ scope: 'own', days: false }, 'desc'),
  listOwnAscDays: statementListQuery({ scope: 'own', days: true }, 'asc'),
  listOwnDescDays: statementListQuery({ scope: 'own', days: true }, 'desc'),
  /** Statements made by a group of actor ids, by time: starts from the actors, pages, then reads the details. */
  // No DISTINCT: a statement has one speaker (about, below, can name two actors of a merged group).
  actorSaid: actorStatementsQuery('said', false),
  /** Statements about a group of actor ids, by time. */
  actorAbout: actorStatementsQuery('about', false),
  /**
   * The actor page from the counters the article write keeps (one actor, no
   * merged group: server/api/routes/actors.ts): the actor's days with how
   * many statements it made and was the subject of (WRITE.countActorDays),
   * whom it talks about and who talks about it (WRITE.countActorPairs).
   */
  actorDays: `MATCH (c:ActorDay)
WHERE c.actor IN $ids
RETURN c.day AS day, c.said AS said, c.about AS about`,
  actorPairsFrom: `MATCH (c:ActorPair)
WHERE c.from IN $ids
MATCH (t:Actor {id: c.to})
RETURN t.id AS id, t.name AS name, t.kind AS kind, c.n AS statements`,
  actorPairsTo: `MATCH (c:ActorPair)
WHERE c.to IN $ids
MATCH (p:Actor {id: c.from})
RETURN p.id AS id, p.name AS name, p.kind AS kind, c.n AS statements`,
  /**
   * actorSaid and actorAbout read from `$days`, the earliest days that hold
   * the first `$limit` of the actor's statements (its day counters name
   * them): the day index gives those days' statements, not every statement
   * of the actor to sort. Same rows as actorSaid/actorAbout whenever the
   * actor has at least `$limit` dated statements (undated ones sort last).
   */
  actorSaidInDays: actorStatementsQuery('said', true),
  actorAboutInDays: actorStatementsQuery('about', true),
  statement: statementsByIdQuery('id'),

  // ------------------------------------------------------------ network
  /** Speaker -> target per cue class with the time span (raw ids; server/api folds merged actors). */
  networkEdges: networkQuery('all', false),
  /** The same within a time window given as `$days` too (server/graph/window.ts). */
  networkEdgesDays: networkQuery('all', true),

  /** Without a source filter: the heaviest edges of actors no merge touches (see NETWORK_TOP). */
  networkTopEdges: networkQuery('top', false),
  networkTopEdgesDays: networkQuery('top', true),
  /** Without a source filter: the rows touching merged groups (see NETWORK_GROUPED). */
  networkGroupedEdges: networkQuery('grouped', false),
  networkGroupedEdgesDays: networkQuery('grouped', true),

  // ------------------------------------------------------------ claims
  listClaims: `MATCH (c:Claim)
WHERE $q IS NULL OR toLower(c.text) CONTAINS toLower($q)
OPTIONAL MATCH (s:Statement)-[:INSTANCE_OF]->(c)
OPTIONAL MATCH (art:Article)-[:CONTAINS]->(s)
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(art)
WITH c, count(DISTINCT s) AS statements, count(DISTINCT art) AS articles, count(DISTINCT src) AS sources
RETURN c.id AS id, c.text AS text, c.firstSeen AS firstSeen, c.lastSeen AS lastSeen, statements, articles, sources
ORDER BY lastSeen DESC, id
SKIP $skip LIMIT $limit`,
  countClaims: `MATCH (c:Claim)
WHERE $q IS NULL OR toLower(c.text) CONTAINS toLower($q)
RETURN count(c) AS total`,
  /**
   * Contradiction candidates (the claims step's CONTRADICTS links), strongest
   * first: candidates to review, never established facts. The page of pairs
   * first, then their statements (statementsByIds).
   */
  listContradictions: `MATCH (a:Statement)-[r:CONTRADICTS]->(b:Statement)
WITH a.id AS fromId, b.id AS toId, r.score AS score, r.reason AS reason
ORDER BY score DESC, fromId, toId
SKIP $skip LIMIT $limit
RETURN fromId, toId, score, reason`,
  countContradictions: `MATCH (:Statement)-[r:CONTRADICTS]->(:Statement)
RETURN count(r) AS total`,
  statementsByIds: statementsByIdQuery('ids'),
  claim: `MATCH (c:Claim {id: $id})
OPTIONAL MATCH (s:Statement)-[:INSTANCE_OF]->(c)
OPTIONAL MATCH (art:Article)-[:CONTAINS]->(s)
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(art)
WITH c, count(DISTINCT s) AS statements, count(DISTINCT art) AS articles, count(DISTINCT src) AS sources
RETURN c.id AS id, c.text AS text, c.firstSeen AS firstSeen, c.lastSeen AS lastSeen, statements, articles, sources`,
  claimArticles: `MATCH (c:Claim {id: $id})<-[:INSTANCE_OF]-(:Statement)<-[:CONTAINS]-(art:Article)
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(art)
RETURN DISTINCT art.id AS id, art.title AS title, art.url AS url, art.publishedAt AS publishedAt,
  art.publishedAtPrecision AS publishedAtPrecision, src.id AS sourceId, src.name AS source,
  head([(art)-[:REPUBLISHES]->(o:Article) | o.id]) AS republishes
ORDER BY publishedAt, id`,
  // The article a copy republishes (an identical or near-identical earlier text), with its outlet; no row when none.
  articleOriginal: `MATCH (a:Article {id: $id})-[:REPUBLISHES]->(o:Article)
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(o)
RETURN o.id AS id, o.title AS title, src.name AS source
ORDER BY id
LIMIT 1`,
  // The articles that republish this one, with their outlets.
  articleCopies: `MATCH (c:Article)-[:REPUBLISHES]->(a:Article {id: $id})
OPTIONAL MATCH (src:Source)-[:PUBLISHED]->(c)
RETURN c.id AS id, c.title AS title, src.name AS source
ORDER BY id`,
} as const;
