import {
  axisBottom, bisector, brushX, extent, max, scaleBand, scaleSqrt, scaleTime, select, symbol as d3symbol, symbolCircle, zoom as d3zoom, zoomIdentity,
  type BrushBehavior, type D3BrushEvent, type D3ZoomEvent, type SymbolType, type ZoomBehavior, type ZoomTransform,
} from 'd3';
import { legend, type LegendItem } from './legend.js';
import { binItems, chooseLanes, packBand } from './timeline-bins.js';
import { timelineRenderer } from './timeline-render.js';
import {
  BAND_GAP, BAND_ROW, CONTEXT_H, DAY, MARGIN, OTHERS, OTHERS_STEP, type BandItem, type Item, type PlacedBandItem, type Timeline,
} from './timeline-types.js';

export type { BandItem, Timeline } from './timeline-types.js';

/**
 * A reusable zoomable timeline (Bostock's reusable-chart closure): one lane
 * per key (actor or source; pinned keys first, the quietest folded into an
 * "Others" lane that opens on a click), one mark per item, coloured by a key (the cue
 * class). Items known only to the week, month or year are drawn as ranges.
 * When a window holds more than `markLimit` items they aggregate into bins
 * of `binPx` pixels per lane, which split back into marks as you zoom in, so
 * the SVG stays bounded at any data size. A context strip below holds a
 * d3-brush over the whole span, linked both ways with d3-zoom.
 *
 * An optional band above the lanes (`band(items)`) holds other dated things
 * (the events statements were made at): a symbol for a day-precise item, a
 * bar from start to end for one known only to a week or a month, coloured and
 * shaped by a key, packed into rows so they do not overlap, moving with the
 * same zoom and brush.
 *
 *   const tl = timeline<Row>().start(d => d.date).lane(d => d.actorId)
 *     .on('select', d => ...).on('window', ([a, b]) => ...);
 *   container.append(tl(rows));     // later: tl(otherRows) updates in place
 *
 * The chart never fetches and only touches its own element. Its pure parts
 * (lanes, bins, band rows, mark stacking) are ./timeline-bins.ts, drawing
 * ./timeline-render.ts, types ./timeline-types.ts.
 */
export function timeline<T>(): Timeline<T> {
  // ---- options, every one defaulted ----
  let id = (d: T) => String((d as { id?: unknown }).id);
  let start: (d: T) => Date | null = () => null;
  let end: (d: T) => Date | null = () => null;
  let lane: (d: T) => string = () => '';
  let laneLabel: (key: string) => string = (k) => k;
  let colorKey: (d: T) => string = () => 'other';
  let color: (key: string) => string = () => '#888';
  let describe: (d: T) => string[] = (d) => [id(d)];
  let width = 960;
  let laneHeight = 26;
  let maxLanes = 14;
  let markLimit = 1500;
  let binPx = 6;
  let legendTitle = 'Colour';
  let title = 'Timeline';
  let selectedId: string | null = null;
  let pendingWindow: [Date, Date] | null = null;
  let onSelect: ((d: T) => void) | null = null;
  let onWindow: ((w: [Date, Date] | null) => void) | null = null;
  let onBand: ((d: BandItem) => void) | null = null;
  let bandData: readonly BandItem[] = [];
  let bandTitle = 'Events';
  let bandColor: (key: string) => string = () => '#555';
  let bandSymbol: (key: string) => SymbolType = () => symbolCircle;
  let pinned: readonly string[] = [];
  let onLanes: ((n: number) => void) | null = null;

  // ---- state that survives updates ----
  let items: Item<T>[] = [];
  let lastData: readonly T[] = [];
  let lanes: string[] = [];
  let colorKeys: string[] = [];
  let maxSpan = 0;
  let drawnCounts = { marks: 0, bins: 0, items: 0, band: 0 };
  let placed: PlacedBandItem[] = [];
  let bandRows = 0;
  let windowTimer: ReturnType<typeof setTimeout> | undefined;
  let currentTransform: ZoomTransform = zoomIdentity;
  let suppressWindowEvent = false;
  // Set while zoom and brush update each other, so neither echoes back.
  let syncing = false;

  const root = document.createElement('div');
  root.className = 'cg-timeline';
  const legendChart = legend();
  const bandLegend = legend();
  const legendSlot = document.createElement('div');
  legendSlot.className = 'cg-legend-slot';
  const svgSel = select(root).append('svg').attr('class', 'cg-timeline-svg').attr('role', 'group');
  root.append(legendSlot);
  const tooltip = select(root).append('div').attr('class', 'cg-tooltip').attr('role', 'tooltip').attr('hidden', '');
  const clipId = `cg-tl-clip-${Math.random().toString(36).slice(2, 9)}`;
  const defs = svgSel.append('defs');
  const clipRect = defs.append('clipPath').attr('id', clipId).append('rect');
  const focus = svgSel.append('g').attr('class', 'focus');
  const laneBg = focus.append('g').attr('class', 'lanes');
  const bandBg = focus.append('g').attr('class', 'band');
  bandBg.append('rect').attr('class', 'band-bg');
  bandBg.append('text').attr('class', 'band-label');
  const zoomRect = focus.append('rect').attr('class', 'zoom-surface').attr('tabindex', 0).attr('role', 'application');
  // The band's marks come first in the tab order: a few events before many statements.
  const bandG = focus.append('g').attr('class', 'band-marks').attr('clip-path', `url(#${clipId})`).attr('role', 'group');
  const marksG = focus.append('g').attr('class', 'marks').attr('clip-path', `url(#${clipId})`);
  const xAxisG = focus.append('g').attr('class', 'axis x');
  const context = svgSel.append('g').attr('class', 'context');
  const overviewG = context.append('g').attr('class', 'overview');
  const x2AxisG = context.append('g').attr('class', 'axis x2');
  const brushG = context.append('g').attr('class', 'brush');

  const x = scaleTime();
  const x2 = scaleTime();
  const y = scaleBand<string>().paddingInner(0.12);
  let zoomB: ZoomBehavior<SVGGElement, unknown> | null = null;
  let brushB: BrushBehavior<unknown> | null = null;

  const renderer = timelineRenderer<T>({
    root, marksG, bandG, tooltip, x, y,
    color: () => color, describe: () => describe, selectedId: () => selectedId, bandColor: () => bandColor, bandSymbol: () => bandSymbol,
    onSelect: (d) => onSelect?.(d),
    onBand: (p) => onBand?.(p),
    onBin: (t0, t1) => {
      const padT = (t1 - t0) * 2;
      applyWindow([new Date(t0 - padT), new Date(t1 + padT)], true);
    },
  });

  const byStart = bisector<Item<T>, number>((it) => it.t0).left;

  function innerWidth() {
    return Math.max(50, width - MARGIN.left - MARGIN.right);
  }

  const chart = ((data: readonly T[]) => {
    // ---- compute values ----
    lastData = data;
    items = [];
    maxSpan = 0;
    for (const d of data) {
      const s = start(d);
      if (!s || Number.isNaN(+s)) continue;
      const e = end(d);
      const t0 = +s;
      const t1 = e && +e > t0 ? +e : t0;
      maxSpan = Math.max(maxSpan, t1 - t0);
      items.push({ d, id: id(d), t0, t1, lane: lane(d), ck: colorKey(d), li: 0, ci: 0 });
    }
    items.sort((a, b) => a.t0 - b.t0);

    // Lanes: the pinned keys, the busiest keys, the rest folded into one "others" lane.
    const choice = chooseLanes(items, maxLanes, pinned);
    lanes = choice.lanes;
    ({ placed, rows: bandRows } = packBand(bandData));
    const laneIndex = new Map(lanes.map((l, i) => [l, i]));
    colorKeys = [...new Set(items.map((it) => it.ck))];
    const colorIndex = new Map(colorKeys.map((k, i) => [k, i]));
    for (const it of items) {
      it.li = laneIndex.get(it.lane) ?? 0;
      it.ci = colorIndex.get(it.ck) ?? 0;
    }

    // ---- scales ----
    const iw = innerWidth();
    const bandH = bandRows > 0 ? bandRows * BAND_ROW + BAND_GAP : 0;
    const lanesH = Math.max(1, lanes.length) * laneHeight;
    const focusH = bandH + lanesH;
    const height = MARGIN.top + focusH + MARGIN.bottom + CONTEXT_H + 26;
    const [lo, hi] = extent([...items.flatMap((it) => [it.t0, it.t1]), ...placed.flatMap((p) => [p.t0, p.t1])]);
    const pad = lo === undefined || hi === undefined ? DAY : Math.max(DAY, (hi - lo) * 0.03);
    const d0 = new Date((lo ?? Date.now()) - pad);
    const d1 = new Date((hi ?? Date.now()) + pad);
    x2.domain([d0, d1]).range([0, iw]);
    x.domain(currentTransform.rescaleX(x2).domain()).range([0, iw]);
    y.domain(lanes).range([bandH, focusH]);

    svgSel
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('width', width)
      .attr('height', height)
      .attr('aria-label', `${title}: ${items.length} dated items in ${lanes.length} lanes${placed.length ? `; ${placed.length} ${bandTitle.toLowerCase()} above them` : ''}`);
    bandBg.attr('display', bandH > 0 ? null : 'none');
    bandBg.select('rect').attr('x', -MARGIN.left).attr('width', iw + MARGIN.left).attr('height', Math.max(0, bandH - BAND_GAP / 2));
    bandBg.select('text').attr('x', -8).attr('y', (bandH - BAND_GAP) / 2).attr('dy', '0.35em').attr('text-anchor', 'end').text(bandTitle);
    bandG.attr('aria-label', bandTitle);
    clipRect.attr('width', iw).attr('height', focusH + 1);
    focus.attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
    zoomRect.attr('width', iw).attr('height', focusH)
      .attr('aria-label', 'Timeline window: drag or scroll to pan and zoom; arrow keys pan, + and - zoom');
    xAxisG.attr('transform', `translate(0,${focusH})`);
    context.attr('transform', `translate(${MARGIN.left},${MARGIN.top + focusH + MARGIN.bottom + 4})`);
    x2AxisG.attr('transform', `translate(0,${CONTEXT_H})`).call(axisBottom(x2).ticks(Math.max(2, iw / 110)));

    // Lane backgrounds and labels.
    laneBg
      .selectAll<SVGGElement, string>('g.lane')
      .data(lanes, (k) => k)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'lane');
        g.append('rect').attr('class', 'lane-bg');
        g.append('text').attr('class', 'lane-label');
        return g;
      })
      .attr('transform', (k) => `translate(0,${y(k)})`)
      .call((g) => {
        g.select('rect').attr('x', -MARGIN.left).attr('width', iw + MARGIN.left).attr('height', y.bandwidth());
        g.select('text')
          .attr('x', -8)
          .attr('y', y.bandwidth() / 2)
          .attr('dy', '0.35em')
          .attr('text-anchor', 'end')
          .text((k) => (k === OTHERS ? `Others (${choice.folded}) ▸` : truncate(laneLabel(k), LABEL_CHARS)));
        // The whole name on hover when it was cut.
        g.select('text').selectAll('title').data((k) => (k !== OTHERS && laneLabel(k).length > LABEL_CHARS ? [laneLabel(k)] : [])).join('title').text((t) => t);
      })
      .attr('aria-label', (k) => (k === OTHERS ? `Others: ${choice.folded} lanes folded together; press to show ${Math.min(OTHERS_STEP, choice.folded)} more` : laneLabel(k)))
      .attr('data-lane', (k) => (k === OTHERS ? 'others' : k))
      .attr('role', (k) => (k === OTHERS ? 'button' : null))
      .attr('tabindex', (k) => (k === OTHERS ? 0 : null))
      .classed('is-others', (k) => k === OTHERS)
      .classed('is-pinned', (k) => pinned.includes(k))
      .on('click', (event: MouseEvent, k) => {
        if (k !== OTHERS) return;
        event.stopPropagation();
        openOthers();
      })
      .on('keydown', (event: KeyboardEvent, k) => {
        if (k !== OTHERS || (event.key !== 'Enter' && event.key !== ' ')) return;
        event.preventDefault();
        openOthers();
      });

    // Overview: counts over the whole span, drawn once per data.
    const nb = Math.max(1, Math.floor(iw / 4));
    const counts = new Array<number>(nb).fill(0);
    for (const it of items) {
      const b = Math.min(nb - 1, Math.max(0, Math.floor((x2(it.t0) / iw) * nb)));
      counts[b]! += 1;
    }
    const cmax = max(counts) ?? 1;
    const h = scaleSqrt().domain([0, cmax || 1]).range([0, CONTEXT_H - 4]);
    overviewG
      .selectAll('rect')
      .data(counts)
      .join('rect')
      .attr('x', (_, i) => (i * iw) / nb)
      .attr('width', Math.max(1, iw / nb - 0.5))
      .attr('y', (c) => CONTEXT_H - h(c))
      .attr('height', (c) => h(c));

    // ---- zoom and brush, linked ----
    const maxK = Math.max(1, (+d1 - +d0) / (DAY / 4));
    zoomB = d3zoom<SVGGElement, unknown>()
      .scaleExtent([1, maxK])
      .extent([[0, 0], [iw, focusH]])
      .translateExtent([[0, 0], [iw, focusH]])
      .filter((event: Event) => {
        // Double-click on a mark opens it; wheel and drags on the surface zoom.
        if (event.type === 'dblclick') return false;
        return !(event as MouseEvent).button;
      })
      .on('zoom', zoomed);
    brushB = brushX<unknown>()
      .extent([[0, 0], [iw, CONTEXT_H]])
      .on('brush end', brushed);
    // Zoom lives on the whole focus group, so wheel and drag over marks zoom too; a click without movement still reaches the mark.
    focus.call(zoomB).on('dblclick.zoom', null);
    zoomRect.on('keydown', keyed);
    brushG.call(brushB);
    brushG.selectAll('.overlay').attr('aria-hidden', 'true');

    // Restore the current window (or one requested before the data came).
    if (pendingWindow) {
      const w = pendingWindow;
      pendingWindow = null;
      applyWindow(w, false);
    } else {
      suppressWindowEvent = true;
      focus.call(zoomB.transform, currentTransform);
      suppressWindowEvent = false;
    }
    xAxisG.call(axisBottom(x).ticks(Math.max(2, iw / 110)));

    // ---- legend ----
    const present = new Set(items.map((it) => it.ck));
    const legItems: LegendItem[] = [...present].sort(legendOrder).map((k) => ({ key: k, label: k, color: color(k) }));
    if (items.some((it) => it.t1 > it.t0)) legItems.push({ key: '__range', label: 'date known to week/month', color: '#777', shape: 'range' });
    if (items.length > markLimit) legItems.push({ key: '__bin', label: 'bin of many (click or zoom in)', color: '#777', shape: 'ring' });
    legendSlot.replaceChildren(legendChart.title(legendTitle).items(legItems)());
    if (placed.length > 0) {
      const keys = [...new Set(placed.map((p) => p.b.key))].sort();
      const bandItems: LegendItem[] = keys.map((k) => ({ key: k, label: k, color: bandColor(k), symbol: symbolPath(bandSymbol(k)) }));
      if (placed.some((p) => p.t1 > p.t0)) bandItems.push({ key: '__band_range', label: 'known to week/month', color: '#777', shape: 'range' });
      legendSlot.append(bandLegend.title(bandTitle).items(bandItems)());
    }

    render();
    return root;
  }) as unknown as Timeline<T>;

  function zoomed(event: D3ZoomEvent<SVGGElement, unknown>) {
    currentTransform = event.transform;
    x.domain(event.transform.rescaleX(x2).domain());
    xAxisG.call(axisBottom(x).ticks(Math.max(2, innerWidth() / 110)));
    if (brushB && !syncing) {
      const s = x.range().map((v) => event.transform.invertX(v)) as [number, number];
      const full = s[0] <= 0.5 && s[1] >= innerWidth() - 0.5;
      syncing = true;
      brushG.call(brushB.move, full ? null : s);
      syncing = false;
    }
    render();
    emitWindow();
  }

  function brushed(event: D3BrushEvent<unknown>) {
    if (syncing || !event.sourceEvent || !zoomB) return;
    const s = (event.selection as [number, number] | null) ?? [0, innerWidth()];
    if (s[1] - s[0] < 2) return;
    const t = zoomIdentity.scale(innerWidth() / (s[1] - s[0])).translate(-s[0], 0);
    syncing = true;
    focus.call(zoomB.transform, t);
    syncing = false;
  }

  function keyed(event: KeyboardEvent) {
    if (!zoomB) return;
    const iw = innerWidth();
    if (event.key === '+' || event.key === '=') chart.zoomBy(2);
    else if (event.key === '-' || event.key === '_') chart.zoomBy(0.5);
    else if (event.key === 'ArrowLeft') focus.call(zoomB.translateBy, iw / 8 / currentTransform.k, 0);
    else if (event.key === 'ArrowRight') focus.call(zoomB.translateBy, -iw / 8 / currentTransform.k, 0);
    else if (event.key === '0') focus.call(zoomB.transform, zoomIdentity);
    else return;
    event.preventDefault();
  }

  function applyWindow(w: [Date, Date] | null, emit: boolean) {
    if (!zoomB) {
      pendingWindow = w;
      return;
    }
    suppressWindowEvent = !emit;
    if (!w) focus.call(zoomB.transform, zoomIdentity);
    else {
      const a = x2(w[0]);
      const b = x2(w[1]);
      if (b - a > 0.5) focus.call(zoomB.transform, zoomIdentity.scale(innerWidth() / (b - a)).translate(-a, 0));
    }
    suppressWindowEvent = false;
  }

  function emitWindow() {
    if (suppressWindowEvent || !onWindow) return;
    clearTimeout(windowTimer);
    const w = currentWindow();
    windowTimer = setTimeout(() => onWindow?.(w), 250);
  }

  function currentWindow(): [Date, Date] | null {
    if (currentTransform.k === 1 && currentTransform.x === 0) return null;
    const [a, b] = x.domain() as [Date, Date];
    return [a, b];
  }

  // ---- render: marks when few, bins when many ----
  function render() {
    const t = performance.now();
    const [d0, d1] = x.domain().map(Number) as [number, number];
    const lo = byStart(items, d0 - maxSpan);
    const hi = byStart(items, d1 + 1);
    const visible: Item<T>[] = [];
    for (let i = lo; i < hi; i++) {
      const it = items[i]!;
      if (it.t1 >= d0) visible.push(it);
    }
    const bw = y.bandwidth();
    if (visible.length <= markLimit) {
      drawnCounts.marks = renderer.drawMarks(visible, bw);
      drawnCounts.bins = renderer.drawBins([], bw);
    } else {
      drawnCounts.marks = renderer.drawMarks([], bw);
      drawnCounts.bins = renderer.drawBins(binItems(visible, d0, d1, innerWidth(), binPx, colorKeys.length), bw);
    }
    drawnCounts.items = visible.length;
    drawnCounts.band = renderer.drawBand(placed, d0, d1);
    root.dataset.band = String(drawnCounts.band);
    root.dataset.marks = String(drawnCounts.marks);
    root.dataset.bins = String(drawnCounts.bins);
    performance.measure('timeline:render', { start: t, end: performance.now() });
  }

  /** Opens the "Others" lane: OTHERS_STEP more lanes, drawn again in place. */
  function openOthers() {
    maxLanes += OTHERS_STEP;
    chart(lastData);
    onLanes?.(maxLanes);
    root.querySelector<SVGGElement>('g.lane.is-others')?.focus();
  }

  // ---- getters and setters ----
  const acc = <K>(get: () => K, set: (v: K) => void) =>
    ((v?: K) => (v === undefined ? get() : (set(v), chart))) as never;
  chart.id = acc(() => id, (v) => (id = v));
  chart.start = acc(() => start, (v) => (start = v));
  chart.end = acc(() => end, (v) => (end = v));
  chart.lane = acc(() => lane, (v) => (lane = v));
  chart.laneLabel = acc(() => laneLabel, (v) => (laneLabel = v));
  chart.colorKey = acc(() => colorKey, (v) => (colorKey = v));
  chart.color = acc(() => color, (v) => (color = v));
  chart.describe = acc(() => describe, (v) => (describe = v));
  chart.width = acc(() => width, (v) => (width = v));
  chart.laneHeight = acc(() => laneHeight, (v) => (laneHeight = v));
  chart.maxLanes = acc(() => maxLanes, (v) => (maxLanes = Math.max(2, v)));
  chart.markLimit = acc(() => markLimit, (v) => (markLimit = v));
  chart.binPx = acc(() => binPx, (v) => (binPx = v));
  chart.legendTitle = acc(() => legendTitle, (v) => (legendTitle = v));
  chart.title = acc(() => title, (v) => (title = v));
  chart.selected = ((v?: string | null) => {
    if (v === undefined) return selectedId;
    selectedId = v;
    marksG.selectAll<SVGGElement, Item<T>>('g.mark').classed('is-selected', (it) => it.id === selectedId);
    return chart;
  }) as Timeline<T>['selected'];
  chart.window = ((v?: [Date, Date] | null) => {
    if (v === undefined) return currentWindow();
    applyWindow(v, false);
    return chart;
  }) as Timeline<T>['window'];
  chart.zoomBy = (k: number) => {
    if (zoomB) focus.call(zoomB.scaleBy, k);
  };
  chart.on = ((type: string, fn: never) => {
    if (type === 'select') onSelect = fn;
    else if (type === 'window') onWindow = fn;
    else if (type === 'band') onBand = fn;
    else if (type === 'lanes') onLanes = fn;
    return chart;
  }) as Timeline<T>['on'];
  chart.pinned = acc(() => pinned, (v) => (pinned = v));
  chart.band = acc(() => bandData, (v) => (bandData = v));
  chart.bandTitle = acc(() => bandTitle, (v) => (bandTitle = v));
  chart.bandColor = acc(() => bandColor, (v) => (bandColor = v));
  chart.bandSymbol = acc(() => bandSymbol, (v) => (bandSymbol = v));
  chart.drawn = () => ({ ...drawnCounts });
  return chart;
}


/** The SVG path of a d3 symbol (legend swatches; the legend draws it in a box centred on 0,0). */
function symbolPath(type: SymbolType): string {
  return d3symbol(type, 70)() ?? '';
}

/** Characters of a lane label that fit the 150 px margin at 12 px (wider ones were cut at the left edge). */
const LABEL_CHARS = 19;

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

const LEGEND_ORDER = ['accuse', 'warn', 'criticize', 'deny', 'demand', 'support', 'say', 'report', 'describe', 'announce', 'ask', 'belief', 'intention', 'evidence', 'other'];
function legendOrder(a: string, b: string): number {
  const ia = LEGEND_ORDER.indexOf(a);
  const ib = LEGEND_ORDER.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}

