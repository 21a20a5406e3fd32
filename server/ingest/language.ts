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
  const head = sample.slice(0, 1500).toLowerCase().match(/\p{L}+/gu) ?? [];
  let common = 0;
  for (const w of head) if (ENGLISH_FUNCTION_WORDS.has(w)) common++;
  if (head.length >= MIN_WORDS && common / head.length >= ENGLISH_SHARE) return 'eng';
  return franc(sample);
}

/** Whether `text` has at least `n` whitespace-separated words: counts no further than `n` (the whole count was a split of every article). */
function hasWords(text: string, n: number): boolean {
  const word = /\S+/g;
  let count = 0;
  while (count < n && word.exec(text)) count++;
  return count >= n;
}
