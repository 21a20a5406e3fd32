/**
 * Time with a precision, one semantics for every component (issue 17):
 * a value ("2025", "2025-03", "2025-03-05", or a date-time, of which the
 * day counts) with a precision ('day', 'week', 'month', 'year'; 'article'
 * when the article's date stood in; 'unknown') covers a half-open interval
 * of whole UTC days: a day that day, a week seven days from its value, a
 * month and a year their calendar month and year. The claims step compares
 * statements' times by it (server/claims/times.ts), the events step events'
 * dates (server/extract/events/merge.ts), the timeline buckets days by it.
 * Pure functions, no Node imports: the browser client can import them.
 */

export const DAY_MS = 86_400_000;

/** What to make of 'article' precision: the article's day ('day', for events dated by their report) or nothing ('none', for statements, whose own time is unknown). */
export type ArticlePrecision = 'day' | 'none';

/** The UTC midnight (ms) of the day a value starts on: "2025" -> Jan 1st, "2025-03" -> Mar 1st, a date-time -> its date; null when unreadable. */
export function startOf(value: string | null | undefined): number | null {
  if (!value) return null;
  const t = Date.parse(value.length === 7 ? `${value}-01` : value.slice(0, 10));
  return Number.isNaN(t) ? null : t;
}

/** [start, end) in ms of a time at its precision; null when undated or the precision says nothing about when. */
export function timeInterval(value: string | null | undefined, precision: string, article: ArticlePrecision = 'day'): [number, number] | null {
  const start = startOf(value);
  if (start === null) return null;
  const d = new Date(start);
  switch (precision) {
    case 'day':
      return [start, start + DAY_MS];
    case 'article':
      return article === 'day' ? [start, start + DAY_MS] : null;
    case 'week':
      return [start, start + 7 * DAY_MS];
    case 'month':
      return [start, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)];
    case 'year':
      return [start, Date.UTC(d.getUTCFullYear() + 1, 0, 1)];
    default:
      return null;
  }
}

/** The same interval as epoch days, first and last inclusive. */
export function dayInterval(value: string | null | undefined, precision: string, article: ArticlePrecision = 'day'): [number, number] | null {
  const ms = timeInterval(value, precision, article);
  return ms ? [ms[0] / DAY_MS, ms[1] / DAY_MS - 1] : null;
}

/** Whether two half-open intervals share a moment. */
export function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** Days between two inclusive day intervals; 0 when they overlap. */
export function gapDays(a: [number, number], b: [number, number]): number {
  return Math.max(0, a[0] - b[1], b[0] - a[1]);
}

/** The epoch day of an ISO date or date-time (UTC), or null. */
export function epochDay(date: string | null | undefined): number | null {
  if (!date) return null;
  const t = Date.parse(date);
  return Number.isNaN(t) ? null : Math.floor(t / DAY_MS);
}

/** Whole days between two ISO dates, or null when either is missing. */
export function daysBetween(a: string | null, b: string | null): number | null {
  const x = epochDay(a);
  const y = epochDay(b);
  return x === null || y === null ? null : Math.abs(x - y);
}

/** Precisions from finest to coarsest (unknown ones after all). */
export const PRECISION_RANK: Readonly<Record<string, number>> = { day: 0, week: 1, month: 2, year: 3, article: 4, unknown: 5 };

/** The more precise of two times (a dated one over an undated one). */
export function finerTime<T extends { value: string | null; precision: string }>(a: T, b: T): T {
  if (!a.value) return b;
  if (!b.value) return a;
  return (PRECISION_RANK[b.precision] ?? 9) < (PRECISION_RANK[a.precision] ?? 9) ? b : a;
}

export type Bucket = 'day' | 'week' | 'month';

/** Whether a string is a real calendar day "YYYY-MM-DD". */
export function isDay(d: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d));
}

/** The first day of `day`'s bucket: itself, its ISO week's Monday, or its month's 1st. Coarser dates ("2024-03") go to the month's 1st. */
export function bucketStart(day: string, bucket: Bucket): string {
  if (!isDay(day)) {
    const m = /^(\d{4})(?:-(\d{2}))?/.exec(day);
    return m ? `${m[1]}-${m[2] ?? '01'}-01` : day;
  }
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  return mondayOf(Date.parse(`${day}T00:00:00Z`));
}

/** The ISO-week Monday (YYYY-MM-DD) of the day holding `ms`. */
export function mondayOf(ms: number): string {
  const d = new Date(ms);
  return new Date(ms - ((d.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}
