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

/** What the statement queries return beside a record's fields, for statementTexts. */
export const STORED_TEXT_FIELDS = {
  /** Set when the quote is the content, which is then not stored as quote (write.ts storedStatementProps). */
  quoteIsContent: z.boolean().nullable().optional(),
  /** The article's text, returned only when the statement does not store its sentence. */
  articleText: z.string().nullable().optional(),
};
/** A statement row as the queries return it (STATEMENT_FIELDS with its article and outlet), made a record by statementRecord. */
export const StatementRowSchema = StatementRecordSchema.extend(STORED_TEXT_FIELDS);

/** A checked statement row made a record (statementTexts). */
export function statementRecord(row: z.infer<typeof StatementRowSchema>): StatementRecord {
  return statementTexts(row);
}

/** The stored fields statementTexts reads. */
export interface StoredTexts {
  content: string;
  direct: boolean;
  quote: string | null;
  quoteIsContent?: boolean | null;
  sentence: string | null;
  sentenceStart: number | null;
  sentenceEnd: number | null;
  articleText?: string | null;
}

/**
 * A statement's quote and sentence as written, from what its node stores
 * (server/graph/write.ts storedStatementProps): a statement marked
 * `quoteIsContent` quotes its content, a statement without
 * a stored sentence has its article's text between its sentence offsets
 * (sliced here, in UTF-16 code units as the extractor counted them: the two
 * backends' string functions count differently).
 */
export function statementTexts<T extends StoredTexts>(row: T): Omit<T, 'quoteIsContent' | 'articleText'> {
  const { quoteIsContent, articleText, ...rest } = row;
  const quote = rest.quote ?? (quoteIsContent === true ? rest.content : null);
  const sentence =
    rest.sentence ??
    (typeof articleText === 'string' && rest.sentenceStart !== null && rest.sentenceEnd !== null ? articleText.slice(rest.sentenceStart, rest.sentenceEnd) : null);
  return { ...rest, quote, sentence };
}

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
