import { extract } from '../extract/index.js';
import type { Extraction } from '../extract/index.js';
import type { IngestedArticle } from '../ingest/index.js';
import { isExtractable } from './language.js';

/**
 * Statements only, for callers that print them (`claimgraph extract`): the
 * same statements as extractArticle() without the events pass, and without
 * loading the store and claims modules the pipeline needs.
 */
export function extractArticleStatements(article: IngestedArticle): { extraction: Extraction; skipped: string | null } {
  if (!isExtractable(article)) {
    return { extraction: { statements: [], actors: [] }, skipped: `language "${article.language}" is not English: stored, not extracted` };
  }
  return { extraction: extract(article.text, { publishedAt: article.publishedAt ?? article.retrievedAt }), skipped: null };
}
