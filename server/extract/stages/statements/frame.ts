/** Stage 6 helpers around a cue: who speaks before it, what sits between it and its content, the source after "according to". */
import type { Actor, Cue, Mention, Sentence, TimeExpr } from '../../doc.js';
import type { Span } from '../../schema.js';
import { GROUP_MODIFIERS, GROUP_NOUNS, PREDECESSOR_WORDS, ROLE_HEADS, ROLE_WORDS } from '../../model/titles.js';
import { PERSON_NOUNS } from '../../model/lexicon.js';
import { HONORIFICS, PLATFORMS, SPEECH_MEDIA } from '../../model/words.js';
import { isAdverb } from '../03-cues.js';
import { registryOf } from '../04-actors.js';
import { describedSource } from '../06-speaker.js';
import { DOCUMENT_HEADS, QUANTITY_HEADS } from '../../model/speakers.js';
import { type Ctx, OBJECT_PRONOUNS, resolveMention, isAcronym, mentionAt, pctxOf, tokenAfter, firstWord } from './ctx.js';

/**
 * A quotation that ends the sentence, opened after a comma or colon within a
 * short frame of words after the cue (no "that", no other cue, no other
 * punctuation before it); its index in doc.quotes, or -1.
 */
export function quoteAfterFrame(ctx: Ctx, k: number, sEnd: number, cueStarts: Set<number>): number {
  const { tokens, quotes } = ctx.doc;
  for (let n = k; n < sEnd && n < k + 14; n++) {
    const t = tokens[n]!;
    if (t.quote !== -1) return -1;
    if (cueStarts.has(n) || t.lower === 'that') return -1;
    if (t.text === ',' || t.text === ':') {
      const o = tokens[n + 1];
      if (!o || o.type !== 'quote' || o.quote === -1 || quotes[o.quote]!.open !== o.start || n === k) return -1;
      for (let r = n + 1; r < sEnd; r++) if (tokens[r]!.quote === -1 && tokens[r]!.type === 'word') return -1;
      return o.quote;
    }
    // an honorific's dot inside the frame ("says of Mr. Vance, '...'")
    if (t.type !== 'word' && !(t.text === '.' && n > k && tokens[n - 1]!.end === t.start && HONORIFICS.has(tokens[n - 1]!.lower))) return -1;
  }
  return -1;
}

/** A described source whose head is a medium of speech ("a statement released on Tuesday", "a letter seen by X"). */
export function mediumPhrase(ctx: Ctx, m: Mention): boolean {
  const { tokens } = ctx.doc;
  for (let k = m.tokens[0]; k < m.tokens[1] && k < m.tokens[0] + 4; k++) if (SPEECH_MEDIA.has(tokens[k]!.lower)) return true;
  return false;
}

/** The speaker phrase is a document, poll or figure ("A new poll", "the audit", "state records"). */
export function documentSpeaker(ctx: Ctx, speaker: Mention | null): boolean {
  if (!speaker) return false;
  const { tokens } = ctx.doc;
  for (let k = speaker.tokens[0]; k < speaker.tokens[1]; k++) if (DOCUMENT_HEADS.has(tokens[k]!.lower) || QUANTITY_HEADS.has(tokens[k]!.lower)) return true;
  return false;
}

/** A cue after "who"/"which" in the same clause belongs to a relative clause ("which rejected ... and vowed to"). */
export function inRelativeClause(ctx: Ctx, cue: Cue, sFirst: number): boolean {
  const { tokens } = ctx.doc;
  for (let k = cue.startTok - 1; k >= sFirst && k > cue.startTok - 25; k--) {
    const t = tokens[k]!;
    if (t.quote !== -1) continue;
    if (t.text === ',' || t.text === ';' || t.text === '–' || t.text === '—') return false;
    if ((t.lower === 'who' || t.lower === 'which') && !isAcronym(t.text)) return true;
  }
  return false;
}

/**
 * "Dr. Miriam Castell, chief executive of X, described": the subject sits
 * before an appositive or a non-restrictive clause (", which represents ...,",
 * ", speaking on condition of anonymity,"). A role in the appositive is kept.
 */
export function appositive(ctx: Ctx, j: number, sFirst: number): Mention | null {
  const { tokens } = ctx.doc;
  if (tokens[j]?.text !== ',' || tokens[j]!.quote !== -1) return null;
  let c = j - 1;
  while (c > sFirst && c > j - 25 && !(tokens[c]!.text === ',' && tokens[c]!.quote === -1)) c--;
  if (c <= sFirst || tokens[c]!.text !== ',') return null;
  const open = tokens[c + 1];
  if (!open) return null;
  const roleLike = ROLE_HEADS.has(open.lower) || ['a', 'an', 'the', 'who', 'which', 'speaking', 'whose', 'chief', 'head', 'director', 'both', 'each'].includes(open.lower)
    || ROLE_WORDS.has(open.lower) || possessiveRole(ctx, c + 1, j);
  if (!roleLike) return null;
  const m = ctx.byLast.get(c - 1);
  if (!m || m.tokens[0] < sFirst || !m.actor) return null;
  const r = resolveMention(ctx, m);
  const inner = ctx.doc.text.slice(tokens[c + 1]!.start, tokens[j - 1]!.end);
  if (r.actor && r.actor.kind !== 'group' && ROLE_HEADS.has(open.lower) || (r.actor && /^(?:[\p{L}-]+\s)*(?:chief|head|director|executive|spokes\w+|minister|analyst|secretary)\b/u.test(inner))) {
    r.actor!.roles.add(inner.replace(/^(?:a|an|the)\s+/, ''));
    if (r.actor!.kind === 'other') r.actor!.kind = r.actor!.speakerKind ?? 'person';
  }
  return r;
}

/** "Russian officials, including Putin, have said": the member speaks, the group is kept. */
export function including(ctx: Ctx, j: number, sFirst: number): { member: Mention; group: string } | null {
  const { tokens } = ctx.doc;
  if (tokens[j]?.text !== ',') return null;
  const member = ctx.byLast.get(j - 1);
  if (!member) return null;
  const inc = tokens[member.tokens[0] - 1];
  if (inc?.lower !== 'including' && inc?.lower !== 'among') return null;
  const comma = member.tokens[0] - 2;
  if (tokens[comma]?.text !== ',') return null;
  const g = ctx.byLast.get(comma - 1);
  if (!g || g.tokens[0] < sFirst) return null;
  let gs = g.span[0];
  // "Multiple Russian officials": the quantifier belongs to the group's words
  const q = tokens[g.tokens[0] - 1];
  if (q && q.cap && q.type === 'word' && g.tokens[0] - 1 >= sFirst) gs = q.start;
  return { member: resolveMention(ctx, member), group: ctx.doc.text.slice(gs, g.span[1]) };
}

export interface Frame { next: number; addressee: Actor | null; via: Actor | null; times: TimeExpr[]; }

/** Walks over what may sit between a cue and its content. */
export function skipFrame(ctx: Ctx, cue: Cue, from: number, sEnd: number): Frame {
  const { doc } = ctx;
  const { tokens } = doc;
  const reg = registryOf(doc);
  const f: Frame = { next: from, addressee: null, via: null, times: [] };
  let k = from;
  let crossedComma = false;
  for (let guard = 0; guard < 12 && k < sEnd; guard++) {
    const t = tokens[k]!;
    if (t.quote !== -1) break;
    const time = ctx.timeAt.get(t.start);
    if (time) {
      if (!crossedComma) f.times.push(time);
      k = tokenAfter(ctx, time.span[1], k, sEnd);
      continue;
    }
    if (isAdverb(t)) { k++; continue; }
    if (guard === 0 && cue.takesAddressee) {
      const m = mentionAt(ctx, k);
      if (m) { f.addressee = m.actor; k = m.tokens[1]; continue; }
      if (OBJECT_PRONOUNS.has(t.lower) || GROUP_NOUNS.has(t.lower)) {
        f.addressee = OBJECT_PRONOUNS.has(t.lower) && !GROUP_NOUNS.has(t.lower) ? null : reg.get(t.lower, 'group', t.text, t.start);
        k++;
        continue;
      }
    }
    if ((t.lower === 'to' || t.lower === 'with') && !cue.takesAddressee) {
      const m = mentionAt(ctx, k + 1);
      const g = tokens[k + 1];
      if (m) { f.addressee = m.actor; k = m.tokens[1]; continue; }
      if (g && GROUP_NOUNS.has(g.lower)) { f.addressee = reg.get(g.lower, 'group', g.text, g.start); k += 2; continue; }
    }
    if ((t.lower === 'in' || t.lower === 'during') && ['a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(tokens[k + 1]?.lower ?? '')) {
      let n = k + 2;
      while (n < sEnd && n < k + 5 && !SPEECH_MEDIA.has(tokens[n]!.lower) && tokens[n]!.type === 'word') n++;
      if (n < sEnd && SPEECH_MEDIA.has(tokens[n]!.lower)) {
        k = n + 1;
        if (tokens[k]?.lower === 'to' || tokens[k]?.lower === 'with') {
          const m = mentionAt(ctx, k + 1);
          if (m) { f.addressee = m.actor; k = m.tokens[1]; }
        }
        continue;
      }
    }
    if (t.lower === 'on' && tokens[k + 1] && (PLATFORMS.has(tokens[k + 1]!.lower) || tokens[k + 1]!.lower === 'social' || tokens[k + 1]!.lower === 'state')) {
      k += 2;
      while (k < sEnd && ['media', 'television', 'tv', 'social', 'radio'].includes(tokens[k]!.lower)) k++;
      continue;
    }
    if (['cited', 'quoted', 'published', 'carried', 'reported'].includes(t.lower) && tokens[k + 1]?.lower === 'by') {
      const m = mentionAt(ctx, k + 2);
      if (m) { f.via = m.actor; k = m.tokens[1]; continue; }
    }
    if (t.text === ',' && ['cited', 'quoted', 'published', 'carried'].includes(tokens[k + 1]?.lower ?? '')) { crossedComma = true; k++; continue; }
    break;
  }
  f.next = k;
  return f;
}

/** The object of "accused X of", "described X as": a mention, or "his predecessor". */
export function objectAt(ctx: Ctx, k: number, sEnd: number): { actor: Actor | null; end: number } | null {
  const { tokens } = ctx.doc;
  const m = mentionAt(ctx, k);
  if (m) return { actor: m.actor, end: m.tokens[1] };
  if (['his', 'her', 'their', 'its'].includes(tokens[k]?.lower ?? '') && k + 1 < sEnd && PREDECESSOR_WORDS.has(tokens[k + 1]!.lower)) {
    const p = registryOf(ctx.doc).byTitle(['predecessor'], tokens[k]!.start);
    return { actor: p, end: k + 2 };
  }
  return null;
}

/**
 * The source named after "according to": a mention (skipping "the daily",
 * "the enclave's", "figures published by"), a lowercase group ("local
 * officials"), or an organisation named by its head noun earlier in the
 * article ("the trust's own board papers" -> the "... Trust" seen before).
 */
export function sourceAfter(ctx: Ctx, cue: Cue, sEnd: number): Mention | null {
  const { doc } = ctx;
  const { tokens } = doc;
  for (let k = cue.endTok; k < sEnd && k < cue.endTok + 4; k++) {
    const m = ctx.byFirst.get(k);
    if (m) return resolveMention(ctx, m);
    if (tokens[k]!.text === ',') break;
  }
  const reg = registryOf(doc);
  let k = cue.endTok;
  if (tokens[k]?.lower === 'the') k++;
  const mod = k;
  while (k < sEnd && k < mod + 3 && GROUP_MODIFIERS.has(tokens[k]!.lower)) k++;
  const noun = tokens[k];
  if (noun && k < sEnd && GROUP_NOUNS.has(noun.lower)) {
    const span: Span = [tokens[cue.endTok]!.start, noun.end];
    const name = doc.text.slice(tokens[mod]!.start, noun.end);
    return { span, tokens: [cue.endTok, k + 1], text: doc.text.slice(span[0], span[1]), actor: reg.get(name, 'group', name, span[0]), pronoun: null, title: null, group: name, sentence: cue.sentence };
  }
  const head = tokens[cue.endTok + 1];
  if (tokens[cue.endTok]?.lower === 'the' && head && /['’]s$/.test(head.text)) {
    const h = head.lower.replace(/'s$/, '');
    const org = doc.actors.find((a) => a.kind === 'organization' && a.name.toLowerCase().split(' ').pop() === h && (a.seen[0] ?? Infinity) < head.start);
    if (org) {
      const span: Span = [tokens[cue.endTok]!.start, head.end];
      return { span, tokens: [cue.endTok, cue.endTok + 2], text: doc.text.slice(span[0], head.end), actor: org, pronoun: null, title: null, group: null, sentence: cue.sentence };
    }
  }
  // any other noun phrase up to the comma or the end: "a new analysis by X", "state records", "early results of the exit poll"
  let e = cue.endTok;
  while (e < sEnd && e - cue.endTok < 20 && tokens[e]!.quote === -1 && ![',', ';', ':', '.', '—', '–', '(', '?', '!'].includes(tokens[e]!.text)) e++;
  return describedSource(pctxOf(ctx), cue.endTok, e, cue.sentence);
}

/** "Speaking to reporters, ..." / "In a podcast with radio host Mark Levin, ...": the hearer of the sentence. */
export function leadingAddressee(ctx: Ctx, s: Sentence): Actor | null {
  const { tokens } = ctx.doc;
  const i = firstWord(ctx, s);
  const w = tokens[i]?.lower;
  if (w === 'speaking' || w === 'talking') {
    if (['to', 'with'].includes(tokens[i + 1]?.lower ?? '')) {
      const m = mentionAt(ctx, i + 2);
      if (m) return m.actor;
      const g = tokens[i + 2];
      if (g && GROUP_NOUNS.has(g.lower)) return registryOf(ctx.doc).get(g.lower, 'group', g.text, g.start);
    }
    return null;
  }
  if (w === 'in' && ['a', 'an'].includes(tokens[i + 1]?.lower ?? '')) {
    for (let k = i + 2; k < s.tokens[1] && k < i + 6; k++) {
      if (tokens[k]!.lower === 'with' || tokens[k]!.lower === 'to') {
        const m = mentionAt(ctx, k + 1);
        return m ? m.actor : null;
      }
    }
  }
  return null;
}

/** Token j is a closing quotation mark, or a comma right after one ("'...,' asked"). */
export function closesQuote(ctx: Ctx, j: number): boolean {
  const { tokens, quotes } = ctx.doc;
  const q = tokens[j]?.text === ',' ? tokens[j - 1] : tokens[j];
  return q !== undefined && q.type === 'quote' && q.quote !== -1 && quotes[q.quote]!.close === q.start;
}

/** Lowercase words allowed in a description before a name ("conservative activist", "master of ceremonies"). */
const DESCRIPTION_WORD = /^[a-z][a-z-]*$/;
const NOT_DESCRIPTION = new Set(['that', 'to', 'in', 'on', 'at', 'by', 'with', 'for', 'from', 'and', 'but', 'or', 'as', 'who', 'which', 'when', 'while', 'after', 'before', 'during', 'later', 'earlier', 'then', 'also', 'recently', 'today', 'yesterday']);

/**
 * "said pollster Ada Quist", "said the mayor's chief aide Ben Oduya", "said
 * retired Army Col. Ben Oduya": after an inverted cue, a short description of
 * a person (lowercase words, a possessive, capitalised words that name no
 * person, title abbreviations), then a person's name. The speaker phrase spans
 * the description and the name.
 */
export function describedName(ctx: Ctx, k: number, sEnd: number): Mention | null {
  const { tokens, text } = ctx.doc;
  let i = k;
  while (i < sEnd && i < k + 7) {
    const m = ctx.byFirst.get(i);
    if (m && !m.pronoun && i > k) {
      const r = resolveMention(ctx, m);
      if (r.actor && (r.actor.kind === 'person' || r.actor.kind === 'other')) {
        const span: Span = [tokens[k]!.start, m.span[1]];
        return { ...r, span, tokens: [k, m.tokens[1]], text: text.slice(span[0], span[1]) };
      }
    }
    const t = tokens[i]!;
    if (t.quote !== -1) return null;
    if (m && !m.pronoun && m.tokens[1] > i) { i = m.tokens[1]; continue; }
    const mark = tokens[i + 1];
    // "the mayor's" / "Sanders'" / "Sen." / a lowercase description word
    if (t.type === 'word' && HONORIFICS.has(t.lower) && mark?.text === '.' && mark.start === t.end) { i += 2; continue; }
    if (t.type === 'word' && /s$/.test(t.lower) && mark && mark.start === t.end && (mark.text === "'" || mark.text === '’')) { i += 2; continue; }
    if (t.type === 'word' && (/['’]s$/.test(t.lower) || (t.cap && i > k) || (DESCRIPTION_WORD.test(t.text) && !NOT_DESCRIPTION.has(t.lower)))) { i++; continue; }
    return null;
  }
  return null;
}

/** "Sanders' campaign manager", "the party's treasurer": a possessive opening an appositive that names a role. */
function possessiveRole(ctx: Ctx, a: number, b: number): boolean {
  const { tokens } = ctx.doc;
  const t = tokens[a];
  const mark = tokens[a + 1];
  const possessive = t !== undefined && t.type === 'word' && (/['’]s$/.test(t.lower)
    || (/s$/.test(t.lower) && mark !== undefined && mark.start === t.end && (mark.text === "'" || mark.text === '’')));
  if (!possessive) return false;
  for (let k = a + 1; k < b; k++) if (ROLE_HEADS.has(tokens[k]!.lower) || ROLE_WORDS.has(tokens[k]!.lower) || PERSON_NOUNS.has(tokens[k]!.lower)) return true;
  return false;
}

/** Conjunctions that open a subordinate clause at the start of a sentence. */
const SUBORDINATORS = new Set(['while', 'although', 'though', 'as', 'when', 'if', 'because', 'after', 'before', 'since', 'whereas', 'once', 'unless']);

/**
 * "While Ramos said that journalists ..., he appears ...": when the sentence
 * opens with a subordinate clause holding the cue (no comma before the cue),
 * the clause and so the content end at the first comma after the cue; else
 * the sentence end.
 */
export function subordinateEnd(ctx: Ctx, s: Sentence, cueTok: number): number {
  const { tokens } = ctx.doc;
  const [, sEnd] = s.tokens;
  const f = firstWord(ctx, s);
  if (f >= cueTok || !SUBORDINATORS.has(tokens[f]!.lower) || tokens[f]!.quote !== -1) return sEnd;
  for (let k = f + 1; k < cueTok; k++) if (tokens[k]!.text === ',' && tokens[k]!.quote === -1) return sEnd;
  for (let k = cueTok + 1; k < sEnd; k++) if (tokens[k]!.text === ',' && tokens[k]!.quote === -1) return k;
  return sEnd;
}
