import type { Span } from '../extract/index.js';
import { articleIdOfHash, contentHash } from './hash.js';
import { detectLanguage } from './language.js';
import type { DatePrecision, IngestedArticle } from './types.js';

/** Everything about one article except what is derived from its text (id, hash, language). */
export interface ArticleParts {
  title: string;
  text: string;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
  publishedAtPrecision: DatePrecision;
  retrievedAt: string;
  origin: string;
  originSpan: Span | null;
}

/** Builds the IngestedArticle: id and contentHash from the normalised text, language from the text. */
export function makeArticle(parts: ArticleParts): IngestedArticle {
  const hash = contentHash(parts.text);
  return {
    id: articleIdOfHash(hash),
    title: parts.title,
    source: parts.source,
    url: parts.url,
    publishedAt: parts.publishedAt,
    publishedAtPrecision: parts.publishedAt === null ? 'unknown' : parts.publishedAtPrecision,
    retrievedAt: parts.retrievedAt,
    language: detectLanguage(parts.text),
    contentHash: hash,
    text: parts.text,
    origin: parts.origin,
    originSpan: parts.originSpan,
  };
}

const MAX_DERIVED_TITLE = 80;

/**
 * A title for text that has none: its first sentence, cut at a word boundary
 * near 80 characters. Every Article needs a title to be listed by.
 */
export function deriveTitle(text: string): string {
  // Only the start can become a title; flattening a 10 MB text for it would be wasted work.
  const flat = text.slice(0, 1000).replace(/\s+/g, ' ').trim();
  const sentence = /^.+?[.!?](?=\s|$)/u.exec(flat)?.[0] ?? flat;
  if (sentence.length <= MAX_DERIVED_TITLE) return sentence;
  const cut = sentence.slice(0, MAX_DERIVED_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/u, '')}…`;
}
