import { articleKeys } from '../claims/keys.js';
import type { IngestedArticle } from '../ingest/index.js';
import { withText, type ArticleExtraction, type ThreadExtraction } from './pool.js';
import { extractArticle } from './statements.js';

/**
 * What ingest needs of an article before its write: extractArticle's statements and events, and the article's band
 * keys (the claims step's MinHash of its text, issue 19: in the extraction thread, off the main thread). Pure CPU
 * work on plain values. The keys come from claims/keys.ts alone: the claims index would load the store modules into
 * the extraction thread.
 */
export function extractForIngest(article: IngestedArticle): ArticleExtraction {
  return withText(article, extractInThread(article));
}

/** The extraction and band keys of an article (the worker threads' task). */
export function extractInThread(article: IngestedArticle): ThreadExtraction {
  return { ...extractArticle(article), keys: articleKeys(article.text) };
}
