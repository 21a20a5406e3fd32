import { z } from 'zod';
import { ActorKindSchema, CueClassSchema, TimePrecisionSchema } from '../extract/schema.js';
import { DatePrecisionSchema } from '../ingest/types.js';
import type { ArticleGraph } from '../graph/types.js';

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

export const ExportLineSchema = z.object({ type: z.literal('article'), graph: ArticleGraphSchema });
export type ExportLine = z.infer<typeof ExportLineSchema>;
