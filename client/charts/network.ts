import { drag as d3drag, select, zoom as d3zoom, zoomIdentity, type D3DragEvent, type ZoomBehavior, type ZoomTransform } from 'd3';
import { legend, type LegendItem } from './legend.js';
import { edgeAt, nodeAt, overlayMid } from './network-hit.js';
import type { PlacedLabel } from './network-labels.js';
import { layoutEngine, type LayoutIn, type LayoutOut } from './network-layout.js';
import { buildModel, type NetworkAccessors, type NetworkModel } from './network-model.js';
import { drawFrame } from './network-render.js';
import {
  HAIRLINE_LINKS, MOTION_MS, OVERLAY_COLOR, type Network, type NetworkData, type NetworkOverlay, type NetworkProbe, type OverlayLink, type SimNode,
} from './network-types.js';
import { attachProbe, probesRequested } from './probe.js';

export type { Network, NetworkData, NetworkOverlay, NetworkProbe } from './network-types.js';

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
 * The worker stops when `invalidation` resolves. The data phase is
 * ./network-model.ts, drawing ./network-render.ts, hit testing
 * ./network-hit.ts, label placement ./network-labels.ts.
 *
 *   const net = network<A, E>().nodeId(a => a.id).linkSource(e => e.from)...
 *   container.append(net({ nodes, links }));
 */
export function network<N, L>(): Network<N, L> {
  const a: NetworkAccessors<N, L> & { linkLabel: (d: L) => string } = {
    nodeId: (d: N) => String((d as { id?: unknown }).id),
    nodeLabel: (d: N) => a.nodeId(d),
    nodeGroup: () => 'node',
    nodeColor: () => '#456',
    nodeWeight: () => 1,
    linkSource: (d: L) => String((d as { source?: unknown }).source),
    linkTarget: (d: L) => String((d as { target?: unknown }).target),
    linkCount: () => 1,
    linkColorKey: () => 'link',
    linkColor: () => '#999',
    linkLabel: (d: L) => `${a.linkSource(d)} → ${a.linkTarget(d)}`,
  };
  let directed = true;
  let width = 960;
  let height = 600;
  let nodeLegendTitle = 'Nodes';
  let linkLegendTitle = 'Edges';
  let title = 'Network';
  let probe = probesRequested();
  let selectedId: string | null = null;
  let onNode: ((d: N) => void) | null = null;
  let onLink: ((d: L) => void) | null = null;
  let onNodeDbl: ((d: N) => void) | null = null;

  let m: NetworkModel<N, L> = { nodes: [], links: [], byId: new Map(), bySize: [], hubs: [], batches: [], motionBatches: [], fresh: true, big: false };
  /** When the picture last moved (zoom, pan, drag, hover, a layout answer): dense graphs draw fewer edges until it rests. */
  let lastMotion = -Infinity;
  let restTimer: ReturnType<typeof setTimeout> | null = null;
  let edgesDrawn = 0;
  let labels: PlacedLabel[] = [];
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
  let prewarm = false;

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
    for (let i = 0; i < m.nodes.length; i++) {
      const n = m.nodes[i]!;
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
  function sendGraph() {
    const { nodes, links } = m;
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
    layout?.post({ type: 'init', gen, x: xs, y: ys, r: rs, links: ends, big: m.big, prewarm }, [xs.buffer, ys.buffer, rs.buffer, ends.buffer]);
  }

  /** Zooms so every node is in view (never closer than 1:1.5, never farther than the zoom extent). */
  function fit() {
    if (!zoomB || m.nodes.length === 0) return;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const n of m.nodes) {
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
  const ctx = canvas.getContext('2d', { alpha: false })!;

  /** The overlay's edges between drawn nodes (an edge to a node not in the data is left out). */
  function bindOverlay() {
    overlayLinks = [];
    root.dataset.overlay = '0';
    if (!overlay) return;
    const seen = new Set<string>();
    for (const d of overlay.links) {
      const s = m.byId.get(overlay.source(d));
      const t = m.byId.get(overlay.target(d));
      if (!s || !t || s === t) continue;
      const key = s.id < t.id ? `${s.id}|${t.id}` : `${t.id}|${s.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      overlayLinks.push({ source: s, target: t, d });
    }
    root.dataset.overlay = String(overlayLinks.length);
  }

  const chart = ((data: NetworkData<N, L>) => {
    m = buildModel(data, a, m.byId);
    bindOverlay();

    // ---- layout ----
    // A big graph drawn from scratch is mostly settled in the worker before its first
    // answer: animating every early tick of 2,000 nodes shows seconds of motion nobody can read.
    gen++;
    answers = 0;
    running = true;
    laidOut = !(m.big && m.fresh);
    dragged = null;
    prewarm = m.big && m.fresh;
    startLayout();
    sendGraph();

    // ---- element ----
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    canvas.setAttribute('aria-label', `${title}: ${m.nodes.length} nodes, ${m.links.length} edges`);
    root.dataset.nodes = String(m.nodes.length);
    root.dataset.links = String(m.links.length);
    if (probe) attachProbe(root, probeHandle());

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
        const node = laidOut ? nodeAt(m.nodes, transform, event.x, event.y) : undefined;
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
    const nodeKeys = [...new Set(m.nodes.map((n) => n.key))].sort();
    const linkKeys = [...new Set(m.links.map((l) => a.linkColorKey(l.d)))].sort();
    const nodeItems: LegendItem[] = nodeKeys.map((k) => ({ key: `n:${k}`, label: k, color: a.nodeColor(k), shape: 'dot' as const }));
    const linkItems: LegendItem[] = linkKeys.map((k) => ({ key: `l:${k}`, label: k, color: a.linkColor(k), shape: 'line' as const }));
    if (overlay) linkItems.push({ key: 'o:overlay', label: overlay.legendLabel ?? 'other edges', color: overlayColor(), shape: 'line' });
    const nl = legend().title(nodeLegendTitle).items(nodeItems)();
    const ll = legend().title(`${linkLegendTitle} (width: count)`).items(linkItems)();
    // The overlay is dashed on the canvas, so its swatch is dashed too (CSSOM: allowed by the CSP).
    const sw = ll.querySelector<HTMLElement>('[data-key="o:overlay"] .cg-swatch');
    if (sw) sw.style.background = `repeating-linear-gradient(90deg, ${overlayColor()} 0 5px, transparent 5px 8px)`;
    legendSlot.replaceChildren(nl, ll);
  }

  const overlayColor = () => overlay?.color ?? OVERLAY_COLOR;

  // ---- interaction ----
  function pointer(event: MouseEvent): [number, number] {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }
  const nodeUnder = (px: number, py: number) => (laidOut ? nodeAt(m.nodes, transform, px, py) : undefined);
  const edgeUnder = (px: number, py: number) => (laidOut ? edgeAt(m.links, overlayLinks, transform, px, py) : undefined);

  canvas.addEventListener('click', (event) => {
    const [px, py] = pointer(event);
    const n = nodeUnder(px, py);
    if (n) {
      selectedId = n.id;
      requestRender();
      onNode?.(n.d);
      return;
    }
    const e = edgeUnder(px, py);
    if (e?.kind === 'link') onLink?.(e.l.d);
    else if (e?.kind === 'overlay') overlay?.onClick?.(e.o.d);
  });

  canvas.addEventListener('dblclick', (event) => {
    const n = nodeUnder(...pointer(event));
    if (n) onNodeDbl?.(n.d);
  });

  canvas.addEventListener('mousemove', (event) => {
    const [px, py] = pointer(event);
    const n = nodeUnder(px, py);
    const e = n ? undefined : edgeUnder(px, py);
    if (n !== hovered) {
      hovered = n ?? null;
      lastMotion = performance.now();
      requestRender();
    }
    canvas.style.cursor = n || e ? 'pointer' : 'grab';
    if (n || e) {
      const lines = n ? [n.label, `${n.key}, ${n.degree} edge${n.degree === 1 ? '' : 's'}`] : e!.kind === 'link' ? [a.linkLabel(e!.l.d)] : [overlay?.label(e!.o.d) ?? ''];
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
    // While a dense graph moves, only its heaviest edges are drawn: rasterising 10,000
    // lines costs a software canvas 20-40 ms a frame, 1,500 a fifth of that. The full set
    // comes back MOTION_MS after the picture last moved (the focused node's edges always show).
    const motion = m.links.length > HAIRLINE_LINKS && performance.now() - lastMotion < MOTION_MS;
    if (restTimer !== null) clearTimeout(restTimer);
    restTimer = motion ? setTimeout(() => ((restTimer = null), requestRender()), MOTION_MS) : null;
    root.dataset.detail = motion ? 'moving' : 'full';
    const out = drawFrame(ctx, {
      model: m, overlay: overlayLinks, overlayColor: overlayColor(), transform, width, height, dpr: canvas.width / width, directed, laidOut,
      focusId: dragged?.id ?? hovered?.id ?? selectedId, selectedId, hoveredId: hovered?.id ?? null, motion,
    });
    edgesDrawn = out.edgesDrawn;
    labels = out.labels;
    root.dataset.labels = String(labels.length);
    const dt = performance.now() - t0;
    times.push(dt);
    if (times.length > 1000) times.shift();
    frames++;
    performance.measure('network:render', { start: t0, end: t0 + dt });
  }

  const drawnNow = () => ({ nodes: m.nodes.length, links: m.links.length, overlay: overlayLinks.length, frames, edgesDrawn });
  function probeHandle(): NetworkProbe {
    return {
      positionOf: (id) => {
        const n = m.byId.get(id);
        return n && laidOut ? transform.apply([n.x, n.y]) : null;
      },
      overlayPointOf: (p, q) => {
        const o = overlayLinks.find((x) => (x.source.id === p && x.target.id === q) || (x.source.id === q && x.target.id === p));
        return o && laidOut ? transform.apply(overlayMid(o)) : null;
      },
      renderTimes: () => [...times],
      layoutState: () => ({ ticks: layoutTicks, tickMs: lastTickMs, running, worker: inWorker }),
      labels: () => labels.map(({ id, x, y, w, h }) => ({ id, x, y, w, h })),
      drawn: drawnNow,
    };
  }

  // ---- getters and setters ----
  const acc = <K>(get: () => K, set: (v: K) => void) =>
    ((v?: K) => (v === undefined ? get() : (set(v), chart))) as never;
  for (const key of ['nodeId', 'nodeLabel', 'nodeGroup', 'nodeColor', 'nodeWeight', 'linkSource', 'linkTarget', 'linkCount', 'linkColorKey', 'linkColor', 'linkLabel'] as const) {
    (chart as unknown as Record<string, unknown>)[key] = acc<unknown>(() => a[key], (v) => ((a as unknown as Record<string, unknown>)[key] = v));
  }
  chart.directed = acc(() => directed, (v) => (directed = v));
  chart.width = acc(() => width, (v) => (width = v));
  chart.height = acc(() => height, (v) => (height = v));
  chart.nodeLegendTitle = acc(() => nodeLegendTitle, (v) => (nodeLegendTitle = v));
  chart.linkLegendTitle = acc(() => linkLegendTitle, (v) => (linkLegendTitle = v));
  chart.title = acc(() => title, (v) => (title = v));
  chart.probe = acc(() => probe, (v) => (probe = v));
  chart.overlay = ((v?: NetworkOverlay<unknown> | null) => {
    if (v === undefined) return overlay;
    overlay = v;
    bindOverlay();
    if (m.nodes.length > 0) drawLegend();
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
  chart.drawn = drawnNow;
  return chart;
}
