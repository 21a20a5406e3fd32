import type { SymbolType } from 'd3';

/** The timeline chart's types and constants (./timeline.ts is the chart). */
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
  /** Lane keys always shown, first and in this order (the reader's pinned actors). */
  pinned(): readonly string[];
  pinned(v: readonly string[]): Timeline<T>;
  /** The "Others" lane was opened (its label clicked): the chart shows more lanes and says how many now. */
  on(type: 'lanes', fn: ((maxLanes: number) => void) | null): Timeline<T>;
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

export interface PlacedBandItem {
  b: BandItem;
  t0: number;
  t1: number;
  row: number;
  /** Whether its label is drawn now (so a frame writes the DOM only on change). */
  labelled?: boolean;
}

export interface Item<T> {
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

export interface Bin<T> {
  key: string;
  lane: string;
  t0: number;
  t1: number;
  count: number;
  ck: string;
  first: Item<T>;
}

export const DAY = 86_400_000;
export const MARGIN = { top: 8, right: 18, bottom: 22, left: 150 };
export const CONTEXT_H = 44;
/** Height of one row of the band, the most rows it packs into, and the gap under it. */
export const BAND_ROW = 22;
export const BAND_MAX_ROWS = 4;
export const BAND_GAP = 6;
/** Above this many events in view, none is labelled (there is no room, and it saves work per frame). */
export const BAND_MAX_LABELLED = 300;

/** The key of the lane that folds the quieter lanes together. */
export const OTHERS = '\u0000others';
/** How many more lanes one click on "Others" opens. */
export const OTHERS_STEP = 20;
