/** Stage 6: statements without a speech verb: colon quotations, headlines "Name: claim", "Asked whether ...", dash-attributed quotations, continuing quotations. */
import type { Cue, Draft, Sentence } from '../../doc.js';
import { type Ctx, remember, resolveMention, spanOf, firstWord, leadSubject, makeDraft, aboutIn } from './ctx.js';

/**
 * "The mayor put it bluntly: 'We are out of options.'" and the headline form
 * "Tork: 'We will not back down'": a sentence with no speech verb whose
 * subject is an actor and which ends in a quotation opened right after a
 * colon. The colon is the cue (lemma ":").
 */
export function colonQuote(ctx: Ctx, s: Sentence, si: number): boolean {
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
export function headlineColon(ctx: Ctx, s: Sentence, si: number): boolean {
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
export const QUESTION_OPENERS = new Set(['whether', 'if', 'who', 'what', 'why', 'how', 'when', 'where', 'which']);

/**
 * "Asked whether the dock would close, the mayor said no": the question put
 * to the speaker is a statement of its own, by an unnamed asker (no speaker);
 * its content runs from the question word to the comma.
 */
export function askedLead(ctx: Ctx, s: Sentence, si: number): void {
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
export const ATTRIBUTION_DASHES = new Set(['―', '—', '–']);

/** A sentence that is a quotation, a dash and a name (and nothing else): the dash is the cue. */
export function dashQuote(ctx: Ctx, s: Sentence, si: number): boolean {
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
export function continuation(ctx: Ctx, s: Sentence, si: number): void {
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
  const q = doc.quotes[qi]!;
  // "'A,' she said. 'B.' 'C.'": quotations right after a quote-first attribution in the same paragraph are the same utterance
  const prevSentence = doc.sentences[si - 1];
  const lead = ctx.joined.get(si - 1) ?? ctx.draftsBySentence.get(si - 1)?.[0];
  if (lead && prevSentence && prevSentence.paragraph === s.paragraph && quoteFirstDraft(lead)) {
    lead.parts = [...(lead.parts.length > 0 ? lead.parts : [lead.content]), q.inner];
    lead.content = [lead.content[0], q.inner[1]];
    lead.sentenceSpan = [lead.sentenceSpan[0], s.span[1]];
    lead.about = [...lead.about, ...aboutIn(ctx, q.inner, lead.speaker, [si]).filter((a) => !lead.about.includes(a))];
    ctx.joined.set(si, lead);
    return;
  }
  const prev = doc.drafts[doc.drafts.length - 1];
  if (!prev || prev.sentence !== si - 1) return;
  if (!prev.speaker) return;
  const d: Draft = {
    ...prev, sentence: si, sentenceSpan: s.span, content: q.inner, parts: [], fragments: [], direct: true,
    about: aboutIn(ctx, q.inner, prev.speaker, [si]), continuation: true, confidence: Math.min(prev.confidence, 0.6), time: null, frameTimes: [],
  };
  doc.drafts.push(d);
}

/** A direct statement whose (first) quotation comes before its cue ("'A,' she said"). */
function quoteFirstDraft(d: Draft): boolean {
  const first = d.parts[0] ?? d.content;
  return d.direct && !d.continuation && first[1] <= d.cue.span[0];
}
