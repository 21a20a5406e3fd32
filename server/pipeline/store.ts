import type { ArticleGraph, GraphStore, WriteStatus } from '../graph/types.js';
import type { IngestedArticle } from '../ingest/types.js';
import { updateClaims } from '../claims/index.js';
import { extractArticleEvents, writeEvents } from './events.js';

/** The article an exported graph was built from: what the derived steps need (text, dates, language). */
function articleOf(graph: ArticleGraph): IngestedArticle {
  const a = graph.article;
  return {
    id: a.id,
    title: a.title,
    source: graph.source?.name ?? null,
    url: a.url,
    publishedAt: a.publishedAt,
    publishedAtPrecision: a.publishedAtPrecision,
    retrievedAt: a.retrievedAt,
    language: a.language,
    contentHash: a.contentHash,
    text: a.text,
    origin: `store:${a.id}`,
    originSpan: null,
  };
}

/**
 * Writes an already-built article graph (from an export or another store) and
 * runs the same derived steps as ingest (events, claims, republication), so
 * import and migrate rebuild everything that is not carried in the file.
 */
export async function storeArticleGraph(store: GraphStore, graph: ArticleGraph): Promise<WriteStatus> {
  const status = await store.writeArticle(graph);
  if (status === 'created') {
    await writeEvents(store, graph, extractArticleEvents(articleOf(graph)));
    await updateClaims(store, graph);
  }
  return status;
}
