/**
 * The articles read model: the article list, one article with its
 * statements, actors and republication links, and the outlets.
 */
import { API } from '../queries/api.js';
import { instantBounds } from '../times.js';
import { READ } from '../queries/read.js';
import { SORTED } from '../queries/sorted.js';
import { z } from 'zod';
import { StatementRecordSchema, statementTexts, STORED_TEXT_FIELDS } from '../records.js';
import { num, optStr, optStrs, read, readOne, readTotal, str, type Runner } from './rows.js';

/** A row of the article list (API.listArticles and SORTED.articles*). */
export const ArticleListRowSchema = z.object({
  id: str, title: optStr, url: optStr, publishedAt: optStr, publishedAtPrecision: optStr, sourceId: optStr, source: optStr, statements: num,
});
export type ArticleListRow = z.infer<typeof ArticleListRowSchema>;
/** One article with its outlet (READ.article). */
export const ArticleRowSchema = z.object({
  id: str, url: optStr, title: str, publishedAt: optStr, publishedAtPrecision: optStr, retrievedAt: optStr, contentHash: optStr,
  language: optStr, text: str, sourceId: optStr, source: optStr, sourceDomain: optStr,
});
export type ArticleRow = z.infer<typeof ArticleRowSchema>;
/** A statement of one article in text order, without its article's fields (READ.articleStatements). */
export const ArticleStatementRowSchema = StatementRecordSchema.omit({ articleId: true, articleTitle: true, articleUrl: true, publishedAt: true, sourceId: true, source: true })
  .extend(STORED_TEXT_FIELDS);
export type ArticleStatementRow = Omit<z.infer<typeof ArticleStatementRowSchema>, keyof typeof STORED_TEXT_FIELDS>;
/** An actor as stored (READ.articleActors, API.actorsByIds). */
export const ActorRowSchema = z.object({ id: str, name: str, kind: str, aliases: optStrs, roles: optStrs });
export type ActorRow = z.infer<typeof ActorRowSchema>;
/** An article linked by republication (API.articleOriginal, API.articleCopies). */
export const LinkedArticleRowSchema = z.object({ id: str, title: optStr, source: optStr });
export type LinkedArticleRow = z.infer<typeof LinkedArticleRowSchema>;
/** An outlet with its article count (READ.listSources). */
export const SourceRowSchema = z.object({ id: str, name: str, domain: optStr, articles: num });
export type SourceRow = z.infer<typeof SourceRowSchema>;

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
export async function articlePage(store: Runner, filters: ArticleFilters, w: { skip: number; limit: number; sort?: ArticleSort }): Promise<{ rows: ArticleListRow[]; total: number }> {
  const text = ARTICLE_SORTS[w.sort ?? 'newest'];
  const params = { ...filters, ...instantBounds(filters) };
  const [rows, total] = await Promise.all([
    read(store, ArticleListRowSchema, 'the article list', text, { ...params, skip: w.skip, limit: w.limit }),
    readTotal(store, 'an article count', API.countArticles, params),
  ]);
  return { rows, total };
}

/** Raw rows of one article's page; null when the article is unknown. */
export interface ArticlePageRows {
  article: ArticleRow;
  /** In text order, without their article's fields (the article is `article`). */
  statements: ArticleStatementRow[];
  /** The actors it mentions (raw ids). */
  actors: ActorRow[];
  /** The article it republishes (id, title, source), if any. */
  original: LinkedArticleRow | null;
  /** The articles that republish it. */
  copies: LinkedArticleRow[];
}

export async function articlePageRows(store: Runner, id: string): Promise<ArticlePageRows | null> {
  const article = await readOne(store, ArticleRowSchema, 'an article', READ.article, { id });
  if (!article) return null;
  const [statements, actors, originals, copies] = await Promise.all([
    read(store, ArticleStatementRowSchema, 'an article\'s statements', READ.articleStatements, { id }).then((rows) => rows.map(statementTexts)),
    read(store, ActorRowSchema, 'an article\'s actors', READ.articleActors, { id }),
    read(store, LinkedArticleRowSchema, 'the original of an article', API.articleOriginal, { id }),
    read(store, LinkedArticleRowSchema, 'the copies of an article', API.articleCopies, { id }),
  ]);
  return { article, statements, actors, original: originals[0] ?? null, copies };
}

/** Every outlet with its article count (id, name, domain, articles). */
export function sourceList(store: Runner): Promise<SourceRow[]> {
  return read(store, SourceRowSchema, 'the outlets', READ.listSources);
}
