import { analyze, extract, extractEvents, type ExtractedEvent } from '../extract/index.js';
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

/**
 * Extracts statements and events from one article, parsing it once
 * (server/extract analyze()). Relative times resolve against the
 * publication date, or the retrieval time when the page gives no date (the
 * best reference we have: an undated page is assumed to be recent). Pure CPU
 * work on plain values: it runs in the extraction workers (pool.ts) too.
 */
export function extractArticle(article: IngestedArticle): { extraction: Extraction; events: ExtractedEvent[]; skipped: string | null } {
  if (!isExtractable(article)) {
    return {
      extraction: { statements: [], actors: [] },
      events: [],
      skipped: `language "${article.language}" is not English: stored, not extracted`,
    };
  }
  const { extraction, events } = analyze(article.text, { publishedAt: article.publishedAt ?? article.retrievedAt });
  return { extraction, events, skipped: null };
}

/** The events of one article (none for text the English rules are not applied to): the events step's input when the caller has no parse of it. */
export function extractArticleEvents(article: IngestedArticle): ExtractedEvent[] {
  if (!isExtractable(article)) return [];
  return extractEvents(article.text, { publishedAt: article.publishedAt ?? article.retrievedAt });
}
