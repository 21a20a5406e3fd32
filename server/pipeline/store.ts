import type { ArticleGraph, GraphStore, WriteStatus } from '../graph/index.js';
import { claimsState, finishClaims, updateClaims } from '../claims/index.js';
import { articleOfGraph } from './build.js';
import { serialWrite } from '../graph/index.js';
import { eventsState, extractArticleEvents, runEventsStep } from './events.js';

/**
 * Writes an already-built article graph (from an export or another store) and
 * runs the same derived steps as ingest (claims, republication, events), so
 * import and migrate rebuild everything that is not carried in the file.
 * `events: false` when the caller writes the article's events itself (a
 * jsonl file that carries them). An article already stored whose derived
 * steps did not finish (a crash in between) gets them finished.
 */
export function storeArticleGraph(store: GraphStore, graph: ArticleGraph, opts: { events?: boolean } = {}): Promise<WriteStatus> {
  // One unit of the store's write queue (server/graph/write-queue.ts), like an ingested article.
  return serialWrite(store, () => storeInQueue(store, graph, opts.events !== false));
}

async function storeInQueue(store: GraphStore, graph: ArticleGraph, events: boolean): Promise<WriteStatus> {
  const status = await store.writeArticle(graph);
  if (status === 'created') {
    await updateClaims(store, graph);
    if (events) await runEventsStep(store, graph, extractArticleEvents(articleOfGraph(graph)));
  } else {
    if ((await claimsState(store, graph.article.id)) === 'pending') await finishClaims(store, graph.article.id);
    if (events && (await eventsState(store, graph.article.id)) === 'pending') {
      await runEventsStep(store, graph, extractArticleEvents(articleOfGraph(graph)));
    }
  }
  return status;
}
