/** Shared state and token helpers of stage 6 (statements): the per-document context, spans, drafts. */
import type { Actor, Cue, Doc, Draft, Mention, Quote, Sentence, TimeExpr } from '../../doc.js';
import type { Span } from '../../schema.js';
import { HONORIFICS, NON_NAME_CAPITALS, SPEECH_MEDIA } from '../../model/words.js';
import { isAdverb } from '../03-cues.js';
import { registryOf } from '../04-actors.js';
import { type PhraseCtx } from '../06-speaker.js';

export interface Ctx {
  doc: Doc;
  // indexes built once so that every per-cue lookup stays local (extraction must be linear in the text)
  timeAt: Map<number, TimeExpr>;
  timesBySentence: Map<number, TimeExpr[]>;
  mentionsBySentence: Map<number, Mention[]>;
  draftsBySentence: Map<number, Draft[]>;
  /** Sentence -> the quote-first statement its quotation was joined to as a part. */
  joined: Map<number, Draft>;
  byFirst: Map<number, Mention>;
  byLast: Map<number, Mention>;
  lastPerson: Mention | null;
  lastThing: Mention | null;
  lastGroup: Mention | null;
}

export const BOUNDARY = new Set([',', 'and', 'but', '–', '—', ';', 'while']);

export const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'reporters', 'journalists']);

export function groupBy<T>(xs: T[], key: (x: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

export function remember(ctx: Ctx, m: Mention): void {
  const a = m.actor;
  if (!a) return;
  // an unknown name written like a person's ("Ms. Nwanguma", "Tom Reyes") is a he/she antecedent too
  if (a.kind === 'person' || (a.kind === 'other' && personShaped(ctx, m))) ctx.lastPerson = m;
  else if (a.kind === 'group') ctx.lastGroup = m;
  else if (a.kind === 'country' || a.kind === 'organization') ctx.lastThing = m;
}

/** Words after a sentence-opening capital that make it a time adverbial ("Hours later", "Weeks earlier"). */
const TIME_AFTER = new Set(['later', 'earlier', 'ago', 'afterward', 'afterwards', 'before']);

/** The mention that opens the sentence, or opens it after a leading adverbial ("On Wednesday, the French president"). */
export function subjectOf(ctx: Ctx, s: Sentence): Mention | null {
  const { tokens } = ctx.doc;
  let i = s.tokens[0];
  while (i < s.tokens[1] && tokens[i]!.type !== 'word') i++;
  const first = tokens[i];
  if (!first || first.quote !== -1) return null;
  const direct = ctx.byFirst.get(i) ?? ctx.byFirst.get(afterHonorific(ctx, i));
  // "Hours later, Trump ...", "Back in 1999, Mr. Trump ...": a lone unknown capital before a lowercase word is an adverbial
  const adverbial = direct !== undefined && direct.tokens[1] - direct.tokens[0] === 1 && direct.actor?.kind === 'other'
    && TIME_AFTER.has(tokens[i + 1]?.lower ?? '');
  if (direct && !adverbial) return resolveMention(ctx, direct);
  if (!adverbial && !NON_NAME_CAPITALS.has(first.lower)) return null;
  for (let k = i; k < s.tokens[1] && k < i + 40; k++) {
    const t = tokens[k]!;
    if (t.quote !== -1) continue;
    if (t.text === ',') {
      let n = k + 1;
      if (tokens[n]?.lower === 'the' && !ctx.byFirst.has(n)) n++;
      const m = ctx.byFirst.get(n) ?? ctx.byFirst.get(afterHonorific(ctx, n));
      return m ? resolveMention(ctx, m) : null;
    }
  }
  return null;
}

/** Resolves a pronoun mention against what came before; other mentions are already resolved. */
export function resolveMention(ctx: Ctx, m: Mention): Mention {
  if (!m.pronoun || m.actor) return m;
  const ante = m.pronoun === 'person' ? ctx.lastPerson ?? nearestPerson(ctx, m) : m.pronoun === 'thing' ? ctx.lastThing : ctx.lastGroup;
  return { ...m, actor: ante?.actor ?? null };
}

/** "WHO" in capitals is the organisation, not the relative pronoun. */
export function isAcronym(word: string): boolean { return word.length > 1 && word === word.toUpperCase(); }

/** A mention starting at k, allowing a leading "the". */
export function mentionAt(ctx: Ctx, k: number): Mention | null {
  const m = ctx.byFirst.get(k);
  return m ? resolveMention(ctx, m) : null;
}

export function pctxOf(ctx: Ctx): PhraseCtx {
  return { doc: ctx.doc, byFirst: ctx.byFirst, byLast: ctx.byLast, cueStarts: new Set(), resolve: (m) => resolveMention(ctx, m) };
}

/** Span of tokens [a, b) with trailing punctuation outside quotations dropped; null when empty. */
export function spanOf(ctx: Ctx, a: number, b: number): Span | null {
  const { tokens } = ctx.doc;
  while (b > a && tokens[b - 1]!.type === 'punct' && tokens[b - 1]!.quote === -1) b--;
  while (a < b && tokens[a]!.type === 'punct' && tokens[a]!.quote === -1) a++;
  if (b <= a) return null;
  return [tokens[a]!.start, tokens[b - 1]!.end];
}

export function onlyPunct(ctx: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ctx.doc.tokens[k]!.type === 'word') return false;
  return true;
}

export function tokenAt(ctx: Ctx, offset: number, from: number, to: number): number {
  for (let k = from; k < to; k++) if (ctx.doc.tokens[k]!.start === offset) return k;
  return -1;
}

export function tokenAfter(ctx: Ctx, offset: number, from: number, to: number): number {
  let k = from;
  while (k < to && ctx.doc.tokens[k]!.start < offset) k++;
  return k;
}

export function firstWord(ctx: Ctx, s: Sentence): number {
  let i = s.tokens[0];
  while (i < s.tokens[1] && ctx.doc.tokens[i]!.type !== 'word') i++;
  return i;
}

/** Sentence-opening conjunctions that may precede the subject of a colon quotation ("And the mayor boasted: ..."). */
export const LEAD_CONJUNCTIONS = new Set(['and', 'but', 'so', 'yet', 'or', 'then']);

/** The sentence's subject: a mention at its first word, after an opening conjunction or an honorific with its dot ("And Mr. Vance"). */
export function leadSubject(ctx: Ctx, s: Sentence): (Mention & { honorific?: boolean }) | null {
  const { tokens } = ctx.doc;
  let k = firstWord(ctx, s);
  const first = subjectOf(ctx, s);
  if (first && first.tokens[0] === k) return first;
  if (k < s.tokens[1] && LEAD_CONJUNCTIONS.has(tokens[k]!.lower)) k++;
  const m = ctx.byFirst.get(k);
  if (m) return resolveMention(ctx, m);
  const h = k + 2 < s.tokens[1] && HONORIFICS.has(tokens[k]!.lower) && tokens[k + 1]!.text === '.' && tokens[k + 1]!.start === tokens[k]!.end ? ctx.byFirst.get(k + 2) : undefined;
  return h ? { ...resolveMention(ctx, h), honorific: true } : null;
}

export function makeDraft(ctx: Ctx, s: Sentence, si: number, speaker: Mention | null, cue: Cue, content: Span, direct: boolean, base: number, group: string | null = null): Draft {
  const fragments = direct ? [] : quotesWithin(ctx, content).map((q) => q.inner);
  let confidence = base * (direct ? 1 : 0.9);
  if (!speaker?.actor) confidence = 0.3;
  else if (speaker.pronoun || speaker.title) confidence *= 0.85;
  if (cue.participle) confidence *= 0.9;
  const d: Draft = {
    sentence: si, sentenceSpan: s.span, speaker: speaker?.actor ?? null, mention: speaker, group,
    cue: { span: cue.span, lemma: cue.lemma, class: cue.class }, content, parts: [], fragments, direct,
    about: aboutIn(ctx, content, speaker?.actor ?? null, [si]), addressee: null, via: null, time: null, inherited: false,
    continuation: false, confidence: Math.round(confidence * 100) / 100, frameTimes: [],
  };
  return d;
}

/** Quotations inside a span, found by binary search over the quotations sorted by opening mark. */
export function quotesWithin(ctx: Ctx, span: Span): Quote[] {
  const qs = ctx.doc.quotes;
  let lo = 0;
  let hi = qs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (qs[mid]!.open < span[0] - 1) lo = mid + 1;
    else hi = mid;
  }
  const out: Quote[] = [];
  for (let i = lo; i < qs.length && qs[i]!.open < span[1]; i++) if (qs[i]!.inner[0] >= span[0] && qs[i]!.inner[1] <= span[1]) out.push(qs[i]!);
  return out;
}

/** Actors named inside the content (and countries behind groups: "British military chiefs" -> United Kingdom). */
export function aboutIn(ctx: Ctx, content: Span, speaker: Actor | null, sentences: number[]): Actor[] {
  const out: Actor[] = [];
  const reg = registryOf(ctx.doc);
  for (const si of sentences) for (const m of ctx.mentionsBySentence.get(si) ?? []) {
    if (m.span[0] < content[0] || m.span[1] > content[1] || m.pronoun) continue;
    const a = m.actor;
    if (a && a.kind === 'other' && m.text.includes('-')) {
      // "a Putin-Zelensky meeting": each part that names a known person
      for (const part of m.text.split('-')) {
        const p = reg.personBySurname(part);
        if (p && p !== speaker && !out.includes(p)) out.push(p);
      }
    }
    if (!a || a.kind === 'other' || a === speaker) continue;
    if (!out.includes(a)) out.push(a);
    for (const n of a.kind === 'group' ? a.nations : []) {
      const c = reg.get(n, 'country', '', m.span[0]);
      if (!out.includes(c)) out.push(c);
    }
  }
  return out;
}

/** The top-level quotation that opens the sentence and ends right before `head` (commas aside), if any. */
export function quoteFirst(ctx: Ctx, s: Sentence, head: number): Span | null {
  const { tokens, quotes } = ctx.doc;
  const first = tokens[s.tokens[0]];
  if (!first || first.type !== 'quote' || first.quote === -1) return null;
  const q = quotes[first.quote]!;
  if (q.open !== first.start) return null;
  let e = head - 1;
  // "'...,' Mr. Regalado said": the honorific before the name's mention
  if (tokens[e]?.text === '.' && HONORIFICS.has(tokens[e - 1]?.lower ?? '') && tokens[e - 1]!.end === tokens[e]!.start) e -= 2;
  while (e > s.tokens[0] && tokens[e]!.quote === -1 && (tokens[e]!.text === ',' || tokens[e]!.text === '—')) e--;
  const last = tokens[e];
  if (!last || last.quote !== first.quote || last.start !== q.close) return null;
  return q.inner;
}

/** Where a content clause that starts at `from` ends (exclusive token index). */
/** Words that open a contrasting clause after a comma, ending a reported clause before them. */
const CONTRAST_OPENERS = new Set(['while', 'but', 'although', 'though', 'whereas', 'which']);

/** ", which is already running, renders ...": the relative clause closes with a comma and the reported clause goes on. */
function closedAside(ctx: Ctx, from: number, sEnd: number): boolean {
  const { tokens } = ctx.doc;
  for (let k = from; k < sEnd; k++) if (tokens[k]!.text === ',' && tokens[k]!.quote === -1) return tokens[k + 1]?.type === 'word' && !tokens[k + 1]!.cap;
  return false;
}

export function clauseEnd(ctx: Ctx, from: number, sEnd: number, cueStarts: Set<number>): number {
  const { tokens } = ctx.doc;
  for (let k = from; k < sEnd; k++) {
    const t = tokens[k]!;
    if (t.quote !== -1) continue;
    if (t.text === ';' || ((t.text === '–' || t.text === '—') && k > from)) return k;
    // "... had lost its identity: 'France is ...,' he claimed": a quotation after a colon is a statement of its own
    if (t.text === ':' && k > from && tokens[k + 1]?.type === 'quote' && tokens[k + 1]!.quote !== -1) return k;
    // ", while 22 percent ...", ", but the party ...": a contrasting clause is the narrator's, not the content
    if (t.text === ',' && k > from && CONTRAST_OPENERS.has(tokens[k + 1]?.lower ?? '') && tokens[k + 1]!.quote === -1
      && !(tokens[k + 1]!.lower === 'which' && closedAside(ctx, k + 2, sEnd))) return k;
    if ((t.lower === 'at' || t.lower === 'in' || t.lower === 'during') && k > from && tokens[k - 1]!.type === 'quote' && tokens[k - 1]!.quote !== -1) {
      for (let n = k + 1; n < sEnd && n < k + 5; n++) if (SPEECH_MEDIA.has(tokens[n]!.lower)) return k;
    }
    if (t.lower === 'according' && tokens[k + 1]?.lower === 'to' && k > from) return k;
    if (cueStarts.has(k) && k > from) {
      // another cue takes over: cut before its subject and the comma or "and" that joins it
      let b = k;
      while (b > from && (ctx.byLast.has(b - 1) || isAdverb(tokens[b - 1]))) {
        const m = ctx.byLast.get(b - 1);
        b = m ? m.tokens[0] : b - 1;
      }
      if (b > from && (BOUNDARY.has(tokens[b - 1]!.lower) || tokens[b - 1]!.text === ',')) {
        let e = b - 1;
        if (tokens[e - 1]?.text === ',' && tokens[e]!.type === 'word') e--;
        return e;
      }
    }
  }
  return sEnd;
}

/** The token after "Mr." / "Sen." at i (the name a mention may start at), or i itself. */
export function afterHonorific(ctx: Ctx, i: number): number {
  const { tokens } = ctx.doc;
  const t = tokens[i];
  const dot = tokens[i + 1];
  return t && dot && HONORIFICS.has(t.lower) && dot.text === '.' && dot.start === t.end ? i + 2 : i;
}

/** Two capitalised words, or a name after an honorific: the shape of a person's name. */
function personShaped(ctx: Ctx, m: Mention): boolean {
  const { tokens } = ctx.doc;
  const h = tokens[m.tokens[0] - 2];
  if (h && HONORIFICS.has(h.lower) && tokens[m.tokens[0] - 1]?.text === '.') return true;
  if (HONORIFICS.has(tokens[m.tokens[0]]?.lower ?? '')) return true;
  let caps = 0;
  for (let k = m.tokens[0]; k < m.tokens[1]; k++) if (tokens[k]!.type === 'word' && tokens[k]!.cap) caps++;
  return caps >= 2 && m.tokens[1] - m.tokens[0] <= 4;
}

/**
 * No person spoke or led a sentence yet: the first person named (the subject
 * before any object: "Reyes spoke of Okoro's term. He ...") in the pronoun's
 * sentence or the two before; an unknown name opening a sentence counts.
 */
function nearestPerson(ctx: Ctx, m: Mention): Mention | null {
  for (let si = m.sentence; si >= 0 && si >= m.sentence - 2; si--) {
    const s = ctx.doc.sentences[si];
    const lead = s ? firstWord(ctx, s) : -1;
    for (const c of ctx.mentionsBySentence.get(si) ?? []) {
      if (c.span[0] >= m.span[0] || !c.actor || c.pronoun) continue;
      if (c.actor.kind === 'person' || (c.actor.kind === 'other' && (personShaped(ctx, c) || c.tokens[0] === lead))) return c;
    }
  }
  return null;
}
