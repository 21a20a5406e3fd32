import { ARTICLE_SHINGLE, articleShingles, articleWords, MIN_ARTICLE_WORDS } from './keys.js';
import { containment, jaccard } from './text.js';

/**
 * Republication: an article whose text is the same or nearly the same as an
 * earlier one (a wire copy, an aggregator's page, a lightly edited rerun).
 * Candidates come from the article band keys; each is checked exactly on
 * word 3-shingles: resemblance (Jaccard) >= 0.5, or containment >= 0.8 of
 * the shorter text in the longer (a trimmed copy). Unrelated articles on one
 * story share well under 0.1 of their 3-shingles; light edits keep a copy
 * far above 0.5 (measured in test/claims/republication.test.ts).
 */
export const REPUBLISH_JACCARD = 0.5;
export const REPUBLISH_CONTAINMENT = 0.8;

export interface ArticleText {
  id: string;
  text: string;
  /** Published, else retrieved: which one came first. */
  date: string | null;
  /** The article this one is already marked as republishing, if any. */
  republishes?: string | null;
}

export interface RepublishLink {
  /** The copy. */
  from: string;
  /** The earlier article it copies. */
  to: string;
  score: number;
  reason: string;
}

/** How alike two texts are, when alike enough to be copies. */
export function copyMatch(a: ReadonlySet<string>, b: ReadonlySet<string>): { score: number; reason: string } | null {
  const j = jaccard(a, b);
  if (j >= REPUBLISH_JACCARD) return { score: round(j), reason: `resemblance ${round(j)}` };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const c = containment(small, large);
  if (c >= REPUBLISH_CONTAINMENT) return { score: round(c), reason: `containment ${round(c)}` };
  return null;
}

/** copyMatch from the sizes of the two sets and of their intersection (the same arithmetic). */
function copyMatchOfCounts(sizeA: number, sizeB: number, inter: number): { score: number; reason: string } | null {
  const union = sizeA + sizeB - inter;
  const j = union === 0 ? 0 : inter / union;
  if (j >= REPUBLISH_JACCARD) return { score: round(j), reason: `resemblance ${round(j)}` };
  const small = Math.min(sizeA, sizeB);
  const c = small === 0 ? 0 : inter / small;
  if (c >= REPUBLISH_CONTAINMENT) return { score: round(c), reason: `containment ${round(c)}` };
  return null;
}

/**
 * copyMatch of one article against each candidate, on numbers instead of strings: the words of all the texts
 * numbered once (0..K-1), a 3-shingle is (w1 * K + w2) * K + w3, which two shingles share exactly when they are
 * the same words. A candidate of ARTICLE_SHINGLE words or fewer is one shingle of all its words (text.ts
 * shingles): a shorter one can be no shingle of the article (which has MIN_ARTICLE_WORDS or more), one of
 * exactly three is a three-word shingle like any other. Falls back to the string sets when a word holds a space
 * (shingles of other words could then be the same string) or when K^3 passes 2^53.
 */
function copyMatches(mine: readonly string[], others: ReadonlyArray<readonly string[]>): Array<{ score: number; reason: string } | null> {
  const n = ARTICLE_SHINGLE;
  const ids = new Map<string, number>();
  const number = (ws: readonly string[]): number[] | null => {
    const out = new Array<number>(ws.length);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      let id = ids.get(w);
      if (id === undefined) {
        if (w.includes(' ')) return null;
        ids.set(w, (id = ids.size));
      }
      out[i] = id;
    }
    return out;
  };
  const mineIds = number(mine);
  const otherIds = others.map(number);
  const k = ids.size;
  if (n !== 3 || mine.length <= n || mineIds === null || otherIds.some((x) => x === null) || k ** 3 > Number.MAX_SAFE_INTEGER) return [];
  const key = (w: readonly number[], i: number) => (w[i]! * k + w[i + 1]!) * k + w[i + 2]!;
  const mineSet = new Set<number>();
  for (let i = 0; i + n <= mineIds.length; i++) mineSet.add(key(mineIds, i));
  return otherIds.map((w) => {
    const ws = w!;
    if (ws.length === 0) return copyMatchOfCounts(mineSet.size, 0, 0);
    if (ws.length < n) return copyMatchOfCounts(mineSet.size, 1, 0);
    const seen = new Set<number>();
    let inter = 0;
    for (let i = 0; i + n <= ws.length; i++) {
      const x = key(ws, i);
      if (seen.has(x)) continue;
      seen.add(x);
      if (mineSet.has(x)) inter += 1;
    }
    return copyMatchOfCounts(mineSet.size, seen.size, inter);
  });
}

/**
 * Decides the REPUBLISHES links for a new article against stored
 * candidates. The new article copies the earliest matching one (by date,
 * then id) unless the new one is strictly earlier; when the new article is
 * the earliest, each matching article not yet marked as a copy is linked to it.
 * One outgoing link per article keeps the origin of a copy unambiguous.
 */
export function planRepublication(article: ArticleText, candidates: readonly ArticleText[]): RepublishLink[] {
  if (articleWords(article.text).length < MIN_ARTICLE_WORDS) return [];
  const others = candidates.filter((c) => c.id !== article.id);
  if (others.length === 0) return [];
  const words = articleWords(article.text);
  let found = copyMatches(words, others.map((c) => articleWords(c.text)));
  if (found.length !== others.length) {
    const mine = articleShingles(article.text);
    found = others.map((c) => copyMatch(mine, articleShingles(c.text)));
  }
  const matches = others
    .map((c, i) => ({ c, m: found[i]! }))
    .filter((x): x is { c: ArticleText; m: { score: number; reason: string } } => x.m !== null)
    .sort((x, y) => compareDate(x.c, y.c));
  if (matches.length === 0) return [];
  const earliest = matches[0]!;
  // On equal or unknown dates the stored article is the original: it was seen first.
  if (!isEarlier(article, earliest.c)) {
    return [{ from: article.id, to: earliest.c.id, score: earliest.m.score, reason: earliest.m.reason }];
  }
  return matches.filter((x) => !x.c.republishes).map((x) => ({ from: x.c.id, to: article.id, score: x.m.score, reason: x.m.reason }));
}

/** Whether x is dated strictly before y (an unknown date is never earlier). */
function isEarlier(x: ArticleText, y: ArticleText): boolean {
  return x.date !== null && (y.date === null || x.date < y.date);
}

/** Earlier date first; unknown dates last; ties by id (stable). */
function compareDate(a: ArticleText, b: ArticleText): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
