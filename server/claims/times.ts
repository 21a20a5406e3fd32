/**
 * Time compatibility of two reports of one utterance, precision-aware: a
 * statement dated "on Monday" (day) is an instant, "earlier this month"
 * (month) a whole month, so two times are compatible when their intervals
 * come within a few days of each other, not when the strings are equal.
 */

const DAY_MS = 86_400_000;

/** Two precise times further apart than this are different utterances (repeat talking points on other days). */
export const MAX_SAID_GAP_DAYS = 3;
/** Without precise times, reports further apart than this are not taken as one utterance. */
export const MAX_REPORT_GAP_DAYS = 14;

export interface Dated {
  saidAt: string | null;
  saidAtPrecision: string;
  /** The reporting article's date (published, else retrieved), ISO. */
  articleDate: string | null;
}

/** [start, end] in epoch days of a time with its precision; null when it says nothing precise. */
export function interval(value: string | null, precision: string): [number, number] | null {
  if (value === null) return null;
  const start = Date.parse(value.length === 7 ? `${value}-01` : value.length === 4 ? `${value}-01-01` : value);
  if (Number.isNaN(start)) return null;
  const d = Math.floor(start / DAY_MS);
  switch (precision) {
    case 'day':
      return [d, d];
    case 'week':
      return [d, d + 6];
    case 'month': {
      const next = new Date(start);
      next.setUTCMonth(next.getUTCMonth() + 1);
      return [d, Math.floor(next.getTime() / DAY_MS) - 1];
    }
    case 'year':
      return [d, d + 365];
    default:
      // "article": the article's date stood in for a missing time; "unknown": nothing.
      return null;
  }
}

/** Days between two intervals; 0 when they overlap. */
export function gapDays(a: [number, number], b: [number, number]): number {
  return Math.max(0, a[0] - b[1], b[0] - a[1]);
}

/** Whole days between two ISO dates, or null when either is missing. */
export function daysBetween(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null;
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return null;
  return Math.abs(Math.floor(x / DAY_MS) - Math.floor(y / DAY_MS));
}

/**
 * Whether two statements can be reports of the same utterance by time:
 * precise times within MAX_SAID_GAP_DAYS of each other; otherwise the
 * reporting articles within MAX_REPORT_GAP_DAYS; unknown on either side is
 * no evidence against.
 */
export function timesCompatible(a: Dated, b: Dated): { ok: boolean; why: string } {
  const ia = interval(a.saidAt, a.saidAtPrecision);
  const ib = interval(b.saidAt, b.saidAtPrecision);
  if (ia && ib) {
    const gap = gapDays(ia, ib);
    return gap <= MAX_SAID_GAP_DAYS ? { ok: true, why: `said within ${gap} days` } : { ok: false, why: `said ${gap} days apart` };
  }
  const reported = daysBetween(a.articleDate, b.articleDate);
  if (reported === null) return { ok: true, why: 'time unknown' };
  return reported <= MAX_REPORT_GAP_DAYS
    ? { ok: true, why: `reported ${reported} days apart` }
    : { ok: false, why: `reported ${reported} days apart` };
}

/**
 * Whether two statements were made at different times: precise intervals
 * that do not overlap, or (without them) reports on different days.
 */
export function differentTimes(a: Dated, b: Dated): boolean {
  const ia = interval(a.saidAt, a.saidAtPrecision);
  const ib = interval(b.saidAt, b.saidAtPrecision);
  if (ia && ib) return gapDays(ia, ib) > 0;
  const reported = daysBetween(a.articleDate, b.articleDate);
  return reported !== null && reported > 0;
}
