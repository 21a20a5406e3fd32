import { Router } from 'express';
import { notFound } from '../../errors.js';
import { API } from '../../graph/queries/api.js';
import type { GraphStore, Row } from '../../graph/types.js';
import { dayAligned, windowDays } from '../../graph/window.js';
import { loadActorMap } from '../canonical.js';
import { pageOf, pageWindow, parse } from '../http.js';
import {
  IdParamsSchema,
  StatementListQuerySchema,
  TimelineQuerySchema,
  type TimelineBucket,
  type TimelineResponse,
} from '../schemas.js';

/** The parameters of API's statement filter; every one null (unused) unless given. */
export type StatementFilters = {
  speakerIds: string[] | null;
  aboutIds: string[] | null;
  actorIds: string[] | null;
  cueClasses: string[] | null;
  sources: string[] | null;
  articleId: string | null;
  claimId: string | null;
  from: string | null;
  to: string | null;
  dated: boolean;
  q: string | null;
};

export function statementFilters(f: Partial<StatementFilters> = {}): StatementFilters {
  return {
    speakerIds: null,
    aboutIds: null,
    actorIds: null,
    cueClasses: null,
    sources: null,
    articleId: null,
    claimId: null,
    from: null,
    to: null,
    dated: false,
    q: null,
    ...f,
  };
}

/** GET /api/statements, GET /api/statements/:id, GET /api/timeline. */
export function statementRoutes(store: GraphStore): Router {
  const r = Router();

  r.get('/statements', async (req, res) => {
    const q = parse('query', StatementListQuerySchema, req.query);
    const w = pageWindow(q);
    const map = await loadActorMap(store);
    const filters = statementFilters({
      speakerIds: map.expand(q.speaker),
      aboutIds: map.expand(q.about),
      cueClasses: q.cueClass ?? null,
      sources: q.source ?? null,
      articleId: q.article ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      q: q.q ?? null,
    });
    const days = windowDays(filters.from, filters.to);
    const desc = q.order === 'desc';
    let rows: Row[];
    let count: Row | undefined;
    if (ownOnly(filters)) {
      // Text, cue class and time only: paged on the statement nodes, details read for the page only.
      const params = days ? ownParams(filters, days) : ownParams(filters, null);
      const list = days ? (desc ? API.listOwnDescDays : API.listOwnAscDays) : desc ? API.listOwnDesc : API.listOwnAsc;
      [rows, [count]] = await Promise.all([store.run(list, { ...params, ...w }), store.run(days ? API.countOwnDays : API.countOwn, params)]);
    } else {
      const params = days ? { ...filters, days } : filters;
      const list = days ? (desc ? API.listStatementsDescDays : API.listStatementsAscDays) : desc ? API.listStatementsDesc : API.listStatementsAsc;
      [rows, [count]] = await Promise.all([store.run(list, { ...params, ...w }), store.run(days ? API.countStatementsDays : API.countStatements, params)]);
    }
    res.json(pageOf(rows.map((s) => map.statement(s)), Number(count?.total ?? 0), w));
  });

  r.get('/statements/:id', async (req, res) => {
    const { id } = parse('params', IdParamsSchema, req.params);
    const [row] = await store.run(API.statement, { id });
    if (!row) throw notFound('statement', id);
    res.json((await loadActorMap(store)).statement(row));
  });

  r.get('/timeline', async (req, res) => {
    const q = parse('query', TimelineQuerySchema, req.query);
    const map = await loadActorMap(store);
    const filters = statementFilters({
      actorIds: map.expand(q.actor),
      cueClasses: q.cueClass ?? null,
      sources: q.source ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      dated: true,
    });
    // A window is looked up by its days; without actor or source filters the counts need no traversal,
    // and with day-aligned bounds they are the per-day counters the article write keeps.
    const window = windowDays(filters.from, filters.to);
    const own = ownOnly(filters);
    const counters = own && dayAligned(filters.from) && dayAligned(filters.to);
    const params = window ? { ...filters, days: window } : filters;
    let days: Row[] | null = null;
    let total: number;
    if (counters) {
      days = await store.run(API.timelineDayCounts, { cueClasses: filters.cueClasses, from: filters.from, to: filters.to });
      total = days.reduce((n, d) => n + Number(d.n ?? 0), 0);
    } else {
      const [count] =
        own && window !== null
          ? await store.run(API.countOwnDays, ownParams(filters, window))
          : await store.run(window ? API.countStatementsDays : API.countStatements, params);
      total = Number(count?.total ?? 0);
    }
    let out: TimelineResponse;
    if (total <= q.limit && q.bucket === 'auto') {
      const rows = await store.run(window ? API.listStatementsAscDays : API.listStatementsAsc, { ...params, skip: 0, limit: q.limit });
      out = { mode: 'statements', total, statements: rows.map((s) => map.statement(s)) };
    } else {
      days ??=
        own && window !== null
          ? await store.run(API.statementsByDayOwnDays, ownParams(filters, window))
          : await store.run(window ? API.statementsByDayDays : API.statementsByDay, params);
      const bucket = q.bucket === 'auto' ? autoBucket(days) : q.bucket;
      out = { mode: 'buckets', total, bucket, buckets: bucketize(days, bucket) };
    }
    res.json(out);
  });

  return r;
}

/** Whether the filters are on the statements' own properties only (no speaker, actor, source, article or claim). */
function ownOnly(f: StatementFilters): boolean {
  return f.speakerIds === null && f.aboutIds === null && f.actorIds === null && f.sources === null && f.articleId === null && f.claimId === null;
}

/** The parameters of the queries on the statements' own properties (API.countOwn, API.listOwnAsc, ...). */
function ownParams(f: StatementFilters, days: string[] | null): Record<string, unknown> {
  const own = { cueClasses: f.cueClasses, from: f.from, to: f.to, dated: f.dated, q: f.q };
  return days ? { ...own, days } : own;
}

/** Day buckets up to about three months, weeks up to about two years, months beyond. */
function autoBucket(days: Row[]): 'day' | 'week' | 'month' {
  const sorted = days.map((d) => String(d.day)).filter(isDay).sort();
  if (sorted.length === 0) return 'day';
  const span = (Date.parse(sorted[sorted.length - 1]!) - Date.parse(sorted[0]!)) / 86_400_000;
  return span <= 92 ? 'day' : span <= 730 ? 'week' : 'month';
}

function isDay(d: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d));
}

/** The first day of `day`'s bucket: itself, its week's Monday, or its month's 1st. Coarser dates ("2024-03") go to the month's 1st. */
export function bucketStart(day: string, bucket: 'day' | 'week' | 'month'): string {
  if (!isDay(day)) {
    const m = /^(\d{4})(?:-(\d{2}))?/.exec(day);
    return m ? `${m[1]}-${m[2] ?? '01'}-01` : day;
  }
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const t = new Date(`${day}T00:00:00Z`);
  const back = (t.getUTCDay() + 6) % 7; // days since Monday
  return new Date(t.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

function bucketize(days: Row[], bucket: 'day' | 'week' | 'month'): TimelineBucket[] {
  const out = new Map<string, TimelineBucket>();
  for (const d of days) {
    const start = bucketStart(String(d.day), bucket);
    const b = out.get(start) ?? { start, count: 0, byCueClass: {} };
    const n = Number(d.n ?? 0);
    const cls = String(d.cueClass ?? 'other');
    b.count += n;
    b.byCueClass[cls] = (b.byCueClass[cls] ?? 0) + n;
    out.set(start, b);
  }
  return [...out.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
}
