import { describe, expect, test } from 'vitest';
import { bucketStart, dayInterval, finerTime, gapDays, overlaps, timeInterval } from '../../server/time/index.js';

/**
 * server/time: one semantics of a time with a precision (issue 17). The
 * expected intervals are worked out by hand from the calendar: 2024 is a
 * leap year, 2025-03-03 a Monday, epoch day 19723 is 2024-01-01.
 */
const D = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('timeInterval: [start, end) in ms', () => {
  test.each([
    { value: '2025-03-05', precision: 'day', want: [D('2025-03-05'), D('2025-03-06')] },
    { value: '2025-03-05T22:30:00Z', precision: 'day', want: [D('2025-03-05'), D('2025-03-06')] },
    { value: '2025-03-03', precision: 'week', want: [D('2025-03-03'), D('2025-03-10')] },
    { value: '2025-02', precision: 'month', want: [D('2025-02-01'), D('2025-03-01')] },
    { value: '2024-02-01', precision: 'month', want: [D('2024-02-01'), D('2024-03-01')] },
    { value: '2024', precision: 'year', want: [D('2024-01-01'), D('2025-01-01')] },
    { value: '2025-12', precision: 'month', want: [D('2025-12-01'), D('2026-01-01')] },
    { value: '2025-03-05', precision: 'article', want: [D('2025-03-05'), D('2025-03-06')] },
    { value: '2025-03-05', precision: 'unknown', want: null },
    { value: null, precision: 'day', want: null },
    { value: 'soon', precision: 'day', want: null },
  ])('$value at $precision -> $want', ({ value, precision, want }) => {
    expect(timeInterval(value, precision)).toEqual(want);
  });

  test('an article-dated time says nothing when asked so (a statement whose own time is unknown)', () => {
    expect(timeInterval('2025-03-05', 'article', 'none')).toBeNull();
  });
});

describe('dayInterval: epoch days, both ends inclusive', () => {
  test.each([
    { value: '2024-01-01', precision: 'day', want: [19723, 19723] },
    { value: '2024-01-01', precision: 'week', want: [19723, 19729] },
    { value: '2024-02', precision: 'month', want: [19754, 19782] }, // 29 days in February 2024
    { value: '2024', precision: 'year', want: [19723, 20088] }, // 366 days
  ])('$value at $precision -> $want', ({ value, precision, want }) => {
    expect(dayInterval(value, precision)).toEqual(want);
  });
});

describe('comparing intervals', () => {
  test.each([
    { a: [0, 10], b: [10, 20], overlap: false },
    { a: [0, 11], b: [10, 20], overlap: true },
    { a: [5, 6], b: [0, 100], overlap: true },
  ])('[$a) and [$b) overlap: $overlap', ({ a, b, overlap }) => {
    expect(overlaps(a as [number, number], b as [number, number])).toBe(overlap);
  });

  test.each([
    { a: [10, 12], b: [15, 15], gap: 3 },
    { a: [15, 15], b: [10, 12], gap: 3 },
    { a: [10, 20], b: [12, 13], gap: 0 },
  ])('days between [$a] and [$b]: $gap', ({ a, b, gap }) => {
    expect(gapDays(a as [number, number], b as [number, number])).toBe(gap);
  });

  test.each([
    { a: { value: '2025-03', precision: 'month' }, b: { value: '2025-03-05', precision: 'day' }, want: 'b' },
    { a: { value: '2025-03-05', precision: 'day' }, b: { value: '2025', precision: 'year' }, want: 'a' },
    { a: { value: null, precision: 'unknown' }, b: { value: '2025', precision: 'year' }, want: 'b' },
    { a: { value: '2025-03-05', precision: 'article' }, b: { value: '2025-03-03', precision: 'week' }, want: 'b' },
  ])('the finer of $a.value ($a.precision) and $b.value ($b.precision) is $want', ({ a, b, want }) => {
    expect(finerTime(a, b)).toBe(want === 'a' ? a : b);
  });
});

describe('bucketStart', () => {
  test.each([
    { day: '2025-03-05', bucket: 'day', want: '2025-03-05' },
    { day: '2025-03-05', bucket: 'week', want: '2025-03-03' },
    { day: '2025-03-03', bucket: 'week', want: '2025-03-03' },
    { day: '2025-03-09', bucket: 'week', want: '2025-03-03' },
    { day: '2025-01-01', bucket: 'week', want: '2024-12-30' },
    { day: '2025-03-05', bucket: 'month', want: '2025-03-01' },
    { day: '2025-03', bucket: 'day', want: '2025-03-01' },
    { day: '2025', bucket: 'week', want: '2025-01-01' },
  ] as const)('$day in a $bucket bucket starts $want', ({ day, bucket, want }) => {
    expect(bucketStart(day, bucket)).toBe(want);
  });
});
