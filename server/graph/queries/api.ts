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
import { STATEMENT_FIELDS } from './statement-fields.js';

/**
 * Predicates on the statement node alone (cue class, time, text), tested before
 * any traversal so a text search or a cue filter drops rows early.
 */
const STATEMENT_OWN = `($cueClasses IS NULL OR s.cueClass IN $cueClasses)
  AND ($from IS NULL OR s.time >= $from)
  AND ($to IS NULL OR s.time < $to)
  AND ($dated = false OR s.time IS NOT NULL)
  AND ($q IS NULL OR toLower(s.content) CONTAINS toLower($q))`;

/** The WHERE of the statement lists on their neighbours (with `s`, `art`, `src`, `p` in scope). */
const STATEMENT_FILTER = `WHERE ($speakerIds IS NULL OR p.id IN $speakerIds)
  AND ($aboutIds IS NULL OR EXISTS { MATCH (s)-[:ABOUT]->(x:Actor) WHERE x.id IN $aboutIds })
  AND ($actorIds IS NULL OR p.id IN $actorIds OR EXISTS { MATCH (s)-[:ABOUT]->(y:Actor) WHERE y.id IN $actorIds })
  AND ($sources IS NULL OR src.id IN $sources OR src.name IN $sources)
  AND ($articleId IS NULL OR art.id = $articleId)
  AND ($claimId IS NULL OR EXISTS { MATCH (s)-[:INSTANCE_OF]->(c:Claim) WHERE c.id = $claimId })`;

/*
 * A statement's time is stored on it: `s.time` is `coalesce(s.saidAt,
 * article.publishedAt)` and `s.timeDay` its first ten characters, both
 * written with the statement (server/graph/write.ts), so windows, order and
 * monthly counts need no hop to the article.
 *
 * Traversal shape, for Grafeo 0.6's planner (measured on a 100k-statement
 * store; docs/performance.md):
 * - Patterns name the already bound node first: `(s)<-[:CONTAINS]-(art)`
 *   expands from s, while `(art:Article)-[:CONTAINS]->(s)` scans every article.
 * - OPTIONAL MATCH is planned as a join with an independent scan of its whole
 *   pattern (every statement, or every node), whatever is bound, so the
 *   optional neighbours are read with `head([pattern | node])` instead, which
 *   expands from the bound node. Every statement has exactly one article
 *   (written in the same transaction), so that one is a plain MATCH.
 * Neo4j plans all of these itself; the text is the same on both.
 */
const STATEMENT_LINKS = `MATCH (s)<-[:CONTAINS]-(art:Article)
WITH s, art, head([(art)<-[:PUBLISHED]-(x:Source) | x]) AS src, head([(s)<-[:SAID]-(y:Actor) | y]) AS p
WITH s, art, src, p, s.time AS time
${STATEMENT_FILTER}`;

/** Every statement (no usable time window). */
const STATEMENT_SCOPE = `MATCH (s:Statement)
WHERE ${STATEMENT_OWN}
${STATEMENT_LINKS}`;

/**
 * A time window: `$days` lists every `timeDay` value the window can hold
 * (windowDays in server/graph/window.ts), which Grafeo looks up in its hash
 * index instead of scanning every statement; `$from`/`$to` still decide exactly.
 */
const STATEMENT_SCOPE_DAYS = `MATCH (s:Statement)
WHERE s.timeDay IN $days AND ${STATEMENT_OWN}
${STATEMENT_LINKS}`;

/** The details of a page of statements (`s`, `art`, `src`, `p`, `time` in scope), read after paging. */
const STATEMENT_RETURN = `WITH s, art, src, p, time, head([(s)-[:ADDRESSED_TO]->(x:Actor) | x]) AS ad, head([(s)-[:VIA]->(x:Actor) | x]) AS v
RETURN ${STATEMENT_FIELDS},
  art.id AS articleId, art.title AS articleTitle, art.url AS articleUrl, art.publishedAt AS publishedAt,
  src.id AS sourceId, src.name AS source, time`;

/** A statement's article, outlet and speaker, from a bound `s` (see STATEMENT_LINKS). */
const STATEMENT_CONTEXT = `MATCH (s)<-[:CONTAINS]-(art:Article)
WITH s, art, head([(art)<-[:PUBLISHED]-(x:Source) | x]) AS src, head([(s)<-[:SAID]-(y:Actor) | y]) AS p, s.time AS time`;

/** The first `$limit` statements `s` in scope by time, with their details (the actor page's lists). */
const FIRST_BY_TIME = `ORDER BY s.time, s.id
LIMIT $limit
${STATEMENT_CONTEXT}
${STATEMENT_RETURN}
ORDER BY time, id`;

/**
 * The network's edges from the statements `s` in scope (see networkEdges).
 * Grouped by the actor nodes, their ids read after: Grafeo groups nodes about
 * twice as fast as strings. A (speaker, statement, target) row is unique (one
 * speaker per statement, ABOUT merged), so count(s) counts statements.
 */
const NETWORK_EDGES = `  AND ($sources IS NULL OR EXISTS { MATCH (s)<-[:CONTAINS]-(:Article)<-[:PUBLISHED]-(src:Source) WHERE src.id IN $sources OR src.name IN $sources })
MATCH (s)<-[:SAID]-(p:Actor)
MATCH (s)-[:ABOUT]->(t:Actor)
WITH p, t, s.cueClass AS cueClass, count(s) AS n, min(s.time) AS firstAt, max(s.time) AS lastAt
RETURN p.id AS source, t.id AS target, cueClass, n, firstAt, lastAt`;

/**
 * The network without a source filter, in two parts that together give the
 * same edges as NETWORK_EDGES folded by server/api (routes/network.ts):
 * - NETWORK_TOP: the heaviest `$limit` edges among actors that no merge
 *   touches (`$grouped` lists every id of a merged group, canonical and
 *   members), grouped per (speaker, target) and ordered as the route orders
 *   them (count, then ids), so only the page of edges is materialised. Their
 *   counts are final: no other row folds into them. `cueClasses` lists the
 *   class of every statement (nulls left out), tallied by the route.
 * - NETWORK_GROUPED: the rows that touch a merged group, per cue class, folded by the route.
 * No source predicate at all: Grafeo evaluates the source EXISTS subquery
 * for every row even when `$sources` is null (half of the query's time).
 */
const NETWORK_WINDOW = `  AND ($cueClasses IS NULL OR s.cueClass IN $cueClasses)
  AND ($from IS NULL OR s.time >= $from)
  AND ($to IS NULL OR s.time < $to)
MATCH (s)<-[:SAID]-(p:Actor)
MATCH (s)-[:ABOUT]->(t:Actor)`;
const NETWORK_TOP = `${NETWORK_WINDOW}
WHERE p <> t AND NOT p.id IN $grouped AND NOT t.id IN $grouped
  AND ($ego IS NULL OR p.id IN $ego OR t.id IN $ego)
WITH p, t, count(s) AS n, collect(s.cueClass) AS cueClasses, min(s.time) AS firstAt, max(s.time) AS lastAt
WHERE n >= $minCount
WITH p.id AS source, t.id AS target, n, cueClasses, firstAt, lastAt
ORDER BY n DESC, source, target
LIMIT $limit
RETURN source, target, n, cueClasses, firstAt, lastAt`;
const NETWORK_GROUPED = `${NETWORK_WINDOW}
WHERE p.id IN $grouped OR t.id IN $grouped
WITH p, t, s.cueClass AS cueClass, count(s) AS n, min(s.time) AS firstAt, max(s.time) AS lastAt
RETURN p.id AS source, t.id AS target, cueClass, n, firstAt, lastAt`;

/*
 * The statement queries are built from these parts, each a constant (so the
 * query text stays constant: test/security/injection.test.ts): a scope
 * (OWN_SCOPE*: the statements' own properties only; LINKED_SCOPE*: through
 * their article, outlet and speaker), with `_DAYS` when the window is looked
 * up by its days, then a page, a count or day counts. The read models
 * (server/graph/repos/statements.ts) choose the variant.
 */
const OWN_SCOPE = `MATCH (s:Statement)
WHERE ${STATEMENT_OWN}`;
const OWN_SCOPE_DAYS = `MATCH (s:Statement)
WHERE s.timeDay IN $days AND ${STATEMENT_OWN}`;
/** A page of linked statements by time: cut before the per-statement details are read (four times faster on a large store). */
const LINKED_PAGE_ASC = `WITH s, art, src, p, time
ORDER BY time, s.id
SKIP $skip LIMIT $limit
${STATEMENT_RETURN}
ORDER BY time, id`;
const LINKED_PAGE_DESC = `WITH s, art, src, p, time
ORDER BY time DESC, s.id
SKIP $skip LIMIT $limit
${STATEMENT_RETURN}
ORDER BY time DESC, id`;
/** A page of statements in an own scope: paged on the statement nodes, the page's details read after. */
const OWN_PAGE_ASC = `WITH s
ORDER BY s.time, s.id
SKIP $skip LIMIT $limit
${STATEMENT_CONTEXT}
${STATEMENT_RETURN}
ORDER BY time, id`;
const OWN_PAGE_DESC = `WITH s
ORDER BY s.time DESC, s.id
SKIP $skip LIMIT $limit
${STATEMENT_CONTEXT}
${STATEMENT_RETURN}
ORDER BY time DESC, id`;
const COUNT = `RETURN count(s) AS total`;
/** Per day and cue class: the timeline's buckets are folded from these. */
const LINKED_BY_DAY = `RETURN substring(time, 0, 10) AS day, s.cueClass AS cueClass, count(s) AS n`;
const OWN_BY_DAY = `RETURN substring(s.time, 0, 10) AS day, s.cueClass AS cueClass, count(s) AS n`;
/** The network's window on the statements' own properties. */
const NETWORK_OWN = `  AND ($cueClasses IS NULL OR s.cueClass IN $cueClasses)
  AND ($from IS NULL OR s.time >= $from)
  AND ($to IS NULL OR s.time < $to)`;


/** The articles of the article list in scope (`a`, `src`): outlet, publication window, title. */
export const ARTICLE_LIST_SCOPE = `MATCH (a:Article)
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
  actorTotals: `MATCH (c:_ActorTotal)
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
  listStatementsAsc: `${STATEMENT_SCOPE}
${LINKED_PAGE_ASC}`,
  listStatementsDesc: `${STATEMENT_SCOPE}
${LINKED_PAGE_DESC}`,
  countStatements: `${STATEMENT_SCOPE}
${COUNT}`,
  /** Per day and cue class: the timeline's buckets are folded from these. */
  statementsByDay: `${STATEMENT_SCOPE}
${LINKED_BY_DAY}`,
  // The same four within a time window given as `$days` too (server/graph/window.ts).
  listStatementsAscDays: `${STATEMENT_SCOPE_DAYS}
${LINKED_PAGE_ASC}`,
  listStatementsDescDays: `${STATEMENT_SCOPE_DAYS}
${LINKED_PAGE_DESC}`,
  countStatementsDays: `${STATEMENT_SCOPE_DAYS}
${COUNT}`,
  statementsByDayDays: `${STATEMENT_SCOPE_DAYS}
${LINKED_BY_DAY}`,
  // A window filtered on the statements' own properties only (no speaker, actor, source, article or
  // claim filter): no traversal at all, so the timeline of a month is index lookups and a count.
  countOwnDays: `${OWN_SCOPE_DAYS}
${COUNT}`,
  statementsByDayOwnDays: `${OWN_SCOPE_DAYS}
${OWN_BY_DAY}`,
  /**
   * The unfiltered timeline (no actor or source; cue class and day-aligned
   * bounds only, see window.ts dayAligned): the per-day counters the article
   * write maintains (WRITE.countDays), a few hundred small nodes a year,
   * instead of counting the window's statements. Same rows as statementsByDayOwnDays.
   */
  timelineDayCounts: `MATCH (c:_DayCount)
WHERE ($from IS NULL OR c.day >= $from)
  AND ($to IS NULL OR c.day < $to)
  AND ($cueClasses IS NULL OR c.cueClass IN $cueClasses)
RETURN c.day AS day, c.cueClass AS cueClass, c.n AS n`,
  // Lists and counts filtered on the statements' own properties only (text search, cue class, time):
  // paged on the statement nodes, so only the page's statements are traversed for their details.
  countOwn: `${OWN_SCOPE}
${COUNT}`,
  listOwnAsc: `${OWN_SCOPE}
${OWN_PAGE_ASC}`,
  listOwnDesc: `${OWN_SCOPE}
${OWN_PAGE_DESC}`,
  listOwnAscDays: `${OWN_SCOPE_DAYS}
${OWN_PAGE_ASC}`,
  listOwnDescDays: `${OWN_SCOPE_DAYS}
${OWN_PAGE_DESC}`,
  /** Statements made by a group of actor ids, by time: starts from the actors, pages, then reads the details. */
  // No DISTINCT: a statement has one speaker (about, below, can name two actors of a merged group).
  actorSaid: `MATCH (a:Actor)-[:SAID]->(s:Statement)
WHERE a.id IN $ids
WITH s
${FIRST_BY_TIME}`,
  /** Statements about a group of actor ids, by time. */
  actorAbout: `MATCH (t:Actor)<-[:ABOUT]-(s:Statement)
WHERE t.id IN $ids
WITH DISTINCT s
${FIRST_BY_TIME}`,
  /**
   * The actor page from the counters the article write keeps (one actor, no
   * merged group: server/api/routes/actors.ts): the actor's days with how
   * many statements it made and was the subject of (WRITE.countActorMonths:
   * per month bucket, a count per day slot; repos/actors.ts countersOf reads them back as days),
   * whom it talks about and who talks about it (WRITE.countActorPairs).
   */
  actorDays: `MATCH (c:_ActorMonth)
WHERE c.actor IN $ids
RETURN c.month AS month, c.said AS said, c.about AS about`,
  actorPairsFrom: `MATCH (c:_ActorPair)
WHERE c.from IN $ids
MATCH (t:Actor {id: c.to})
RETURN t.id AS id, t.name AS name, t.kind AS kind, c.n AS statements`,
  actorPairsTo: `MATCH (c:_ActorPair)
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
  actorSaidInDays: `MATCH (s:Statement)
WHERE s.timeDay IN $days
MATCH (s)<-[:SAID]-(a:Actor)
WHERE a.id IN $ids
WITH s
${FIRST_BY_TIME}`,
  actorAboutInDays: `MATCH (s:Statement)
WHERE s.timeDay IN $days
MATCH (s)-[:ABOUT]->(t:Actor)
WHERE t.id IN $ids
WITH DISTINCT s
${FIRST_BY_TIME}`,
  statement: `MATCH (s:Statement {id: $id})
${STATEMENT_CONTEXT}
${STATEMENT_RETURN}`,

  // ------------------------------------------------------------ network
  /** Speaker -> target per cue class with the time span (raw ids; server/api folds merged actors). */
  networkEdges: `MATCH (s:Statement)
WHERE ($cueClasses IS NULL OR s.cueClass IN $cueClasses)
  AND ($from IS NULL OR s.time >= $from)
  AND ($to IS NULL OR s.time < $to)
${NETWORK_EDGES}`,
  /** The same within a time window given as `$days` too (server/graph/window.ts). */
  networkEdgesDays: `MATCH (s:Statement)
WHERE s.timeDay IN $days
${NETWORK_OWN}
${NETWORK_EDGES}`,

  /** Without a source filter: the heaviest edges of actors no merge touches (see NETWORK_TOP). */
  networkTopEdges: `MATCH (s:Statement)
WHERE true
${NETWORK_TOP}`,
  networkTopEdgesDays: `MATCH (s:Statement)
WHERE s.timeDay IN $days
${NETWORK_TOP}`,
  /** Without a source filter: the rows touching merged groups (see NETWORK_GROUPED). */
  networkGroupedEdges: `MATCH (s:Statement)
WHERE true
${NETWORK_GROUPED}`,
  networkGroupedEdgesDays: `MATCH (s:Statement)
WHERE s.timeDay IN $days
${NETWORK_GROUPED}`,

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
WHERE $q IS NULL OR toLower(a.content) CONTAINS toLower($q) OR toLower(b.content) CONTAINS toLower($q)
  OR EXISTS { MATCH (p:Actor)-[:SAID]->(x:Statement) WHERE (x = a OR x = b) AND toLower(p.name) CONTAINS toLower($q) }
WITH a.id AS fromId, b.id AS toId, r.score AS score, r.reason AS reason
ORDER BY score DESC, fromId, toId
SKIP $skip LIMIT $limit
RETURN fromId, toId, score, reason`,
  countContradictions: `MATCH (a:Statement)-[r:CONTRADICTS]->(b:Statement)
WHERE $q IS NULL OR toLower(a.content) CONTAINS toLower($q) OR toLower(b.content) CONTAINS toLower($q)
  OR EXISTS { MATCH (p:Actor)-[:SAID]->(x:Statement) WHERE (x = a OR x = b) AND toLower(p.name) CONTAINS toLower($q) }
RETURN count(r) AS total`,
  statementsByIds: `MATCH (s:Statement)
WHERE s.id IN $ids
${STATEMENT_CONTEXT}
${STATEMENT_RETURN}`,
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
