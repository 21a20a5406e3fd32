import type { Span } from '../extract/index.js';
import { isBoilerplateLine, isRelatedMarker } from './chrome.js';
import { isRelativeTime, parseLooseDate } from './dates.js';
import { endsSentence, isBlank, looksLikeHeadline, splitLines, trimmedSpan, type Line } from './lines.js';

/** One article found in a plain text: where its body is and what the page says about it. */
export interface Segment {
  /** The headline line, trimmed; null when the text has none. */
  title: string | null;
  /** Body offsets in the text (title excluded): text.slice(...span) is the article text. */
  span: Span;
  /** Outlet named on the page ("Russia Today"), null when none. */
  source: string | null;
  /** The page's time line for the article ("an hour ago", "Aug 19, 2025"), null when none. */
  timeText: string | null;
}

const words = (s: string) => s.trim().split(/\s+/u).filter(Boolean).length;

/** A short line that gives nothing but a time: "an hour ago", "yesterday", "Aug 19, 2025". */
export function isTimeLine(line: string): boolean {
  const s = line.trim();
  if (s === '' || s.length > 40) return false;
  if (isRelativeTime(s)) return true;
  return words(s) <= 6 && /\d/.test(s) && !endsSentence(s.replace(/\.$/, '')) && parseLooseDate(s) !== null;
}

/** A line that can name an outlet above a time line: short, no sentence, no chrome. */
function isSourceLine(line: string): boolean {
  const s = line.trim();
  return s !== '' && s.length <= 60 && words(s) <= 8 && !endsSentence(s) && !isTimeLine(s) && !isBoilerplateLine(s);
}

/**
 * Lines between the time line and the headline: a repeated source ("- Russia
 * Today", captured) or an author byline ("By Jane Doe": a person, not an
 * outlet, so not captured).
 */
const BYLINE_RE = /^(?:[-–—•·]\s*(\S.{0,60})|[Bb]y\s+\S.{0,60})$/u;

/**
 * Index just past the last line of real text in lines[from..to): trailing
 * blank lines and known chrome ("Hashtags", "Comments", "No comments yet...")
 * are dropped, and so are trailing short lines that end no sentence
 * ("Try Our AI Features") as long as some earlier line does end one: a page's
 * chrome after an article is short labels, an article ends with a sentence.
 */
export function trimTrailingChrome(lines: Line[], from: number, to: number): number {
  let end = to;
  let lastSentence = -1;
  for (let i = from; i < to; i += 1) if (endsSentence(lines[i]?.text ?? '')) lastSentence = i;
  while (end > from) {
    const line = lines[end - 1];
    if (!line) break;
    const text = line.text.trim();
    const isChrome =
      text === '' || isBoilerplateLine(text) || (end - 1 > lastSentence && lastSentence >= from && !endsSentence(text) && words(text) <= 12);
    if (!isChrome) break;
    end -= 1;
  }
  return end;
}

/** Index of the first line at or after `from` that is neither blank nor known chrome. */
function skipLeadingChrome(lines: Line[], from: number, to: number): number {
  let i = from;
  while (i < to && (isBlank(lines[i]) || isBoilerplateLine(lines[i]?.text ?? ''))) i += 1;
  return i;
}

/**
 * The single article in lines[from..to): the first line is its title when it
 * looks like a headline and text follows it; the body is the rest, chrome
 * trimmed. Null when no text is left.
 */
function singleSegment(text: string, lines: Line[], from: number, to: number): Segment | null {
  const end = trimTrailingChrome(lines, from, to);
  const first = skipLeadingChrome(lines, from, end);
  const head = lines[first];
  if (!head) return null;
  let bodyFrom = first;
  let title: string | null = null;
  if (looksLikeHeadline(head.text) && trimmedSpan(text, lines, first + 1, end) !== null) {
    title = head.text.trim();
    bodyFrom = first + 1;
  }
  const span = trimmedSpan(text, lines, bodyFrom, end);
  return span ? { title, span, source: null, timeText: null } : null;
}

interface Header {
  /** First line of the block (the source line, or the time line when there is none). */
  start: number;
  time: number;
}

/**
 * Splits a plain text into its articles.
 *
 * An aggregator page is one main article, then a "Related Articles"-style
 * marker line, then blocks of: an optional source line ("Russia Today"), a
 * time line ("an hour ago"), optional byline/repeated-source lines
 * ("- Russia Today"), a headline line, and the body up to the next block.
 * When the marker is followed by at least one such block, the page yields the
 * main article plus one segment per block; otherwise the whole text is one
 * article. Chrome lines at the edges of every article are dropped.
 */
export function segmentText(text: string): Segment[] {
  const lines = splitLines(text);
  const marker = lines.findIndex((l) => isRelatedMarker(l.text));
  if (marker >= 0) {
    const blocks = relatedBlocks(text, lines, marker + 1);
    if (blocks.length > 0) {
      const main = singleSegment(text, lines, 0, marker);
      return main ? [main, ...blocks] : blocks;
    }
  }
  const single = singleSegment(text, lines, 0, lines.length);
  return single ? [single] : [];
}

function relatedBlocks(text: string, lines: Line[], from: number): Segment[] {
  const headers: Header[] = [];
  for (let i = from; i < lines.length; i += 1) {
    if (!isTimeLine(lines[i]?.text ?? '')) continue;
    const previousEnd = headers.at(-1)?.time ?? from - 1;
    const above = i - 1;
    const start = above > previousEnd && !isBlank(lines[above]) && isSourceLine(lines[above]?.text ?? '') ? above : i;
    headers.push({ start, time: i });
  }
  const segments: Segment[] = [];
  headers.forEach((h, k) => {
    const blockEnd = headers[k + 1]?.start ?? lines.length;
    let j = h.time + 1;
    let byline: string | null = null;
    for (;;) {
      while (j < blockEnd && isBlank(lines[j])) j += 1;
      const m = BYLINE_RE.exec(lines[j]?.text.trim() ?? '');
      if (j >= blockEnd || !m) break;
      if (m[1] !== undefined) byline ??= m[1].trim();
      j += 1;
    }
    const titleLine = lines[j];
    if (j >= blockEnd || !titleLine || !looksLikeHeadline(titleLine.text)) return;
    const end = trimTrailingChrome(lines, j + 1, blockEnd);
    const span = trimmedSpan(text, lines, j + 1, end);
    if (!span) return;
    const sourceLine = h.start < h.time ? lines[h.start]?.text.trim() ?? null : null;
    segments.push({
      title: titleLine.text.trim(),
      span,
      source: sourceLine ?? byline,
      timeText: lines[h.time]?.text.trim() ?? null,
    });
  });
  return segments;
}
