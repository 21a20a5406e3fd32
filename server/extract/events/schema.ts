import { z } from 'zod';
import { ActorRefSchema, SpanSchema, TimePrecisionSchema } from '../schema.js';
import { EVENT_TYPES } from '../model/events.js';

/**
 * The events contract (issue 10): what extractEvents() returns for one
 * article. Spans are [start, end) offsets into the text as given, like the
 * statement contract (../schema.ts, unchanged by this work).
 */
export const EventTypeSchema = z.enum(EVENT_TYPES);

export const EventMentionSchema = z.object({
  /** The trigger word(s): "summit", "met", "the call". */
  trigger: z.object({ text: z.string(), span: SpanSchema }),
  sentence: z.object({ span: SpanSchema }),
  /** True when statements of this sentence were made at the event ("Speaking ... following the meeting, X said"). */
  frame: z.boolean(),
});
export type EventMention = z.infer<typeof EventMentionSchema>;

export const ExtractedEventSchema = z.object({
  type: EventTypeSchema,
  /** A name when the text gives one: "Alaska summit". */
  name: z.string().optional(),
  participants: z.array(ActorRefSchema),
  /** The place as written: "Anchorage", "Washington". */
  place: z.string().optional(),
  time: z.object({ value: z.string().nullable(), precision: TimePrecisionSchema, text: z.string().nullable() }),
  /** The first sentence and trigger that tell the event. */
  sentence: z.object({ span: SpanSchema }),
  trigger: z.object({ text: z.string(), span: SpanSchema }),
  /** Every sentence of the article that tells it, first one included. */
  mentions: z.array(EventMentionSchema),
  /** Content spans of the statements made at the event (as in extract()'s statements). */
  statementsAt: z.array(SpanSchema),
});
export type ExtractedEvent = z.infer<typeof ExtractedEventSchema>;

export interface EventExtractOptions {
  /** ISO date or date-time the article was published; relative times resolve against it. */
  publishedAt?: string | null;
}
