/**
 * The network view from its monthly rollups (issue 19): the article write
 * keeps `(:PairMonth {key, month, from, to, cueClass, n, firstAt, lastAt})`
 * (queries/write.ts countPairMonths), so a window's whole months are read
 * from a few rollup nodes per speaker and subject instead of every statement
 * of the month, and only the days of the months the window cuts (`$days`)
 * are read from their statements, as API.networkTopEdgesDays reads them.
 * server/graph/repos/network.ts splits a window into `$months` and `$days`
 * (rollupWindow) and falls back to the statement queries of api.ts when the
 * rollups cannot answer: a source filter (the rollups have no outlet), a
 * bound with a time of day, or a window with no whole month.
 *
 * Both parts return (source, target, cueClass, n, firstAt, lastAt) rows in a
 * CALL () { ... UNION ALL ... }, filtered inside each part, then grouped per
 * pair; the answers equal API.networkTopEdges / networkGroupedEdges over the
 * same window (test/api/network-rollup.test.ts).
 */

/** The rollups of the whole months, and the statements of the cut months' days, as rows of one shape. */
const MONTHS_PART = `MATCH (c:PairMonth)
WHERE c.month IN $months AND ($cueClasses IS NULL OR c.cueClass IN $cueClasses)`;
const MONTHS_ROW = `RETURN c.from AS source, c.to AS target, c.cueClass AS cueClass, c.n AS n, c.firstAt AS firstAt, c.lastAt AS lastAt`;
const DAYS_PART = `MATCH (s:Statement)
WHERE s.timeDay IN $days AND ($cueClasses IS NULL OR s.cueClass IN $cueClasses)
  AND ($from IS NULL OR s.time >= $from)
  AND ($to IS NULL OR s.time < $to)
MATCH (s)<-[:SAID]-(p:Actor)
MATCH (s)-[:ABOUT]->(t:Actor)`;
const DAYS_ROW = `RETURN p.id AS source, t.id AS target, s.cueClass AS cueClass, 1 AS n, s.time AS firstAt, s.time AS lastAt`;

export const NETWORK = {
  /**
   * The heaviest `$limit` edges among actors no merge touches (as
   * API.networkTopEdges), with `cues`, one {cueClass, n} per rollup or
   * statement row, which the read model sums per class.
   */
  rollupTopEdges: `CALL () {
${MONTHS_PART}
  AND c.from <> c.to AND NOT c.from IN $grouped AND NOT c.to IN $grouped
  AND ($ego IS NULL OR c.from IN $ego OR c.to IN $ego)
${MONTHS_ROW}
UNION ALL
${DAYS_PART}
WHERE p <> t AND NOT p.id IN $grouped AND NOT t.id IN $grouped
  AND ($ego IS NULL OR p.id IN $ego OR t.id IN $ego)
${DAYS_ROW}
}
WITH source, target, sum(n) AS n, collect({cueClass: cueClass, n: n}) AS cues, min(firstAt) AS firstAt, max(lastAt) AS lastAt
WHERE n >= $minCount
WITH source, target, n, cues, firstAt, lastAt
ORDER BY n DESC, source, target
LIMIT $limit
RETURN source, target, n, cues, firstAt, lastAt`,
  /** The rows touching merged groups, per cue class (as API.networkGroupedEdges), folded by the route. */
  rollupGroupedEdges: `CALL () {
${MONTHS_PART}
  AND (c.from IN $grouped OR c.to IN $grouped)
${MONTHS_ROW}
UNION ALL
${DAYS_PART}
WHERE p.id IN $grouped OR t.id IN $grouped
${DAYS_ROW}
}
WITH source, target, cueClass, sum(n) AS n, min(firstAt) AS firstAt, max(lastAt) AS lastAt
RETURN source, target, cueClass, n, firstAt, lastAt`,
  /** The distinct statement days (`timeDay`) in a window, from the per-day counters: what rollupWindow splits. */
  windowDays: `MATCH (c:DayCount)
WHERE ($from IS NULL OR c.day >= $from)
  AND ($to IS NULL OR c.day < $to)
RETURN DISTINCT c.day AS day`,
} as const;
