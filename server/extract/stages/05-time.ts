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
 * chrono-node's CommonJS build (the same version and code as its ES build):
 * the ES build is ~270 modules, each loaded through tsx's loader thread, about
 * half a second of every command's start-up; require() loads this one in a
 * fifth of that (docs/performance.md).
 */
const chrono = createRequire(import.meta.url)('chrono-node') as typeof Chrono;

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
    const parsed = chrono.en.parse(expr, ref ?? new Date(), { forwardDate: false })[0];
    if (!parsed) return { value: null, precision: 'unknown' };
    const c = parsed.start;
    let d = new Date(Date.UTC(c.get('year') ?? 2000, (c.get('month') ?? 1) - 1, c.get('day') ?? 1));
    if (ref && !c.isCertain('year') && !future && d.getTime() > utcDay(ref).getTime() + DAY) d = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate()));
    if (ref && !c.isCertain('year') && future && d.getTime() < utcDay(ref).getTime()) d = new Date(Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate()));
    if (!ref && !c.isCertain('year')) return { value: null, precision: 'unknown' };
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
