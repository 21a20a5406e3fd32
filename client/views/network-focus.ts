import { api, type NetworkResponse } from '../api.js';

/** Neighbours a 2-hop focus reads on from (the busiest first): more would make the request long and the picture unreadable. */
export const SECOND_HOP_MAX = 60;

/** Two network answers as one: nodes and edges once each, an edge's counts from the first answer that had it. */
export function mergeNetworks(a: NetworkResponse, b: NetworkResponse): NetworkResponse {
  const nodes = new Map(a.nodes.map((n) => [n.id, n]));
  for (const n of b.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  const key = (e: { source: string; target: string }) => `${e.source}>${e.target}`;
  const edges = new Map(a.edges.map((e) => [key(e), e]));
  for (const e of b.edges) if (!edges.has(key(e))) edges.set(key(e), e);
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: a.truncated || b.truncated };
}

/** Only the edges whose both ends are in `keep`, and the nodes they touch (the focus always stays). */
export function within(res: NetworkResponse, keep: Set<string>, focus: string): NetworkResponse {
  const edges = res.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  const used = new Set([focus, ...edges.flatMap((e) => [e.source, e.target])]);
  return { nodes: res.nodes.filter((n) => used.has(n.id)), edges, truncated: res.truncated };
}

/**
 * The ego network of `focus`: its own edges (1 hop), and with 2 hops the
 * edges of its busiest neighbours among themselves and to their neighbours.
 */
export async function egoNetwork(
  focus: string,
  hops: 1 | 2,
  opts: { from: string | null; to: string | null; source: string | null; cueClass: string | null; minCount: number },
  signal: AbortSignal,
): Promise<NetworkResponse> {
  const first = await api.network({ ...opts, actor: [focus], limit: 5000 }, signal);
  if (hops === 1) return first;
  const neighbours = first.nodes
    .filter((n) => n.id !== focus)
    .sort((x, y) => y.said + y.about - (x.said + x.about) || (x.id < y.id ? -1 : 1))
    .slice(0, SECOND_HOP_MAX)
    .map((n) => n.id);
  if (neighbours.length === 0) return first;
  const second = await api.network({ ...opts, actor: neighbours, limit: 5000 }, signal);
  const merged = mergeNetworks(first, second);
  // Two hops: the focus, its neighbours and theirs; edges among them only.
  const keep = new Set([focus, ...first.nodes.map((n) => n.id), ...second.edges.flatMap((e) => [e.source, e.target])]);
  return within(merged, keep, focus);
}
