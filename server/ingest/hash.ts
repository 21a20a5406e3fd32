import { createHash } from 'node:crypto';

/**
 * The form of an article's text that its identity is computed from: Unicode
 * NFC (so composed and decomposed accents agree), every whitespace run one
 * space, trimmed. Re-wrapped or re-indented copies of an article are the same
 * article; any change of words or punctuation is a different one.
 */
export function normalizeText(text: string): string {
  // Same result as replace(/\s+/g, ' '), but it only touches runs that change: on a 10 MB text
  // with millions of single spaces that is milliseconds instead of a second.
  return text.normalize('NFC').replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** Full sha256 hex of the normalised text (Article.contentHash). */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeText(text), 'utf8').digest('hex');
}

/** Stable article id: "art_" + the first 16 hex characters of contentHash(text). */
export function articleId(text: string): string {
  return articleIdOfHash(contentHash(text));
}

/** The article id for an already computed contentHash. */
export function articleIdOfHash(hash: string): string {
  return `art_${hash.slice(0, 16)}`;
}
