import { ANTONYMS, NEGATING_CUE_CLASSES, NEGATION_CUES } from './model/polarity.js';
import { STOPWORDS } from './model/stopwords.js';
import { SPELLING_VARIANTS } from './model/variants.js';

/**
 * Text normal forms shared by claims, republication and identity: lower
 * case, accents and quotation marks removed, contractions closed up
 * ("won't" -> "wont", so the negation stays one token), possessive "'s"
 * dropped ("Trump's" -> "trump"), every other non-alphanumeric run a space.
 */
export function normalizeText(text: string): string {
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

/**
 * Light stemming, enough to meet "troops"/"troop" and "talks"/"talk"
 * without a dictionary: plural and third-person "s" only. Short words and
 * "-ss/-us/-is" endings are left alone ("press", "status", "crisis").
 */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Every word of the text, normalised, spelling variants folded, not stemmed. */
function rawWords(text: string): string[] {
  const norm = normalizeText(text);
  if (norm === '') return [];
  return norm.split(' ').map((w) => SPELLING_VARIANTS[w] ?? w);
}

/** Every word of the text, normalised, spelling variants folded, stemmed. */
export function words(text: string): string[] {
  return rawWords(text).map(stem);
}

/** The words that carry content, stemmed: stopwords removed (negations kept: they are not stopwords). */
export function contentWords(text: string): string[] {
  return rawWords(text)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

const POSITIVE_OF = new Map<string, string>(ANTONYMS.map(([pos, neg]) => [neg, pos]));

/** A statement content reduced to what it asserts and whether it asserts it or its opposite. */
export interface PolarForm {
  /** Content words with negation cues dropped and each negative antonym replaced by its positive member. */
  neutral: string[];
  /** +1 or -1: the parity of negation cues, negative antonyms and a denying cue. */
  polarity: 1 | -1;
  /** The words that flipped the polarity, for the contradiction's reason. */
  flips: string[];
}

/** Splits content words into their polarity-neutral form and a polarity. */
export function polarForm(content: string, cueClass: string | null = null): PolarForm {
  const neutral: string[] = [];
  const flips: string[] = [];
  for (const w of contentWords(content)) {
    if (NEGATION_CUES.has(w)) {
      flips.push(w);
      continue;
    }
    const pos = POSITIVE_OF.get(w);
    if (pos !== undefined) {
      flips.push(w);
      neutral.push(pos);
    } else {
      neutral.push(w);
    }
  }
  if (cueClass !== null && NEGATING_CUE_CLASSES.has(cueClass)) flips.push(`(cue: ${cueClass})`);
  return { neutral, polarity: flips.length % 2 === 0 ? 1 : -1, flips };
}

/** Word n-grams ("shingles") joined by a space; a text shorter than n is one shingle of all its words. */
export function shingles(tokens: readonly string[], n: number): string[] {
  if (tokens.length === 0) return [];
  if (tokens.length <= n) return [tokens.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  return out;
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const inter = intersectionSize(a, b);
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

/** |A ∩ B| / min(|A|, |B|): 1 when the smaller set is inside the larger (a trimmed quote). */
export function overlap<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const min = Math.min(a.size, b.size);
  return min === 0 ? 0 : intersectionSize(a, b) / min;
}

/** |A ∩ B| / |A|: how much of A is found in B. */
export function containment<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  return a.size === 0 ? 0 : intersectionSize(a, b) / a.size;
}

function intersectionSize<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n += 1;
  return n;
}
