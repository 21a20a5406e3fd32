import { describe, expect, test } from 'vitest';
import { canonicalNumbers, normalizeText, stem } from '../../server/claims/text.js';
import { CURRENCY_SIGNS, CURRENCY_WORDS, MULTIPLIERS, NUMBER_WORDS, PERCENT_WORDS } from '../../server/claims/model/numbers.js';
import { rng } from '../utils/random.js';

/**
 * canonicalNumbers and stem are scans now (issue 19: they were a tenth of an ingest's CPU, most of it
 * lower-casing and stripping every word of every article with regular expressions). Here they are held to
 * the expressions they replace, kept below as written before, on seeded random strings and on every UTF-16
 * code unit. One difference on purpose: the rule tables are read as Maps, so "constructor" is an ordinary
 * word (the plain-object lookup answered it with a function and the step threw).
 */

const FIGURE = new RegExp(
  `([${CURRENCY_SIGNS.replace('$', '\\$')}])?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?:\\s?(${Object.keys(MULTIPLIERS).filter((m) => m.length > 2).join('|')})\\b|(${Object.keys(MULTIPLIERS).filter((m) => m.length <= 2).join('|')})\\b)?(\\s?(?:%|per ?cent\\b|pct\\b))?`,
  'giu',
);
const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

function figureToken(value: number): string {
  const fixed = Number(value.toPrecision(12));
  return Number.isInteger(fixed) ? String(fixed) : String(fixed).replace('.', 'point');
}

/** The expressions as they stood before the scan (tables read as own properties only). */
function canonicalNumbersBefore(text: string): string {
  const withFigures = text.replace(FIGURE, (_m, _cur: string | undefined, int: string, frac: string | undefined, word: string | undefined, abbr: string | undefined, pct: string | undefined) => {
    const mult = own(MULTIPLIERS, (word ?? abbr ?? '').toLowerCase()) ?? 1;
    const value = Number(`${int.replace(/,/g, '')}${frac !== undefined ? `.${frac}` : ''}`) * mult;
    return `${figureToken(value)}${pct !== undefined ? ' pct' : ''}`;
  });
  const tokens = withFigures.split(/(\s+)/);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const bare = t.toLowerCase().replace(/[^a-z]/g, '');
    const n = own(NUMBER_WORDS, bare);
    if (n !== undefined && bare === t.toLowerCase()) {
      const nextWord = (tokens[i + 2] ?? '').toLowerCase().replace(/[^a-z]/g, '');
      const mult = own(MULTIPLIERS, nextWord);
      if (mult !== undefined && nextWord.length > 2) {
        out.push(figureToken(n * mult));
        i += 2;
        continue;
      }
      out.push(figureToken(n));
      continue;
    }
    if (CURRENCY_WORDS.has(bare) && /\d\s*$/.test(out.join(''))) {
      out.pop();
      continue;
    }
    if (PERCENT_WORDS.has(bare) && /\d\s*$/.test(out.join(''))) {
      out.push('pct');
      continue;
    }
    out.push(t);
  }
  return out.join('');
}

function stemBefore(word: string): string {
  if (/^\d/.test(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Pieces the figures and word rules react to, their near misses, every kind of white space, and letters that lower-case oddly (KELVIN SIGN, dotted capital I, long s). */
const PIECES = [
  ...Object.keys(NUMBER_WORDS), 'Three', 'THREE', 'tHree', 'three,', '(dozen)', 'tw0', 'twenty-one',
  ...Object.keys(MULTIPLIERS), 'Million', 'BN', '\u212a', 'thou\u017fand', 'millions',
  ...CURRENCY_WORDS, 'Dollars,', 'u.s.d', 'euro.', 'pound$',
  'percent', 'per cent', 'pct', 'Pct.', '%', 'per', 'cent',
  '3', '62,000', '2.6', '1,00', '0.5', '$', '\u00a3', '\u20ac', '\u00a5', '7.', ',', '.', '-', '\u2014',
  '\t', '\n', '\v', '\f', '\r', ' ', '  ', '\u00a0', '\u1680', '\u2003', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u180e', '\u200b', '\u0085',
  '\u0130', 'I\u0307', 'stra\u00dfe', '\u00e9', '\ud83d\ude00', '\ud801\udc00', 'a', 'Z', 'said', 'the', 'constructor', 'toString', 'valueOf', '_', '\u00bd',
];

describe('canonicalNumbers is the expressions it replaced', () => {
  test('4,000 random strings (seeded) of figures, number, multiplier, currency and percent words, white space and odd letters', () => {
    const next = rng(19);
    for (let n = 0; n < 4000; n++) {
      const parts: string[] = [];
      const len = Math.floor(next() * 14);
      for (let k = 0; k < len; k++) {
        parts.push(PIECES[Math.floor(next() * PIECES.length)]!);
        if (next() < 0.6) parts.push(next() < 0.8 ? ' ' : '');
      }
      const text = parts.join('');
      expect(canonicalNumbers(text), JSON.stringify(text)).toBe(canonicalNumbersBefore(text));
    }
  });

  test('every UTF-16 code unit, inside a word, as a word, between a figure and a currency word, and after a number word', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [`three${ch}`, `${ch}three million`, `3 ${ch} dollars`, `3${ch}percent`, `two ${ch}illion`, `two b${ch}llion`, `3 dolla${ch}s`, `a ${ch} b`]) {
        const after = canonicalNumbers(text);
        if (after !== canonicalNumbersBefore(text)) expect(after, `${c.toString(16)} in ${JSON.stringify(text)}`).toBe(canonicalNumbersBefore(text));
      }
    }
  });

  test('no code point outside the Basic Multilingual Plane lower-cases to an ASCII letter (the scan reads code units)', () => {
    const asciiLetter = /[A-Za-z]/;
    const found: number[] = [];
    for (let cp = 0x10000; cp <= 0x10ffff; cp++) if (asciiLetter.test(String.fromCodePoint(cp).toLowerCase())) found.push(cp);
    expect(found).toEqual([]);
  });

  test.each([
    { name: 'a number word', text: 'three times', out: '3 times' },
    { name: 'a number word with a multiplier', text: 'Three million people', out: '3000000 people' },
    { name: 'a currency word after a figure goes, with the space before it', text: 'paid 40 dollars today', out: 'paid 40 today' },
    { name: 'a percent word after a figure', text: 'up 5 percent', out: 'up 5 pct' },
    { name: '"constructor" is a word like any other', text: 'the constructor said', out: 'the constructor said' },
    { name: '"constructor" after a number word is no multiplier', text: 'three constructor firms', out: '3 constructor firms' },
  ])('$name', ({ text, out }) => {
    expect(canonicalNumbers(text)).toBe(out);
  });
});

describe('stem is the expressions it replaced', () => {
  test('3,000 random words (seeded) of letters, digits and the endings it reads', () => {
    const next = rng(191);
    const pieces = ['s', 'ss', 'us', 'is', 'ies', 'ie', 'i', 'u', 'a', 'e', 'y', '1', '0', '9', 'x', '\u00e9', 'S'];
    for (let n = 0; n < 3000; n++) {
      let w = '';
      const len = Math.floor(next() * 6);
      for (let k = 0; k < len; k++) w += pieces[Math.floor(next() * pieces.length)];
      expect(stem(w), JSON.stringify(w)).toBe(stemBefore(w));
    }
  });
});

/** normalizeText as it stood: NFKD, marks dropped, lower case, quotes folded, contractions, possessives, non-alphanumeric runs. */
function normalizeTextBefore(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/n't\b/g, 'nt')
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

describe('normalizeText on plain text (ASCII, curly quotes and dashes) skips the Unicode passes and gives what they give', () => {
  const pieces = [
    'Trump', "'s", "\u2019s", "n't", "N'T", "N\u2019T", "'S", 'won', 'don', '`', "'", '\u2018', '\u2019', '\u201c', '\u201d', '\u2013', '\u2014',
    '_', '-', '.', ',', ' ', '  ', '\t', '\n', '42', 'A', 'z', 'sS', 'x1', '$', '%', '\u007f', '\u0000',
    // and pieces that are not plain, so both ways are compared
    '\u00e9', '\u00b4', '\u02bc', '\u2026', '\u0130', '\ufb01', '\u00a0', '\u00c9lys\u00e9e', '\ud83d\ude00',
  ];
  test('3,000 random strings (seeded)', () => {
    const next = rng(1915);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = Math.floor(next() * 12);
      // Most strings plain (the fast way), some with one piece that is not.
      const pool = next() < 0.7 ? pieces.slice(0, 33) : pieces;
      for (let k = 0; k < len; k++) text += pool[Math.floor(next() * pool.length)];
      expect(normalizeText(text), JSON.stringify(text)).toBe(normalizeTextBefore(text));
    }
  });

  test('every UTF-16 code unit, between letters and after "n\'t" and "\'s"', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [`a${ch}b`, `don't${ch}`, `Ann's${ch}x`, `${ch}`]) {
        const after = normalizeText(text);
        if (after !== normalizeTextBefore(text)) expect(after, `${c.toString(16)} in ${JSON.stringify(text)}`).toBe(normalizeTextBefore(text));
      }
    }
  });
});
