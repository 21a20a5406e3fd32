/**
 * The network read model: speaker -> target rows in a window. It owns the
 * choice of queries: with a source filter every (speaker, target, cue class)
 * row of the statements (queries/api.ts networkEdges*); without one, the page
 * of final edges among actors no merge touches plus the rows touching merged
 * groups, which the caller folds into canonical actors, read from the
 * monthly rollups for the window's whole months and from the statements for
 * the days of the months it cuts (queries/network.ts), or from the
 * statements alone when the window holds no whole month or a bound has a
 * time of day (queries/api.ts networkTopEdges*, networkGroupedEdges*).
 */
import { z } from 'zod';
import { API } from '../queries/api.js';
import { NETWORK } from '../queries/network.js';
import { bucketInWindow, dayAligned, ROLLUP_HOT_AT, rollupBucket, windowDays } from '../window.js';
import { num, optNum, optStr, read, str, strs, type Runner } from './rows.js';

/** A final edge among unmerged actors from the statements (API.networkTopEdges*): one cue class per statement. */
export const NetworkEdgeRowSchema = z.object({ source: str, target: str, n: num, cueClasses: strs, firstAt: optStr, lastAt: optStr });
export type NetworkEdgeRow = z.infer<typeof NetworkEdgeRowSchema>;
/** The same from the rollups (NETWORK.rollupTopEdges*): per rollup or statement row its cue class, count and times. */
export const NetworkRollupEdgeRowSchema = z.object({
  source: str,
  target: str,
  n: num,
  cues: z.array(z.object({ cueClass: optStr, n: optNum })),
  firsts: z.array(optStr),
  lasts: z.array(optStr),
});
/** A raw (speaker, target, cue class) row still to fold (API.networkEdges*, networkGroupedEdges*, NETWORK.rollupGroupedEdges*). */
export const NetworkRawRowSchema = z.object({ source: str, target: str, cueClass: optStr, n: num, firstAt: optStr, lastAt: optStr });
export type NetworkRawRow = z.infer<typeof NetworkRawRowSchema>;

/** A final edge as the read model hands it up: its count per cue class ('other' for statements without one). */
export interface NetworkTopEdge {
  source: string;
  target: string;
  n: number;
  byCueClass: Record<string, number>;
  firstAt: string | null;
  lastAt: string | null;
}

export type NetworkFilters = {
  cueClasses: string[] | null;
  sources: string[] | null;
  from: string | null;
  to: string | null;
};

/**
 * `top`: final edges among unmerged actors, heaviest first, at most `limit`
 * of them; `rows`: raw (source, target, cueClass, n, firstAt, lastAt) rows
 * still to fold.
 */
export interface NetworkRows {
  top: NetworkTopEdge[];
  rows: NetworkRawRow[];
}

export async function networkRows(
  store: Runner,
  filters: NetworkFilters,
  opts: { grouped: string[]; ego: string[] | null; minCount: number; limit: number },
): Promise<NetworkRows> {
  const days = windowDays(filters.from, filters.to);
  if (filters.sources !== null) {
    return { top: [], rows: await read(store, NetworkRawRowSchema, 'network edges', days ? API.networkEdgesDays : API.networkEdges, days ? { ...filters, days } : filters) };
  }
  const base = { cueClasses: filters.cueClasses, from: filters.from, to: filters.to, grouped: opts.grouped };
  const page = { ego: opts.ego, minCount: opts.minCount, limit: opts.limit };
  // The rollups count whole buckets of `timeDay`: exact for bounds without a time of day (window.ts dayAligned).
  if (dayAligned(filters.from) && dayAligned(filters.to)) {
    const existing = await read(store, DayRow, 'window days', NETWORK.windowDays, { from: filters.from, to: filters.to });
    const split = rollupWindow(filters.from, filters.to, existing.map((r) => r.day));
    if (split.months.length > 0) {
      const params = { ...base, months: split.months, days: split.days };
      const withDays = split.days.length > 0;
      const grouped = opts.grouped.length > 0
        ? read(store, NetworkRawRowSchema, 'network rollup grouped edges', withDays ? NETWORK.rollupGroupedEdgesDays : NETWORK.rollupGroupedEdges, params)
        : Promise.resolve([]);
      grouped.catch(() => undefined); // awaited below on every path; this keeps a failure while the hot read runs from going unhandled
      // Whole buckets alone, a quarter at most: the page from their hot pairs when it can be proven (hotPage), else
      // from every rollup. Over more buckets the hot rollups are many (61,000 over the 1M store's 13) and a pair must be
      // hot in every bucket to be counted exactly (none is in the undated bucket of an unbounded window), so the
      // attempt cost more than it saved there (networkAll 2.0 -> 2.6 s).
      if (!withDays && split.months.length <= HOT_MAX_BUCKETS) {
        const hot = await read(store, HotRowSchema, 'network hot edges', NETWORK.hotEdges, { cueClasses: base.cueClasses, grouped: base.grouped, months: split.months, ego: opts.ego });
        const top = hotPage(hot, split.months.length, opts);
        if (top) return { top, rows: await grouped };
      }
      const [top, rows] = await Promise.all([
        read(store, NetworkRollupEdgeRowSchema, 'network rollup edges', withDays ? NETWORK.rollupTopEdgesDays : NETWORK.rollupTopEdges, { ...params, ...page }),
        grouped,
      ]);
      return {
        top: top.map(({ source, target, n, cues, firsts, lasts }) => ({
          source, target, n, byCueClass: tallyCues(cues), firstAt: extreme(firsts, -1), lastAt: extreme(lasts, 1),
        })),
        rows,
      };
    }
  }
  // Only the page of edges among unmerged actors leaves the store, already final; rows touching merged groups fold in the caller.
  const scan = { ...base, ...(days ? { days } : {}) };
  const [top, rows] = await Promise.all([
    read(store, NetworkEdgeRowSchema, 'network top edges', days ? API.networkTopEdgesDays : API.networkTopEdges, { ...scan, ...page }),
    opts.grouped.length > 0 ? read(store, NetworkRawRowSchema, 'network grouped edges', days ? API.networkGroupedEdgesDays : API.networkGroupedEdges, scan) : Promise.resolve([]),
  ]);
  return {
    top: top.map(({ source, target, n, cueClasses, firstAt, lastAt }) => ({ source, target, n, byCueClass: tallyClasses(cueClasses, n), firstAt, lastAt })),
    rows,
  };
}

const DayRow = z.object({ day: str });

/** Windows of at most this many whole buckets try the hot pairs first (networkRows). */
export const HOT_MAX_BUCKETS = 3;

/** A hot pair's rollup (NETWORK.hotEdges): one bucket, one cue class. */
export const HotRowSchema = z.object({ month: str, source: str, target: str, cueClass: optStr, n: num, firstAt: optStr, lastAt: optStr });
export type HotRow = z.infer<typeof HotRowSchema>;

/**
 * The page of final edges (heaviest `limit` with at least `minCount`
 * statements, ties by source and target, as the statement scan orders them)
 * from the rollups of the hot pairs of `buckets` whole buckets, or null when
 * those cannot prove it. Every rollup of a hot pair bucket is flagged, so a
 * pair hot in every bucket has its exact count; a pair hot in some has at
 * most ROLLUP_HOT_AT - 1 more in each other bucket, and a pair hot in none
 * at most that in each. The page is proven when its last edge counts more
 * than any of those bounds (or, short of `limit` edges, when no bound reaches
 * `minCount`): no other pair can enter it or tie with its last edge.
 */
export function hotPage(rows: readonly HotRow[], buckets: number, opts: { minCount: number; limit: number }, hotAt = ROLLUP_HOT_AT): NetworkTopEdge[] | null {
  const pairs = new Map<string, NetworkTopEdge & { months: Set<string> }>();
  for (const r of rows) {
    const key = `${r.source}>${r.target}`;
    let e = pairs.get(key);
    if (!e) {
      e = { source: r.source, target: r.target, n: 0, byCueClass: {}, firstAt: null, lastAt: null, months: new Set() };
      pairs.set(key, e);
    }
    e.n += r.n;
    e.months.add(r.month);
    const cls = r.cueClass ?? 'other';
    e.byCueClass[cls] = (e.byCueClass[cls] ?? 0) + r.n;
    e.firstAt = extreme([e.firstAt, r.firstAt], -1);
    e.lastAt = extreme([e.lastAt, r.lastAt], 1);
  }
  // The most statements a pair not known exactly can have: below the flag in every bucket it is not hot in.
  let bound = buckets * (hotAt - 1);
  const exact: NetworkTopEdge[] = [];
  for (const { months, ...e } of pairs.values()) {
    if (months.size === buckets) exact.push(e);
    else bound = Math.max(bound, e.n + (buckets - months.size) * (hotAt - 1));
  }
  const kept = exact
    .filter((e) => e.n >= opts.minCount)
    .sort((a, b) => b.n - a.n || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  if (kept.length >= opts.limit) return kept[opts.limit - 1]!.n > bound ? kept.slice(0, opts.limit) : null;
  return bound < opts.minCount ? kept : null;
}

/**
 * Splits a window [from, to) (bounds absent or without a time of day) over
 * the statement days the store holds (`existing`, every distinct `timeDay`)
 * into `months`, the rollup buckets (window.ts rollupBucket: the days of a
 * month, or a coarse time) that lie in the window whole, read from the
 * rollups, and `days`, the days of the other buckets inside it, read from
 * their statements. Undated statements (bucket '') are in a window without
 * bounds only, as in the statement queries.
 */
export function rollupWindow(from: string | null, to: string | null, existing: readonly string[]): { months: string[]; days: string[] } {
  const months = new Set<string>();
  const days = new Set<string>();
  for (const day of existing) {
    if ((from !== null && day < from) || (to !== null && day >= to)) continue;
    const bucket = rollupBucket(day);
    if (bucketInWindow(bucket, from, to)) months.add(bucket);
    else days.add(day);
  }
  if (from === null && to === null) months.add('');
  return { months: [...months].sort(), days: [...days].sort() };
}

/** Per cue class counts from the rollup query's {cueClass, n} rows; a statement without a class counts as 'other'. */
function tallyCues(cues: ReadonlyArray<{ cueClass: string | null; n: number | null }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of cues) {
    const cls = c.cueClass ?? 'other';
    out[cls] = (out[cls] ?? 0) + (c.n ?? 0);
  }
  return out;
}

/** The least (`sign` -1) or greatest (1) of the strings in a list, null when none. */
function extreme(values: ReadonlyArray<string | null>, sign: 1 | -1): string | null {
  let out: string | null = null;
  for (const v of values) {
    if (v !== null && (out === null || (sign < 0 ? v < out : v > out))) out = v;
  }
  return out;
}

/** Per cue class counts from the statement query's list of classes (nulls left out by collect: the rest is 'other'). */
function tallyClasses(classes: readonly string[], count: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const cls of classes) out[cls] = (out[cls] ?? 0) + 1;
  const classified = Object.values(out).reduce((a, b) => a + b, 0);
  if (classified < count) out.other = (out.other ?? 0) + count - classified;
  return out;
}
