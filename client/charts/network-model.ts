import { max, scaleSqrt } from 'd3';
import { hubs } from './network-labels.js';
import { initialPosition } from './network-layout.js';
import { HAIRLINE_LINKS, HUB_COUNT, MOTION_LINKS, type Batch, type NetworkData, type SimLink, type SimNode } from './network-types.js';

/**
 * The network chart's data phase, apart from drawing: data rows to mutable
 * nodes (keeping the positions of nodes drawn before), edges between known
 * nodes, radii and stroke widths from the scales, and the edge batches a
 * frame strokes (one canvas path per colour, width and opacity).
 */
export interface NetworkAccessors<N, L> {
  nodeId: (d: N) => string;
  nodeLabel: (d: N) => string;
  nodeGroup: (d: N) => string;
  nodeColor: (key: string) => string;
  nodeWeight: (d: N) => number;
  linkSource: (d: L) => string;
  linkTarget: (d: L) => string;
  linkCount: (d: L) => number;
  linkColorKey: (d: L) => string;
  linkColor: (key: string) => string;
}

export interface NetworkModel<N, L> {
  nodes: SimNode<N>[];
  links: SimLink<N, L>[];
  byId: Map<string, SimNode<N>>;
  /** Nodes biggest first (label order after hubs). */
  bySize: SimNode<N>[];
  batches: Batch<N, L>[];
  /** The heaviest MOTION_LINKS edges' batches: what a dense graph draws while it moves. */
  motionBatches: Batch<N, L>[];
  /** The best-connected nodes, most edges first: labelled before the others. */
  hubs: SimNode<N>[];
  /** Whether nothing was drawn before (positions start from the spiral). */
  fresh: boolean;
  big: boolean;
}

export function buildModel<N, L>(data: NetworkData<N, L>, a: NetworkAccessors<N, L>, old: ReadonlyMap<string, SimNode<N>>): NetworkModel<N, L> {
  const byId = new Map<string, SimNode<N>>();
  const fresh = old.size === 0;
  const nodes = data.nodes.map((d, index) => {
    const id = a.nodeId(d);
    const prev = old.get(id);
    const key = a.nodeGroup(d);
    const [x, y] = prev && !fresh ? [prev.x, prev.y] : initialPosition(index);
    const n: SimNode<N> = { id, d, index, label: a.nodeLabel(d), key, r: 4, color: a.nodeColor(key), x, y, degree: 0 };
    byId.set(id, n);
    return n;
  });
  const links: SimLink<N, L>[] = [];
  for (const d of data.links) {
    const s = byId.get(a.linkSource(d));
    const t = byId.get(a.linkTarget(d));
    if (!s || !t) continue;
    s.degree++;
    t.degree++;
    links.push({ source: s, target: t, d, w: 1, alpha: 0.7, color: a.linkColor(a.linkColorKey(d)) });
  }
  const big = nodes.length > 500;

  const maxW = max(data.nodes, a.nodeWeight) ?? 1;
  const rScale = scaleSqrt().domain([0, maxW || 1]).range(big ? [2, 11] : [4, 18]);
  for (const n of nodes) n.r = rScale(a.nodeWeight(n.d));
  const bySize = [...nodes].sort((p, q) => q.r - p.r);
  const maxC = max(links, (l) => a.linkCount(l.d)) ?? 1;
  if (links.length > HAIRLINE_LINKS) {
    // Software canvas strokes 10,000 lines wider than one pixel ~30x slower
    // than hairlines, so dense graphs encode the count in opacity and keep
    // width for the heaviest 1% only.
    const counts = links.map((l) => a.linkCount(l.d)).sort((p, q) => p - q);
    const median = counts[Math.floor(counts.length / 2)] ?? 1;
    const p99 = counts[Math.floor(counts.length * 0.99)] ?? maxC;
    for (const l of links) {
      const c = a.linkCount(l.d);
      l.w = c >= p99 && c > median ? 2 : 1;
      l.alpha = c > median ? 0.6 : 0.3;
    }
  } else {
    const wScale = scaleSqrt().domain([1, Math.max(2, maxC)]).range([1, 7]).clamp(true);
    for (const l of links) {
      l.w = Math.round(wScale(a.linkCount(l.d)) * 2) / 2;
      l.alpha = 0.7;
    }
  }
  const batches = batchLinks(links);
  const motionBatches =
    links.length > HAIRLINE_LINKS ? batchLinks([...links].sort((p, q) => a.linkCount(q.d) - a.linkCount(p.d)).slice(0, MOTION_LINKS)) : batches;
  const hubIds = hubs(new Map(nodes.map((n) => [n.id, n.degree])), HUB_COUNT);
  const hubNodes = [...hubIds].map((id) => byId.get(id)!);
  return { nodes, links, byId, bySize, hubs: hubNodes, batches, motionBatches, fresh, big };
}

/** Edges grouped by colour, width and opacity: one canvas path per group. */
export function batchLinks<N, L>(links: readonly SimLink<N, L>[]): Batch<N, L>[] {
  const groups = new Map<string, SimLink<N, L>[]>();
  for (const l of links) {
    const key = `${l.color}|${l.w}|${l.alpha}`;
    let b = groups.get(key);
    if (!b) groups.set(key, (b = []));
    b.push(l);
  }
  return [...groups.values()].map((b) => ({ color: b[0]!.color, w: b[0]!.w, alpha: b[0]!.alpha, links: b }));
}
