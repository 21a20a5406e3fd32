import { notFound } from '../../errors.js';
import {
  actorPage, actorPageRows, actorsByIds, actorTotals, type ActorListRow, type ActorNeighbourRow, type ActorRow, type ActorTotalRow, type GraphStore, type MonthCountRow,
} from '../../graph/index.js';
import { loadActorMap, type ActorMap } from '../../actors/index.js';
import { statementView } from '../statement-view.js';
import { pageOf, pageWindow, parse } from '../http.js';
import { mergeActors, splitActor, toDecision } from '../../actors/index.js';
import {
  ActorDetailQuerySchema, ActorDetailSchema, ActorListQuerySchema, ActorPageSchema, IdParamsSchema, MergeRequestSchema,
  MergeResponseSchema, SplitRequestSchema, type ActorDetail, type ActorSummary, type MergeResponse, type Neighbour,
} from '../schemas.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import { errors, json, bearer } from '../doc-parts.js';

/** GET /api/actors, GET /api/actors/:id, POST /api/actors/merge, POST /api/actors/:id/split. */
export const ACTOR_ROUTES: readonly RouteDefinition[] = [
  defineRoute({
    method: 'get',
    path: '/api/actors',
    summary: 'Actors (merged ones folded in), most active first; search by name or alias',
    tags: ['actors'],
    request: { query: ActorListQuerySchema },
    responses: { 200: json(ActorPageSchema, 'a page of actors'), ...errors(400) },
    handler: ({ store }) => async (req, res) => {
      const q = parse('query', ActorListQuerySchema, req.query);
      const w = pageWindow(q);
      const filters = { kind: q.kind ?? null, q: q.q ?? null };
      const { rows, total } = await actorPage(store, filters, w);
      res.json(pageOf(rows.map(listedActor), total, w));
    },
  }),

  defineRoute({
    method: 'get',
    path: '/api/actors/{id}',
    summary: 'One actor: aliases, roles, statements made and about them over time',
    tags: ['actors'],
    request: { params: IdParamsSchema, query: ActorDetailQuerySchema },
    responses: { 200: json(ActorDetailSchema, 'the actor (the canonical one when id was merged)'), ...errors(400, 404) },
    handler: ({ store }) => async (req, res) => {
      const { id } = parse('params', IdParamsSchema, req.params);
      const q = parse('query', ActorDetailQuerySchema, req.query);
      const detail = await actorDetail(store, id, q.statements);
      if (!detail) throw notFound('actor', id);
      res.json(detail);
    },
  }),

  defineRoute({
    method: 'post',
    path: '/api/actors/merge',
    summary: 'Merge actor `from` into `into`; kept as a decision, survives re-ingest',
    tags: ['actors'],
    security: bearer,
    request: { body: { content: { 'application/json': { schema: MergeRequestSchema } }, required: true } },
    responses: { 201: json(MergeResponseSchema, 'merged'), ...errors(400, 401, 404, 409) },
    handler: ({ store }) => async (req, res) => {
      const body = parse('body', MergeRequestSchema, req.body);
      const decision = await mergeActors(store, body.from, body.into, body.note);
      const [actor] = await actorSummaries(store, await loadActorMap(store), [decision.into]);
      const out: MergeResponse = { decision, actor: actor! };
      res.status(201).json(out);
    },
  }),

  defineRoute({
    method: 'post',
    path: '/api/actors/{id}/split',
    summary: 'Undo the merge of actor `id`',
    tags: ['actors'],
    security: bearer,
    request: { params: IdParamsSchema, body: { content: { 'application/json': { schema: SplitRequestSchema } }, required: false } },
    responses: { 200: json(MergeResponseSchema, 'split; the decision now has undoneAt'), ...errors(400, 401, 404, 409) },
    handler: ({ store }) => async (req, res) => {
      const { id } = parse('params', IdParamsSchema, req.params);
      const body = parse('body', SplitRequestSchema, req.body ?? {});
      const decision = await splitActor(store, id, body.note);
      const [actor] = await actorSummaries(store, await loadActorMap(store), [id]);
      const out: MergeResponse = { decision, actor: actor! };
      res.json(out);
    },
  }),
];

const unique = (xs: string[]) => [...new Set(xs)];

/** A row of API.listActors: member names and aliases become aliases of the canonical actor. */
function listedActor(r: ActorListRow): ActorSummary {
  const { name, members } = r;
  return {
    id: r.id,
    name,
    kind: r.kind,
    aliases: unique([...(r.aliases ?? []), ...members.flatMap((m) => [m.name ?? '', ...(m.aliases ?? [])])]).filter((a) => a !== '' && a !== name),
    roles: unique([...(r.roles ?? []), ...members.flatMap((m) => m.roles ?? [])]),
    said: r.said,
    about: r.about,
  };
}

/** A raw actor with its kept totals (0 when the write kept none). */
type CountedActor = ActorRow & { said: number; about: number };

/** Summaries of canonical actors with their groups folded in (aliases, roles, counts); unknown ids are left out. */
export async function actorSummaries(store: GraphStore, map: ActorMap, ids: string[]): Promise<ActorSummary[]> {
  return (await summariesWithTotals(store, map, ids)).summaries;
}

/** actorSummaries, with each raw actor's totals row (API.actorTotals) for callers that need more of it. */
async function summariesWithTotals(store: GraphStore, map: ActorMap, ids: string[]): Promise<{ summaries: ActorSummary[]; totalOf: Map<string, ActorTotalRow> }> {
  const canon = unique(ids.map((id) => map.canon(id)));
  const all = unique(canon.flatMap((id) => map.group(id)));
  const [raw, totals] = await Promise.all([actorsByIds(store, all), actorTotals(store, all)]);
  const totalOf = new Map(totals.map((t) => [t.id, t]));
  const byId = new Map<string, CountedActor>(raw.map((r) => [r.id, { ...r, said: totalOf.get(r.id)?.said ?? 0, about: totalOf.get(r.id)?.about ?? 0 }]));
  const out: ActorSummary[] = [];
  for (const id of canon) {
    const head = byId.get(id);
    if (!head) continue;
    const members = map.group(id).slice(1).map((m) => byId.get(m)).filter((m): m is CountedActor => m !== undefined);
    const all = [head, ...members];
    const name = head.name;
    out.push({
      id,
      name,
      kind: head.kind,
      aliases: unique([...(head.aliases ?? []), ...members.flatMap((m) => [m.name, ...(m.aliases ?? [])])]).filter((a) => a !== '' && a !== name),
      roles: unique(all.flatMap((m) => m.roles ?? [])),
      said: all.reduce((n, m) => n + m.said, 0),
      about: all.reduce((n, m) => n + m.about, 0),
    });
  }
  return { summaries: out, totalOf };
}

export { countersOf, type ActorCounters } from '../../graph/index.js';

/** Folds raw neighbour rows into canonical actors, leaving out the actor's own group. */
function neighbours(rows: ActorNeighbourRow[], map: ActorMap, self: string): Neighbour[] {
  const out = new Map<string, Neighbour>();
  for (const r of rows) {
    const ref = map.ref(r.id, r.name ?? '');
    if (ref.id === self) continue;
    const n = out.get(ref.id) ?? { id: ref.id, name: ref.name, kind: map.kindOf(r.id, r.kind ?? 'other'), statements: 0 };
    n.statements += r.statements;
    out.set(ref.id, n);
  }
  return [...out.values()].sort((a, b) => b.statements - a.statements || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1)).slice(0, 50);
}

/**
 * The actor page: the canonical actor of `id` (a merged id shows its
 * canonical actor; `requestedId` keeps what was asked), its statements made
 * and about it by time, monthly counts, and whom it talks about and who
 * talks about it.
 */
export async function actorDetail(store: GraphStore, id: string, statementLimit: number): Promise<ActorDetail | null> {
  const map = await loadActorMap(store);
  const canonId = map.canon(id);
  const { summaries: [summary], totalOf } = await summariesWithTotals(store, map, [canonId]);
  if (!summary) return null;
  const ids = map.group(canonId);
  // One actor reads the counters the article write keeps; a merged group counts distinct statements the long way (the read model chooses).
  const { said, aboutThem, saidByMonth, aboutByMonth, talksAbout, talkedAboutBy, members, articles, merges } = await actorPageRows(
    store,
    { canonId, ids, decisionIds: unique([id, ...ids]), keptArticles: totalOf.get(canonId)?.articles ?? 0 },
    statementLimit,
  );
  const months = new Map<string, { period: string; said: number; about: number }>();
  const bump = (rows: MonthCountRow[], key: 'said' | 'about') => {
    for (const { period, n } of rows) {
      const m = months.get(period) ?? { period, said: 0, about: 0 };
      m[key] += n;
      months.set(period, m);
    }
  };
  bump(saidByMonth, 'said');
  bump(aboutByMonth, 'about');
  return {
    actor: {
      ...summary,
      articles,
      mergedFrom: members.map((m) => ({ id: m.id, name: m.name ?? '' })),
    },
    requestedId: id,
    said: said.map((s) => statementView(s, map)),
    aboutThem: aboutThem.map((s) => statementView(s, map)),
    overTime: [...months.values()].sort((a, b) => (a.period < b.period ? -1 : 1)),
    talksAbout: neighbours(talksAbout, map, canonId),
    talkedAboutBy: neighbours(talkedAboutBy, map, canonId),
    merges: merges.map(toDecision),
  };
}
