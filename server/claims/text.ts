import { CURRENCY_SIGNS, CURRENCY_WORDS, MULTIPLIERS, NUMBER_WORDS, PERCENT_WORDS } from './model/numbers.js';
import { ANTONYMS, CLAUSE_BREAK_WORDS, NEGATING_CUE_CLASSES, NEGATION_CUES, NON_NEGATING_NEXT, NON_NEGATING_PHRASES } from './model/polarity.js';
import { STOPWORDS } from './model/stopwords.js';
import { normalizeText, SPELLING_VARIANTS } from '../actors/index.js';
import { memoByString } from '../memo.js';

export { normalizeText };

/**
 * Light stemming, enough to meet "troops"/"troop" and "talks"/"talk"
 * without a dictionary: plural and third-person "s" only. Short words and
 * "-ss/-us/-is" endings are left alone ("press", "status", "crisis"), and
 * figures too. Porter's stemmer (the `stemmer` package) was tried for issue
 * 21 and measured no better on PolNeAR train (docs/claims.md): not kept.
 */
export function stem(word: string): string {
  const c0 = word.charCodeAt(0);
  if (c0 >= 0x30 && c0 <= 0x39) return word;
  const n = word.length;
  if (n > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (n > 3 && word.charCodeAt(n - 1) === 0x73) {
    const p = word.charCodeAt(n - 2);
    // Not after "s", "u" or "i" ("press", "status", "crisis").
    if (p !== 0x73 && p !== 0x75 && p !== 0x69) return word.slice(0, -1);
  }
  return word;
}

const FIGURE = new RegExp(
  `([${CURRENCY_SIGNS.replace('$', '\\$')}])?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?:\\s?(${Object.keys(MULTIPLIERS).filter((m) => m.length > 2).join('|')})\\b|(${Object.keys(MULTIPLIERS).filter((m) => m.length <= 2).join('|')})\\b)?(\\s?(?:%|per ?cent\\b|pct\\b))?`,
  'giu',
);

/** A figure as one token: digits only for whole values, "2point5" for a fraction (normalizeText keeps letters and digits). */
function figureToken(value: number): string {
  const fixed = Number(value.toPrecision(12));
  return Number.isInteger(fixed) ? String(fixed) : String(fixed).replace('.', 'point');
}

/** The rule tables as Maps: a plain object answers "constructor" with a function, not "no such word". */
const MULTIPLIER_OF: ReadonlyMap<string, number> = new Map(Object.entries(MULTIPLIERS));
const NUMBER_WORD_OF: ReadonlyMap<string, number> = new Map(Object.entries(NUMBER_WORDS));
/** Length and first letter of every word the token loop reacts to: most words are passed over on this alone, with no string hashed. */
const shape = (w: string) => w.length * 65_536 + w.charCodeAt(0);
const WORD_SHAPES: ReadonlySet<number> = new Set([...NUMBER_WORD_OF.keys(), ...CURRENCY_WORDS, ...PERCENT_WORDS].map(shape));

/** Whether a UTF-16 code unit is one that `\s` matches in a JavaScript regular expression. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A token's letters as `t.toLowerCase().replace(/[^a-z]/g, '')` gives them, and whether that is all of
 * `t.toLowerCase()`, without building either string for the common all-lower-case word. Only A-Z, a-z and
 * two code units outside ASCII lower-case to ASCII letters: KELVIN SIGN (to "k") and CAPITAL I WITH DOT
 * ABOVE (to "i" and a combining dot, which is dropped); test/claims/text.test.ts checks every code unit.
 */
function lettersOf(t: string): { bare: string; pure: boolean } {
  let plain = true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) {
      plain = false;
      break;
    }
  }
  if (plain) return { bare: t, pure: true };
  let bare = '';
  let pure = true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) bare += t[i];
    else if (c >= 0x41 && c <= 0x5a) bare += String.fromCharCode(c + 32);
    else if (c === 0x212a) bare += 'k';
    else {
      pure = false;
      if (c === 0x130) bare += 'i';
    }
  }
  return { bare, pure };
}

/** Whether the concatenation of `parts` ends with a digit and then only whitespace (`/\d\s*$/` on `parts.join('')`). */
function endsWithFigure(parts: readonly string[]): boolean {
  for (let k = parts.length - 1; k >= 0; k--) {
    const p = parts[k]!;
    for (let i = p.length - 1; i >= 0; i--) {
      const c = p.charCodeAt(i);
      if (isSpace(c)) continue;
      return c >= 0x30 && c <= 0x39;
    }
  }
  return false;
}

/**
 * Figures written one way: "2.6million", "2.6 million" and "2,600,000" all
 * become "2600000"; "$3bn" and "3 billion dollars" become "3000000000";
 * "5%" and "5 percent" become "5 pct"; number words ("three", "a dozen")
 * become digits. Rule data in model/numbers.ts.
 */
export function canonicalNumbers(text: string): string {
  const withFigures = text.replace(FIGURE, (_m, _cur: string | undefined, int: string, frac: string | undefined, word: string | undefined, abbr: string | undefined, pct: string | undefined) => {
    const mult = MULTIPLIER_OF.get((word ?? abbr ?? '').toLowerCase()) ?? 1;
    const value = Number(`${int.replace(/,/g, '')}${frac !== undefined ? `.${frac}` : ''}`) * mult;
    return `${figureToken(value)}${pct !== undefined ? ' pct' : ''}`;
  });
  // Number words (and a number word with a multiplier: "three million"), currency words after a figure. The
  // tokens are the words and the whitespace runs between them (a scan: split(/(\s+)/) gives the same).
  const tokens = splitSpaces(withFigures);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const { bare, pure } = lettersOf(t);
    if (bare === '' || !WORD_SHAPES.has(shape(bare))) {
      out.push(t);
      continue;
    }
    const n = NUMBER_WORD_OF.get(bare);
    if (n !== undefined && pure) {
      const nextWord = i + 2 < tokens.length ? lettersOf(tokens[i + 2]!).bare : '';
      const mult = MULTIPLIER_OF.get(nextWord);
      if (mult !== undefined && nextWord.length > 2) {
        out.push(figureToken(n * mult));
        i += 2;
        continue;
      }
      out.push(figureToken(n));
      continue;
    }
    if (CURRENCY_WORDS.has(bare) && endsWithFigure(out)) {
      out.pop();
      continue;
    }
    if (PERCENT_WORDS.has(bare) && endsWithFigure(out)) {
      out.push('pct');
      continue;
    }
    out.push(t);
  }
  return out.join('');
}

/** `text.split(/(\s+)/)`: the runs between whitespace and the whitespace runs, alternating, starting with a (maybe empty) run. */
function splitSpaces(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (!isSpace(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    out.push(text.slice(start, i));
    const ws = i;
    while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
    out.push(text.slice(ws, i));
    start = i;
  }
  out.push(text.slice(start));
  return out;
}

/** A statement content's normal form: figures written one way (canonicalNumbers), then normalizeText. */
export const normalizeContent: (text: string) => string = memoByString((text) => normalizeText(canonicalNumbers(text)), 20_000, 1_000);

/** Every word of the content, normalised, figures canonical, spelling variants folded, not stemmed. */
function rawWords(text: string): string[] {
  const norm = normalizeContent(text);
  if (norm === '') return [];
  const ws = norm.split(' ');
  for (let i = 0; i < ws.length; i++) {
    const v = VARIANT_OF.get(ws[i]!);
    if (v !== undefined) ws[i] = v;
  }
  return ws;
}

/** SPELLING_VARIANTS as a Map (a plain object answers "constructor"). */
const VARIANT_OF: ReadonlyMap<string, string> = new Map(Object.entries(SPELLING_VARIANTS));

/** Every word of the text, normalised, spelling variants folded, stemmed. */
export function words(text: string): string[] {
  const ws = rawWords(text);
  for (let i = 0; i < ws.length; i++) ws[i] = stem(ws[i]!);
  return ws;
}

/** The words that carry content, stemmed: stopwords removed (negations kept: they are not stopwords). */
export function contentWords(text: string): string[] {
  return rawWords(text)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

const POSITIVE_OF = new Map<string, string>(ANTONYMS.flatMap(([pos, neg]) => [[neg, pos], [stem(neg), pos]] as Array<[string, string]>));

/** One clause of a content: what it asserts and whether it asserts it or its opposite. */
export interface PolarClause {
  /** Content words (stemmed) with negation cues dropped and each negative antonym replaced by its positive member. */
  neutral: string[];
  /** +1 or -1: the parity of this clause's negation cues and negative antonyms (and a denying cue). */
  polarity: 1 | -1;
  /** The words that flipped this clause, for a contradiction's reason. */
  flips: string[];
}

/** A statement content reduced to what it asserts, clause by clause. */
export interface PolarForm {
  /** Every clause's neutral words, in order. */
  neutral: string[];
  /** The parity over the whole content (kept for reasons; decisions use the clauses). */
  polarity: 1 | -1;
  flips: string[];
  /** The content's clauses: a negation counts in its own clause only. */
  clauses: PolarClause[];
}

const BREAK_RE = new RegExp(`[.;:!?\u2014\u2013]+|\\s-\\s|,?\\s+(?=(?:${[...CLAUSE_BREAK_WORDS].join('|')})\\b)`, 'iu');

/** The clauses of a text: split at sentence punctuation, dashes and clause-opening conjunctions ("but", "because"). */
export function clauses(text: string): string[] {
  return text.split(new RegExp(BREAK_RE.source, 'giu')).filter((c) => c !== undefined && c.trim() !== '');
}

/**
 * The negation cues of one clause's raw words that negate something: not
 * those inside a non-negating phrase ("whether or not"), nor one before
 * "just" or "only" ("you aren't just late, you are lost"), nor a
 * clause-initial "not" before a gerund ("Not closing the school keeps the town alive"
 * asserts that something keeps the town alive).
 */
function negatingAt(ws: readonly string[]): Set<number> {
  const skip = new Set<number>();
  for (const phrase of NON_NEGATING_PHRASES) {
    for (let i = 0; i + phrase.length <= ws.length; i++) {
      if (phrase.every((p, k) => ws[i + k] === p)) for (let k = 0; k < phrase.length; k++) skip.add(i + k);
    }
  }
  if (NEGATION_CUES.has(ws[0] ?? '') && /ing$/.test(ws[1] ?? '')) skip.add(0);
  ws.forEach((w, i) => {
    if (NEGATION_CUES.has(w) && NON_NEGATING_NEXT.has(ws[i + 1] ?? '')) skip.add(i);
  });
  const out = new Set<number>();
  ws.forEach((w, i) => {
    if (NEGATION_CUES.has(w) && !skip.has(i)) out.add(i);
  });
  return out;
}

/** Splits a content into clauses, each with its polarity-neutral words and its own polarity. */
export function polarForm(content: string, cueClass: string | null = null): PolarForm {
  const denied = cueClass !== null && NEGATING_CUE_CLASSES.has(cueClass);
  const out: PolarClause[] = [];
  for (const text of clauses(content)) {
    const ws = rawWords(text);
    if (ws.length === 0) continue;
    const negating = negatingAt(ws);
    const neutral: string[] = [];
    const flips: string[] = [];
    ws.forEach((raw, i) => {
      if (NEGATION_CUES.has(raw)) {
        if (negating.has(i)) flips.push(raw);
        return;
      }
      if (STOPWORDS.has(raw)) return;
      const w = stem(raw);
      const pos = POSITIVE_OF.get(w) ?? POSITIVE_OF.get(raw);
      if (pos !== undefined) {
        flips.push(raw);
        neutral.push(stem(pos));
      } else {
        neutral.push(w);
      }
    });
    if (denied) flips.push(`(cue: ${cueClass})`);
    out.push({ neutral, polarity: flips.length % 2 === 0 ? 1 : -1, flips });
  }
  const flips = out.flatMap((c) => c.flips.filter((f) => !f.startsWith('(')));
  if (denied) flips.push(`(cue: ${cueClass})`);
  return { neutral: out.flatMap((c) => c.neutral), polarity: flips.length % 2 === 0 ? 1 : -1, flips, clauses: out };
}

/** Word n-grams ("shingles") joined by a space; a text shorter than n is one shingle of all its words. */
export function shingles(tokens: readonly string[], n: number): string[] {
  if (tokens.length === 0) return [];
  if (tokens.length <= n) return [tokens.join(' ')];
  // Slices of the words joined once: no string built per n-gram (nor a list per n-gram to join).
  const joined = tokens.join(' ');
  const starts = new Array<number>(tokens.length + 1);
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    starts[i] = at;
    at += tokens[i]!.length + 1;
  }
  starts[tokens.length] = at;
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(joined.slice(starts[i]!, starts[i + n]! - 1));
  return out;
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const inter = intersectionSize(a, b);
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

/** |A ∩ B| / min(|A|, |B|): 1 when the smaller set is inside the larger (a trimmed quote). */
export function overlap<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const min = Math.min(a.size, b.size);
  return min === 0 ? 0 : intersectionSize(a, b) / min;
}

/** |A ∩ B| / |A|: how much of A is found in B. */
export function containment<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  return a.size === 0 ? 0 : intersectionSize(a, b) / a.size;
}

function intersectionSize<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n += 1;
  return n;
}
