/**
 * Polarity cues for contradiction candidates. A statement's polarity is the
 * parity of its negation cues and negative antonyms, flipped once more when
 * its cue is a denial ("X denied that ..."). The polarity-neutral form drops
 * negation cues and maps each antonym to its positive member, so "will not
 * accept the plan" and "rejects the plan" compare equal in content and
 * differ in polarity.
 */

/** Tokens that negate the clause they are in (after normalisation: "won't" -> "won t" -> handled as "wont"). */
export const NEGATION_CUES: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nor', 'neither', 'none', 'nothing', 'nobody', 'without', 'cannot', 'cant', 'wont', 'dont',
  'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'hasnt', 'havent', 'hadnt', 'shouldnt', 'wouldnt', 'couldnt',
  'mustnt',
]);

/**
 * Antonym pairs [positive, negative]. Members are normalised tokens after
 * the light stemming of text.ts (plural/3rd-person "s" dropped).
 */
export const ANTONYMS: ReadonlyArray<readonly [string, string]> = [
  ['accept', 'reject'], ['acceptable', 'unacceptable'], ['support', 'oppose'], ['agree', 'disagree'],
  ['allow', 'ban'], ['allow', 'forbid'], ['allow', 'prohibit'], ['permit', 'forbid'], ['legal', 'illegal'],
  ['possible', 'impossible'], ['true', 'false'], ['win', 'lose'], ['success', 'failure'], ['succeed', 'fail'],
  ['increase', 'decrease'], ['rise', 'fall'], ['raise', 'lower'], ['confirm', 'deny'], ['admit', 'deny'],
  ['include', 'exclude'], ['approve', 'veto'], ['approve', 'disapprove'], ['guilty', 'innocent'],
  ['safe', 'unsafe'], ['safe', 'dangerous'], ['ready', 'unready'], ['willing', 'unwilling'],
  ['attend', 'skip'], ['continue', 'stop'], ['start', 'end'], ['lift', 'impose'],
  ['strengthen', 'weaken'], ['constructive', 'destructive'], ['productive', 'unproductive'], ['progress', 'stalemate'],
  ['welcome', 'condemn'], ['praise', 'criticize'], ['praise', 'criticise'], ['trust', 'distrust'], ['likely', 'unlikely'],
];

/** Cue classes whose content is reported with negative polarity ("X denied that Y"). */
export const NEGATING_CUE_CLASSES: ReadonlySet<string> = new Set(['deny']);

/**
 * Phrases whose negation word negates nothing in the clause ("whether or
 * not", "not only ... but", "no doubt"). Normalised word sequences; the
 * negation words inside them are not counted.
 */
export const NON_NEGATING_PHRASES: ReadonlyArray<readonly string[]> = [
  ['whether', 'or', 'not'], ['or', 'not'], ['not', 'only'], ['not', 'just'], ['no', 'doubt'], ['no', 'matter'],
  ['nothing', 'but'], ['never', 'mind'], ['if', 'not'], ['not', 'least'], ['no', 'longer', 'than'],
];

/**
 * Words after a negation that make it negate nothing: "you aren't just
 * late, you are lost" asserts both; "not only the army".
 */
export const NON_NEGATING_NEXT: ReadonlySet<string> = new Set(['just', 'only', 'merely', 'simply']);

/**
 * Conjunctions that open a new clause for polarity ("..., but ...",
 * "because ..."): a negation counts in its own clause only. "and", "so",
 * "while" and "yet" are left out: too often inside one clause.
 */
export const CLAUSE_BREAK_WORDS: ReadonlySet<string> = new Set(['but', 'because', 'although', 'though', 'whereas', 'however', 'unless']);
