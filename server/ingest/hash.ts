import { createHash } from 'node:crypto';

/**
 * The form of an article's text that its identity is computed from: Unicode
 * NFC (so composed and decomposed accents agree), every whitespace run one
 * space, trimmed. Re-wrapped or re-indented copies of an article are the same
 * article; any change of words or punctuation is a different one.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Full sha256 hex of the normalised text (Article.contentHash). */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeText(text), 'utf8').digest('hex');
}

/** Stable article id: "art_" + the first 16 hex characters of contentHash(text). */
export function articleId(text: string): string {
  return `art_${contentHash(text).slice(0, 16)}`;
}
