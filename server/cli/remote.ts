import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Config } from '../config.js';
import { AppError, type ErrorCode } from '../errors.js';
import type { Sink } from '../exchange/index.js';
import type { IngestedArticle } from '../ingest/index.js';

/**
 * One store, many clients. The embedded store can be opened by one process
 * only, so while `claimgraph serve` (or `start`) holds a data directory it
 * announces itself in DATA/server.json, and the CLI's ingest, query, stats and
 * export go through that server's HTTP API instead of opening the store. Writes
 * then take the server's own write path; the CLI sends CLAIMGRAPH_TOKEN from its
 * environment when it has one (the file never holds the token).
 */
export const SERVER_FILE = 'server.json';

const ServerFileSchema = z
  .object({
    pid: z.number().int().positive(),
    /** Where the CLI reaches the API: always a loopback address when the server binds loopback or every interface. */
    url: z.url({ protocol: /^https?$/ }),
    startedAt: z.string(),
  })
  .strict();
type ServerFile = z.infer<typeof ServerFileSchema>;

/** The address a local client uses for a server bound to `host` on `port`. */
export function localUrl(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' || host === 'localhost' ? '127.0.0.1' : host;
  return `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
}

/** Writes DATA/server.json (owner-only) and returns its remover, for the server's shutdown. */
export async function announceServer(dataDir: string, url: string): Promise<() => Promise<void>> {
  const file = join(dataDir, SERVER_FILE);
  const body: ServerFile = { pid: process.pid, url, startedAt: new Date().toISOString() };
  await writeFile(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  return async () => {
    // Only our own announcement: a server started later on the same directory may have replaced it.
    const now = await readServerFile(dataDir);
    if (now?.pid === process.pid) await rm(file, { force: true });
  };
}

async function readServerFile(dataDir: string): Promise<ServerFile | null> {
  let text: string;
  try {
    text = await readFile(join(dataDir, SERVER_FILE), 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ServerFileSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deadline for the liveness check of an announced server (a guard, not a measure). */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * The running server that holds this configuration's embedded store, or null:
 * with Neo4j every client opens the database itself; a server.json whose
 * process is gone, or that does not answer as claimgraph, is stale and ignored.
 */
export async function findServer(config: Config): Promise<RemoteServer | null> {
  if (config.neo4j) return null;
  const announced = await readServerFile(config.dataDir);
  if (!announced || announced.pid === process.pid || !alive(announced.pid)) return null;
  const remote = new RemoteServer(announced.url, announced.pid, config.token);
  try {
    await remote.stats(AbortSignal.timeout(PROBE_TIMEOUT_MS));
  } catch {
    return null;
  }
  return remote;
}

const ErrorBodySchema = z.object({ code: z.string(), message: z.string() }).passthrough();
const StatsSchema = z.object({
  backend: z.enum(['embedded', 'neo4j']),
  sources: z.number(),
  articles: z.number(),
  statements: z.number(),
  actors: z.number(),
  claims: z.number(),
});
const CypherSchema = z.object({ rows: z.array(z.record(z.string(), z.unknown())), truncated: z.boolean() }).passthrough();
const IngestSchema = z.object({
  created: z.number(),
  unchanged: z.number(),
  articles: z.array(z.object({ title: z.string(), status: z.string(), statements: z.array(z.unknown()) }).passthrough()),
  errors: z.array(z.object({ origin: z.string(), code: z.string(), message: z.string() })),
});
export type RemoteIngest = z.infer<typeof IngestSchema>;

/** Records per POST /api/articles (the API takes at most 200). */
export const REMOTE_BATCH = 50;

/** The HTTP client the CLI uses when a server holds the store. */
export class RemoteServer {
  constructor(
    readonly url: string,
    readonly pid: number,
    private readonly token: string | undefined,
  ) {}

  describe(): string {
    return `the claimgraph server at ${this.url} (pid ${this.pid})`;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token && method === 'POST') headers.authorization = `Bearer ${this.token}`;
    let res: Response;
    try {
      res = await fetch(`${this.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (error) {
      throw new AppError('STORE_UNAVAILABLE', `${this.describe()} did not answer ${method} ${path}; is it still running?`, { cause: error, retriable: true });
    }
    if (res.ok) return res;
    const text = await res.text();
    let parsed: z.infer<typeof ErrorBodySchema> | null = null;
    try {
      const r = ErrorBodySchema.safeParse(JSON.parse(text));
      parsed = r.success ? r.data : null;
    } catch {
      parsed = null;
    }
    if (res.status === 401) {
      throw new AppError('UNAUTHORIZED', `${this.describe()} requires its API token for writes: set CLAIMGRAPH_TOKEN to the server's token`);
    }
    throw parsed ? serverError(parsed.code, parsed.message) : new AppError('STORE_UNAVAILABLE', `${this.describe()} answered ${res.status} to ${method} ${path}`);
  }

  async stats(signal?: AbortSignal): Promise<z.infer<typeof StatsSchema>> {
    const res = await this.call('GET', '/api/stats', undefined, signal);
    return parseReply(StatsSchema, await res.json(), 'GET /api/stats');
  }

  async query(query: string, params: Record<string, unknown>, maxRows: number): Promise<{ rows: Record<string, unknown>[]; truncated: boolean }> {
    const res = await this.call('POST', '/api/cypher', { query, params, maxRows });
    return parseReply(CypherSchema, await res.json(), 'POST /api/cypher');
  }

  /** Stores articles the CLI has read, through the server's write path. */
  async ingest(articles: IngestedArticle[]): Promise<RemoteIngest> {
    const records = articles.map((a) => ({
      title: a.title,
      text: a.text,
      ...(a.url && /^https?:\/\//.test(a.url) ? { url: a.url } : {}),
      ...(a.source ? { source: a.source } : {}),
      // A day-precision date travels as the day, so the server keeps its precision.
      ...(a.publishedAt ? { publishedAt: a.publishedAtPrecision === 'day' ? a.publishedAt.slice(0, 10) : a.publishedAt } : {}),
      retrievedAt: a.retrievedAt,
    }));
    const res = await this.call('POST', '/api/articles', { records });
    return parseReply(IngestSchema, await res.json(), 'POST /api/articles');
  }

  /** Streams GET /api/export?format=F into `write`. */
  async exportTo(format: string, write: Sink): Promise<void> {
    const res = await this.call('GET', `/api/export?format=${encodeURIComponent(format)}`);
    if (!res.body) return;
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      await write(decoder.decode(chunk, { stream: true }));
    }
    const rest = decoder.decode();
    if (rest) await write(rest);
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'BAD_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_INPUT', 'FETCH_FAILED',
  'QUERY_FAILED', 'STORE_FAILED', 'QUERY_TIMEOUT', 'STORE_UNAVAILABLE',
]);
/** An error the server answered, as our error: its code carried over when it is one a client can act on. */
export function serverError(code: string, message: string): AppError {
  return new AppError(KNOWN_CODES.has(code) ? (code as ErrorCode) : 'STORE_UNAVAILABLE', message);
}

function parseReply<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
  const r = schema.safeParse(json);
  if (!r.success) throw new AppError('STORE_UNAVAILABLE', `unexpected answer to ${what} from the running server: ${r.error.issues[0]?.message ?? 'malformed'}`);
  return r.data;
}

/**
 * Commands that need the store to themselves (import, migrate, backfill-events)
 * refuse while a server holds it, naming the server, instead of failing on the lock.
 */
export async function refuseWhileServed(config: Config, command: string): Promise<void> {
  const remote = await findServer(config);
  if (remote) {
    throw new AppError(
      'STORE_UNAVAILABLE',
      `the store in ${config.dataDir} is held by ${remote.describe()}; \`claimgraph ${command}\` needs it to itself: stop the server first ` +
        '(ingest, query, stats and export work while it runs: they go through it)',
    );
  }
}
