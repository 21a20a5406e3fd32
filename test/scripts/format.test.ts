import { describe, expect, test } from 'vitest';
import { pct, pctOf, prfText, round1 } from '../../scripts/eval/format.js';

/** The evaluation scripts' one formatter (scripts/eval/format.ts): Python's rounding, fixed widths. */
describe('evaluation score formatting', () => {
  test.each([
    // Exact halves go to the even digit, as Python's round(x, 1).
    { x: 12.25, out: 12.2 },
    { x: 12.75, out: 12.8 },
    { x: 0.25, out: 0.2 },
    // Anything else to the nearest.
    { x: 12.26, out: 12.3 },
    { x: 99.94, out: 99.9 },
    { x: 0, out: 0 },
  ])('round1($x) = $out', ({ x, out }) => {
    expect(round1(x)).toBe(out);
  });

  test.each([
    { x: 0.5, out: ' 50.0%' },
    { x: 1, out: '100.0%' },
    { x: 0.0125, out: '  1.2%' },
    { x: null, out: '  n/a' },
  ])('pct($x) = "$out"', ({ x, out }) => {
    expect(pct(x)).toBe(out);
  });

  test.each([
    { a: 3, b: 4, out: ' 75.0% (3/4)' },
    { a: 0, b: 0, out: '  n/a (0/0)' },
  ])('pctOf($a, $b) = "$out"', ({ a, b, out }) => {
    expect(pctOf(a, b)).toBe(out);
  });

  test('prfText prints precision, recall and F1 with one decimal', () => {
    expect(prfText({ P: 81, R: 83.7, F1: 82.3 })).toBe('P 81.0 R 83.7 F1 82.3');
  });
});
