import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { badInput } from '../errors.js';
import { assertTextBytes, DEFAULT_MAX_BYTES } from './guards.js';
import { recordItem } from './records.js';
import type { IngestItem, IngestOptions } from './types.js';

/**
 * A JSONL file read as a stream (issue 19): one record at a time, in
 * bounded memory whatever the file's size, so an ingest of 100,000 articles
 * holds the batches being extracted and written, not the file. Each line
 * gives the item ingestJsonl gives for it (same origin `<path> line N`,
 * same errors); the size cap applies to each record, not to the file. The
 * file's first bytes are checked for binary data as a whole file is.
 * `onBytes` reports the bytes read so far (for progress).
 */
export async function* readJsonlStream(
  path: string,
  opts: IngestOptions,
  fileTime: string,
  onBytes: (read: number) => void = () => {},
): AsyncIterable<IngestItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let lineNo = 0;
  let read = 0;
  let first = true;
  const item = (line: string): IngestItem | null => {
    lineNo += 1;
    if (line.trim() === '') return null;
    const origin = `${path} line ${lineNo}`;
    if (Buffer.byteLength(line) > maxBytes) {
      return { ok: false, origin, error: badInput(`${origin}: a record of more than ${maxBytes} bytes; the limit is ${maxBytes} bytes a record`) };
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return { ok: false, origin, error: badInput(`${origin}: expected a JSON object, found invalid JSON (${(error as Error).message})`) };
    }
    return recordItem(value, origin, opts, fileTime);
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    if (first) {
      assertTextBytes(path, chunk);
      first = false;
    }
    read += chunk.length;
    onBytes(read);
    pending += decoder.write(chunk);
    const lines = pending.split(/\r?\n/u);
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const out = item(line);
      if (out) yield out;
    }
  }
  pending += decoder.end();
  for (const line of pending.split(/\r?\n/u)) {
    const out = item(line);
    if (out) yield out;
  }
}
