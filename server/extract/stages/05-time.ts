/**
 * Stage 5: time expressions, resolved against the article's date.
 *
 * Relative expressions are resolved here with our own rules, because news
 * prose means the past: "on Wednesday" in an article of Thursday 21 August is
 * 20 August (the most recent Wednesday on or before the article date), while
 * chrono-node picks the nearest one, which may lie ahead. Calendar dates
 * ("August 18", "18 August 2025") go to chrono-node, which handles their many
 * spellings; a date without a year that would fall after the article is moved
 * back one year. Expressions inside quotations are skipped: they date what was
 * said about, not the saying. A future marker before the expression in its
 * clause ("will meet on Friday", "before the summit in June") turns the
 * direction: the next such day or month (FUTURE_MARKERS in model/time.ts).
 */
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import type { Doc, TimeExpr } from '../doc.js';
import type { TimePrecision } from '../schema.js';
import { FUTURE_CLITICS, FUTURE_MARKERS, MONTHS, MONTH_ABBREVIATIONS, PAST_MARKERS, PAST_SAYING, WEEKDAYS } from '../model/time.js';

/**
 * chrono-node, loaded on first use, and its CommonJS build (the same version
 * and code as its ES build): the ES build is ~270 modules, each loaded
 * through tsx's loader thread, about half a second of every command's
 * start-up; require() loads this one in a fifth of that, and a run that never
 * needs it skips even that (docs/performance.md).
 */
let chronoModule: typeof Chrono | undefined;
const chrono = (): typeof Chrono => (chronoModule ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono);

const WD = WEEKDAYS.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('|');
const MO = [...MONTHS, ...MONTH_ABBREVIATIONS.map((m) => m + '\\.?')].map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|');
/** One alternation per kind of expression; named groups say which matched. */
const TIME_RE = new RegExp([
  `(?<cal>\\b(?:on\\s+)?(?:(?:${MO})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MO})(?:,?\\s+\\d{4})?)\\b)`,
  `(?<wd>\\b(?:(?:on|last|late|early|earlier\\s+on)\\s+)?(?:${WD})(?:\\s+(?:morning|afternoon|evening|night))?\\b)`,
  `(?<rel>\\b(?:(?:earlier|later)\\s+(?:this|last)|this|last|earlier\\s+in\\s+the|late\\s+last|early\\s+last|early\\s+this|late\\s+this)\\s+(?:week|month|year)\\b(?:['’]s)?)`,
  `(?<day>\\b(?:yesterday|today|tonight|earlier\\s+today|on\\s+the\\s+same\\s+day)\\b)`,
  `(?<ago>\\b(?:a|one|two|three|four|five|six|\\d{1,2})\\s+(?:day|days|week|weeks)\\s+ago\\b)`,
  `(?<mon>\\bin\\s+(?:${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})(?:\\s+\\d{4})?\\b)`,
].join('|'), 'gi');

const NUMBERS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const DAY = 86_400_000;

function iso(d: Date): string { return d.toISOString().slice(0, 10); }
function utcDay(d: Date): Date { return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())); }
function mondayOf(d: Date): Date { return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY); }

const FUTURE_RE = new RegExp(`(?:(?<![\\p{L}'’])(?:${FUTURE_MARKERS.join('|')})|(?:${FUTURE_CLITICS.join('|')}))(?![\\p{L}])`, 'iu');
const PAST_RE = new RegExp(`\\b(?:${PAST_MARKERS.join('|')})\\b`, 'i');
const SAYING_RE = new RegExp(`\\b(?:${PAST_SAYING.join('|')})\\b`, 'gi');

/**
 * Whether the words before a time expression, back to the start of its clause, put it in the future.
 * `before` is the sentence text up to the expression.
 */
export function futureContext(before: string, expr: string): boolean {
  if (PAST_RE.test(expr)) return false;
  const clause = before.split(/[;:,—–()"“”]|\s-\s/).pop() ?? '';
  const words = clause.trim().split(/\s+/).slice(-14).join(' ');
  const future = new RegExp(FUTURE_RE.source, 'giu');
  let lastFuture = -1;
  for (const m of words.matchAll(future)) lastFuture = m.index;
  if (lastFuture < 0 || PAST_RE.test(words)) return false;
  let lastSaying = -1;
  for (const m of words.matchAll(SAYING_RE)) lastSaying = m.index;
  return lastSaying < lastFuture;
}

/** What resolveTime takes from a calendar date: chrono-node's first result's start, or null when it finds none. */
export interface CalendarDate { year: number | undefined; month: number | undefined; day: number | undefined; yearCertain: boolean }

/** Month names and abbreviations as chrono-node's English dictionary spells them (no "may."). */
const MONTH_NUMBER = new Map<string, number>([
  ...MONTHS.map((m, i) => [m, i + 1] as const),
  ...['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'].flatMap((m) => {
    const n = m === 'sept' ? 9 : MONTHS.findIndex((full) => full.startsWith(m)) + 1;
    return [[m, n], [`${m}.`, n]] as const;
  }),
]);
const IN_MONTH_YEAR = /^in ([a-z]+) (\d{4})$/i;
const MONTH_DAY = /^(?:on )?([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/i;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+\.?)(?:,? (\d{4}))?$/i;

/** chrono-node's year for a date given without one: its findYearClosestToRef, step for step (local time, as chrono computes it). */
function yearClosestToRef(ref: Date, day: number, month: number): number {
  let date = new Date(ref);
  date.setMonth(month - 1);
  date.setDate(day);
  const next = new Date(date);
  next.setFullYear(next.getFullYear() + 1);
  const last = new Date(date);
  last.setFullYear(last.getFullYear() - 1);
  if (Math.abs(next.getTime() - ref.getTime()) < Math.abs(date.getTime() - ref.getTime())) date = next;
  else if (Math.abs(last.getTime() - ref.getTime()) < Math.abs(date.getTime() - ref.getTime())) date = last;
  return date.getFullYear();
}

/**
 * The start of chrono-node's first result for a calendar expression, with
 * `ref` as its reference date. The common spellings ("March 5", "5 March
 * 2020", "on Sept. 3, 2019", "in June 2018"; single spaces, a date that
 * exists, a year 1000-2999) are read here as chrono reads them, without
 * calling it: chrono
 * runs some thirty parsers per call and needs thousands of calls before its
 * code is fast, so it was a quarter of `extract --jsonl`'s time on the
 * Wikinews bench (docs/performance.md). Anything else goes to chrono.
 * test/extract/calendar-dates.test.ts checks the two agree on every spelling
 * read here, against a range of reference dates. Exported for that test.
 */
export function calendarDate(expr: string, ref: Date): CalendarDate | null {
  const inMonth = IN_MONTH_YEAR.exec(expr);
  if (inMonth && MONTHS.includes(inMonth[1]!.toLowerCase()) && /^[12]\d{3}$/.test(inMonth[2]!)) {
    // chrono's month-name parser: the day is implied, the first
    return { year: Number(inMonth[2]), month: MONTHS.indexOf(inMonth[1]!.toLowerCase()) + 1, day: 1, yearCertain: true };
  }
  const md = inMonth ? null : MONTH_DAY.exec(expr);
  const dm = md || inMonth ? null : DAY_MONTH.exec(expr);
  const month = md ? MONTH_NUMBER.get(md[1]!.toLowerCase()) : dm ? MONTH_NUMBER.get(dm[2]!.toLowerCase()) : undefined;
  const day = Number(md ? md[2] : dm?.[1]);
  const yearText = md ? md[3] : dm?.[3];
  if (month !== undefined && day >= 1 && (yearText === undefined || /^[12]\d{3}$/.test(yearText))) {
    const year = yearText === undefined ? yearClosestToRef(ref, day, month) : Number(yearText);
    // a date that does not exist (February 29 of a common year) is chrono's to judge
    if (day <= new Date(Date.UTC(year, month, 0)).getUTCDate()) return { year, month, day, yearCertain: yearText !== undefined };
  }
  const parsed = chrono().en.parse(expr, ref, { forwardDate: false })[0];
  if (!parsed) return null;
  const c = parsed.start;
  return { year: c.get('year') ?? undefined, month: c.get('month') ?? undefined, day: c.get('day') ?? undefined, yearCertain: c.isCertain('year') };
}

/**
 * Resolves one expression against the article date; exported for unit tests. `future` (from
 * futureContext) makes a weekday, a month or a calendar date without a year the next one on or after
 * the article date instead of the last one on or before it.
 */
export function resolveTime(expr: string, ref: Date | null, future = false): { value: string | null; precision: TimePrecision } {
  const e = expr.toLowerCase().replace(/\s+/g, ' ').replace(/['’]s$/, '');
  const wd = WEEKDAYS.findIndex((w) => e.includes(w));
  const calendar = /\d/.test(e) && !/ago$/.test(e);
  if (calendar) {
    const c = calendarDate(expr, ref ?? new Date());
    if (!c) return { value: null, precision: 'unknown' };
    let d = new Date(Date.UTC(c.year ?? 2000, (c.month ?? 1) - 1, c.day ?? 1));
    if (ref && !c.yearCertain && !future && d.getTime() > utcDay(ref).getTime() + DAY) d = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate()));
    if (ref && !c.yearCertain && future && d.getTime() < utcDay(ref).getTime()) d = new Date(Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate()));
    if (!ref && !c.yearCertain) return { value: null, precision: 'unknown' };
    return { value: iso(d), precision: 'day' };
  }
  if (/^in [a-z]+( \d{4})?$/.test(e) && MONTHS.some((m) => e.includes(m))) {
    const mi = MONTHS.findIndex((m) => e.includes(m));
    const y = /\d{4}/.exec(e)?.[0];
    if (!ref && !y) return { value: null, precision: 'unknown' };
    let year = y ? Number(y) : ref!.getUTCFullYear();
    if (!y && ref && !future && mi > ref.getUTCMonth()) year -= 1;
    if (!y && ref && future && mi < ref.getUTCMonth()) year += 1;
    return { value: `${year}-${String(mi + 1).padStart(2, '0')}-01`, precision: 'month' };
  }
  if (!ref) return { value: null, precision: 'unknown' };
  const today = utcDay(ref);
  if (wd >= 0) {
    if (future && !/\blast\b/.test(e)) {
      let ahead = (wd - today.getUTCDay() + 7) % 7;
      if (ahead === 0 && /\bnext\b/.test(e)) ahead = 7;
      return { value: iso(new Date(today.getTime() + ahead * DAY)), precision: 'day' };
    }
    let back = (today.getUTCDay() - wd + 7) % 7;
    // "last Friday" said on a Friday is a week ago; "on Friday" is today
    if (back === 0 && /\blast\b/.test(e)) back = 7;
    return { value: iso(new Date(today.getTime() - back * DAY)), precision: 'day' };
  }
  if (/yesterday/.test(e)) return { value: iso(new Date(today.getTime() - DAY)), precision: 'day' };
  if (/today|tonight|same day/.test(e)) return { value: iso(today), precision: 'day' };
  const ago = /^(\S+) (day|days|week|weeks) ago$/.exec(e);
  if (ago) {
    const n = NUMBERS[ago[1]!] ?? Number(ago[1]);
    const days = ago[2]!.startsWith('week') ? n * 7 : n;
    const d = new Date(today.getTime() - days * DAY);
    return ago[2]!.startsWith('week') ? { value: iso(mondayOf(d)), precision: 'week' } : { value: iso(d), precision: 'day' };
  }
  const last = /\blast\b/.test(e);
  if (e.endsWith('week')) {
    const m = mondayOf(today);
    return { value: iso(last ? new Date(m.getTime() - 7 * DAY) : m), precision: 'week' };
  }
  if (e.endsWith('month')) {
    const y = today.getUTCFullYear();
    const mo = today.getUTCMonth() - (last ? 1 : 0);
    const d = new Date(Date.UTC(y, mo, 1));
    return { value: iso(d), precision: 'month' };
  }
  if (e.endsWith('year')) return { value: `${today.getUTCFullYear() - (last ? 1 : 0)}-01-01`, precision: 'year' };
  return { value: null, precision: 'unknown' };
}

/** Finds and resolves time expressions in every sentence, outside quotations. */
export function times(doc: Doc): void {
  const out: TimeExpr[] = [];
  const { text, tokens } = doc;
  // one pass over the whole text; each match is assigned to the sentence that contains it
  let si = 0;
  let ti = 0;
  for (const m of text.matchAll(TIME_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    while (si < doc.sentences.length && doc.sentences[si]!.span[1] <= start) si++;
    const s = doc.sentences[si];
    if (!s || s.span[0] > start || end > s.span[1]) continue;
    while (ti < tokens.length && tokens[ti]!.start < start) ti++;
    const t = tokens[ti];
    // inside a quotation: it dates what was said about, not the saying
    if (t && t.quote !== -1 && doc.quotes[t.quote]!.open < start) continue;
    // "last month's announcement" dates a thing, not a saying: kept here, stage 6 filters by position
    const r = resolveTime(m[0], doc.publishedAt, futureContext(text.slice(s.span[0], start), m[0]));
    out.push({ span: [start, end], text: m[0], value: r.value, precision: r.precision, sentence: si });
  }
  doc.times = out;
}
