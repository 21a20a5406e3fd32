/**
 * Time windows as index lookups. Grafeo's property indexes are hash indexes
 * (equality only), so `s.time >= $from AND s.time < $to` reads every
 * statement there. Each statement also stores `timeDay`, the first ten
 * characters of its time (server/graph/write.ts statementTime), and
 * `windowDays` lists every `timeDay` a window [from, to) can hold, for
 * `s.timeDay IN $days`: an index lookup per day on Grafeo, a range of the
 * index on Neo4j. The queries keep the exact `from`/`to` comparison, so the
 * list only has to hold every possible key (it may hold more).
 */

import type { CueClass } from '../extract/index.js';

const DAY_MS = 86_400_000;

/** The most keys a window is looked up by; a longer window scans instead (null). */
export const MAX_WINDOW_DAYS = 1200;

/** The first day a bound can mean: "2024" -> 2024-01-01, "2024-03" -> 2024-03-01, "2024-03-05T.." -> 2024-03-05. */
function dayOf(bound: string): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(bound);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  return Number.isNaN(t) ? null : t;
}

/**
 * Every `timeDay` value a statement whose time lies in [from, to) can have:
 * the days from `from`'s day to `to`'s day (a time in the window starts with
 * one of them), and the coarse values ("2024", "2024-03") inside the window,
 * which are stored as they are. Null when a bound is missing or unreadable,
 * or the window is longer than MAX_WINDOW_DAYS: the caller then uses the
 * query without `$days`.
 */
export function windowDays(from: string | null | undefined, to: string | null | undefined): string[] | null {
  if (!from || !to) return null;
  const start = dayOf(from);
  const end = dayOf(to);
  if (start === null || end === null) return null;
  if (end < start) return [];
  if ((end - start) / DAY_MS > MAX_WINDOW_DAYS) return null;
  const keys = new Set<string>();
  const inWindow = (k: string) => k >= from && k < to;
  for (let t = start; t <= end; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day >= from.slice(0, 10) && day <= to.slice(0, 10)) keys.add(day);
    for (const coarse of [day.slice(0, 4), day.slice(0, 7)]) if (inWindow(coarse)) keys.add(coarse);
  }
  return [...keys].sort();
}

/**
 * Whether a window bound is absent or a date without a time of day ("2025",
 * "2025-03", "2025-03-05"). When both bounds are, the per-day counters
 * (`DayCount`, server/graph/queries/write.ts countDays) count a window
 * exactly: a statement's time starts with its `timeDay`, and for a bound of
 * at most ten characters `time >= bound` holds exactly when
 * `timeDay >= bound` (likewise `<`), so the counters of the days inside the
 * window hold exactly the window's statements.
 */
export function dayAligned(bound: string | null | undefined): boolean {
  return !bound || /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(bound);
}

/**
 * The network rollup bucket of a statement day (`timeDay`), the `month` of
 * its `(:PairMonth)` (queries/write.ts countPairMonths): a day "2025-03-05"
 * goes to "2025-03-*", the days of its month (two characters "01".."31"
 * after "2025-03-"); any other value (a coarse time "2025-03" or "2025", or
 * a day outside that form) is its own bucket; undated is ''. A window holds a
 * month bucket whole when "2025-03-01" >= from and "2025-03-31" < to
 * (rollupWindow in repos/network.ts); coarse values keep their own order,
 * so "2025-03" stays out of a window from "2025-03-01" as the statement
 * queries leave it out. SCHEMA.backfillPairMonths computes the same in Cypher.
 */
export function rollupBucket(timeDay: string | null): string {
  if (timeDay === null) return '';
  const dd = timeDay.slice(8);
  return timeDay.length === 10 && dd >= '01' && dd <= '31' ? `${timeDay.slice(0, 8)}*` : timeDay;
}

/** Whether every statement day of a rollup bucket (rollupBucket) lies in [from, to) (bounds absent or of at most ten characters). */
export function bucketInWindow(bucket: string, from: string | null, to: string | null): boolean {
  const [low, high] = bucket.endsWith('*') && bucket.length === 9 ? [`${bucket.slice(0, 8)}01`, `${bucket.slice(0, 8)}31`] : [bucket, bucket];
  return (from === null || from <= low) && (to === null || high < to);
}

/**
 * A rollup bucket's (speaker, subject) pair is hot once its statements of
 * every cue class number this many (WRITE.markHotPairMonths sets `hot` on
 * its rollups): the network's page of a month is proven from the hot pairs
 * alone when its last edge counts more than a pair below this can
 * (repos/network.ts hotPage). On the 1M bench store a month holds about
 * 1,100 pairs of 8 statements or more (2,000 of 5 or more) of 34,000, and its
 * 301st edge counts 24; 8 rather than 5 reads and sends from the store
 * process 3,051 rows a month instead of 5,145, and still proves the page of
 * a month (up to 7 a light pair) and of a quarter (21) there. Changing it needs a
 * migration that marks the stored rollups again (server/graph/schema.ts).
 */
export const ROLLUP_HOT_AT = 8;

/**
 * Every cue class a statement can have (the extractor's CueClassSchema; the
 * record type makes the compiler list each one exactly once), and '' for
 * none: the cue class parts of a pair bucket's rollup keys.
 */
const CUE_CLASS_KEYS: Record<CueClass, true> = {
  say: true, accuse: true, warn: true, deny: true, demand: true, announce: true, ask: true, describe: true, report: true,
  support: true, criticize: true, other: true, belief: true, intention: true, evidence: true,
};
export const ROLLUP_CUE_KEYS: readonly string[] = [...Object.keys(CUE_CLASS_KEYS), ''];

/** Slots of an actor's month counters (`_ActorMonth.said`, `.about`): 0 for a coarse time, 1-31 the days of a month. */
export const ACTOR_MONTH_SLOTS = 32;

/**
 * Where a dated statement's `timeDay` is counted in its actor's month
 * counters (schema version 12, docs/graph.md "Per-actor counters"): a day
 * "2025-03-18" in the month node "2025-03-*" at slot 18; any other value (a
 * coarse time "2025-03" or "2025", or a day outside that form) in a node of
 * its own at slot 0. The same buckets as rollupBucket; `dayOfSlot` is its
 * inverse.
 */
export function actorMonthSlot(timeDay: string): { month: string; slot: number } {
  const month = rollupBucket(timeDay);
  if (month === timeDay) return { month, slot: 0 };
  const slot = Number(timeDay.slice(8));
  // rollupBucket took "01".."31" by string order: anything not a plain day number keeps a node of its own.
  return Number.isInteger(slot) && slot >= 1 && slot <= 31 && /^\d\d$/.test(timeDay.slice(8)) ? { month, slot } : { month: timeDay, slot: 0 };
}

/** The `timeDay` a slot of a month counter stands for (actorMonthSlot's inverse). */
export function dayOfSlot(month: string, slot: number): string {
  return slot === 0 ? month : `${month.slice(0, 8)}${String(slot).padStart(2, '0')}`;
}
