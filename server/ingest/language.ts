import { franc } from 'franc-min';

/**
 * The commonest English function words: a sample where they are at least a
 * fifth of the words is English without asking franc, whose trigram model
 * cost more than the whole extraction on news text (profiled on the bundled
 * Wikinews articles). Other languages share few of these words.
 */
const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'on', 'was', 'with', 'as', 'by', 'it', 'he', 'she',
  'said', 'at', 'from', 'his', 'her', 'have', 'has', 'are', 'were', 'be', 'this', 'an', 'they', 'not', 'but', 'will',
]);
const ENGLISH_SHARE = 0.2;
const LONGEST_FUNCTION_WORD = Math.max(...[...ENGLISH_FUNCTION_WORDS].map((w) => w.length));

/** Below this many words the detector's guess is noise (short texts are "und", treated as English). */
const MIN_WORDS = 20;

/**
 * ISO 639-3 code of the text's language ("eng"), or "und" when the text is
 * too short to tell. The pipeline extracts "eng" and "und" only.
 */
export function detectLanguage(text: string): string {
  // franc is slow and no more accurate on long inputs; the first few thousand characters decide.
  const sample = text.slice(0, 4000);
  if (!hasWords(sample, MIN_WORDS)) return 'und';
  const { words, common } = functionWordCount(sample.slice(0, 1500).toLowerCase());
  if (words >= MIN_WORDS && common / words >= ENGLISH_SHARE) return 'eng';
  return franc(sample);
}

const LETTER = /^\p{L}$/u;

/** Width in UTF-16 units of the letter (\p{L}) at `i`, or 0 when the character there is not a letter. */
function letterWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? 1 : 0;
  const cp = s.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  return LETTER.test(ch) ? ch.length : 0;
}

/**
 * The words of `text` as `text.match(/\p{L}+/gu)` finds them (runs of
 * letters), counted, and how many are English function words. A scan: the
 * Unicode expression cost more than the rest of the ingest of a news article.
 */
export function functionWordCount(text: string): { words: number; common: number } {
  let words = 0;
  let common = 0;
  let i = 0;
  while (i < text.length) {
    let w = letterWidth(text, i);
    if (w === 0) { i++; continue; }
    const start = i;
    while (w > 0) { i += w; w = i < text.length ? letterWidth(text, i) : 0; }
    words++;
    // a run longer than every function word is not one: no slice for it
    if (i - start <= LONGEST_FUNCTION_WORD && ENGLISH_FUNCTION_WORDS.has(text.slice(start, i))) common++;
  }
  return { words, common };
}

/** Whether `text` has at least `n` whitespace-separated words: counts no further than `n` (the whole count was a split of every article). */
function hasWords(text: string, n: number): boolean {
  const word = /\S+/g;
  let count = 0;
  while (count < n && word.exec(text)) count++;
  return count >= n;
}
