import type { ZoomTransform } from 'd3';
import { CURVE_STEPS, OVERLAY_BEND, type OverlayLink, type SimLink, type SimNode } from './network-types.js';

/**
 * Hit testing for the network chart: which node or edge is under a screen
 * point, given the zoom transform. Nodes win over edges; an edge is hit
 * within 5 screen pixels, an overlay curve along CURVE_STEPS segments.
 */

/** The node whose disc (plus 3 px of slack) holds the point, the nearest if several. */
export function nodeAt<N>(nodes: readonly SimNode<N>[], transform: ZoomTransform, px: number, py: number): SimNode<N> | undefined {
  const [gx, gy] = transform.invert([px, py]);
  let best: SimNode<N> | undefined;
  let bestD = Infinity;
  const slack = 3 / transform.k;
  for (const n of nodes) {
    const dx = n.x - gx;
    const dy = n.y - gy;
    const d2 = dx * dx + dy * dy;
    const rr = n.r + slack;
    if (d2 < rr * rr && d2 < bestD) {
      best = n;
      bestD = d2;
    }
  }
  return best;
}

export type EdgeHit<N, L> = { kind: 'link'; l: SimLink<N, L> } | { kind: 'overlay'; o: OverlayLink<N> };

/** The edge nearest the point within 5 screen pixels: a straight edge or an overlay curve. */
export function edgeAt<N, L>(
  links: readonly SimLink<N, L>[], overlay: readonly OverlayLink<N>[], transform: ZoomTransform, px: number, py: number,
): EdgeHit<N, L> | undefined {
  const [gx, gy] = transform.invert([px, py]);
  let bestD = 5 / transform.k;
  let best: EdgeHit<N, L> | undefined;
  for (const l of links) {
    const d = segDist(gx, gy, l.source.x, l.source.y, l.target.x, l.target.y);
    if (d < bestD) {
      bestD = d;
      best = { kind: 'link', l };
    }
  }
  for (const o of overlay) {
    const [cx, cy] = overlayControl(o);
    let ax = o.source.x;
    let ay = o.source.y;
    for (let i = 1; i <= CURVE_STEPS; i++) {
      const t = i / CURVE_STEPS;
      const u = 1 - t;
      const bx = u * u * o.source.x + 2 * u * t * cx + t * t * o.target.x;
      const by = u * u * o.source.y + 2 * u * t * cy + t * t * o.target.y;
      const d = segDist(gx, gy, ax, ay, bx, by);
      if (d < bestD) {
        bestD = d;
        best = { kind: 'overlay', o };
      }
      ax = bx;
      ay = by;
    }
  }
  return best;
}

/**
 * The overlay edge's curve: a quadratic Bézier bent to one side (always the
 * same side for a pair), so it never hides under a straight edge between
 * the same two nodes. Control point in layout coordinates.
 */
export function overlayControl<N>(o: OverlayLink<N>): [number, number] {
  const [a, b] = o.source.id < o.target.id ? [o.source, o.target] : [o.target, o.source];
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  return [(a.x + b.x) / 2 - dy * OVERLAY_BEND, (a.y + b.y) / 2 + dx * OVERLAY_BEND];
}

/** The middle of an overlay curve (t = 1/2: a quarter of each end plus half the control point), layout coordinates. */
export function overlayMid<N>(o: OverlayLink<N>): [number, number] {
  const [cx, cy] = overlayControl(o);
  return [(o.source.x + o.target.x) / 4 + cx / 2, (o.source.y + o.target.y) / 4 + cy / 2];
}

/** Distance from a point to a segment. */
export function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
