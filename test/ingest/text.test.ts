import { describe, expect, test } from 'vitest';
import { AppError } from '../../server/errors.js';
import { ingestText } from '../../server/ingest/index.js';
import { thrown } from './fixtures.js';

const RETRIEVED_AT = '2025-08-21T12:00:00Z';
const ingest = (text: string, meta: Record<string, string> = {}) => ingestText(text, { origin: 'input.txt', retrievedAt: RETRIEVED_AT, ...meta });

describe('ingestText on a single article', () => {
  test.each([
    {
      name: 'a headline line then the body',
      input: 'Minister resigns over scandal\n\nThe minister resigned on Thursday.\nShe denied any wrongdoing.\n',
      title: 'Minister resigns over scandal',
      text: 'The minister resigned on Thursday.\nShe denied any wrongdoing.',
    },
    {
      name: 'a question headline',
      input: 'Will the talks resume?\nThe envoy said they would.',
      title: 'Will the talks resume?',
      text: 'The envoy said they would.',
    },
    {
      name: 'a first line that ends with a period (a sentence, not a headline)',
      input: 'The minister resigned on Thursday.\nShe denied any wrongdoing.',
      title: 'The minister resigned on Thursday.',
      text: 'The minister resigned on Thursday.\nShe denied any wrongdoing.',
    },
    {
      name: 'a single headline-like line (kept as the text too)',
      input: 'Trump wins',
      title: 'Trump wins',
      text: 'Trump wins',
    },
    {
      name: 'CRLF line endings and surrounding blank lines',
      input: '\r\n\r\nStorm hits coast\r\nHeavy rain fell overnight.\r\nRoads were closed.\r\n\r\n',
      title: 'Storm hits coast',
      text: 'Heavy rain fell overnight.\r\nRoads were closed.',
    },
    {
      name: 'trailing page chrome after the last sentence',
      input: 'Storm hits coast\nHeavy rain fell overnight.\nShare this article\nComments\nNo comments yet...\n',
      title: 'Storm hits coast',
      text: 'Heavy rain fell overnight.',
    },
    {
      name: 'a "Related Articles" marker with no article blocks after it',
      input: 'Storm hits coast\nHeavy rain fell overnight.\nRelated Articles\n',
      title: 'Storm hits coast',
      text: 'Heavy rain fell overnight.',
    },
  ])('when given $name, then title and body are separated and the body is a slice of the input', ({ input, title, text }) => {
    const articles = ingest(input);
    expect(articles).toHaveLength(1);
    const a = articles[0]!;
    expect(a.title).toBe(title);
    expect(a.text).toBe(text);
    expect(input.slice(a.originSpan![0], a.originSpan![1])).toBe(a.text);
  });

  test('when the first sentence is long, then the derived title is cut at a word near 80 characters', () => {
    const sentence =
      'The foreign minister of the small island nation said on Monday that negotiations with the neighbouring states would resume next week.';
    const [a] = ingest(sentence);
    expect(a!.title).toBe('The foreign minister of the small island nation said on Monday that…');
    expect(a!.text).toBe(sentence);
  });

  test('when meta gives a title equal to the first line, then that line is kept out of the text', () => {
    const [a] = ingest('The headline.\nThe body says more.', { title: 'The headline.' });
    expect(a!.title).toBe('The headline.');
    expect(a!.text).toBe('The body says more.');
    expect(a!.originSpan).toEqual([14, 33]);
  });

  test('when meta gives source, url and publishedAt, then the article carries them', () => {
    const [a] = ingest('Headline\nBody text here.', { source: 'City Desk', url: 'https://x.example/a', publishedAt: '2025-08-19' });
    expect(a).toMatchObject({ source: 'City Desk', url: 'https://x.example/a', publishedAt: '2025-08-19T00:00:00.000Z', publishedAtPrecision: 'day' });
  });

  test('when the text gives no date and none is passed, then publishedAt is null with precision unknown', () => {
    const [a] = ingest('Headline\nBody text here.');
    expect(a).toMatchObject({ publishedAt: null, publishedAtPrecision: 'unknown', source: null, url: null, retrievedAt: '2025-08-21T12:00:00.000Z' });
  });
});

describe('ingestText language', () => {
  test.each([
    {
      name: 'English prose',
      text: 'The foreign minister said on Monday that the negotiations with the neighbouring states would resume next week in Geneva, according to officials.',
      language: 'eng',
    },
    {
      name: 'French prose (stored, flagged, not English)',
      text: 'Le président a déclaré lundi que les négociations reprendraient la semaine prochaine à Genève, selon plusieurs sources diplomatiques proches du dossier.',
      language: 'fra',
    },
    { name: 'a text under 20 words (undetermined)', text: 'Der Minister ist heute zurückgetreten.', language: 'und' },
  ])('when the text is $name, then language is "$language"', ({ text, language }) => {
    expect(ingest(text)[0]!.language).toBe(language);
  });
});

describe('ingestText on an aggregator layout it has not seen', () => {
  // Another marker, no source line above the time, a repeated "- Source" line below it,
  // an author byline, absolute and relative times, and chrome after the last block.
  const page = [
    'Port strike ends',
    'The strike at the port ended on Sunday, the union said.',
    'Workers return on Tuesday.',
    'Share this article',
    'More stories',
    '',
    'Harbour Post',
    'yesterday',
    '- Harbour Post',
    'Ferries cancelled again',
    'Ferry services were cancelled for a second day, the operator said.',
    '',
    '3 days ago',
    'By Jane Doe',
    'Fish prices climb',
    'Fish prices rose sharply at the market, traders said.',
    'Advertisement',
    '',
    'Wire Service',
    'Aug 19, 2025',
    'Union leader speaks',
    'The union leader thanked the workers.',
    'Comments',
    '',
  ].join('\n');
  const articles = ingest(page);

  test.each([
    { name: 'the main article', index: 0, title: 'Port strike ends', source: null, publishedAt: null, precision: 'unknown', text: 'The strike at the port ended on Sunday, the union said.\nWorkers return on Tuesday.' },
    { name: 'a block with a source line and "yesterday"', index: 1, title: 'Ferries cancelled again', source: 'Harbour Post', publishedAt: '2025-08-20T00:00:00.000Z', precision: 'day', text: 'Ferry services were cancelled for a second day, the operator said.' },
    { name: 'a block with only a time line and an author byline', index: 2, title: 'Fish prices climb', source: null, publishedAt: '2025-08-18T00:00:00.000Z', precision: 'day', text: 'Fish prices rose sharply at the market, traders said.' },
    { name: 'a block with an absolute date', index: 3, title: 'Union leader speaks', source: 'Wire Service', publishedAt: '2025-08-19T00:00:00.000Z', precision: 'day', text: 'The union leader thanked the workers.' },
  ])('$name is split out with its title, source, date and chrome-free body', ({ index, title, source, publishedAt, precision, text }) => {
    expect(articles).toHaveLength(4);
    const a = articles[index]!;
    expect(a).toMatchObject({ title, source, publishedAt, publishedAtPrecision: precision, text });
    expect(page.slice(a.originSpan![0], a.originSpan![1])).toBe(text);
  });

  test('when opts.source is given, then it fills only the articles the page names no source for', () => {
    const withSource = ingestText(page, { origin: 'p', retrievedAt: RETRIEVED_AT }, { source: 'Aggregator' });
    expect(withSource.map((a) => a.source)).toEqual(['Aggregator', 'Harbour Post', 'Aggregator', 'Wire Service']);
  });
});

describe('ingestText refuses bad input naming the origin', () => {
  test.each([
    { name: 'an empty text', text: '', meta: {}, code: 'BAD_INPUT', message: /^input\.txt: empty text/ },
    { name: 'only whitespace', text: ' \n\t \n', meta: {}, code: 'BAD_INPUT', message: /^input\.txt: empty text/ },
    { name: 'only page chrome', text: 'Comments\nNo comments yet...\n', meta: {}, code: 'BAD_INPUT', message: /empty text/ },
    { name: 'NUL characters', text: 'abc\u0000def', meta: {}, code: 'UNSUPPORTED_INPUT', message: /^input\.txt: binary data/ },
    { name: 'mostly control characters', text: '\u0001\u0002\u0003\u0004abc', meta: {}, code: 'UNSUPPORTED_INPUT', message: /binary data/ },
    {
      name: 'an invalid publishedAt',
      text: 'Body.',
      meta: { publishedAt: 'yesterday-ish' },
      code: 'BAD_INPUT',
      message: /^input\.txt: publishedAt: expected an ISO-8601 date, found 'yesterday-ish'$/,
    },
    { name: 'an invalid retrievedAt', text: 'Body.', meta: { retrievedAt: '21.08.2025' }, code: 'BAD_INPUT', message: /retrievedAt: expected an ISO-8601 date, found '21\.08\.2025'/ },
  ])('when given $name, then it throws $code', ({ text, meta, code, message }) => {
    const error = thrown(() => ingestText(text, { origin: 'input.txt', ...meta }));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});
