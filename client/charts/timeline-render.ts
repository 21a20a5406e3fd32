import { max, scaleSqrt, select, symbol as d3symbol, type ScaleBand, type ScaleTime, type Selection, type SymbolType } from 'd3';
import { laneRows, rowCentre, stackMarks } from './timeline-bins.js';
import { BAND_MAX_LABELLED, BAND_ROW, DAY, type BandItem, type Bin, type Item, type PlacedBandItem } from './timeline-types.js';

/**
 * The timeline's drawing into its SVG groups: marks (stacked or spread so
 * marks of one day do not cover each other), bins, the band's events, and the
 * hover card. Keyed d3 joins; per frame only positions change. The chart
 * (./timeline.ts) owns the scales and hands them in through `env`.
 */
export interface RenderEnv<T> {
  root: HTMLElement;
  marksG: Selection<SVGGElement, unknown, null, undefined>;
  bandG: Selection<SVGGElement, unknown, null, undefined>;
  tooltip: Selection<HTMLDivElement, unknown, null, undefined>;
  x: ScaleTime<number, number>;
  y: ScaleBand<string>;
  color: () => (key: string) => string;
  describe: () => (d: T) => string[];
  selectedId: () => string | null;
  bandColor: () => (key: string) => string;
  bandSymbol: () => (key: string) => SymbolType;
  onSelect: (d: T) => void;
  onBand: (b: BandItem) => void;
  /** A bin was clicked: zoom to around it. */
  onBin: (t0: number, t1: number) => void;
}

export function timelineRenderer<T>(env: RenderEnv<T>) {
  const { marksG, bandG, tooltip, x, y } = env;

  function drawMarks(visible: Item<T>[], bw: number): number {
    const r = Math.max(3, Math.min(5, bw / 5));
    const color = env.color();
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
            env.onSelect(it.d);
          })
          .on('keydown', (event: KeyboardEvent, it) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              env.onSelect(it.d);
            }
          })
          .on('mouseenter focus', function (_event: Event, it) {
            showTipLines(this as SVGGElement, env.describe()(it.d));
          })
          .on('mouseleave blur', hideTip);
        g.append('rect').attr('class', 'mark-shape');
        // Static per item: set once on enter, not on every zoom frame.
        g.attr('data-id', (it) => it.id)
          .attr('aria-label', (it) => env.describe()(it.d).join('. '))
          .classed('is-range', (it) => it.t1 - it.t0 > DAY * 1.5);
        return g;
      })
      .classed('is-selected', (it) => it.id === env.selectedId());
    // Points of one lane that would cover each other stack in sub-rows, then spread within their day.
    const rows = laneRows(bw, r);
    const points = visible.filter((it) => it.t1 - it.t0 <= DAY * 1.5);
    const spots = points.map((it) => {
      const px = x(it.t0);
      return { lane: it.li, x: px, maxX: Math.max(px, x(it.t0 + DAY) - r) };
    });
    const placed = new Map<Item<T>, { row: number; x: number }>();
    stackMarks(spots, r, rows).forEach((p, i) => placed.set(points[i]!, p));
    sel.each(function (it) {
      const g = select(this);
      const x0 = x(it.t0);
      const range = it.t1 - it.t0 > DAY * 1.5;
      const p = placed.get(it);
      const laneTop = y(it.lane) ?? 0;
      const cy = laneTop + (p ? rowCentre(p.row, rows, bw, r) : bw / 2);
      g.attr('transform', `translate(${range ? x0 : (p?.x ?? x0) - r},${cy - r})`);
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
          .attr('stroke', range ? color(it.ck) : '#fff');
      }
    });
    return visible.length;
  }

  function drawBins(bins: Bin<T>[], bw: number): number {
    const color = env.color();
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
            env.onBin(b.t0, b.t1);
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
    return bins.length;
  }

  function drawBand(placed: readonly PlacedBandItem[], d0: number, d1: number): number {
    const bandColor = env.bandColor();
    const bandSymbol = env.bandSymbol();
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
            env.onBand(p.b);
          })
          .on('keydown', (event: KeyboardEvent, p) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              env.onBand(p.b);
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
    return visible.length;
  }

  function showTipLines(anchor: Element, lines: string[]) {
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
    const host = env.root.getBoundingClientRect();
    tip.hidden = false;
    const left = Math.min(box.left - host.left + 12, host.width - tip.offsetWidth - 4);
    tooltip.style('left', `${Math.max(0, left)}px`).style('top', `${box.bottom - host.top + 6}px`);
  }

  function hideTip() {
    tooltip.attr('hidden', '');
  }

  return { drawMarks, drawBins, drawBand, showTipLines, hideTip };
}
