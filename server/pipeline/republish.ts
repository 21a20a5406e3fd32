import { createHash } from 'node:crypto';
import { articleOrigin, type GraphStore } from '../graph/index.js';
import { sourceId } from '../ids.js';
import { articleIdOfHash, type IngestedArticle } from '../ingest/index.js';

/**
 * Republication: the same text published by a second outlet (or at a second
 * URL when no outlet is named) is a second Article, not "unchanged" — who
 * carried a text is what the tool tracks. Its id is derived from the text's
 * hash and the outlet, so ingesting that copy again changes nothing; the
 * claims step then links it to the first as a republication (REPUBLISHES)
 * and its statements join the same claims. Only the same outlet, or the same
 * URL, is the same article.
 */
export async function asStoredOrCopy(store: GraphStore, article: IngestedArticle): Promise<IngestedArticle> {
  if (!article.source && !article.url) return article;
  return storedOrCopy(article, await articleOrigin(store, article.id));
}

/** asStoredOrCopy's decision, given the origin (URL, outlet) of the article stored under the same id, or null. */
export function storedOrCopy(article: IngestedArticle, stored: { url: string | null; sourceId: string | null } | null): IngestedArticle {
  if (!article.source && !article.url) return article;
  // A stored copy that names neither outlet nor URL cannot be told apart from this one: the same article.
  if (!stored || (!stored.sourceId && !stored.url)) return article;
  const sameOutlet = article.source !== null && stored.sourceId === sourceId(article.source);
  const sameUrl = article.url !== null && stored.url === article.url;
  if (sameOutlet || sameUrl) return article;
  return { ...article, id: copyId(article) };
}

/** The id of a text's copy carried by another outlet (or URL): stable for that outlet and text. */
export function copyId(article: Pick<IngestedArticle, 'contentHash' | 'source' | 'url'>): string {
  const outlet = article.source ? `source:${sourceId(article.source)}` : `url:${article.url ?? ''}`;
  return articleIdOfHash(createHash('sha256').update(`${article.contentHash}\n${outlet}`).digest('hex'));
}
