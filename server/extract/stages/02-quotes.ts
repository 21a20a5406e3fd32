/**
 * Stage 2: quotation marks, told apart from apostrophes, paired into quotations.
 *
 * Apostrophes inside words never reach here (the tokenizer keeps them in the
 * word). A remaining mark opens when it follows space or an opening bracket and
 * precedes a non-space character; it closes when it follows a non-space
 * character and precedes space, punctuation or the end. Curly marks only act in
 * their own direction, straight ones in either; a doubled apostrophe ('') is
 * a straight double mark (stage 1 makes it one token); mixes like ‘boots on the
 * ground' pair up. A quotation left open at the end of a paragraph continues
 * when the next paragraph opens with a mark (the long-quote convention);
 * otherwise it is dropped as unbalanced. Sentences that a quotation spans are
 * joined, so "'... fire. It is ...,' he wrote." is one sentence.
 */
import type { Doc, Quote, Sentence } from '../doc.js';

/** Quotations longer than this are treated as unbalanced marks: bounds the work on broken input. */
const MAX_QUOTE = 20000;

interface Open { pos: number; len: number; kind: 'single' | 'double'; }

function isSpace(c: string | undefined): boolean { return c === undefined || /\s/.test(c); }

/** Finds quotations, marks the tokens inside top-level ones, and joins the sentences they span. */
export function quotes(doc: Doc): void {
  const { text, tokens } = doc;
  const found: Quote[] = [];
  let stack: Open[] = [];
  let para = 0;
  const paraOf = (pos: number): number => {
    while (para + 1 < doc.paragraphs.length && doc.paragraphs[para + 1]![0] <= pos) {
      // Crossing into a new paragraph: keep open quotations only when the new one opens with a mark.
      para++;
      const ps = doc.paragraphs[para]![0];
      const c = text.charAt(ps);
      if (stack.length > 0 && !("'\"‘“«„".includes(c))) stack = [];
    }
    return para;
  };
  for (const t of tokens) {
    if (t.type !== 'quote') continue;
    const p = paraOf(t.start);
    const c = t.text;
    const before = text.charAt(t.start - 1);
    const after = text.charAt(t.end);
    // a curly double opening mark opens even glued to a comma ('said,“Look')
    const opener = (t.start === 0 || isSpace(before) || '([{—–-/:'.includes(before) || '"“‘\''.includes(before) || ((c === '“' || c === '«' || c === '„') && before === ',')) && !isSpace(after);
    const closer = t.start > 0 && !isSpace(before) && (isSpace(after) || /[\p{P}]/u.test(after) || t.end >= text.length);
    const kind: 'single' | 'double' = "'‘’".includes(c) ? 'single' : 'double';
    const top = stack[stack.length - 1];
    // A mark at a paragraph start while a quotation of the same kind is open is the continuation mark.
    if (top && top.kind === kind && t.start === doc.paragraphs[p]![0] && opener && paraStartContinues(doc, top.pos, p)) continue;
    const canClose = c !== '‘' && c !== '“' && c !== '„' && c !== '«';
    const canOpen = c !== '’' && c !== '”' && c !== '»';
    const idx = findOpen(stack, kind);
    if (canClose && closer && idx >= 0) {
      const o = stack[idx]!;
      stack.length = idx; // marks opened inside and never closed are dropped
      if (t.start - o.pos <= MAX_QUOTE) found.push({ open: o.pos, close: t.start, inner: [o.pos + o.len, t.start], kind, depth: idx > 0 ? 1 : 0 });
    } else if (canOpen && opener) {
      stack.push({ pos: t.start, len: t.end - t.start, kind });
    }
  }
  // nesting depth: a quotation inside another one is a fragment of it
  found.sort((a, b) => a.open - b.open);
  const tops: Quote[] = [];
  for (const q of found) {
    const outer = tops[tops.length - 1];
    if (outer && q.open > outer.open && q.close < outer.close) q.depth = 1;
    else { q.depth = 0; tops.push(q); }
  }
  doc.quotes = found;
  let k = 0;
  for (let qi = 0; qi < found.length; qi++) {
    const q = found[qi]!;
    if (q.depth !== 0) continue;
    while (k < tokens.length && tokens[k]!.start < q.open) k++;
    for (let j = k; j < tokens.length && tokens[j]!.start <= q.close; j++) tokens[j]!.quote = qi;
  }
  // join sentences that one quotation spans
  const merged: Sentence[] = [];
  let qi = 0;
  for (const s of doc.sentences) {
    const last = merged[merged.length - 1];
    while (qi < tops.length && tops[qi]!.close < s.span[0]) qi++;
    const q = tops[qi];
    if (last && q && q.open < last.span[1] && q.close >= s.span[0]) {
      last.span = [last.span[0], s.span[1]];
      last.tokens = [last.tokens[0], s.tokens[1]];
    } else merged.push({ ...s });
  }
  doc.sentences = merged;
}

function findOpen(stack: Open[], kind: 'single' | 'double'): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.kind === kind) return i;
  return -1;
}

/** The open quotation began in an earlier paragraph, so this paragraph-initial mark continues it. */
function paraStartContinues(doc: Doc, openPos: number, p: number): boolean {
  return openPos < doc.paragraphs[p]![0];
}
