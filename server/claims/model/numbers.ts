/**
 * Number words and multipliers for comparing figures across outlets:
 * "2.6million", "2.6 million" and "2,600,000" are one figure, "$3bn" and
 * "3 billion dollars" too. text.ts `canonicalNumbers` applies them; keys
 * are lower case.
 */

/** Multiplier words and abbreviations written after a figure ("2.6 million", "$3bn", "40k"). */
export const MULTIPLIERS: Readonly<Record<string, number>> = {
  thousand: 1e3, k: 1e3,
  million: 1e6, mln: 1e6, mn: 1e6, m: 1e6,
  billion: 1e9, bn: 1e9, b: 1e9,
  trillion: 1e12, tn: 1e12, tr: 1e12,
};

/** Number words spelled out in reported speech ("three times", "a dozen"), read as figures. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12,
};

/** Currency signs and words dropped from a figure: "$3bn" and "3 billion dollars" compare equal. */
export const CURRENCY_SIGNS = '$£€¥';
export const CURRENCY_WORDS: ReadonlySet<string> = new Set(['dollar', 'dollars', 'usd', 'euro', 'euros', 'pound', 'pounds']);

/** Percent written as a sign or a word. */
export const PERCENT_WORDS: ReadonlySet<string> = new Set(['%', 'percent', 'per cent', 'pct']);
