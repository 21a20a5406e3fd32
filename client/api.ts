/**
 * The one place the browser talks to the server. Every view goes through
 * these functions; charts never fetch. Types come from the server's zod
 * schemas (`import type` only: no server code reaches the bundle). Errors
 * arrive as the API's error body `{code, message, details}` and become
 * ApiError with the same code, so a view can show the message inline.
 */
import type {
  ActorDetail,
  ActorPage,
  ArticleDetail,
  ArticlePage,
  ClaimDetail,
  ClaimPage,
  ContradictionPage,
  CypherResponse,
  IngestRequest,
  IngestResponse,
  MergeResponse,
  NetworkResponse,
  SourceList,
  StatementPage,
  StatementView,
  Stats,
  TimelineResponse,
} from '../server/api/schemas.js';
import type { EventDetail, EventSummary, MetWithResponse } from '../server/api/events-schemas.js';

export type {
  ActorDetail, ArticleDetail, ClaimDetail, ContradictionPage, CypherResponse, MergeResponse, IngestResponse, NetworkResponse, StatementView, TimelineResponse,
};
export type { EventDetail, EventSummary, MetWithResponse };
export type StatementRow = StatementView;
export type IngestInput = Omit<IngestRequest, 'records'>;

/** Where each resource lives; the only place paths are spelled. */
export const ROUTES = {
  stats: '/api/stats',
  sources: '/api/sources',
  articles: '/api/articles',
  actors: '/api/actors',
  statements: '/api/statements',
  timeline: '/api/timeline',
  network: '/api/network',
  metWith: '/api/network/met-with',
  claims: '/api/claims',
  contradictions: '/api/contradictions',
  events: '/api/events',
  cypher: '/api/cypher',
} as const;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path?: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The API token for writes (ingest, merge, split, Cypher) when the server
 * sets CLAIMGRAPH_TOKEN: kept for this browser tab only (sessionStorage),
 * sent as a bearer token on POSTs, never on reads or in a URL.
 */
const TOKEN_KEY = 'claimgraph-token';
export const apiToken = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string | null): void => (token ? sessionStorage.setItem(TOKEN_KEY, token) : sessionStorage.removeItem(TOKEN_KEY)),
};

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = method === 'POST' ? apiToken.get() : null;
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A non-JSON error page (a proxy, a crash): reported by status below.
  }
  if (!res.ok) {
    const raw = json as { code?: string; message?: string; details?: { path?: string; message: string }[]; error?: unknown } | null;
    const err = (raw?.error && typeof raw.error === 'object' ? raw.error : raw) as typeof raw;
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? (res.statusText || 'Request failed'), err?.details ?? []);
  }
  return json as T;
}

type Param = string | number | boolean | null | undefined | readonly string[];
function qs(params: Record<string, Param>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v)) v.forEach((x: string) => u.append(k, x));
    else u.set(k, String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

export interface WindowFilter {
  from?: string | null;
  to?: string | null;
  source?: string | null;
  cueClass?: string | null;
}

export const api = {
  stats: (signal?: AbortSignal) => request<Stats>('GET', ROUTES.stats, undefined, signal),

  sources: (signal?: AbortSignal) => request<SourceList>('GET', ROUTES.sources, undefined, signal),

  /** Statements in a window; above `limit` the server answers with bucketed counts instead. */
  timeline: (opts: WindowFilter & { actor?: string[]; limit?: number }, signal?: AbortSignal) =>
    request<TimelineResponse>(
      'GET',
      `${ROUTES.timeline}${qs({ from: opts.from, to: opts.to, actor: opts.actor, source: opts.source, cueClass: opts.cueClass, limit: opts.limit ?? 5000 })}`,
      undefined,
      signal,
    ),

  network: (opts: WindowFilter & { minCount?: number; limit?: number; actor?: string[] }, signal?: AbortSignal) =>
    request<NetworkResponse>(
      'GET',
      `${ROUTES.network}${qs({ from: opts.from, to: opts.to, source: opts.source, cueClass: opts.cueClass, actor: opts.actor, minCount: opts.minCount, limit: opts.limit ?? 5000 })}`,
      undefined,
      signal,
    ),

  /** "Met with" pairs: actors who took part in the same events, in the network's window and sources. */
  metWith: (opts: { from?: string | null; to?: string | null; source?: string | null; limit?: number }, signal?: AbortSignal) =>
    request<MetWithResponse>('GET', `${ROUTES.metWith}${qs({ from: opts.from, to: opts.to, source: opts.source, limit: opts.limit ?? 5000 })}`, undefined, signal),

  statements: (
    opts: WindowFilter & { speaker?: string[]; about?: string[]; q?: string; article?: string; limit?: number; offset?: number; order?: 'asc' | 'desc' },
    signal?: AbortSignal,
  ) =>
    request<StatementPage>(
      'GET',
      `${ROUTES.statements}${qs({
        speaker: opts.speaker, about: opts.about, q: opts.q, article: opts.article, from: opts.from, to: opts.to,
        source: opts.source, cueClass: opts.cueClass, limit: opts.limit ?? 200, offset: opts.offset, order: opts.order,
      })}`,
      undefined,
      signal,
    ),

  article: (id: string, signal?: AbortSignal) => request<ArticleDetail>('GET', `${ROUTES.articles}/${enc(id)}`, undefined, signal),

  articles: (opts: { limit?: number; offset?: number; q?: string; sort?: string } = {}, signal?: AbortSignal) =>
    request<ArticlePage>('GET', `${ROUTES.articles}${qs({ limit: opts.limit ?? 200, offset: opts.offset, q: opts.q, sort: opts.sort })}`, undefined, signal),

  actor: (id: string, signal?: AbortSignal) => request<ActorDetail>('GET', `${ROUTES.actors}/${enc(id)}?statements=500`, undefined, signal),

  actors: (opts: { q?: string; limit?: number }, signal?: AbortSignal) =>
    request<ActorPage>('GET', `${ROUTES.actors}${qs({ q: opts.q, limit: opts.limit ?? 20 })}`, undefined, signal),

  claim: (id: string, signal?: AbortSignal) => request<ClaimDetail>('GET', `${ROUTES.claims}/${enc(id)}`, undefined, signal),

  /** Contradiction candidates, strongest first: pairs to review, never established facts. */
  contradictions: (opts: { limit?: number; offset?: number; q?: string; sort?: string } = {}, signal?: AbortSignal) =>
    request<ContradictionPage>('GET', `${ROUTES.contradictions}${qs({ limit: opts.limit ?? 50, offset: opts.offset, q: opts.q, sort: opts.sort })}`, undefined, signal),

  /** Merges actor `from` into `into`; the decision is stored and survives re-ingest. */
  mergeActors: (body: { from: string; into: string; note?: string }) => request<MergeResponse>('POST', `${ROUTES.actors}/merge`, body),

  /** Undoes the active merge of actor `id`. */
  splitActor: (id: string, note?: string) => request<MergeResponse>('POST', `${ROUTES.actors}/${enc(id)}/split`, note ? { note } : {}),

  claims: (opts: { q?: string; limit?: number; offset?: number; sort?: string } = {}, signal?: AbortSignal) =>
    request<ClaimPage>('GET', `${ROUTES.claims}${qs({ q: opts.q, limit: opts.limit ?? 100, offset: opts.offset, sort: opts.sort })}`, undefined, signal),

  /** One page of events (oldest first) in a window, optionally of some participants; `cursor` continues. */
  events: (
    opts: { from?: string | null; to?: string | null; participant?: string[]; q?: string; sort?: string; limit?: number; offset?: number; cursor?: string | null } = {},
    signal?: AbortSignal,
  ) =>
    request<{ items: EventSummary[]; total: number; nextCursor: string | null }>(
      'GET',
      `${ROUTES.events}${qs({ from: opts.from, to: opts.to, participant: opts.participant, q: opts.q, sort: opts.sort, limit: opts.limit ?? 500, offset: opts.offset, cursor: opts.cursor })}`,
      undefined,
      signal,
    ),

  event: (id: string, signal?: AbortSignal) => request<EventDetail>('GET', `${ROUTES.events}/${enc(id)}`, undefined, signal),

  /** Read-only Cypher; the server rejects writes with an error code. */
  cypher: (query: string, params: Record<string, unknown> = {}, signal?: AbortSignal) =>
    request<CypherResponse>('POST', ROUTES.cypher, { query, params }, signal),

  /** Extracts and returns statements without saving: the ingest page's preview. */
  preview: (input: IngestInput, signal?: AbortSignal) =>
    request<IngestResponse>('POST', ROUTES.articles, { ...input, preview: true }, signal),

  ingest: (input: IngestInput, signal?: AbortSignal) => request<IngestResponse>('POST', ROUTES.articles, input, signal),

  /** A batch of records (the Add page's files); `source` and `publishedAt` apply where a record gives none. */
  ingestRecords: (records: NonNullable<IngestRequest['records']>, defaults: Pick<IngestInput, 'source' | 'publishedAt'>, signal?: AbortSignal) =>
    request<IngestResponse>('POST', ROUTES.articles, { ...defaults, records }, signal),
};
