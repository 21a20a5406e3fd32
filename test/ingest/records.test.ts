import { describe, expect, test } from 'vitest';
import { ingestJson, ingestJsonl, ingestRecord } from '../../server/ingest/index.js';
import { readFixture, thrown } from './fixtures.js';

const OPTS = { retrievedAt: '2025-08-21T12:00:00Z' };

describe('ingestRecord', () => {
  test('when a record has text and metadata, then the article carries them and its span indexes record.text', () => {
    const record = { title: 'Bridge reopens', text: '  The mayor said the bridge would reopen on Friday.\n', source: 'City Desk', url: 'https://city.example/bridge', publishedAt: '2025-08-18' };
    const [a] = ingestRecord(record, 'body', OPTS);
    expect(a).toMatchObject({
      title: 'Bridge reopens',
      text: 'The mayor said the bridge would reopen on Friday.',
      source: 'City Desk',
      url: 'https://city.example/bridge',
      publishedAt: '2025-08-18T00:00:00.000Z',
      publishedAtPrecision: 'day',
      origin: 'body',
      originSpan: [2, 51],
    });
    expect(record.text.slice(2, 51)).toBe(a!.text);
  });

  test('when a record has html, then the text comes from the markup', () => {
    const [a] = ingestRecord({ html: '<nav>Home</nav><p>The council voted on <b>Monday</b>.</p>' }, 'body', OPTS);
    expect(a).toMatchObject({ text: 'The council voted on Monday.', originSpan: null });
  });

  test('when a record gives its own retrievedAt and the batch none, then the record\'s is used', () => {
    const [a] = ingestRecord({ text: 'Some text.', retrievedAt: '2025-01-02T03:04:05Z' }, 'body');
    expect(a!.retrievedAt).toBe('2025-01-02T03:04:05.000Z');
  });

  test.each([
    { name: 'neither text nor html', record: { title: 'x' }, path: undefined, message: 'body: expected "text" or "html"' },
    { name: 'a bad publishedAt', record: { text: 'x', publishedAt: 'yesterday-ish' }, path: 'publishedAt', message: "body: publishedAt: expected an ISO-8601 date, found 'yesterday-ish'" },
    { name: 'a bad retrievedAt', record: { text: 'x', retrievedAt: 'now' }, path: 'retrievedAt', message: "body: retrievedAt: expected an ISO-8601 date, found 'now'" },
    { name: 'a bad url', record: { text: 'x', url: 'not a url' }, path: 'url', message: 'body: url: Invalid URL' },
    { name: 'a number for a title', record: { text: 'x', title: 5 }, path: 'title', message: /^body: title: .*expected string/ },
    { name: 'an empty text', record: { text: '   ' }, path: undefined, message: 'body: empty text, expected article text' },
    { name: 'not an object', record: 'just a string', path: undefined, message: /^body: / },
  ])('when the record has $name, then BAD_INPUT names the record and the field', ({ record, path, message }) => {
    const error = thrown(() => ingestRecord(record, 'body', OPTS));
    expect(error.code).toBe('BAD_INPUT');
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    if (path) expect(error.details[0]?.path).toBe(path);
  });
});

describe('ingestJsonl (records.jsonl: good lines, bad lines, a blank line)', async () => {
  const items = ingestJsonl(await readFixture('records.jsonl'), 'records.jsonl', OPTS);

  test('yields one item per non-blank line, named by its line number, bad lines included', () => {
    expect(items.map((i) => [i.origin, i.ok])).toEqual([
      ['records.jsonl line 1', true],
      ['records.jsonl line 2', true],
      ['records.jsonl line 4', false],
      ['records.jsonl line 5', false],
      ['records.jsonl line 6', true],
      ['records.jsonl line 7', false],
      ['records.jsonl line 8', false],
    ]);
  });

  test.each([
    { name: 'line 4 (a bad date)', origin: 'records.jsonl line 4', message: "records.jsonl line 4: publishedAt: expected an ISO-8601 date, found 'yesterday-ish'" },
    { name: 'line 5 (a bad url)', origin: 'records.jsonl line 5', message: 'records.jsonl line 5: url: Invalid URL' },
    { name: 'line 7 (not JSON)', origin: 'records.jsonl line 7', message: /^records\.jsonl line 7: expected a JSON object, found invalid JSON/ },
    { name: 'line 8 (no text)', origin: 'records.jsonl line 8', message: 'records.jsonl line 8: expected "text" or "html"' },
  ])('the error for $name names the line and the field', ({ origin, message }) => {
    const item = items.find((i) => i.origin === origin)!;
    expect(item.ok).toBe(false);
    if (!item.ok) {
      expect(item.error.code).toBe('BAD_INPUT');
      if (typeof message === 'string') expect(item.error.message).toBe(message);
      else expect(item.error.message).toMatch(message);
    }
  });

  test('the good lines are ingested with their fields', () => {
    const articles = items.flatMap((i) => (i.ok ? i.articles : []));
    expect(articles.map((a) => [a.title, a.source, a.publishedAt])).toEqual([
      ['First record', 'City Desk', '2025-08-18T00:00:00.000Z'],
      ['Second record without a title.', null, null],
      ['HTML record', null, null],
    ]);
  });
});

describe('ingestJson', () => {
  test('when the file holds an array, then each element is a record named "file record N"', async () => {
    const items = ingestJson(await readFixture('records.json'), 'records.json', OPTS);
    expect(items.map((i) => [i.origin, i.ok])).toEqual([
      ['records.json record 1', true],
      ['records.json record 2', false],
    ]);
    expect(items[0]!.ok && items[0]!.articles[0]).toMatchObject({ title: 'Array one', publishedAt: '2025-08-20T14:30:00.000Z', publishedAtPrecision: 'second' });
  });

  test('when the file holds one object, then it is one record named by the file', async () => {
    const items = ingestJson(await readFixture('single.json'), 'single.json', OPTS);
    expect(items).toHaveLength(1);
    expect(items[0]!.ok && items[0]!.articles[0]).toMatchObject({ origin: 'single.json', title: 'Single record', source: 'Desk', url: 'https://desk.example/single' });
  });

  test('when the file is not JSON, then BAD_INPUT names it', () => {
    expect(thrown(() => ingestJson('{oops', 'x.json')).message).toMatch(/^x\.json: expected JSON, found invalid JSON/);
  });
});
