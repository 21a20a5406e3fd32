import { z } from 'zod';
import { ActorKindSchema, CueClassSchema, EventTypeSchema, TimePrecisionSchema } from '../extract/index.js';
import { DatePrecisionSchema } from '../ingest/index.js';
import type { ArticleGraph } from '../graph/index.js';

/** One line of a `jsonl` export: an article with its source, actors and statements (the store's write unit). */
export const ArticleGraphSchema = z.object({
  source: z.object({ id: z.string(), name: z.string(), domain: z.string().nullable() }).nullable(),
  article: z.object({
    id: z.string(),
    url: z.string().nullable(),
    title: z.string(),
    publishedAt: z.string().nullable(),
    publishedAtPrecision: DatePrecisionSchema,
    retrievedAt: z.string(),
    contentHash: z.string(),
    language: z.string(),
    text: z.string(),
  }),
  actors: z.array(
    z.object({ id: z.string(), name: z.string(), kind: ActorKindSchema, aliases: z.array(z.string()), roles: z.array(z.string()) }),
  ),
  statements: z.array(
    z.object({
      id: z.string(),
      content: z.string(),
      quote: z.string().nullable(),
      direct: z.boolean(),
      cue: z.string(),
      cueLemma: z.string(),
      cueClass: CueClassSchema,
      saidAt: z.string().nullable(),
      saidAtPrecision: TimePrecisionSchema,
      timeText: z.string().nullable(),
      sentence: z.string(),
      sentenceStart: z.number().int(),
      sentenceEnd: z.number().int(),
      start: z.number().int(),
      end: z.number().int(),
      confidence: z.number(),
      speakerId: z.string().nullable(),
      speakerMention: z.string().nullable(),
      aboutIds: z.array(z.string()),
      addresseeId: z.string().nullable(),
      viaId: z.string().nullable(),
    }),
  ),
  mentions: z.array(z.string()),
}) satisfies z.ZodType<ArticleGraph>;

/**
 * The `jsonl` format's version. A version-2 file starts with a header line
 * and carries, after its article lines, the events (event lines) and the
 * users' merge decisions (mergeDecision lines), which are not part of any one
 * article. A file without a header is version 1 (articles only): importing
 * it re-runs the events step on each article and brings no decisions.
 */
export const JSONL_VERSION = 2;

export const HeaderLineSchema = z.object({
  type: z.literal('header'),
  format: z.literal('claimgraph-jsonl'),
  version: z.number().int().min(1).max(JSONL_VERSION, { message: `expected a jsonl version this claimgraph reads (1 to ${JSONL_VERSION})` }),
});

const nullableString = z.string().nullable().optional();
/** Stored properties besides the known ones: kept as they are, so a round trip loses none. */
const extraProperty = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/** One Event node with its links and lookup keys, as stored. */
export const EventRecordSchema = z.object({
  id: z.string(),
  props: z.object({
    type: EventTypeSchema,
    name: nullableString,
    place: nullableString,
    placeArea: nullableString,
    date: nullableString,
    datePrecision: z.string(),
    dateText: nullableString,
    firstSeen: nullableString,
  }).catchall(extraProperty),
  participantIds: z.array(z.string()),
  articleIds: z.array(z.string()),
  /**
   * Where each reporting article tells the event: article id -> the [start,
   * end) offsets of every sentence that tells it, in text order (the REPORTS
   * spans). Absent in files written before events version 2, and for
   * articles whose REPORTS has no spans yet; those import without spans.
   */
  reportSpans: z.record(z.string(), z.array(z.tuple([z.number().int().min(0), z.number().int().min(0)]))).optional(),
  statementIds: z.array(z.string()),
  keys: z.array(z.string()),
});
export type EventRecord = z.infer<typeof EventRecordSchema>;

/** One MergeDecision node as stored (server/api/merge.ts): active, or split when `undoneAt` is set. */
export const DecisionRecordSchema = z.object({
  id: z.string(),
  props: z.object({
    from: z.string(),
    into: z.string(),
    fromName: nullableString,
    intoName: nullableString,
    at: z.string(),
    note: nullableString,
    undoneAt: nullableString,
    undoNote: nullableString,
  }).catchall(extraProperty),
});
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;

export const ExportLineSchema = z.discriminatedUnion('type', [
  HeaderLineSchema,
  z.object({ type: z.literal('article'), graph: ArticleGraphSchema }),
  z.object({ type: z.literal('event'), event: EventRecordSchema }),
  z.object({ type: z.literal('mergeDecision'), decision: DecisionRecordSchema }),
]);
export type ExportLine = z.infer<typeof ExportLineSchema>;
