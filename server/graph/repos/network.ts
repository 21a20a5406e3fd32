/**
 * The network read model: speaker -> target rows in a window. It owns the
 * choice of queries (queries/api.ts, network*): with a source
 * filter every (speaker, target, cue class) row; without one, the page of
 * final edges among actors no merge touches plus the rows touching merged
 * groups, which the caller folds into canonical actors.
 */
import { z } from 'zod';
import { API } from '../queries/api.js';
import { windowDays } from '../window.js';
import { num, optStr, read, str, strs, type Runner } from './rows.js';

/** A final edge among unmerged actors (API.networkTopEdges*). */
export const NetworkEdgeRowSchema = z.object({ source: str, target: str, n: num, cueClasses: strs, firstAt: optStr, lastAt: optStr });
export type NetworkEdgeRow = z.infer<typeof NetworkEdgeRowSchema>;
/** A raw (speaker, target, cue class) row still to fold (API.networkEdges*, API.networkGroupedEdges*). */
export const NetworkRawRowSchema = z.object({ source: str, target: str, cueClass: str, n: num, firstAt: optStr, lastAt: optStr });
export type NetworkRawRow = z.infer<typeof NetworkRawRowSchema>;

export type NetworkFilters = {
  cueClasses: string[] | null;
  sources: string[] | null;
  from: string | null;
  to: string | null;
};

/**
 * `top`: final edges (source, target, n, cueClasses, firstAt, lastAt) among
 * unmerged actors, heaviest first, at most `limit` of them; `rows`: raw
 * (source, target, cueClass, n, firstAt, lastAt) rows still to fold.
 */
export interface NetworkRows {
  top: NetworkEdgeRow[];
  rows: NetworkRawRow[];
}

export async function networkRows(
  store: Runner,
  filters: NetworkFilters,
  opts: { grouped: string[]; ego: string[] | null; minCount: number; limit: number },
): Promise<NetworkRows> {
  const days = windowDays(filters.from, filters.to);
  if (filters.sources !== null) {
    return { top: [], rows: await read(store, NetworkRawRowSchema, 'network edges', days ? API.networkEdgesDays : API.networkEdges, days ? { ...filters, days } : filters) };
  }
  // Only the page of edges among unmerged actors leaves the store, already final; rows touching merged groups fold in the caller.
  const base = { cueClasses: filters.cueClasses, from: filters.from, to: filters.to, grouped: opts.grouped, ...(days ? { days } : {}) };
  const [top, rows] = await Promise.all([
    read(store, NetworkEdgeRowSchema, 'network top edges', days ? API.networkTopEdgesDays : API.networkTopEdges, { ...base, ego: opts.ego, minCount: opts.minCount, limit: opts.limit }),
    opts.grouped.length > 0 ? read(store, NetworkRawRowSchema, 'network grouped edges', days ? API.networkGroupedEdgesDays : API.networkGroupedEdges, base) : Promise.resolve([]),
  ]);
  return { top, rows };
}
