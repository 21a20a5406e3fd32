import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import type { DatePrecision } from './types.js';

/**
 * chrono-node, loaded on first use, and its CommonJS build (the same version
 * and code as its ES build): the ES build is ~270 modules, each loaded
 * through tsx's loader thread, about half a second of every command's
 * start-up; require() loads this one in a fifth of that, and a run that never
 * needs it skips even that (docs/performance.md).
 */
let chronoModule: typeof Chrono | undefined;
const chrono = (): typeof Chrono => (chronoModule ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono);

/** A point in time as ISO-8601 UTC with how much of it the input actually said. */
export interface ResolvedDate {
  value: string;
  precision: DatePrecision;
}

const ISO_RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * Parses a strict ISO-8601 date or date-time ("2025", "2025-08", "2025-08-21",
 * "2025-08-21T12:00Z", "2025-08-21T12:00:05+02:00"). A date-time without an
 * offset is read as UTC: the machine's time zone must not change what a
 * record means. Returns null for anything else, including impossible dates
 * such as 2025-02-30.
 */
export function parseIsoDate(input: string): ResolvedDate | null {
  const s = input.trim();
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, zone] = m;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (h === undefined) {
    const date = utcDay(year, month, day);
    // 2025-02-30 rolls over to March; a rolled-over date was not a real one.
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    const precision: DatePrecision = d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year';
    return { value: date.toISOString(), precision };
  }
  if (Number(h) > 23 || Number(mi) > 59 || (sec !== undefined && Number(sec) > 59)) return null;
  const withZone = `${s.replace(' ', 'T')}${zone === undefined ? 'Z' : ''}`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) return null;
  // Date.parse accepts 2025-02-30T10:00Z by rolling over; check the calendar date survived.
  const local = utcDay(year, month, day);
  if (local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day) return null;
  return { value: new Date(ms).toISOString(), precision: sec !== undefined ? 'second' : 'minute' };
}

/**
 * Midnight UTC of a calendar day, any year 0000-9999 as written: Date.UTC
 * reads years 0-99 as 1900-1999, which stored "0000-01-01" as 1900
 * (issue 14, defect 11). Out-of-range days roll over, for the caller to see.
 */
function utcDay(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/**
 * Parses a date as found on the web: ISO-8601, RFC 822 (RSS pubDate), or
 * anything chrono-node reads as one explicit date ("August 19, 2025 10:00 GMT").
 * Returns null when nothing certain is found: a wrong date is worse than none.
 */
export function parseLooseDate(input: string): ResolvedDate | null {
  const s = input.trim();
  if (s === '') return null;
  const iso = parseIsoDate(s);
  if (iso) return iso;
  // RFC 822 / 2822 ("Tue, 19 Aug 2025 10:00:00 GMT"): Date.parse reads it; require a 4-digit year
  // and a month name so that bare numbers ("12") are not taken for dates.
  if (/\b\d{4}\b/.test(s) && /[a-z]{3}/i.test(s)) {
    const ms = Date.parse(s);
    if (!Number.isNaN(ms)) {
      const hasTime = /\d{1,2}:\d{2}/.test(s);
      const hasSeconds = /\d{1,2}:\d{2}:\d{2}/.test(s);
      if (!hasTime) {
        // A date without time is a calendar day; Date.parse would put it at local midnight.
        const d = new Date(ms);
        return { value: new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())).toISOString(), precision: 'day' };
      }
      return { value: new Date(ms).toISOString(), precision: hasSeconds ? 'second' : 'minute' };
    }
  }
  const parsed = chrono().parse(s, { instant: new Date(0), timezone: 'UTC' }, { forwardDate: false });
  const first = parsed[0];
  // Only an explicit year makes a date certain; chrono would otherwise guess one.
  if (!first || !first.start.isCertain('year') || !first.start.isCertain('month')) return null;
  const date = first.start.date();
  if (!first.start.isCertain('day')) {
    return { value: new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)).toISOString(), precision: 'month' };
  }
  if (!first.start.isCertain('hour')) {
    return { value: new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())).toISOString(), precision: 'day' };
  }
  return { value: date.toISOString(), precision: first.start.isCertain('second') ? 'second' : 'minute' };
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, few: 3, couple: 2,
};

const UNITS: Record<string, { ms: number; precision: DatePrecision }> = {
  second: { ms: 1000, precision: 'second' },
  sec: { ms: 1000, precision: 'second' },
  minute: { ms: 60_000, precision: 'minute' },
  min: { ms: 60_000, precision: 'minute' },
  hour: { ms: 3_600_000, precision: 'hour' },
  hr: { ms: 3_600_000, precision: 'hour' },
  day: { ms: 86_400_000, precision: 'day' },
  week: { ms: 7 * 86_400_000, precision: 'week' },
};

const AGO_RE =
  /^(?:about |around |over |almost |nearly )?(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}|a few|a couple of)\s+(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\.?$/i;
const WORD_RE = /^(just now|now|today|yesterday|last week|last month|last year)\.?$/i;

/** True when the line is nothing but a relative time ("an hour ago", "yesterday"). */
export function isRelativeTime(line: string): boolean {
  const s = line.trim();
  return AGO_RE.test(s) || WORD_RE.test(s);
}

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/**
 * Resolves a relative time ("an hour ago", "2 hours ago", "yesterday",
 * "3 days ago") against the retrieval time. Hour and minute values keep the
 * exact offset (precision says how far to trust it); day, week, month and year
 * values are truncated to the start of that UTC day or month or year, so one
 * day is always the same value.
 */
export function resolveRelativeTime(phrase: string, reference: Date): ResolvedDate | null {
  const s = phrase.trim().toLowerCase().replace(/\.$/, '');
  const ref = reference.getTime();
  const words = WORD_RE.exec(s);
  if (words) {
    switch (words[1]) {
      case 'just now':
      case 'now':
        return { value: new Date(ref).toISOString(), precision: 'minute' };
      case 'today':
        return { value: startOfDay(reference).toISOString(), precision: 'day' };
      case 'yesterday':
        return { value: startOfDay(new Date(ref - 86_400_000)).toISOString(), precision: 'day' };
      case 'last week':
        return { value: startOfDay(new Date(ref - 7 * 86_400_000)).toISOString(), precision: 'week' };
      case 'last month':
        return monthsAgo(reference, 1);
      case 'last year':
        return { value: new Date(Date.UTC(reference.getUTCFullYear() - 1, 0, 1)).toISOString(), precision: 'year' };
    }
  }
  const m = AGO_RE.exec(s);
  if (!m) return null;
  const countWord = (m[1] ?? '').replace(/^a (few|couple of)$/, '$1').replace(/ of$/, '');
  const count = /^\d+$/.test(countWord) ? Number(countWord) : NUMBER_WORDS[countWord];
  if (count === undefined) return null;
  const unit = (m[2] ?? '').replace(/s$/, '');
  if (unit === 'month') return monthsAgo(reference, count);
  if (unit === 'year') return { value: new Date(Date.UTC(reference.getUTCFullYear() - count, 0, 1)).toISOString(), precision: 'year' };
  const u = UNITS[unit];
  if (!u) return null;
  const at = new Date(ref - count * u.ms);
  if (u.precision === 'day' || u.precision === 'week') return { value: startOfDay(at).toISOString(), precision: u.precision };
  return { value: at.toISOString(), precision: u.precision };
}

function monthsAgo(reference: Date, n: number): ResolvedDate {
  return { value: new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth() - n, 1)).toISOString(), precision: 'month' };
}
