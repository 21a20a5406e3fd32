import {
  axisBottom, bisector, brushX, extent, max, scaleBand, scaleSqrt, scaleTime, select, symbol as d3symbol, symbolCircle, zoom as d3zoom, zoomIdentity,
  type BrushBehavior, type D3BrushEvent, type D3ZoomEvent, type SymbolType, type ZoomBehavior, type ZoomTransform,
} from 'd3';
import { legend, type LegendItem } from './legend.js';

/**
 * A reusable zoomable timeline (Bostock's reusable-chart closure): one lane
 * per key (actor or source), one mark per item, coloured by a key (the cue
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
 * The chart never fetches and only touches its own element.
 */
export interface Timeline<T> {
  (data: readonly T[]): HTMLElement;
  /** Stable id of an item (used for keyed joins and `selected`). */
  id(): (d: T) => string;
  id(f: (d: T) => string): Timeline<T>;
  /** When the item starts. Items returning null are not drawn. */
  start(): (d: T) => Date | null;
  start(f: (d: T) => Date | null): Timeline<T>;
  /** When an imprecise item ends (exclusive); null or equal to start for a point. */
  end(): (d: T) => Date | null;
  end(f: (d: T) => Date | null): Timeline<T>;
  lane(): (d: T) => string;
  lane(f: (d: T) => string): Timeline<T>;
  /** Display name of a lane key. */
  laneLabel(): (key: string) => string;
  laneLabel(f: (key: string) => string): Timeline<T>;
  colorKey(): (d: T) => string;
  colorKey(f: (d: T) => string): Timeline<T>;
  color(): (key: string) => string;
  color(f: (key: string) => string): Timeline<T>;
  /** Lines of the hover card, rendered as text. */
  describe(): (d: T) => string[];
  describe(f: (d: T) => string[]): Timeline<T>;
  width(): number;
  width(v: number): Timeline<T>;
  laneHeight(): number;
  laneHeight(v: number): Timeline<T>;
  maxLanes(): number;
  maxLanes(v: number): Timeline<T>;
  markLimit(): number;
  markLimit(v: number): Timeline<T>;
  binPx(): number;
  binPx(v: number): Timeline<T>;
  legendTitle(): string;
  legendTitle(v: string): Timeline<T>;
  /** Accessible name of the chart. */
  title(): string;
  title(v: string): Timeline<T>;
  /** Highlighted item id. */
  selected(): string | null;
  selected(v: string | null): Timeline<T>;
  /** The visible window; setting it zooms (null: everything). */
  window(): [Date, Date] | null;
  window(v: [Date, Date] | null): Timeline<T>;
  /** Zooms the focus by a factor around its centre (keyboard and buttons). */
  zoomBy(k: number): void;
  on(type: 'select', fn: ((d: T) => void) | null): Timeline<T>;
  on(type: 'window', fn: ((w: [Date, Date] | null) => void) | null): Timeline<T>;
  /** A band item was clicked or chosen with Enter. */
  on(type: 'band', fn: ((d: BandItem) => void) | null): Timeline<T>;
  /** Items of the band above the lanes (none: no band). Set before drawing. */
  band(): readonly BandItem[];
  band(v: readonly BandItem[]): Timeline<T>;
  /** Name of the band (its row label and legend title). */
  bandTitle(): string;
  bandTitle(v: string): Timeline<T>;
  bandColor(): (key: string) => string;
  bandColor(f: (key: string) => string): Timeline<T>;
  bandSymbol(): (key: string) => SymbolType;
  bandSymbol(f: (key: string) => SymbolType): Timeline<T>;
  /** Number of individual marks and of bins currently drawn (for tests and the status line). */
  drawn(): { marks: number; bins: number; items: number; band: number };
}

/** A dated thing drawn in the band above the lanes. */
export interface BandItem {
  id: string;
  start: Date;
  /** Exclusive end of a range (a week, a month); null or equal to start for a point. */
  end: Date | null;
  /** Colour and shape key (an event type). */
  key: string;
  /** Short text drawn beside the mark when there is room. */
  label: string;
  /** Lines of the hover card, rendered as text. */
  lines: string[];
}

interface PlacedBandItem {
  b: BandItem;
  t0: number;
  t1: number;
  row: number;
  /** Whether its label is drawn now (so a frame writes the DOM only on change). */
  labelled?: boolean;
}

interface Item<T> {
  d: T;
  id: string;
  t0: number;
  t1: number; // == t0 for a point
  lane: string;
  ck: string;
  /** Lane and colour-key indexes, so binning does no string work per item. */
  li: number;
  ci: number;
}

interface Bin<T> {
  key: string;
  lane: string;
  t0: number;
  t1: number;
  count: number;
  ck: string;
  first: Item<T>;
}

const DAY = 86_400_000;
const MARGIN = { top: 8, right: 18, bottom: 22, left: 150 };
const CONTEXT_H = 44;
/** Height of one row of the band, the most rows it packs into, and the gap under it. */
const BAND_ROW = 22;
const BAND_MAX_ROWS = 4;
const BAND_GAP = 6;
/** Above this many events in view, none is labelled (there is no room, and it saves work per frame). */
const BAND_MAX_LABELLED = 300;

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

  // ---- state that survives updates ----
  let items: Item<T>[] = [];
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

  const byStart = bisector<Item<T>, number>((it) => it.t0).left;

  function innerWidth() {
    return Math.max(50, width - MARGIN.left - MARGIN.right);
  }

  const chart = ((data: readonly T[]) => {
    // ---- compute values ----
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

    // Lanes: the busiest keys, the rest folded into one "others" lane.
    const laneCounts = new Map<string, number>();
    for (const it of items) laneCounts.set(it.lane, (laneCounts.get(it.lane) ?? 0) + 1);
    const ordered = [...laneCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
    if (ordered.length > maxLanes) {
      const keep = new Set(ordered.slice(0, maxLanes - 1));
      for (const it of items) if (!keep.has(it.lane)) it.lane = OTHERS;
      lanes = [...ordered.slice(0, maxLanes - 1), OTHERS];
    } else lanes = ordered;
    placeBand();
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
          .text((k) => truncate(k === OTHERS ? `Others (${ordered.length - maxLanes + 1})` : laneLabel(k), 22));
      })
      .attr('aria-label', (k) => (k === OTHERS ? 'Other lanes' : laneLabel(k)));

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
      drawMarks(visible, bw);
      drawBins([], bw);
    } else {
      drawMarks([], bw);
      drawBins(binItems(visible), bw);
    }
    drawnCounts.items = visible.length;
    drawBand(d0, d1);
    root.dataset.band = String(drawnCounts.band);
    root.dataset.marks = String(drawnCounts.marks);
    root.dataset.bins = String(drawnCounts.bins);
    performance.measure('timeline:render', { start: t, end: performance.now() });
  }

  /**
   * Bins on a grid anchored at the epoch whose width is a power of two of
   * minutes: panning keeps every bin's key (only x moves) and zooming changes
   * the grid only when the width crosses a power of two, so the SVG is not
   * rebuilt on every frame.
   */
  function binItems(visible: Item<T>[]): Bin<T>[] {
    const [d0, d1] = x.domain().map(Number) as [number, number];
    const msPerPx = (d1 - d0) / innerWidth();
    const level = Math.max(0, Math.ceil(Math.log2((msPerPx * binPx) / 60_000)));
    const binMs = 60_000 * 2 ** level;
    const nk = colorKeys.length;
    const bins = new Map<number, Bin<T> & { cks: Int32Array; best: number }>();
    const b0 = Math.floor(d0 / binMs) - 1;
    const span = Math.ceil((d1 - d0) / binMs) + 3;
    for (const it of visible) {
      const b = Math.floor((it.t0 + it.t1) / 2 / binMs) - b0;
      if (b < 0 || b >= span) continue;
      const key = it.li * span + b;
      let bin = bins.get(key);
      if (!bin) {
        const t = (b + b0) * binMs;
        bin = { key: `${level}:${it.lane}:${b + b0}`, lane: it.lane, t0: t, t1: t + binMs, count: 0, ck: it.ck, first: it, cks: new Int32Array(nk), best: it.ci };
        bins.set(key, bin);
      }
      bin.count++;
      const c = ++bin.cks[it.ci]!;
      if (c > bin.cks[bin.best]!) {
        bin.best = it.ci;
        bin.ck = it.ck;
      }
    }
    return [...bins.values()];
  }

  function drawMarks(visible: Item<T>[], bw: number) {
    const r = Math.max(3, Math.min(6, bw / 4));
    const sel = marksG
      .selectAll<SVGGElement, Item<T>>('g.mark')
      .data(visible, (it) => it.id)
      .join((enter) => {
        const g = enter
          .append('g')
          .attr('class', 'mark')
          .attr('tabindex', 0)
          .attr('role', 'button')
          .on('click', (event: MouseEvent, it) => {
            event.stopPropagation();
            onSelect?.(it.d);
          })
          .on('keydown', (event: KeyboardEvent, it) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              onSelect?.(it.d);
            }
          })
          .on('mouseenter focus', function (event: Event, it) {
            showTip(this as SVGGElement, it.d);
          })
          .on('mouseleave blur', hideTip);
        g.append('rect').attr('class', 'mark-shape');
        // Static per item: set once on enter, not on every zoom frame.
        g.attr('data-id', (it) => it.id)
          .attr('aria-label', (it) => describe(it.d).join('. '))
          .classed('is-range', (it) => it.t1 - it.t0 > DAY * 1.5);
        return g;
      })
      .classed('is-selected', (it) => it.id === selectedId);
    sel.each(function (it) {
      const g = select(this);
      const x0 = x(it.t0);
      const range = it.t1 - it.t0 > DAY * 1.5;
      const cy = (y(it.lane) ?? 0) + bw / 2 + jitterOf(it.id) * Math.min(bw / 4, 5);
      g.attr('transform', `translate(${range ? x0 : x0 - r},${cy - r})`);
      const rect = g.select('rect');
      if (range) rect.attr('width', Math.max(2 * r, x(it.t1) - x0));
      if (g.attr('data-r') !== String(r)) {
        g.attr('data-r', r);
        rect
          .attr('width', range ? Math.max(2 * r, x(it.t1) - x0) : 2 * r)
          .attr('height', 2 * r)
          .attr('rx', r)
          .attr('fill', color(it.ck))
          .attr('fill-opacity', range ? 0.35 : 0.9)
          .attr('stroke', color(it.ck));
      }
    });
    drawnCounts.marks = visible.length;
  }

  function drawBins(bins: Bin<T>[], bw: number) {
    const maxC = max(bins, (b) => b.count) ?? 1;
    const hs = scaleSqrt().domain([0, maxC]).range([3, bw - 2]);
    marksG
      .selectAll<SVGRectElement, Bin<T>>('rect.bin')
      .data(bins, (b) => b.key)
      .join((enter) =>
        enter
          .append('rect')
          .attr('class', 'bin')
          .on('click', (event: MouseEvent, b) => {
            event.stopPropagation();
            const padT = (b.t1 - b.t0) * 2;
            applyWindow([new Date(b.t0 - padT), new Date(b.t1 + padT)], true);
          })
          .on('mouseenter', function (_e: Event, b) {
            showTipLines(this as SVGRectElement, [`${b.count} statements`, `mostly ${b.ck}`, 'click to zoom in']);
          })
          .on('mouseleave', hideTip),
      )
      .attr('x', (b) => x(b.t0))
      .attr('width', (b) => Math.max(1, x(b.t1) - x(b.t0) - 1))
      .attr('y', (b) => (y(b.lane) ?? 0) + (bw - hs(b.count)) / 2)
      .attr('height', (b) => hs(b.count))
      .attr('fill', (b) => color(b.ck));
    drawnCounts.bins = bins.length;
  }

  /** Rows for the band: greedy by start, a point taking at least a day, so overlapping items stack. */
  function placeBand() {
    placed = [];
    const rowEnds: number[] = [];
    const sorted = bandData
      .filter((b) => !Number.isNaN(+b.start))
      .map((b): PlacedBandItem => ({ b, t0: +b.start, t1: b.end && +b.end > +b.start ? +b.end : +b.start, row: 0 }))
      .sort((a, b) => a.t0 - b.t0 || a.b.id.localeCompare(b.b.id));
    for (const p of sorted) {
      let row = rowEnds.findIndex((end) => end <= p.t0);
      if (row < 0 && rowEnds.length < BAND_MAX_ROWS) row = rowEnds.length;
      // Every row is busy: the one that frees first takes it (marks may then overlap).
      if (row < 0) row = rowEnds.indexOf(Math.min(...rowEnds));
      p.row = row;
      rowEnds[row] = Math.max(rowEnds[row] ?? 0, Math.max(p.t1, p.t0 + DAY));
      placed.push(p);
    }
    bandRows = rowEnds.length;
  }

  function drawBand(d0: number, d1: number) {
    const visible = placed.filter((p) => p.t1 >= d0 && p.t0 <= d1);
    const sel = bandG
      .selectAll<SVGGElement, PlacedBandItem>('g.band-mark')
      .data(visible, (p) => p.b.id)
      .join((enter) => {
        const g = enter
          .append('g')
          .attr('class', 'band-mark')
          .attr('tabindex', 0)
          .attr('role', 'button')
          .on('click', (event: MouseEvent, p) => {
            event.stopPropagation();
            onBand?.(p.b);
          })
          .on('keydown', (event: KeyboardEvent, p) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              onBand?.(p.b);
            }
          })
          .on('mouseenter focus', function (_e: Event, p) {
            showTipLines(this as SVGGElement, p.b.lines);
          })
          .on('mouseleave blur', hideTip);
        // The group sits on the symbol; a range's bar starts 7 px left of it, the label 9 px right.
        g.append('rect').attr('class', 'band-span').attr('x', -7).attr('y', -5).attr('height', 10).attr('rx', 3);
        g.append('path').attr('class', 'band-symbol');
        g.append('text').attr('class', 'band-text').attr('dy', '0.35em').attr('x', 9).attr('display', 'none');
        g.attr('data-id', (p) => p.b.id)
          .attr('data-key', (p) => p.b.key)
          .attr('aria-label', (p) => p.b.lines.join('. '))
          .classed('is-range', (p) => p.t1 > p.t0);
        g.select('path').attr('d', (p) => d3symbol(bandSymbol(p.b.key), 90)()).attr('fill', (p) => bandColor(p.b.key));
        g.select('rect')
          .attr('fill', (p) => bandColor(p.b.key))
          .attr('stroke', (p) => bandColor(p.b.key))
          .attr('display', (p) => (p.t1 > p.t0 ? null : 'none'));
        g.select('text').text((p) => p.b.label);
        return g;
      });
    // Labels only where the next item of the row leaves room.
    const nextStart = new Map<PlacedBandItem, number>();
    const byRow = new Map<number, PlacedBandItem[]>();
    for (const p of visible) {
      const row = byRow.get(p.row);
      if (row) row.push(p);
      else byRow.set(p.row, [p]);
    }
    for (const row of byRow.values()) for (let i = 0; i < row.length; i++) nextStart.set(row[i]!, row[i + 1] ? x(row[i + 1]!.t0) : Infinity);
    // Per frame only the position, a bar's width and a label's visibility change, and only when they do.
    const labels = visible.length <= BAND_MAX_LABELLED;
    sel.each(function (p) {
      const xa = x(p.t0);
      const range = p.t1 > p.t0;
      // A range's symbol sits at its start, inside the bar, so the type reads even when the bar is long.
      const sx = range ? xa + 7 : xa;
      (this as SVGGElement).setAttribute('transform', `translate(${sx},${p.row * BAND_ROW + BAND_ROW / 2})`);
      if (range) (this.firstChild as SVGRectElement).setAttribute('width', String(Math.max(4, x(p.t1) - xa)));
      const show = labels && (nextStart.get(p) ?? Infinity) - sx - 15 >= p.b.label.length * 6.4;
      if (show !== p.labelled) {
        p.labelled = show;
        (this.lastChild as SVGTextElement).setAttribute('display', show ? 'inline' : 'none');
      }
    });
    drawnCounts.band = visible.length;
  }

  function showTip(anchor: SVGGraphicsElement, d: T) {
    showTipLines(anchor, describe(d));
  }

  function showTipLines(anchor: SVGGraphicsElement, lines: string[]) {
    const tip = tooltip.node()!;
    tip.replaceChildren(
      ...lines.map((l, i) => {
        const p = document.createElement('div');
        p.className = i === 0 ? 'tip-head' : 'tip-line';
        p.textContent = l;
        return p;
      }),
    );
    const box = anchor.getBoundingClientRect();
    const host = root.getBoundingClientRect();
    tip.hidden = false;
    const left = Math.min(box.left - host.left + 12, host.width - tip.offsetWidth - 4);
    tooltip.style('left', `${Math.max(0, left)}px`).style('top', `${box.bottom - host.top + 6}px`);
  }

  function hideTip() {
    tooltip.attr('hidden', '');
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
    return chart;
  }) as Timeline<T>['on'];
  chart.band = acc(() => bandData, (v) => (bandData = v));
  chart.bandTitle = acc(() => bandTitle, (v) => (bandTitle = v));
  chart.bandColor = acc(() => bandColor, (v) => (bandColor = v));
  chart.bandSymbol = acc(() => bandSymbol, (v) => (bandSymbol = v));
  chart.drawn = () => ({ ...drawnCounts });
  return chart;
}

const OTHERS = '\u0000others';

/** A stable vertical offset (-1, 0 or 1) per item so overlapping marks in a lane stay apart while zooming. */
function jitterOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return (Math.abs(h) % 3) - 1;
}

/** The SVG path of a d3 symbol (legend swatches; the legend draws it in a box centred on 0,0). */
function symbolPath(type: SymbolType): string {
  return d3symbol(type, 70)() ?? '';
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

const LEGEND_ORDER = ['accuse', 'warn', 'criticize', 'deny', 'demand', 'support', 'say', 'report', 'describe', 'announce', 'ask', 'belief', 'intention', 'evidence', 'other'];
function legendOrder(a: string, b: string): number {
  const ia = LEGEND_ORDER.indexOf(a);
  const ib = LEGEND_ORDER.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}

