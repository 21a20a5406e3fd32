/**
 * Stage 1: paragraphs, tokens and sentence boundaries.
 *
 * A hand-written tokenizer rather than wink-nlp's: it keeps exact character
 * offsets, keeps apostrophes inside words ("Ukraine's", "We're") so every
 * remaining ' or ’ is a quotation-mark candidate, and runs several times faster
 * (see docs/extraction.md). Sentences split on . ! ? followed by space and a
 * capital, digit or quotation mark, except after known abbreviations; stage 2
 * re-joins sentences that fall inside one quotation.
 */
import type { Doc, Sentence, Token } from '../doc.js';
import { ABBREVIATIONS } from '../model/words.js';
import { QUOTE_TAG_VERBS } from '../model/cues.js';

/**
 * The tokens, as this regular expression finds them (it was the tokenizer;
 * scanTokens below gives exactly its matches, about three times faster warm, and
 * test/extract/tokens.test.ts holds the two to each other):
 *   /([\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:[-.][\p{L}\p{N}]+(?:['’][\p{L}]+)*)*)|(''|['"‘’“”«»„])|[^\s\p{L}\p{N}]/gu
 * Words keep inner apostrophes, hyphens and dots ("Hamas's", "Putin-Zelensky",
 * "1.3", "U.S"); a doubled apostrophe ('') is one double quotation mark (the
 * convention of some newspaper archives); any other character that is not
 * white space is a token of its own.
 */
const LETTER = 1;
const NUMBER = 2;
const SPACE = 4;
const ASCII_CLASS = (() => {
  const c = new Uint8Array(128);
  for (let i = 0; i < 128; i++) {
    const ch = String.fromCharCode(i);
    c[i] = (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/\s/.test(ch) ? SPACE : 0);
  }
  return c;
})();
const CLASS_OF = new Map<number, number>();
/** LETTER, NUMBER or SPACE (\s), or 0, of a code point. */
function classOf(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp]!;
  let c = CLASS_OF.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/\s/u.test(ch) ? SPACE : 0);
    CLASS_OF.set(cp, c);
  }
  return c;
}
const QUOTE_MARKS = new Set([...'\'"‘’“”«»„'].map((ch) => ch.charCodeAt(0)));
const APOSTROPHE = 0x27;
const RIGHT_SINGLE = 0x2019;

/** Index after the run of code points from `i` whose class is in `mask`. */
function runOf(text: string, i: number, mask: number): number {
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if ((classOf(cp) & mask) === 0) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** Whether the code point at `i` is in `mask`. */
function isAt(text: string, i: number, mask: number): boolean {
  return i < text.length && (classOf(text.codePointAt(i)!) & mask) !== 0;
}

/** Calls `push` with every token's start, end and type, in text order: the matches of the expression above. */
export function scanTokens(text: string, push: (start: number, end: number, type: Token['type']) => void): void {
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const c = classOf(cp);
    if (c & SPACE) { i += width; continue; }
    if (c & (LETTER | NUMBER)) {
      let j = runOf(text, i + width, LETTER | NUMBER);
      for (;;) {
        const sep = text.charCodeAt(j);
        if ((sep === APOSTROPHE || sep === RIGHT_SINGLE) && isAt(text, j + 1, LETTER)) j = runOf(text, j + 1, LETTER);
        else if ((sep === 0x2d || sep === 0x2e) && isAt(text, j + 1, LETTER | NUMBER)) j = runOf(text, j + 1, LETTER | NUMBER);
        else break;
      }
      push(i, j, 'word');
      i = j;
      continue;
    }
    if (cp === APOSTROPHE && text.charCodeAt(i + 1) === APOSTROPHE) { push(i, i + 2, 'quote'); i += 2; continue; }
    push(i, i + width, QUOTE_MARKS.has(cp) ? 'quote' : 'punct');
    i += width;
  }
}
/** `s.toLowerCase()`, without the call for ASCII that has no capitals (most tokens): the same string either way. */
function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f || (c >= 0x41 && c <= 0x5a)) return s.toLowerCase();
  }
  return s;
}

/** A sentence longer than this is cut at a space: keeps every later stage linear on text with no punctuation. */
const MAX_SENTENCE = 4000;

/** '"Where is it?" Reyes asked.': after ?" or !" a short tag with a speech verb ends the same sentence. */
function quoteTag(tokens: Token[], mark: Token, j: number, pe: number): boolean {
  if (mark.text !== '?' && mark.text !== '!') return false;
  if (tokens[j - 1]?.type !== 'quote') return false;
  for (let k = j; k < j + 7 && k < tokens.length && tokens[k]!.end <= pe; k++) {
    const t = tokens[k]!;
    if (t.type !== 'word' && t.text !== '.') return false;
    if (QUOTE_TAG_VERBS.has(t.lower)) return true;
  }
  return false;
}

/** Splits `doc.text` into paragraphs (by line), tokens, and provisional sentences. */
export function sentences(doc: Doc): void {
  const { text } = doc;
  const tokens: Token[] = [];
  scanTokens(text, (start, end, type) => {
    const t = text.slice(start, end);
    const first = t.charAt(0);
    const low = lowerCase(t);
    tokens.push({
      start, end, text: t, lower: low.includes('’') ? low.replace(/’/g, "'") : low, type,
      cap: type === 'word' && first !== low.charAt(0), quote: -1,
    });
  });
  doc.tokens = tokens;

  // Paragraphs are non-blank lines: aggregator pages and wire copy both put one paragraph per line.
  const paragraphs: [number, number][] = [];
  const lineRe = /[^\n\r]+/g;
  for (const m of text.matchAll(lineRe)) {
    if (m[0].trim() === '') continue;
    const lead = m[0].length - m[0].trimStart().length;
    paragraphs.push([m.index + lead, m.index + m[0].trimEnd().length]);
  }
  doc.paragraphs = paragraphs;

  const out: Sentence[] = [];
  let ti = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const [ps, pe] = paragraphs[p]!;
    while (ti < tokens.length && tokens[ti]!.start < ps) ti++;
    let first = ti;
    let i = ti;
    while (i < tokens.length && tokens[i]!.end <= pe) {
      const t = tokens[i]!;
      let cut = -1;
      if (t.type === 'punct' && (t.text === '.' || t.text === '!' || t.text === '?' || t.text === '…')) {
        let j = i + 1;
        // closing marks glued to the full stop belong to this sentence: ground.' He added
        while (j < tokens.length && tokens[j]!.end <= pe && tokens[j]!.start === tokens[j - 1]!.end
          && (tokens[j]!.type === 'quote' || tokens[j]!.text === ')' || tokens[j]!.text === '.' || tokens[j]!.text === '!' || tokens[j]!.text === '?')) j++;
        const next = tokens[j];
        const prev = tokens[i - 1];
        const abbrev = t.text === '.' && prev !== undefined && prev.end === t.start
          && (ABBREVIATIONS.has(prev.lower) || /^\p{Lu}$/u.test(prev.text));
        if (next === undefined || next.end > pe) cut = j;
        else if (!abbrev && next.start > tokens[j - 1]!.end && (next.cap || next.type === 'quote' || /^\p{N}/u.test(next.text))
          && !quoteTag(tokens, t, j, pe)) cut = j;
      }
      if (cut < 0 && t.end - tokens[first]!.start > MAX_SENTENCE && i > first) cut = i + 1;
      if (cut >= 0) {
        out.push({ span: [tokens[first]!.start, tokens[cut - 1]!.end], paragraph: p, tokens: [first, cut] });
        first = cut;
        i = cut;
      } else i++;
    }
    if (first < i) out.push({ span: [tokens[first]!.start, tokens[i - 1]!.end], paragraph: p, tokens: [first, i] });
    ti = i;
  }
  doc.sentences = out;
}
