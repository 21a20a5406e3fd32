/**
 * Time compatibility of two reports of one utterance, precision-aware: a
 * statement dated "on Monday" (day) is an instant, "earlier this month"
 * (month) a whole month, so two times are compatible when their intervals
 * come within a few days of each other, not when the strings are equal.
 * The intervals are server/time's; this file holds the claims step's policy
 * over them (how far apart two reports of one utterance may be).
 */

import { DAY_MS, dayInterval, daysBetween, epochDay, gapDays } from '../time/index.js';

/** Two precise times further apart than this are different utterances (repeat talking points on other days). */
export const MAX_SAID_GAP_DAYS = 3;
/** Without precise times, reports further apart than this are not taken as one utterance. */
export const MAX_REPORT_GAP_DAYS = 14;
/**
 * A long verbatim quote (LONG_QUOTE_WORDS words shared word for word) is
 * taken as one utterance across this many days of reporting: outlets re-quote
 * a line for months ("as he said in March, ..."), and a stump line repeated
 * word for word is the same claim to a fact-checker.
 */
export const LONG_QUOTE_GAP_DAYS = 200;

export interface Dated {
  saidAt: string | null;
  saidAtPrecision: string;
  /** The reporting article's date (published, else retrieved), ISO. */
  articleDate: string | null;
}

/** [start, end] in epoch days (inclusive) of a statement's time; null when it says nothing precise ('article': the article's date stood in). */
export function interval(value: string | null, precision: string): [number, number] | null {
  return dayInterval(value, precision, 'none');
}

export { daysBetween, gapDays };

/**
 * Whether two statements can be reports of the same utterance by time:
 * precise times within MAX_SAID_GAP_DAYS of each other; otherwise the
 * reporting articles within MAX_REPORT_GAP_DAYS; unknown on either side is
 * no evidence against.
 */
export function timesCompatible(a: Dated, b: Dated, longQuote = false): { ok: boolean; why: string } {
  const ia = interval(a.saidAt, a.saidAtPrecision);
  const ib = interval(b.saidAt, b.saidAtPrecision);
  if (ia && ib) {
    const gap = gapDays(ia, ib);
    return gap <= MAX_SAID_GAP_DAYS ? { ok: true, why: `said within ${gap} days` } : { ok: false, why: `said ${gap} days apart` };
  }
  const limit = longQuote ? LONG_QUOTE_GAP_DAYS : MAX_REPORT_GAP_DAYS;
  // One side's own time against the other's report: a report 41 days later of "what she said in March"
  // is compared with the March reports by the time it states, not by its own date.
  const known = ia ?? ib;
  const other = ia ? b : a;
  const otherDay = dayOf(other.articleDate);
  if (known && otherDay !== null) {
    const gap = gapDays(known, [otherDay, otherDay]);
    return gap <= limit ? { ok: true, why: `said ${gap} days from the other report` } : { ok: false, why: `said ${gap} days from the other report` };
  }
  const reported = daysBetween(a.articleDate, b.articleDate);
  if (reported === null) return { ok: true, why: 'time unknown' };
  return reported <= limit
    ? { ok: true, why: `reported ${reported} days apart` }
    : { ok: false, why: `reported ${reported} days apart` };
}

/** The epoch day of an ISO date, or null. */
export const dayOf = epochDay;

/**
 * The time a statement is filed under for candidate keys: the start of its
 * own time (saidAt) when precise, else its report's date (ISO day).
 */
export function ownTime(s: Dated): string | null {
  const i = interval(s.saidAt, s.saidAtPrecision);
  if (i) return new Date(i[0] * DAY_MS).toISOString().slice(0, 10);
  return s.articleDate;
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
