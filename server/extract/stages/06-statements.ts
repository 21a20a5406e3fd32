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
import type { Doc, Cue } from '../doc.js';
import { type Ctx, groupBy, remember, subjectOf } from './statements/ctx.js';
import { sentenceStatements } from './statements/sentence.js';
import { colonQuote, headlineColon, askedLead, dashQuote, continuation } from './statements/special.js';
import { assignTimes } from './statements/times.js';

/** Builds statement drafts for every sentence. */
export function statements(doc: Doc): void {
  const ctx: Ctx = {
    doc, byFirst: new Map(), byLast: new Map(), lastPerson: null, lastThing: null, lastGroup: null,
    timeAt: new Map(), timesBySentence: groupBy(doc.times, (t) => t.sentence), mentionsBySentence: groupBy(doc.mentions, (m) => m.sentence),
    draftsBySentence: new Map(), joined: new Map(),
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
