/**
 * The one way evaluation scripts round and print scores, so `npm run eval`'s
 * sections agree with each other and with score.sh (quote-score.ts is a
 * port of score_quotes.py): one decimal, exact halves to even as Python's
 * round() does.
 */

/** Rounds to one decimal as Python's round(x, 1) does on the value: exact halves go to the even digit. */
export function round1(x: number): number {
  const y = x * 10;
  const r = Math.round(y);
  // Math.round rounds .5 up; Python rounds exact halves to even
  if (Math.abs(y - Math.trunc(y)) === 0.5 && r % 2 !== 0) return (r - 1) / 10;
  return r / 10;
}

/** A fraction as a percentage, one decimal, right-aligned in 6 characters ("  n/a" for no value). */
export function pct(x: number | null): string {
  return x === null ? '  n/a' : `${round1(100 * x).toFixed(1).padStart(5)}%`;
}

/** a of b as a percentage with the counts: " 75.0% (3/4)"; "  n/a (0/0)" when b is 0. */
export function pctOf(a: number, b: number): string {
  return `${b === 0 ? '  n/a' : pct(a / b)} (${a}/${b})`;
}

/** Precision, recall and F1 already in percent (quote-score's PRF): "P 81.0 R 83.7 F1 82.3". */
export function prfText(s: { P: number; R: number; F1: number }): string {
  return `P ${s.P.toFixed(1)} R ${s.R.toFixed(1)} F1 ${s.F1.toFixed(1)}`;
}
