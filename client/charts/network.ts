import {
  drag as d3drag, max, scaleSqrt, select, zoom as d3zoom, zoomIdentity, type D3DragEvent, type ZoomBehavior, type ZoomTransform,
} from 'd3';
import { legend, type LegendItem } from './legend.js';
import { initialPosition, layoutEngine, type LayoutIn, type LayoutOut } from './network-layout.js';

/**
 * A reusable force-directed network drawn on canvas, after Observable's
 * ForceGraph: accessors instead of field names, every option defaulted, the
 * body in phases (compute values, copy to mutable nodes, scales, forces,
 * render). Canvas rather than SVG because 2,000 nodes and 10,000 edges as DOM
 * elements cost more in style and layout than the whole simulation; edges are
 * batched into one path per colour and width so a frame is a few dozen draw
 * calls. The force simulation runs in a Web Worker (./network-layout.ts): the
 * main thread only draws the positions it posts, so zooming, panning and
 * dragging stay smooth while 2,000 nodes settle. d3-zoom pans and zooms,
 * d3-drag moves nodes (the worker pins them and reheats gently), a click
 * picks a node or the nearest edge. An optional overlay draws a second kind
 * of edge (dashed curves, e.g. "met with") that takes no part in the layout.
 * The worker stops when `invalidation` resolves.
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
  /** A second kind of edge drawn over the first (dashed, curved, one colour), or null for none. */
  overlay(): NetworkOverlay<unknown> | null;
  overlay<O>(spec: NetworkOverlay<O> | null): Network<N, L>;
  /** Stops the simulation when the promise resolves (the view is left). */
  invalidation(p: Promise<unknown>): Network<N, L>;
  selected(): string | null;
  selected(id: string | null): Network<N, L>;
  zoomBy(k: number): void;
  on(type: 'nodeclick', fn: ((d: N) => void) | null): Network<N, L>;
  on(type: 'linkclick', fn: ((d: L) => void) | null): Network<N, L>;
  /** A double click on a node (the console expands its neighbours). */
  on(type: 'nodedblclick', fn: ((d: N) => void) | null): Network<N, L>;
  /** Screen position of a node relative to the canvas (tests, keyboard focus); null before the layout's first answer. */
  positionOf(id: string): [number, number] | null;
  /** Screen position of the middle of the overlay edge between two nodes (either order), or null. */
  overlayPointOf(a: string, b: string): [number, number] | null;
  /** Durations of the most recent renders, ms (the benchmark reads them). */
  renderTimes(): number[];
  /** Layout progress: ticks so far, the last tick's duration (ms, in the worker), whether it is still moving, whether in a worker. */
  layoutState(): { ticks: number; tickMs: number; running: boolean; worker: boolean };
  /** Counts of the data and of the last frame (`edgesDrawn`: statement edges in view, fewer while a dense graph moves). */
  drawn(): { nodes: number; links: number; overlay: number; frames: number; edgesDrawn: number };
}

/** The overlay's edges and how to read them. */
export interface NetworkOverlay<O> {
  links: readonly O[];
  source: (d: O) => string;
  target: (d: O) => string;
  label: (d: O) => string;
  /** Legend entry and colour (neutral by default). */
  legendLabel?: string;
  color?: string;
  onClick?: (d: O) => void;
}

interface SimNode<N> {
  /** Position in the layout's coordinates (from the worker); NaN-free once laid out. */
  x: number;
  y: number;
  /** Index in the layout's arrays. */
  index: number;
  id: string;
  d: N;
  label: string;
  key: string;
  r: number;
  color: string;
}
interface SimLink<N, L> {
  source: SimNode<N>;
  target: SimNode<N>;
  d: L;
  /** Stroke width in screen pixels. */
  w: number;
  alpha: number;
  color: string;
}
interface OverlayLink<N> {
  source: SimNode<N>;
  target: SimNode<N>;
  d: unknown;
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
  let onNodeDbl: ((d: N) => void) | null = null;

  let nodes: SimNode<N>[] = [];
  let links: SimLink<N, L>[] = [];
  let byId = new Map<string, SimNode<N>>();
  let bySize: SimNode<N>[] = [];
  /** Edges grouped by colour, width and opacity once per data: one canvas path per group. */
  let batches: Batch<N, L>[] = [];
  /** The same for the heaviest MOTION_LINKS edges: what a dense graph draws while it moves. */
  let motionBatches: Batch<N, L>[] = [];
  /** When the picture last moved (zoom, pan, drag, hover, a layout answer): dense graphs draw fewer edges until it rests. */
  let lastMotion = -Infinity;
  let restTimer: ReturnType<typeof setTimeout> | null = null;
  let edgesDrawn = 0;
  let overlay: NetworkOverlay<unknown> | null = null;
  let overlayLinks: OverlayLink<N>[] = [];
  let transform: ZoomTransform = zoomIdentity;
  let hovered: SimNode<N> | null = null;
  let frame = 0;
  let frames = 0;
  const times: number[] = [];
  let zoomB: ZoomBehavior<HTMLCanvasElement, unknown> | null = null;
  let userMoved = false;

  // ---- layout (a worker; the same engine on this thread if workers are unavailable) ----
  let layout: { post(msg: LayoutIn, transfer?: Transferable[]): void; stop(): void } | null = null;
  let inWorker = false;
  let gen = 0;
  /** False until the layout's first answer for a graph drawn from scratch (its positions are not worth showing). */
  let laidOut = false;
  let answers = 0;
  let layoutTicks = 0;
  let lastTickMs = 0;
  let running = false;
  /** The node being dragged: its position is the pointer's, whatever the layout last said. */
  let dragged: SimNode<N> | null = null;
  let invalidated = false;

  function onLayout(msg: LayoutOut) {
    if (msg.gen !== gen || invalidated) return;
    if (msg.type === 'end') {
      running = false;
      if (!userMoved) fit();
      // A chart replaced in the page (a console query run again) lets its worker go once settled.
      if (!root.isConnected) {
        layout?.stop();
        layout = null;
      }
      return;
    }
    const xy = msg.xy;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (n === dragged) continue;
      n.x = xy[2 * i]!;
      n.y = xy[2 * i + 1]!;
    }
    layoutTicks = msg.ticks;
    lastTickMs = msg.tickMs;
    running = true;
    laidOut = true;
    // Until the reader pans or zooms, keep the whole graph in view as it settles.
    if (!userMoved && answers++ % 10 === 0) fit();
    lastMotion = performance.now();
    requestRender();
  }

  function startLayout() {
    if (layout) return;
    try {
      const worker = new Worker(new URL('./network-layout.worker.ts', import.meta.url), { type: 'module', name: 'network-layout' });
      worker.onmessage = (event: MessageEvent<LayoutOut>) => onLayout(event.data);
      // The worker script failed to load or crashed: carry on with the layout on this thread.
      worker.onerror = () => {
        worker.terminate();
        layout = null;
        mainThreadLayout();
        sendGraph();
      };
      layout = { post: (msg, transfer = []) => worker.postMessage(msg, transfer), stop: () => worker.terminate() };
      inWorker = true;
    } catch {
      // No worker (an unusual embedding): the same layout on this thread.
      mainThreadLayout();
    }
  }

  function mainThreadLayout() {
    const engine = layoutEngine((msg) => onLayout(msg));
    layout = { post: (msg) => engine.receive(msg), stop: () => engine.receive({ type: 'stop' }) };
    inWorker = false;
  }

  /** Posts the current graph to the layout: positions (current ones or the start spiral), radii, edge ends. */
  let prewarm = false;
  function sendGraph() {
    const xs = new Float32Array(nodes.length);
    const ys = new Float32Array(nodes.length);
    const rs = new Float32Array(nodes.length);
    for (const n of nodes) {
      xs[n.index] = n.x;
      ys[n.index] = n.y;
      rs[n.index] = n.r;
    }
    const ends = new Uint32Array(links.length * 2);
    links.forEach((l, i) => {
      ends[2 * i] = l.source.index;
      ends[2 * i + 1] = l.target.index;
    });
    const big = nodes.length > 500;
    layout?.post({ type: 'init', gen, x: xs, y: ys, r: rs, links: ends, big, prewarm }, [xs.buffer, ys.buffer, rs.buffer, ends.buffer]);
  }

  /** Zooms so every node is in view (never closer than 1:1, never farther than the zoom extent). */
  function fit() {
    if (!zoomB || nodes.length === 0) return;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const n of nodes) {
      x0 = Math.min(x0, n.x - n.r);
      y0 = Math.min(y0, n.y - n.r);
      x1 = Math.max(x1, n.x + n.r);
      y1 = Math.max(y1, n.y + n.r);
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

  /** The overlay's edges between drawn nodes (an edge to a node not in the data is left out). */
  function bindOverlay() {
    overlayLinks = [];
    root.dataset.overlay = '0';
    if (!overlay) return;
    const seen = new Set<string>();
    for (const d of overlay.links) {
      const s = byId.get(overlay.source(d));
      const t = byId.get(overlay.target(d));
      if (!s || !t || s === t) continue;
      const key = s.id < t.id ? `${s.id}|${t.id}` : `${t.id}|${s.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      overlayLinks.push({ source: s, target: t, d });
    }
    root.dataset.overlay = String(overlayLinks.length);
  }

  const chart = ((data: NetworkData<N, L>) => {
    // ---- compute values, copy to mutable nodes ----
    const old = byId;
    byId = new Map();
    const fresh = old.size === 0;
    nodes = data.nodes.map((d, index) => {
      const id = nodeId(d);
      const prev = old.get(id);
      const key = nodeGroup(d);
      const [x, y] = prev && !fresh ? [prev.x, prev.y] : initialPosition(index);
      const n: SimNode<N> = { id, d, index, label: nodeLabel(d), key, r: 4, color: nodeColor(key), x, y };
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
    bindOverlay();
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
    batches = batchLinks(links);
    motionBatches = links.length > HAIRLINE_LINKS ? batchLinks([...links].sort((a, b) => linkCount(b.d) - linkCount(a.d)).slice(0, MOTION_LINKS)) : batches;

    // ---- layout ----
    // A big graph drawn from scratch is mostly settled in the worker before its first
    // answer: animating every early tick of 2,000 nodes shows seconds of motion nobody can read.
    gen++;
    answers = 0;
    running = true;
    laidOut = !(big && fresh);
    dragged = null;
    prewarm = big && fresh;
    startLayout();
    sendGraph();

    // ---- element ----
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    canvas.setAttribute('aria-label', `${title}: ${nodes.length} nodes, ${links.length} edges`);
    root.dataset.nodes = String(nodes.length);
    root.dataset.links = String(links.length);

    // While the reader zooms or pans, the layout holds its ticks: on a machine with few
    // cores they compete with drawing. A node drag is not a zoom gesture and keeps them.
    let zooming = false;
    zoomB = d3zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.05, 16])
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        transform = event.transform;
        lastMotion = performance.now();
        if (event.sourceEvent) {
          userMoved = true;
          if (!zooming && running && !dragged) {
            zooming = true;
            layout?.post({ type: 'pause', gen });
          }
        }
        requestRender();
      })
      .on('end', () => {
        if (!zooming) return;
        zooming = false;
        layout?.post({ type: 'resume', gen });
      });
    const pin = (n: SimNode<N>, reheat: boolean) => layout?.post({ type: 'fix', gen, i: n.index, x: n.x, y: n.y, reheat });
    // The drag subject carries the node and the pointer's screen position: d3-drag keeps the
    // offset between the subject's x/y and the pointer, so x/y must be in the pointer's
    // (screen) coordinates, not the layout's, or the node jumps once the view is zoomed.
    type Grip = { node: SimNode<N>; x: number; y: number };
    const dragB = d3drag<HTMLCanvasElement, unknown, Grip | undefined>()
      .subject((event: { x: number; y: number }) => {
        const node = laidOut ? nodeAt(event.x, event.y) : undefined;
        return node ? { node, x: event.x, y: event.y } : undefined;
      })
      .on('start', (event: D3DragEvent<HTMLCanvasElement, unknown, Grip>) => {
        userMoved = true;
        dragged = event.subject.node;
        pin(dragged, !event.active);
      })
      .on('drag', (event: D3DragEvent<HTMLCanvasElement, unknown, Grip>) => {
        const n = event.subject.node;
        [n.x, n.y] = transform.invert([event.x, event.y]);
        lastMotion = performance.now();
        pin(n, false);
        requestRender();
      })
      .on('end', (event: D3DragEvent<HTMLCanvasElement, unknown, Grip>) => {
        if (dragged === event.subject.node) dragged = null;
        layout?.post({ type: 'release', gen, i: event.subject.node.index });
      });
    // Drag first: it claims the gesture only over a node; otherwise zoom pans.
    const cs = select(canvas);
    cs.call(dragB).call(zoomB).on('dblclick.zoom', null);
    if (transform === zoomIdentity) cs.call(zoomB.transform, zoomIdentity.translate(width / 2, height / 2));
    else cs.call(zoomB.transform, transform);
    if (laidOut && !userMoved) fit();

    drawLegend();
    requestRender();
    return root;
  }) as unknown as Network<N, L>;

  function drawLegend() {
    const nodeKeys = [...new Set(nodes.map((n) => n.key))].sort();
    const linkKeys = [...new Set(links.map((l) => linkColorKey(l.d)))].sort();
    const legItems: LegendItem[] = [
      ...nodeKeys.map((k) => ({ key: `n:${k}`, label: k, color: nodeColor(k), shape: 'dot' as const })),
      ...linkKeys.map((k) => ({ key: `l:${k}`, label: k, color: linkColor(k), shape: 'line' as const })),
    ];
    if (overlay) legItems.push({ key: 'o:overlay', label: overlay.legendLabel ?? 'other edges', color: overlayColor(), shape: 'line' });
    const nl = legend().title(nodeLegendTitle).items(legItems.filter((i) => i.key.startsWith('n:')))();
    const ll = legend().title(`${linkLegendTitle} (width: count)`).items(legItems.filter((i) => !i.key.startsWith('n:')))();
    // The overlay is dashed on the canvas, so its swatch is dashed too (CSSOM: allowed by the CSP).
    const sw = ll.querySelector<HTMLElement>('[data-key="o:overlay"] .cg-swatch');
    if (sw) sw.style.background = `repeating-linear-gradient(90deg, ${overlayColor()} 0 5px, transparent 5px 8px)`;
    legendSlot.replaceChildren(nl, ll);
  }

  const overlayColor = () => overlay?.color ?? OVERLAY_COLOR;

  /**
   * The overlay edge's curve: a quadratic Bézier bent to one side (always the
   * same side for a pair), so it never hides under a straight edge between
   * the same two nodes. Control point in layout coordinates.
   */
  function overlayControl(o: OverlayLink<N>): [number, number] {
    const [a, b] = o.source.id < o.target.id ? [o.source, o.target] : [o.target, o.source];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    return [(a.x + b.x) / 2 - dy * OVERLAY_BEND, (a.y + b.y) / 2 + dx * OVERLAY_BEND];
  }

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

  type EdgeHit = { kind: 'link'; l: SimLink<N, L> } | { kind: 'overlay'; o: OverlayLink<N> };

  /** The edge nearest the pointer within 5 screen pixels: a straight edge or an overlay curve. */
  function edgeAt(px: number, py: number): EdgeHit | undefined {
    if (!laidOut) return undefined;
    const [gx, gy] = transform.invert([px, py]);
    let bestD = 5 / transform.k;
    let best: EdgeHit | undefined;
    for (const l of links) {
      const d = segDist(gx, gy, l.source.x, l.source.y, l.target.x, l.target.y);
      if (d < bestD) {
        bestD = d;
        best = { kind: 'link', l };
      }
    }
    for (const o of overlayLinks) {
      // The curve as a polyline of CURVE_STEPS segments.
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

  canvas.addEventListener('click', (event) => {
    const [px, py] = pointer(event);
    const n = laidOut ? nodeAt(px, py) : undefined;
    if (n) {
      selectedId = n.id;
      requestRender();
      onNode?.(n.d);
      return;
    }
    const e = edgeAt(px, py);
    if (e?.kind === 'link') onLink?.(e.l.d);
    else if (e?.kind === 'overlay') overlay?.onClick?.(e.o.d);
  });

  canvas.addEventListener('dblclick', (event) => {
    const [px, py] = pointer(event);
    const n = laidOut ? nodeAt(px, py) : undefined;
    if (n) onNodeDbl?.(n.d);
  });

  canvas.addEventListener('mousemove', (event) => {
    const [px, py] = pointer(event);
    const n = laidOut ? nodeAt(px, py) : undefined;
    const e = n ? undefined : edgeAt(px, py);
    if (n !== hovered) {
      hovered = n ?? null;
      lastMotion = performance.now();
      requestRender();
    }
    canvas.style.cursor = n || e ? 'pointer' : 'grab';
    if (n || e) {
      const lines = n ? [n.label, `${n.key}`] : e!.kind === 'link' ? [linkLabel(e!.l.d)] : [overlay?.label(e!.o.d) ?? ''];
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
    if (!laidOut) {
      // The worker is settling a big layout; its first answer replaces this line.
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.fillStyle = '#5d6d7e';
      ctx.font = '14px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText(`Laying out ${nodes.length} nodes…`, width / 2, height / 2);
      ctx.textAlign = 'start';
      return;
    }
    ctx.setTransform(dpr * transform.k, 0, 0, dpr * transform.k, dpr * transform.x, dpr * transform.y);
    const k = transform.k;

    // Edges batched by colour, width and opacity (grouped once per data): one
    // path each. Widths are screen pixels (divided by k), so zooming does not
    // fatten the lines.
    const focusId = dragged?.id ?? hovered?.id ?? selectedId;
    // While a dense graph moves, only its heaviest edges are drawn: rasterising 10,000
    // lines costs a software canvas 20-40 ms a frame, 1,500 a fifth of that. The full set
    // comes back MOTION_MS after the picture last moved (the focused node's edges always show).
    const motion = links.length > HAIRLINE_LINKS && performance.now() - lastMotion < MOTION_MS;
    if (restTimer !== null) clearTimeout(restTimer);
    restTimer = motion ? setTimeout(() => ((restTimer = null), requestRender()), MOTION_MS) : null;
    root.dataset.detail = motion ? 'moving' : 'full';
    edgesDrawn = 0;
    // Edges wholly outside the viewport are skipped (zoomed-in views draw few).
    const [vx0, vy0] = transform.invert([0, 0]);
    const [vx1, vy1] = transform.invert([width, height]);
    const arrows = directed && (links.length <= 3000 || k > 2);
    for (const { color: c, w, alpha: a, links: batch } of motion ? motionBatches : batches) {
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
          if (tx >= vx0 && tx <= vx1 && ty >= vy0 && ty <= vy1) arrow(l, 4 + 1.5 * w, k);
        }
        ctx.fill();
      }
    }
    ctx.globalAlpha = 1;
    // The overlay: dashed curves in one colour, one path, over the edges and under the nodes.
    if (overlayLinks.length > 0) {
      ctx.strokeStyle = overlayColor();
      ctx.lineWidth = 2 / k;
      ctx.setLineDash([6 / k, 4 / k]);
      ctx.beginPath();
      for (const o of overlayLinks) {
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
    if (focusId) {
      for (const l of links) {
        if (l.source.id !== focusId && l.target.id !== focusId) continue;
        ctx.strokeStyle = l.color;
        ctx.lineWidth = Math.max(1.5, l.w) / k;
        ctx.beginPath();
        ctx.moveTo(l.source.x, l.source.y);
        ctx.lineTo(l.target.x, l.target.y);
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
      const x = n.x;
      const y = n.y;
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
    // A node under TINY_NODE_PX device pixels across is a square of the circle's area: a
    // software canvas fills 2,000 squares ~5x faster than 2,000 arcs and at that size they look alike.
    const tiny = nodes.length > 500 ? TINY_NODE_PX / 2 / (k * dpr) : 0;
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
      if (nodes.length <= 1000) ctx.stroke();
    }
    for (const id of [selectedId, hovered?.id]) {
      const n = id ? byId.get(id) : undefined;
      if (!n) continue;
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 2.5 / k;
      ctx.beginPath();
      ctx.arc(n.x, n.y, n.r + 3 / k, 0, 2 * Math.PI);
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
      const tx = n.x + n.r + 3 / k;
      ctx.lineWidth = 3 / k;
      ctx.strokeStyle = 'rgba(255,255,255,0.85)';
      ctx.strokeText(n.label, tx, n.y);
      ctx.fillStyle = '#1b2631';
      ctx.fillText(n.label, tx, n.y);
    };
    // Greedy placement, biggest nodes first: a label that would overlap one already drawn is skipped
    // (hover or select the node to read it), so dense clusters stay legible.
    const placed: [number, number, number, number][] = [];
    const h = 14 / k;
    for (const n of labelled) {
      const x0 = n.x + n.r + 3 / k;
      const w = ctx.measureText(n.label).width;
      const y0 = n.y - h / 2;
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
  chart.overlay = ((v?: NetworkOverlay<unknown> | null) => {
    if (v === undefined) return overlay;
    overlay = v;
    bindOverlay();
    if (nodes.length > 0) drawLegend();
    requestRender();
    return chart;
  }) as Network<N, L>['overlay'];
  chart.invalidation = (p: Promise<unknown>) => {
    void p.then(() => {
      invalidated = true;
      if (restTimer !== null) clearTimeout(restTimer);
      restTimer = null;
      layout?.stop();
      layout = null;
      running = false;
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
    else if (type === 'nodedblclick') onNodeDbl = fn;
    return chart;
  }) as Network<N, L>['on'];
  chart.positionOf = (id: string) => {
    const n = byId.get(id);
    return n && laidOut ? transform.apply([n.x, n.y]) : null;
  };
  chart.overlayPointOf = (a: string, b: string) => {
    const o = overlayLinks.find((x) => (x.source.id === a && x.target.id === b) || (x.source.id === b && x.target.id === a));
    if (!o || !laidOut) return null;
    // The quadratic curve at t = 1/2: a quarter of each end plus half the control point.
    const [cx, cy] = overlayControl(o);
    return transform.apply([(o.source.x + o.target.x) / 4 + cx / 2, (o.source.y + o.target.y) / 4 + cy / 2]);
  };
  chart.renderTimes = () => [...times];
  chart.layoutState = () => ({ ticks: layoutTicks, tickMs: lastTickMs, running, worker: inWorker });
  chart.drawn = () => ({ nodes: nodes.length, links: links.length, overlay: overlayLinks.length, frames, edgesDrawn });
  (root as HTMLElement & { __chart?: unknown }).__chart = chart;
  return chart;
}

/** Above this many edges, edges are drawn as hairlines (see the scales phase). */
const HAIRLINE_LINKS = 1500;
const MAX_LABELS = 120;
/** While a graph with more than HAIRLINE_LINKS edges moves, only this many (the heaviest) are drawn. */
const MOTION_LINKS = 1500;
/** The picture is at rest this long after it last moved, ms: then every edge is drawn again. */
const MOTION_MS = 300;
/** Nodes of big graphs smaller than this across, in device pixels, are drawn as squares. */
const TINY_NODE_PX = 3.5;
/** Half the side of the square with a unit circle's area. */
const HALF_SQRT_PI = Math.sqrt(Math.PI) / 2;
/** How far an overlay curve bows out, as a share of its length. */
const OVERLAY_BEND = 0.18;
/** Segments per overlay curve when hit testing. */
const CURVE_STEPS = 12;
/** The overlay's default colour: neutral, unlike every cue colour. */
const OVERLAY_COLOR = '#404040';

interface Batch<N, L> {
  color: string;
  w: number;
  alpha: number;
  links: SimLink<N, L>[];
}

/** Edges grouped by colour, width and opacity: one canvas path per group. */
function batchLinks<N, L>(links: readonly SimLink<N, L>[]): Batch<N, L>[] {
  const groups = new Map<string, SimLink<N, L>[]>();
  for (const l of links) {
    const key = `${l.color}|${l.w}|${l.alpha}`;
    let b = groups.get(key);
    if (!b) groups.set(key, (b = []));
    b.push(l);
  }
  return [...groups.values()].map((b) => ({ color: b[0]!.color, w: b[0]!.w, alpha: b[0]!.alpha, links: b }));
}

function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
