import { z } from 'zod';
import type { Span } from '../extract/schema.js';

/** Precision of an article's publication time. */
export const DatePrecisionSchema = z.enum(['second', 'minute', 'hour', 'day', 'month', 'year', 'unknown']);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/** A JSON/JSONL input record (also the POST /api/articles JSON body). */
export const ArticleRecordSchema = z
  .object({
    id: z.string().optional(),
    title: z.string().optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.string().url().optional(),
    source: z.string().optional(),
    publishedAt: z.string().optional(),
    retrievedAt: z.string().optional(),
  })
  .refine((r) => r.text !== undefined || r.html !== undefined, { message: 'expected "text" or "html"' });
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

/** One article ready for extraction: plain text plus metadata. */
export interface IngestedArticle {
  /** Stable id: hash of the normalised text ("art_" + hex). */
  id: string;
  title: string;
  /** Outlet name ("Russia Today"), null when unknown. */
  source: string | null;
  url: string | null;
  /** ISO-8601 UTC date-time, null when unknown. */
  publishedAt: string | null;
  publishedAtPrecision: DatePrecision;
  retrievedAt: string;
  /** ISO 639-3 code from language detection ("eng"), "und" when undetermined. */
  language: string;
  /** sha256 hex of the normalised text. */
  contentHash: string;
  /** The article's text; statement spans are offsets into it. */
  text: string;
  /** Where it came from: a file path, URL or "stdin#3". */
  origin: string;
  /** Offsets of `text` inside the origin's text when the origin was split (aggregator page), else null. */
  originSpan: Span | null;
}

/** Outcome of reading one input item: its articles, or an error naming the item. */
export type IngestItem =
  | { ok: true; origin: string; articles: IngestedArticle[] }
  | { ok: false; origin: string; error: import('../errors.js').AppError };

export interface IngestOptions {
  /** Resolves relative times ("2 hours ago") on aggregator pages; default: the file's mtime, else now. */
  retrievedAt?: string;
  /** Overrides publishedAt for every article read. */
  publishedAt?: string;
  maxBytes?: number;
  fetchTimeoutMs?: number;
  /** Source name to use when the input does not name one. */
  source?: string;
}
