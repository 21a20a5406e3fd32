import {
  drag as d3drag, forceLink, forceManyBody, forceSimulation, forceX, forceY, forceCollide, max, scaleSqrt, select,
  zoom as d3zoom, zoomIdentity, type D3DragEvent, type Simulation, type SimulationLinkDatum, type SimulationNodeDatum,
  type ZoomBehavior, type ZoomTransform,
} from 'd3';
import { legend, type LegendItem } from './legend.js';

/**
 * A reusable force-directed network drawn on canvas, after Observable's
 * ForceGraph: accessors instead of field names, every option defaulted, the
 * body in phases (compute values, copy to mutable nodes, scales, forces,
 * render). Canvas rather than SVG because 2,000 nodes and 10,000 edges as DOM
 * elements cost more in style and layout than the whole simulation; edges are
 * batched into one path per colour and width so a frame is a few dozen draw
 * calls. d3-zoom pans and zooms, d3-drag moves nodes, a click picks a node or
 * the nearest edge. The simulation stops when `invalidation` resolves.
 *
 *   const net = network<A, E>().nodeId(a => a.id).linkSource(e => e.from)...
 *   container.append(net({ nodes, links }));
 */
export interface NetworkData<N, L> {
  nodes: readonly N[];
  links: readonly L[];
}

export interface Network<N, L> {
  (data: NetworkData<N, L>): HTMLElement;
  nodeId(): (d: N) => string;
  nodeId(f: (d: N) => string): Network<N, L>;
  nodeLabel(): (d: N) => string;
  nodeLabel(f: (d: N) => string): Network<N, L>;
  /** Key of the node's colour (actor kind, node label). */
  nodeGroup(): (d: N) => string;
  nodeGroup(f: (d: N) => string): Network<N, L>;
  nodeColor(): (key: string) => string;
  nodeColor(f: (key: string) => string): Network<N, L>;
  /** Sizes the node (area). */
  nodeWeight(): (d: N) => number;
  nodeWeight(f: (d: N) => number): Network<N, L>;
  linkSource(): (d: L) => string;
  linkSource(f: (d: L) => string): Network<N, L>;
  linkTarget(): (d: L) => string;
  linkTarget(f: (d: L) => string): Network<N, L>;
  /** Sizes the edge (width). */
  linkCount(): (d: L) => number;
  linkCount(f: (d: L) => number): Network<N, L>;
  linkColorKey(): (d: L) => string;
  linkColorKey(f: (d: L) => string): Network<N, L>;
  linkColor(): (key: string) => string;
  linkColor(f: (key: string) => string): Network<N, L>;
  linkLabel(): (d: L) => string;
  linkLabel(f: (d: L) => string): Network<N, L>;
  directed(): boolean;
  directed(v: boolean): Network<N, L>;
  width(): number;
  width(v: number): Network<N, L>;
  height(): number;
  height(v: number): Network<N, L>;
  nodeLegendTitle(): string;
  nodeLegendTitle(v: string): Network<N, L>;
  linkLegendTitle(): string;
  linkLegendTitle(v: string): Network<N, L>;
  title(): string;
  title(v: string): Network<N, L>;
  /** Stops the simulation when the promise resolves (the view is left). */
  invalidation(p: Promise<unknown>): Network<N, L>;
  selected(): string | null;
  selected(id: string | null): Network<N, L>;
  zoomBy(k: number): void;
  on(type: 'nodeclick', fn: ((d: N) => void) | null): Network<N, L>;
  on(type: 'linkclick', fn: ((d: L) => void) | null): Network<N, L>;
  /** Screen position of a node relative to the canvas (tests, keyboard focus). */
  positionOf(id: string): [number, number] | null;
  /** Durations of the most recent renders, ms (the benchmark reads them). */
  renderTimes(): number[];
  drawn(): { nodes: number; links: number; frames: number };
}

interface SimNode<N> extends SimulationNodeDatum {
  id: string;
  d: N;
  label: string;
  key: string;
  r: number;
  color: string;
}
interface SimLink<N, L> extends SimulationLinkDatum<SimNode<N>> {
  source: SimNode<N>;
  target: SimNode<N>;
  d: L;
  /** Stroke width in screen pixels. */
  w: number;
  alpha: number;
  color: string;
}

export function network<N, L>(): Network<N, L> {
  let nodeId = (d: N) => String((d as { id?: unknown }).id);
  let nodeLabel = (d: N) => nodeId(d);
  let nodeGroup: (d: N) => string = () => 'node';
  let nodeColor: (key: string) => string = () => '#456';
  let nodeWeight: (d: N) => number = () => 1;
  let linkSource = (d: L) => String((d as { source?: unknown }).source);
  let linkTarget = (d: L) => String((d as { target?: unknown }).target);
  let linkCount: (d: L) => number = () => 1;
  let linkColorKey: (d: L) => string = () => 'link';
  let linkColor: (key: string) => string = () => '#999';
  let linkLabel: (d: L) => string = (d) => `${linkSource(d)} → ${linkTarget(d)}`;
  let directed = true;
  let width = 960;
  let height = 600;
  let nodeLegendTitle = 'Nodes';
  let linkLegendTitle = 'Edges';
  let title = 'Network';
  let selectedId: string | null = null;
  let onNode: ((d: N) => void) | null = null;
  let onLink: ((d: L) => void) | null = null;

  let nodes: SimNode<N>[] = [];
  let links: SimLink<N, L>[] = [];
  let byId = new Map<string, SimNode<N>>();
  let bySize: SimNode<N>[] = [];
  let sim: Simulation<SimNode<N>, SimLink<N, L>> | null = null;
  let transform: ZoomTransform = zoomIdentity;
  let hovered: SimNode<N> | null = null;
  let frame = 0;
  let frames = 0;
  const times: number[] = [];
  let zoomB: ZoomBehavior<HTMLCanvasElement, unknown> | null = null;
  let userMoved = false;
  let ticks = 0;

  /** Zooms so every node is in view (never closer than 1:1, never farther than the zoom extent). */
  function fit() {
    if (!zoomB || nodes.length === 0) return;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const n of nodes) {
      x0 = Math.min(x0, (n.x ?? 0) - n.r);
      y0 = Math.min(y0, (n.y ?? 0) - n.r);
      x1 = Math.max(x1, (n.x ?? 0) + n.r);
      y1 = Math.max(y1, (n.y ?? 0) + n.r);
    }
    const pad = 40;
    const k = Math.max(0.05, Math.min(1.5, (width - 2 * pad) / (x1 - x0 || 1), (height - 2 * pad) / (y1 - y0 || 1)));
    const t = zoomIdentity.translate(width / 2 - (k * (x0 + x1)) / 2, height / 2 - (k * (y0 + y1)) / 2).scale(k);
    select(canvas).call(zoomB.transform, t);
  }

  const root = document.createElement('div');
  root.className = 'cg-network';
  const canvas = document.createElement('canvas');
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  const tooltip = document.createElement('div');
  tooltip.className = 'cg-tooltip';
  tooltip.setAttribute('role', 'tooltip');
  tooltip.hidden = true;
  const legendSlot = document.createElement('div');
  legendSlot.className = 'cg-legend-slot';
  root.append(canvas, tooltip, legendSlot);
  (root as HTMLElement & { __chart?: unknown }).__chart = undefined;
  const ctx = canvas.getContext('2d', { alpha: false })!;

  const chart = ((data: NetworkData<N, L>) => {
    // ---- compute values, copy to mutable nodes ----
    const old = byId;
    byId = new Map();
    nodes = data.nodes.map((d) => {
      const id = nodeId(d);
      const prev = old.get(id);
      const key = nodeGroup(d);
      const n: SimNode<N> = { id, d, label: nodeLabel(d), key, r: 4, color: nodeColor(key), x: prev?.x, y: prev?.y };
      byId.set(id, n);
      return n;
    });
    links = [];
    for (const d of data.links) {
      const s = byId.get(linkSource(d));
      const t = byId.get(linkTarget(d));
      if (!s || !t) continue;
      links.push({ source: s, target: t, d, w: 1, alpha: 0.7, color: linkColor(linkColorKey(d)) });
    }
    const big = nodes.length > 500;

    // ---- scales ----
    const maxW = max(data.nodes, nodeWeight) ?? 1;
    const rScale = scaleSqrt().domain([0, maxW || 1]).range(big ? [2, 11] : [4, 18]);
    for (const n of nodes) n.r = rScale(nodeWeight(n.d));
    bySize = [...nodes].sort((a, b) => b.r - a.r);
    const maxC = max(links, (l) => linkCount(l.d)) ?? 1;
    if (links.length > HAIRLINE_LINKS) {
      // Software canvas strokes 10,000 lines wider than one pixel ~30x slower
      // than hairlines, so dense graphs encode the count in opacity and keep
      // width for the heaviest 1% only.
      const counts = links.map((l) => linkCount(l.d)).sort((a, b) => a - b);
      const median = counts[Math.floor(counts.length / 2)] ?? 1;
      const p99 = counts[Math.floor(counts.length * 0.99)] ?? maxC;
      for (const l of links) {
        const c = linkCount(l.d);
        l.w = c >= p99 && c > median ? 2 : 1;
        l.alpha = c > median ? 0.6 : 0.3;
      }
    } else {
      const wScale = scaleSqrt().domain([1, Math.max(2, maxC)]).range([1, 7]).clamp(true);
      for (const l of links) {
        l.w = Math.round(wScale(linkCount(l.d)) * 2) / 2;
        l.alpha = 0.7;
      }
    }

    // ---- forces ----
    sim?.stop();
    sim = forceSimulation(nodes)
      .force('link', forceLink<SimNode<N>, SimLink<N, L>>(links).distance(big ? 30 : 70))
      .force('charge', forceManyBody<SimNode<N>>().strength(big ? -25 : -220).theta(0.95).distanceMax(big ? 250 : 600))
      .force('x', forceX<SimNode<N>>().strength(big ? 0.06 : 0.04))
      .force('y', forceY<SimNode<N>>().strength(big ? 0.06 : 0.04))
      .alphaDecay(big ? 0.04 : 0.0228)
      .on('tick', () => {
        // Until the reader pans or zooms, keep the whole graph in view as it settles.
        if (!userMoved && ++ticks % 10 === 0) fit();
        requestRender();
      })
      .on('end', () => {
        if (!userMoved) fit();
      });
    ticks = 0;
    if (!big) sim.force('collide', forceCollide<SimNode<N>>((n) => n.r + 2));
    if (big && old.size === 0) {
      // Settle most of a big layout before the first frame: animating every
      // early tick of 2,000 nodes costs seconds of frames nobody can read, and
      // the reader's first zoom would compete with them.
      sim.stop();
      sim.alphaMin(0.01);
      const t0 = performance.now();
      while (sim.alpha() > 0.08 && performance.now() - t0 < PREWARM_MS) sim.tick();
      sim.restart();
    }

    // ---- element ----
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    canvas.setAttribute('aria-label', `${title}: ${nodes.length} nodes, ${links.length} edges`);
    root.dataset.nodes = String(nodes.length);
    root.dataset.links = String(links.length);

    zoomB = d3zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.05, 16])
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        transform = event.transform;
        if (event.sourceEvent) userMoved = true;
        requestRender();
      });
    const dragB = d3drag<HTMLCanvasElement, unknown, SimNode<N> | undefined>()
      .subject((event: { x: number; y: number }) => nodeAt(event.x, event.y))
      .on('start', (event: D3DragEvent<HTMLCanvasElement, unknown, SimNode<N>>) => {
        userMoved = true;
        if (!event.active) sim?.alphaTarget(0.3).restart();
        event.subject.fx = event.subject.x;
        event.subject.fy = event.subject.y;
      })
      .on('drag', (event: D3DragEvent<HTMLCanvasElement, unknown, SimNode<N>>) => {
        const [gx, gy] = transform.invert([event.x, event.y]);
        event.subject.fx = gx;
        event.subject.fy = gy;
      })
      .on('end', (event: D3DragEvent<HTMLCanvasElement, unknown, SimNode<N>>) => {
        if (!event.active) sim?.alphaTarget(0);
        event.subject.fx = null;
        event.subject.fy = null;
      });
    // Drag first: it claims the gesture only over a node; otherwise zoom pans.
    const cs = select(canvas);
    cs.call(dragB).call(zoomB).on('dblclick.zoom', null);
    if (transform === zoomIdentity) cs.call(zoomB.transform, zoomIdentity.translate(width / 2, height / 2));
    else cs.call(zoomB.transform, transform);

    // ---- legend ----
    const nodeKeys = [...new Set(nodes.map((n) => n.key))].sort();
    const linkKeys = [...new Set(links.map((l) => linkColorKey(l.d)))].sort();
    const legItems: LegendItem[] = [
      ...nodeKeys.map((k) => ({ key: `n:${k}`, label: k, color: nodeColor(k), shape: 'dot' as const })),
      ...linkKeys.map((k) => ({ key: `l:${k}`, label: k, color: linkColor(k), shape: 'line' as const })),
    ];
    const nl = legend().title(nodeLegendTitle).items(legItems.filter((i) => i.key.startsWith('n:')))();
    const ll = legend().title(`${linkLegendTitle} (width: count)`).items(legItems.filter((i) => i.key.startsWith('l:')))();
    legendSlot.replaceChildren(nl, ll);
    requestRender();
    return root;
  }) as unknown as Network<N, L>;

  // ---- interaction ----
  function pointer(event: MouseEvent): [number, number] {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }

  function nodeAt(px: number, py: number): SimNode<N> | undefined {
    const [gx, gy] = transform.invert([px, py]);
    let best: SimNode<N> | undefined;
    let bestD = Infinity;
    const slack = 3 / transform.k;
    for (const n of nodes) {
      const dx = (n.x ?? 0) - gx;
      const dy = (n.y ?? 0) - gy;
      const d2 = dx * dx + dy * dy;
      const rr = n.r + slack;
      if (d2 < rr * rr && d2 < bestD) {
        best = n;
        bestD = d2;
      }
    }
    return best;
  }

  function linkAt(px: number, py: number): SimLink<N, L> | undefined {
    const [gx, gy] = transform.invert([px, py]);
    const tol = 5 / transform.k;
    let best: SimLink<N, L> | undefined;
    let bestD = tol;
    for (const l of links) {
      const d = segDist(gx, gy, l.source.x ?? 0, l.source.y ?? 0, l.target.x ?? 0, l.target.y ?? 0);
      if (d < bestD) {
        bestD = d;
        best = l;
      }
    }
    return best;
  }

  canvas.addEventListener('click', (event) => {
    const [px, py] = pointer(event);
    const n = nodeAt(px, py);
    if (n) {
      selectedId = n.id;
      requestRender();
      onNode?.(n.d);
      return;
    }
    const l = linkAt(px, py);
    if (l) onLink?.(l.d);
  });

  canvas.addEventListener('mousemove', (event) => {
    const [px, py] = pointer(event);
    const n = nodeAt(px, py);
    const l = n ? undefined : linkAt(px, py);
    if (n !== hovered) {
      hovered = n ?? null;
      requestRender();
    }
    canvas.style.cursor = n || l ? 'pointer' : 'grab';
    if (n || l) {
      const lines = n ? [n.label, `${n.key}`] : [linkLabel(l!.d)];
      tooltip.replaceChildren(
        ...lines.map((t, i) => {
          const div = document.createElement('div');
          div.className = i === 0 ? 'tip-head' : 'tip-line';
          div.textContent = t;
          return div;
        }),
      );
      tooltip.hidden = false;
      tooltip.style.left = `${Math.min(px + 12, width - 220)}px`;
      tooltip.style.top = `${py + 12}px`;
    } else tooltip.hidden = true;
  });
  canvas.addEventListener('mouseleave', () => {
    tooltip.hidden = true;
    hovered = null;
    requestRender();
  });
  canvas.addEventListener('keydown', (event) => {
    if (!zoomB) return;
    const cs = select(canvas);
    userMoved = true;
    if (event.key === '+' || event.key === '=') chart.zoomBy(1.5);
    else if (event.key === '-') chart.zoomBy(1 / 1.5);
    else if (event.key === 'ArrowLeft') cs.call(zoomB.translateBy, 40 / transform.k, 0);
    else if (event.key === 'ArrowRight') cs.call(zoomB.translateBy, -40 / transform.k, 0);
    else if (event.key === 'ArrowUp') cs.call(zoomB.translateBy, 0, 40 / transform.k);
    else if (event.key === 'ArrowDown') cs.call(zoomB.translateBy, 0, -40 / transform.k);
    else return;
    event.preventDefault();
  });

  // ---- render ----
  function requestRender() {
    if (frame) return;
    frame = requestAnimationFrame(render);
  }

  function render() {
    frame = 0;
    const t0 = performance.now();
    const dpr = canvas.width / width;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr * transform.k, 0, 0, dpr * transform.k, dpr * transform.x, dpr * transform.y);
    const k = transform.k;

    // Edges batched by colour, width and opacity: one path each. Widths are
    // screen pixels (divided by k), so zooming does not fatten the lines.
    const batches = new Map<string, SimLink<N, L>[]>();
    for (const l of links) {
      const key = `${l.color}|${l.w}|${l.alpha}`;
      let b = batches.get(key);
      if (!b) batches.set(key, (b = []));
      b.push(l);
    }
    const focusId = hovered?.id ?? selectedId;
    // Edges wholly outside the viewport are skipped (zoomed-in views draw few).
    const [vx0, vy0] = transform.invert([0, 0]);
    const [vx1, vy1] = transform.invert([width, height]);
    const arrows = directed && (links.length <= 3000 || k > 2);
    for (const [key, batch] of batches) {
      const [c, w, a] = key.split('|');
      ctx.globalAlpha = Number(a) * (focusId ? 0.4 : 1);
      ctx.strokeStyle = c!;
      ctx.lineWidth = Number(w) / k;
      ctx.beginPath();
      for (const l of batch) {
        const sx = l.source.x ?? 0;
        const sy = l.source.y ?? 0;
        const tx = l.target.x ?? 0;
        const ty = l.target.y ?? 0;
        if ((sx < vx0 && tx < vx0) || (sx > vx1 && tx > vx1) || (sy < vy0 && ty < vy0) || (sy > vy1 && ty > vy1)) continue;
        ctx.moveTo(sx, sy);
        ctx.lineTo(tx, ty);
      }
      ctx.stroke();
      if (arrows) {
        ctx.fillStyle = c!;
        ctx.beginPath();
        for (const l of batch) {
          const tx = l.target.x ?? 0;
          const ty = l.target.y ?? 0;
          if (tx >= vx0 && tx <= vx1 && ty >= vy0 && ty <= vy1) arrow(l, 4 + 1.5 * Number(w), k);
        }
        ctx.fill();
      }
    }
    ctx.globalAlpha = 1;
    if (focusId) {
      for (const l of links) {
        if (l.source.id !== focusId && l.target.id !== focusId) continue;
        ctx.strokeStyle = l.color;
        ctx.lineWidth = Math.max(1.5, l.w) / k;
        ctx.beginPath();
        ctx.moveTo(l.source.x ?? 0, l.source.y ?? 0);
        ctx.lineTo(l.target.x ?? 0, l.target.y ?? 0);
        ctx.stroke();
        if (directed) {
          ctx.fillStyle = l.color;
          ctx.beginPath();
          arrow(l, 5 + 1.5 * l.w, k);
          ctx.fill();
        }
      }
    }

    // Nodes batched by colour.
    const byColor = new Map<string, SimNode<N>[]>();
    const inView = (n: SimNode<N>) => {
      const x = n.x ?? 0;
      const y = n.y ?? 0;
      return x + n.r >= vx0 && x - n.r <= vx1 && y + n.r >= vy0 && y - n.r <= vy1;
    };
    for (const n of nodes) {
      if (!inView(n)) continue;
      let b = byColor.get(n.color);
      if (!b) byColor.set(n.color, (b = []));
      b.push(n);
    }
    ctx.lineWidth = 1 / k;
    ctx.strokeStyle = '#ffffff';
    for (const [c, batch] of byColor) {
      ctx.fillStyle = c;
      ctx.beginPath();
      for (const n of batch) {
        ctx.moveTo((n.x ?? 0) + n.r, n.y ?? 0);
        ctx.arc(n.x ?? 0, n.y ?? 0, n.r, 0, 2 * Math.PI);
      }
      ctx.fill();
      if (nodes.length <= 1000) ctx.stroke();
    }
    for (const id of [selectedId, hovered?.id]) {
      const n = id ? byId.get(id) : undefined;
      if (!n) continue;
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 2.5 / k;
      ctx.beginPath();
      ctx.arc(n.x ?? 0, n.y ?? 0, n.r + 3 / k, 0, 2 * Math.PI);
      ctx.stroke();
    }

    // Labels: all when few, else the heaviest and the focused ones; more as you zoom in.
    // Text is the slowest thing a canvas draws: at most MAX_LABELS, biggest nodes in view first.
    const labelCount = nodes.length <= 80 ? nodes.length : Math.min(MAX_LABELS, Math.round(25 * k * k));
    const labelled: SimNode<N>[] = [];
    for (const n of bySize) {
      if (labelled.length >= labelCount) break;
      if (inView(n)) labelled.push(n);
    }
    ctx.font = `${12 / k}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    const drawLabel = (n: SimNode<N>) => {
      const tx = (n.x ?? 0) + n.r + 3 / k;
      ctx.lineWidth = 3 / k;
      ctx.strokeStyle = 'rgba(255,255,255,0.85)';
      ctx.strokeText(n.label, tx, n.y ?? 0);
      ctx.fillStyle = '#1b2631';
      ctx.fillText(n.label, tx, n.y ?? 0);
    };
    // Greedy placement, biggest nodes first: a label that would overlap one already drawn is skipped
    // (hover or select the node to read it), so dense clusters stay legible.
    const placed: [number, number, number, number][] = [];
    const h = 14 / k;
    for (const n of labelled) {
      const x0 = (n.x ?? 0) + n.r + 3 / k;
      const w = ctx.measureText(n.label).width;
      const y0 = (n.y ?? 0) - h / 2;
      if (placed.some(([a, b, c, d]) => x0 < c && x0 + w > a && y0 < d && y0 + h > b)) continue;
      placed.push([x0, y0, x0 + w, y0 + h]);
      drawLabel(n);
    }
    for (const id of [selectedId, hovered?.id]) {
      const n = id ? byId.get(id) : undefined;
      if (n) drawLabel(n);
    }

    const dt = performance.now() - t0;
    times.push(dt);
    if (times.length > 1000) times.shift();
    frames++;
    performance.measure('network:render', { start: t0, end: t0 + dt });
  }

  function arrow(l: SimLink<N, L>, size: number, k: number) {
    const sx = l.source.x ?? 0;
    const sy = l.source.y ?? 0;
    const tx = l.target.x ?? 0;
    const ty = l.target.y ?? 0;
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

  // ---- getters and setters ----
  const acc = <K>(get: () => K, set: (v: K) => void) =>
    ((v?: K) => (v === undefined ? get() : (set(v), chart))) as never;
  chart.nodeId = acc(() => nodeId, (v) => (nodeId = v));
  chart.nodeLabel = acc(() => nodeLabel, (v) => (nodeLabel = v));
  chart.nodeGroup = acc(() => nodeGroup, (v) => (nodeGroup = v));
  chart.nodeColor = acc(() => nodeColor, (v) => (nodeColor = v));
  chart.nodeWeight = acc(() => nodeWeight, (v) => (nodeWeight = v));
  chart.linkSource = acc(() => linkSource, (v) => (linkSource = v));
  chart.linkTarget = acc(() => linkTarget, (v) => (linkTarget = v));
  chart.linkCount = acc(() => linkCount, (v) => (linkCount = v));
  chart.linkColorKey = acc(() => linkColorKey, (v) => (linkColorKey = v));
  chart.linkColor = acc(() => linkColor, (v) => (linkColor = v));
  chart.linkLabel = acc(() => linkLabel, (v) => (linkLabel = v));
  chart.directed = acc(() => directed, (v) => (directed = v));
  chart.width = acc(() => width, (v) => (width = v));
  chart.height = acc(() => height, (v) => (height = v));
  chart.nodeLegendTitle = acc(() => nodeLegendTitle, (v) => (nodeLegendTitle = v));
  chart.linkLegendTitle = acc(() => linkLegendTitle, (v) => (linkLegendTitle = v));
  chart.title = acc(() => title, (v) => (title = v));
  chart.invalidation = (p: Promise<unknown>) => {
    void p.then(() => {
      sim?.stop();
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    });
    return chart;
  };
  chart.selected = ((v?: string | null) => {
    if (v === undefined) return selectedId;
    selectedId = v;
    requestRender();
    return chart;
  }) as Network<N, L>['selected'];
  chart.zoomBy = (k: number) => {
    userMoved = true;
    if (zoomB) select(canvas).call(zoomB.scaleBy, k);
  };
  chart.on = ((type: string, fn: never) => {
    if (type === 'nodeclick') onNode = fn;
    else if (type === 'linkclick') onLink = fn;
    return chart;
  }) as Network<N, L>['on'];
  chart.positionOf = (id: string) => {
    const n = byId.get(id);
    return n ? transform.apply([n.x ?? 0, n.y ?? 0]) : null;
  };
  chart.renderTimes = () => [...times];
  chart.drawn = () => ({ nodes: nodes.length, links: links.length, frames });
  (root as HTMLElement & { __chart?: unknown }).__chart = chart;
  return chart;
}

/** Above this many edges, edges are drawn as hairlines (see the scales phase). */
const HAIRLINE_LINKS = 1500;
const MAX_LABELS = 120;
/** Longest synchronous layout before the first frame of a big graph. */
const PREWARM_MS = 1500;

function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
