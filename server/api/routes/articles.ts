import { licenceFor } from '../licences.js';
import type { Config } from '../../config.js';
import { forClient, normalizeError, notFound } from '../../errors.js';
import { articlePage, articlePageRows, statementRecordOf, type ArticleListRow, type GraphStore, type LinkedArticleRow } from '../../graph/index.js';
import { ingestRecord, readInputs, type IngestedArticle as Ingested } from '../../ingest/index.js';
import { buildArticleGraph, extractArticle, processArticle } from '../../pipeline/index.js';
import { loadActorMap, type ActorMap } from '../../actors/index.js';
import { statementView } from '../statement-view.js';
import { logFailure, pageOf, pageWindow, parse } from '../http.js';
import { actorSummaries } from './actors.js';
import {
  ArticleDetailSchema, ArticleListQuerySchema, ArticlePageSchema, IdParamsSchema, IngestQuerySchema,
  IngestRequestSchema, IngestResponseSchema, type ArticleDetail, type ArticleSummary, type IngestedArticle,
  type IngestRequest, type IngestResponse,
} from '../schemas.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import { errors, json, bearer } from '../doc-parts.js';

/** GET /api/articles, GET /api/articles/:id, POST /api/articles. */
export const ARTICLE_ROUTES: readonly RouteDefinition[] = [
  defineRoute({
    method: 'get',
    path: '/api/articles',
    summary: 'Articles, newest first; filter by source, publication window, title',
    tags: ['articles'],
    request: { query: ArticleListQuerySchema },
    responses: { 200: json(ArticlePageSchema, 'a page of articles'), ...errors(400) },
    handler: ({ store }) => async (req, res) => {
      const q = parse('query', ArticleListQuerySchema, req.query);
      const w = pageWindow(q);
      const filters = { sources: q.source ?? null, from: q.from ?? null, to: q.to ?? null, q: q.q ?? null };
      const { rows, total } = await articlePage(store, filters, { ...w, sort: q.sort });
      res.json(pageOf(rows.map(articleSummary), total, w));
    },
  }),

  defineRoute({
    method: 'post',
    path: '/api/articles',
    summary: 'Ingest text, HTML, a URL or records; idempotent; ?dryRun=true previews',
    tags: ['articles'],
    security: bearer,
    request: { query: IngestQuerySchema, body: { content: { 'application/json': { schema: IngestRequestSchema } }, required: true } },
    responses: {
      200: json(IngestResponseSchema, 'nothing new stored (already stored, or a preview)'),
      201: json(IngestResponseSchema, 'at least one article stored'),
      ...errors(400, 401, 413, 415, 502),
    },
    handler: ({ store, config, log }) => async (req, res) => {
      const query = parse('query', IngestQuerySchema, req.query);
      const body = parse('body', IngestRequestSchema, req.body);
      const dryRun = query.dryRun === true || body.preview === true;
      const { articles, errors } = await articlesOf(body, config, log);
      const out: IngestResponse = { dryRun, created: 0, unchanged: 0, articles: [], errors };
      for (const article of articles) {
        try {
          out.articles.push(dryRun ? preview(article) : await ingest(store, article));
        } catch (error) {
          const e = normalizeError(error);
          if (articles.length === 1 && errors.length === 0) throw e;
          // A batch item's result is a client error too: our message, the raw one in the log (issue 14, defect 11).
          const origin = `${article.origin} (${article.title})`;
          const safe = forClient(e);
          if (safe !== e) logFailure(log, `POST /api/articles ${origin}`, e);
          out.errors.push({ origin, code: safe.code, message: safe.message });
        }
      }
      out.created = out.articles.filter((a) => a.status === 'created').length;
      out.unchanged = out.articles.filter((a) => a.status === 'unchanged').length;
      res.status(out.created > 0 ? 201 : 200).json(out);
    },
  }),

  defineRoute({
    method: 'get',
    path: '/api/articles/{id}',
    summary: 'One article: text, metadata, statements with spans, actors',
    tags: ['articles'],
    request: { params: IdParamsSchema },
    responses: { 200: json(ArticleDetailSchema, 'the article'), ...errors(400, 404) },
    handler: ({ store }) => async (req, res) => {
      const { id } = parse('params', IdParamsSchema, req.params);
      const detail = await articleDetail(store, id);
      if (!detail) throw notFound('article', id);
      res.json(detail);
    },
  }),
];

/**
 * The articles of a request body. A single input (text, html, url) that
 * fails throws (400, 413, 415, 502); a batch (`records`) reports failing
 * records in `errors` and goes on, like the CLI.
 */
async function articlesOf(body: IngestRequest, config: Config, log: (line: string) => void): Promise<{ articles: Ingested[]; errors: IngestResponse['errors'] }> {
  const opts = { maxBytes: config.maxInputBytes, fetchTimeoutMs: config.fetchTimeoutMs, allowPrivateAddresses: config.fetchAllowPrivate };
  const meta = { title: body.title, source: body.source, publishedAt: body.publishedAt, retrievedAt: body.retrievedAt };
  if (body.records) {
    const articles: Ingested[] = [];
    const errors: IngestResponse['errors'] = [];
    body.records.forEach((record, i) => {
      const origin = `records[${i}]`;
      try {
        articles.push(...ingestRecord(withoutUndefined({ ...meta, ...record }), origin, opts));
      } catch (error) {
        const e = normalizeError(error);
        const safe = forClient(e);
        if (safe !== e) logFailure(log, `POST /api/articles ${origin}`, e);
        errors.push({ origin, code: safe.code, message: safe.message });
      }
    });
    return { articles, errors };
  }
  if (body.text !== undefined || body.html !== undefined) {
    const record = withoutUndefined({ ...meta, text: body.text, html: body.html, url: body.url });
    return { articles: ingestRecord(record, 'body', opts), errors: [] };
  }
  // Only a URL: fetch it (size and time capped by the configuration).
  const articles: Ingested[] = [];
  const fetchOpts = withoutUndefined({ ...opts, source: body.source, publishedAt: body.publishedAt, retrievedAt: body.retrievedAt });
  for await (const item of readInputs([body.url!], fetchOpts)) {
    if (!item.ok) throw item.error;
    articles.push(...item.articles);
  }
  if (body.title !== undefined && articles.length === 1) articles[0] = { ...articles[0]!, title: body.title };
  return { articles, errors: [] };
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

/** Extracts without saving: the statements get the ids they would have in the store. */
function preview(article: Ingested): IngestedArticle {
  const { extraction, skipped } = extractArticle(article);
  const graph = buildArticleGraph(article, extraction);
  const names = new Map(graph.actors.map((a) => [a.id, a.name]));
  const place = {
    articleId: article.id,
    articleTitle: article.title,
    articleUrl: article.url,
    publishedAt: article.publishedAt,
    sourceId: graph.source?.id ?? null,
    source: graph.source?.name ?? null,
  };
  // As extracted: no merges to apply, about in the extraction's order.
  const statements = graph.statements.map((s) => statementView(statementRecordOf(s, names, place), null));
  statements.sort((a, b) => a.start! - b.start! || (a.id < b.id ? -1 : 1));
  return {
    ...ingestedHead(article, graph.source?.id ?? null),
    status: 'preview',
    skipped,
    statements,
    actors: graph.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind, aliases: a.aliases, roles: a.roles })),
  };
}

/** Extracts and stores one article (idempotent), then answers with what the store holds for it. */
async function ingest(store: GraphStore, input: Ingested): Promise<IngestedArticle> {
  const result = await processArticle(store, input);
  // The stored article: a republication by another outlet has an id of its own (pipeline/republish.ts).
  const article = result.article;
  const detail = await articleDetail(store, article.id);
  return {
    ...ingestedHead(article, detail?.article.sourceId ?? null),
    status: result.status,
    skipped: result.skipped,
    statements: detail?.statements ?? [],
    actors: (detail?.actors ?? []).map(({ id, name, kind, aliases, roles }) => ({ id, name, kind, aliases, roles })),
  };
}

function ingestedHead(a: Ingested, sourceId: string | null) {
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    publishedAt: a.publishedAt,
    publishedAtPrecision: a.publishedAtPrecision,
    sourceId,
    source: a.source,
    retrievedAt: a.retrievedAt,
    language: a.language,
    text: a.text,
  };
}

/** An article row as the API lists it, without its statement count (claim pages, article details). */
export function articleRef(r: Omit<ArticleListRow, 'statements'>): Omit<ArticleSummary, 'statements'> {
  return {
    id: r.id,
    title: r.title ?? '',
    url: r.url,
    publishedAt: r.publishedAt,
    publishedAtPrecision: r.publishedAtPrecision,
    sourceId: r.sourceId,
    source: r.source,
  };
}

export function articleSummary(r: ArticleListRow): ArticleSummary {
  return { ...articleRef(r), statements: r.statements };
}

/** One article with its statements in text order and the (canonical) actors it mentions; null when unknown. */
export async function articleDetail(store: GraphStore, id: string, map?: ActorMap): Promise<ArticleDetail | null> {
  const rows = await articlePageRows(store, id);
  if (!rows) return null;
  const { article: a, statements: statementRows, actors: actorRows, original, copies } = rows;
  const actors = map ?? (await loadActorMap(store));
  const link = (r: LinkedArticleRow) => ({ id: r.id, title: r.title ?? '', source: r.source });
  const article = {
    ...articleRef(a),
    statements: statementRows.length,
    retrievedAt: a.retrievedAt,
    language: a.language,
    contentHash: a.contentHash,
    sourceDomain: a.sourceDomain,
    licence: licenceFor(a.sourceDomain),
    republishes: original ? link(original) : null,
    republishedBy: copies.map(link),
    text: a.text,
  };
  const statements = statementRows.map((s) =>
    statementView({ ...s, articleId: article.id, articleTitle: article.title, articleUrl: article.url, publishedAt: article.publishedAt, sourceId: article.sourceId, source: article.source }, actors),
  );
  const mentioned = [...new Set(actorRows.map((m) => actors.canon(m.id)))];
  const summaries = await actorSummaries(store, actors, mentioned);
  summaries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.id < y.id ? -1 : 1));
  return { article, statements, actors: summaries };
}
