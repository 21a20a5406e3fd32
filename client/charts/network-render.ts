import type { ZoomTransform } from 'd3';
import { placeLabels, type LabelCandidate, type PlacedLabel } from './network-labels.js';
import type { NetworkModel } from './network-model.js';
import { overlayControl } from './network-hit.js';
import { MAX_LABEL_CHARS, HALF_SQRT_PI, MAX_LABELS, TINY_NODE_PX, type OverlayLink, type SimLink, type SimNode } from './network-types.js';

/**
 * One frame of the network chart on its canvas: edges batched by colour and
 * width (the heaviest only while a dense graph moves), the overlay's dashed
 * curves, the focused node's edges on top, nodes batched by colour (tiny ones
 * as squares), then labels placed in screen space so they never overlap
 * (./network-labels.ts).
 */
export interface FrameInput<N, L> {
  model: NetworkModel<N, L>;
  overlay: readonly OverlayLink<N>[];
  overlayColor: string;
  transform: ZoomTransform;
  width: number;
  height: number;
  dpr: number;
  directed: boolean;
  laidOut: boolean;
  /** The dragged, hovered or selected node: its edges and neighbours' labels come first. */
  focusId: string | null;
  selectedId: string | null;
  hoveredId: string | null;
  /** Draw only the heaviest edges (a dense graph is moving). */
  motion: boolean;
}

export interface FrameResult {
  edgesDrawn: number;
  labels: PlacedLabel[];
}

const FONT = '12px system-ui, sans-serif';
const LABEL_H = 15;
/** Label widths per text, measured once (the font never changes). */
const widths = new Map<string, number>();

export function drawFrame<N, L>(ctx: CanvasRenderingContext2D, f: FrameInput<N, L>): FrameResult {
  const { model, transform, width, height, dpr } = f;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width * dpr, height * dpr);
  if (!f.laidOut) {
    // The worker is settling a big layout; its first answer replaces this line.
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#5d6d7e';
    ctx.font = '14px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(`Laying out ${model.nodes.length} nodes…`, width / 2, height / 2);
    ctx.textAlign = 'start';
    return { edgesDrawn: 0, labels: [] };
  }
  const k = transform.k;
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * transform.x, dpr * transform.y);
  const [vx0, vy0] = transform.invert([0, 0]);
  const [vx1, vy1] = transform.invert([width, height]);
  const { links } = model;
  const focusId = f.focusId;

  // Edges: widths are screen pixels (divided by k), so zooming does not fatten the lines;
  // edges wholly outside the viewport are skipped.
  let edgesDrawn = 0;
  const arrows = f.directed && (links.length <= 3000 || k > 2);
  for (const { color: c, w, alpha: a, links: batch } of f.motion ? model.motionBatches : model.batches) {
    ctx.globalAlpha = a * (focusId ? 0.4 : 1);
    ctx.strokeStyle = c;
    ctx.lineWidth = w / k;
    ctx.beginPath();
    for (const l of batch) {
      const sx = l.source.x;
      const sy = l.source.y;
      const tx = l.target.x;
      const ty = l.target.y;
      if ((sx < vx0 && tx < vx0) || (sx > vx1 && tx > vx1) || (sy < vy0 && ty < vy0) || (sy > vy1 && ty > vy1)) continue;
      edgesDrawn++;
      ctx.moveTo(sx, sy);
      ctx.lineTo(tx, ty);
    }
    ctx.stroke();
    if (arrows) {
      ctx.fillStyle = c;
      ctx.beginPath();
      for (const l of batch) {
        const tx = l.target.x;
        const ty = l.target.y;
        if (tx >= vx0 && tx <= vx1 && ty >= vy0 && ty <= vy1) arrow(ctx, l, 4 + 1.5 * w, k);
      }
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
  // The overlay: dashed curves in one colour, one path, over the edges and under the nodes.
  if (f.overlay.length > 0) {
    ctx.strokeStyle = f.overlayColor;
    ctx.lineWidth = 2 / k;
    ctx.setLineDash([6 / k, 4 / k]);
    ctx.beginPath();
    for (const o of f.overlay) {
      const [cx, cy] = overlayControl(o);
      const xs = [o.source.x, o.target.x, cx];
      const ys = [o.source.y, o.target.y, cy];
      if (Math.max(...xs) < vx0 || Math.min(...xs) > vx1 || Math.max(...ys) < vy0 || Math.min(...ys) > vy1) continue;
      ctx.moveTo(o.source.x, o.source.y);
      ctx.quadraticCurveTo(cx, cy, o.target.x, o.target.y);
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }
  const neighbours: SimNode<N>[] = [];
  if (focusId) {
    for (const l of links) {
      if (l.source.id !== focusId && l.target.id !== focusId) continue;
      neighbours.push(l.source.id === focusId ? l.target : l.source);
      ctx.strokeStyle = l.color;
      ctx.lineWidth = Math.max(1.5, l.w) / k;
      ctx.beginPath();
      ctx.moveTo(l.source.x, l.source.y);
      ctx.lineTo(l.target.x, l.target.y);
      ctx.stroke();
      if (f.directed) {
        ctx.fillStyle = l.color;
        ctx.beginPath();
        arrow(ctx, l, 5 + 1.5 * l.w, k);
        ctx.fill();
      }
    }
  }

  // Nodes batched by colour.
  const inView = (n: SimNode<N>) => n.x + n.r >= vx0 && n.x - n.r <= vx1 && n.y + n.r >= vy0 && n.y - n.r <= vy1;
  const byColor = new Map<string, SimNode<N>[]>();
  for (const n of model.nodes) {
    if (!inView(n)) continue;
    let b = byColor.get(n.color);
    if (!b) byColor.set(n.color, (b = []));
    b.push(n);
  }
  ctx.lineWidth = 1 / k;
  ctx.strokeStyle = '#ffffff';
  // A node under TINY_NODE_PX device pixels across is a square of the circle's area: a
  // software canvas fills 2,000 squares ~5x faster than 2,000 arcs and at that size they look alike.
  const tiny = model.nodes.length > 500 ? TINY_NODE_PX / 2 / (k * dpr) : 0;
  for (const [c, batch] of byColor) {
    ctx.fillStyle = c;
    ctx.beginPath();
    for (const n of batch) {
      if (n.r < tiny) {
        const half = n.r * HALF_SQRT_PI;
        ctx.fillRect(n.x - half, n.y - half, 2 * half, 2 * half);
        continue;
      }
      ctx.moveTo(n.x + n.r, n.y);
      ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
    }
    ctx.fill();
    if (model.nodes.length <= 1000) ctx.stroke();
  }
  for (const id of [f.selectedId, f.hoveredId]) {
    const n = id ? model.byId.get(id) : undefined;
    if (!n) continue;
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 2.5 / k;
    ctx.beginPath();
    ctx.arc(n.x, n.y, n.r + 3 / k, 0, 2 * Math.PI);
    ctx.stroke();
  }

  // Labels, in screen space: the focused node and its neighbours, the hubs, then the biggest
  // nodes, each where it overlaps nothing already labelled. All when few; else more as you zoom in
  // (text is the slowest thing a canvas draws: at most MAX_LABELS).
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  const focused = [f.selectedId, f.hoveredId].map((id) => (id ? model.byId.get(id) : undefined)).filter((n): n is SimNode<N> => !!n);
  const order = [...focused, ...neighbours.sort((a, b) => b.r - a.r), ...model.hubs, ...model.bySize];
  const base = model.nodes.length <= 80 ? model.nodes.length : Math.min(MAX_LABELS, Math.round(25 * k * k));
  const priority = focused.length + neighbours.length + model.hubs.length;
  const seen = new Set<string>();
  const cands: LabelCandidate[] = [];
  const most = Math.max(base, priority) * 2;
  for (const n of order) {
    if (cands.length >= most) break;
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    if (!inView(n)) continue;
    const [sx, sy] = transform.apply([n.x, n.y]);
    cands.push({ id: n.id, x: sx, y: sy, r: n.r * k, w: labelWidth(ctx, n.label) });
  }
  const labels = placeLabels(cands, { h: LABEL_H, gap: 3, max: Math.max(base, Math.min(priority, MAX_LABELS)), width, height });
  // The hovered and selected nodes are always labelled, over anything.
  for (const n of focused) {
    if (labels.some((l) => l.id === n.id)) continue;
    const [sx, sy] = transform.apply([n.x, n.y]);
    labels.push({ id: n.id, x: sx + n.r * k + 3, y: sy - LABEL_H / 2, w: labelWidth(ctx, n.label), h: LABEL_H, side: 'right' });
  }
  for (const l of labels) {
    const text = shortLabel(model.byId.get(l.id)!.label);
    const ty = l.y + l.h / 2;
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.strokeText(text, l.x, ty);
    ctx.fillStyle = '#1b2631';
    ctx.fillText(text, l.x, ty);
  }
  return { edgesDrawn, labels };
}

/** Labels longer than MAX_LABEL_CHARS characters are cut with an ellipsis (hover shows the whole name). */
export function shortLabel(s: string): string {
  return s.length > MAX_LABEL_CHARS ? `${s.slice(0, MAX_LABEL_CHARS - 1)}…` : s;
}

function labelWidth(ctx: CanvasRenderingContext2D, label: string): number {
  const text = shortLabel(label);
  let w = widths.get(text);
  if (w === undefined) {
    w = ctx.measureText(text).width;
    if (widths.size > 20_000) widths.clear();
    widths.set(text, w);
  }
  return w;
}

function arrow<N, L>(ctx: CanvasRenderingContext2D, l: SimLink<N, L>, size: number, k: number) {
  const sx = l.source.x;
  const sy = l.source.y;
  const tx = l.target.x;
  const ty = l.target.y;
  const len = Math.hypot(tx - sx, ty - sy) || 1;
  const ux = (tx - sx) / len;
  const uy = (ty - sy) / len;
  const s = size / k;
  const ex = tx - ux * (l.target.r + 1);
  const ey = ty - uy * (l.target.r + 1);
  ctx.moveTo(ex, ey);
  ctx.lineTo(ex - ux * s - uy * s * 0.5, ey - uy * s + ux * s * 0.5);
  ctx.lineTo(ex - ux * s + uy * s * 0.5, ey - uy * s - ux * s * 0.5);
  ctx.closePath();
}
