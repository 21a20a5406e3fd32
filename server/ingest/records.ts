import { badInput, normalizeError, type ErrorDetail } from '../errors.js';
import { ingestHtml } from './html.js';
import { requireIsoDate } from './resolve.js';
import { ingestText } from './text.js';
import { ArticleRecordSchema, type IngestedArticle, type IngestItem, type IngestOptions } from './types.js';

/**
 * Validates one JSON record ({title?, text | html, url?, source?,
 * publishedAt?, retrievedAt?}) and turns it into its article(s): `text` goes
 * through ingestText (so a pasted aggregator page still splits, and
 * originSpan indexes into record.text), `html` through ingestHtml. Dates must
 * be ISO-8601. Throws BAD_INPUT naming `origin` and the field:
 * "notes.jsonl line 7: publishedAt: expected an ISO-8601 date, found 'yesterday-ish'".
 * The record's own `id` is not the article id: article ids are content hashes.
 */
export function ingestRecord(record: unknown, origin: string, opts: IngestOptions = {}): IngestedArticle[] {
  return recordArticles(record, origin, opts, undefined);
}

/** ingestRecord with the retrieval time to use when neither the batch nor the record gives one (a file's mtime). */
function recordArticles(record: unknown, origin: string, opts: IngestOptions, defaultRetrievedAt: string | undefined): IngestedArticle[] {
  const parsed = ArticleRecordSchema.safeParse(record);
  if (!parsed.success) {
    const details: ErrorDetail[] = parsed.error.issues.map((issue) => ({
      ...(issue.path.length > 0 ? { path: issue.path.map(String).join('.') } : {}),
      message: issue.message,
    }));
    const first = details[0];
    const summary = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid record';
    throw badInput(`${origin}: ${summary}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}`, details);
  }
  const r = parsed.data;
  // Check dates before any work so the message names the record's field, not an inner step.
  if (r.publishedAt !== undefined) requireIsoDate(origin, 'publishedAt', r.publishedAt);
  if (r.retrievedAt !== undefined) requireIsoDate(origin, 'retrievedAt', r.retrievedAt);
  const retrievedAt = opts.retrievedAt ?? r.retrievedAt ?? defaultRetrievedAt;
  const meta = {
    origin,
    ...(r.title !== undefined ? { title: r.title } : {}),
    ...(r.url !== undefined ? { url: r.url } : {}),
    ...(r.source !== undefined ? { source: r.source } : {}),
    ...(r.publishedAt !== undefined ? { publishedAt: r.publishedAt } : {}),
    // The batch's retrieval time wins: it is how a whole run is pinned (samples, tests).
    ...(retrievedAt !== undefined ? { retrievedAt } : {}),
  };
  if (r.text !== undefined && r.text.trim() !== '') return ingestText(r.text, meta, opts);
  if (r.html !== undefined) return ingestHtml(r.html, meta, opts);
  return ingestText(r.text ?? '', meta, opts);
}

/** The item of one JSON record (an element of a JSON array, a JSONL line). */
export function recordItem(record: unknown, origin: string, opts: IngestOptions, fileTime: string | undefined): IngestItem {
  try {
    return { ok: true, origin, articles: recordArticles(record, origin, opts, fileTime) };
  } catch (error) {
    return { ok: false, origin, error: normalizeError(error) };
  }
}

/**
 * A .json input: one record, or an array of records ("file.json record 3",
 * counted from 1). Throws BAD_INPUT when the file is not valid JSON.
 */
export function ingestJson(json: string, origin: string, opts: IngestOptions = {}, fileTime?: string): IngestItem[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw badInput(`${origin}: expected JSON, found invalid JSON (${(error as Error).message})`);
  }
  if (Array.isArray(value)) return value.map((record, i) => recordItem(record, `${origin} record ${i + 1}`, opts, fileTime));
  return [recordItem(value, origin, opts, fileTime)];
}

/**
 * A .jsonl input: one record per line ("file.jsonl line 7", counted from 1;
 * blank lines skipped). A bad line is an error item; the other lines are read.
 */
export function ingestJsonl(jsonl: string, origin: string, opts: IngestOptions = {}, fileTime?: string): IngestItem[] {
  const items: IngestItem[] = [];
  jsonl.split(/\r?\n/u).forEach((line, i) => {
    if (line.trim() === '') return;
    const lineOrigin = `${origin} line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      items.push({ ok: false, origin: lineOrigin, error: badInput(`${lineOrigin}: expected a JSON object, found invalid JSON (${(error as Error).message})`) });
      return;
    }
    items.push(recordItem(value, lineOrigin, opts, fileTime));
  });
  return items;
}
