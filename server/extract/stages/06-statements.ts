/**
 * Stage 6: statements. For each cue, in sentence order:
 *  1. the speaker: the mention right before the cue (past auxiliaries and
 *     adverbs), or after it ("said the minister"); "X, including Y," makes Y the
 *     speaker inside group X; a participle (", adding") or a coordinated verb
 *     ("and insisted") takes the speaker of the clause it hangs on; pronouns take
 *     the last person (he/she) or the last country/organisation (it) that spoke
 *     or led a sentence before;
 *  2. the frame after the cue: adverbs, time, addressee ("told Fox Business"),
 *     medium ("in a letter to X"), source ("cited by France24");
 *  3. the content: a quotation right after the frame (direct), the clause after
 *     "that" or the object (indirect), or, when the frame ends the clause, what
 *     came before the speaker ("'...,' Kellogg said" is direct when it is one
 *     quotation, indirect with fragments otherwise). Content stops where
 *     another cue takes over (", adding", "and insisted", "– an idea he said").
 *  4. a sentence that is only a quotation, right after a statement, continues it.
 * Then time: the expression nearest the cue outside the content; else carried
 * from the previous sentence for continuations ("He added", direct quotes).
 */
import type { Actor, Cue, Doc, Draft, Mention, Quote, Sentence, TimeExpr } from '../doc.js';
import type { Span } from '../schema.js';
import { GROUP_MODIFIERS, GROUP_NOUNS, PREDECESSOR_WORDS, ROLE_HEADS, ROLE_WORDS } from '../model/titles.js';
import { MEDIA_MARKERS } from '../model/orgs.js';
import { CONTINUATION_OPENERS, EVENT_NOUNS, HONORIFICS, NON_NAME_CAPITALS, PLATFORMS, RELATIVES, SPEECH_MEDIA } from '../model/words.js';
import { isAdverb } from './03-cues.js';
import { registryOf } from './04-actors.js';
import { describedSource, phraseAfter, subjectPhrase, type PhraseCtx } from './06-speaker.js';
import { DOCUMENT_HEADS, QUANTITY_HEADS } from '../model/speakers.js';
import { FIRST_PERSON } from '../model/cues.js';

interface Ctx {
  doc: Doc;
  // indexes built once so that every per-cue lookup stays local (extraction must be linear in the text)
  timeAt: Map<number, TimeExpr>;
  timesBySentence: Map<number, TimeExpr[]>;
  mentionsBySentence: Map<number, Mention[]>;
  draftsBySentence: Map<number, Draft[]>;
  byFirst: Map<number, Mention>;
  byLast: Map<number, Mention>;
  lastPerson: Mention | null;
  lastThing: Mention | null;
  lastGroup: Mention | null;
}

const BOUNDARY = new Set([',', 'and', 'but', '–', '—', ';', 'while']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'reporters', 'journalists']);

/** Builds statement drafts for every sentence. */
export function statements(doc: Doc): void {
  const ctx: Ctx = {
    doc, byFirst: new Map(), byLast: new Map(), lastPerson: null, lastThing: null, lastGroup: null,
    timeAt: new Map(), timesBySentence: groupBy(doc.times, (t) => t.sentence), mentionsBySentence: groupBy(doc.mentions, (m) => m.sentence),
    draftsBySentence: new Map(),
  };
  for (const m of doc.mentions) {
    ctx.byFirst.set(m.tokens[0], m);
    ctx.byLast.set(m.tokens[1] - 1, m);
  }
  for (const t of doc.times) ctx.timeAt.set(t.span[0], t);
  const cuesBySentence = new Map<number, Cue[]>();
  for (const c of doc.cues) {
    const list = cuesBySentence.get(c.sentence) ?? [];
    list.push(c);
    cuesBySentence.set(c.sentence, list);
  }
  doc.sentences.forEach((s, si) => {
    const cs = cuesBySentence.get(si) ?? [];
    const before = doc.drafts.length;
    if (headlineColon(ctx, s, si)) { /* "Tork: Bridge Will Close": the headline's speaker and claim */ }
    else if (cs.length === 0 && !colonQuote(ctx, s, si) && !dashQuote(ctx, s, si)) continuation(ctx, s, si);
    else sentenceStatements(ctx, s, si, cs);
    askedLead(ctx, s, si);
    const made = doc.drafts.slice(before);
    ctx.draftsBySentence.set(si, made);
    assignTimes(ctx, s, si, made);
    // the subject of a sentence is a candidate antecedent for the next sentence's pronouns
    const subj = subjectOf(ctx, s);
    if (subj?.actor) remember(ctx, subj);
  });
}

function groupBy<T>(xs: T[], key: (x: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

function remember(ctx: Ctx, m: Mention): void {
  const a = m.actor;
  if (!a) return;
  if (a.kind === 'person') ctx.lastPerson = m;
  else if (a.kind === 'group') ctx.lastGroup = m;
  else if (a.kind === 'country' || a.kind === 'organization') ctx.lastThing = m;
}

/** The mention that opens the sentence, or opens it after a leading adverbial ("On Wednesday, the French president"). */
function subjectOf(ctx: Ctx, s: Sentence): Mention | null {
  const { tokens } = ctx.doc;
  let i = s.tokens[0];
  while (i < s.tokens[1] && tokens[i]!.type !== 'word') i++;
  const first = tokens[i];
  if (!first || first.quote !== -1) return null;
  const direct = ctx.byFirst.get(i);
  if (direct) return resolveMention(ctx, direct);
  if (!NON_NAME_CAPITALS.has(first.lower)) return null;
  for (let k = i; k < s.tokens[1] && k < i + 40; k++) {
    const t = tokens[k]!;
    if (t.quote !== -1) continue;
    if (t.text === ',') {
      let n = k + 1;
      if (tokens[n]?.lower === 'the' && !ctx.byFirst.has(n)) n++;
      const m = ctx.byFirst.get(n);
      return m ? resolveMention(ctx, m) : null;
    }
  }
  return null;
}

/** Resolves a pronoun mention against what came before; other mentions are already resolved. */
function resolveMention(ctx: Ctx, m: Mention): Mention {
  if (!m.pronoun || m.actor) return m;
  const ante = m.pronoun === 'person' ? ctx.lastPerson : m.pronoun === 'thing' ? ctx.lastThing : ctx.lastGroup;
  return { ...m, actor: ante?.actor ?? null };
}

function sentenceStatements(ctx: Ctx, s: Sentence, si: number, cues: Cue[]): void {
  const { doc } = ctx;
  const { tokens } = doc;
  const [sFirst, sEnd] = s.tokens;
  const drafts: Draft[] = [];
  const sentenceSubject = subjectOf(ctx, s);
  const cueStarts = new Set(cues.map((c) => c.startTok));
  const pctx: PhraseCtx = { doc, byFirst: ctx.byFirst, byLast: ctx.byLast, cueStarts, resolve: (m) => resolveMention(ctx, m) };
  let via: Actor | null = null;
  for (const cue of cues) {
    if (cue.lemma === 'according to') {
      const src = sourceAfter(ctx, cue, sEnd);
      if (!src) continue;
      const media = src.actor?.kind === 'media' || MEDIA_MARKERS.has(tokens[src.tokens[0] - 1]?.lower ?? '');
      if (media && cues.some((c) => c !== cue && c.lemma !== 'according to')) { via = src.actor; continue; }
      // "X called for ..., according to a statement released on Tuesday": the medium of the other cue, not a new source
      if (src.described && cues.some((c) => c !== cue && c.lemma !== 'according to') && mediumPhrase(ctx, src)) continue;
      let content: Span | null;
      if (cue.startTok <= firstWord(ctx, s)) {
        // "According to X, CONTENT."
        let k = src.tokens[1];
        while (k < sEnd && tokens[k]!.text !== ',') k++;
        content = spanOf(ctx, k + 1, clauseEnd(ctx, k + 1, sEnd, cueStarts));
      } else content = spanOf(ctx, sFirst, cue.startTok);
      if (!content) continue;
      // "According to Halloran, 'the budget hole is bigger.'": a content that is one quotation is direct
      const q = quotesWithin(ctx, content).find((x) => x.depth === 0 && x.inner[0] - 1 <= content![0] && x.inner[1] + 1 >= content![1]);
      if (q) { drafts.push(makeDraft(ctx, s, si, src, cue, q.inner, true, 0.75)); continue; }
      drafts.push(makeDraft(ctx, s, si, src, cue, content, false, 0.75));
      continue;
    }
    // a cue inside the content of an earlier statement is reported speech within it ("the letter confirmed what ...")
    const cueOff = tokens[cue.startTok]!.start;
    if (drafts.some((d) => cueOff >= d.content[0] && cueOff < d.content[1])) continue;
    // 1. speaker
    let speaker: Mention | null = null;
    let group: string | null = null;
    let inverted = false;
    let j = cue.startTok - 1;
    const prev = tokens[j];
    // "Barkley, who said he votes ..., said": the relative pronoun speaks for the name before it
    const antecedent = prev && prev.lower === 'who' && prev.quote === -1 && j > sFirst && tokens[j - 1]?.text === ',' ? ctx.byLast.get(j - 2) : undefined;
    if (antecedent && !antecedent.pronoun && antecedent.tokens[0] >= sFirst) {
      const r = resolveMention(ctx, antecedent);
      if (r.actor) speaker = { ...r, span: [prev!.start, prev!.end], tokens: [j, j + 1], text: prev!.text };
    }
    if (!speaker && prev && prev.quote === -1 && RELATIVES.has(prev.lower) && !isAcronym(prev.text) && j >= sFirst) continue;
    if (!speaker && inRelativeClause(ctx, cue, sFirst)) continue;
    if (speaker) { /* the relative pronoun's antecedent, found above */ } else if (cue.participle || (prev && j >= sFirst && (prev.lower === 'and' || prev.lower === 'but'))) {
      const lead = drafts[drafts.length - 1];
      speaker = lead?.mention ?? sentenceSubject;
      group = lead?.group ?? null;
    } else if (prev && j >= sFirst) {
      const inc = including(ctx, j, sFirst);
      const app = inc ? null : appositive(ctx, j, sFirst);
      if (inc) { speaker = inc.member; group = inc.group; }
      else if (app) speaker = app;
      else {
        const m = ctx.byLast.get(j);
        const ph = m?.pronoun || FIRST_PERSON.has(prev.lower) ? null : subjectPhrase(pctx, j, sFirst, si);
        if (m?.pronoun && m.tokens[0] >= sFirst) speaker = resolveMention(ctx, m);
        // "'...,' I said": the narrator heads the statement but names no actor
        else if (FIRST_PERSON.has(prev.lower) && prev.quote === -1) speaker = { span: [prev.start, prev.end], tokens: [j, j + 1], text: prev.text, actor: null, pronoun: null, title: null, group: null, sentence: si };
        else if (ph) speaker = ph;
        else if (m && m.tokens[0] >= sFirst) speaker = resolveMention(ctx, m);
        else if (j >= sFirst && (prev.text === ',' || prev.type === 'quote') && !cue.takesAddressee) {
          const after = phraseAfter(pctx, cue.endTok, sEnd, si);
          if (after) { speaker = after; inverted = true; }
        }
      }
    }
    if (speaker?.group) group = speaker.text;
    // 2. frame
    const frameStart = inverted && speaker ? speaker.tokens[1] : cue.endTok;
    const frame = skipFrame(ctx, cue, frameStart, sEnd);
    // 3. content
    let content: Span | null = null;
    let parts: Span[] = [];
    let direct = false;
    let target: Actor | null = null;
    const k = frame.next;
    const t = tokens[k];
    const quoteAt = (idx: number): number => (tokens[idx] && tokens[idx]!.type === 'quote' && tokens[idx]!.quote !== -1 && doc.quotes[tokens[idx]!.quote]!.open === tokens[idx]!.start ? tokens[idx]!.quote : -1);
    const endsClause = k >= sEnd || t === undefined || ['.', '!', '?', ';', '–', '—', ')'].includes(t.text) || (t.text === ',' && quoteAt(k + 1) < 0) || cueStarts.has(k);
    const leadQuote = quoteFirst(ctx, s, inverted ? cue.startTok : speaker ? speaker.tokens[0] : cue.startTok);
    // a participle after the tag ("'...,' she said, referring to the fee") has its own content, not the quotation again
    if (leadQuote && !(cue.participle && drafts.length > 0) && !(t && k < sEnd && t.lower === 'that') && !(t && (t.text === ':' || t.text === ',') && quoteAt(k + 1) >= 0)) {
      // "'...,' Kellogg told Fox Business after ...": a quotation opening the sentence is what the cue reports
      content = leadQuote; direct = true;
    } else if (t && k < sEnd && t.lower === 'that') {
      content = spanOf(ctx, k + 1, clauseEnd(ctx, k + 1, sEnd, cueStarts));
    } else if (t && k < sEnd && (t.text === ':' || t.text === ',') && quoteAt(k + 1) >= 0 && (k + 1 < sEnd || t.text === ':')) {
      const q = doc.quotes[quoteAt(k + 1)]!;
      content = q.inner; direct = true;
      // "'A,' she said, 'B.'": one utterance interrupted by its attribution
      if (leadQuote && t.text === ',') { parts = [leadQuote, q.inner]; content = [leadQuote[0], q.inner[1]]; }
    } else if (quoteAt(k) >= 0 && k < sEnd) {
      const q = doc.quotes[quoteAt(k)]!;
      const closeTok = tokenAt(ctx, q.close, k, sEnd);
      // a quotation followed by more words is part of indirect content ("'hell-bent on ...'" is whole; "'raging' and ..." is not)
      const rest = clauseEnd(ctx, k, sEnd, cueStarts);
      if (closeTok >= 0 && onlyPunct(ctx, closeTok + 1, rest)) { content = q.inner; direct = true; }
      else content = spanOf(ctx, k, rest);
    } else if (!endsClause && t && quoteAfterFrame(ctx, k, sEnd, cueStarts) >= 0) {
      // "told a crowd of supporters in Bellmouth on Sunday, 'We ...'"; "says of his opponent, '...'"
      content = doc.quotes[quoteAfterFrame(ctx, k, sEnd, cueStarts)]!.inner; direct = true;
    } else if (!endsClause && t) {
      // "the fighting continued for days": such verbs report only with a quotation or a clause
      if (cue.clauseOnly) continue;
      let from = k;
      if (cue.takesTarget) {
        const obj = objectAt(ctx, k, sEnd);
        if (obj) {
          target = obj.actor;
          if (cue.class === 'accuse' || cue.class === 'criticize' || cue.lemma === 'praise') {
            let n = obj.end;
            while (n < sEnd && n < obj.end + 4 && tokens[n]!.lower !== 'of' && tokens[n]!.lower !== 'for') n++;
            if (n < sEnd && (tokens[n]!.lower === 'of' || tokens[n]!.lower === 'for')) from = n + 1;
            else if (cue.lemma !== 'accuse') from = k;
          }
        }
      }
      if (cue.lemma.startsWith('voice ') || cue.lemma.startsWith('express ')) {
        if (tokens[from]?.lower === 'about' || tokens[from]?.lower === 'over' || tokens[from]?.lower === 'that') from++;
      }
      content = spanOf(ctx, from, clauseEnd(ctx, from, sEnd, cueStarts));
    }
    if (!content && !cue.participle) {
      // the frame ends the clause: content is what came before the speaker ("..., Kellogg said")
      const headTok = inverted ? cue.startTok : speaker ? speaker.tokens[0] : cue.startTok;
      let startTok = sFirst;
      const lead = drafts[drafts.length - 1];
      if (lead) startTok = tokenAfter(ctx, lead.content[1], sFirst, sEnd);
      let endTok = headTok;
      while (endTok > startTok && (tokens[endTok - 1]!.text === ',' || tokens[endTok - 1]!.text === '—') && tokens[endTok - 1]!.quote === -1) endTok--;
      if (endTok > startTok) {
        const first = tokens[startTok]!;
        const last = tokens[endTok - 1]!;
        if (first.type === 'quote' && first.quote !== -1 && last.quote === first.quote && doc.quotes[first.quote]!.close === last.start && doc.quotes[first.quote]!.open === first.start) {
          content = doc.quotes[first.quote]!.inner; direct = true;
        } else if (!(headTok === speaker?.tokens[0] && tokens[headTok - 1]?.text !== ',' && tokens[headTok - 1]?.type !== 'quote')) {
          content = spanOf(ctx, startTok, endTok);
          // "The new levy, she said, would raise $40 million": the clause goes on after the attribution
          if (content && endTok < headTok && t?.text === ',' && k + 1 < sEnd && tokens[k + 1]!.type === 'word' && !cueStarts.has(k + 1) && !BOUNDARY.has(tokens[k + 1]!.lower)) {
            const rest = spanOf(ctx, k + 1, clauseEnd(ctx, k + 1, sEnd, cueStarts));
            if (rest) { parts = [content, rest]; content = [content[0], rest[1]]; }
          }
        }
      }
    }
    if (!content) continue;
    // "police found a body" is not evidence; "the audit found that ..." and "a poll shows ..." are
    if (cue.documentSubject && !(t && t.lower === 'that' && k < sEnd) && !documentSpeaker(ctx, speaker)) continue;
    const d = makeDraft(ctx, s, si, speaker, cue, content, direct, 0.9, group);
    d.parts = parts;
    if (target) d.about.unshift(target);
    if (frame.addressee) d.addressee = frame.addressee;
    if (frame.via) d.via = frame.via;
    d.frameTimes = frame.times;
    drafts.push(d);
    if (speaker?.actor) {
      if (speaker.actor.kind === 'other' && !speaker.pronoun && !speaker.described) speaker.actor.kind = speaker.actor.speakerKind ?? 'person';
      remember(ctx, speaker);
    }
  }
  // sentence-level addressee: "Speaking to reporters, ...", "In a podcast with X, ..."
  const lead = leadingAddressee(ctx, s);
  for (const d of drafts) {
    if (via && !d.via) d.via = via;
    if (lead && !d.addressee) d.addressee = lead;
  }
  ctx.doc.drafts.push(...drafts);
}

/** "WHO" in capitals is the organisation, not the relative pronoun. */
function isAcronym(word: string): boolean { return word.length > 1 && word === word.toUpperCase(); }

/**
 * A quotation that ends the sentence, opened after a comma or colon within a
 * short frame of words after the cue (no "that", no other cue, no other
 * punctuation before it); its index in doc.quotes, or -1.
 */
function quoteAfterFrame(ctx: Ctx, k: number, sEnd: number, cueStarts: Set<number>): number {
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
function mediumPhrase(ctx: Ctx, m: Mention): boolean {
  const { tokens } = ctx.doc;
  for (let k = m.tokens[0]; k < m.tokens[1] && k < m.tokens[0] + 4; k++) if (SPEECH_MEDIA.has(tokens[k]!.lower)) return true;
  return false;
}

/** The speaker phrase is a document, poll or figure ("A new poll", "the audit", "state records"). */
function documentSpeaker(ctx: Ctx, speaker: Mention | null): boolean {
  if (!speaker) return false;
  const { tokens } = ctx.doc;
  for (let k = speaker.tokens[0]; k < speaker.tokens[1]; k++) if (DOCUMENT_HEADS.has(tokens[k]!.lower) || QUANTITY_HEADS.has(tokens[k]!.lower)) return true;
  return false;
}

/** A cue after "who"/"which" in the same clause belongs to a relative clause ("which rejected ... and vowed to"). */
function inRelativeClause(ctx: Ctx, cue: Cue, sFirst: number): boolean {
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
function appositive(ctx: Ctx, j: number, sFirst: number): Mention | null {
  const { tokens } = ctx.doc;
  if (tokens[j]?.text !== ',' || tokens[j]!.quote !== -1) return null;
  let c = j - 1;
  while (c > sFirst && c > j - 25 && !(tokens[c]!.text === ',' && tokens[c]!.quote === -1)) c--;
  if (c <= sFirst || tokens[c]!.text !== ',') return null;
  const open = tokens[c + 1];
  if (!open) return null;
  const roleLike = ROLE_HEADS.has(open.lower) || ['a', 'an', 'the', 'who', 'which', 'speaking', 'whose', 'chief', 'head', 'director'].includes(open.lower)
    || ROLE_WORDS.has(open.lower);
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
function including(ctx: Ctx, j: number, sFirst: number): { member: Mention; group: string } | null {
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

interface Frame { next: number; addressee: Actor | null; via: Actor | null; times: TimeExpr[]; }

/** Walks over what may sit between a cue and its content. */
function skipFrame(ctx: Ctx, cue: Cue, from: number, sEnd: number): Frame {
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

/** A mention starting at k, allowing a leading "the". */
function mentionAt(ctx: Ctx, k: number): Mention | null {
  const m = ctx.byFirst.get(k);
  return m ? resolveMention(ctx, m) : null;
}

/** The object of "accused X of", "described X as": a mention, or "his predecessor". */
function objectAt(ctx: Ctx, k: number, sEnd: number): { actor: Actor | null; end: number } | null {
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
function sourceAfter(ctx: Ctx, cue: Cue, sEnd: number): Mention | null {
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

function pctxOf(ctx: Ctx): PhraseCtx {
  return { doc: ctx.doc, byFirst: ctx.byFirst, byLast: ctx.byLast, cueStarts: new Set(), resolve: (m) => resolveMention(ctx, m) };
}

/** The top-level quotation that opens the sentence and ends right before `head` (commas aside), if any. */
function quoteFirst(ctx: Ctx, s: Sentence, head: number): Span | null {
  const { tokens, quotes } = ctx.doc;
  const first = tokens[s.tokens[0]];
  if (!first || first.type !== 'quote' || first.quote === -1) return null;
  const q = quotes[first.quote]!;
  if (q.open !== first.start) return null;
  let e = head - 1;
  while (e > s.tokens[0] && tokens[e]!.quote === -1 && (tokens[e]!.text === ',' || tokens[e]!.text === '—')) e--;
  const last = tokens[e];
  if (!last || last.quote !== first.quote || last.start !== q.close) return null;
  return q.inner;
}

/** Where a content clause that starts at `from` ends (exclusive token index). */
function clauseEnd(ctx: Ctx, from: number, sEnd: number, cueStarts: Set<number>): number {
  const { tokens } = ctx.doc;
  for (let k = from; k < sEnd; k++) {
    const t = tokens[k]!;
    if (t.quote !== -1) continue;
    if (t.text === ';' || ((t.text === '–' || t.text === '—') && k > from)) return k;
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

/** Span of tokens [a, b) with trailing punctuation outside quotations dropped; null when empty. */
function spanOf(ctx: Ctx, a: number, b: number): Span | null {
  const { tokens } = ctx.doc;
  while (b > a && tokens[b - 1]!.type === 'punct' && tokens[b - 1]!.quote === -1) b--;
  while (a < b && tokens[a]!.type === 'punct' && tokens[a]!.quote === -1) a++;
  if (b <= a) return null;
  return [tokens[a]!.start, tokens[b - 1]!.end];
}

function onlyPunct(ctx: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ctx.doc.tokens[k]!.type === 'word') return false;
  return true;
}

function tokenAt(ctx: Ctx, offset: number, from: number, to: number): number {
  for (let k = from; k < to; k++) if (ctx.doc.tokens[k]!.start === offset) return k;
  return -1;
}

function tokenAfter(ctx: Ctx, offset: number, from: number, to: number): number {
  let k = from;
  while (k < to && ctx.doc.tokens[k]!.start < offset) k++;
  return k;
}

/** Sentence-opening conjunctions that may precede the subject of a colon quotation ("And the mayor boasted: ..."). */
const LEAD_CONJUNCTIONS = new Set(['and', 'but', 'so', 'yet', 'or', 'then']);

/** The sentence's subject: a mention at its first word, after an opening conjunction or an honorific with its dot ("And Mr. Vance"). */
function leadSubject(ctx: Ctx, s: Sentence): (Mention & { honorific?: boolean }) | null {
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

function firstWord(ctx: Ctx, s: Sentence): number {
  let i = s.tokens[0];
  while (i < s.tokens[1] && ctx.doc.tokens[i]!.type !== 'word') i++;
  return i;
}

/** "Speaking to reporters, ..." / "In a podcast with radio host Mark Levin, ...": the hearer of the sentence. */
function leadingAddressee(ctx: Ctx, s: Sentence): Actor | null {
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

function makeDraft(ctx: Ctx, s: Sentence, si: number, speaker: Mention | null, cue: Cue, content: Span, direct: boolean, base: number, group: string | null = null): Draft {
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
function quotesWithin(ctx: Ctx, span: Span): Quote[] {
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
function aboutIn(ctx: Ctx, content: Span, speaker: Actor | null, sentences: number[]): Actor[] {
  const out: Actor[] = [];
  const reg = registryOf(ctx.doc);
  for (const m of sentences.flatMap((si) => ctx.mentionsBySentence.get(si) ?? [])) {
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

/**
 * "The mayor put it bluntly: 'We are out of options.'" and the headline form
 * "Tork: 'We will not back down'": a sentence with no speech verb whose
 * subject is an actor and which ends in a quotation opened right after a
 * colon. The colon is the cue (lemma ":").
 */
function colonQuote(ctx: Ctx, s: Sentence, si: number): boolean {
  const { doc } = ctx;
  const { tokens } = doc;
  const [first, end] = s.tokens;
  let c = -1;
  for (let k = first; k < end - 1; k++) {
    const t = tokens[k]!;
    if (t.quote !== -1) break;
    if (t.text === ':') { c = k; break; }
  }
  if (c < 0) return false;
  const open = tokens[c + 1]!;
  if (open.type !== 'quote' || open.quote === -1 || doc.quotes[open.quote]!.open !== open.start) return false;
  const q = doc.quotes[open.quote]!;
  // only punctuation after the quotation
  for (let k = c + 1; k < end; k++) if (tokens[k]!.quote === -1 && tokens[k]!.type === 'word') return false;
  const subj = leadSubject(ctx, s);
  if (!subj?.actor || subj.tokens[1] > c) return false;
  const kind = subj.actor.kind;
  // an unknown name needs the colon right after it, or one past-tense verb between ("Tork shrugged:")
  const pastVerb = subj.tokens[1] + 1 === c && !tokens[c - 1]!.cap && /ed$/.test(tokens[c - 1]!.lower);
  if (kind !== 'person' && kind !== 'organization' && kind !== 'country' && kind !== 'group' && !(kind === 'other' && (subj.tokens[1] === c || pastVerb || subj.honorific))) return false;
  const cue: Cue = {
    tok: c, startTok: c, endTok: c + 1, span: [tokens[c]!.start, tokens[c]!.end], lemma: ':', class: 'say',
    participle: false, takesAddressee: false, takesTarget: false, sentence: si,
  };
  const d = makeDraft(ctx, s, si, subj, cue, q.inner, true, 0.8);
  doc.drafts.push(d);
  if (subj.actor.kind === 'other') subj.actor.kind = 'person';
  remember(ctx, subj);
  return true;
}

/**
 * A headline (the article's first paragraph) of the form "Name: claim" with a
 * name or short capitalised phrase before the colon: the name said the claim
 * (quotation marks optional; a final full stop is left out).
 */
function headlineColon(ctx: Ctx, s: Sentence, si: number): boolean {
  const { doc } = ctx;
  const { tokens } = doc;
  if (s.paragraph !== 0 || doc.paragraphs.length < 2) return false;
  const [, end] = s.tokens;
  const a = firstWord(ctx, s);
  let c = a;
  while (c < end && c < a + 6 && tokens[c]!.text !== ':' && tokens[c]!.quote === -1) c++;
  if (c >= end || tokens[c]!.text !== ':' || c === a) return false;
  const subj = leadSubject(ctx, s);
  if (!subj?.actor || subj.tokens[1] !== c) return false;
  let e = end;
  while (e > c + 1 && tokens[e - 1]!.type === 'punct' && tokens[e - 1]!.quote === -1) e--;
  if (e - c < 3) return false;
  const cue: Cue = {
    tok: c, startTok: c, endTok: c + 1, span: [tokens[c]!.start, tokens[c]!.end], lemma: ':', class: 'say',
    participle: false, takesAddressee: false, takesTarget: false, sentence: si,
  };
  const open = tokens[c + 1]!;
  const q = open.type === 'quote' && open.quote !== -1 && doc.quotes[open.quote]!.open === open.start ? doc.quotes[open.quote]! : null;
  const whole = q !== null && q.close >= tokens[e - 1]!.start;
  const content = whole ? q.inner : spanOf(ctx, c + 1, e);
  if (!content) return false;
  doc.drafts.push(makeDraft(ctx, s, si, subj, cue, content, whole, 0.6));
  return true;
}

/** Words that open the question after a sentence-initial "Asked". */
const QUESTION_OPENERS = new Set(['whether', 'if', 'who', 'what', 'why', 'how', 'when', 'where', 'which']);

/**
 * "Asked whether the dock would close, the mayor said no": the question put
 * to the speaker is a statement of its own, by an unnamed asker (no speaker);
 * its content runs from the question word to the comma.
 */
function askedLead(ctx: Ctx, s: Sentence, si: number): void {
  const { doc } = ctx;
  const { tokens } = doc;
  const [first, end] = s.tokens;
  let a = firstWord(ctx, s);
  if (tokens[a]?.lower === 'when' && tokens[a + 1]?.lower === 'asked') a++;
  if (a >= end || tokens[a]!.lower !== 'asked' || tokens[a]!.quote !== -1) return;
  let q = a + 1;
  while (q < end && q < a + 5 && !QUESTION_OPENERS.has(tokens[q]!.lower) && tokens[q]!.type === 'word' && tokens[q]!.lower !== 'by' && tokens[q]!.lower !== 'about') q++;
  if (q >= end || !QUESTION_OPENERS.has(tokens[q]!.lower)) return;
  let e = q + 1;
  while (e < end && e < q + 60 && !(tokens[e]!.text === ',' && tokens[e]!.quote === -1) && tokens[e]!.text !== ';') e++;
  if (e >= end || tokens[e]!.text !== ',') return;
  const content = spanOf(ctx, q, e);
  if (!content || first > a) return;
  const cue: Cue = {
    tok: a, startTok: a, endTok: a + 1, span: [tokens[a]!.start, tokens[a]!.end], lemma: 'ask', class: 'ask',
    participle: false, takesAddressee: false, takesTarget: false, sentence: si,
  };
  doc.drafts.push(makeDraft(ctx, s, si, null, cue, content, false, 0.5));
}

/** Dashes that attribute a quotation in vox-pop lists: '"..." ― Greta Solvang'. */
const ATTRIBUTION_DASHES = new Set(['―', '—', '–']);

/** A sentence that is a quotation, a dash and a name (and nothing else): the dash is the cue. */
function dashQuote(ctx: Ctx, s: Sentence, si: number): boolean {
  const { doc } = ctx;
  const { tokens } = doc;
  const [first, end] = s.tokens;
  const open = tokens[first];
  if (!open || open.type !== 'quote' || open.quote === -1 || doc.quotes[open.quote]!.open !== open.start) return false;
  const q = doc.quotes[open.quote]!;
  let k = first;
  while (k < end && tokens[k]!.start <= q.close) k++;
  while (k < end && tokens[k]!.type === 'punct' && !ATTRIBUTION_DASHES.has(tokens[k]!.text)) k++;
  if (k >= end || !ATTRIBUTION_DASHES.has(tokens[k]!.text)) return false;
  const m = ctx.byFirst.get(k + 1);
  if (!m || m.pronoun) return false;
  for (let r = m.tokens[1]; r < end; r++) if (tokens[r]!.type === 'word') return false;
  const subj = resolveMention(ctx, m);
  if (!subj.actor) return false;
  const cue: Cue = {
    tok: k, startTok: k, endTok: k + 1, span: [tokens[k]!.start, tokens[k]!.end], lemma: tokens[k]!.text, class: 'say',
    participle: false, takesAddressee: false, takesTarget: false, sentence: si,
  };
  doc.drafts.push(makeDraft(ctx, s, si, subj, cue, q.inner, true, 0.8));
  if (subj.actor.kind === 'other') subj.actor.kind = 'person';
  return true;
}

/** A sentence that is only a quotation, right after a statement, continues that statement. */
function continuation(ctx: Ctx, s: Sentence, si: number): void {
  const { doc } = ctx;
  const { tokens } = doc;
  let qi = -1;
  for (let k = s.tokens[0]; k < s.tokens[1]; k++) {
    const t = tokens[k]!;
    if (t.quote === -1) {
      if (t.type === 'word') return;
      continue;
    }
    if (qi === -1) qi = t.quote;
    else if (t.quote !== qi) return;
  }
  if (qi < 0) return;
  const prev = doc.drafts[doc.drafts.length - 1];
  if (!prev || prev.sentence !== si - 1) return;
  const q = doc.quotes[qi]!;
  // "'A,' she said. 'B.'": the quotation right after a quote-first attribution in the same paragraph is the same utterance
  const prevSentence = doc.sentences[si - 1];
  if (prev.direct && !prev.continuation && prev.parts.length === 0 && prev.content[1] <= prev.cue.span[0]
    && prevSentence && prevSentence.paragraph === s.paragraph && ctx.draftsBySentence.get(si - 1)?.length === 1) {
    prev.parts = [prev.content, q.inner];
    prev.content = [prev.content[0], q.inner[1]];
    prev.sentenceSpan = [prev.sentenceSpan[0], s.span[1]];
    prev.about = [...prev.about, ...aboutIn(ctx, q.inner, prev.speaker, [si]).filter((a) => !prev.about.includes(a))];
    return;
  }
  if (!prev.speaker) return;
  const d: Draft = {
    ...prev, sentence: si, sentenceSpan: s.span, content: q.inner, parts: [], fragments: [], direct: true,
    about: aboutIn(ctx, q.inner, prev.speaker, [si]), continuation: true, confidence: Math.min(prev.confidence, 0.6), time: null, frameTimes: [],
  };
  doc.drafts.push(d);
}

/** Chooses each statement's time (see the file comment). */
function assignTimes(ctx: Ctx, s: Sentence, si: number, made: Draft[]): void {
  const { doc } = ctx;
  const times = (ctx.timesBySentence.get(si) ?? []).filter((t) => !made.some((d) => t.span[0] >= d.content[0] && t.span[1] <= d.content[1]));
  for (const d of made) {
    if (d.continuation) continue;
    const cueAt = d.cue.span[0];
    const before = d.content[0] > cueAt;
    // where this statement's own time may be: before its content, or (content first) in the frame up to the next comma
    const limit = before ? d.content[0] : frameEnd(ctx, s, d.cue.span[1]);
    const nextCue = Math.min(...made.filter((o) => o.cue.span[0] > d.content[1]).map((o) => o.cue.span[0]), s.span[1]);
    const cands = times.filter((t) => (t.span[1] <= limit && (before || t.span[0] >= d.content[1]))
      // content first, then "at a briefing on Thursday" / "according to a statement released on Tuesday"
      || (before && t.span[0] >= d.content[1] && t.span[1] <= nextCue));
    const ownFrame = d.frameTimes.filter((t) => cands.includes(t));
    // another speaker's frame time ("X said on Monday ... Y told Z") is not this statement's
    const pool = ownFrame.length > 0 ? ownFrame : cands.filter((t) => !made.some((o) => o !== d && o.frameTimes.includes(t) && o.speaker !== d.speaker));
    pool.sort((a, b) => Math.abs(a.span[0] - cueAt) - Math.abs(b.span[0] - cueAt));
    d.time = pool[0] ?? null;
  }
  const prev = ctx.draftsBySentence.get(si - 1) ?? [];
  const prevSentence = doc.sentences[si - 1];
  const prevSubject = prevSentence ? subjectOf(ctx, prevSentence)?.actor ?? null : null;
  const prevTimes = ctx.timesBySentence.get(si - 1) ?? [];
  const opener = doc.tokens[firstWord(ctx, s)]?.lower ?? '';
  for (const d of made) {
    if (d.time) continue;
    const continues = d.direct || d.continuation || d.cue.lemma === 'add' || CONTINUATION_OPENERS.has(opener);
    if (continues) {
      const p = prev.find((x) => x.speaker === d.speaker && x.time);
      if (p) { d.time = p.time; d.inherited = true; continue; }
      // "Castell repeated her warning in an interview on Wednesday. Asked ..., she said: '...'"
      if (prev.length === 0 && prevSubject && prevSubject === d.speaker && prevTimes.length === 1) { d.time = prevTimes[0]!; d.inherited = true; continue; }
    }
    // "following the meeting": the time of the event the previous sentence dated
    const event = eventReference(ctx, s);
    if (event) {
      const pt = prevTimes.filter((t) => t.precision === 'day');
      if (pt.length === 1) { d.time = pt[0]!; d.inherited = true; }
    }
  }
}

function frameEnd(ctx: Ctx, s: Sentence, from: number): number {
  const { tokens } = ctx.doc;
  for (let k = tokenAfter(ctx, from, s.tokens[0], s.tokens[1]); k < s.tokens[1]; k++) {
    const t = tokens[k]!;
    if (t.quote === -1 && (t.text === ',' || t.text === '.' || t.text === ';')) return t.start;
  }
  return s.span[1];
}

function eventReference(ctx: Ctx, s: Sentence): boolean {
  const { tokens } = ctx.doc;
  for (let k = s.tokens[0]; k + 2 < s.tokens[1]; k++) {
    const t = tokens[k]!;
    if (t.quote === -1 && (t.lower === 'following' || t.lower === 'after') && (tokens[k + 1]!.lower === 'the' || tokens[k + 1]!.lower === 'that') && EVENT_NOUNS.has(tokens[k + 2]!.lower)) return true;
  }
  return false;
}
