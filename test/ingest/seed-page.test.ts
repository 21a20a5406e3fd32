import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { ingestText } from '../../server/ingest/index.js';
import type { IngestedArticle } from '../../server/ingest/index.js';
import { SEED_PAGE } from '../utils/cli.js';

const RETRIEVED_AT = '2025-08-21T12:00:00Z';

// Read off test/fixtures/seed-page.txt by hand: title line, source line, time line,
// and the first and last words of each body.
const EXPECTED = [
  {
    name: 'the main article',
    title: 'Macron wants ‘boots on the ground\' in Ukraine',
    source: null,
    publishedAt: null,
    precision: 'unknown',
    starts: 'Macron made the comments in Washington',
    ends: "beyond which a new global conflict lies.'",
  },
  {
    name: 'related article 1',
    title: 'Trump envoy tells Alaska summit critics to shut up',
    source: 'Russia Today',
    publishedAt: '2025-08-21T11:00:00.000Z', // "an hour ago"
    precision: 'hour',
    starts: 'The Alaska summit between US President Donald Trump',
    ends: 'given that his presidential term expired last year.',
  },
  {
    name: 'related article 2',
    title: 'Netanyahu accuses Macron of fueling anti-Semitism',
    source: 'Russia Today',
    publishedAt: '2025-08-21T11:00:00.000Z', // "an hour ago"
    precision: 'hour',
    starts: 'Israeli Prime Minister Benjamin Netanyahu has accused',
    ends: "'far below what would be required to avert widespread starvation.'",
  },
  {
    name: 'related article 3',
    title: "Don't worry about WW3",
    source: 'Russia Today',
    publishedAt: '2025-08-21T10:00:00.000Z', // "2 hours ago"
    precision: 'hour',
    starts: 'US President Donald Trump has declared',
    ends: "have repeatedly welcomed Trump's 'sincere' desire to achieve peace.",
  },
] as const;

const BOILERPLATE = ['Hashtags', 'Try Our AI Features', 'Explore what', 'Comments', 'No comments yet', 'Related Articles', '- Russia Today', 'an hour ago', '2 hours ago'];

describe('ingestText on the seed aggregator page', async () => {
  const page = await readFile(SEED_PAGE, 'utf8');
  const articles = ingestText(page, { origin: SEED_PAGE, retrievedAt: RETRIEVED_AT });

  test('splits the page into exactly the main article and its three related articles', () => {
    expect(articles.map((a) => a.title)).toEqual(EXPECTED.map((e) => e.title));
  });

  describe.each(EXPECTED.map((e, i) => ({ ...e, index: i })))('$name', (expected) => {
    const article = () => articles[expected.index] as IngestedArticle;

    test('has the source named on the page (none for the main article)', () => {
      expect(article().source).toBe(expected.source);
    });

    test('resolves the relative time against retrievedAt, with its precision', () => {
      expect(article().publishedAt).toBe(expected.publishedAt);
      expect(article().publishedAtPrecision).toBe(expected.precision);
      expect(article().retrievedAt).toBe('2025-08-21T12:00:00.000Z');
    });

    test('text is the body only: after the title line, up to the end of the last sentence', () => {
      expect(article().text.startsWith(expected.starts)).toBe(true);
      expect(article().text.endsWith(expected.ends)).toBe(true);
      expect(article().text).not.toContain(expected.title);
    });

    test('text is the exact slice of the file named by originSpan', () => {
      const span = article().originSpan;
      expect(span).not.toBeNull();
      expect(page.slice(span![0], span![1])).toBe(article().text);
      expect(article().origin).toBe(SEED_PAGE);
    });

    test('no page chrome is left in the text', () => {
      for (const chrome of BOILERPLATE) expect(article().text).not.toContain(chrome);
    });

    test('is detected as English', () => {
      expect(article().language).toBe('eng');
    });
  });

  test('the four articles have four different ids', () => {
    expect(new Set(articles.map((a) => a.id)).size).toBe(4);
  });

  test('when opts.publishedAt is given, then it dates the undated main article only', () => {
    const dated = ingestText(page, { origin: 'seed', retrievedAt: RETRIEVED_AT }, { publishedAt: '2025-08-20' });
    expect(dated.map((a) => [a.publishedAt, a.publishedAtPrecision])).toEqual([
      ['2025-08-20T00:00:00.000Z', 'day'],
      ['2025-08-21T11:00:00.000Z', 'hour'],
      ['2025-08-21T11:00:00.000Z', 'hour'],
      ['2025-08-21T10:00:00.000Z', 'hour'],
    ]);
  });

  test('when the retrieval time differs, then the ids stay the same (ids hash the text only)', () => {
    const later = ingestText(page, { origin: 'seed', retrievedAt: '2026-01-01T00:00:00Z' });
    expect(later.map((a) => a.id)).toEqual(articles.map((a) => a.id));
  });
});
