/**
 * Stage 3: speech cues outside quotations ("has accused", "told", "according to").
 *
 * A verb form counts as a cue only where it can be a verb: not after a
 * determiner ("the call"), not after "to" ("vowed to support"), not a passive
 * participle ("was told"), not capitalised mid-sentence ("United States").
 * Bare forms ("say", "warn") also need an auxiliary or a plural subject before
 * them, since they are mostly nouns otherwise. An -ing form after a comma,
 * "and", "by" or a colon is a participle cue that takes the subject of the
 * clause it hangs on ("..., adding:").
 */
import type { Cue, Doc, Token } from '../doc.js';
import { ACCORDING_TO, BARE_PLURAL_SUBJECTS, CALL_PARTICLES, CUE_VERBS, NON_CUE_PARTICIPLES, NOUNLIKE_S_FORMS, type CueVerb } from '../model/cues.js';
import { GROUP_NOUNS } from '../model/titles.js';
import { DOCUMENT_HEADS } from '../model/speakers.js';
import { AUXILIARIES, CUE_ADVERBS, DETERMINERS, PASSIVE_MARKERS } from '../model/words.js';

interface Form { verb: CueVerb; kind: 'base' | 's' | 'past' | 'ing'; }

/** Inflected form -> verbs; built once from model/cues.ts. */
const FORMS: Map<string, Form[]> = buildForms();

function buildForms(): Map<string, Form[]> {
  const map = new Map<string, Form[]>();
  const add = (form: string, f: Form): void => {
    const list = map.get(form) ?? [];
    list.push(f);
    map.set(form, list);
  };
  for (const verb of CUE_VERBS) {
    const stem = verb.lemma.split(' ')[0]!;
    const forms = verb.forms ?? regular(stem);
    for (const form of forms) add(form, { verb, kind: verb.past?.includes(form) ? 'past' : classify(form, stem) });
  }
  return map;
}

function regular(stem: string): string[] {
  const e = stem.endsWith('e');
  return [stem, stem + 's', e ? stem + 'd' : stem + 'ed', e ? stem.slice(0, -1) + 'ing' : stem + 'ing'];
}

function classify(form: string, stem: string): Form['kind'] {
  if (form === stem) return 'base';
  if (form.endsWith('ing')) return 'ing';
  if (form.endsWith('s') && !form.endsWith('ss')) return 's';
  return 'past';
}

const SUBJECT_PRONOUNS = new Set(['i', 'we', 'they', 'you']);
/** Negated auxiliaries and frequency adverbs between a subject and its verb ("he doesn't believe", "she always hoped"): part of the cue, never its speaker. */
const VERB_LEADS = new Set([
  "doesn't", "don't", "won't", "wouldn't", "can't", 'cannot', "isn't", "wasn't", "aren't", "weren't", "couldn't", "shouldn't", "didn't",
  "hasn't", "haven't", "hadn't", 'always', 'twice', 'first', 'long', 'since', 'sometimes', 'ever', 'yet', 'all', 'both',
]);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'been', 'be', "'s", "'re"]);
const PARTICIPLE_LEAD = new Set([',', 'and', 'by', ':', 'while', 'before', 'after', 'when', 'but', '—', '–']);

export function isAdverb(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'word' && !t.cap && (CUE_ADVERBS.has(t.lower) || (t.lower.endsWith('ly') && t.lower.length > 4 && !FORMS.has(t.lower)));
}

/** A plural noun or a count right before a bare verb form: "lawyers say", "Democrats argue", "people believe", "4 in 10 say". */
function pluralSubject(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || t.type !== 'word') return false;
  if (BARE_PLURAL_SUBJECTS.has(t.lower) || /^\d+$/.test(t.text)) return true;
  return /[^su'’]s$/.test(t.lower) && t.lower.length > 3 && !FORMS.has(t.lower);
}

/** "Reyes questions whether", "the report states that": an -s form that is a verb here, not a plural noun. */
function verbLikeS(tokens: Token[], i: number, first: number): boolean {
  const next = tokens[i + 1];
  if (next && (next.lower === 'that' || next.type === 'quote' || next.text === ':')) return true;
  let j = i - 1;
  while (j >= first && isAdverb(tokens[j])) j--;
  const prev = j >= first ? tokens[j] : undefined;
  return prev !== undefined && prev.type === 'word' && (prev.cap || prev.lower === 'he' || prev.lower === 'she' || prev.lower === 'it' || DOCUMENT_HEADS.has(prev.lower));
}

const REDUCED_PASSIVE_LEADS = new Set(['when', 'if', 'once', 'unless', 'until', 'whenever']);
const OBJECT_NAMES = new Set(['it', 'him', 'her', 'them', 'me', 'us', 'this']);
const NAMING_SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'who', 'and', 'also', 'has', 'have', 'had', 'repeatedly', 'once', 'even', 'then']);

/**
 * "Reyes called the plan 'a mess'", "she called him a liar": a naming verb
 * after a name, a pronoun or an auxiliary, whose object (not a particle) is
 * followed within a few words by a quotation or an "a/an" phrase.
 */
function namingVerb(tokens: Token[], i: number, first: number, end: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  // ", calling the plan 'a mess'"; "the union called him a liar"
  const lead = prev !== undefined && i - 1 >= first && ((prev.text === ',' && tokens[i]!.lower.endsWith('ing')) || OBJECT_NAMES.has(next?.lower ?? ''));
  if (!lead && (!prev || i - 1 < first || prev.type !== 'word' || !(prev.cap || NAMING_SUBJECT_PRONOUNS.has(prev.lower)))) return false;
  if (!next || i + 1 >= end || next.type !== 'word' || (CALL_PARTICLES.has(next.lower) && !OBJECT_NAMES.has(next.lower))) return false;
  for (let k = i + 2; k < end && k < i + 10; k++) {
    const t = tokens[k]!;
    if (t.type === 'quote') return true;
    if (t.type !== 'word') return false;
    if (t.lower === 'a' || t.lower === 'an') return true;
    if (t.lower === 'for' || t.lower === 'to' || t.lower === 'on' || t.lower === 'that') return false;
  }
  return false;
}

/** Bare forms of speech and belief verbs that are verbs whenever a clause follows them ("aides to the mayor say she ..."). */
const CLAUSE_VERBS = new Set(['say', 'argue', 'insist', 'contend', 'warn', 'believe', 'think', 'suggest', 'acknowledge', 'predict', 'admit', 'concede']);
const CLAUSE_OPENERS = new Set(['that', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'there', 'the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'these', 'those']);
const NOT_SUBJECT_END = new Set(['to', 'of', 'for', 'with', 'about', 'than', 'as', 'in', 'on', 'at', 'by', 'from', 'and', 'or', 'but', 'not', "n't"]);

/**
 * "People briefed on the talks say that ...", "leaders who say the law ...": a
 * bare form of a speech or belief verb after a word that can end a subject,
 * followed by "that", a pronoun, a determiner or a name (the start of a clause).
 */
function clauseVerb(tokens: Token[], i: number, first: number, end: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!CLAUSE_VERBS.has(t.lower) || i - 1 < first || i + 1 >= end || !prev || !next) return false;
  if (prev.type !== 'word' || DETERMINERS.has(prev.lower) || NOT_SUBJECT_END.has(prev.lower) || /['’]s$/.test(prev.lower)) return false;
  return next.type === 'word' && (CLAUSE_OPENERS.has(next.lower) || (next.cap && next.quote === -1));
}

/** A quotation opens right after the verb (a colon or comma between allowed) or closes right before it ("'...,' read one"). */
function nextToQuote(tokens: Token[], i: number): boolean {
  const n = tokens[i + 1]?.text === ':' || tokens[i + 1]?.text === ',' ? tokens[i + 2] : tokens[i + 1];
  const p = tokens[i - 1]?.text === ',' ? tokens[i - 2] : tokens[i - 1];
  return n?.type === 'quote' || p?.type === 'quote';
}

/** Finds the cues of every sentence. */
export function cues(doc: Doc): void {
  const { tokens } = doc;
  const out: Cue[] = [];
  doc.sentences.forEach((s, si) => {
    const [first, end] = s.tokens;
    for (let i = first; i < end; i++) {
      const t = tokens[i]!;
      if (t.type !== 'word' || t.quote !== -1) continue;
      if (t.lower === 'according' && tokens[i + 1]?.lower === 'to' && i + 1 < end) {
        out.push({ tok: i, startTok: i, endTok: i + 2, span: [t.start, tokens[i + 1]!.end], lemma: ACCORDING_TO.lemma, class: ACCORDING_TO.class, participle: false, takesAddressee: false, takesTarget: false, sentence: si });
        i++;
        continue;
      }
      if (t.cap && i !== first) continue;
      // "Asked whether ..., she said": a sentence-initial participle is a passive adverbial, not a cue
      if (i === first && t.cap) continue;
      const forms = FORMS.get(t.lower);
      if (!forms) continue;
      const prev = tokens[i - 1];
      const prevWord = i > first ? prev : undefined;
      // skip back over adverbs and auxiliaries to see what governs the verb
      let j = i - 1;
      while (j >= first && (isAdverb(tokens[j]) || AUXILIARIES.has(tokens[j]!.lower) || VERB_LEADS.has(tokens[j]!.lower))) j--;
      const governor = j >= first ? tokens[j] : undefined;
      for (const f of forms) {
        const v = f.verb;
        if (prevWord && (DETERMINERS.has(prevWord.lower) || prevWord.lower.endsWith("'s"))) continue;
        if (f.kind === 'past' && prevWord && PASSIVE_MARKERS.has(tokens[i - 1]!.lower)) continue;
        // "when asked", "if told", "once asked": a reduced passive clause, not a cue
        if (f.kind === 'past' && prevWord && REDUCED_PASSIVE_LEADS.has(prevWord.lower)) continue;
        // "271 pledged delegates": between a number and a plural noun a participle is an adjective
        if ((f.kind === 'past' || f.kind === 'ing') && prevWord && /^\d/.test(prevWord.text) && /^[a-z]+s$/.test(tokens[i + 1]?.text ?? '')) continue;
        // "a statement cited by France24", "a poll found by": a participle with its agent is passive
        if (f.kind === 'past' && tokens[i + 1]?.lower === 'by' && i + 1 < end) continue;
        if (f.kind === 'past' && governor && PASSIVE_MARKERS.has(governor.lower) && j < i - 1) continue;
        if (f.kind === 'base' && !(prevWord && (AUXILIARIES.has(prevWord.lower) || SUBJECT_PRONOUNS.has(prevWord.lower) || GROUP_NOUNS.has(prevWord.lower) || isAdverb(prevWord) || pluralSubject(tokens, i - 1)))
          && !clauseVerb(tokens, i, first, end)) continue;
        if (f.kind === 's' && (tokens[i + 1]?.lower === 'of' || tokens[i + 1]?.lower === 'by')) continue;
        if (f.kind === 's' && NOUNLIKE_S_FORMS.has(t.lower) && !verbLikeS(tokens, i, first)) continue;
        if (v.predicate && !namingVerb(tokens, i, first, end)) continue;
        if (v.quoteOnly && !nextToQuote(tokens, i)) continue;
        let endTok = i + 1;
        if (v.particle) {
          if (tokens[i + 1]?.lower !== v.particle || i + 1 >= end) continue;
          endTok = i + 2;
        }
        if (v.object) {
          if (!v.object.includes(tokens[i + 1]?.lower ?? '') || i + 1 >= end) continue;
          endTok = i + 2;
        }
        let participle = false;
        if (f.kind === 'ing') {
          // "writing:" before a quotation reports it; "writing" elsewhere only opens a clause
          if (NON_CUE_PARTICIPLES.has(t.lower) && !(tokens[i + 1]?.text === ':' && tokens[i + 2]?.type === 'quote')) continue;
          // "'conflation and manipulation,' arguing": the comma sits inside the closing quotation
          const lead = prevWord?.type === 'quote' && tokens[i - 2]?.text === ',' ? ',' : prevWord?.lower;
          if (lead === undefined || !PARTICIPLE_LEAD.has(lead)) {
            // "is saying", "was repeatedly arguing" are finite verbs; a bare -ing elsewhere is a noun or an adjective
            let progressive = false;
            for (let b = j + 1; b < i; b++) if (BE_FORMS.has(tokens[b]!.lower)) progressive = true;
            if (!progressive && !(governor && PASSIVE_MARKERS.has(governor.lower))) continue;
          } else participle = true;
        }
        let startTok = i;
        if (!participle) {
          let k = i - 1;
          while (k >= first && i - k <= 4 && (isAdverb(tokens[k]) || ((AUXILIARIES.has(tokens[k]!.lower) || VERB_LEADS.has(tokens[k]!.lower)) && tokens[k]!.type === 'word'))) k--;
          startTok = k + 1;
        }
        // "voiced concern", "expressed hope": the object word is part of the lemma
        const lemma = v.object ? `${v.lemma.split(' ')[0]} ${tokens[i + 1]!.lower.replace(/s$/, '')}` : v.lemma;
        out.push({
          tok: i, startTok, endTok, span: [tokens[startTok]!.start, tokens[endTok - 1]!.end], lemma, class: v.class,
          participle, takesAddressee: v.takesAddressee === true, takesTarget: v.takesTarget === true,
          ...(v.clauseOnly ? { clauseOnly: true } : {}), ...(v.documentSubject ? { documentSubject: true } : {}), sentence: si,
        });
        i = endTok - 1;
        break;
      }
    }
  });
  doc.cues = out;
}
