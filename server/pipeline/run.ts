import { isExtractable } from './language.js';
import { analyze, type ExtractedEvent } from '../extract/index.js';
import type { Extraction } from '../extract/schema.js';
import type { IngestedArticle, IngestItem } from '../ingest/types.js';
import type { GraphStore, WriteStatus } from '../graph/types.js';
import { AppError, normalizeError } from '../errors.js';
import { buildArticleGraph } from './build.js';
import { claimsState, finishClaims, resolveActors, updateClaims } from '../claims/index.js';
import { eventsState, finishEvents, runEventsStep } from './events.js';

export interface ProcessedArticle {
  article: IngestedArticle;
  status: WriteStatus;
  extraction: Extraction;
  /** Why statements were not extracted (non-English text), else null. */
  skipped: string | null;
}

/**
 * Extracts statements and events from one article, parsing it once
 * (server/extract analyze()). Relative times resolve against the
 * publication date, or the retrieval time when the page gives no date (the
 * best reference we have: an undated page is assumed to be recent).
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

/** Extracts and writes one article in one transaction; "unchanged" when it was already stored. */
export async function processArticle(store: GraphStore, article: IngestedArticle): Promise<ProcessedArticle> {
  // Skip extraction for articles already stored: re-ingest must be cheap and change nothing.
  // One stored without its claims or events step (a crash in between, or stored before the step existed)
  // gets it finished from what is stored.
  const state = await claimsState(store, article.id);
  if (state !== 'absent') {
    if (state === 'pending') await finishClaims(store, article.id);
    if ((await eventsState(store, article.id)) === 'pending') await finishEvents(store, article.id);
    return { article, status: 'unchanged', extraction: { statements: [], actors: [] }, skipped: null };
  }
  const { extraction, events, skipped } = extractArticle(article);
  // Actor identity before the write, so statements land on actors stored under other names (server/claims).
  const graph = await resolveActors(store, buildArticleGraph(article, extraction));
  const status = await store.writeArticle(graph);
  // Claims, republication and contradiction candidates: incremental, a fixed number of indexed lookups.
  if (status === 'created') await updateClaims(store, graph);
  // Events (issue 10, server/pipeline/events.ts): meetings, calls, visits, merged with stored ones by indexed keys.
  // Events come from the same parse as the statements; the step marks the article when done.
  if (status === 'created') await runEventsStep(store, graph, events);
  return { article, status, extraction, skipped };
}

export interface IngestSummary {
  ingested: number;
  unchanged: number;
  failed: number;
  statements: number;
  errors: { origin: string; code: string; message: string }[];
}

export type ProgressEvent =
  | { kind: 'article'; origin: string; title: string; status: WriteStatus; statements: number }
  | { kind: 'error'; origin: string; error: AppError };

/**
 * Runs a batch: every item from the ingest reader is extracted and written;
 * a failing item is recorded and the batch goes on.
 */
export async function ingestInputs(
  store: GraphStore,
  items: AsyncIterable<IngestItem>,
  onProgress: (event: ProgressEvent) => void = () => {},
): Promise<IngestSummary> {
  const summary: IngestSummary = { ingested: 0, unchanged: 0, failed: 0, statements: 0, errors: [] };
  const fail = (origin: string, error: AppError) => {
    summary.failed += 1;
    summary.errors.push({ origin, code: error.code, message: error.message });
    onProgress({ kind: 'error', origin, error });
  };
  for await (const item of items) {
    if (!item.ok) {
      fail(item.origin, item.error);
      continue;
    }
    for (const article of item.articles) {
      try {
        const result = await processArticle(store, article);
        if (result.status === 'created') {
          summary.ingested += 1;
          summary.statements += result.extraction.statements.length;
        } else {
          summary.unchanged += 1;
        }
        onProgress({
          kind: 'article',
          origin: item.origin,
          title: article.title,
          status: result.status,
          statements: result.extraction.statements.length,
        });
      } catch (error) {
        fail(`${item.origin} (${article.title})`, normalizeError(error));
      }
    }
  }
  return summary;
}
