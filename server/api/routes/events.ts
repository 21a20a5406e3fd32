import { Router } from 'express';
import { notFound } from '../../errors.js';
import { EVENTS } from '../../graph/queries/events.js';
import type { GraphStore, Row } from '../../graph/types.js';
import { loadActorMap } from '../canonical.js';
import { EventListQuerySchema, type EventDetail, type EventSummary } from '../events-schemas.js';
import { pageOf, pageWindow, parse } from '../http.js';
import { IdParamsSchema } from '../schemas.js';

type ActorMap = Awaited<ReturnType<typeof loadActorMap>>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Participants made canonical (merged actors shown as their canonical actor, once). */
function participants(map: ActorMap, v: unknown): { id: string; name: string }[] {
  const out = new Map<string, { id: string; name: string }>();
  for (const p of Array.isArray(v) ? (v as Array<{ id: string; name: string }>) : []) {
    if (!p || typeof p.id !== 'string') continue;
    const ref = map.ref(p.id, String(p.name ?? ''));
    out.set(ref.id, ref);
  }
  return [...out.values()];
}

function eventFields(map: ActorMap, r: Row) {
  return {
    id: String(r.id),
    type: String(r.type) as EventSummary['type'],
    name: str(r.name),
    place: str(r.place),
    date: str(r.date),
    datePrecision: str(r.datePrecision) ?? 'unknown',
    dateText: str(r.dateText),
    participants: participants(map, r.participants),
  };
}

/** GET /api/events (window, participant and type filters), GET /api/events/:id (issue 10). */
export function eventRoutes(store: GraphStore): Router {
  const r = Router();

  r.get('/events', async (req, res) => {
    const q = parse('query', EventListQuerySchema, req.query);
    const w = pageWindow(q);
    const map = await loadActorMap(store);
    const filters = { from: q.from ?? null, to: q.to ?? null, participantIds: map.expand(q.participant), type: q.type ?? null };
    const [rows, [count]] = await Promise.all([store.run(EVENTS.listEvents, { ...filters, ...w }), store.run(EVENTS.countEvents, filters)]);
    const items: EventSummary[] = rows.map((row) => ({ ...eventFields(map, row), reports: Number(row.reports ?? 0), statements: Number(row.statements ?? 0) }));
    res.json(pageOf(items, Number(count?.total ?? 0), w));
  });

  r.get('/events/:id', async (req, res) => {
    const { id } = parse('params', IdParamsSchema, req.params);
    const [row] = await store.run(EVENTS.event, { id });
    if (!row) throw notFound('event', id);
    const map = await loadActorMap(store);
    const [reports, statements] = await Promise.all([store.run(EVENTS.eventReports, { id }), store.run(EVENTS.eventStatements, { id })]);
    const body: EventDetail = {
      ...eventFields(map, row),
      reports: reports.map((a) => ({
        id: String(a.id), title: String(a.title ?? ''), url: str(a.url), publishedAt: str(a.publishedAt), retrievedAt: str(a.retrievedAt), source: str(a.source),
      })),
      statements: statements.map((s) => ({
        id: String(s.id),
        content: String(s.content ?? ''),
        direct: s.direct === true,
        cue: String(s.cue ?? ''),
        saidAt: str(s.saidAt),
        saidAtPrecision: str(s.saidAtPrecision),
        speaker: typeof s.speakerId === 'string' ? map.ref(s.speakerId, String(s.speakerName ?? '')) : null,
        articleId: str(s.articleId),
      })),
    };
    res.json(body);
  });

  return r;
}
