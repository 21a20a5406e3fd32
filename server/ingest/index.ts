/**
 * server/ingest: inputs (files, folders, URLs, stdin, feeds, JSON records) in,
 * IngestedArticle records out. Pure apart from reading inputs; never touches
 * the store. See docs/ingest.md for the rules and the reasons behind them.
 */
export { readInputs, ingestContent, sniffKind, EXTENSIONS, type InputKind, type ReadDeps } from './read.js';
export { ingestText } from './text.js';
export { ingestHtml, htmlToText } from './html.js';
export { ingestFeed } from './feed.js';
export { ingestRecord, ingestJson, ingestJsonl } from './records.js';
export { articleId, articleIdOfHash, contentHash, normalizeText } from './hash.js';
export { detectLanguage } from './language.js';
export { parseIsoDate, parseLooseDate, resolveRelativeTime, type ResolvedDate } from './dates.js';
export { segmentText, type Segment } from './split.js';
export { DEFAULT_MAX_BYTES, DEFAULT_FETCH_TIMEOUT_MS } from './guards.js';
export * from './types.js';
