import { notFound } from '../../errors.js';
import { eventPage, eventPageRows, metWithEvents, type EventReportRow, type EventRow, type MetWithEventRow } from '../../graph/index.js';
import { loadActorMap } from '../../actors/index.js';
import {
  EventDetailSchema, EventListQuerySchema, EventPageSchema, MetWithQuerySchema, MetWithResponseSchema, type EventDetail, type EventSentence, type EventSummary, type MetWithEdge, type MetWithResponse,
} from '../events-schemas.js';
import { pageOf, pageWindow, parse } from '../http.js';
import { IdParamsSchema } from '../schemas.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import { error, json } from '../doc-parts.js';

type ActorMap = Awaited<ReturnType<typeof loadActorMap>>;

/** Participants made canonical (merged actors shown as their canonical actor, once). */
function participants(map: ActorMap, list: EventRow['participants']): { id: string; name: string }[] {
  const out = new Map<string, { id: string; name: string }>();
  for (const p of list) {
    const ref = map.ref(p.id, p.name ?? '');
    out.set(ref.id, ref);
  }
  return [...out.values()];
}

function eventFields(map: ActorMap, r: EventRow) {
  return {
    id: r.id,
    type: r.type as EventSummary['type'],
    name: r.name,
    place: r.place,
    date: r.date,
    datePrecision: r.datePrecision ?? 'unknown',
    dateText: r.dateText,
    participants: participants(map, r.participants),
  };
}

/**
 * The sentences a REPORTS relationship points at, sliced from the article's
 * text here rather than in Cypher (the backends count string offsets
 * differently); spans that do not fit the text are left out.
 */
function sentencesOf(r: EventReportRow): EventSentence[] {
  const text = r.text ?? '';
  const starts = r.starts ?? [];
  const ends = r.ends ?? [];
  const out: EventSentence[] = [];
  starts.forEach((start, i) => {
    const end = ends[i];
    if (end === undefined || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) return;
    out.push({ start, end, text: text.slice(start, end) });
  });
  return out;
}

/**
 * GET /api/events (window, participant and type filters), GET /api/events/:id,
 * GET /api/network/met-with (issue 10).
 */
export const EVENT_ROUTES: readonly RouteDefinition[] = [
  defineRoute({
    method: 'get', path: '/api/events', summary: 'Events (meetings, summits, calls, visits...) in a window, by participant', tags: ['events'],
    request: { query: EventListQuerySchema },
    responses: { 200: json(EventPageSchema, 'a page of events, oldest first'), 400: error('invalid input: details name each bad field') },
    handler: ({ store }) => async (req, res) => {
      const q = parse('query', EventListQuerySchema, req.query);
      const w = pageWindow(q);
      const map = await loadActorMap(store);
      const filters = { from: q.from ?? null, to: q.to ?? null, participantIds: map.expand(q.participant), type: q.type ?? null, q: q.q ?? null };
      const { rows, total } = await eventPage(store, filters, { ...w, sort: q.sort });
      const items: EventSummary[] = rows.map((row) => ({ ...eventFields(map, row), reports: row.reports, statements: row.statements }));
      res.json(pageOf(items, total, w));
    },
  }),

  defineRoute({
    method: 'get', path: '/api/events/{id}', summary: 'One event: participants, reporting articles, statements made at it', tags: ['events'],
    request: { params: IdParamsSchema },
    responses: { 200: json(EventDetailSchema, 'the event'), 400: error('invalid input'), 404: error('not found') },
    handler: ({ store }) => async (req, res) => {
      const { id } = parse('params', IdParamsSchema, req.params);
      const found = await eventPageRows(store, id);
      if (!found) throw notFound('event', id);
      const { event: row, reports, statements } = found;
      const map = await loadActorMap(store);
      const body: EventDetail = {
        ...eventFields(map, row),
        reports: reports.map((a) => ({
          id: a.id, title: a.title ?? '', url: a.url, publishedAt: a.publishedAt, retrievedAt: a.retrievedAt, source: a.source,
          sentences: sentencesOf(a),
        })),
        statements: statements.map((s) => ({
          id: s.id,
          content: s.content ?? '',
          direct: s.direct === true,
          cue: s.cue ?? '',
          saidAt: s.saidAt,
          saidAtPrecision: s.saidAtPrecision,
          speaker: s.speakerId === null ? null : map.ref(s.speakerId, s.speakerName ?? ''),
          articleId: s.articleId,
        })),
      };
      res.json(body);
    },
  }),

  defineRoute({
    method: 'get', path: '/api/network/met-with', summary: '"Met with" edges: undirected pairs of actors who took part in the same events', tags: ['events'],
    request: { query: MetWithQuerySchema },
    responses: { 200: json(MetWithResponseSchema, 'pairs with their shared events, most shared events first'), 400: error('invalid input: details name each bad field') },
    handler: ({ store }) => async (req, res) => {
      const q = parse('query', MetWithQuerySchema, req.query);
      const map = await loadActorMap(store);
      const rows = await metWithEvents(store, { from: q.from ?? null, to: q.to ?? null, types: q.type ?? null, sources: q.source ?? null });
      res.json(metWithPairs(map, rows, { actors: q.actor ? q.actor.map((id) => map.canon(id)) : null, limit: q.limit }));
    },
  }),

];

/**
 * Undirected "met with" pairs from events and their participants: every two
 * distinct canonical participants of an event share it (an actor merged into
 * another counts as that one; a pair made a loop by a merge is dropped). The
 * pair is ordered by id, so each shows once. Most shared events first.
 */
export function metWithPairs(map: ActorMap, rows: MetWithEventRow[], opts: { actors: string[] | null; limit: number }): MetWithResponse {
  const edges = new Map<string, MetWithEdge>();
  const names = new Map<string, { id: string; name: string; kind: string }>();
  for (const row of rows) {
    const people = new Map<string, { id: string; name: string; kind: string }>();
    for (const p of row.participants) {
      const ref = map.ref(p.id, p.name ?? '');
      people.set(ref.id, { ...ref, kind: map.kindOf(p.id, p.kind ?? '') });
    }
    const ids = [...people.keys()].sort();
    const date = row.date;
    const event = { id: row.id, name: row.name, type: row.type as MetWithEdge['events'][number]['type'], date };
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const source = ids[i]!;
        const target = ids[j]!;
        const key = `${source}|${target}`;
        const e = edges.get(key) ?? { source, target, count: 0, events: [], firstAt: null, lastAt: null };
        e.count++;
        e.events.push(event);
        if (date !== null) {
          if (e.firstAt === null || date < e.firstAt) e.firstAt = date;
          if (e.lastAt === null || date > e.lastAt) e.lastAt = date;
        }
        edges.set(key, e);
      }
    }
    for (const [id, a] of people) names.set(id, a);
  }
  const ego = opts.actors ? new Set(opts.actors) : null;
  const kept = [...edges.values()]
    .filter((e) => !ego || ego.has(e.source) || ego.has(e.target))
    .sort((a, b) => b.count - a.count || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  const shown = kept.slice(0, opts.limit);
  const ids = [...new Set(shown.flatMap((e) => [e.source, e.target]))].sort();
  return { nodes: ids.map((id) => names.get(id)!), edges: shown, truncated: kept.length > shown.length };
}
