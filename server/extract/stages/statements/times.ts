/** Stage 6: each statement's time. */
import type { Draft, Sentence } from '../../doc.js';
import { CONTINUATION_OPENERS, EVENT_NOUNS } from '../../model/words.js';
import { type Ctx, subjectOf, tokenAfter, firstWord } from './ctx.js';

/** Chooses each statement's time (see the file comment). */
export function assignTimes(ctx: Ctx, s: Sentence, si: number, made: Draft[]): void {
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

export function frameEnd(ctx: Ctx, s: Sentence, from: number): number {
  const { tokens } = ctx.doc;
  for (let k = tokenAfter(ctx, from, s.tokens[0], s.tokens[1]); k < s.tokens[1]; k++) {
    const t = tokens[k]!;
    if (t.quote === -1 && (t.text === ',' || t.text === '.' || t.text === ';')) return t.start;
  }
  return s.span[1];
}

export function eventReference(ctx: Ctx, s: Sentence): boolean {
  const { tokens } = ctx.doc;
  for (let k = s.tokens[0]; k + 2 < s.tokens[1]; k++) {
    const t = tokens[k]!;
    if (t.quote === -1 && (t.lower === 'following' || t.lower === 'after') && (tokens[k + 1]!.lower === 'the' || tokens[k + 1]!.lower === 'that') && EVENT_NOUNS.has(tokens[k + 2]!.lower)) return true;
  }
  return false;
}
