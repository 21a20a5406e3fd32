import { z } from 'zod';

/**
 * The extraction contract (issue 3). Other tools depend on these names:
 * change them only with a version bump and a note in docs/extraction.md.
 * Every span is [start, end): JavaScript string offsets into the text given
 * to the extractor, so text.slice(start, end) is the spanned text.
 */
export const SpanSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof SpanSchema>;

export const ActorKindSchema = z.enum(['person', 'organization', 'country', 'media', 'group', 'other']);
export type ActorKind = z.infer<typeof ActorKindSchema>;

export const CueClassSchema = z.enum([
  'say', 'accuse', 'warn', 'deny', 'demand', 'announce', 'ask', 'describe', 'report', 'support', 'criticize', 'other',
  // not speech: what a source believes, intends, or what a document or figure shows (issue 15; users filter these)
  'belief', 'intention', 'evidence',
]);
export type CueClass = z.infer<typeof CueClassSchema>;

/** Precision of a resolved time. "article": no time expression, the article's date was used. */
export const TimePrecisionSchema = z.enum(['day', 'week', 'month', 'year', 'article', 'unknown']);
export type TimePrecision = z.infer<typeof TimePrecisionSchema>;

/** A resolved actor as the extractor names it: canonical name and kind. */
export const ActorRefSchema = z.object({
  name: z.string().min(1),
  kind: ActorKindSchema,
});
export type ActorRef = z.infer<typeof ActorRefSchema>;

export const StatementSchema = z.object({
  /** Who said it; null when no speaker can be found (null is preferred to a guess). */
  speaker: ActorRefSchema.extend({
    /** The words in this sentence the attribution points at: "He", "the Israeli leader", "Zakharova". */
    mention: z.string(),
    span: SpanSchema,
    /** A group the speaker was named as part of: "Russian officials" in "Russian officials, including Putin". */
    group: z.string().optional(),
  }).nullable(),
  cue: z.object({
    text: z.string(), // "has accused"
    lemma: z.string(), // "accuse"
    class: CueClassSchema,
    span: SpanSchema,
  }),
  content: z.object({
    text: z.string(),
    span: SpanSchema,
    /** Verbatim quoted fragments inside indirect content ("a 'strong army'"), as spans. */
    fragments: z.array(SpanSchema).optional(),
    /**
     * One utterance interrupted by its attribution ("A," she said, "B."): the
     * span of each piece, in text order; `span` then runs from the first piece
     * to the last and `text` is the pieces joined by a space.
     */
    parts: z.array(SpanSchema).optional(),
  }),
  /** True when content is a verbatim quotation. */
  direct: z.boolean(),
  /** Actors the statement is about. */
  about: z.array(ActorRefSchema),
  /** Who it was said to ("told Fox Business"). */
  addressee: ActorRefSchema.nullable(),
  /** Intermediate source ("according to the daily Corriere della Sera"). */
  via: ActorRefSchema.nullable(),
  saidAt: z.object({
    /** ISO-8601 date ("2025-08-18") or null when unknown. Week precision: the week's Monday; month: the 1st. */
    value: z.string().nullable(),
    precision: TimePrecisionSchema,
    /** The time expression as written ("on Monday"), null when none. */
    text: z.string().nullable(),
  }),
  /** The sentence (or sentences, for a quote spanning several) the statement came from. */
  sentence: z.object({ span: SpanSchema }),
  confidence: z.number().min(0).max(1),
});
export type Statement = z.infer<typeof StatementSchema>;

/** An actor as seen in one article: canonical name, kind, the surface forms and roles found for it. */
export const ExtractedActorSchema = ActorRefSchema.extend({
  aliases: z.array(z.string()),
  roles: z.array(z.string()),
});
export type ExtractedActor = z.infer<typeof ExtractedActorSchema>;

export const ExtractionSchema = z.object({
  statements: z.array(StatementSchema),
  /** Every actor mentioned or resolved in the text (speakers, targets, addressees, sources). */
  actors: z.array(ExtractedActorSchema),
});
export type Extraction = z.infer<typeof ExtractionSchema>;

export interface ExtractOptions {
  /** ISO date or date-time the article was published; relative times resolve against it. */
  publishedAt?: string | null;
}
