import { memoByString } from '../memo.js';

/**
 * Text normal forms shared by claims, republication and identity: lower
 * case, accents and quotation marks removed, contractions closed up
 * ("won't" -> "wont", so the negation stays one token), possessive "'s"
 * dropped ("Trump's" -> "trump"), every other non-alphanumeric run a space.
 */
export const normalizeText: (text: string) => string = memoByString(normalize, 20_000, 1_000);

function normalize(text: string): string {
  return plainText(text) ? normalizePlain(text) : normalizeAny(text);
}

/**
 * Whether every code unit is ASCII or one of the typographic marks English news is full of (curly quotes, en and
 * em dashes): none of them decomposes (NFKD), carries a mark or has a case outside ASCII, so normalizePlain gives
 * what normalizeAny gives, without the Unicode passes (test/claims/text-scan.test.ts compares the two).
 */
function plainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2013 || c === 0x2014) continue;
    return false;
  }
  return true;
}

/** normalizeAny for plainText: the same steps, with ASCII letters and digits as the only letters and digits. */
function normalizePlain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/n't\b/g, 'nt')
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function normalizeAny(text: string): string {
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
