/**
 * The articles read model: the article list, one article with its
 * statements, actors and republication links, and the outlets.
 */
import { API } from '../queries/api.js';
import { instantBounds } from '../times.js';
import { READ } from '../queries/read.js';
import { SORTED } from '../queries/sorted.js';
import type { Row } from '../types.js';
import type { Runner } from './statements.js';

export type ArticleFilters = {
  sources: string[] | null;
  from: string | null;
  to: string | null;
  q: string | null;
};

/** The orders of the article list (ties by id). */
export const ARTICLE_SORTS = {
  newest: API.listArticles,
  oldest: SORTED.articlesOldest,
  statements: SORTED.articlesMostStatements,
  title: SORTED.articlesTitle,
} as const;
export type ArticleSort = keyof typeof ARTICLE_SORTS;

/** A page of articles in the order asked (newest first by default), with their statement counts, and how many there are. */
export async function articlePage(store: Runner, filters: ArticleFilters, w: { skip: number; limit: number; sort?: ArticleSort }): Promise<{ rows: Row[]; total: number }> {
  const text = ARTICLE_SORTS[w.sort ?? 'newest'];
  const params = { ...filters, ...instantBounds(filters) };
  const [rows, [count]] = await Promise.all([store.run(text, { ...params, skip: w.skip, limit: w.limit }), store.run(API.countArticles, params)]);
  return { rows, total: Number(count?.total ?? 0) };
}

/** Raw rows of one article's page; null when the article is unknown. */
export interface ArticlePageRows {
  article: Row;
  /** In text order, without their article's fields (the article is `article`). */
  statements: Row[];
  /** The actors it mentions (raw ids). */
  actors: Row[];
  /** The article it republishes (id, title, source), if any. */
  original: Row | null;
  /** The articles that republish it. */
  copies: Row[];
}

export async function articlePageRows(store: Runner, id: string): Promise<ArticlePageRows | null> {
  const [article] = await store.run(READ.article, { id });
  if (!article) return null;
  const [statements, actors, originals, copies] = await Promise.all([
    store.run(READ.articleStatements, { id }),
    store.run(READ.articleActors, { id }),
    store.run(API.articleOriginal, { id }),
    store.run(API.articleCopies, { id }),
  ]);
  return { article, statements, actors, original: originals[0] ?? null, copies };
}

/** Every outlet with its article count (id, name, domain, articles). */
export function sourceList(store: Runner): Promise<Row[]> {
  return store.run(READ.listSources);
}
