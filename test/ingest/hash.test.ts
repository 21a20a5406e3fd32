import { describe, expect, test } from 'vitest';
import { articleId, contentHash, ingestText } from '../../server/ingest/index.js';

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
