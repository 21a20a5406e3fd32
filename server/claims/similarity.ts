import { contentWords, jaccard, normalizeText, overlap, polarForm, shingles, type PolarForm } from './text.js';
import { differentTimes, timesCompatible, type Dated } from './times.js';

/** A statement as the claim step sees it: the new article's, or a candidate read back from the store. */
export interface ClaimStatement extends Dated {
  id: string;
  articleId: string;
  content: string;
  cueClass: string | null;
  speakerId: string | null;
  aboutIds: string[];
}

/** A statement with its comparison forms computed once. */
export interface Prepared {
  statement: ClaimStatement;
  norm: string;
  words: ReadonlySet<string>;
  bigrams: ReadonlySet<string>;
  polar: PolarForm;
  neutral: ReadonlySet<string>;
}

/** Computes the forms every comparison needs, once per statement. */
export function prepare(statement: ClaimStatement): Prepared {
  const cw = contentWords(statement.content);
  const polar = polarForm(statement.content, statement.cueClass);
  return {
    statement,
    norm: normalizeText(statement.content),
    words: new Set(cw),
    bigrams: new Set(shingles(cw, 2)),
    polar,
    neutral: new Set(polar.neutral),
  };
}

/**
 * Thresholds, tuned on the seed page and the hand-made pairs in
 * test/claims/similarity.test.ts (see docs/claims.md):
 * - a paraphrase needs most of the shorter content's words in the longer
 *   (overlap) and a fair share of all words (Jaccard), so a short generic
 *   statement is not absorbed by a long one;
 * - below MIN_WORDS content words only a verbatim or contained text counts
 *   ("shut up" is too little to paraphrase, but is found inside a longer quote);
 * - figures must agree (numbersAgree).
 */
export const PARAPHRASE_OVERLAP = 0.75;
export const PARAPHRASE_JACCARD = 0.4;
export const NEAR_VERBATIM_BIGRAM_OVERLAP = 0.7;
export const MIN_WORDS = 3;

export interface Decision {
  same: boolean;
  score: number;
  reason: string;
}

/** How alike two contents are, and in which way; null when they are not alike enough. */
export function contentMatch(a: Prepared, b: Prepared): { score: number; how: string } | null {
  if (a.norm === '' || b.norm === '') return null;
  if (a.norm === b.norm) return { score: 1, how: 'verbatim' };
  const [short, long] = a.norm.length <= b.norm.length ? [a, b] : [b, a];
  // A trimmed quote: two words or more, one of them a content word ("shut up" inside the full sentence).
  if (short.norm.includes(' ') && short.words.size >= 1 && ` ${long.norm} `.includes(` ${short.norm} `)) {
    return { score: 0.95, how: 'trimmed or extended quote' };
  }
  if (Math.min(a.words.size, b.words.size) < MIN_WORDS) return null;
  if (!numbersAgree(a.words, b.words)) return null;
  const ov = overlap(a.words, b.words);
  const j = jaccard(a.words, b.words);
  if (ov >= PARAPHRASE_OVERLAP && j >= PARAPHRASE_JACCARD) return { score: round((ov + j) / 2), how: `paraphrase (overlap ${round(ov)}, jaccard ${round(j)})` };
  if (Math.min(a.bigrams.size, b.bigrams.size) >= MIN_WORDS) {
    const ov2 = overlap(a.bigrams, b.bigrams);
    if (ov2 >= NEAR_VERBATIM_BIGRAM_OVERLAP) return { score: round(0.9 * ov2), how: `edited quote (bigram overlap ${round(ov2)})` };
  }
  return null;
}

/**
 * Whether two statements report the same utterance: the same speaker (after
 * identity resolution), the same polarity, compatible times, and the same or
 * nearly the same content.
 */
export function sameClaim(a: Prepared, b: Prepared): Decision {
  const sa = a.statement;
  const sb = b.statement;
  if (sa.speakerId === null || sa.speakerId !== sb.speakerId) return { same: false, score: 0, reason: 'different or unknown speakers' };
  if (a.polar.polarity !== b.polar.polarity) return { same: false, score: 0, reason: 'opposite polarity' };
  const time = timesCompatible(sa, sb);
  if (!time.ok) return { same: false, score: 0, reason: time.why };
  const m = contentMatch(a, b);
  if (m === null) return { same: false, score: 0, reason: 'different content' };
  return { same: true, score: m.score, reason: `${m.how}; ${time.why}` };
}

export interface ContradictionDecision {
  contradicts: boolean;
  score: number;
  reason: string;
}

/**
 * A contradiction candidate: the same proposition (polarity-neutral
 * contents alike) with opposite polarity, by different actors about a
 * shared subject, or by one speaker at different times. A candidate only:
 * rule-based polarity misreads irony, quotes of others and conditionals.
 */
export function contradiction(a: Prepared, b: Prepared): ContradictionDecision {
  const no = (reason: string): ContradictionDecision => ({ contradicts: false, score: 0, reason });
  if (a.polar.polarity === b.polar.polarity) return no('same polarity');
  if (Math.min(a.neutral.size, b.neutral.size) < MIN_WORDS) return no('too short');
  const ov = overlap(a.neutral, b.neutral);
  const j = jaccard(a.neutral, b.neutral);
  if (ov < PARAPHRASE_OVERLAP || j < PARAPHRASE_JACCARD) return no('different propositions');
  const sa = a.statement;
  const sb = b.statement;
  const flips = [...a.polar.flips, ...b.polar.flips].map((f) => (f.startsWith('(') ? f : `"${f}"`)).join(', ');
  let who: string;
  let weight: number;
  if (sa.speakerId !== null && sa.speakerId === sb.speakerId) {
    if (!differentTimes(sa, sb)) return no('same speaker at the same time');
    who = 'same speaker at different times';
    weight = 0.8;
  } else {
    const shared = sa.aboutIds.filter((x) => sb.aboutIds.includes(x));
    if (shared.length === 0) return no('no shared subject');
    who = 'different speakers about the same subject';
    weight = 0.9;
  }
  return { contradicts: true, score: round(weight * (ov + j) / 2), reason: `opposite polarity (${flips}); ${who}` };
}

/**
 * Figures must agree: "62,000 killed" and "61,000 killed" are different
 * claims however alike the words. Agree when either has no figure or one's
 * figures include the other's.
 */
function numbersAgree(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const na = [...a].filter((w) => /^\d/.test(w));
  const nb = [...b].filter((w) => /^\d/.test(w));
  if (na.length === 0 || nb.length === 0) return true;
  return na.every((x) => nb.includes(x)) || nb.every((x) => na.includes(x));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
