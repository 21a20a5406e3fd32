/**
 * The HTTP API's request and response shapes: one zod schema per shape,
 * used three ways: to validate every body, query string and path parameter
 * (routes), to generate the OpenAPI document (./openapi.ts), and, through
 * `import type`, as the browser client's types (client/api.ts). Change a
 * shape here and all three follow.
 *
 * Conventions: times are ISO-8601 strings; a window is `from` inclusive and
 * `to` exclusive, compared as strings (so `to=2024-03-05` excludes the 5th);
 * lists page with `limit` (default 50, max 500) and `offset` or `cursor`.
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { STREAM_FORMATS, type StreamFormat } from '../exchange/index.js';
import {
  ActorKindSchema,
  booleanParam,
  cueClassList,
  IdSchema,
  idList,
  IsoDateSchema,
  nameList,
  page,
  PageQuerySchema,
} from './schema-parts.js';
import { StatementRecordSchema } from '../graph/index.js';

extendZodWithOpenApi(z);

// ---------------------------------------------------------------- building blocks (./schema-parts.ts)

export { ActorKindSchema, CueClassSchema, cursorOffset, ErrorBodySchema, IdParamsSchema, IsoDateSchema, MAX_OFFSET, PageQuerySchema, type ErrorBody, type PageQuery } from './schema-parts.js';

// ---------------------------------------------------------------- shared shapes

export const ActorRefSchema = z.object({ id: z.string(), name: z.string() }).openapi('ActorRef');
export type ActorRef = z.infer<typeof ActorRefSchema>;

/** A statement as every view shows it; actors are canonical (merges applied). Offsets index the article's text. */
// The graph's statement record (server/graph/records.ts), with its actors made canonical by the API (statement-view.ts).
export const StatementViewSchema = StatementRecordSchema.extend({ about: z.array(ActorRefSchema) })
  .openapi('Statement');
export type StatementView = z.infer<typeof StatementViewSchema>;

export const ActorSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    aliases: z.array(z.string()),
    roles: z.array(z.string()),
    /** Statements the actor (or an actor merged into it) made. */
    said: z.number().int(),
    /** Statements about the actor (or an actor merged into it). */
    about: z.number().int(),
  })
  .openapi('ActorSummary');
export type ActorSummary = z.infer<typeof ActorSummarySchema>;

export const SourceSummarySchema = z
  .object({ id: z.string(), name: z.string(), domain: z.string().nullable(), articles: z.number().int() })
  .openapi('SourceSummary');
export type SourceSummary = z.infer<typeof SourceSummarySchema>;

export const ArticleSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    publishedAt: z.string().nullable(),
    publishedAtPrecision: z.string().nullable(),
    sourceId: z.string().nullable(),
    source: z.string().nullable(),
    statements: z.number().int(),
  })
  .openapi('ArticleSummary');
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

// ---------------------------------------------------------------- stats, sources

export const ExportQuerySchema = z
  .object({
    format: z.enum(Object.keys(STREAM_FORMATS) as [StreamFormat, ...StreamFormat[]]).openapi({ description: 'the same formats as `claimgraph export`, but csv' }),
  })
  .strict();

export const StatsSchema = z
  .object({
    backend: z.enum(['embedded', 'neo4j']),
    sources: z.number().int(),
    articles: z.number().int(),
    statements: z.number().int(),
    actors: z.number().int(),
    claims: z.number().int(),
  })
  .openapi('Stats');
export type Stats = z.infer<typeof StatsSchema>;

export const SourceListSchema = z.object({ items: z.array(SourceSummarySchema) }).openapi('SourceList');
export type SourceList = z.infer<typeof SourceListSchema>;

// ---------------------------------------------------------------- articles

export const ArticleListQuerySchema = PageQuerySchema.extend({
  source: nameList().openapi({ description: 'source id or exact name; repeat for several' }),
  from: IsoDateSchema.optional().openapi({ description: 'published at or after' }),
  to: IsoDateSchema.optional().openapi({ description: 'published before' }),
  q: z.string().min(1).max(200).optional().openapi({ description: 'case-insensitive substring of the title' }),
  sort: z.enum(['newest', 'oldest', 'statements', 'title']).default('newest')
    .openapi({ description: 'newest or oldest published first, most statements first, or by title; ties by id' }),
}).strict();
export type ArticleListQuery = z.infer<typeof ArticleListQuerySchema>;
export const ArticlePageSchema = page(ArticleSummarySchema, 'ArticlePage');
export type ArticlePage = z.infer<typeof ArticlePageSchema>;

const ArticleLinkSchema = z.object({ id: z.string(), title: z.string(), source: z.string().nullable() });

export const ArticleDetailSchema = z
  .object({
    article: ArticleSummarySchema.extend({
      retrievedAt: z.string().nullable(),
      language: z.string().nullable(),
      contentHash: z.string().nullable(),
      sourceDomain: z.string().nullable(),
      /** The licence of the article's text where the source's is known (e.g. Wikinews: CC BY 2.5), else null. */
      licence: z.object({ name: z.string(), url: z.string(), attribution: z.string() }).nullable(),
      /** The earlier article this one republishes (the same or nearly the same text from another outlet), else null. */
      republishes: ArticleLinkSchema.nullable(),
      /** Articles that republish this one. */
      republishedBy: z.array(ArticleLinkSchema),
      text: z.string(),
    }),
    /** In text order. */
    statements: z.array(StatementViewSchema),
    /** Actors the article mentions (canonical), by name. */
    actors: z.array(ActorSummarySchema),
  })
  .openapi('ArticleDetail');
export type ArticleDetail = z.infer<typeof ArticleDetailSchema>;

/** One input record: the JSON/JSONL record format of `claimgraph ingest`. */
export const ArticleRecordInputSchema = z
  .object({
    title: z.string().max(1000).optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    source: z.string().min(1).max(300).optional(),
    publishedAt: IsoDateSchema.optional(),
    retrievedAt: IsoDateSchema.optional(),
  })
  .openapi('ArticleRecord');

/**
 * POST /api/articles. One of: `text`, `html`, `url` (fetched when neither
 * text nor html is given; otherwise it is the article's address), or
 * `records` (a batch of records). `preview: true` (or `?dryRun=true`)
 * extracts without saving.
 */
export const IngestRequestSchema = z
  .object({
    text: z.string().min(1).optional().openapi({ description: 'plain text; an aggregator page splits into its articles' }),
    html: z.string().min(1).optional().openapi({ description: 'an HTML page; boilerplate is stripped' }),
    url: z.url({ protocol: /^https?$/ }).optional().openapi({ description: 'fetched when no text or html is given' }),
    records: z.array(ArticleRecordInputSchema).min(1).max(200).optional(),
    title: z.string().min(1).max(1000).optional(),
    source: z.string().min(1).max(300).optional().openapi({ example: 'The Times' }),
    publishedAt: IsoDateSchema.optional(),
    retrievedAt: IsoDateSchema.optional(),
    preview: z.boolean().optional().openapi({ description: 'extract and return statements without saving' }),
  })
  .strict()
  .superRefine((b, ctx) => {
    const given = (['text', 'html', 'records'] as const).filter((k) => b[k] !== undefined);
    if (given.length === 0 && b.url === undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'expected one of "text", "html", "url" or "records"' });
    }
    if (given.length > 1) {
      for (const k of given.slice(1)) ctx.addIssue({ code: 'custom', path: [k], message: `expected only one of ${given.map((g) => `"${g}"`).join(', ')}` });
    }
  })
  .openapi('IngestRequest');
export type IngestRequest = z.infer<typeof IngestRequestSchema>;

export const IngestQuerySchema = z.object({
  dryRun: booleanParam.openapi({ description: 'true: extract and return statements without saving' }),
}).strict();

export const IngestedArticleSchema = ArticleSummarySchema.omit({ statements: true })
  .extend({
    status: z.enum(['created', 'unchanged', 'preview']),
    /** Why nothing was extracted (non-English text), else null. */
    skipped: z.string().nullable(),
    retrievedAt: z.string(),
    language: z.string(),
    text: z.string(),
    statements: z.array(StatementViewSchema),
    actors: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), aliases: z.array(z.string()), roles: z.array(z.string()) })),
  })
  .openapi('IngestedArticle');
export type IngestedArticle = z.infer<typeof IngestedArticleSchema>;

export const IngestResponseSchema = z
  .object({
    dryRun: z.boolean(),
    created: z.number().int(),
    unchanged: z.number().int(),
    articles: z.array(IngestedArticleSchema),
    /** Inputs that failed (a record of a batch, a feed item); the others went through. */
    errors: z.array(z.object({ origin: z.string(), code: z.string(), message: z.string() })),
  })
  .openapi('IngestResponse');
export type IngestResponse = z.infer<typeof IngestResponseSchema>;

// ---------------------------------------------------------------- actors

export const ActorListQuerySchema = PageQuerySchema.extend({
  q: z.string().min(1).max(200).optional().openapi({ description: 'case-insensitive substring of the name or an alias' }),
  kind: ActorKindSchema.optional(),
}).strict();
export type ActorListQuery = z.infer<typeof ActorListQuerySchema>;
export const ActorPageSchema = page(ActorSummarySchema, 'ActorPage');
export type ActorPage = z.infer<typeof ActorPageSchema>;

export const ActorDetailQuerySchema = z.object({
  statements: z.coerce.number().int().min(0).max(500).default(100).openapi({ description: 'how many statements made and about, each' }),
}).strict();

export const NeighbourSchema = z
  .object({ id: z.string(), name: z.string(), kind: z.string(), statements: z.number().int() })
  .openapi('Neighbour');
export type Neighbour = z.infer<typeof NeighbourSchema>;

export const MergeDecisionSchema = z
  .object({
    id: z.string(),
    from: z.string(),
    into: z.string(),
    fromName: z.string().nullable(),
    intoName: z.string().nullable(),
    at: z.string(),
    note: z.string().nullable(),
    /** Set when the merge was undone by a split. */
    undoneAt: z.string().nullable(),
  })
  .openapi('MergeDecision');
export type MergeDecision = z.infer<typeof MergeDecisionSchema>;

export const ActorDetailSchema = z
  .object({
    actor: ActorSummarySchema.extend({ articles: z.number().int(), mergedFrom: z.array(ActorRefSchema) }),
    /** The id asked for; differs from actor.id when it was merged into another actor. */
    requestedId: z.string(),
    /** Statements the actor made, by time. */
    said: z.array(StatementViewSchema),
    /** Statements about the actor, by time. */
    aboutThem: z.array(StatementViewSchema),
    /** Counts per month (YYYY-MM, from saidAt, else the article's date). */
    overTime: z.array(z.object({ period: z.string(), said: z.number().int(), about: z.number().int() })),
    talksAbout: z.array(NeighbourSchema),
    talkedAboutBy: z.array(NeighbourSchema),
    merges: z.array(MergeDecisionSchema),
  })
  .openapi('ActorDetail');
export type ActorDetail = z.infer<typeof ActorDetailSchema>;

export const MergeRequestSchema = z
  .object({
    from: IdSchema.openapi({ description: 'the actor that disappears into `into`' }),
    into: IdSchema,
    note: z.string().max(1000).optional(),
  })
  .strict()
  .openapi('MergeRequest');
export type MergeRequest = z.infer<typeof MergeRequestSchema>;

export const SplitRequestSchema = z.object({ note: z.string().max(1000).optional() }).strict().openapi('SplitRequest');
export type SplitRequest = z.infer<typeof SplitRequestSchema>;

export const MergeResponseSchema = z
  .object({ decision: MergeDecisionSchema, actor: ActorSummarySchema })
  .openapi('MergeResponse');
export type MergeResponse = z.infer<typeof MergeResponseSchema>;

// ---------------------------------------------------------------- statements

export const StatementListQuerySchema = PageQuerySchema.extend({
  speaker: idList().openapi({ description: 'actor id(s) who said it' }),
  about: idList().openapi({ description: 'actor id(s) it is about' }),
  cueClass: cueClassList(),
  source: nameList().openapi({ description: 'source id or exact name' }),
  article: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  q: z.string().min(1).max(200).optional().openapi({ description: 'case-insensitive substring of the content' }),
  order: z.enum(['asc', 'desc']).default('asc'),
}).strict();
export type StatementListQuery = z.infer<typeof StatementListQuerySchema>;
export const StatementPageSchema = page(StatementViewSchema, 'StatementPage');
export type StatementPage = z.infer<typeof StatementPageSchema>;

// ---------------------------------------------------------------- timeline

export const TimelineQuerySchema = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  actor: idList().openapi({ description: 'only statements said by or about these actors' }),
  source: nameList(),
  cueClass: cueClassList(),
  limit: z.coerce.number().int().min(1).max(5000).default(500).openapi({ description: 'above this many statements, bucketed counts are returned' }),
  bucket: z.enum(['auto', 'day', 'week', 'month']).default('auto'),
}).strict();
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;

export const TimelineBucketSchema = z
  .object({
    /** First day of the bucket (weeks start on Monday). */
    start: z.string(),
    count: z.number().int(),
    byCueClass: z.record(z.string(), z.number().int()),
  })
  .openapi('TimelineBucket');
export type TimelineBucket = z.infer<typeof TimelineBucketSchema>;

export const TimelineResponseSchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('statements'), total: z.number().int(), statements: z.array(StatementViewSchema) }),
    z.object({
      mode: z.literal('buckets'),
      total: z.number().int(),
      bucket: z.enum(['day', 'week', 'month']),
      buckets: z.array(TimelineBucketSchema),
    }),
  ])
  .openapi('Timeline');
export type TimelineResponse = z.infer<typeof TimelineResponseSchema>;

// ---------------------------------------------------------------- network

export const NetworkQuerySchema = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  source: nameList(),
  cueClass: cueClassList(),
  actor: idList().openapi({ description: 'only edges touching these actors' }),
  minCount: z.coerce.number().int().min(1).max(1_000_000).default(1),
  limit: z.coerce.number().int().min(1).max(5000).default(300).openapi({ description: 'most edges returned, heaviest first' }),
}).strict();
export type NetworkQuery = z.infer<typeof NetworkQuerySchema>;

export const NetworkEdgeSchema = z
  .object({
    source: z.string(),
    target: z.string(),
    count: z.number().int(),
    byCueClass: z.record(z.string(), z.number().int()),
    firstAt: z.string().nullable(),
    lastAt: z.string().nullable(),
  })
  .openapi('NetworkEdge');
export type NetworkEdge = z.infer<typeof NetworkEdgeSchema>;

export const NetworkResponseSchema = z
  .object({
    nodes: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), said: z.number().int(), about: z.number().int() })),
    edges: z.array(NetworkEdgeSchema),
    /** True when more edges passed the filters than `limit`. */
    truncated: z.boolean(),
  })
  .openapi('Network');
export type NetworkResponse = z.infer<typeof NetworkResponseSchema>;

// ---------------------------------------------------------------- claims

export const ClaimListQuerySchema = PageQuerySchema.extend({
  q: z.string().min(1).max(200).optional(),
  sort: z.enum(['recent', 'oldest', 'reports', 'sources']).default('recent')
    .openapi({ description: 'most recently seen first, first seen earliest first, most reports (statements) first, or most outlets first; ties by id' }),
}).strict();
export type ClaimListQuery = z.infer<typeof ClaimListQuerySchema>;
export const ContradictionQuerySchema = PageQuerySchema.extend({
  q: z.string().min(1).max(200).optional().openapi({ description: "case-insensitive substring of either statement's content or speaker's name" }),
  sort: z.enum(['strongest', 'newest', 'oldest']).default('strongest')
    .openapi({ description: 'highest score first, or by the time of the later statement of the pair, newest or oldest first; ties by the statement ids' }),
}).strict();

export const ClaimSummarySchema = z
  .object({
    id: z.string(),
    text: z.string(),
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
    statements: z.number().int(),
    articles: z.number().int(),
    sources: z.number().int(),
  })
  .openapi('ClaimSummary');
export type ClaimSummary = z.infer<typeof ClaimSummarySchema>;
export const ClaimPageSchema = page(ClaimSummarySchema, 'ClaimPage');
export type ClaimPage = z.infer<typeof ClaimPageSchema>;

export const ContradictionSchema = z
  .object({
    from: StatementViewSchema,
    to: StatementViewSchema,
    score: z.number().openapi({ description: 'how strongly the rule believes the two are opposed, 0 to 1' }),
    reason: z.string().openapi({ description: 'why they were linked, e.g. "opposite polarity; different speakers about the same subject"' }),
  })
  .openapi('Contradiction', { description: 'A contradiction candidate: two statements a rule found opposed, to review; never an established fact.' });
export type Contradiction = z.infer<typeof ContradictionSchema>;

export const ContradictionPageSchema = page(ContradictionSchema, 'ContradictionPage');
export type ContradictionPage = z.infer<typeof ContradictionPageSchema>;

export const ClaimDetailSchema = z
  .object({
    claim: ClaimSummarySchema,
    /** By time: who said it first comes first; at most 1,000 (the claim's `statements` count is the total). */
    statements: z.array(StatementViewSchema).openapi({ description: 'by time, who said it first first; at most the first 1,000 (claim.statements is the total)' }),
    /** True when the claim has more statements than the list holds. */
    statementsTruncated: z.boolean().openapi({ description: 'true when the claim has more statements than listed here' }),
    /** `republishes`: the earlier article this one copies (a republication by another outlet), else null. */
    articles: z.array(ArticleSummarySchema.omit({ statements: true }).extend({ republishes: z.string().nullable() })),
    sources: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('ClaimDetail');
export type ClaimDetail = z.infer<typeof ClaimDetailSchema>;

// ---------------------------------------------------------------- cypher

export const CypherRequestSchema = z
  .object({
    query: z.string().min(1).max(100_000).openapi({ example: 'MATCH (a:Actor)-[r:SAID]->(s:Statement) RETURN a, r, s LIMIT 5' }),
    params: z.record(z.string(), z.unknown()).optional(),
    maxRows: z.number().int().min(1).max(100_000).optional().openapi({ description: 'at most the server limit (1,000 by default)' }),
  })
  .strict()
  .openapi('CypherRequest');
export type CypherRequest = z.infer<typeof CypherRequestSchema>;

export const GraphNodeSchema = z
  .object({ id: z.string(), labels: z.array(z.string()), properties: z.record(z.string(), z.unknown()) })
  .openapi('GraphNode');
export const GraphRelationshipSchema = z
  .object({ id: z.string(), type: z.string(), start: z.string().nullable(), end: z.string().nullable(), properties: z.record(z.string(), z.unknown()) })
  .openapi('GraphRelationship');
export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphRelationship = z.infer<typeof GraphRelationshipSchema>;

export const CypherResponseSchema = z
  .object({
    columns: z.array(z.string()),
    /** Plain JSON; nodes are {_id, _labels, ...properties}, relationships {_id, _type, _source, _target, ...properties}. */
    rows: z.array(z.record(z.string(), z.unknown())),
    /** True when the result had more rows than the row limit. */
    truncated: z.boolean(),
    /** Every node and relationship found in the rows (paths included), deduplicated, for drawing. */
    graph: z.object({ nodes: z.array(GraphNodeSchema), relationships: z.array(GraphRelationshipSchema) }),
    elapsedMs: z.number(),
    /** The plan of an EXPLAIN (no rows) or PROFILE (with the rows), as text, on both backends. */
    plan: z.string().optional().openapi({ description: 'the plan of an EXPLAIN or PROFILE, as text' }),
    /** Known differences of the embedded engine this query may meet (docs/cypher.md). */
    notices: z.array(z.string()).optional().openapi({ description: 'known differences of the embedded engine this answer may show (docs/cypher.md)' }),
  })
  .openapi('CypherResponse');
export type CypherResponse = z.infer<typeof CypherResponseSchema>;
