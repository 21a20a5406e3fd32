import { contentWords, jaccard, normalizeContent, overlap, polarForm, shingles, type PolarClause, type PolarForm } from './text.js';
import { speakerRelation, type SpeakerRelation } from './speakers.js';
import { differentTimes, timesCompatible, type Dated } from './times.js';
import { STOPWORDS } from './model/stopwords.js';
import { NEGATING_CUE_CLASSES } from './model/polarity.js';
import { memoByString } from '../memo.js';

/** A statement as the claim step sees it: the new article's, or a candidate read back from the store. */
export interface ClaimStatement extends Dated {
  id: string;
  articleId: string;
  content: string;
  cueClass: string | null;
  speakerId: string | null;
  /** The speaker actor's name, for telling "Lind" / "Ada Lind" from two different people; null when unknown. */
  speakerName: string | null;
  /** A direct quotation (the outlet's quotation marks), not reported speech in the outlet's words. */
  direct: boolean;
  aboutIds: string[];
}

/** A statement with its comparison forms computed once. */
export interface Prepared {
  statement: ClaimStatement;
  norm: string;
  /** The normalised words in order (stopwords kept), for alignment. */
  tokens: readonly string[];
  words: ReadonlySet<string>;
  bigrams: ReadonlySet<string>;
  polar: PolarForm;
  neutral: ReadonlySet<string>;
  /** What each comparison would otherwise derive again from one side (see ContentForms). */
  forms: ContentForms;
}

/** Forms of one side that contentMatch, contradiction and sameClaim read for every pair it is in. */
interface ContentForms {
  /** ` ${norm} `, for "is one inside the other". */
  padded: string;
  /** The words that are figures (start with a digit), in the order of `words`. */
  figures: readonly string[];
  /** The tokens without leading stopwords, joined and padded like `padded`, and how many. */
  trimmedPadded: string;
  trimmedLength: number;
  /** The distinct tokens, for a bound on the longest common subsequence. */
  tokenSet: ReadonlySet<string>;
  /** Each clause's neutral words as a set (polar.clauses, same order). */
  clauseSets: ReadonlyArray<ReadonlySet<string>>;
}

/** Computes the forms every comparison needs, once per statement (the forms of a content remembered: a stored statement is a candidate again and again). */
export function prepare(statement: ClaimStatement): Prepared {
  const cueClass = statement.cueClass !== null && NEGATING_CUE_CLASSES.has(statement.cueClass) ? statement.cueClass : null;
  let memo = formsByCue.get(cueClass);
  if (memo === undefined) formsByCue.set(cueClass, (memo = memoByString((content) => contentForms(content, cueClass), 20_000, 2_000)));
  const f = memo(statement.content);
  return { statement, norm: f.norm, tokens: f.tokens, words: f.words, bigrams: f.bigrams, polar: f.polar, neutral: f.neutral, forms: f.forms };
}

/**
 * The remembered forms of contents, one memo per cue class that changes them: a cue reads only through the
 * polarity of a denying class (polarForm), so every other cue shares the memo of no cue.
 */
const formsByCue = new Map<string | null, (content: string) => Omit<Prepared, 'statement'>>();

function contentForms(content: string, cueClass: string | null): Omit<Prepared, 'statement'> {
  const cw = contentWords(content);
  const polar = polarForm(content, cueClass);
  const norm = normalizeContent(content);
  const tokens = norm === '' ? [] : norm.split(' ');
  const words = new Set(cw);
  const trimmed = dropLeadingStopwords(tokens);
  return {
    norm,
    tokens,
    words,
    bigrams: new Set(shingles(cw, 2)),
    polar,
    neutral: new Set(polar.neutral),
    forms: {
      padded: ` ${norm} `,
      figures: [...words].filter(isFigure),
      trimmedPadded: ` ${trimmed.join(' ')} `,
      trimmedLength: trimmed.length,
      tokenSet: new Set(tokens),
      clauseSets: polar.clauses.map((c) => new Set(c.neutral)),
    },
  };
}

function isFigure(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

/**
 * Thresholds, tuned on the seed page and the hand-made pairs in
 * test/claims/similarity.test.ts, then checked on PolNeAR train (see
 * docs/claims.md):
 * - a paraphrase needs most of the shorter content's words in the longer
 *   (overlap) and a fair share of all words (Jaccard), so a short generic
 *   statement is not absorbed by a long one;
 * - below MIN_WORDS content words only a verbatim, contained or aligned text
 *   counts ("shut up" is too little to paraphrase, but is found inside a
 *   longer quote);
 * - an edited quote: the words of the shorter quote found in order in the
 *   longer (longest common subsequence of the normalised words) for at
 *   least ALIGNED_SHARE of them, with ALIGNED_MIN_WORDS words or more
 *   ("we must end this myth about the harbour" / "we must end once and for
 *   all this myth about the harbour");
 * - figures must agree (numbersAgree).
 */
export const PARAPHRASE_OVERLAP = 0.75;
export const PARAPHRASE_JACCARD = 0.4;
export const NEAR_VERBATIM_BIGRAM_OVERLAP = 0.7;
export const MIN_WORDS = 3;
export const ALIGNED_SHARE = 0.8;
export const ALIGNED_MIN_WORDS = 6;
/** Shared words that make a verbatim or contained direct quotation "long": one utterance across a longer time (times.ts). */
export const LONG_QUOTE_WORDS = 8;
/**
 * Speaker evidence, weighted: without one actor on both sides, the content
 * alone must carry the match: a verbatim, contained or aligned quote of at
 * least this many words (the shorter side's normalised words). Two speakers
 * whose names can be one person ("Lind" / "Ada Lind") need less than a
 * missing speaker.
 */
export const COMPATIBLE_MIN_WORDS = 4;
export const UNKNOWN_MIN_WORDS = 6;
/**
 * With a speaker unknown, reported speech (not a direct quotation on both
 * sides) must also be mostly the same text: the shorter at least this share
 * of the longer. Outlets describe a proposal in the same stock words ("a ban
 * on new licences for the port") inside different statements; a poll
 * finding repeated by two outlets is the same text throughout.
 */
export const UNKNOWN_INDIRECT_LENGTH_SHARE = 0.5;
/** Score factors by speaker evidence. */
export const SPEAKER_WEIGHT: Readonly<Record<Exclude<SpeakerRelation, 'different'>, number>> = { same: 1, compatible: 0.95, unknown: 0.85 };

export interface Decision {
  same: boolean;
  score: number;
  reason: string;
}

/** What kind of likeness two contents have: word for word (verbatim, contained, aligned) or in other words. */
export type MatchKind = 'verbatim' | 'contained' | 'aligned' | 'paraphrase' | 'edited';

export interface ContentMatch {
  score: number;
  how: string;
  kind: MatchKind;
  /** Words the two share word for word (the shorter side's length for verbatim, contained and aligned; 0 otherwise). */
  sharedWords: number;
}

/** How alike two contents are, and in which way; null when they are not alike enough. */
export function contentMatch(a: Prepared, b: Prepared): ContentMatch | null {
  if (a.norm === '' || b.norm === '') return null;
  if (a.norm === b.norm) return { score: 1, how: 'verbatim', kind: 'verbatim', sharedWords: a.tokens.length };
  const aShort = a.tokens.length <= b.tokens.length;
  const short = aShort ? a : b;
  const long = aShort ? b : a;
  if (!numbersAgree(a.forms.figures, b.forms.figures)) return null;
  // A trimmed quote: two words or more, one of them a content word ("shut up" inside the full sentence);
  // leading function words may differ ("That keeps the town alive" inside "... keeps the town alive").
  const trimmedLength = short.forms.trimmedLength;
  if (short.tokens.length >= 2 && short.words.size >= 1 && long.forms.padded.includes(short.forms.padded)) {
    return { score: 0.95, how: 'trimmed or extended quote', kind: 'contained', sharedWords: short.tokens.length };
  }
  if (trimmedLength >= 3 && trimmedLength < short.tokens.length && long.forms.padded.includes(short.forms.trimmedPadded)) {
    // Compared for polarity like an edit: the dropped words may have held a "not".
    return { score: 0.9, how: 'trimmed quote (leading words differ)', kind: 'aligned', sharedWords: trimmedLength };
  }
  // The words of the shorter in order in the longer are at most its words found in the longer at all: when those
  // are too few, the alignment cannot reach ALIGNED_SHARE and is not computed.
  if (short.tokens.length >= ALIGNED_MIN_WORDS && foundIn(short.tokens, long.forms.tokenSet) / short.tokens.length >= ALIGNED_SHARE) {
    const lcs = lcsLength(short.tokens, long.tokens);
    const share = lcs / short.tokens.length;
    if (share >= ALIGNED_SHARE) return { score: round(0.9 * share), how: `edited quote (${round(share)} of the words in order)`, kind: 'aligned', sharedWords: lcs };
  }
  // In other words: polarity-neutral words ("will not accept" and "reject" are one proposition; sameClaim then
  // compares the polarity of the clauses).
  if (Math.min(a.neutral.size, b.neutral.size) < MIN_WORDS) return null;
  const ov = overlap(a.neutral, b.neutral);
  const j = jaccard(a.neutral, b.neutral);
  if (ov >= PARAPHRASE_OVERLAP && j >= PARAPHRASE_JACCARD) return { score: round((ov + j) / 2), how: `paraphrase (overlap ${round(ov)}, jaccard ${round(j)})`, kind: 'paraphrase', sharedWords: 0 };
  if (Math.min(a.bigrams.size, b.bigrams.size) >= MIN_WORDS) {
    const ov2 = overlap(a.bigrams, b.bigrams);
    if (ov2 >= NEAR_VERBATIM_BIGRAM_OVERLAP) return { score: round(0.9 * ov2), how: `edited quote (bigram overlap ${round(ov2)})`, kind: 'edited', sharedWords: 0 };
  }
  return null;
}

/**
 * Whether two statements report the same utterance. Content first; then
 * speaker evidence, weighted: one actor on both sides admits any likeness;
 * two names that can be one person, or a missing speaker, admit only a
 * quote repeated word for word and long enough to carry the match alone;
 * two clearly different known people never. Polarity is compared clause by
 * clause, and only for contents in other words (a verbatim or contained
 * quote has the same negations; an aligned one may have gained a "not"). Times must be compatible: a long direct
 * quotation repeated word for word over a longer span (times.ts).
 */
export function sameClaim(a: Prepared, b: Prepared): Decision {
  const sa = a.statement;
  const sb = b.statement;
  const rel = speakerRelation(sa, sb);
  if (rel === 'different') return notSame('different speakers');
  const m = contentMatch(a, b);
  if (m === null) return notSame('different content');
  const verbatimLike = m.kind === 'verbatim' || m.kind === 'contained' || m.kind === 'aligned';
  if (rel !== 'same') {
    const need = rel === 'compatible' ? COMPATIBLE_MIN_WORDS : UNKNOWN_MIN_WORDS;
    if (!verbatimLike || m.sharedWords < need) return notSame(`${rel === 'compatible' ? 'speakers only alike by name' : 'a speaker unknown'} and too little repeated word for word`);
    const share = Math.min(a.tokens.length, b.tokens.length) / Math.max(a.tokens.length, b.tokens.length);
    if (rel === 'unknown' && !(sa.direct && sb.direct) && share < UNKNOWN_INDIRECT_LENGTH_SHARE) return notSame('a speaker unknown and reported speech only partly the same');
  }
  if (m.kind !== 'verbatim' && m.kind !== 'contained') {
    const clash = clauseClash(a, b);
    if (clash !== null) return notSame(`opposite polarity (${clash})`);
  }
  // Only a direct quotation on both sides is re-quoted over months; an outlet's own words repeated later are a new report.
  const time = timesCompatible(sa, sb, verbatimLike && sa.direct && sb.direct && m.sharedWords >= LONG_QUOTE_WORDS);
  if (!time.ok) return notSame(time.why);
  const who = rel === 'same' ? '' : rel === 'compatible' ? '; speakers alike by name' : '; one speaker unknown';
  return { same: true, score: round(m.score * SPEAKER_WEIGHT[rel]), reason: `${m.how}; ${time.why}${who}` };
}

/**
 * Clauses of the two contents that say the same thing with opposite
 * polarity, as the flipping words; null when none. Clauses of fewer than
 * two neutral words are not compared (too little to call a proposition).
 */
function clauseClash(a: Prepared, b: Prepared): string | null {
  const as = a.polar.clauses;
  const bs = b.polar.clauses;
  for (let i = 0; i < as.length; i++) {
    const ca = as[i]!;
    if (ca.neutral.length < 2) continue;
    const sa = a.forms.clauseSets[i]!;
    for (let k = 0; k < bs.length; k++) {
      const cb = bs[k]!;
      if (cb.neutral.length < 2 || cb.polarity === ca.polarity) continue;
      const sb = b.forms.clauseSets[k]!;
      if (overlap(sa, sb) >= PARAPHRASE_OVERLAP && jaccard(sa, sb) >= PARAPHRASE_JACCARD) return flipsOf([...ca.flips, ...cb.flips]);
    }
  }
  return null;
}

export interface ContradictionDecision {
  contradicts: boolean;
  score: number;
  reason: string;
}

/**
 * A contradiction candidate: a clause of one statement and a clause of the
 * other that state the same proposition (polarity-neutral words alike) with
 * opposite polarity; by different speakers in one article, by different
 * actors about a shared subject, or by one speaker at different times. A
 * candidate only: rule-based polarity misreads irony, quotes of others and
 * conditionals.
 */
export function contradiction(a: Prepared, b: Prepared): ContradictionDecision {
  let best: { sim: number; flips: string } | null = null;
  const as = a.polar.clauses;
  const bs = b.polar.clauses;
  for (let i = 0; i < as.length; i++) {
    const ca = as[i]!;
    if (ca.neutral.length < MIN_WORDS) continue;
    const na = a.forms.clauseSets[i]!;
    for (let k = 0; k < bs.length; k++) {
      const cb = bs[k]!;
      if (cb.neutral.length < MIN_WORDS || cb.polarity === ca.polarity) continue;
      const nb = b.forms.clauseSets[k]!;
      const ov = overlap(na, nb);
      const j = jaccard(na, nb);
      if (ov < PARAPHRASE_OVERLAP || j < PARAPHRASE_JACCARD) continue;
      const sim = (ov + j) / 2;
      if (best === null || sim > best.sim) best = { sim, flips: flipsOf([...ca.flips, ...cb.flips]) };
    }
  }
  if (best === null) return notContradiction('no clause says the same with opposite polarity');
  const sa = a.statement;
  const sb = b.statement;
  const rel = speakerRelation(sa, sb);
  let who: string;
  let weight: number;
  if (rel === 'same' || rel === 'compatible') {
    if (!differentTimes(sa, sb)) return notContradiction('same speaker at the same time');
    who = 'same speaker at different times';
    weight = 0.8;
  } else if (sa.articleId === sb.articleId) {
    who = 'different speakers in one article';
    weight = 0.85;
  } else {
    const shared = sa.aboutIds.filter((x) => sb.aboutIds.includes(x));
    if (shared.length === 0) return notContradiction('no shared subject');
    who = 'different speakers about the same subject';
    weight = 0.9;
  }
  return { contradicts: true, score: round(weight * best.sim), reason: `opposite polarity (${best.flips}); ${who}` };
}

// Module-level, not closures made per call: the TypeScript loader names every closure it creates (a property
// write), which was a tenth of the claims step's comparisons.
function notSame(reason: string): Decision {
  return { same: false, score: 0, reason };
}

function notContradiction(reason: string): ContradictionDecision {
  return { contradicts: false, score: 0, reason };
}

function flipsOf(flips: readonly string[]): string {
  return [...new Set(flips)].map((f) => (f.startsWith('(') ? f : `"${f}"`)).join(', ');
}

function dropLeadingStopwords(tokens: readonly string[]): string[] {
  let i = 0;
  while (i < tokens.length && STOPWORDS.has(tokens[i]!)) i += 1;
  return tokens.slice(i);
}

/** Length of the longest common subsequence of two word lists (O(n·m), contents are short). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const x = a[i - 1];
    for (let j = 1; j <= b.length; j++) cur[j] = x === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]!;
}

/** How many of the tokens (with repeats) are in the set. */
function foundIn(tokens: readonly string[], set: ReadonlySet<string>): number {
  let n = 0;
  for (const t of tokens) if (set.has(t)) n += 1;
  return n;
}

/**
 * Figures must agree: "62,000 killed" and "61,000 killed" are different
 * claims however alike the words. Agree when either has no figure or one's
 * figures include the other's.
 */
function numbersAgree(na: readonly string[], nb: readonly string[]): boolean {
  if (na.length === 0 || nb.length === 0) return true;
  return na.every((x) => nb.includes(x)) || nb.every((x) => na.includes(x));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
