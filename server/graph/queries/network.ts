/**
 * The network view from its monthly rollups (issue 19): the article write
 * keeps `(:_PairMonth {key, month, from, to, cueClass, n, firstAt, lastAt})`
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
const MONTHS_PART = `MATCH (c:_PairMonth)
WHERE c.month IN $months AND ($cueClasses IS NULL OR c.cueClass IN $cueClasses)`;
const MONTHS_TOP = `  AND c.from <> c.to AND NOT c.from IN $grouped AND NOT c.to IN $grouped
  AND ($ego IS NULL OR c.from IN $ego OR c.to IN $ego)`;
const MONTHS_GROUPED = `  AND (c.from IN $grouped OR c.to IN $grouped)`;
const MONTHS_ROW = `RETURN c.from AS source, c.to AS target, c.cueClass AS cueClass, c.n AS n, c.firstAt AS firstAt, c.lastAt AS lastAt`;
const DAYS_PART = `MATCH (s:Statement)
WHERE s.timeDay IN $days AND ($cueClasses IS NULL OR s.cueClass IN $cueClasses)
  AND ($from IS NULL OR s.time >= $from)
  AND ($to IS NULL OR s.time < $to)
MATCH (s)<-[:SAID]-(p:Actor)
MATCH (s)-[:ABOUT]->(t:Actor)`;
const DAYS_TOP = `WHERE p <> t AND NOT p.id IN $grouped AND NOT t.id IN $grouped
  AND ($ego IS NULL OR p.id IN $ego OR t.id IN $ego)`;
const DAYS_GROUPED = `WHERE p.id IN $grouped OR t.id IN $grouped`;
const DAYS_ROW = `RETURN p.id AS source, t.id AS target, s.cueClass AS cueClass, 1 AS n, s.time AS firstAt, s.time AS lastAt`;
/**
 * The page of edges: grouped per pair with only the count, cut to the page,
 * and only then the page's rows read for their cue classes and times
 * (`cues`, `firsts`, `lasts`, one entry per row, summed by the read model):
 * reading them for every pair before the cut cost a third more.
 */
const TOP_PAGE = `WITH source, target, sum(n) AS n, collect(x) AS xs
WHERE n >= $minCount
WITH source, target, n, xs
ORDER BY n DESC, source, target
LIMIT $limit
RETURN source, target, n, [x IN xs | {cueClass: x.cueClass, n: coalesce(x.n, 1)}] AS cues,
  [x IN xs | coalesce(x.firstAt, x.time)] AS firsts, [x IN xs | coalesce(x.lastAt, x.time)] AS lasts`;
const GROUPED_ROWS = `WITH source, target, cueClass, sum(n) AS n, min(firstAt) AS firstAt, max(lastAt) AS lastAt
RETURN source, target, cueClass, n, firstAt, lastAt`;

export const NETWORK = {
  /**
   * The heaviest `$limit` edges among actors no merge touches (as
   * API.networkTopEdges) from the rollups of whole months alone (`$days`
   * empty), and with the statements of `$days` (a CALL () { UNION ALL },
   * each row `x` a rollup node or a statement, which counts 1 and whose
   * `time` is its first and last).
   */
  rollupTopEdges: `${MONTHS_PART}
${MONTHS_TOP}
WITH c.from AS source, c.to AS target, c.n AS n, c AS x
${TOP_PAGE}`,
  rollupTopEdgesDays: `CALL () {
${MONTHS_PART}
${MONTHS_TOP}
RETURN c.from AS source, c.to AS target, c.n AS n, c AS x
UNION ALL
${DAYS_PART}
${DAYS_TOP}
RETURN p.id AS source, t.id AS target, 1 AS n, s AS x
}
${TOP_PAGE}`,
  /** The rows touching merged groups, per cue class (as API.networkGroupedEdges), folded by the route. */
  rollupGroupedEdges: `${MONTHS_PART}
${MONTHS_GROUPED}
WITH c.from AS source, c.to AS target, c.cueClass AS cueClass, c.n AS n, c.firstAt AS firstAt, c.lastAt AS lastAt
${GROUPED_ROWS}`,
  rollupGroupedEdgesDays: `CALL () {
${MONTHS_PART}
${MONTHS_GROUPED}
${MONTHS_ROW}
UNION ALL
${DAYS_PART}
${DAYS_GROUPED}
${DAYS_ROW}
}
${GROUPED_ROWS}`,
  /**
   * The rollups of the hot pairs of whole buckets (`$months`; WRITE.markHotPairMonths
   * flags every rollup of a pair bucket with at least ROLLUP_HOT_AT
   * statements), with the filters of rollupTopEdges, one row per rollup: the
   * read model (repos/network.ts hotPage) proves the page from them or falls
   * back to rollupTopEdges. An index lookup of a few thousand rollups, not
   * the month's 41,000 (1M bench store).
   */
  hotEdges: `MATCH (c:_PairMonth)
WHERE c.hot IN $months AND ($cueClasses IS NULL OR c.cueClass IN $cueClasses)
${MONTHS_TOP}
RETURN c.month AS month, c.from AS source, c.to AS target, c.cueClass AS cueClass, c.n AS n, c.firstAt AS firstAt, c.lastAt AS lastAt`,
  /** The distinct statement days (`timeDay`) in a window, from the per-day counters: what rollupWindow splits. */
  windowDays: `MATCH (c:_DayCount)
WHERE ($from IS NULL OR c.day >= $from)
  AND ($to IS NULL OR c.day < $to)
RETURN DISTINCT c.day AS day`,
} as const;
