import { networkRows, type NetworkRawRow } from '../../graph/index.js';
import { loadActorMap } from '../../actors/index.js';
import { parse } from '../http.js';
import { NetworkQuerySchema, NetworkResponseSchema, type NetworkEdge, type NetworkResponse } from '../schemas.js';
import { actorSummaries } from './actors.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import { errors, json } from '../doc-parts.js';

/** GET /api/network: speaker -> about edges with counts per cue class and the time span. */
export const NETWORK_ROUTES: readonly RouteDefinition[] = [
  defineRoute({
    method: 'get',
    path: '/api/network',
    summary: 'Speaker -> about edges with counts by cue class and time span',
    tags: ['statements'],
    request: { query: NetworkQuerySchema },
    responses: { 200: json(NetworkResponseSchema, 'nodes and edges'), ...errors(400) },
    handler: ({ store }) => async (req, res) => {
      const q = parse('query', NetworkQuerySchema, req.query);
      const map = await loadActorMap(store);
      const params = { cueClasses: q.cueClass ?? null, sources: q.source ?? null, from: q.from ?? null, to: q.to ?? null };
      const ego = q.actor ? new Set(q.actor.map((id) => map.canon(id))) : null;
      const edges = new Map<string, NetworkEdge>();
      // Raw (speaker, target, cue class) rows fold into canonical edges; an edge that becomes a loop by a merge is dropped.
      const fold = (rows: NetworkRawRow[]) => {
        for (const row of rows) {
          const source = map.canon(row.source);
          const target = map.canon(row.target);
          if (source === target) continue;
          const key = `${source}>${target}`;
          const e = edges.get(key) ?? { source, target, count: 0, byCueClass: {}, firstAt: null, lastAt: null };
          const n = row.n;
          const cls = row.cueClass ?? 'other';
          e.count += n;
          e.byCueClass[cls] = (e.byCueClass[cls] ?? 0) + n;
          e.firstAt = minTime(e.firstAt, row.firstAt);
          e.lastAt = maxTime(e.lastAt, row.lastAt);
          edges.set(key, e);
        }
      };
      // The read model picks the queries: with a source filter every row to fold; without, the page of final edges among
      // unmerged actors (one more than the limit tells whether it was cut) and the rows touching merged groups.
      const { top, rows } = await networkRows(store, params, { grouped: map.groupedIds(), ego: ego ? [...ego] : null, minCount: q.minCount, limit: q.limit + 1 });
      for (const row of top) {
        const { source, target, n: count, firstAt, lastAt } = row;
        edges.set(`${source}>${target}`, { source, target, count, byCueClass: { ...row.byCueClass }, firstAt, lastAt });
      }
      fold(rows);
      const kept = [...edges.values()]
        .filter((e) => e.count >= q.minCount && (!ego || ego.has(e.source) || ego.has(e.target)))
        .sort((a, b) => b.count - a.count || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1));
      const shown = kept.slice(0, q.limit);
      const ids = [...new Set(shown.flatMap((e) => [e.source, e.target]))];
      const nodes = (await actorSummaries(store, map, ids)).map(({ id, name, kind, said, about }) => ({ id, name, kind, said, about }));
      const out: NetworkResponse = { nodes, edges: shown, truncated: kept.length > shown.length };
      res.json(out);
    },
  }),
];

function minTime(a: string | null, b: string | null): string | null {
  if (b === null) return a;
  return a === null || b < a ? b : a;
}

function maxTime(a: string | null, b: string | null): string | null {
  if (b === null) return a;
  return a === null || b > a ? b : a;
}
