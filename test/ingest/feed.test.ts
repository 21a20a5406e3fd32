import { describe, expect, test } from 'vitest';
import { ingestFeed } from '../../server/ingest/index.js';
import type { IngestItem } from '../../server/ingest/index.js';
import { readFixture, thrown } from './fixtures.js';

const meta = (origin: string) => ({ origin, retrievedAt: '2025-08-21T12:00:00Z' });
const articlesOf = (items: IngestItem[]) => items.flatMap((i) => (i.ok ? i.articles : []));

describe('ingestFeed on RSS 2.0 (feed.rss)', async () => {
  const items = ingestFeed(await readFixture('feed.rss'), meta('feed.rss'));

  test('yields one item per <item>, named "feed.rss item N"', () => {
    expect(items.map((i) => [i.origin, i.ok])).toEqual([
      ['feed.rss item 1', true],
      ['feed.rss item 2', true],
      ['feed.rss item 3', false],
    ]);
  });

  test.each([
    {
      name: 'item 1: content:encoded preferred to description, pubDate in RFC 822',
      index: 0,
      expected: {
        title: 'Talks resume in Geneva',
        url: 'https://wire.example/talks-resume',
        publishedAt: '2025-08-19T10:15:00.000Z',
        publishedAtPrecision: 'second',
        text: 'Negotiators met again in Geneva on Tuesday, the UN said.\n\n"Progress is possible," the envoy told reporters.',
      },
    },
    {
      name: 'item 2: escaped HTML description, dc:date',
      index: 1,
      expected: {
        title: 'Markets steady',
        url: 'https://wire.example/markets',
        publishedAt: '2025-08-18T00:00:00.000Z',
        publishedAtPrecision: 'day',
        text: 'Stocks were steady on Monday, traders said.',
      },
    },
  ])('$name', ({ index, expected }) => {
    const a = articlesOf(items)[index]!;
    expect(a).toMatchObject({ ...expected, source: 'World Wire & Co', originSpan: null, retrievedAt: '2025-08-21T12:00:00.000Z' });
  });

  test('an item with no text is an error naming the item; the others are still read', () => {
    const bad = items[2]!;
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe('feed.rss item 3: empty text, expected article text');
  });
});

describe('ingestFeed on Atom (feed.atom)', async () => {
  const articles = articlesOf(ingestFeed(await readFixture('feed.atom'), meta('feed.atom')));

  test.each([
    {
      name: 'entry 1: HTML title and content, the alternate link, published preferred to updated',
      index: 0,
      expected: {
        title: 'Envoy warns of delays',
        url: 'https://atom.example/envoy-warns',
        publishedAt: '2025-08-20T07:45:00.000Z',
        text: 'The envoy warned on Wednesday that the talks could be delayed.',
      },
    },
    {
      name: 'entry 2: text summary, a link without rel, updated as the date',
      index: 1,
      expected: {
        title: 'Plain summary entry',
        url: 'https://atom.example/plain',
        publishedAt: '2025-08-19T12:00:00.000Z',
        text: 'Officials said the meeting would take place next week.',
      },
    },
  ])('$name', ({ index, expected }) => {
    expect(articles[index]).toMatchObject({ ...expected, source: 'Atom Observer', origin: `feed.atom item ${index + 1}` });
  });
});

describe('ingestFeed on bad XML', () => {
  test.each([
    { name: 'unclosed tags', xml: '<rss><channel><title>x</title></chan', code: 'BAD_INPUT', message: /^bad\.xml: malformed XML/ },
    { name: 'XML that is not a feed', xml: '<?xml version="1.0"?><note><to>Tove</to></note>', code: 'UNSUPPORTED_INPUT', message: /^bad\.xml: XML that is not an RSS or Atom feed$/ },
  ])('when given $name, then it throws $code naming the file', ({ xml, code, message }) => {
    const error = thrown(() => ingestFeed(xml, meta('bad.xml')));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  test('when the feed has no items, then it is read with no articles', () => {
    expect(ingestFeed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>', meta('q.rss'))).toEqual([
      { ok: true, origin: 'q.rss', articles: [] },
    ]);
  });
});
