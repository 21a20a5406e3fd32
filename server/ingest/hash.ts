import { createHash } from 'node:crypto';

/**
 * The form of an article's text that its identity is computed from: Unicode
 * NFC (so composed and decomposed accents agree), every whitespace run one
 * space, trimmed. Re-wrapped or re-indented copies of an article are the same
 * article; any change of words or punctuation is a different one.
 */
export function normalizeText(text: string): string {
  return collapseWhiteSpace(text.normalize('NFC')).trim();
}

/** Whether a UTF-16 code unit is white space as \s reads it. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `text.replace(/\s+/g, ' ')`: every run of white space one space. A scan
 * that copies only around the runs that change (a single space stays), so a
 * text of single spaces comes back as it is; the expression it replaces
 * (/\s{2,}|[^\S ]/g) was a sixth of the ingest of a news article.
 */
export function collapseWhiteSpace(text: string): string {
  let out = '';
  let from = 0; // start of the text not yet copied to out
  let i = 0;
  while (i < text.length) {
    if (!isSpace(text.charCodeAt(i))) { i++; continue; }
    let j = i + 1;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (j - i > 1 || text.charCodeAt(i) !== 0x20) {
      out += text.slice(from, i) + ' ';
      from = j;
    }
    i = j;
  }
  return from === 0 ? text : out + text.slice(from);
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
