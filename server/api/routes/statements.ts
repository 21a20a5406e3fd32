import { notFound } from '../../errors.js';
import { firstStatements, statementById, statementFilters, statementPage, timelineDays, timelineTotal, type DayCountRow } from '../../graph/index.js';
import { bucketStart, isDay } from '../../time/index.js';
import { loadActorMap } from '../../actors/index.js';
import { statementView } from '../statement-view.js';
import { pageOf, pageWindow, parse } from '../http.js';
import {
  IdParamsSchema, StatementListQuerySchema, StatementPageSchema, StatementViewSchema, TimelineQuerySchema,
  TimelineResponseSchema, type TimelineBucket, type TimelineResponse,
} from '../schemas.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import { errors, json } from '../doc-parts.js';

export { statementFilters, type StatementFilters } from '../../graph/index.js';

/** GET /api/statements, GET /api/statements/:id, GET /api/timeline. */
export const STATEMENT_ROUTES: readonly RouteDefinition[] = [
  defineRoute({
    method: 'get',
    path: '/api/statements',
    summary: 'Statements by time; filter by speaker, about, cue class, source, article, window, text',
    tags: ['statements'],
    request: { query: StatementListQuerySchema },
    responses: { 200: json(StatementPageSchema, 'a page of statements'), ...errors(400) },
    handler: ({ store }) => async (req, res) => {
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
      const { rows, total } = await statementPage(store, filters, { order: q.order === 'desc' ? 'desc' : 'asc', ...w });
      res.json(pageOf(rows.map((s) => statementView(s, map)), total, w));
    },
  }),

  defineRoute({
    method: 'get',
    path: '/api/statements/{id}',
    summary: 'One statement with its article and source',
    tags: ['statements'],
    request: { params: IdParamsSchema },
    responses: { 200: json(StatementViewSchema, 'the statement'), ...errors(400, 404) },
    handler: ({ store }) => async (req, res) => {
      const { id } = parse('params', IdParamsSchema, req.params);
      const row = await statementById(store, id);
      if (!row) throw notFound('statement', id);
      res.json(statementView(row, await loadActorMap(store)));
    },
  }),

  defineRoute({
    method: 'get',
    path: '/api/timeline',
    summary: 'Statements in a window, or bucketed counts when more than `limit`',
    tags: ['statements'],
    request: { query: TimelineQuerySchema },
    responses: { 200: json(TimelineResponseSchema, 'statements or buckets'), ...errors(400) },
    handler: ({ store }) => async (req, res) => {
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
      // The read model picks the day counters, a count over the window's days or a scan.
      const counted = await timelineTotal(store, filters);
      const total = counted.total;
      let days = counted.days;
      let out: TimelineResponse;
      if (total <= q.limit && q.bucket === 'auto') {
        const rows = await firstStatements(store, filters, q.limit);
        out = { mode: 'statements', total, statements: rows.map((s) => statementView(s, map)) };
      } else {
        days ??= await timelineDays(store, filters);
        const bucket = q.bucket === 'auto' ? autoBucket(days) : q.bucket;
        out = { mode: 'buckets', total, bucket, buckets: bucketize(days, bucket) };
      }
      res.json(out);
    },
  }),

];

/** Day buckets up to about three months, weeks up to about two years, months beyond. */
function autoBucket(days: DayCountRow[]): 'day' | 'week' | 'month' {
  const sorted = days.map((d) => d.day).filter(isDay).sort();
  if (sorted.length === 0) return 'day';
  const span = (Date.parse(sorted[sorted.length - 1]!) - Date.parse(sorted[0]!)) / 86_400_000;
  return span <= 92 ? 'day' : span <= 730 ? 'week' : 'month';
}

export { bucketStart };

function bucketize(days: DayCountRow[], bucket: 'day' | 'week' | 'month'): TimelineBucket[] {
  const out = new Map<string, TimelineBucket>();
  for (const d of days) {
    const start = bucketStart(d.day, bucket);
    const b = out.get(start) ?? { start, count: 0, byCueClass: {} };
    const { n, cueClass: cls } = d;
    b.count += n;
    b.byCueClass[cls] = (b.byCueClass[cls] ?? 0) + n;
    out.set(start, b);
  }
  return [...out.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
}
