/**
 * The one place the browser talks to the server. Every view goes through
 * these functions; charts never fetch. Errors from the API arrive as
 * `{error: {code, message}}` and become ApiError with the same code, so a
 * view can show the server's message inline.
 */

export interface ActorRef {
  id: string;
  name: string;
}

export interface StatementRow {
  id: string;
  content: string;
  quote?: string | null;
  direct: boolean;
  cue: string;
  cueLemma?: string;
  cueClass: string;
  saidAt: string | null;
  saidAtPrecision: string;
  timeText?: string | null;
  sentence?: string;
  sentenceStart?: number;
  sentenceEnd?: number;
  start?: number;
  end?: number;
  confidence?: number;
  speakerMention?: string | null;
  speakerId: string | null;
  speaker: string | null;
  addresseeId?: string | null;
  addressee?: string | null;
  viaId?: string | null;
  via?: string | null;
  about: ActorRef[];
  articleId?: string | null;
  articleTitle?: string | null;
  source?: string | null;
  publishedAt?: string | null;
}

export interface ArticleRow {
  id: string;
  url: string | null;
  title: string;
  publishedAt: string | null;
  publishedAtPrecision?: string;
  retrievedAt?: string;
  language?: string;
  text: string;
  sourceId?: string | null;
  source: string | null;
  sourceDomain?: string | null;
}

export interface ActorRow {
  id: string;
  name: string;
  kind: string;
  aliases?: string[];
  roles?: string[];
}

export interface ArticleView {
  article: ArticleRow;
  statements: StatementRow[];
  actors: ActorRow[];
}

export interface NeighbourRow {
  id: string;
  name: string;
  kind: string;
  statements: number;
}

export interface ActorView {
  actor: ActorRow & { said?: number; about?: number; articles?: number };
  talksAbout: NeighbourRow[];
  talkedAboutBy: NeighbourRow[];
}

export interface ClaimView {
  claim: { id: string; text: string; firstSeen: string | null; lastSeen: string | null };
  statements: StatementRow[];
}

export interface ArticleListRow {
  id: string;
  title: string;
  url: string | null;
  publishedAt: string | null;
  source: string | null;
  statements: number;
}

export interface SourceRow {
  id: string;
  name: string;
  domain?: string | null;
  articles?: number;
}

export interface QueryResult {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated?: boolean;
}

export interface IngestInput {
  text?: string;
  html?: string;
  url?: string;
  title?: string;
  source?: string;
  publishedAt?: string;
}

export interface PreviewArticle {
  article: ArticleRow;
  statements: StatementRow[];
  actors?: ActorRow[];
}

export interface IngestResult {
  articles: { id: string; title: string; status: string }[];
  ingested?: number;
  unchanged?: number;
  failed?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' }, signal };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
  }
  const res = await fetch(path, init);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A non-JSON error page (a proxy, a crash): report the status below.
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? (res.statusText || 'Request failed'));
  }
  return json as T;
}

function qs(params: Record<string, string | number | null | undefined | string[]>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => u.append(k, x));
    else u.set(k, String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** Unwraps list responses whether the API sends a bare array or `{items|rows|...: []}`. */
function list<T>(body: unknown, ...keys: string[]): T[] {
  if (Array.isArray(body)) return body as T[];
  const obj = body as Record<string, unknown> | null;
  for (const k of [...keys, 'items', 'results', 'rows', 'data']) {
    const v = obj?.[k];
    if (Array.isArray(v)) return v as T[];
  }
  return [];
}

const enc = encodeURIComponent;

export const api = {
  stats: (signal?: AbortSignal) =>
    request<Record<string, number>>('GET', '/api/stats', undefined, signal),

  /** Dated statements in [from, to), oldest first. */
  timeline: async (opts: { from?: string; to?: string; actorIds?: string[]; limit?: number }, signal?: AbortSignal) =>
    list<StatementRow>(
      await request('GET', `/api/timeline${qs({ from: opts.from, to: opts.to, actor: opts.actorIds, limit: opts.limit })}`, undefined, signal),
      'statements',
    ),

  article: (id: string, signal?: AbortSignal) => request<ArticleView>('GET', `/api/articles/${enc(id)}`, undefined, signal),

  articles: async (opts: { limit?: number; skip?: number } = {}, signal?: AbortSignal) =>
    list<ArticleListRow>(await request('GET', `/api/articles${qs({ limit: opts.limit, skip: opts.skip })}`, undefined, signal), 'articles'),

  sources: async (signal?: AbortSignal) => list<SourceRow>(await request('GET', '/api/sources', undefined, signal), 'sources'),

  actor: (id: string, signal?: AbortSignal) => request<ActorView>('GET', `/api/actors/${enc(id)}`, undefined, signal),

  actorStatements: async (id: string, signal?: AbortSignal) =>
    list<StatementRow>(await request('GET', `/api/actors/${enc(id)}/statements`, undefined, signal), 'statements'),

  findActors: async (q: string, signal?: AbortSignal) =>
    list<ActorRow>(await request('GET', `/api/actors${qs({ q, limit: 20 })}`, undefined, signal), 'actors'),

  statement: (id: string, signal?: AbortSignal) => request<StatementRow>('GET', `/api/statements/${enc(id)}`, undefined, signal),

  claim: (id: string, signal?: AbortSignal) => request<ClaimView>('GET', `/api/claims/${enc(id)}`, undefined, signal),

  /** Read-only Cypher; the server rejects writes with an error code. */
  query: (query: string, params: Record<string, unknown> = {}, signal?: AbortSignal) =>
    request<QueryResult>('POST', '/api/query', { query, params }, signal),

  /** Extracts without storing: the ingest page's preview. */
  preview: async (input: IngestInput, signal?: AbortSignal) =>
    list<PreviewArticle>(await request('POST', '/api/ingest/preview', input, signal), 'articles'),

  ingest: (input: IngestInput, signal?: AbortSignal) => request<IngestResult>('POST', '/api/ingest', input, signal),
};

export type Api = typeof api;
