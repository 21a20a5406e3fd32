/**
 * The events step as the pipeline runs it: the events of an ingested
 * article (extraction, English only), finishing the step for an article
 * already stored, and the backfill over a whole store. The step itself
 * (plan and writes) is server/events.
 */
import { isExtractable } from './language.js';
import { articleOfGraph } from './build.js';
import { extractEvents, type ExtractedEvent } from '../extract/index.js';
import { articlesLackingEvents, countLackingEvents, readWrittenArticleGraph, serialWrite, type GraphStore } from '../graph/index.js';
import { normalizeError } from '../errors.js';
import type { IngestedArticle } from '../ingest/index.js';
import { EVENTS_VERSION, eventsState, runEventsStep, type EventWrite } from '../events/index.js';

export { EVENTS_VERSION, eventsState, markEventsDone, planEvents, runEventsStep, writeEvents, type EventWrite } from '../events/index.js';

/** The events of one ingested article (none for text the English rules are not applied to). */
export function extractArticleEvents(article: IngestedArticle): ExtractedEvent[] {
  if (!isExtractable(article)) return [];
  return extractEvents(article.text, { publishedAt: article.publishedAt ?? article.retrievedAt });
}

/**
 * Runs the events step for an article already stored, over what the store
 * holds (its text, and its actors and statements as written). Null when the
 * article is not stored.
 */
export async function finishEvents(store: GraphStore, articleId: string): Promise<EventWrite[] | null> {
  // As the article's own write left it (its actors as it named them), so participants resolve as in the clean run.
  const graph = await readWrittenArticleGraph(store, articleId);
  if (graph === null) return null;
  return runEventsStep(store, graph, extractArticleEvents(articleOfGraph(graph)));
}

export interface BackfillSummary {
  /** Articles the step ran for. */
  articles: number;
  /** Event writes (new events and joins to stored ones) those articles gave. */
  events: number;
  failed: number;
  errors: { where: string; message: string }[];
}

/**
 * The events step for every stored article that lacks its mark, in id order,
 * one article at a time. Idempotent: a second run finds nothing to do; an
 * interrupted run is finished by the next.
 */
export async function backfillEvents(
  store: GraphStore,
  onProgress: (done: number, total: number) => void = () => {},
  pageSize = 200,
): Promise<BackfillSummary> {
  const summary: BackfillSummary = { articles: 0, events: 0, failed: 0, errors: [] };
  const total = await countLackingEvents(store, EVENTS_VERSION);
  let after = '';
  for (;;) {
    const rows = await articlesLackingEvents(store, after, EVENTS_VERSION, pageSize);
    for (const { id } of rows) {
      try {
        // One queue unit per article, so ingests sent meanwhile interleave with the backfill instead of conflicting.
        const writes = await serialWrite(store, async () => ((await eventsState(store, String(id))) === 'pending' ? finishEvents(store, String(id)) : []));
        if (writes) {
          summary.articles += 1;
          summary.events += writes.length;
        }
      } catch (error) {
        summary.failed += 1;
        summary.errors.push({ where: `article ${String(id)}`, message: normalizeError(error).message });
      }
      onProgress(summary.articles + summary.failed, total);
    }
    if (rows.length < pageSize) return summary;
    after = String(rows[rows.length - 1]!.id);
  }
}
