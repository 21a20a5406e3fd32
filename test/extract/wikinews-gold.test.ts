/**
 * Integrity of the Wikinews statement gold (test/fixtures/wikinews/): the
 * annotation itself, not the extractor's score. Every span must be the text it
 * claims at those UTF-16 offsets, shapes must be valid, and the gold must cover
 * exactly the articles of articles.jsonl, in order.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CueClassSchema } from '../../server/extract/schema.js';

const dir = fileURLToPath(new URL('../fixtures/wikinews/', import.meta.url));
const lines = (file: string) => readFileSync(dir + file, 'utf8').split('\n').filter((l) => l.trim() !== '');

interface Article { id: string; title: string; publishedAt: string; url: string; text: string }
type Span = [number, number];
interface GoldQuote {
  speaker: string | null;
  speakerSpan: Span | null;
  speakerResolved?: string;
  cue: string;
  cueSpan: Span;
  cueClass: string;
  content: string;
  contentSpan: Span;
  contentFragments: Span[];
  direct: boolean;
  quoteType: 'direct' | 'mixed' | 'indirect';
  optional?: boolean;
}
interface GoldArticle { id: string; quotes: GoldQuote[] }

const articles: Article[] = lines('articles.jsonl').map((l) => JSON.parse(l));
const gold: GoldArticle[] = lines('statements.gold.jsonl').map((l) => JSON.parse(l));
const CLASSES = new Set<string>([...CueClassSchema.options, 'belief', 'intention', 'evidence']);
const KEYS = new Set(['speaker', 'speakerSpan', 'speakerResolved', 'cue', 'cueSpan', 'cueClass', 'content',
  'contentSpan', 'contentFragments', 'direct', 'quoteType', 'optional']);

function isSpan(s: unknown, len: number): s is Span {
  return Array.isArray(s) && s.length === 2 && s.every((n) => Number.isInteger(n))
    && 0 <= s[0] && s[0] < s[1] && s[1] <= len;
}

describe('Wikinews statement gold', () => {
  test('41 articles, the gold has one line per article with the same ids in the same order', () => {
    expect(articles).toHaveLength(41);
    expect(gold.map((g) => g.id)).toEqual(articles.map((a) => a.id));
    expect(new Set(articles.map((a) => a.id)).size).toBe(41);
  });

  test('every article keeps its source url (licence: CC BY 2.5, attribution)', () => {
    for (const a of articles) expect(a.url, a.id).toMatch(/^https?:\/\/en\.wikinews\.org\//);
  });

  test('at least 40 articles carry annotated statements', () => {
    expect(gold.filter((g) => g.quotes.length > 0).length).toBeGreaterThanOrEqual(40);
  });

  test.each(articles.map((a, i) => ({ id: a.id, i })))('$id: spans match their text, shapes valid', ({ i }) => {
    const article = articles[i]!;
    const g = gold[i]!;
    const text = article.text;
    const quotes = g.quotes;
    let prev: Span | null = null;
    const seen = new Set<string>();
    quotes.forEach((q, k) => {
      const where = `${g.id} quote ${k}`;
      for (const key of Object.keys(q)) expect(KEYS.has(key), `${where}: unknown key ${key}`).toBe(true);
      // speaker
      if (q.speaker === null) {
        expect(q.speakerSpan, where).toBeNull();
      } else {
        expect(isSpan(q.speakerSpan, text.length), `${where}: speakerSpan`).toBe(true);
        expect(text.slice(q.speakerSpan![0], q.speakerSpan![1]), where).toBe(q.speaker);
      }
      if (q.speakerResolved !== undefined) {
        expect(typeof q.speakerResolved === 'string' && q.speakerResolved.length > 0, where).toBe(true);
      }
      // cue
      expect(isSpan(q.cueSpan, text.length), `${where}: cueSpan`).toBe(true);
      expect(text.slice(q.cueSpan[0], q.cueSpan[1]), where).toBe(q.cue);
      expect(CLASSES.has(q.cueClass), `${where}: cueClass ${q.cueClass}`).toBe(true);
      // content: fragments ordered, disjoint, inside the envelope, which is their hull
      expect(isSpan(q.contentSpan, text.length), `${where}: contentSpan`).toBe(true);
      expect(q.contentFragments.length, where).toBeGreaterThan(0);
      let end = -1;
      for (const f of q.contentFragments) {
        expect(isSpan(f, text.length), `${where}: fragment`).toBe(true);
        expect(f[0] >= end, `${where}: fragments overlap or are out of order`).toBe(true);
        expect(f[0] >= q.contentSpan[0] && f[1] <= q.contentSpan[1], `${where}: fragment outside envelope`).toBe(true);
        end = f[1];
      }
      expect(q.contentFragments[0]![0], where).toBe(q.contentSpan[0]);
      expect(q.contentFragments[q.contentFragments.length - 1]![1], where).toBe(q.contentSpan[1]);
      expect(q.content, where).toBe(q.contentFragments.map(([s, e]) => text.slice(s, e)).join(' '));
      // the cue and the speaker are not inside the content pieces
      for (const f of q.contentFragments) {
        expect(q.cueSpan[1] <= f[0] || q.cueSpan[0] >= f[1], `${where}: cue inside content`).toBe(true);
      }
      // direct / quoteType
      expect(typeof q.direct, where).toBe('boolean');
      expect(['direct', 'mixed', 'indirect']).toContain(q.quoteType);
      expect(q.direct, where).toBe(q.quoteType === 'direct');
      if (q.optional !== undefined) expect(q.optional, where).toBe(true);
      // sorted by content, no duplicates
      if (prev) expect(q.contentSpan[0] >= prev[0], `${where}: not sorted by content start`).toBe(true);
      prev = q.contentSpan;
      const key = JSON.stringify([q.speakerSpan, q.cueSpan, q.contentFragments]);
      expect(seen.has(key), `${where}: duplicate`).toBe(false);
      seen.add(key);
    });
  });
});
