import { copyFile, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readInputs } from '../../server/ingest/index.js';
import type { IngestItem, IngestOptions, ReadDeps } from '../../server/ingest/index.js';
import { SEED_PAGE } from '../utils/cli.js';
import { fixturePath } from './fixtures.js';

async function collect(inputs: string[], opts: IngestOptions = {}, deps: ReadDeps = {}): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs, opts, deps)) items.push(item);
  return items;
}

const summary = (items: IngestItem[]) => items.map((i) => (i.ok ? [i.origin, i.articles.map((a) => a.title)] : [i.origin, i.error.code]));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimgraph-ingest-'));
  await writeFile(join(dir, 'empty.txt'), '  \n\n');
  await writeFile(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]));
  await writeFile(join(dir, 'big.txt'), `Big file\n${'All work and no play. '.repeat(20)}`);
  await writeFile(join(dir, 'report.pdf'), 'not really a pdf');
  await writeFile(join(dir, 'good.txt'), 'Good file\nIt has a body.');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readInputs on files and folders', () => {
  test('when given a folder, then supported files are read recursively in name order; other and hidden files are skipped', async () => {
    const items = await collect([fixturePath('folder')], { retrievedAt: '2025-08-21T12:00:00Z' });
    expect(summary(items)).toEqual([
      [fixturePath('folder/a.txt'), ['Minister resigns over scandal']],
      [fixturePath('folder/nested/b.html'), ['Nested page']],
    ]);
  });

  test('when a batch has bad files between good ones, then each bad file is an error and the batch goes on', async () => {
    const inputs = ['good.txt', 'empty.txt', 'binary.txt', 'report.pdf', 'missing.txt', 'good.txt'].map((f) => join(dir, f));
    const items = await collect(inputs, { retrievedAt: '2025-08-21T12:00:00Z' });
    expect(summary(items)).toEqual([
      [join(dir, 'good.txt'), ['Good file']],
      [join(dir, 'empty.txt'), 'BAD_INPUT'],
      [join(dir, 'binary.txt'), 'UNSUPPORTED_INPUT'],
      [join(dir, 'report.pdf'), 'UNSUPPORTED_INPUT'],
      [join(dir, 'missing.txt'), 'NOT_FOUND'],
      [join(dir, 'good.txt'), ['Good file']],
    ]);
  });

  test.each([
    { name: 'an empty file', file: 'empty.txt', opts: {}, code: 'BAD_INPUT', message: /empty\.txt: empty text/ },
    { name: 'binary data', file: 'binary.txt', opts: {}, code: 'UNSUPPORTED_INPUT', message: /binary\.txt: binary data \(NUL bytes\)/ },
    { name: 'a file over the size cap', file: 'big.txt', opts: { maxBytes: 100 }, code: 'PAYLOAD_TOO_LARGE', message: /big\.txt is 449 bytes; the limit is 100 bytes/ },
    { name: 'an unsupported extension', file: 'report.pdf', opts: {}, code: 'UNSUPPORTED_INPUT', message: /report\.pdf: unsupported file type '\.pdf'/ },
    { name: 'a missing file', file: 'missing.txt', opts: {}, code: 'NOT_FOUND', message: /missing\.txt" was not found/ },
  ])('when given $name, then the item is a $code error naming the file', async ({ file, opts, code, message }) => {
    const [item] = await collect([join(dir, file)], opts);
    expect(item!.ok).toBe(false);
    if (!item!.ok) {
      expect(item!.origin).toBe(join(dir, file));
      expect(item!.error.code).toBe(code);
      expect(item!.error.message).toMatch(message);
    }
  });

  test('when no retrievedAt is given, then the file\'s mtime resolves the relative times', async () => {
    const copy = join(dir, 'seed.txt');
    await copyFile(SEED_PAGE, copy);
    const mtime = new Date('2025-08-21T12:00:00Z');
    await utimes(copy, mtime, mtime);
    const [item] = await collect([copy]);
    expect(item!.ok && item!.articles.map((a) => a.publishedAt)).toEqual([null, '2025-08-21T11:00:00.000Z', '2025-08-21T11:00:00.000Z', '2025-08-21T10:00:00.000Z']);
    expect(item!.ok && item!.articles[0]!.retrievedAt).toBe('2025-08-21T12:00:00.000Z');
  });

  test('when a file is in French, then it is read and flagged "fra" (stored, not extracted)', async () => {
    const [item] = await collect([fixturePath('french.txt')], { retrievedAt: '2025-08-21T12:00:00Z' });
    expect(item!.ok && item!.articles[0]!.language).toBe('fra');
  });

  test('when a JSONL file has a bad line, then the other lines are still ingested', async () => {
    const items = await collect([fixturePath('records.jsonl')], { retrievedAt: '2025-08-21T12:00:00Z' });
    expect(items.filter((i) => i.ok)).toHaveLength(3);
    expect(items.find((i) => !i.ok && i.origin.endsWith('records.jsonl line 4'))).toBeDefined();
  });

  test.each([
    { name: 'retrievedAt', opts: { retrievedAt: 'yesterday-ish' }, message: "options: retrievedAt: expected an ISO-8601 date, found 'yesterday-ish'" },
    { name: 'publishedAt', opts: { publishedAt: '2025-13-01' }, message: "options: publishedAt: expected an ISO-8601 date, found '2025-13-01'" },
  ])('when the $name option is not ISO-8601, then reading fails before any input', async ({ opts, message }) => {
    await expect(collect([join(dir, 'good.txt')], opts)).rejects.toThrow(message);
  });
});

describe('readInputs on stdin ("-")', () => {
  const stdin = (text: string) => ({ stdin: (async function* () { yield Buffer.from(text); })() });

  test.each([
    { name: 'plain text', input: 'Headline here\nBody text.', expected: [['stdin', ['Headline here']]] },
    { name: 'HTML', input: '<html><head><title>From stdin</title></head><body><p>Body.</p></body></html>', expected: [['stdin', ['From stdin']]] },
    {
      name: 'JSON lines',
      input: '{"title":"One","text":"First."}\n{"title":"Two","text":"Second."}\n',
      expected: [['stdin line 1', ['One']], ['stdin line 2', ['Two']]],
    },
    { name: 'an RSS feed', input: '<rss version="2.0"><channel><title>F</title><item><title>Item</title><description>Text.</description></item></channel></rss>', expected: [['stdin item 1', ['Item']]] },
  ])('when stdin holds $name, then its format is sniffed and read', async ({ input, expected }) => {
    expect(summary(await collect(['-'], { retrievedAt: '2025-08-21T12:00:00Z' }, stdin(input)))).toEqual(expected);
  });

  test('when stdin is over the size cap, then it is PAYLOAD_TOO_LARGE', async () => {
    const [item] = await collect(['-'], { maxBytes: 10 }, stdin('This is more than ten bytes.'));
    expect(!item!.ok && item!.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
