import { bandKeys, minhash } from './minhash.js';
import { polarForm, shingles, words } from './text.js';
import type { ClaimStatement } from './similarity.js';

/**
 * Statement keys: MinHash over the bigrams of the polarity-neutral content
 * words, 8 bands of 2 rows. Two contents with bigram Jaccard 0.5 (the seed
 * page's "sincere desire" pair) share a key with probability 0.90, at 0.3
 * with 0.53, at 0.1 with 0.08. Keys are scoped by an actor: the speaker's
 * scope finds other reports of the same speaker (claims, and the speaker's
 * own reversals), each ABOUT actor's scope finds other speakers on the same
 * subject (contradiction candidates). Neutral words make "will accept" and
 * "will not accept" share keys, so opposites are found as candidates.
 */
export const STATEMENT_BANDS = 8;
export const STATEMENT_ROWS = 2;

/** The (:Band) keys of one statement; none without content words or actors. */
export function statementKeys(s: Pick<ClaimStatement, 'content' | 'cueClass' | 'speakerId' | 'aboutIds'>): string[] {
  const sig = minhash(shingles(polarForm(s.content, s.cueClass).neutral, 2), STATEMENT_BANDS * STATEMENT_ROWS);
  const scopes = [...new Set([...(s.speakerId ? [`sp|${s.speakerId}`] : []), ...s.aboutIds.map((id) => `ab|${id}`)])];
  return scopes.flatMap((scope) => bandKeys(sig, STATEMENT_BANDS, STATEMENT_ROWS, scope));
}

/**
 * Article keys for near-duplicate detection: MinHash over word 3-shingles
 * of the whole normalised text (stopwords kept: copies keep them too),
 * 64 values in 16 bands of 4 rows. Resemblance 0.8 shares a key with
 * probability 0.9998, 0.5 with 0.64, 0.2 with 0.03; the candidates found
 * are then checked exactly (republication.ts).
 */
export const ARTICLE_BANDS = 16;
export const ARTICLE_ROWS = 4;
export const ARTICLE_SHINGLE = 3;
/** Shorter texts carry too little evidence to call one a copy of another. */
export const MIN_ARTICLE_WORDS = 40;

/** The word 3-shingles of an article text. */
export function articleShingles(text: string): Set<string> {
  return new Set(shingles(words(text), ARTICLE_SHINGLE));
}

/** The (:Band) keys of one article text; none for a short text. */
export function articleKeys(text: string): string[] {
  const w = words(text);
  if (w.length < MIN_ARTICLE_WORDS) return [];
  return bandKeys(minhash(shingles(w, ARTICLE_SHINGLE), ARTICLE_BANDS * ARTICLE_ROWS), ARTICLE_BANDS, ARTICLE_ROWS, 'art');
}
