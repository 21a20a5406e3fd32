/**
 * Stage 6, the speaker phrase: the words a cue's subject is written as.
 *
 * The mention stage finds names and titles; a speaker is often more than a
 * name or no name at all: "Mr. Quillan", "campaign spokeswoman Lena
 * Fisk", "Sen. Wilma Okoro (D-Vt.)", "Harlan Voss, 54,", "the mayor's
 * chief of staff, Ivo Renner,", "a senior aide to the governor", "The county
 * auditor's report", "Jenkins' lawyers", "half of the farmers". The phrase is
 * read leftwards from the cue (or rightwards for "said X") over the words a
 * noun phrase is made of, past a trailing parenthetical or appositive, and
 * stops at punctuation and clause words. Its actor is the mention that heads
 * it (the name before any preposition or appositive); when no mention heads
 * it, the phrase itself names a new actor of the article ("senior aide to
 * the governor", kind person; "county auditor's report", kind other; "the
 * campaign", organization; "aides", group), as stage 4 does for "A Japanese
 * government official". Unresolved pronouns stay unresolved (null is
 * preferred to a guess).
 */
import type { Doc, Mention, Token } from '../doc.js';
import type { ActorKind, Span } from '../schema.js';
import {
  DOCUMENT_HEADS, NAME_DETERMINERS, NOT_A_SPEAKER, ORGANIZATION_HEADS, PHRASE_LEAD_TRIM, PHRASE_PREPOSITIONS, PHRASE_STOPS,
  QUANTITY_HEADS, TITLE_ABBREVIATIONS,
} from '../model/speakers.js';
import { GROUP_NOUNS } from '../model/titles.js';
import { registryOf } from './04-actors.js';
import { isTextHead, namesNobody } from './04-actors-heads.js';

export interface PhraseCtx {
  doc: Doc;
  byFirst: Map<number, Mention>;
  byLast: Map<number, Mention>;
  /** Token indexes where a cue starts: a phrase never runs over another cue. */
  cueStarts: Set<number>;
  resolve: (m: Mention) => Mention;
}

/** Longest phrase read, in tokens. */
const MAX_PHRASE = 14;
const MAX_APPOSITIVE = 25;
const DASHES = new Set(['—', '–']);
const ASIDE_PREPOSITIONS = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'while', 'when']);

function isTitleStop(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const w = tokens[i - 1];
  return t !== undefined && t.text === '.' && w !== undefined && w.type === 'word' && w.end === t.start && TITLE_ABBREVIATIONS.has(w.lower);
}

/** "Jenkins' lawyers": an apostrophe glued to a word in -s and followed by a space is a possessive, not a quotation mark. */
function isPossessiveMark(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  const w = doc.tokens[i - 1];
  return t !== undefined && t.type === 'quote' && t.quote === -1 && (t.text === "'" || t.text === '’')
    && w !== undefined && w.type === 'word' && w.end === t.start && /s$/i.test(w.text) && /\s/.test(doc.text.charAt(t.end));
}

/** Index of the "(" matching the ")" at i, within a few tokens; -1 when none. */
function openParen(tokens: Token[], i: number, from: number): number {
  for (let k = i - 1; k >= from && k > i - 10; k--) {
    if (tokens[k]!.text === '(') return k;
    if (tokens[k]!.type === 'quote' || tokens[k]!.text === ')') return -1;
  }
  return -1;
}

interface Phrase { start: number; end: number; headEnd: number; sFirst: number; }

/** The noun phrase ending at token k (inclusive), read leftwards; null when there is none. */
function nounPhraseBefore(ctx: PhraseCtx, k: number, sFirst: number): Phrase | null {
  const { tokens } = ctx.doc;
  let i = k;
  let start = -1;
  let preps = 0;
  while (i >= sFirst && k - i < MAX_PHRASE) {
    const t = tokens[i]!;
    if (t.quote !== -1) break;
    if (i !== k && ctx.cueStarts.has(i + 1) && i + 1 <= k) break;
    if (t.type === 'word') {
      // "US" is a name, "us" a pronoun
      const acronym = t.text.length > 1 && t.text === t.text.toUpperCase() && /\p{L}/u.test(t.text);
      if (PHRASE_STOPS.has(t.lower) && !acronym && !(t.cap && i === k && t.lower !== 'i')) break;
      if (PHRASE_PREPOSITIONS.has(t.lower)) {
        preps++;
        if (preps > 2) break;
      }
      start = i;
      i--;
      continue;
    }
    if (isTitleStop(tokens, i) || isPossessiveMark(ctx.doc, i) || t.text === '&') { start = i; i--; continue; }
    if (t.text === ')') {
      const o = openParen(tokens, i, sFirst);
      if (o < 0) break;
      start = o;
      i = o - 1;
      continue;
    }
    break;
  }
  if (start < 0) return null;
  // leading adverbials and prepositions are not the speaker ("On Monday the mayor"; "In Texas, ...")
  while (start <= k && tokens[start]!.type === 'word' && PHRASE_LEAD_TRIM.has(tokens[start]!.lower) && !ctx.byFirst.has(start)) start++;
  while (start <= k && tokens[start]!.type !== 'word') start++;
  if (start > k) return null;
  // the head: the words before the first preposition of the phrase ("a senior aide" of "a senior aide to the governor")
  let headEnd = k;
  for (let n = start + 1; n <= k; n++) {
    if (tokens[n]!.type === 'word' && PHRASE_PREPOSITIONS.has(tokens[n]!.lower)) { headEnd = n - 1; break; }
  }
  while (headEnd > start && (tokens[headEnd]!.text === ')' || tokens[headEnd]!.type !== 'word')) {
    if (tokens[headEnd]!.text === ')') { const o = openParen(tokens, headEnd, start); headEnd = o > start ? o - 1 : headEnd - 1; } else headEnd--;
  }
  const words = [];
  for (let n = start; n <= k; n++) if (tokens[n]!.type === 'word') words.push(tokens[n]!.lower);
  if (words.length === 0 || (words.length === 1 && NOT_A_SPEAKER.has(words[0]!))) return null;
  return { start, end: k, headEnd, sFirst };
}

/** An appositive between commas: an age ("54"), a party ("R-Kan."), a description ("the council president", "who ..."), or a name. */
function appositiveLike(ctx: PhraseCtx, a: number, b: number): boolean {
  const { tokens } = ctx.doc;
  const first = tokens[a];
  if (!first || a > b) return false;
  if (/^\d{1,3}$/.test(first.text) && b === a) return true;
  if (/^[DRI]-[A-Z]/.test(first.text) || /^(?:D|R|I)$/.test(first.text)) return true;
  if (['a', 'an', 'the', 'who', 'whose', 'which', 'speaking', 'one', 'himself', 'herself', 'former', 'both', 'each'].includes(first.lower)) return true;
  const m = ctx.byFirst.get(a);
  if (m && m.tokens[1] === b + 1) return true;
  // a short aside of place or occasion ("Lena Vos, in Dunmore, said"; "Vos, at a rally on Monday, said")
  if (ASIDE_PREPOSITIONS.has(first.lower) && b - a <= 6) return true;
  // lowercase role descriptions ("chief executive of X", "campaign manager for Y")
  return !first.cap && first.type === 'word' && !PHRASE_STOPS.has(first.lower) && !PHRASE_PREPOSITIONS.has(first.lower);
}

/** The mention heading [start, headEnd]: the one that ends the head; null when the head is a common noun. */
function headMention(ctx: PhraseCtx, p: Phrase): Mention | null {
  // a mention that covers the head and runs to the end ("the former secretary of state")
  const whole = ctx.byLast.get(p.end);
  let m = whole && whole.tokens[0] >= p.start && whole.tokens[0] <= p.headEnd ? whole : ctx.byLast.get(p.headEnd);
  // "X Centre for Y senior epidemiologist Mara Lind": a person named after lowercase role words is who speaks
  if (whole && whole.tokens[0] > p.headEnd && !whole.pronoun) {
    const before = ctx.doc.tokens[whole.tokens[0] - 1]!;
    const r = ctx.resolve(whole);
    if (r.actor?.kind === 'person' && before.type === 'word' && !before.cap && !PHRASE_PREPOSITIONS.has(before.lower) && !NAME_DETERMINERS.has(before.lower)) return r;
  }
  // a mention over the head that runs on past the phrase ("the X Commission on Y (XCY)": the phrase stops before the brackets)
  for (let i = p.start; !m && i <= p.headEnd; i++) {
    const c = ctx.byFirst.get(i);
    if (c && c.tokens[1] - 1 > p.end && c.tokens[1] - 1 <= p.end + 3) m = c;
  }
  if (!m || m.tokens[0] < p.start) return null;
  const r = ctx.resolve(m);
  if (!r.actor) return null;
  // an unknown capitalised word opening the sentence is a common noun ("Half of the voters")
  if (r.actor.kind === 'other' && m.tokens[1] - m.tokens[0] === 1 && m.tokens[0] === p.start && !r.actor.name.includes(' ')) {
    let f = p.sFirst;
    while (f < m.tokens[0] && ctx.doc.tokens[f]!.type !== 'word') f++;
    if (f === m.tokens[0] && p.end > m.tokens[0]) return null;
  }
  return r;
}

function kindOfHead(word: string): ActorKind {
  // a text, a pronoun, an adverb or a verb form names no actor: the statement keeps the words, no Actor node is made
  if (DOCUMENT_HEADS.has(word) || isTextHead(word) || namesNobody(word)) return 'other';
  if (ORGANIZATION_HEADS.has(word)) return 'organization';
  if (GROUP_NOUNS.has(word) || QUANTITY_HEADS.has(word) || (/[^su]s$/.test(word) && word.length > 3)) return 'group';
  return 'person';
}

/** A new actor named by the phrase itself ("senior aide to the governor"). */
function phraseActorMention(ctx: PhraseCtx, span: Span, tokensRange: [number, number], nameStart: number, nameEnd: number, headIdx: number, sentence: number): Mention {
  const { doc } = ctx;
  const { tokens } = doc;
  const head = tokens[headIdx]!.lower.replace(/['’]s$/u, '');
  let ns = nameStart;
  while (ns < nameEnd && NAME_DETERMINERS.has(tokens[ns]!.lower)) ns++;
  const name = doc.text.slice(tokens[ns]!.start, tokens[nameEnd]!.end).replace(/\s+/g, ' ');
  const text = doc.text.slice(span[0], span[1]);
  let kind = kindOfHead(head);
  if (!isTextHead(head) && namesNobody(head)) {
    // "the base chief known (as ...)", "exit polling reported by X", "Harris both": the head is the last noun before
    // the words that name nobody; a name there is the speaker; with no noun at all, the phrase names nobody
    let h = headIdx;
    while (h > ns && (tokens[h]!.type !== 'word' || (namesNobody(tokens[h]!.lower) && !isTextHead(tokens[h]!.lower)))) h--;
    const hw = tokens[h]!.lower.replace(/['’]s$/u, '');
    const m = ctx.byLast.get(h);
    if (m && !m.pronoun && m.tokens[0] >= tokensRange[0]) {
      const r = ctx.resolve(m);
      if (r.actor && r.actor.kind !== 'other') return { ...r, span, tokens: tokensRange, text };
    }
    kind = h === ns && namesNobody(hw) && !isTextHead(hw) ? 'other' : kindOfHead(hw);
  }
  // The name, not the whole phrase, is what later mentions match: "The X (XY)" must not become an alias of X.
  const actor = registryOf(doc).get(name, kind, name, span[0]);
  return { span, tokens: tokensRange, text, actor, pronoun: null, title: null, group: null, sentence, described: true };
}

/**
 * The speaker phrase whose last token is j (the token before the cue and its
 * auxiliaries). Returns a mention spanning the whole phrase, whose actor is
 * the heading mention's or a new described actor; null when the words before
 * the cue are not a noun phrase.
 */
export function subjectPhrase(ctx: PhraseCtx, j: number, sFirst: number, sentence: number): Mention | null {
  const { doc } = ctx;
  const { tokens } = doc;
  let k = j;
  let end = j;
  let named: Mention | null = null;
  // a stray comma after the parenthetical: "Sen. Wilma Okoro (D-Vt.), said"
  if (tokens[k]?.text === ',' && tokens[k - 1]?.text === ')' && k - 1 > sFirst) { k--; end = k; }
  // a trailing parenthetical: "Sen. Wilma Okoro (D-Vt.) said"
  if (tokens[k]?.text === ')') {
    const o = openParen(tokens, k, sFirst);
    if (o <= sFirst) return null;
    k = o - 1;
  }
  // a trailing appositive: "Harlan Voss, 54, said", "the mayor's chief of staff, Ivo Renner, told"
  if (tokens[k]?.text === ',' && tokens[k]!.quote === -1) {
    let c = k - 1;
    let cueInside = false;
    while (c > sFirst && c > k - MAX_APPOSITIVE && !(tokens[c]!.text === ',' && tokens[c]!.quote === -1)) {
      const t = tokens[c]!;
      if (t.quote !== -1 || t.text === ';' || t.text === ':') return null;
      if (ctx.cueStarts.has(c)) cueInside = true;
      c--;
    }
    if (c <= sFirst || tokens[c]!.text !== ',') return null;
    // a cue may sit inside a relative clause ("Barkley, who said he ..., said"), not inside other appositives
    if (cueInside && !['who', 'which', 'whose'].includes(tokens[c + 1]?.lower ?? '')) return null;
    if (!appositiveLike(ctx, c + 1, k - 1)) return null;
    const inner = ctx.byFirst.get(c + 1);
    if (inner && inner.tokens[1] === k && !inner.pronoun) {
      const r = ctx.resolve(inner);
      if (r.actor) named = r;
    }
    end = k - 1;
    k = c - 1;
    if (tokens[end]?.text === '.' && !isTitleStop(tokens, end)) end--;
  }
  // an aside between dashes: "Lena Vos — a baker from Dunmore — says", "Party leaders — and, above all, Lena Vos — insisted"
  if (end === j && DASHES.has(tokens[k]?.text ?? '') && tokens[k]!.quote === -1) {
    let c = k - 1;
    while (c > sFirst && c > k - MAX_APPOSITIVE && !DASHES.has(tokens[c]!.text)) {
      const t = tokens[c]!;
      if (t.quote !== -1 || t.text === ';' || t.text === ':' || ctx.cueStarts.has(c)) return null;
      c--;
    }
    if (c <= sFirst || !DASHES.has(tokens[c]!.text) || c === k - 1) return null;
    end = k - 1;
    k = c - 1;
  }
  const p = nounPhraseBefore(ctx, k, sFirst);
  if (!p) return null;
  const span: Span = [tokens[p.start]!.start, tokens[Math.max(end, p.end)]!.end];
  const range: [number, number] = [p.start, Math.max(end, p.end) + 1];
  const head = headMention(ctx, p);
  // "the mayor's chief of staff, Ivo Renner": the name in the appositive is who spoke when the phrase has no name of its own
  const actorOf = head ?? named;
  if (actorOf) {
    // only determiners before the heading mention: the mention as found ("A Freedonian government official" -> its mention)
    let lead = p.start;
    while (lead < actorOf.tokens[0] && NAME_DETERMINERS.has(tokens[lead]!.lower)) lead++;
    if (head && lead >= head.tokens[0] && end <= p.end) return head;
    const text = doc.text.slice(span[0], span[1]);
    return { ...actorOf, span, tokens: range, text };
  }
  return phraseActorMention(ctx, span, range, p.start, p.end, p.headEnd, sentence);
}

/**
 * The speaker phrase after an inverted cue ("..., said Dr. Ferreira, the clinic
 * president"; "said one staff member who was in the room"), from token k.
 */
export function phraseAfter(ctx: PhraseCtx, k: number, sEnd: number, sentence: number): Mention | null {
  const { doc } = ctx;
  const { tokens } = doc;
  let i = k;
  // title abbreviations before the name: "said Dr. Ferreira"
  while (i + 1 < sEnd && tokens[i]!.type === 'word' && TITLE_ABBREVIATIONS.has(tokens[i]!.lower) && tokens[i + 1]!.text === '.') i += 2;
  // the mention may start at the title itself ("Sen. Ada Quist" is one mention)
  const m = ctx.byFirst.get(k) ?? ctx.byFirst.get(i) ?? (tokens[i]?.lower === 'the' ? ctx.byFirst.get(i + 1) : undefined);
  if (m && !m.pronoun) {
    const r = ctx.resolve(m);
    if (r.actor) {
      const span: Span = [tokens[k]!.start, m.span[1]];
      return { ...r, span, tokens: [k, m.tokens[1]], text: doc.text.slice(span[0], span[1]) };
    }
  }
  if (m?.pronoun) return ctx.resolve(m);
  // a described speaker: determiner or quantifier, modifiers, head noun
  let e = i;
  while (e < sEnd && e - i < 8) {
    const t = tokens[e]!;
    if (t.type !== 'word' || t.quote !== -1 || PHRASE_STOPS.has(t.lower) || PHRASE_PREPOSITIONS.has(t.lower)) break;
    e++;
  }
  if (e === i) return null;
  const first = tokens[i]!.lower;
  let last = e - 1;
  // "one staff member who was in the room": the relative clause belongs to the speaker
  if (e < sEnd && (tokens[e]!.lower === 'who' || tokens[e]!.lower === 'that')) {
    let r = e + 1;
    while (r < sEnd && tokens[r]!.text !== ',' && tokens[r]!.text !== ';' && tokens[r]!.quote === -1) r++;
    last = r - 1;
    while (last > e && tokens[last]!.type !== 'word') last--;
  }
  if (!(NAME_DETERMINERS.has(first) || /^(?:one|two|three|several|many|some|\d+)$/.test(first))) return null;
  if (e - i === 1) return null;
  const span: Span = [tokens[k]!.start, tokens[last]!.end];
  return phraseActorMention(ctx, span, [k, last + 1], i, e - 1, e - 1, sentence);
}

/**
 * A described source over tokens [a, b): "a new study by the Lakeshore
 * Policy Institute", "state records". Its actor is the name heading it when
 * there is one ("the Lakeshore Water Board"), else the phrase; null for an empty phrase.
 */
export function describedSource(ctx: PhraseCtx, a: number, b: number, sentence: number): Mention | null {
  const { tokens } = ctx.doc;
  while (b > a && tokens[b - 1]!.type !== 'word') b--;
  if (b <= a || b - a > 20) return null;
  let headEnd = b - 1;
  for (let n = a + 1; n < b; n++) if (tokens[n]!.type === 'word' && PHRASE_PREPOSITIONS.has(tokens[n]!.lower)) { headEnd = n - 1; break; }
  const p: Phrase = { start: a, end: b - 1, headEnd, sFirst: a };
  const head = headMention(ctx, p);
  const span: Span = [tokens[a]!.start, tokens[b - 1]!.end];
  if (head) return { ...head, span, tokens: [a, b], text: ctx.doc.text.slice(span[0], span[1]) };
  const words = [];
  for (let n = a; n < b; n++) if (tokens[n]!.type === 'word') words.push(tokens[n]!.lower);
  if (words.length === 0 || (words.length === 1 && NOT_A_SPEAKER.has(words[0]!))) return null;
  return phraseActorMention(ctx, span, [a, b], a, b - 1, headEnd, sentence);
}
