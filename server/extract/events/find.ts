/**
 * Event mentions, one per trigger word, over a Doc the statement stages have
 * filled (sentences, quotations, cues, actor mentions, times, drafts).
 *
 * A trigger is an event noun ("summit", "the call", "face-to-face talks") or
 * an event verb ("met", "hosted", "briefed", "arrived"); words are data in
 * model/events.ts. Around it, in its own sentence and outside quotations:
 * participants ("with X, Y and Z", "between X and Y", the verb's subject and
 * object, names inside the noun phrase: "Putin-Zelensky meeting"), the place
 * ("in Anchorage", a place in the noun phrase: "the Alaska summit"), the time
 * (a sentence-initial time, else the nearest one with no speech cue or "that"
 * between), and whether the sentence's statements were made at it ("Speaking
 * ... following the meeting, Macron said"). merge.ts makes events of these.
 */
import type { Actor, Doc, Draft, Mention, TimeExpr, Token } from '../doc.js';
import type { Span } from '../schema.js';
import { EVENT_GERUNDS, EVENT_NOUNS, EVENT_VERBS, HYPOTHETICAL_AFTER, HYPOTHETICAL_WORDS, PLACE_AREAS, PLURAL_SUBJECTS, SEQUENCE_WORDS, type EventType } from '../model/events.js';
import { METONYMS } from '../model/places.js';
import { AUXILIARIES, CUE_ADVERBS } from '../model/words.js';
import { registryOf, stripPossessive } from '../stages/04-actors.js';

export interface RawEvent {
  type: EventType;
  trigger: Span;
  triggerText: string;
  sentence: number;
  sentenceSpan: Span;
  participants: Actor[];
  place: string | null;
  name: string | null;
  time: TimeExpr | null;
  /** "Trump later briefed Putin": no time of its own, takes the previous event's. */
  sequence: boolean;
  /** "the meeting", "his talks with Putin": refers back to an event already told. */
  definite: boolean;
  /** "The two presidents met": the participants of the event told just before. */
  pluralSubject: boolean;
  /** Statements of the sentence were made at the event. */
  frame: boolean;
  /** Content spans of the drafts made at the event. */
  statementsAt: Span[];
  /** Speakers of those statements: they were there (joined to the participants after matching). */
  atSpeakers: Actor[];
}

/** Words inside an event noun phrase before the noun: "first face-to-face", "direct", "phone". */
const NP_MODIFIERS = new Set([
  'first', 'second', 'third', 'last', 'direct', 'bilateral', 'trilateral', 'historic', 'high-level', 'face-to-face', 'phone',
  'telephone', 'video', 'peace', 'emergency', 'virtual', 'private', 'closed-door', 'state', 'official', 'working', 'brief',
  'lengthy', 'long', 'short', 'surprise', 'recent', 'latest', 'earlier', 'previous', 'hastily', 'arranged', 'joint',
]);
const DEFINITE = new Set(['the', 'this', 'that', 'his', 'her', 'their', 'its', 'these', 'those']);
const VERB_BEFORE = new Set(['to', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'did', 'does', 'do', 'i', 'we', 'you', 'they', 'he', 'she', 'it', 'who', 'not']);
/** Words skipped between participants in a list: "X, several European leaders, and the heads of Y". */
const LIST_GLUE = new Set(['and', ',', 'several', 'other', 'some', 'many', 'both', 'the', 'heads', 'head', 'leaders', 'of', 'his', 'her', 'their', 'its', 'top', 'senior', 'two', 'three', 'four', 'officials', 'representatives']);
const FRAME_BEFORE = new Set(['at', 'during', 'after', 'following', 'amid']);
const STOP_TIME_BETWEEN = new Set(['that']);

function isWord(t: Token | undefined): t is Token {
  return t !== undefined && t.type === 'word';
}

/** The place area of a place name: "Anchorage" -> "alaska"; otherwise the name lowercased. */
export function placeArea(place: string): string {
  const k = place.toLowerCase().replace(/^the\s+/, '').replace(/['’]s$/, '').trim();
  return PLACE_AREAS[k] ?? k;
}

interface Ctx {
  doc: Doc;
  /** Offsets of person mentions (resolved), ascending, with their actors: he/she look back in O(log n). */
  personStarts: number[];
  personActors: Actor[];
  timesBySentence: Map<number, TimeExpr[]>;
  cueStartsBySentence: Map<number, number[]>;
  /** Mentions by sentence, in text order. */
  bySentence: Map<number, Mention[]>;
  /** Mention starting at a token index / ending at a token index (exclusive end). */
  byStart: Map<number, Mention>;
  byEnd: Map<number, Mention>;
}

function context(doc: Doc): Ctx {
  const bySentence = new Map<number, Mention[]>();
  const byStart = new Map<number, Mention>();
  const byEnd = new Map<number, Mention>();
  for (const m of doc.mentions) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
    byStart.set(m.tokens[0], m);
    byEnd.set(m.tokens[1], m);
  }
  const personStarts: number[] = [];
  const personActors: Actor[] = [];
  for (const m of doc.mentions) if (m.actor?.kind === 'person') { personStarts.push(m.span[0]); personActors.push(m.actor); }
  const timesBySentence = new Map<number, TimeExpr[]>();
  for (const t of doc.times) timesBySentence.set(t.sentence, [...(timesBySentence.get(t.sentence) ?? []), t]);
  const cueStartsBySentence = new Map<number, number[]>();
  for (const c of doc.cues) cueStartsBySentence.set(c.sentence, [...(cueStartsBySentence.get(c.sentence) ?? []), c.span[0]]);
  return { doc, bySentence, byStart, byEnd, personStarts, personActors, timesBySentence, cueStartsBySentence };
}

/** A mention that names a place rather than an actor taking part: "Alaska", "White House", "Washington". */
function isPlaceMention(m: Mention): boolean {
  const k = m.text.toLowerCase().replace(/^the\s+/, '').replace(/['’]s$/, '');
  if (PLACE_AREAS[k] !== undefined) return true;
  const met = METONYMS[k];
  if (met) return true;
  return m.actor?.kind === 'other' && m.pronoun === null;
}

/** The actor a mention stands for; he/she resolve to the latest person mentioned before. */
function actorOf(ctx: Ctx, m: Mention): Actor | null {
  if (m.actor) return m.actor.kind === 'other' ? null : m.actor;
  if (m.pronoun === 'person') {
    let lo = 0;
    let hi = ctx.personStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ctx.personStarts[mid]! < m.span[0]) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? ctx.personActors[lo - 1]! : null;
  }
  return null;
}

/** Participants listed from token i on: "X, Y, and Z" until a word that is neither a name nor list glue. */
function listAfter(ctx: Ctx, i: number, end: number): Actor[] {
  const out: Actor[] = [];
  const { tokens } = ctx.doc;
  while (i < end) {
    const m = ctx.byStart.get(i);
    if (m) {
      const a = isPlaceMention(m) ? null : actorOf(ctx, m);
      if (a && !out.includes(a)) out.push(a);
      i = m.tokens[1];
      continue;
    }
    const t = tokens[i]!;
    if (t.type === 'quote' || !(LIST_GLUE.has(t.lower))) break;
    i++;
  }
  return out;
}

/** Participants listed right before token i (a verb's subject): "X and several Y" read leftwards. */
function listBefore(ctx: Ctx, i: number, first: number): Actor[] {
  const out: Actor[] = [];
  const { tokens } = ctx.doc;
  let k = i;
  while (k > first) {
    const m = ctx.byEnd.get(k);
    if (m) {
      const a = isPlaceMention(m) ? null : actorOf(ctx, m);
      if (a && !out.includes(a)) out.unshift(a);
      k = m.tokens[0];
      continue;
    }
    const t = tokens[k - 1]!;
    if (!(t.lower === 'and' || t.lower === ',' || t.lower === 'several' || t.lower === 'other' || t.lower === 'both')) break;
    k--;
  }
  return out;
}

/** Time for a trigger in sentence si: a sentence-initial time, else the nearest one with no cue or "that" between. */
function timeFor(ctx: Ctx, si: number, triggerStart: number): TimeExpr | null {
  const { doc } = ctx;
  const s = doc.sentences[si]!;
  const inSentence = ctx.timesBySentence.get(si) ?? [];
  const cueStarts = ctx.cueStartsBySentence.get(si) ?? [];
  if (inSentence.length === 0) return null;
  const initial = inSentence.find((t) => t.span[0] <= doc.tokens[s.tokens[0] + 1]!.start && t.span[0] >= s.span[0]);
  if (initial) return initial;
  let best: TimeExpr | null = null;
  let bestDist = Infinity;
  for (const t of inSentence) {
    const lo = Math.min(t.span[1], triggerStart);
    const hi = Math.max(t.span[0], triggerStart);
    const blocked = cueStarts.some((c) => c >= lo && c < hi)
      || doc.tokens.slice(s.tokens[0], s.tokens[1]).some((tok) => tok.start >= lo && tok.end <= hi && STOP_TIME_BETWEEN.has(tok.lower));
    if (blocked) continue;
    const dist = hi - lo;
    if (dist < bestDist && dist < 160) { best = t; bestDist = dist; }
  }
  return best;
}

/** The place after a trigger: "in Anchorage", "at the White House", up to a comma. */
function placeAfter(ctx: Ctx, i: number, end: number): { place: string; span: Span } | null {
  const { tokens } = ctx.doc;
  for (let k = i; k < end && k < i + 12; k++) {
    const t = tokens[k]!;
    if (t.lower === ',' || t.type === 'quote' || t.lower === 'that') return null;
    if ((t.lower === 'in' || t.lower === 'at') && k + 1 < end) {
      const m = ctx.byStart.get(k + 1);
      if (m && m.pronoun === null && !(ctx.timesBySentence.get(m.sentence) ?? []).some((x) => x.span[0] <= m.span[0] && m.span[0] < x.span[1])) {
        const place = m.text.replace(/^the\s+/i, '').replace(/['’]s$/, '');
        return { place, span: m.span };
      }
    }
  }
  return null;
}

/** Finds every event trigger of the doc and what its sentence says about it. */
/**
 * Every text before a space in an EVENT_NOUNS key ("phone" of "phone call"): a word not in it starts no two-word
 * key, so findEvents looks up `${prev} ${word}` only after one of these (the lookup finds nothing otherwise).
 */
const TWO_WORD_STARTS: ReadonlySet<string> = new Set(
  Object.keys(EVENT_NOUNS).flatMap((k) => [...k.matchAll(/ /g)].map((m) => k.slice(0, m.index))),
);

/** EVENT_NOUNS and EVENT_VERBS as Maps for the per-token lookups (a plain object also answers "constructor"). */
const NOUN_TYPE: ReadonlyMap<string, EventType> = new Map(Object.entries(EVENT_NOUNS));
const VERB_TYPE: ReadonlyMap<string, EventType> = new Map(Object.entries(EVENT_VERBS));

export function findEvents(doc: Doc): RawEvent[] {
  const ctx = context(doc);
  const { tokens, text } = doc;
  const out: RawEvent[] = [];
  const reg = registryOf(doc);
  doc.sentences.forEach((s, si) => {
    const [first, end] = s.tokens;
    for (let i = first; i < end; i++) {
      const t = tokens[i]!;
      if (t.type !== 'word' || t.quote !== -1) continue;
      const prev = tokens[i - 1];
      // The two-word string is made only when a two-word noun can start with the word before (most tokens).
      const two = isWord(prev) && i > first && TWO_WORD_STARTS.has(prev.lower) ? `${prev.lower} ${t.lower}` : '';
      const nounType = (two === '' ? undefined : NOUN_TYPE.get(two)) ?? NOUN_TYPE.get(t.lower);
      const verbType = VERB_TYPE.get(t.lower);
      if (nounType && !t.cap) {
        const ev = nounEvent(ctx, reg, si, i, first, end, nounType);
        if (ev) out.push(ev);
      } else if (verbType && !t.cap) {
        const ev = verbEvent(ctx, si, i, first, end, verbType);
        if (ev) out.push(ev);
      }
    }
  });
  // statements made at an event: drafts of a frame sentence whose speaker and cue come after the trigger
  const draftsBySentence = new Map<number, Draft[]>();
  for (const d of doc.drafts) draftsBySentence.set(d.sentence, [...(draftsBySentence.get(d.sentence) ?? []), d]);
  for (const ev of out) {
    if (!ev.frame) continue;
    let last: { speaker: Actor | null; sentence: number } | null = null;
    const near: Draft[] = [];
    for (let k = ev.sentence; k < ev.sentence + 4; k++) near.push(...(draftsBySentence.get(k) ?? []));
    for (const d of near) {
      const inContent = d.content[0] <= ev.trigger[0] && ev.trigger[1] <= d.content[1];
      // the cue after the trigger ("Following the meeting, X said"), or just before it ("X told reporters after meeting Y")
      const cueAfter = d.cue.span[0] > ev.trigger[1] && (!d.mention || d.mention.span[0] > ev.trigger[1]);
      const cueJustBefore = d.cue.span[1] <= ev.trigger[0] && ev.trigger[0] - d.cue.span[1] <= 30 && !/\bthat\b/.test(doc.text.slice(d.cue.span[1], ev.trigger[0]));
      if (d.sentence === ev.sentence && (cueAfter || cueJustBefore) && !inContent) {
        ev.statementsAt.push(d.content);
        if (d.speaker && !ev.atSpeakers.includes(d.speaker) && d.speaker.kind === 'person') ev.atSpeakers.push(d.speaker);
        last = { speaker: d.speaker, sentence: d.sentence };
      } else if (last && d.sentence === last.sentence + 1 && (d.inherited || d.continuation) && d.speaker === last.speaker) {
        // "He added, '...'": the continuation of a statement made at the event
        ev.statementsAt.push(d.content);
        last = { speaker: d.speaker, sentence: d.sentence };
      }
    }
  }
  void text;
  return out;
}

function nounEvent(ctx: Ctx, reg: ReturnType<typeof registryOf>, si: number, i: number, first: number, end: number, type: EventType): RawEvent | null {
  const { doc } = ctx;
  const { tokens } = doc;
  const t = tokens[i]!;
  // the noun phrase: modifiers, capitalised names and possessives before the noun
  let j = i;
  const participants: Actor[] = [];
  let place: string | null = null;
  let nameStart = -1;
  while (j > first) {
    const p = tokens[j - 1]!;
    if (p.type !== 'word') break;
    const m = ctx.byEnd.get(j);
    if (m && m.tokens[0] >= first) {
      if (isPlaceMention(m) && !/-/.test(m.text)) {
        place = m.text.replace(/^the\s+/i, '').replace(/['’]s$/, '');
        nameStart = m.tokens[0] + (m.text.toLowerCase().startsWith('the ') ? 1 : 0);
      } else if (/-/.test(m.text) && m.actor?.kind === 'other') {
        // "Putin-Zelensky meeting": the named people take part
        for (const part of m.text.split('-')) {
          const a = reg.personBySurname(part);
          if (a && !participants.includes(a)) participants.push(a);
        }
      } else {
        const a = actorOf(ctx, m);
        if (a && !participants.includes(a)) participants.push(a);
      }
      j = m.tokens[0];
      // a mention that opens with "the" ("The Alaska") leaves the determiner to be read as one
      if (tokens[j]?.lower === 'the') { j++; break; }
      continue;
    }
    if (p.cap || NP_MODIFIERS.has(p.lower) || /^\d+-\w+$/.test(p.lower) || (EVENT_NOUNS[`${p.lower} ${t.lower}`] !== undefined)) { j--; continue; }
    break;
  }
  const det = tokens[j - 1];
  const detLower = isWord(det) ? det.lower : '';
  // "after meeting Japanese Economy Minister Kenji Sato": a gerund with an object is the verb, its subject the clause's
  if (j === i && EVENT_GERUNDS[t.lower] && ctx.byStart.get(i + 1) && (detLower === 'after' || detLower === 'before' || detLower === 'while' || detLower === 'when')) {
    const ev = verbEvent(ctx, si, i, first, end, EVENT_GERUNDS[t.lower]!);
    if (ev) {
      ev.frame = true;
      if (ev.participants.length < 2) {
        // the subject of the clause: the speaker of a statement whose cue comes before, else the last person named before
        const d = doc.drafts.find((x) => x.sentence === si && x.cue.span[1] <= t.start && x.speaker);
        const before = doc.mentions.filter((m) => m.sentence === si && m.span[1] <= t.start && m.actor?.kind === 'person' && m.tokens[0] >= first).pop();
        const subj = d?.speaker ?? before?.actor ?? null;
        if (subj && !ev.participants.includes(subj)) ev.participants.unshift(subj);
      }
    }
    return ev;
  }
  // a verb, not a noun: "to call", "they talks", "were meeting"
  if (j === i && (VERB_BEFORE.has(detLower) || AUXILIARIES.has(detLower))) return null;
  if (t.lower === 'call' && isWord(tokens[i + 1]) && (tokens[i + 1]!.lower === 'for' || tokens[i + 1]!.lower === 'to')) return null;
  // plural generic mentions ("the meetings") are not one event
  if (/s$/.test(t.lower) && !['talks', 'negotiations', 'airstrikes', 'strikes'].includes(t.lower)) return null;
  // hypothetical or demanded: "insisted on a direct ... meeting", "has not ruled out a meeting"
  for (let k = Math.max(first, j - 5); k < j; k++) if (HYPOTHETICAL_WORDS.has(tokens[k]!.lower)) return null;
  const possessive = isWord(det) && /['’]s$/.test(det.text);
  if (possessive) {
    const m = ctx.byEnd.get(j);
    const a = m ? actorOf(ctx, m) : null;
    if (a && !participants.includes(a)) participants.push(a);
  }
  const definite = DEFINITE.has(detLower) || possessive;
  // participants after the noun: "with X, Y and Z", "between X and Y"
  // (past a time or a place in between: "a summit on Monday with X")
  let w = i + 1;
  for (let guard = 0; guard < 3 && w < end; guard++) {
    const tm = (ctx.timesBySentence.get(si) ?? []).find((x) => x.span[0] === tokens[w]!.start);
    if (tm) { while (w < end && tokens[w]!.start < tm.span[1]) w++; continue; }
    if ((tokens[w]!.lower === 'in' || tokens[w]!.lower === 'at') && ctx.byStart.get(w + 1)) { w = ctx.byStart.get(w + 1)!.tokens[1]; continue; }
    break;
  }
  const after = tokens[w];
  if (isWord(after) && (after.lower === 'with' || after.lower === 'between')) {
    for (const a of listAfter(ctx, w + 1, end)) if (!participants.includes(a)) participants.push(a);
  }
  // "similar talks with Canada and Australia were likely to follow": expected, not reported
  {
    let k = w + 1;
    while (k < end && (ctx.byStart.get(k) || LIST_GLUE.has(tokens[k]!.lower))) k = ctx.byStart.get(k)?.tokens[1] ?? k + 1;
    for (let h = k; h < Math.min(end, k + 3); h++) if (HYPOTHETICAL_AFTER.has(tokens[h]!.lower)) return null;
  }
  if (detLower === 'his' || detLower === 'her') {
    const pm = doc.mentions.find((m) => m.tokens[0] === j - 1);
    const a = pm ? actorOf(ctx, { ...pm, pronoun: 'person' }) : null;
    if (a && !participants.includes(a)) participants.unshift(a);
  }
  const pa = placeAfter(ctx, i + 1, end);
  if (!place && pa) place = pa.place;
  const name = nameStart >= 0 ? doc.text.slice(tokens[nameStart]!.start, t.end).replace(/['’]s\b/, '') : null;
  const frameWord = tokens[j - 1 - (definite || detLower === 'a' || detLower === 'an' ? 1 : 0)];
  const frame = isWord(frameWord) && (FRAME_BEFORE.has(frameWord.lower) || (frameWord.lower === 'of' && tokens[j - 3]?.lower === 'sidelines'));
  const startTok = tokens[j]!;
  return {
    type,
    trigger: [startTok.start === t.start ? t.start : tokens[j]!.start, t.end],
    triggerText: doc.text.slice(tokens[j]!.start, t.end),
    sentence: si,
    sentenceSpan: doc.sentences[si]!.span,
    participants,
    place,
    name,
    time: timeFor(ctx, si, t.start),
    sequence: false,
    definite,
    pluralSubject: false,
    frame,
    statementsAt: [],
    atSpeakers: [],
  };
}

function verbEvent(ctx: Ctx, si: number, i: number, first: number, end: number, type: EventType): RawEvent | null {
  const { doc } = ctx;
  const { tokens } = doc;
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  // "his visits", "the hosts": nouns
  if (isWord(prev) && DEFINITE.has(prev.lower)) return null;
  // subject: skip adverbs and auxiliaries leftwards ("later", "has", "reportedly")
  let k = i;
  let sequence = false;
  while (k > first) {
    const p = tokens[k - 1]!;
    if (p.type === 'word' && (CUE_ADVERBS.has(p.lower) || AUXILIARIES.has(p.lower) || SEQUENCE_WORDS.has(p.lower) || /ly$/.test(p.lower))) {
      if (SEQUENCE_WORDS.has(p.lower)) sequence = true;
      k--;
      continue;
    }
    break;
  }
  for (let h = Math.max(first, k - 5); h < k; h++) if (HYPOTHETICAL_WORDS.has(tokens[h]!.lower) && tokens[h]!.lower !== 'new') return null;
  const participants = listBefore(ctx, k, first);
  // "The two presidents met", "They met", "Both met": the participants of the event told just before
  const before = doc.text.slice(tokens[first]!.start, tokens[k - 1]?.end ?? t.start).toLowerCase().trim();
  const pluralSubject = participants.length === 0 && PLURAL_SUBJECTS.has(before);
  // object: "met Putin", "met with Putin", "hosted Putin in Alaska"; a place for visits ("visited Kyiv")
  let o = i + 1;
  if (isWord(tokens[o]) && tokens[o]!.lower === 'with') o++;
  let place: string | null = null;
  const om = ctx.byStart.get(o);
  if (om) {
    if (type === 'visit' && (isPlaceMention(om) || om.actor?.kind === 'country')) place = om.text.replace(/^the\s+/i, '');
    else for (const a of listAfter(ctx, o, end)) if (!participants.includes(a)) participants.push(a);
  }
  if (!place) place = placeAfter(ctx, i + 1, end)?.place ?? null;
  const time = timeFor(ctx, si, t.start);
  return {
    type,
    trigger: [t.start, t.end],
    triggerText: t.text,
    sentence: si,
    sentenceSpan: doc.sentences[si]!.span,
    participants,
    place,
    name: null,
    time,
    sequence: sequence && !time,
    definite: false,
    pluralSubject,
    frame: false,
    statementsAt: [],
    atSpeakers: [],
  };
}

export { stripPossessive };
