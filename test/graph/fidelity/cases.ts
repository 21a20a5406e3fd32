import type { DifferenceId } from '../../../server/graph/cypher-differences.js';
import type { Row } from '../../../server/graph/types.js';

/**
 * The fidelity suite's queries: what a Neo4j Browser user types, over the
 * fixed store (test/graph/fidelity/store.ts: the seed page, retrieved at
 * 2025-08-21T12:00Z, plus the first five articles of the bundled Wikinews
 * gold set). `neo4j` is the answer Neo4j 5 gives, worked out by hand from
 * Cypher's semantics and the input files (never copied from a run); `why`
 * says how. Facts of the input used below, read off the fixture files:
 * - 9 articles: 4 on the seed page (source "Russia Today", no domain: the
 *   page has no URL), 5 from Wikinews (source "Wikinews", domain
 *   "en.wikinews.org"), published 2019-01-04, 2019-01-12, 2019-01-24,
 *   2019-02-05, 2019-02-13 (stored at midnight UTC, precision day);
 * - on the seed page, "Trump envoy tells Alaska summit critics to shut up"
 *   and "Netanyahu accuses Macron of fueling anti-Semitism" are dated "an
 *   hour ago" (2025-08-21T11:00Z), "Don't worry about WW3" "2 hours ago"
 *   (10:00Z), and "Macron wants ‘boots on the ground' in Ukraine" has no
 *   date line, so its publishedAt is null;
 * - statement counts and actor names come from the extractor, so queries
 *   about them ask for invariants of the model (every statement is in one
 *   article) or for two formulations that Cypher's semantics make equal.
 *
 * `differs` names a known difference of the embedded engine
 * (server/graph/cypher-differences.ts): on the embedded store the case
 * passes when the engine still shows that difference (so a fixed engine
 * fails the case and the entry is removed), on Neo4j it must give `neo4j`.
 * `neo4j: { error }` is a query Neo4j refuses.
 */
export interface FidelityCase {
  name: string;
  query: string;
  neo4j: Row[] | { error: RegExp };
  why: string;
  differs?: DifferenceId;
  /**
   * With `differs`, what the embedded store answers: `neo4j` (a rewrite
   * gives Neo4j's answer), `explained` (refused naming the construct), or
   * its rows (a silent difference, pinned so a changed engine is noticed).
   */
  embedded?: 'neo4j' | 'explained' | Row[];
  /** Compare rows in order (the query orders them, or returns one row); default: as a multiset. */
  ordered?: boolean;
}

const ALEPPO = 'Block of flats collapses in Aleppo, killing eleven';
const TITLES_SORTED = [
  ALEPPO,
  'Car bomb ramming attack kills dozens at military base in Maidan Wardak, Afghanistan',
  "Don't worry about WW3",
  'Hotel fire kills at least seventeen in Karol Bagh, New Delhi',
  'Macron wants \u2018boots on the ground\' in Ukraine',
  'Nancy Pelosi again elected Speaker as 116th U.S. Congress sworn in',
  'Netanyahu accuses Macron of fueling anti-Semitism',
  'State-run bus crashes in Cuba en route to Havana, killing seven',
  'Trump envoy tells Alaska summit critics to shut up',
];

export const CASES: FidelityCase[] = [
  // ---------------------------------------------------------------- expressions, no data
  { name: 'arithmetic precedence', query: 'RETURN 1 + 2 * 3 AS x', neo4j: [{ x: 7 }], why: '* binds tighter than +' },
  { name: 'integer division and modulo', query: 'RETURN 7 / 2 AS q, 7 % 3 AS r', neo4j: [{ q: 3, r: 1 }], why: 'integer / integer truncates' },
  { name: 'power is a float', query: 'RETURN 2 ^ 3 AS p', neo4j: [{ p: 8 }], why: '^ gives the float 8.0, 8 in JSON' },
  { name: 'float division', query: 'RETURN 10 / 4.0 AS x', neo4j: [{ x: 2.5 }], why: 'one float operand makes a float' },
  { name: 'floating point sum', query: 'RETURN 0.1 + 0.2 = 0.3 AS x', neo4j: [{ x: false }], why: 'IEEE doubles: 0.30000000000000004' },
  { name: 'integer equals float', query: 'RETURN 1 = 1.0 AS eq', neo4j: [{ eq: true }], why: 'numbers compare by value across types' },
  { name: 'number equals string', query: "RETURN 1 = '1' AS eq", neo4j: [{ eq: false }], why: 'values of different types are never equal', differs: 'string-number-equality', embedded: [{ eq: true }] },
  { name: 'conversions', query: "RETURN toInteger('42') AS i, toFloat('2.5') AS f, toString(42) AS s, toBoolean('true') AS b", neo4j: [{ i: 42, f: 2.5, s: '42', b: true }], why: 'the to* functions parse strings' },
  { name: 'failed conversion is null', query: "RETURN toInteger('x') AS i", neo4j: [{ i: null }], why: 'toInteger of an unparsable string is null' },
  { name: 'toInteger truncates toward zero', query: 'RETURN toInteger(1.9) AS a, toInteger(-1.9) AS b', neo4j: [{ a: 1, b: -1 }], why: 'truncation, not floor' },
  { name: 'null comparisons', query: 'RETURN null = null AS a, null IS NULL AS b', neo4j: [{ a: null, b: true }], why: 'ternary logic: comparing with null is null' },
  { name: 'null propagates', query: 'RETURN null + 1 AS x, toUpper(null) AS u', neo4j: [{ x: null, u: null }], why: 'operators and functions of null are null' },
  { name: 'coalesce', query: "RETURN coalesce(null, 'a', 'b') AS c", neo4j: [{ c: 'a' }], why: 'first non-null argument' },
  { name: 'case functions', query: "RETURN toUpper('abc') AS u, toLower('ABC') AS l", neo4j: [{ u: 'ABC', l: 'abc' }], why: 'by definition' },
  { name: 'substring', query: "RETURN substring('claimgraph', 5) AS s, substring('claimgraph', 0, 5) AS t", neo4j: [{ s: 'graph', t: 'claim' }], why: '0-based start, optional length' },
  { name: 'split', query: "RETURN split('a,b,c', ',') AS parts", neo4j: [{ parts: ['a', 'b', 'c'] }], why: 'by definition' },
  { name: 'replace', query: "RETURN replace('a-b-c', '-', '+') AS r", neo4j: [{ r: 'a+b+c' }], why: 'every occurrence' },
  { name: 'trims', query: "RETURN trim('  x  ') AS t, ltrim('  x') AS l, rtrim('x  ') AS r", neo4j: [{ t: 'x', l: 'x', r: 'x' }], why: 'whitespace removed on the sides named' },
  { name: 'reverse, left, right', query: "RETURN reverse('abc') AS r, left('claimgraph', 5) AS l, right('claimgraph', 5) AS rt", neo4j: [{ r: 'cba', l: 'claim', rt: 'graph' }], why: 'by definition' },
  { name: 'size of string and list', query: "RETURN size('hello') AS n, size([1, 2, 3]) AS m", neo4j: [{ n: 5, m: 3 }], why: 'characters, elements' },
  { name: 'string concatenation', query: "RETURN 'claim' + 'graph' AS s", neo4j: [{ s: 'claimgraph' }], why: '+ on strings concatenates' },
  { name: 'string predicates', query: "RETURN 'graph' STARTS WITH 'gr' AS a, 'graph' ENDS WITH 'ph' AS b, 'graph' CONTAINS 'ap' AS c", neo4j: [{ a: true, b: true, c: true }], why: 'by definition' },
  { name: 'regular expression', query: "RETURN 'Graph' =~ '(?i)graph' AS m", neo4j: [{ m: true }], why: 'Java regex, (?i) ignores case, whole string' },
  { name: 'string ordering is by code point', query: "RETURN 'a' < 'B' AS b, '1' < '2' AS c", neo4j: [{ b: false, c: true }], why: "'a' is 97, 'B' is 66" },
  { name: 'range', query: 'RETURN range(1, 5) AS r, range(0, 10, 3) AS s', neo4j: [{ r: [1, 2, 3, 4, 5], s: [0, 3, 6, 9] }], why: 'inclusive bounds, step' },
  { name: 'list comprehension', query: 'RETURN [x IN range(1, 6) WHERE x % 2 = 0 | x * 10] AS l', neo4j: [{ l: [20, 40, 60] }], why: 'even numbers times ten' },
  { name: 'reduce', query: 'RETURN reduce(acc = 0, x IN [1, 2, 3, 4] | acc + x) AS total', neo4j: [{ total: 10 }], why: '1+2+3+4' },
  { name: 'head, last, tail', query: 'RETURN head([1, 2, 3]) AS h, last([1, 2, 3]) AS l, tail([1, 2, 3]) AS t', neo4j: [{ h: 1, l: 3, t: [2, 3] }], why: 'by definition' },
  { name: 'slices and negative index', query: 'RETURN [1, 2, 3, 4, 5][1..3] AS slice, [1, 2, 3][-1] AS lastItem', neo4j: [{ slice: [2, 3], lastItem: 3 }], why: 'end-exclusive slice; -1 is the last' },
  { name: 'IN on lists', query: 'RETURN 3 IN [1, 2, 3] AS a, 4 IN [1, 2, 3] AS b', neo4j: [{ a: true, b: false }], why: 'membership' },
  { name: 'list concatenation', query: 'RETURN [1, 2] + [3] AS l', neo4j: [{ l: [1, 2, 3] }], why: '+ on lists' },
  { name: 'map access', query: "RETURN {a: 1, b: 'x'}.b AS v, {a: 1}.c AS missing", neo4j: [{ v: 'x', missing: null }], why: 'a missing key is null' },
  { name: 'generic CASE', query: "RETURN CASE WHEN 5 > 3 THEN 'yes' ELSE 'no' END AS c", neo4j: [{ c: 'yes' }], why: 'first true branch' },
  { name: 'simple CASE', query: "RETURN CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END AS c", neo4j: [{ c: 'two' }], why: 'equality with each WHEN' },
  { name: 'math functions', query: 'RETURN abs(-3) AS a, sign(-2) AS s, ceil(1.2) AS c, floor(1.8) AS f, sqrt(16) AS q', neo4j: [{ a: 3, s: -1, c: 2, f: 1, q: 4 }], why: 'ceil/floor/sqrt give floats, equal to these integers in JSON' },
  { name: 'round to an integer', query: 'RETURN round(2.5) AS r', neo4j: [{ r: 3 }], why: 'half rounds up' },
  { name: 'round with a precision', query: 'RETURN round(3.14159, 2) AS r', neo4j: [{ r: 3.14 }], why: 'two decimals', differs: 'round-precision', embedded: 'neo4j' },
  { name: 'type predicate', query: "RETURN 'x' IS :: STRING AS t", neo4j: [{ t: true }], why: 'Neo4j 5.9+ type predicate expression', differs: 'type-predicate', embedded: 'explained' },
  // ---------------------------------------------------------------- temporal
  { name: 'date from a date string', query: "RETURN date('2024-03-15') AS d", neo4j: [{ d: '2024-03-15' }], why: 'ISO date' },
  { name: 'datetime from a timestamp', query: "RETURN datetime('2019-01-04T00:00:00.000Z') AS dt", neo4j: [{ dt: '2019-01-04T00:00:00.000Z' }], why: 'a UTC datetime; every datetime comes out in the app\'s ISO form, milliseconds included (server/graph/values.ts), from either backend' },
  { name: 'date of a datetime', query: "RETURN date(datetime('2019-01-04T10:00:00Z')) AS d", neo4j: [{ d: '2019-01-04' }], why: 'date() of a datetime takes its date' },
  { name: 'dates compare', query: "RETURN date('2024-03-15') < date('2024-04-01') AS before", neo4j: [{ before: true }], why: 'chronological' },
  { name: 'date plus a duration', query: "RETURN date('2024-01-31') + duration('P1D') AS d", neo4j: [{ d: '2024-02-01' }], why: 'one day after January 31' },
  { name: 'toString of a date', query: "RETURN toString(date('2024-03-15')) AS s", neo4j: [{ s: '2024-03-15' }], why: 'ISO form' },
  { name: 'date of a timestamp string', query: "RETURN date('2019-01-04T00:00:00.000Z') AS d", neo4j: { error: /./ }, why: 'date() parses a date string only; Neo4j refuses a timestamp', differs: 'date-of-timestamp', embedded: [{ d: null }] },
  { name: 'temporal component', query: "RETURN date('2024-03-15').month AS m, date('2024-03-15').year AS y", neo4j: [{ m: 3, y: 2024 }], why: 'components are properties of temporal values', differs: 'temporal-accessor', embedded: 'neo4j' },
  { name: 'datetime component', query: "RETURN datetime('2019-01-04T10:30:00Z').hour AS h", neo4j: [{ h: 10 }], why: 'hour of the instant in UTC', differs: 'temporal-accessor', embedded: 'neo4j' },
  { name: 'duration between dates', query: "WITH duration.between(date('2024-01-01'), date('2024-03-15')) AS d RETURN d.months AS months, d.days AS days", neo4j: [{ months: 2, days: 14 }], why: 'two whole months to March 1, then 14 days', differs: 'duration-between', embedded: 'explained' },
  { name: 'date truncated to the month', query: "RETURN date.truncate('month', date('2024-03-15')) AS d", neo4j: [{ d: '2024-03-01' }], why: 'first day of the month', differs: 'date-truncate', embedded: 'neo4j' },
  { name: 'date truncated to the week', query: "RETURN date.truncate('week', date('2024-03-15')) AS d", neo4j: [{ d: '2024-03-11' }], why: '2024-03-15 is a Friday; ISO weeks start on Monday the 11th', differs: 'date-truncate', embedded: 'explained' },
  // ---------------------------------------------------------------- rows and aggregation without data
  { name: 'UNWIND and ORDER BY', query: 'UNWIND [3, 1, 2] AS x RETURN x ORDER BY x', neo4j: [{ x: 1 }, { x: 2 }, { x: 3 }], why: 'ascending', ordered: true },
  { name: 'DISTINCT', query: 'UNWIND [1, 1, 2] AS x RETURN DISTINCT x ORDER BY x', neo4j: [{ x: 1 }, { x: 2 }], why: 'duplicates dropped', ordered: true },
  { name: 'aggregates', query: 'UNWIND [1, 2, 3, 4] AS x RETURN sum(x) AS s, avg(x) AS a, min(x) AS mn, max(x) AS mx', neo4j: [{ s: 10, a: 2.5, mn: 1, mx: 4 }], why: 'by definition' },
  { name: 'sum over no rows', query: 'UNWIND [] AS x RETURN sum(x) AS s', neo4j: [{ s: 0 }], why: 'sum of nothing is 0 in Neo4j', differs: 'sum-of-no-rows', embedded: 'neo4j' },
  { name: 'count and collect over no rows', query: 'UNWIND [] AS x RETURN count(x) AS n, collect(x) AS c', neo4j: [{ n: 0, c: [] }], why: 'aggregation without grouping keys gives one row' },
  { name: 'count skips nulls', query: 'UNWIND [1, null, 2] AS x RETURN count(x) AS n, count(*) AS m', neo4j: [{ n: 2, m: 3 }], why: 'count(x) ignores nulls, count(*) counts rows' },
  { name: 'collect after ORDER BY', query: "UNWIND ['b', 'a', 'c'] AS x WITH x ORDER BY x RETURN collect(x) AS c", neo4j: [{ c: ['a', 'b', 'c'] }], why: 'collect keeps the order of its input' },
  { name: 'WITH filter', query: 'UNWIND [1, 2, 3] AS x WITH x WHERE x > 1 RETURN collect(x) AS c', neo4j: [{ c: [2, 3] }], why: 'WHERE after WITH filters rows' },
  { name: 'percentileDisc', query: 'UNWIND [1, 2, 3, 4, 5] AS x RETURN percentileDisc(x, 0.5) AS p', neo4j: [{ p: 3 }], why: 'median of five' },
  // ---------------------------------------------------------------- the fixed store
  { name: 'articles', query: 'MATCH (a:Article) RETURN count(a) AS n', neo4j: [{ n: 9 }], why: '4 on the seed page + 5 Wikinews' },
  { name: 'sources by name', query: 'MATCH (s:Source) RETURN s.name AS name ORDER BY name', neo4j: [{ name: 'Russia Today' }, { name: 'Wikinews' }], why: 'two outlets', ordered: true },
  { name: 'articles per source', query: 'MATCH (s:Source)-[:PUBLISHED]->(a:Article) RETURN s.name AS source, count(a) AS n ORDER BY source', neo4j: [{ source: 'Russia Today', n: 3 }, { source: 'Wikinews', n: 5 }], why: 'the first seed article has no source line above it, so no Source', ordered: true },
  { name: 'relationship direction', query: 'MATCH (a:Article)-[:PUBLISHED]->(s:Source) RETURN count(*) AS n', neo4j: [{ n: 0 }], why: 'PUBLISHED points from source to article' },
  { name: 'undirected pattern', query: 'MATCH (a:Article)-[:PUBLISHED]-(s:Source) RETURN count(*) AS n', neo4j: [{ n: 8 }], why: 'each article with a source once: 9 less the first seed article' },
  { name: 'variable-length of one hop', query: "MATCH (s:Source {name: 'Wikinews'})-[:PUBLISHED*1..1]->(a) RETURN count(a) AS n", neo4j: [{ n: 5 }], why: 'same as one hop' },
  { name: 'datetime range on a stored datetime', query: "MATCH (a:Article) WHERE a.publishedAt >= datetime('2019-02-01T00:00:00Z') AND a.publishedAt < datetime('2019-03-01T00:00:00Z') RETURN a.title AS title ORDER BY title", neo4j: [{ title: ALEPPO }, { title: 'Hotel fire kills at least seventeen in Karol Bagh, New Delhi' }], why: 'publishedAt is a datetime; February 2019: Feb 5 and Feb 13', ordered: true },
  { name: 'a stored datetime compared with a string', query: "MATCH (a:Article) WHERE a.publishedAt >= '2019-02-01' RETURN count(a) AS n", neo4j: [{ n: 0 }], why: 'a DateTime and a String do not compare: null for every article, none passes (times were strings before schema version 7)' },
  { name: 'month of a stored datetime', query: "MATCH (a:Article) WHERE a.publishedAt.year = 2019 AND a.publishedAt.month = 1 RETURN a.title AS title ORDER BY a.publishedAt", neo4j: [{ title: 'Nancy Pelosi again elected Speaker as 116th U.S. Congress sworn in' }, { title: 'State-run bus crashes in Cuba en route to Havana, killing seven' }, { title: 'Car bomb ramming attack kills dozens at military base in Maidan Wardak, Afghanistan' }], why: 'January 4, 12, 24, by the components of the stored value', ordered: true },
  { name: 'duration arithmetic on a stored datetime', query: `MATCH (a:Article {title: '${ALEPPO}'}) RETURN a.publishedAt + duration('P1D') AS next`, neo4j: [{ next: '2019-02-06T00:00:00.000Z' }], why: 'published 2019-02-05 at midnight UTC, one day later' },
  { name: 'duration.between two stored datetimes', query: "MATCH (a:Article {title: 'Nancy Pelosi again elected Speaker as 116th U.S. Congress sworn in'}), (b:Article {title: '" + ALEPPO + "'}) RETURN duration.between(date(a.publishedAt), date(b.publishedAt)) AS d", neo4j: [{ d: 'P1M1D' }], why: '2019-01-04 to 2019-02-05: one month and one day', differs: 'duration-between', embedded: 'explained' },
  { name: 'STARTS WITH on the string of a datetime', query: "MATCH (a:Article) WHERE toString(a.publishedAt) STARTS WITH '2019-01' RETURN a.title AS title ORDER BY a.publishedAt", neo4j: [{ title: 'Nancy Pelosi again elected Speaker as 116th U.S. Congress sworn in' }, { title: 'State-run bus crashes in Cuba en route to Havana, killing seven' }, { title: 'Car bomb ramming attack kills dozens at military base in Maidan Wardak, Afghanistan' }], why: 'January 4, 12, 24', ordered: true },
  { name: 'relative date resolved', query: "MATCH (a:Article {title: 'Trump envoy tells Alaska summit critics to shut up'}) RETURN a.publishedAt AS t", neo4j: [{ t: '2025-08-21T11:00:00.000Z' }], why: "'an hour ago' at 12:00Z" },
  { name: 'undated articles', query: 'MATCH (a:Article) RETURN count(a.publishedAt) AS dated, count(*) - count(a.publishedAt) AS undated', neo4j: [{ dated: 8, undated: 1 }], why: 'the first seed article has no date line' },
  { name: 'nulls sort last ascending', query: 'MATCH (a:Article) RETURN a.title AS title ORDER BY a.publishedAt ASC LIMIT 1', neo4j: [{ title: 'Nancy Pelosi again elected Speaker as 116th U.S. Congress sworn in' }], why: 'earliest date first', ordered: true },
  { name: 'nulls sort first descending', query: 'MATCH (a:Article) RETURN a.title AS title ORDER BY a.publishedAt DESC LIMIT 1', neo4j: [{ title: "Macron wants \u2018boots on the ground' in Ukraine" }], why: 'null is the largest value in ORDER BY', ordered: true },
  { name: 'grouping by a boolean', query: 'MATCH (a:Article) WITH a.publishedAt IS NULL AS undated, count(*) AS n RETURN undated, n ORDER BY undated', neo4j: [{ undated: false, n: 8 }, { undated: true, n: 1 }], why: 'false sorts before true', ordered: true },
  { name: 'temporal comparison skips null', query: "MATCH (a:Article) WHERE a.publishedAt > datetime('2025-01-01T00:00:00Z') RETURN count(a) AS n", neo4j: [{ n: 3 }], why: 'the three dated seed articles; null > x is null, filtered out' },
  { name: 'ORDER BY, SKIP', query: 'MATCH (a:Article) RETURN a.title AS t ORDER BY t SKIP 8', neo4j: [{ t: TITLES_SORTED[8]! }], why: 'ninth title by code point', ordered: true },
  { name: 'ORDER BY, LIMIT, collect', query: 'MATCH (a:Article) WITH a ORDER BY a.title LIMIT 2 RETURN collect(a.title) AS t', neo4j: [{ t: TITLES_SORTED.slice(0, 2) }], why: 'first two titles' },
  { name: 'all titles sorted', query: 'MATCH (a:Article) RETURN a.title AS t ORDER BY t', neo4j: TITLES_SORTED.map((t) => ({ t })), why: "code point order: 'D' < 'H' < 'M' and 'Na' < 'Ne'", ordered: true },
  { name: 'words in a title', query: `MATCH (a:Article {title: '${ALEPPO}'}) RETURN size(split(a.title, ' ')) AS words`, neo4j: [{ words: 8 }], why: 'eight words' },
  { name: 'date of a stored datetime', query: `MATCH (a:Article {title: '${ALEPPO}'}) RETURN date(a.publishedAt) AS day`, neo4j: [{ day: '2019-02-05' }], why: 'publishedAt is a datetime (schema version 7), its date is the day; a date comes out as YYYY-MM-DD' },
  { name: 'date of every stored saidAt', query: 'MATCH (s:Statement) WHERE s.saidAt IS NOT NULL RETURN count(s) = count(date(s.saidAt)) AS all', neo4j: [{ all: true }], why: 'saidAt is a date or a datetime, both have a date (a timestamp string would not)' },
  { name: 'date of a stored timestamp via datetime', query: `MATCH (a:Article {title: '${ALEPPO}'}) RETURN date(datetime(a.publishedAt)) AS day`, neo4j: [{ day: '2019-02-05' }], why: 'the rewrite for date(timestamp)' },
  { name: 'year of a stored timestamp', query: 'MATCH (a:Article) WHERE datetime(a.publishedAt).year = 2019 RETURN count(a) AS n', neo4j: [{ n: 5 }], why: 'the Wikinews five', differs: 'temporal-accessor', embedded: 'neo4j' },
  { name: 'map projection', query: "MATCH (s:Source {name: 'Wikinews'}) RETURN s {.name, .domain} AS m", neo4j: [{ m: { name: 'Wikinews', domain: 'en.wikinews.org' } }], why: 'domain of the Wikinews URLs' },
  { name: 'map projection with a variable', query: "MATCH (s:Source {name: 'Wikinews'})-[:PUBLISHED]->(a:Article) WITH s, count(a) AS articles RETURN s {.name, articles} AS m", neo4j: [{ m: { name: 'Wikinews', articles: 5 } }], why: 'a bare variable in a projection is `articles: articles`', differs: 'map-projection-variable', embedded: 'neo4j' },
  { name: 'labels of a node', query: 'MATCH (a:Article) RETURN DISTINCT labels(a) AS l', neo4j: [{ l: ['Article'] }], why: 'articles carry one label' },
  { name: 'type of a relationship', query: 'MATCH (:Source)-[r]->(:Article) RETURN DISTINCT type(r) AS t', neo4j: [{ t: 'PUBLISHED' }], why: 'the only source-to-article type' },
  { name: 'ids are unique', query: 'MATCH (a:Article) RETURN count(a) = count(DISTINCT a.id) AS unique', neo4j: [{ unique: true }], why: 'ids are stable hashes, merged' },
  { name: 'every statement in an article', query: 'MATCH (s:Statement) WHERE NOT EXISTS { (:Article)-[:CONTAINS]->(s) } RETURN count(s) AS orphans', neo4j: [{ orphans: 0 }], why: 'statements are written with their article' },
  { name: 'statements contained once', query: 'MATCH (s:Statement) WITH count(s) AS n MATCH (:Article)-[:CONTAINS]->(t:Statement) WITH n, count(t) AS m RETURN n = m AS same', neo4j: [{ same: true }], why: 'a statement id is its article id and span: one article each' },
  { name: 'COUNT subquery equals pattern comprehension', query: 'MATCH (a:Article) WITH a, COUNT { (a)-[:CONTAINS]->() } AS c1, size([(a)-[:CONTAINS]->(s) | s]) AS c2 RETURN sum(CASE WHEN c1 = c2 THEN 0 ELSE 1 END) AS mismatches', neo4j: [{ mismatches: 0 }], why: 'two spellings of the same count' },
  { name: 'OPTIONAL MATCH keeps rows', query: 'MATCH (a:Article) OPTIONAL MATCH (a)-[:CONTAINS]->(s:Statement) WITH a, count(s) AS n RETURN count(a) AS articles', neo4j: [{ articles: 9 }], why: 'one row per article after grouping' },
  { name: 'OPTIONAL MATCH without a match', query: "OPTIONAL MATCH (a:Article {title: 'no such title'}) RETURN a.title AS t", neo4j: [{ t: null }], why: 'one row of nulls' },
  { name: 'count of nothing', query: "MATCH (a:Article {title: 'no such title'}) RETURN count(a) AS n", neo4j: [{ n: 0 }], why: 'aggregation without keys gives one row' },
  { name: 'grouping over nothing', query: "MATCH (a:Article {title: 'no such title'}) RETURN a.title AS t, count(a) AS n", neo4j: [], why: 'with a grouping key, no rows' },
  { name: 'sum over no matched rows', query: "MATCH (a:Article {title: 'no such title'}) RETURN sum(size(a.title)) AS total", neo4j: [{ total: 0 }], why: 'sum of nothing is 0', differs: 'sum-of-no-rows', embedded: 'neo4j' },
  { name: 'pattern comprehension with WHERE', query: "MATCH (s:Source {name: 'Wikinews'}) RETURN size([(s)-[:PUBLISHED]->(a) WHERE a.publishedAt < datetime('2019-02-01T00:00:00Z') | a.title]) AS n", neo4j: [{ n: 3 }], why: 'the January three' },
  { name: 'EXISTS subquery', query: `MATCH (s:Source) WHERE EXISTS { (s)-[:PUBLISHED]->(:Article {title: '${ALEPPO}'}) } RETURN s.name AS name`, neo4j: [{ name: 'Wikinews' }], why: 'the Aleppo article is a Wikinews one' },
  { name: 'CALL subquery', query: 'CALL { MATCH (a:Article) RETURN count(a) AS n } RETURN n', neo4j: [{ n: 9 }], why: 'unit subquery' },
  { name: 'CALL with a variable scope', query: 'MATCH (s:Source) CALL (s) { MATCH (s)-[:PUBLISHED]->(a:Article) RETURN count(a) AS n } RETURN s.name AS name, n ORDER BY name', neo4j: [{ name: 'Russia Today', n: 3 }, { name: 'Wikinews', n: 5 }], why: 'per source (the first seed article has none)', ordered: true },
  { name: 'UNION inside CALL', query: 'CALL { MATCH (s:Source) RETURN s.name AS name UNION MATCH (s:Source) RETURN s.name AS name } RETURN name ORDER BY name', neo4j: [{ name: 'Russia Today' }, { name: 'Wikinews' }], why: 'UNION removes duplicates', ordered: true },
  { name: 'shortestPath with inline properties', query: `MATCH p = shortestPath((x:Source {name: 'Wikinews'})-[*..2]-(y:Article {title: '${ALEPPO}'})) RETURN length(p) AS len`, neo4j: [{ len: 1 }], why: 'one PUBLISHED hop' },
  { name: 'shortestPath with WHERE on its endpoints', query: `MATCH p = shortestPath((x:Source)-[*..2]-(y:Article)) WHERE x.name = 'Wikinews' AND y.title = '${ALEPPO}' RETURN length(p) AS len`, neo4j: [{ len: 1 }], why: 'the WHERE picks the endpoints; one PUBLISHED hop' },
  { name: 'shortestPath with WHERE on the path', query: "MATCH (a:Article)-[:CONTAINS]->(s:Statement)<-[:SAID]-(:Actor) WITH a, s LIMIT 1 MATCH p = shortestPath((a)-[*..3]-(s)) WHERE none(r IN relationships(p) WHERE type(r) = 'CONTAINS') RETURN length(p) AS len", neo4j: [{ len: 2 }], why: 'Neo4j searches for the shortest path that passes the predicate: the article MENTIONS the speaker, who SAID the statement (every speaker is mentioned by the article)', differs: 'shortest-path-where', embedded: [] },
  { name: 'db.labels', query: "CALL db.labels() YIELD label WHERE label IN ['Article', 'Source'] RETURN label ORDER BY label", neo4j: [{ label: 'Article' }, { label: 'Source' }], why: 'both labels are in use', ordered: true },
  { name: 'db.labels leaves the bookkeeping namespace out', query: "CALL db.labels() YIELD label WHERE label IN ['Article', 'Source', 'Statement', '_Band', '_SchemaVersion', 'Band'] RETURN label ORDER BY label", neo4j: [{ label: 'Article' }, { label: 'Source' }, { label: 'Statement' }], why: 'the three domain labels are in use; _Band (claim lookup keys) and _SchemaVersion are in use too but are bookkeeping, which schema views leave out (docs/cypher.md); Band is no label since schema version 6', ordered: true },
  { name: 'MATCH (n) without the marked labels is the domain', query: "MATCH (n) WHERE none(l IN labels(n) WHERE l STARTS WITH '_') RETURN count(n) = COUNT { MATCH (:Source) } + COUNT { MATCH (:Article) } + COUNT { MATCH (:Actor) } + COUNT { MATCH (:Statement) } + COUNT { MATCH (:Claim) } + COUNT { MATCH (:Event) } + COUNT { MATCH (:MergeDecision) } AS same", neo4j: [{ same: true }], why: 'every node outside the marked namespace has exactly one of the seven domain labels' },
  { name: 'every label is a domain label or a marked one', query: "MATCH (n) UNWIND labels(n) AS l WITH DISTINCT l WHERE NOT l STARTS WITH '_' AND NOT l IN ['Source', 'Article', 'Actor', 'Statement', 'Claim', 'Event', 'MergeDecision'] RETURN count(l) AS n", neo4j: [{ n: 0 }], why: 'bookkeeping labels all start with _ (lookup keys, counters, the schema version)' },
  { name: 'the schema version is bookkeeping', query: 'MATCH (v:_SchemaVersion) RETURN v.id AS id', neo4j: [{ id: 'claimgraph' }], why: 'one version node, in the marked namespace' },
  { name: 'db.schema.visualization', query: 'CALL db.schema.visualization() YIELD nodes RETURN size(nodes) > 0 AS some', neo4j: [{ some: true }], why: 'one virtual node per label', differs: 'schema-visualization', embedded: 'explained' },
  { name: 'PROFILE returns the rows', query: 'PROFILE MATCH (a:Article) RETURN count(a) AS n', neo4j: [{ n: 9 }], why: 'PROFILE runs the query; the plan comes in the summary', differs: 'profile-rows', embedded: 'neo4j' },
  { name: 'SHOW INDEXES columns', query: "SHOW INDEXES YIELD name, labelsOrTypes, properties WHERE name = 'article_published_at' RETURN labelsOrTypes, properties", neo4j: [{ labelsOrTypes: ['Article'], properties: ['publishedAt'] }], why: 'the index the schema bootstrap creates', differs: 'show-indexes', embedded: 'explained' },
];
