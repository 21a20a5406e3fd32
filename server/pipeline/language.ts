import type { IngestedArticle } from '../ingest/index.js';

/** Languages the English rule sets (statements, events) apply to; "und" is short text the detector could not place. */
const EXTRACTABLE_LANGUAGES = new Set(['eng', 'und']);

/** Whether the extractors run on this article; other languages are stored and flagged only. */
export function isExtractable(article: Pick<IngestedArticle, 'language'>): boolean {
  return EXTRACTABLE_LANGUAGES.has(article.language);
}
