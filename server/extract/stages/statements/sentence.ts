/** Stage 6: the statements of one sentence that has speech cues (see 06-statements.ts for the order of steps). */
import type { Actor, Cue, Draft, Mention, Sentence } from '../../doc.js';
import type { Span } from '../../schema.js';
import { MEDIA_MARKERS } from '../../model/orgs.js';
import { RELATIVES } from '../../model/words.js';
import { phraseAfter, subjectPhrase, type PhraseCtx } from '../06-speaker.js';
import { FIRST_PERSON } from '../../model/cues.js';
import { type Ctx, BOUNDARY, remember, subjectOf, resolveMention, isAcronym, spanOf, onlyPunct, tokenAt, tokenAfter, firstWord, makeDraft, quotesWithin, quoteFirst, clauseEnd } from './ctx.js';
import { closesQuote, describedName, subordinateEnd, quoteAfterFrame, mediumPhrase, documentSpeaker, inRelativeClause, appositive, including, skipFrame, objectAt, sourceAfter, leadingAddressee } from './frame.js';

export function sentenceStatements(ctx: Ctx, s: Sentence, si: number, cues: Cue[]): void {
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
        // "'Why now?' asked Mr. Vance": after a quotation even a verb that takes a hearer is followed by its speaker
        else if (j >= sFirst && (prev.text === ',' || prev.type === 'quote') && (!cue.takesAddressee || (cue.class === 'ask' && closesQuote(ctx, j)))) {
          // "said Republican strategist Ana Ruiz": a described person is preferred to a party or place opening the phrase
          const phrase = phraseAfter(pctx, cue.endTok, sEnd, si);
          const after = (phrase?.actor?.kind !== 'person' || phrase.described ? describedName(ctx, cue.endTok, sEnd) : null) ?? phrase;
          if (after) { speaker = after; inverted = true; }
        }
      }
    }
    if (speaker?.group) group = speaker.text;
    // "Ana Ruiz and Tomas Reyes said": both speak; the first is the speaker, the pair its group
    if (speaker && !inverted && !speaker.pronoun && tokens[speaker.tokens[0] - 1]?.lower === 'and') {
      const first = ctx.byLast.get(speaker.tokens[0] - 2);
      if (first && !first.pronoun && first.tokens[0] >= sFirst && first.actor?.kind === speaker.actor?.kind) {
        const span: Span = [first.span[0], speaker.span[1]];
        group = doc.text.slice(span[0], span[1]);
        speaker = { ...resolveMention(ctx, first), span, tokens: [first.tokens[0], speaker.tokens[1]], text: group };
      }
    }
    // 2. frame
    const frameStart = inverted && speaker ? speaker.tokens[1] : cue.endTok;
    const frame = skipFrame(ctx, cue, frameStart, sEnd);
    // "While Ramos said that ..., he ...": content inside an opening subordinate clause ends at its comma
    const subEnd = subordinateEnd(ctx, s, cue.startTok);
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
      // "'A,' he said of the plan, 'B.'": the utterance goes on after a short frame
      const rest = t && k < sEnd && t.quote === -1 ? quoteAfterFrame(ctx, k, sEnd, cueStarts) : -1;
      if (rest >= 0) { parts = [leadQuote, doc.quotes[rest]!.inner]; content = [leadQuote[0], doc.quotes[rest]!.inner[1]]; }
    } else if (t && k < sEnd && t.lower === 'that') {
      content = spanOf(ctx, k + 1, clauseEnd(ctx, k + 1, subEnd, cueStarts));
    } else if (t && k < sEnd && (t.text === ':' || t.text === ',') && quoteAt(k + 1) >= 0 && (k + 1 < sEnd || t.text === ':')) {
      const q = doc.quotes[quoteAt(k + 1)]!;
      content = q.inner; direct = true;
      // "'A,' she said, 'B.'": one utterance interrupted by its attribution
      if (leadQuote && t.text === ',') { parts = [leadQuote, q.inner]; content = [leadQuote[0], q.inner[1]]; }
    } else if (quoteAt(k) >= 0 && k < sEnd) {
      const q = doc.quotes[quoteAt(k)]!;
      const closeTok = tokenAt(ctx, q.close, k, sEnd);
      // a quotation followed by more words is part of indirect content ("'hell-bent on ...'" is whole; "'raging' and ..." is not)
      const rest = clauseEnd(ctx, k, subEnd, cueStarts);
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
      content = spanOf(ctx, from, clauseEnd(ctx, from, subEnd, cueStarts));
    }
    if (!content && !cue.participle) {
      // the frame ends the clause: content is what came before the speaker ("..., Kellogg said")
      const headTok = inverted ? cue.startTok : speaker ? speaker.tokens[0] : cue.startTok;
      let startTok = sFirst;
      const lead = drafts[drafts.length - 1];
      if (lead) startTok = tokenAfter(ctx, lead.content[1], sFirst, sEnd);
      // "...: 'France is ...,' he claimed": the colon or comma after the earlier content is not part of this one
      while (lead && startTok < headTok && tokens[startTok]!.type === 'punct' && tokens[startTok]!.quote === -1) startTok++;
      let endTok = headTok;
      while (endTok > startTok && (tokens[endTok - 1]!.text === ',' || tokens[endTok - 1]!.text === '—') && tokens[endTok - 1]!.quote === -1) endTok--;
      // "X ticked through the code: 'Civility was assumed,' he said": the quotation after the colon is what the tag reports
      const last0 = tokens[endTok - 1];
      if (last0 && last0.quote !== -1 && doc.quotes[last0.quote]!.close === last0.start) {
        const open = tokenAt(ctx, doc.quotes[last0.quote]!.open, startTok, endTok);
        if (open > startTok && tokens[open - 1]!.text === ':' && tokens[open - 1]!.quote === -1) startTok = open;
      }
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
