/**
 * The statement and network query texts, built from fragments: every variant
 * the read models choose between (server/graph/read/statements.ts,
 * network.ts) is one call of a builder below, so the variants differ only
 * where they must (scope on the statement's own properties or through its
 * links, a `$days` window lookup or none, order). queries/api.ts lists each
 * variant under its name so the Cypher lint and the executed-queries check
 * see every text.
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

/** How the statements in scope are found: by their own properties only ('own') or through their article, outlet and speaker ('links'). */
export type StatementScope = 'own' | 'links';
/** Which of a statement query's variants: scope, whether a `$days` window narrows the scan, and order (lists only). */
export interface StatementVariant {
  scope: StatementScope;
  days: boolean;
}

/** The statements `s` in scope: own properties, with `$days` when the window is looked up by its days. */
function ownScope(days: boolean): string {
  return `MATCH (s:Statement)
WHERE ${days ? 's.timeDay IN $days AND ' : ''}${STATEMENT_OWN}`;
}

/** The scope of a variant; 'links' adds the article, outlet and speaker with their filters. */
function scopeOf(v: StatementVariant): string {
  return v.scope === 'own' ? ownScope(v.days) : v.days ? STATEMENT_SCOPE_DAYS : STATEMENT_SCOPE;
}

/** A page of statements by time (`$skip`, `$limit`): cut before the per-statement details are read (four times faster on a large store). */
export function statementListQuery(v: StatementVariant, order: 'asc' | 'desc'): string {
  const dir = order === 'desc' ? ' DESC' : '';
  if (v.scope === 'own') {
    return `${ownScope(v.days)}
WITH s
ORDER BY s.time${dir}, s.id
SKIP $skip LIMIT $limit
${STATEMENT_CONTEXT}
${STATEMENT_RETURN}
ORDER BY time${dir}, id`;
  }
  return `${scopeOf(v)}
WITH s, art, src, p, time
ORDER BY time${dir}, s.id
SKIP $skip LIMIT $limit
${STATEMENT_RETURN}
ORDER BY time${dir}, id`;
}

/** How many statements are in scope (`total`). */
export function statementCountQuery(v: StatementVariant): string {
  return `${scopeOf(v)}
RETURN count(s) AS total`;
}

/** Per day and cue class (`day`, `cueClass`, `n`): the timeline's buckets are folded from these. */
export function statementsByDayQuery(v: StatementVariant): string {
  return `${scopeOf(v)}
RETURN substring(${v.scope === 'own' ? 's.time' : 'time'}, 0, 10) AS day, s.cueClass AS cueClass, count(s) AS n`;
}

/** The statements with the given ids (`$ids`) or id (`$id`), with their details. */
export function statementsByIdQuery(by: 'id' | 'ids'): string {
  return `${by === 'id' ? 'MATCH (s:Statement {id: $id})' : 'MATCH (s:Statement)\nWHERE s.id IN $ids'}
${STATEMENT_CONTEXT}
${STATEMENT_RETURN}`;
}

/** The first `$limit` statements of a group of actor ids (`$ids`) by time, made by them ('said') or about them ('about'), optionally from the days `$days` only. */
export function actorStatementsQuery(role: 'said' | 'about', days: boolean): string {
  const start =
    role === 'said'
      ? days
        ? `MATCH (s:Statement)
WHERE s.timeDay IN $days
MATCH (s)<-[:SAID]-(a:Actor)
WHERE a.id IN $ids
WITH s`
        : `MATCH (a:Actor)-[:SAID]->(s:Statement)
WHERE a.id IN $ids
WITH s`
      : days
        ? `MATCH (s:Statement)
WHERE s.timeDay IN $days
MATCH (s)-[:ABOUT]->(t:Actor)
WHERE t.id IN $ids
WITH DISTINCT s`
        : `MATCH (t:Actor)<-[:ABOUT]-(s:Statement)
WHERE t.id IN $ids
WITH DISTINCT s`;
  return `${start}
${FIRST_BY_TIME}`;
}

/** The statements the network is drawn from: `s` in the window, with `$days` when it is looked up by its days. */
function networkStart(days: boolean, own: boolean): string {
  if (!own) return days ? `MATCH (s:Statement)\nWHERE s.timeDay IN $days` : `MATCH (s:Statement)\nWHERE true`;
  return `MATCH (s:Statement)
WHERE ${days ? `s.timeDay IN $days
  AND ` : ''}($cueClasses IS NULL OR s.cueClass IN $cueClasses)
  AND ($from IS NULL OR s.time >= $from)
  AND ($to IS NULL OR s.time < $to)`;
}

/**
 * The network's rows: 'all' every (speaker, target, cue class) with a source
 * filter (see NETWORK_EDGES); without one, 'top' the page of edges among
 * unmerged actors and 'grouped' the rows touching merged groups (see NETWORK_TOP).
 */
export function networkQuery(part: 'all' | 'top' | 'grouped', days: boolean): string {
  if (part === 'all') return `${networkStart(days, true)}
${NETWORK_EDGES}`;
  return `${networkStart(days, false)}
${part === 'top' ? NETWORK_TOP : NETWORK_GROUPED}`;
}
