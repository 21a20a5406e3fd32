import { memoByString } from '../memo.js';

/**
 * Text normal forms shared by claims, republication and identity: lower
 * case, accents and quotation marks removed, contractions closed up
 * ("won't" -> "wont", so the negation stays one token), possessive "'s"
 * dropped ("Trump's" -> "trump"), every other non-alphanumeric run a space.
 */
export const normalizeText: (text: string) => string = memoByString(normalize, 20_000, 1_000);

function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/n't\b/g, 'nt')
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
