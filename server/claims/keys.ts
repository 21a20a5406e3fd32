import { bandKeys, minhash } from './minhash.js';
import { polarForm, shingles, words } from './text.js';
import type { ClaimStatement } from './similarity.js';

/**
 * Statement keys: MinHash over the bigrams of the polarity-neutral content
 * words. Keys are scoped by an actor and by a two-week period of the
 * reporting article's date:
 * - the speaker's scope, 8 bands of 2 rows: finds other reports of the same
 *   speaker (claims, and the speaker's own reversals). Contents with bigram
 *   Jaccard 0.5 (the seed page's "sincere desire" pair) share a key with
 *   probability 0.90, at 0.3 with 0.53, at 0.1 with 0.08;
 * - each ABOUT actor's scope, the first 4 of those bands: finds other
 *   speakers on the same subject (contradiction candidates, which must be
 *   near-identical propositions: 0.68 at 0.5, 0.93 at 0.7).
 * Neutral words make "will accept" and "will not accept" share keys, so
 * opposites are found as candidates. The period bounds the population of
 * a key by time, not by the size of the store: a statement is written under
 * its own period and looks up its own and both neighbours, which covers
 * MAX_REPORT_GAP_DAYS (14) either side. Reports further apart than that are
 * not the same utterance anyway (times.ts); contradictions across months
 * are out of reach (docs/claims.md, limits).
 */
export const STATEMENT_BANDS = 8;
export const STATEMENT_ROWS = 2;
export const ABOUT_BANDS = 4;
export const PERIOD_DAYS = 14;

/** The period of a date for keys: two-week buckets of epoch days; "x" for an unknown date. */
export function period(date: string | null): string {
  if (date === null) return 'x';
  const t = Date.parse(date);
  return Number.isNaN(t) ? 'x' : String(Math.floor(t / 86_400_000 / PERIOD_DAYS));
}

/** The periods to look a statement up in: its own and both neighbours. */
function nearPeriods(p: string): string[] {
  return p === 'x' ? ['x'] : [Number(p) - 1, Number(p), Number(p) + 1].map(String);
}

type Keyed = Pick<ClaimStatement, 'content' | 'cueClass' | 'speakerId' | 'aboutIds' | 'articleDate'>;

function scopedKeys(s: Keyed, periods: string[]): string[] {
  const sig = minhash(shingles(polarForm(s.content, s.cueClass).neutral, 2), STATEMENT_BANDS * STATEMENT_ROWS);
  if (sig.length === 0) return [];
  const keys: string[] = [];
  for (const p of periods) {
    if (s.speakerId) keys.push(...bandKeys(sig, STATEMENT_BANDS, STATEMENT_ROWS, `sp|${s.speakerId}|${p}`));
    for (const a of new Set(s.aboutIds)) keys.push(...bandKeys(sig, ABOUT_BANDS, STATEMENT_ROWS, `ab|${a}|${p}`));
  }
  return keys;
}

/** The (:Band) keys a statement is stored under; none without content words or actors. */
export function statementKeys(s: Keyed): string[] {
  return scopedKeys(s, [period(s.articleDate)]);
}

/** The keys to find a statement's candidates by: its own period's and both neighbours'. */
export function statementLookupKeys(s: Keyed): string[] {
  return scopedKeys(s, nearPeriods(period(s.articleDate)));
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
