import { z } from 'zod';
import type { Span } from '../extract/index.js';

/** Precision of an article's publication time. */
// "week" is for "2 weeks ago" / "last week": calling it a day would claim more than the page says.
export const DatePrecisionSchema = z.enum(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'unknown']);
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
  /** Where it came from: a file path, a URL, "stdin", or a record inside one ("notes.jsonl line 7", "feed.xml item 2"). */
  origin: string;
  /**
   * Offsets of `text` inside the origin's text whenever `text` is a verbatim slice of it
   * (plain text files, aggregator pages, record `text` fields): origin.slice(...originSpan) === text.
   * Null when the text was produced from markup (HTML pages, feed items, record `html`).
   */
  originSpan: Span | null;
}

/** Outcome of reading one input item: its articles, or an error naming the item. */
export type IngestItem =
  | { ok: true; origin: string; articles: IngestedArticle[] }
  | { ok: false; origin: string; error: import('../errors.js').AppError };

export interface IngestOptions {
  /**
   * ISO-8601 time the inputs were retrieved; resolves relative times ("2 hours ago") on aggregator
   * pages. Default: a record's own retrievedAt, else the file's mtime, else now.
   */
  retrievedAt?: string;
  /**
   * ISO-8601 publication date for articles whose input gives none (the main article of an
   * aggregator page, a plain text file). Dates the input does give win: they are per article.
   */
  publishedAt?: string;
  /** Size cap per file, URL body or stdin, in bytes (per record of a JSONL file, which is streamed); default 10 MB. */
  maxBytes?: number;
  /** Timeout of a URL fetch, body included, in milliseconds; default 15 s. */
  fetchTimeoutMs?: number;
  /**
   * Fetch URLs on loopback, private, link-local and other special-purpose
   * addresses too (default false: refused, server/ingest/fetch.ts).
   * CLAIMGRAPH_FETCH_ALLOW_PRIVATE=1 sets it for the server and the CLI.
   */
  allowPrivateAddresses?: boolean;
  /** Source name to use when the input does not name one. */
  source?: string;
  /** Told the bytes read so far of a streamed file and its size (progress of a large JSONL file). */
  onBytes?: (path: string, read: number, size: number) => void;
}

/** What the caller knows about one text or HTML document besides its content. */
export interface IngestMeta {
  /** Names the input in errors and in IngestedArticle.origin ("page.html", "body", "stdin"). */
  origin: string;
  /** Title given by the caller; otherwise taken from the document. */
  title?: string;
  url?: string;
  source?: string;
  /**
   * ISO-8601 publication date given by the caller; wins over a date found in an HTML document's
   * metadata. Blocks of an aggregator page keep the times the page gives them.
   */
  publishedAt?: string;
  /** ISO-8601 retrieval time; default now. */
  retrievedAt?: string;
}
