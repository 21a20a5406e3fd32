import { describe, expect, test } from 'vitest';
import { scanTokens } from '../../server/extract/stages/01-sentences.js';
import { rng } from '../utils/random.js';

/**
 * Stage 1's scanner replaced this regular expression for speed
 * (docs/performance.md): it must give exactly its matches, with the same
 * kind (group 1 a word, group 2 a quotation mark, else punctuation).
 */
const TOKEN_RE = /([\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:[-.][\p{L}\p{N}]+(?:['’][\p{L}]+)*)*)|(''|['"‘’“”«»„])|[^\s\p{L}\p{N}]/gu;

type Tok = [number, number, string];
function byRegex(text: string): Tok[] {
  return [...text.matchAll(TOKEN_RE)].map((m) => [m.index, m.index + m[0].length, m[1] !== undefined ? 'word' : m[2] !== undefined ? 'quote' : 'punct']);
}
function byScanner(text: string): Tok[] {
  const out: Tok[] = [];
  scanTokens(text, (start, end, type) => out.push([start, end, type]));
  return out;
}

/** Pieces the generator strings together: letters, digits, every separator the words use, quotation marks, white space of several kinds, and the cases the u flag decides (astral letters and symbols, lone surrogates, combining marks, non-Latin digits). */
const POOL = [
  'a', 'Z', 'é', 'ß', 'Ω', '中', 'ش', '𝐀', '7', '٣', '²', 'Ⅻ', "'", "''", '’', '‘', '"', '“', '”', '«', '»', '„', '-', '.', ',', '!', '?', '…', '(', ')', '—',
  ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', '😀', '\ud800', '\u0301', '$', '%', '/', 'x', 'rock', "n't", 'U.S', '1.5',
];

describe('the stage 1 scanner finds the tokens the former regular expression found', () => {
  test.each([
    { name: 'words with apostrophes, hyphens and dots', text: "Hamas's Putin-Zelensky talks, 1.3 U.S. rock'n'roll isn’t o'- x-.y" },
    { name: 'quotation marks, doubled apostrophes', text: `''Yes,'' he said. "No" — ‘maybe’ «non» „ja“` },
    { name: 'unicode letters, digits and white space', text: 'Erdoğan\u00a0said ٣ 𝐀𝐁 Ⅻ² x\u3000y 😀 e\u0301' },
    { name: 'empty and blank', text: ' \n\t ' },
  ])('$name', ({ text }) => {
    expect(byScanner(text)).toEqual(byRegex(text));
  });

  test('2,000 random strings (seeded) from letters, separators, marks and white space', () => {
    const next = rng(15);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const len = 1 + Math.floor(next() * 40);
      for (let k = 0; k < len; k++) text += POOL[Math.floor(next() * POOL.length)];
      expect(byScanner(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });
});
