import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { AppError, badInput, normalizeError, notFound, unsupportedInput } from '../errors.js';
import { fetchUrl } from './fetch.js';
import { looksLikeFeed, ingestFeed } from './feed.js';
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_BYTES, assertTextBytes, streamTooLarge, tooLarge } from './guards.js';
import { ingestHtml } from './html.js';
import { ingestJson, ingestJsonl } from './records.js';
import { requireIsoDate } from './resolve.js';
import { ingestText } from './text.js';
import { readJsonlStream } from './stream.js';
import type { IngestItem, IngestOptions } from './types.js';

/** How an input's content is read. */
export type InputKind = 'text' | 'html' | 'feed' | 'json' | 'jsonl';

/** File extensions read, and how; folders are searched for these only. */
export const EXTENSIONS: Readonly<Record<string, InputKind>> = {
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.json': 'json',
  '.jsonl': 'jsonl',
};

/** Test seam: where "-" reads from (default process.stdin). */
export interface ReadDeps {
  stdin?: AsyncIterable<Uint8Array | string>;
}

/**
 * Reads every input and yields one IngestItem per file, URL, stdin, or record
 * inside one (JSON array element, JSONL line, feed item): ok with its
 * articles, or an error naming the input and the reason. A failing input does
 * not stop the batch. Inputs: a file path (by extension: .txt .html .htm .xml
 * .rss .atom .json .jsonl), a folder (searched recursively for those
 * extensions, in sorted order, other files skipped), an http(s) URL (fetched
 * with opts.fetchTimeoutMs and opts.maxBytes), or "-" for stdin (format
 * sniffed from the content). Throws BAD_INPUT only for bad options.
 */
export async function* readInputs(inputs: string[], opts: IngestOptions = {}, deps: ReadDeps = {}): AsyncIterable<IngestItem> {
  // Options are checked once, up front: a bad flag is the caller's error, not every input's.
  if (opts.retrievedAt !== undefined) requireIsoDate('options', 'retrievedAt', opts.retrievedAt);
  if (opts.publishedAt !== undefined) requireIsoDate('options', 'publishedAt', opts.publishedAt);
  for (const input of inputs) {
    if (input === '-') yield* guard('stdin', () => readStdin(opts, deps));
    else if (/^https?:\/\//i.test(input)) yield* guard(input, () => readUrl(input, opts));
    else yield* readPath(input, opts);
  }
}

/** Runs one input's reader; a throw becomes one error item for that input. */
async function* guard(origin: string, read: () => Promise<IngestItem[]>): AsyncIterable<IngestItem> {
  let items: IngestItem[];
  try {
    items = await read();
  } catch (error) {
    yield { ok: false, origin, error: normalizeError(error) };
    return;
  }
  yield* items;
}

/** A missing path is NOT_FOUND; any other failure to read names the system's reason (EACCES, EISDIR). */
function fileError(path: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? notFound('file', path) : badInput(`${path}: cannot be read (${code ?? (error as Error).message})`);
}

async function* readPath(path: string, opts: IngestOptions): AsyncIterable<IngestItem> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    yield { ok: false, origin: path, error: fileError(path, error) };
    return;
  }
  if (info.isDirectory()) {
    yield* readFolder(path, opts, new Set());
    return;
  }
  yield* readOneFile(path, opts);
}

/** One file: a JSONL file as a stream of records (ingest/stream.ts), any other read whole. */
async function* readOneFile(path: string, opts: IngestOptions): AsyncIterable<IngestItem> {
  if (EXTENSIONS[extname(path).toLowerCase()] !== 'jsonl') {
    yield* guard(path, () => readFileInput(path, opts));
    return;
  }
  try {
    const info = await stat(path);
    yield* readJsonlStream(path, opts, opts.retrievedAt ?? info.mtime.toISOString(), opts.onBytes ? (n) => opts.onBytes!(path, n, info.size) : undefined);
  } catch (error) {
    yield { ok: false, origin: path, error: error instanceof AppError ? error : fileError(path, error) };
  }
}

async function* readFolder(dir: string, opts: IngestOptions, seen: Set<string>): AsyncIterable<IngestItem> {
  // Symlinked folders can loop back on themselves; each real folder is read once.
  const real = await realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { ok: false, origin: dir, error: badInput(`${dir}: folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    // Hidden files (.DS_Store, .git) are never articles.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) isDir = await stat(path).then((s) => s.isDirectory(), () => false);
    if (isDir) yield* readFolder(path, opts, seen);
    else if (EXTENSIONS[extname(entry.name).toLowerCase()] !== undefined) yield* readOneFile(path, opts);
  }
}

async function readFileInput(path: string, opts: IngestOptions): Promise<IngestItem[]> {
  const ext = extname(path).toLowerCase();
  const kind = EXTENSIONS[ext];
  if (kind === undefined) {
    throw unsupportedInput(`${path}: unsupported file type '${ext || '(none)'}', expected one of ${Object.keys(EXTENSIONS).join(' ')}`);
  }
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let info;
  let bytes: Buffer;
  try {
    info = await stat(path);
    if (info.size > maxBytes) throw tooLarge(path, maxBytes, info.size);
    bytes = await readFile(path);
  } catch (error) {
    throw error instanceof AppError ? error : fileError(path, error);
  }
  assertTextBytes(path, bytes);
  // Decoded like readFile(path, 'utf8') so that offsets agree with what callers read back.
  const content = bytes.toString('utf8');
  return ingestContent(content, kind, path, opts, opts.retrievedAt ?? info.mtime.toISOString());
}

/**
 * Dispatches content to its reader. Every reader produces items; one that
 * reads a single document returns one item.
 */
export function ingestContent(content: string, kind: InputKind, origin: string, opts: IngestOptions, retrievedAt: string, url?: string): IngestItem[] {
  const meta = { origin, retrievedAt, ...(url !== undefined ? { url } : {}) };
  switch (kind) {
    case 'text':
      return [{ ok: true, origin, articles: ingestText(content, meta, opts) }];
    case 'html':
      return [{ ok: true, origin, articles: ingestHtml(content, meta, opts) }];
    case 'feed':
      return ingestFeed(content, meta, opts);
    case 'json':
      return ingestJson(content, origin, opts, retrievedAt);
    case 'jsonl':
      return ingestJsonl(content, origin, opts, retrievedAt);
  }
}

/** Guesses the kind of content that came without a file name (stdin, a URL without a telling content type). */
export function sniffKind(content: string): InputKind {
  const head = content.trimStart();
  if (head.startsWith('<')) return looksLikeFeed(head) ? 'feed' : 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    try {
      JSON.parse(head);
      return 'json';
    } catch {
      return 'jsonl';
    }
  }
  return 'text';
}

/** Reads a byte stream up to maxBytes; more is PAYLOAD_TOO_LARGE, read no further. */
async function readLimited(origin: string, stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    total += buf.length;
    if (total > maxBytes) throw streamTooLarge(origin, maxBytes);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function readStdin(opts: IngestOptions, deps: ReadDeps): Promise<IngestItem[]> {
  const bytes = await readLimited('stdin', deps.stdin ?? process.stdin, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  assertTextBytes('stdin', bytes);
  const content = bytes.toString('utf8');
  return ingestContent(content, sniffKind(content), 'stdin', opts, opts.retrievedAt ?? new Date().toISOString());
}

function kindOfContentType(contentType: string, content: string): InputKind {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type.includes('rss') || type.includes('atom')) return 'feed';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type.endsWith('ndjson') || type.endsWith('jsonl') || type === 'application/jsonlines') return 'jsonl';
  if (type.endsWith('/json') || type.endsWith('+json')) return 'json';
  if (type === 'text/plain') return 'text';
  // text/xml and application/xml carry feeds and XHTML alike; the content decides.
  return sniffKind(content);
}

function charsetOf(contentType: string): string {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? 'utf-8';
}

/**
 * Fetches a URL through the guarded fetcher (./fetch.ts: special-purpose
 * addresses refused unless opts.allowPrivateAddresses, every redirect hop
 * checked, one time limit for the whole fetch, the body cut at maxBytes)
 * and reads what came back by its content type. Failures are FETCH_FAILED,
 * PAYLOAD_TOO_LARGE or UNSUPPORTED_INPUT (binary content).
 */
async function readUrl(url: string, opts: IngestOptions): Promise<IngestItem[]> {
  const { url: finalUrl, contentType, body } = await fetchUrl(url, {
    allowPrivate: opts.allowPrivateAddresses === true,
    timeoutMs: opts.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
  });
  assertTextBytes(url, body);
  let content: string;
  try {
    content = new TextDecoder(charsetOf(contentType)).decode(body);
  } catch {
    content = body.toString('utf8'); // an unknown charset label: UTF-8 is the web's default
  }
  return ingestContent(content, kindOfContentType(contentType, content), url, opts, opts.retrievedAt ?? new Date().toISOString(), finalUrl);
}
