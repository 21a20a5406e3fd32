import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ingestJsonl, readInputs, type IngestItem, type IngestOptions } from '../../server/ingest/index.js';

/**
 * A JSONL file is read as a stream (issue 19, server/ingest/stream.ts):
 * record by record, giving the items reading the whole file gives (same
 * articles, same origins `<file> line N`, same errors), with the size cap
 * on each record instead of the file, so a file of any size can be
 * ingested in bounded memory.
 */
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const AT = '2025-08-21T12:00:00.000Z';

async function collect(inputs: string[], opts: IngestOptions = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(inputs, opts)) out.push(item);
  return out;
}

/** A record whose text puts multi-byte characters (é, ü, “ ”, an emoji) everywhere, so some straddle the stream's chunks. */
const record = (i: number) =>
  JSON.stringify({ id: `r${i}`, title: `Bericht ${i}`, publishedAt: '2025-08-20', text: `Die Bürgermeisterin “Zoë” sagte am Montag 🚢 ${'é'.repeat(i % 7)}, dass der Hafen ${i} öffnet.` });

describe('a JSONL file read as a stream', () => {
  test('gives, line for line, the items of the whole file read at once: across chunk boundaries, CRLF and blank lines, bad lines', async () => {
    // About 1 MB: several chunks of the stream (256 KB each).
    const lines = Array.from({ length: 6000 }, (_, i) => (i === 17 ? '{"id": "broken", "text": ' : i === 40 ? '' : record(i)));
    const content = `${lines.join('\r\n')}\n`;
    const path = join(dir, 'many.jsonl');
    writeFileSync(path, content);
    const streamed = await collect([path], { retrievedAt: AT, maxBytes: 10_000 });
    expect(streamed).toEqual(ingestJsonl(content, path, { retrievedAt: AT, maxBytes: 10_000 }, AT));
    expect(streamed).toHaveLength(5999);
    expect(streamed.filter((i) => !i.ok).map((i) => i.origin)).toEqual([`${path} line 18`]);
  });

  test('when the file is larger than the size cap, then it is read all the same; a record over the cap is reported with its line', async () => {
    const path = join(dir, 'capped.jsonl');
    const long = JSON.stringify({ id: 'long', text: `He said ${'x'.repeat(500)}.` });
    writeFileSync(path, [record(1), long, record(2), record(3)].join('\n'));
    const items = await collect([path], { retrievedAt: AT, maxBytes: 400 });
    expect(items.map((i) => i.ok)).toEqual([true, false, true, true]);
    const bad = items[1]!;
    expect(!bad.ok && bad.error.code).toBe('BAD_INPUT');
    expect(!bad.ok && bad.error.message).toMatch(/capped\.jsonl line 2: a record of more than 400 bytes/);
  });

  test('when the file holds binary data, then it is one error for the file, as for a file read whole', async () => {
    const path = join(dir, 'binary.jsonl');
    writeFileSync(path, Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d, 0x0a]));
    const items = await collect([path]);
    expect(items).toHaveLength(1);
    expect(!items[0]!.ok && items[0]!.error.code).toBe('UNSUPPORTED_INPUT');
    expect(items[0]!.origin).toBe(path);
  });
});
