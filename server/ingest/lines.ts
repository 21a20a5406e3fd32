import type { Span } from '../extract/index.js';

/** One line of a text with its offsets; `text` excludes the line break (and a trailing \r). */
export interface Line {
  text: string;
  start: number;
  end: number;
}

/** Splits text into lines keeping offsets, so any run of lines maps back to a slice of the text. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r?\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ text: text.slice(start), start, end: text.length });
  return lines;
}

export const isBlank = (line: Line | undefined): boolean => line === undefined || line.text.trim() === '';

/** The span of lines[from..to) with surrounding whitespace removed; null when it holds no text. */
export function trimmedSpan(source: string, lines: Line[], from: number, to: number): Span | null {
  if (from >= to) return null;
  const first = lines[from];
  const last = lines[to - 1];
  if (!first || !last) return null;
  let s = first.start;
  let e = last.end;
  while (s < e && /\s/u.test(source[s] ?? '')) s += 1;
  while (e > s && /\s/u.test(source[e - 1] ?? '')) e -= 1;
  return s < e ? [s, e] : null;
}

/** Sentence-final: ends with . ! ? (optionally inside closing quotes or brackets), but not an ellipsis. */
export function endsSentence(line: string): boolean {
  const s = line.trim();
  if (/(\.\.\.|…)["'’”)\]]*$/u.test(s)) return false;
  return /[.!?]["'’”)\]]*$/u.test(s);
}

const HEADLINE_MAX_CHARS = 200;
const HEADLINE_MAX_WORDS = 30;

/**
 * True when a line reads like a headline: short, has letters, and does not
 * end like a sentence (headlines carry no final period) or a lead-in (":", ",").
 */
export function looksLikeHeadline(line: string): boolean {
  const s = line.trim();
  if (s === '' || s.length > HEADLINE_MAX_CHARS || !/\p{L}/u.test(s)) return false;
  if (s.split(/\s+/u).length > HEADLINE_MAX_WORDS) return false;
  if (/[.:;,]["'’”)\]]*$/u.test(s) && !/[?!]["'’”)\]]*$/u.test(s)) return false;
  return true;
}
