import { bandKeys, bandSuffixes, hash32, minhash, minhashOfHashes, shingleHashes } from './minhash.js';
import { memoByString } from '../memo.js';
import { normalizeContent, polarForm, shingles, words } from './text.js';
import { ownTime } from './times.js';
import type { ClaimStatement } from './similarity.js';

/**
 * Statement keys: MinHash over the polarity-neutral content words (single
 * words: a paraphrase reorders them, which breaks word pairs; "we will not
 * charge pupils for the school trips" / "the school won't charge for trips
 * of its pupils" share 1 of 6 bigrams but 3 of 6 words).
 * Keys are scoped by an actor and by a two-week period:
 * - the speaker's scope, 8 bands of 2 rows: finds other reports of the same
 *   speaker (claims, and the speaker's own reversals). Contents with word
 *   Jaccard 0.5 share a key with probability 0.90, at 0.3 with 0.53, at 0.1
 *   with 0.08 (the seed page's "sincere desire" pair is 4/6: 0.99);
 * - each ABOUT actor's scope, the first 4 of those bands: finds other
 *   speakers on the same subject (contradiction candidates, which must be
 *   near-identical propositions: 0.68 at 0.5, 0.93 at 0.7).
 * Neutral words make "will accept" and "will not accept" share keys, so
 * opposites are found as candidates. The period bounds the population of
 * a key by time, not by the size of the store: a statement is written under
 * its own period (that of its saidAt when precise, and that of its report)
 * and looks up those and their neighbours, which covers
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

type Keyed = Pick<ClaimStatement, 'content' | 'cueClass' | 'speakerId' | 'aboutIds' | 'articleDate' | 'saidAt' | 'saidAtPrecision'>;

function scopedKeys(s: Keyed, periods: string[]): string[] {
  const suffixes = statementBandSuffixes(s.content);
  if (suffixes.length === 0) return [];
  const abouts = [...new Set(s.aboutIds)];
  const keys: string[] = [];
  // A subject's keys are the first ABOUT_BANDS of the speaker's bands (the same rows) under another scope.
  for (const p of periods) {
    if (s.speakerId) for (const suffix of suffixes) keys.push(`sp|${s.speakerId}|${p}:${suffix}`);
    for (const a of abouts) for (let b = 0; b < ABOUT_BANDS; b++) keys.push(`ab|${a}|${p}:${suffixes[b]}`);
  }
  return keys;
}

/**
 * The scope-free band keys of a content (minhash.ts bandSuffixes): MinHash over its polarity-neutral words, which
 * do not depend on the cue (a denying cue flips polarity only). Remembered: a statement's keys are made twice
 * (stored and looked up under), and a repeated quote again.
 */
const statementBandSuffixes: (content: string) => readonly string[] = memoByString(
  (content) => bandSuffixes(minhash(polarForm(content).neutral, STATEMENT_BANDS * STATEMENT_ROWS), STATEMENT_BANDS, STATEMENT_ROWS),
  20_000,
  2_000,
);

/**
 * The periods a statement is filed under: its own time's (saidAt, when
 * precise) and its report's. A report weeks later of "what he said on 3
 * March" is filed, and looks, under March too, so it meets March's reports.
 */
function ownPeriods(s: Keyed): string[] {
  return [...new Set([period(ownTime(s)), period(s.articleDate)])];
}

/**
 * Anchor keys, for a short quote inside a long one: MinHash bands rarely
 * surface it (a 4-word fragment of a 30-word quote has bigram Jaccard ~0.1).
 * Winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003): of every
 * ANCHOR_WINDOW consecutive word ANCHOR_SHINGLE-grams of the normalised
 * content (stopwords kept: quotes keep them), the one with the smallest hash
 * is an anchor. Two texts sharing a run of ANCHOR_SHINGLE + ANCHOR_WINDOW - 1
 * = 7 words or more share an anchor, whatever surrounds the run. About 2 /
 * (ANCHOR_WINDOW + 1) of the positions are anchors, at most MAX_ANCHORS (the
 * smallest hashes: a choice both texts make alike). Not scoped by speaker,
 * so "Lind" and "Ada Lind", or a report without a speaker, meet on a
 * verbatim quote; not scoped by time, so a re-quote months later is found
 * (the decision still checks times). Every key holds at most
 * BAND_MEMBERS_CAP members, which keeps a stock phrase's key from growing
 * with the store.
 */
export const ANCHOR_SHINGLE = 4;
export const ANCHOR_WINDOW = 4;
export const MAX_ANCHORS = 24;

/** The anchor keys of a content; none below ANCHOR_SHINGLE words. Remembered (a statement's are asked twice): not to be modified. */
export const anchorKeys: (content: string) => readonly string[] = memoByString(anchorKeysOf, 20_000, 2_000);

function anchorKeysOf(content: string): string[] {
  const norm = normalizeContent(content);
  if (norm === '') return [];
  const ws = norm.split(' ');
  if (ws.length < ANCHOR_SHINGLE) return [];
  const grams = shingles(ws, ANCHOR_SHINGLE).map((g) => ({ g, h: hash32(`q ${g}`) }));
  const picked = new Map<string, number>();
  for (let i = 0; i + ANCHOR_WINDOW <= Math.max(grams.length, ANCHOR_WINDOW); i++) {
    let best = grams[i]!;
    for (let k = i + 1; k < i + ANCHOR_WINDOW && k < grams.length; k++) {
      const x = grams[k]!;
      if (x.h < best.h || (x.h === best.h && x.g < best.g)) best = x;
    }
    picked.set(best.g, best.h);
  }
  return [...picked.entries()]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_ANCHORS)
    .map(([, h]) => `q:${h.toString(36)}`);
}

/** The (:_Band) keys a statement is stored under; none without content words or actors. */
export function statementKeys(s: Keyed): string[] {
  return [...scopedKeys(s, ownPeriods(s)), ...anchorKeys(s.content)];
}

/** The keys to find a statement's candidates by: its own periods' and their neighbours', and its anchors. */
export function statementLookupKeys(s: Keyed): string[] {
  return [...scopedKeys(s, [...new Set(ownPeriods(s).flatMap(nearPeriods))]), ...anchorKeys(s.content)];
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

/**
 * The words of an article text (words()), remembered for the last few hundred texts: a new article's text is read
 * for its keys and its republication check, a stored one each time it is a candidate.
 */
export const articleWords: (text: string) => readonly string[] = memoByString((text) => {
  const joined = articleWordsJoined(text);
  return typeof joined !== 'string' ? joined : joined === '' ? [] : joined.split(' ');
}, 1_024);

/**
 * An article text's words joined by single spaces: the same words in a string, about a tenth of the memory of
 * the list, so four times as many texts are remembered (a candidate checked again hundreds of articles later, as
 * copies of one story come in, is not normalised again). The list itself when a word is empty or holds a space
 * (then the join would not give it back). Texts over 20,000 characters are not remembered here.
 */
const articleWordsJoined: (text: string) => string | readonly string[] = memoByString((text) => {
  const ws = words(text);
  return ws.every((w) => w !== '' && !w.includes(' ')) ? ws.join(' ') : ws;
}, 4_096, 20_000);

/** The word 3-shingles of an article text (remembered: a stored article is checked again each time it is a candidate). */
export const articleShingles: (text: string) => ReadonlySet<string> = memoByString((text) => new Set(shingles(articleWords(text), ARTICLE_SHINGLE)), 512);

/** The (:_Band) keys of one article text; none for a short text. */
export function articleKeys(text: string): string[] {
  const w = articleWords(text);
  if (w.length < MIN_ARTICLE_WORDS) return [];
  return bandKeys(minhashOfHashes(shingleHashes(w, ARTICLE_SHINGLE), ARTICLE_BANDS * ARTICLE_ROWS), ARTICLE_BANDS, ARTICLE_ROWS, 'art');
}
