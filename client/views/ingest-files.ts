import type { IngestRequest } from '../../server/api/schemas.js';

/** One record of POST /api/articles `records`. */
export type FileRecord = NonNullable<IngestRequest['records']>[number];

/** What a set of chosen files holds: records to send, and the lines or files that could not be read. */
export interface FileBatch {
  records: { origin: string; record: FileRecord }[];
  errors: { origin: string; message: string }[];
}

/** The extensions the Add page reads; the server's CLI reads the same kinds. */
export const FILE_KINDS = ['.txt', '.text', '.md', '.html', '.htm', '.json', '.jsonl', '.ndjson'] as const;

const RECORD_KEYS = ['title', 'text', 'html', 'url', 'source', 'publishedAt', 'retrievedAt'] as const;

/** Keeps a JSON value's record fields (strings only); the server validates them again. */
function recordOf(value: unknown): FileRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const k of RECORD_KEYS) if (typeof v[k] === 'string' && v[k] !== '') out[k] = v[k] as string;
  // A record's date may be a bare day or a date-time; the server parses both.
  if (!out.text && !out.html) return null;
  return out as FileRecord;
}

/**
 * Reads chosen files into records, as the CLI's ingest reads the same files:
 * JSON lines one record per line, JSON an object or an array of them, HTML as
 * html, anything else as plain text. Nothing is parsed as markup here: the
 * server does that.
 */
export function recordsOfFiles(files: { name: string; text: string }[]): FileBatch {
  const batch: FileBatch = { records: [], errors: [] };
  for (const file of files) {
    const name = file.name.toLowerCase();
    const bad = (origin: string, message: string) => batch.errors.push({ origin, message });
    if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) {
      file.text.split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        const origin = `${file.name} line ${i + 1}`;
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          bad(origin, 'expected a JSON object on this line, found text that is not JSON');
          return;
        }
        const record = recordOf(json);
        if (record) batch.records.push({ origin, record });
        else bad(origin, 'expected an object with a "text" or "html" string');
      });
    } else if (name.endsWith('.json')) {
      let json: unknown;
      try {
        json = JSON.parse(file.text);
      } catch {
        bad(file.name, 'expected JSON, found text that is not JSON');
        continue;
      }
      const items = Array.isArray(json) ? json : [json];
      items.forEach((item, i) => {
        const origin = Array.isArray(json) ? `${file.name} item ${i + 1}` : file.name;
        const record = recordOf(item);
        if (record) batch.records.push({ origin, record });
        else bad(origin, 'expected an object with a "text" or "html" string');
      });
    } else if (name.endsWith('.html') || name.endsWith('.htm')) {
      if (file.text.trim()) batch.records.push({ origin: file.name, record: { html: file.text } });
      else bad(file.name, 'the file is empty');
    } else if (file.text.trim()) {
      batch.records.push({ origin: file.name, record: { text: file.text } });
    } else {
      bad(file.name, 'the file is empty');
    }
  }
  return batch;
}

/** Records per request: the API takes at most 200; smaller batches show progress sooner. */
export const FILE_BATCH_SIZE = 25;
