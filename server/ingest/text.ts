import { deriveTitle, makeArticle } from './article.js';
import { parseLooseDate, resolveRelativeTime, isRelativeTime, type ResolvedDate } from './dates.js';
import { assertTextString, emptyText } from './guards.js';
import { requireIsoDate, retrievalTime } from './resolve.js';
import { segmentText } from './split.js';
import type { IngestedArticle, IngestMeta, IngestOptions } from './types.js';

/**
 * Turns plain text into articles. An aggregator page ("Related Articles"
 * followed by source / time / title / body blocks) becomes one article per
 * block plus the main one; any other text is one article whose first line is
 * its title when it looks like a headline.
 *
 * Each article's `text` is its body (title line excluded) and is an exact
 * slice of the input: `text === input.slice(...originSpan)`, so statement
 * offsets map back into the file. Relative times ("an hour ago") resolve
 * against meta.retrievedAt. Throws BAD_INPUT (empty text, bad dates) or
 * UNSUPPORTED_INPUT (binary data) naming meta.origin.
 */
export function ingestText(text: string, meta: IngestMeta, opts: IngestOptions = {}): IngestedArticle[] {
  const origin = meta.origin;
  assertTextString(origin, text);
  const retrieved = retrievalTime(origin, meta.retrievedAt);
  const given = meta.publishedAt === undefined ? null : requireIsoDate(origin, 'publishedAt', meta.publishedAt);
  const fallback = opts.publishedAt === undefined ? null : requireIsoDate(origin, 'publishedAt', opts.publishedAt);
  const segments = segmentText(text);
  if (segments.length === 0) throw emptyText(origin);
  const givenTitle = meta.title?.trim() || undefined;

  return segments.map((seg, index) => {
    let span = seg.span;
    let title = seg.title;
    if (index === 0 && givenTitle !== undefined) {
      // Text handed over with its own title (a record) may repeat it as its first line: keep it out of the body.
      if (title === null) span = dropLeadingLine(text, span, givenTitle);
      title = givenTitle;
    }
    const body = text.slice(span[0], span[1]);
    const pageDate: ResolvedDate | null = seg.timeText === null ? null : dateOfTimeLine(seg.timeText, retrieved.date);
    // A block's own time line is about that block; the caller's date is about the document.
    const date = pageDate ?? given ?? fallback;
    return makeArticle({
      title: title ?? deriveTitle(body),
      text: body,
      source: seg.source ?? meta.source ?? opts.source ?? null,
      url: meta.url ?? null,
      publishedAt: date?.value ?? null,
      publishedAtPrecision: date?.precision ?? 'unknown',
      retrievedAt: retrieved.iso,
      origin,
      originSpan: span,
    });
  });
}

function dateOfTimeLine(timeText: string, retrievedAt: Date): ResolvedDate | null {
  return isRelativeTime(timeText) ? resolveRelativeTime(timeText, retrievedAt) : parseLooseDate(timeText);
}

/** Moves span past its first line when that line is `line` and more text follows it. */
function dropLeadingLine(text: string, span: [number, number], line: string): [number, number] {
  const body = text.slice(span[0], span[1]);
  const first = /^[^\r\n]*/u.exec(body)?.[0] ?? '';
  const rest = body.slice(first.length);
  if (first.trim() !== line || rest.trim() === '') return span;
  return [span[0] + first.length + (rest.length - rest.trimStart().length), span[1]];
}
