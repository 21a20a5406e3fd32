import { describe, expect, test } from 'vitest';
import { AppError } from '../../server/errors.js';
import { ingestHtml } from '../../server/ingest/index.js';
import { readFixture } from './fixtures.js';

const meta = (origin: string) => ({ origin, retrievedAt: '2025-08-21T12:00:00Z' });

describe('ingestHtml on a news page with chrome (article.html)', async () => {
  const [article] = ingestHtml(await readFixture('article.html'), meta('article.html'));

  test('keeps every paragraph of the article body, one paragraph per block', () => {
    expect(article!.text).toBe(
      [
        'The foreign minister said on Monday that peace talks would continue despite the setback. "We will not walk away from the table," she told reporters in the capital.',
        'Opposition leaders criticised the plan, saying it came too late and would cost the country far more than the government had admitted so far.',
        'The next round of negotiations is scheduled for September, officials said.',
      ].join('\n\n'),
    );
  });

  test.each([
    { name: 'navigation', chrome: 'Politics' },
    { name: 'the masthead', chrome: 'The Daily Example' },
    { name: 'share buttons', chrome: 'Share on' },
    { name: 'related stories', chrome: 'Markets fall' },
    { name: 'comments', chrome: 'What a disgrace' },
    { name: 'the footer', chrome: 'Copyright' },
    { name: 'the byline and the visible date', chrome: 'Jane Reporter' },
    { name: 'the headline (stored as title)', chrome: 'Minister vows' },
  ])('drops $name from the text', ({ chrome }) => {
    expect(article!.text).not.toContain(chrome);
  });

  test('takes title from og:title, source from og:site_name, url from the canonical link', () => {
    expect(article).toMatchObject({
      title: 'Minister vows talks will go on',
      source: 'The Daily Example',
      url: 'https://daily.example/world/minister-vows-talks',
    });
  });

  test('takes publishedAt from article:published_time, normalised to UTC with its precision', () => {
    expect(article).toMatchObject({ publishedAt: '2025-08-19T07:30:00.000Z', publishedAtPrecision: 'second' });
  });

  test('the text is produced from markup, so there is no origin span; language is detected', () => {
    expect(article!.originSpan).toBeNull();
    expect(article!.language).toBe('eng');
  });
});

describe('ingestHtml metadata fallbacks', () => {
  test('when only JSON-LD describes the article, then headline, datePublished and publisher are used', async () => {
    const [a] = ingestHtml(await readFixture('jsonld-only.html'), meta('jsonld-only.html'));
    expect(a).toMatchObject({
      title: 'Port strike ends after ten days',
      source: 'Harbour Post',
      publishedAt: '2025-08-18T00:00:00.000Z',
      publishedAtPrecision: 'day',
      text: 'The strike at the port ended on Sunday after ten days, the union said in a statement.\n\nDock workers will return to work on Tuesday, according to the port authority.',
    });
  });

  test('when only <title> and <time datetime> are there, then the site suffix is kept (no site name) and the time is used', () => {
    const html = '<html><head><title>Talks stall - Wire</title></head><body><article><time datetime="2025-08-17T08:00:00Z">Sunday</time><p>Talks stalled on Sunday, diplomats said.</p></article></body></html>';
    const [a] = ingestHtml(html, meta('t.html'));
    expect(a).toMatchObject({ title: 'Talks stall - Wire', publishedAt: '2025-08-17T08:00:00.000Z', publishedAtPrecision: 'second', source: null });
  });

  test('when the caller gives url, title, source and publishedAt, then they win and a relative canonical resolves against the url', () => {
    const html = '<html><head><link rel="canonical" href="/story/1"><meta property="og:title" content="Page title"></head><body><p>Body of the story, long enough.</p></body></html>';
    const [a] = ingestHtml(html, { ...meta('u'), url: 'https://news.example/x?utm=1', title: 'Given title', source: 'Given', publishedAt: '2025-08-01' });
    expect(a).toMatchObject({ url: 'https://news.example/story/1', title: 'Given title', source: 'Given', publishedAt: '2025-08-01T00:00:00.000Z', publishedAtPrecision: 'day' });
  });
});

describe('ingestHtml on malformed HTML', () => {
  test('when tags are unclosed and stray, then the text is still read best-effort, paragraphs apart', async () => {
    const [a] = ingestHtml(await readFixture('malformed.html'), meta('malformed.html'));
    expect(a!.title).toBe('Storm hits coast');
    expect(a!.text).toBe(
      'Heavy rain flooded the coastal town overnight, the mayor said on Tuesday.\n\nResidents were told to stay indoors until further notice\n\nEmergency crews worked through the night to clear blocked roads.',
    );
  });

  test.each([
    { name: 'a bare fragment', html: '<p>One paragraph<p>Another paragraph', text: 'One paragraph\n\nAnother paragraph' },
    { name: 'text with no tags at all', html: 'just words, no markup', text: 'just words, no markup' },
    { name: 'line breaks', html: '<p>first line<br>second line</p>', text: 'first line\nsecond line' },
  ])('when given $name, then its text comes out', ({ html, text }) => {
    expect(ingestHtml(html, meta('f.html'))[0]!.text).toBe(text);
  });

  test.each([
    { name: 'an empty string', html: async () => '' },
    { name: 'a page with only navigation and scripts (empty.html)', html: () => readFixture('empty.html') },
    { name: 'only comments and markup', html: async () => '<html><body><!-- nothing --><div><span></span></div></body></html>' },
  ])('when given $name, then BAD_INPUT says no article text was found', async ({ html }) => {
    const input = await html();
    expect(() => ingestHtml(input, meta('page.html'))).toThrow(AppError);
    expect(() => ingestHtml(input, meta('page.html'))).toThrow('page.html: no article text found in the HTML');
  });
});
