import type { ArticleGraph, GraphStore, WriteStatus } from '../graph/index.js';
import { serialWrite } from '../graph/index.js';
import { finishDerivedSteps, runDerivedSteps, type StepOptions } from './steps.js';

/**
 * Writes an already-built article graph (from an export or another store) and
 * runs the same derived steps as ingest (claims, republication, events), so
 * import and migrate rebuild everything that is not carried in the file.
 * `events: false` when the caller writes the article's events itself (a
 * jsonl file that carries them). An article already stored whose derived
 * steps did not finish (a crash in between) gets them finished.
 */
export function storeArticleGraph(store: GraphStore, graph: ArticleGraph, opts: { events?: boolean } = {}): Promise<WriteStatus> {
  const steps: StepOptions = opts.events === false ? { skip: ['events'] } : {};
  // One unit of the store's write queue (server/graph/write-queue.ts), like an ingested article.
  return serialWrite(store, async () => {
    const status = await store.writeArticle(graph);
    if (status === 'created') await runDerivedSteps(store, { graph }, steps);
    else await finishDerivedSteps(store, graph.article.id, steps);
    return status;
  });
}
