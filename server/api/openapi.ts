/**
 * The OpenAPI 3 document, generated from the same zod schemas the routes
 * validate with: a route and its documentation cannot drift apart.
 */
import { OpenAPIRegistry, OpenApiGeneratorV3, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import * as S from './schemas.js';
import { EVENT_ROUTE_DOCS } from './events-schemas.js';

type Method = RouteConfig['method'];

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      c,
      json(S.ErrorBodySchema, {
        400: 'invalid input: details name each bad field',
        401: 'a bearer token is required (CLAIMGRAPH_TOKEN is set)',
        403: 'forbidden: a write in a read-only query, or a non-local Host',
        404: 'not found',
        408: 'the query ran longer than the time limit',
        409: 'conflict with the current state',
        413: 'the body or fetched page is larger than the limit',
        415: 'unsupported input (binary, unknown format)',
        502: 'the URL could not be fetched',
        503: 'the store is unavailable or busy',
      }[c] ?? 'error'),
    ]),
  );

const bearer = [{ bearer: [] as string[] }];

/** Every route: method, path, request schemas, responses. */
function routes(): RouteConfig[] {
  const route = (method: Method, path: string, summary: string, rest: Omit<RouteConfig, 'method' | 'path' | 'summary'>): RouteConfig => ({
    method,
    path,
    summary,
    ...rest,
  });
  const id = { params: S.IdParamsSchema };
  return [
    route('get', '/api/stats', 'Node counts and the backend', { tags: ['meta'], responses: { 200: json(S.StatsSchema, 'counts') } }),
    route('get', '/api/sources', 'Sources (outlets) with their article counts', { tags: ['meta'], responses: { 200: json(S.SourceListSchema, 'sources') } }),
    route('get', '/api/export', 'The whole store in one export format, streamed (what `claimgraph export` prints)', {
      tags: ['meta'],
      request: { query: S.ExportQuerySchema },
      responses: {
        200: {
          description: 'the export: JSON lines (jsonl, statements, annotations, claims), GraphML or a Cypher script',
          content: { 'application/x-ndjson': { schema: z.string() }, 'application/xml': { schema: z.string() }, 'text/plain': { schema: z.string() } },
        },
        ...errors(400),
      },
    }),
    route('get', '/api/articles', 'Articles, newest first; filter by source, publication window, title', {
      tags: ['articles'],
      request: { query: S.ArticleListQuerySchema },
      responses: { 200: json(S.ArticlePageSchema, 'a page of articles'), ...errors(400) },
    }),
    route('post', '/api/articles', 'Ingest text, HTML, a URL or records; idempotent; ?dryRun=true previews', {
      tags: ['articles'],
      security: bearer,
      request: { query: S.IngestQuerySchema, body: { content: { 'application/json': { schema: S.IngestRequestSchema } }, required: true } },
      responses: {
        200: json(S.IngestResponseSchema, 'nothing new stored (already stored, or a preview)'),
        201: json(S.IngestResponseSchema, 'at least one article stored'),
        ...errors(400, 401, 413, 415, 502),
      },
    }),
    route('get', '/api/articles/{id}', 'One article: text, metadata, statements with spans, actors', {
      tags: ['articles'],
      request: id,
      responses: { 200: json(S.ArticleDetailSchema, 'the article'), ...errors(400, 404) },
    }),
    route('get', '/api/actors', 'Actors (merged ones folded in), most active first; search by name or alias', {
      tags: ['actors'],
      request: { query: S.ActorListQuerySchema },
      responses: { 200: json(S.ActorPageSchema, 'a page of actors'), ...errors(400) },
    }),
    route('get', '/api/actors/{id}', 'One actor: aliases, roles, statements made and about them over time', {
      tags: ['actors'],
      request: { ...id, query: S.ActorDetailQuerySchema },
      responses: { 200: json(S.ActorDetailSchema, 'the actor (the canonical one when id was merged)'), ...errors(400, 404) },
    }),
    route('post', '/api/actors/merge', 'Merge actor `from` into `into`; kept as a decision, survives re-ingest', {
      tags: ['actors'],
      security: bearer,
      request: { body: { content: { 'application/json': { schema: S.MergeRequestSchema } }, required: true } },
      responses: { 201: json(S.MergeResponseSchema, 'merged'), ...errors(400, 401, 404, 409) },
    }),
    route('post', '/api/actors/{id}/split', 'Undo the merge of actor `id`', {
      tags: ['actors'],
      security: bearer,
      request: { ...id, body: { content: { 'application/json': { schema: S.SplitRequestSchema } }, required: false } },
      responses: { 200: json(S.MergeResponseSchema, 'split; the decision now has undoneAt'), ...errors(400, 401, 404, 409) },
    }),
    route('get', '/api/statements', 'Statements by time; filter by speaker, about, cue class, source, article, window, text', {
      tags: ['statements'],
      request: { query: S.StatementListQuerySchema },
      responses: { 200: json(S.StatementPageSchema, 'a page of statements'), ...errors(400) },
    }),
    route('get', '/api/statements/{id}', 'One statement with its article and source', {
      tags: ['statements'],
      request: id,
      responses: { 200: json(S.StatementViewSchema, 'the statement'), ...errors(400, 404) },
    }),
    route('get', '/api/timeline', 'Statements in a window, or bucketed counts when more than `limit`', {
      tags: ['statements'],
      request: { query: S.TimelineQuerySchema },
      responses: { 200: json(S.TimelineResponseSchema, 'statements or buckets'), ...errors(400) },
    }),
    route('get', '/api/network', 'Speaker -> about edges with counts by cue class and time span', {
      tags: ['statements'],
      request: { query: S.NetworkQuerySchema },
      responses: { 200: json(S.NetworkResponseSchema, 'nodes and edges'), ...errors(400) },
    }),
    route('get', '/api/claims', 'Claims: statements reported by several articles', {
      tags: ['claims'],
      request: { query: S.ClaimListQuerySchema },
      responses: { 200: json(S.ClaimPageSchema, 'a page of claims'), ...errors(400) },
    }),
    route('get', '/api/claims/{id}', 'One claim: its statements, articles and sources', {
      tags: ['claims'],
      request: id,
      responses: { 200: json(S.ClaimDetailSchema, 'the claim'), ...errors(400, 404) },
    }),
    route('get', '/api/contradictions', 'Contradiction candidates to review (never established facts), strongest first', {
      tags: ['claims'],
      request: { query: S.PageQuerySchema },
      responses: { 200: json(S.ContradictionPageSchema, 'a page of candidate pairs with both statements'), ...errors(400) },
    }),
    ...EVENT_ROUTE_DOCS, // issue 10 (./events-schemas.ts)
    route('post', '/api/cypher', 'Read-only Cypher with a time and row limit', {
      tags: ['cypher'],
      security: bearer,
      request: { body: { content: { 'application/json': { schema: S.CypherRequestSchema } }, required: true } },
      responses: { 200: json(S.CypherResponseSchema, 'columns, rows and the graph in them'), ...errors(400, 401, 403, 408, 503) },
    }),
    route('get', '/api/openapi.json', 'This document', { tags: ['meta'], responses: { 200: { description: 'OpenAPI 3 document' } } }),
    route('get', '/api/docs', 'A readable page of this document', { tags: ['meta'], responses: { 200: { description: 'HTML' } } }),
  ];
}

/**
 * Every route of the API as documented, in the document's order. A route is
 * registered only through ./route.ts `route()`, which takes its documentation
 * from here (and refuses an undocumented one), so the Express handler and the
 * OpenAPI path are one definition: method and path written once, checked at
 * start-up, and test/api/routes-documented.test.ts walks the router both ways.
 */
export const ROUTE_DOCS: readonly RouteConfig[] = routes();

/** The documentation of `method path` (an OpenAPI path, '/api/actors/{id}'), or undefined. */
export function routeDoc(method: Method, path: string): RouteConfig | undefined {
  return ROUTE_DOCS.find((r) => r.method === method && r.path === path);
}

let cached: ReturnType<OpenApiGeneratorV3['generateDocument']> | null = null;

/** The OpenAPI 3.0 document (built once). */
export function openApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Required on every POST when the server runs with CLAIMGRAPH_TOKEN set; GETs are open.',
  });
  for (const r of ROUTE_DOCS) registry.registerPath(r);
  cached = new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'claimgraph API',
      version: '0.1.0',
      description: 'Who said what, about whom, and when: articles, actors, statements, claims and a read-only Cypher endpoint. Errors are {code, message, details}.',
    },
    servers: [{ url: '/' }],
  });
  return cached;
}
