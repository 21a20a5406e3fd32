import { describe, expect, test } from 'vitest';
import { articleId, contentHash, ingestText } from '../../server/ingest/index.js';
import { collapseWhiteSpace } from '../../server/ingest/hash.js';
import { rng } from '../utils/random.js';

describe('articleId and contentHash', () => {
  // Expected hashes computed outside the code: printf 'Hello world.' | sha256sum
  test('contentHash is the full sha256 hex of the normalised text', () => {
    expect(contentHash('Hello world.')).toBe('aa3ec16e6acc809d8b2818662276256abfd2f1b441cb51574933f3d4bd115d11');
  });

  test('articleId is "art_" plus the first 16 hex characters of the hash', () => {
    expect(articleId('Hello world.')).toBe('art_aa3ec16e6acc809d');
  });

  test.each([
    { name: 'surrounding whitespace', text: '  Hello world.\n' },
    { name: 'a line break for a space', text: 'Hello\nworld.' },
    { name: 'tabs and runs of spaces', text: 'Hello \t  world.' },
    { name: 'CRLF and a non-breaking space', text: 'Hello\u00a0\r\nworld.' },
  ])('when the same text differs only by $name, then the id is the same', ({ text }) => {
    expect(articleId(text)).toBe(articleId('Hello world.'));
  });

  test('when accents are composed or decomposed, then the id is the same (NFC)', () => {
    expect(articleId('Cafe\u0301 talks.')).toBe(articleId('Caf\u00e9 talks.'));
  });

  test('when a word changes, then the id changes', () => {
    expect(articleId('Hello world!')).not.toBe(articleId('Hello world.'));
  });

  test('when the same article is ingested with other whitespace, then it gets the same id and hash', () => {
    const a = ingestText('Talks resume\n\nThe envoy said talks would resume on Monday.', { origin: 'a' })[0]!;
    const b = ingestText('Talks resume\n\n  The envoy said talks\nwould resume on   Monday.  \n', { origin: 'b' })[0]!;
    expect(b.id).toBe(a.id);
    expect(b.contentHash).toBe(a.contentHash);
    expect(a.id).toBe(articleId('The envoy said talks would resume on Monday.'));
  });
});

/** Every character \\s matches in JavaScript, and near misses it does not (U+180E, zero-width space, the information separators, U+0085). */
const WHITE = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const NOT_WHITE = ['\u180e', '\u200b', '\u001c', '\u001f', '\u0085', 'a', 'é', '.', '😀'];

describe('collapseWhiteSpace is replace(/\\s+/g, " ")', () => {
  test.each([
    { name: 'single spaces stay', text: 'a b c', out: 'a b c' },
    { name: 'runs and other white space become one space', text: ' a \t\n b\u00a0c  ', out: ' a b c ' },
    { name: 'near misses of white space stay', text: 'a\u200bb\u180ec\u0085d', out: 'a\u200bb\u180ec\u0085d' },
    { name: 'empty', text: '', out: '' },
  ])('$name', ({ text, out }) => {
    expect(collapseWhiteSpace(text)).toBe(out);
    expect(text.replace(/\s+/g, ' ')).toBe(out);
  });

  test('2,000 random strings (seeded) of white space, near misses and letters agree with the expression', () => {
    const next = rng(15);
    const pool = [...WHITE, ...NOT_WHITE];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const len = Math.floor(next() * 30);
      for (let k = 0; k < len; k++) text += pool[Math.floor(next() * pool.length)];
      expect(collapseWhiteSpace(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' '));
      // and the expression normalizeText used before the scan
      expect(collapseWhiteSpace(text), JSON.stringify(text)).toBe(text.replace(/\s{2,}|[^\S ]/g, ' '));
    }
  });

  test('every UTF-16 code unit is white space to the scan exactly when \\s matches it', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      expect(collapseWhiteSpace(`a${ch}${ch}b`) === 'a b', c.toString(16)).toBe(/\s/.test(ch));
    }
  });
});
