import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import { describe, expect, test } from 'vitest';
import { calendarDate, resolveTime } from '../../server/extract/stages/05-time.js';

/**
 * Stage 5 reads the common calendar spellings itself instead of calling
 * chrono-node (a speed-up, docs/performance.md). It must read them exactly
 * as chrono does: here both read a grid of spellings (month names and
 * abbreviations in three cases, days 0-32 with and without ordinal
 * suffixes, "on", "of", commas, years in and out of chrono's range) against
 * reference dates chosen near year ends, month ends and a leap day.
 */
const chrono = createRequire(import.meta.url)('chrono-node') as typeof Chrono;

function chronoStart(expr: string, ref: Date) {
  const parsed = chrono.en.parse(expr, ref, { forwardDate: false })[0];
  if (!parsed) return null;
  const c = parsed.start;
  return { year: c.get('year') ?? undefined, month: c.get('month') ?? undefined, day: c.get('day') ?? undefined, yearCertain: c.isCertain('year') };
}

const FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
const MONTHS = [...FULL, ...ABBR, ...ABBR.map((m) => `${m}.`), 'May.', 'march', 'MARCH', 'sept.', 'DEC.'];
const DAYS = ['0', '1', '1st', '2nd', '3rd', '4th', '09', '12', '21st', '28', '29', '29th', '30', '31', '31st', '32', '1th', '2ND'];
const YEARS = ['', ' 2020', ', 2020', ' 1999', ', 2031', ' 3020', ', 0999'];
const REFS = ['2020-03-10T09:00:00Z', '2019-03-01T10:00:00Z', '2024-02-10T10:00:00Z', '2019-12-31T23:30:00Z', '2020-02-29T12:00:00Z', '2021-08-31T00:30:00Z', '2021-01-01T00:10:00Z'].map((s) => new Date(s));

function spellings(month: string): string[] {
  const out: string[] = [];
  for (const d of DAYS) {
    for (const y of YEARS) out.push(`${month} ${d}${y}`, `On ${month} ${d}${y}`, `${d} ${month}${y}`, `${d} of ${month}${y}`);
    out.push(`${month}  ${d}`, `on ${month}\n${d}`);
  }
  for (const y of YEARS) out.push(`in ${month}${y}`, `In ${month}${y}`);
  return out;
}

describe('calendar dates read as chrono-node reads them', () => {
  test.each(MONTHS)('every spelling with %s, against every reference date', (month) => {
    const differ: string[] = [];
    for (const ref of REFS) {
      for (const expr of spellings(month)) {
        const ours = calendarDate(expr, ref);
        const theirs = chronoStart(expr, ref);
        if (JSON.stringify(ours) !== JSON.stringify(theirs)) differ.push(`${expr} @ ${ref.toISOString()}: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
      }
    }
    expect(differ).toEqual([]);
  }, 120_000);

  test.each([
    { expr: 'March 5', ref: '2020-03-10T09:00:00Z', value: '2020-03-05' },
    { expr: 'on Dec. 30', ref: '2021-01-02T09:00:00Z', value: '2020-12-30' },
    { expr: '4 July 2019', ref: '2020-03-10T09:00:00Z', value: '2019-07-04' },
    { expr: 'in June 2018', ref: '2020-03-10T09:00:00Z', value: '2018-06-01' },
    { expr: 'February 29', ref: '2020-03-10T09:00:00Z', value: '2020-02-29' },
  ])('resolveTime("$expr") against $ref -> $value', ({ expr, ref, value }) => {
    expect(resolveTime(expr, new Date(ref)).value).toBe(value);
  });
});
