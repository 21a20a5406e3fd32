import { BAND_MAX_ROWS, DAY, OTHERS, type BandItem, type Bin, type Item, type PlacedBandItem } from './timeline-types.js';

/**
 * The timeline's pure parts, apart from drawing: which lanes show, how items
 * aggregate into bins when too many are in view, how the band's events pack
 * into rows, and how marks of one lane that would cover each other stack or
 * spread. Unit-tested in test/client/chart-units.test.ts.
 */

export interface LaneChoice {
  /** Lane keys top to bottom (OTHERS last when some are folded). */
  lanes: string[];
  /** How many lanes "Others" folds together. */
  folded: number;
}

/**
 * Lanes: the pinned keys first (in their order, even without items), then the
 * busiest keys (ties by key) up to `maxLanes` in all; the rest fold into one
 * OTHERS lane. Items of folded lanes get `lane = OTHERS`.
 */
export function chooseLanes<T>(items: Item<T>[], maxLanes: number, pinned: readonly string[] = []): LaneChoice {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(it.lane, (counts.get(it.lane) ?? 0) + 1);
  const pins = [...new Set(pinned)];
  const pinSet = new Set(pins);
  const rest = [...counts.entries()].filter(([k]) => !pinSet.has(k)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k]) => k);
  const room = Math.max(0, maxLanes - pins.length);
  if (rest.length <= room) return { lanes: [...pins, ...rest], folded: 0 };
  const keep = rest.slice(0, Math.max(0, room - 1));
  const shown = new Set([...pins, ...keep]);
  for (const it of items) if (!shown.has(it.lane)) it.lane = OTHERS;
  return { lanes: [...pins, ...keep, OTHERS], folded: rest.length - keep.length };
}

/**
 * Bins on a grid anchored at the epoch whose width is a power of two of
 * minutes (at least `binPx` pixels at the current scale): panning keeps every
 * bin's key (only x moves) and zooming changes the grid only when the width
 * crosses a power of two. A bin's colour key is its most frequent one.
 * `visible` items carry lane and colour indexes (li, ci); `nColors` keys exist.
 */
export function binItems<T>(visible: readonly Item<T>[], d0: number, d1: number, widthPx: number, binPx: number, nColors: number): Bin<T>[] {
  const msPerPx = (d1 - d0) / widthPx;
  const level = Math.max(0, Math.ceil(Math.log2((msPerPx * binPx) / 60_000)));
  const binMs = 60_000 * 2 ** level;
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
      bin = { key: `${level}:${it.lane}:${b + b0}`, lane: it.lane, t0: t, t1: t + binMs, count: 0, ck: it.ck, first: it, cks: new Int32Array(Math.max(1, nColors)), best: it.ci };
      bins.set(key, bin);
    }
    bin.count++;
    const c = ++bin.cks[it.ci]!;
    if (c > bin.cks[bin.best]!) {
      bin.best = it.ci;
      bin.ck = it.ck;
    }
  }
  return [...bins.values()].map(({ cks: _c, best: _b, ...bin }) => bin);
}

/**
 * Rows for the band: greedy by start (ties by id), a point taking at least a
 * day, so items that overlap in time go to different rows; when every one of
 * `maxRows` rows is busy, the row that frees first takes the item.
 */
export function packBand(data: readonly BandItem[], maxRows = BAND_MAX_ROWS): { placed: PlacedBandItem[]; rows: number } {
  const rowEnds: number[] = [];
  const placed: PlacedBandItem[] = [];
  const sorted = data
    .filter((b) => !Number.isNaN(+b.start))
    .map((b): PlacedBandItem => ({ b, t0: +b.start, t1: b.end && +b.end > +b.start ? +b.end : +b.start, row: 0 }))
    .sort((a, b) => a.t0 - b.t0 || (a.b.id < b.b.id ? -1 : a.b.id > b.b.id ? 1 : 0));
  for (const p of sorted) {
    let row = rowEnds.findIndex((end) => end <= p.t0);
    if (row < 0 && rowEnds.length < maxRows) row = rowEnds.length;
    if (row < 0) row = rowEnds.indexOf(Math.min(...rowEnds));
    p.row = row;
    rowEnds[row] = Math.max(rowEnds[row] ?? 0, Math.max(p.t1, p.t0 + DAY));
    placed.push(p);
  }
  return { placed, rows: rowEnds.length };
}

/** A point mark to place in its lane: lane index, x on screen, and how far right it may move (the end of its day). */
export interface MarkSpot {
  lane: number;
  x: number;
  maxX: number;
}

/**
 * Where point marks go so they do not cover each other: marks are taken by
 * lane, left to right; each takes the first of `rows` rows (sub-rows of its
 * lane) whose last mark ends at least a diameter (2r) to its left; when every
 * row is busy it moves right, after the row that frees first, as far as
 * `maxX` (its own day, or 2r past it when a day is narrower than a mark) and
 * only then overlaps. Returns each mark's row and x, in input order.
 */
export function stackMarks(spots: readonly MarkSpot[], r: number, rows: number): { row: number; x: number }[] {
  const d = 2 * r;
  const order = spots.map((_, i) => i).sort((a, b) => spots[a]!.lane - spots[b]!.lane || spots[a]!.x - spots[b]!.x);
  const out: { row: number; x: number }[] = spots.map((s) => ({ row: 0, x: s.x }));
  let lane = NaN;
  let ends: number[] = [];
  for (const i of order) {
    const s = spots[i]!;
    if (s.lane !== lane) {
      lane = s.lane;
      ends = new Array<number>(Math.max(1, rows)).fill(-Infinity);
    }
    let row = ends.findIndex((e) => e + d <= s.x);
    let x = s.x;
    if (row < 0) {
      const free = Math.min(...ends);
      row = ends.indexOf(free);
      x = Math.min(free + d, Math.max(s.maxX, s.x + d));
    }
    ends[row] = x;
    out[i] = { row, x };
  }
  return out;
}

/**
 * Vertical centre of sub-row `row` in a lane `bw` tall with `rows` sub-rows
 * (odd) for marks of radius r: row 0 in the middle, then one above, one
 * below, and so on, the outermost touching the lane's edges (neighbouring
 * rows may overlap a little in a thin lane: the marks stay visible).
 */
export function rowCentre(row: number, rows: number, bw: number, r: number): number {
  if (rows <= 1) return bw / 2;
  const step = Math.max(0, bw - 2 * r) / (rows - 1);
  const k = Math.ceil(row / 2);
  return bw / 2 + (row % 2 === 1 ? -k : k) * step;
}

/** Sub-rows of a lane: 3 when three marks fit with at most a third of each covered, else 1. */
export function laneRows(bw: number, r: number): number {
  const step = (bw - 2 * r) / 2;
  return step >= (2 * r) * 0.66 ? 3 : 1;
}
