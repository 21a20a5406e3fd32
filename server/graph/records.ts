/**
 * The one statement record: what every statement query returns
 * (queries/statement-fields.ts STATEMENT_FIELDS with its article and outlet,
 * queries/api.ts STATEMENT_RETURN), what an article read in
 * text order gives once its article's fields are added, and what an
 * extraction not yet stored gives (statementRecordOf). The API's view
 * (server/api/schemas.ts StatementViewSchema) extends it, and one mapper
 * (server/api/statement-view.ts) turns a record into that view.
 */
import { z } from 'zod';
import type { StatementNode } from './types.js';

export const StatementRecordSchema = z.object({
  id: z.string(),
  content: z.string(),
  quote: z.string().nullable(),
  direct: z.boolean(),
  cue: z.string(),
  cueLemma: z.string().nullable(),
  cueClass: z.string(),
  saidAt: z.string().nullable(),
  saidAtPrecision: z.string().nullable(),
  timeText: z.string().nullable(),
  sentence: z.string().nullable(),
  sentenceStart: z.number().nullable(),
  sentenceEnd: z.number().nullable(),
  start: z.number().nullable(),
  end: z.number().nullable(),
  confidence: z.number().nullable(),
  speakerMention: z.string().nullable(),
  speakerId: z.string().nullable(),
  speaker: z.string().nullable(),
  addresseeId: z.string().nullable(),
  addressee: z.string().nullable(),
  viaId: z.string().nullable(),
  via: z.string().nullable(),
  /** The actors it is about (raw ids: the API folds merged actors). */
  about: z.array(z.object({ id: z.string(), name: z.string() })),
  articleId: z.string().nullable(),
  articleTitle: z.string().nullable(),
  articleUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  sourceId: z.string().nullable(),
  source: z.string().nullable(),
});
export type StatementRecord = z.infer<typeof StatementRecordSchema>;

/** The article fields of a statement record. */
export interface StatementArticle {
  articleId: string | null;
  articleTitle: string | null;
  articleUrl: string | null;
  publishedAt: string | null;
  sourceId: string | null;
  source: string | null;
}

/**
 * The record of a statement built in memory (an extraction previewed, not
 * stored): its actors named from the article's actor list (`names`, id ->
 * name; an unknown about id is named by its id), the article's fields given.
 */
export function statementRecordOf(s: StatementNode, names: ReadonlyMap<string, string>, article: StatementArticle): StatementRecord {
  const ref = (id: string | null) => (id === null ? { id: null, name: null } : { id, name: names.get(id) ?? null });
  const speaker = ref(s.speakerId);
  const addressee = ref(s.addresseeId);
  const via = ref(s.viaId);
  return {
    id: s.id,
    content: s.content,
    quote: s.quote,
    direct: s.direct,
    cue: s.cue,
    cueLemma: s.cueLemma,
    cueClass: s.cueClass,
    saidAt: s.saidAt,
    saidAtPrecision: s.saidAtPrecision,
    timeText: s.timeText,
    sentence: s.sentence,
    sentenceStart: s.sentenceStart,
    sentenceEnd: s.sentenceEnd,
    start: s.start,
    end: s.end,
    confidence: s.confidence,
    speakerMention: s.speakerMention,
    speakerId: speaker.id,
    speaker: speaker.name,
    addresseeId: addressee.id,
    addressee: addressee.name,
    viaId: via.id,
    via: via.name,
    about: s.aboutIds.map((id) => ({ id, name: names.get(id) ?? id })),
    ...article,
  };
}
