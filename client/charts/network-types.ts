/** The network chart's types and constants (./network.ts is the chart). */
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
  /** Counts of the data and of the last frame (`edgesDrawn`: statement edges in view, fewer while a dense graph moves). */
  drawn(): { nodes: number; links: number; overlay: number; frames: number; edgesDrawn: number };
  /** Test and benchmark probe on the element as `__probe` (./probe.ts); on by default only where the page asked for probes. */
  probe(): boolean;
  probe(v: boolean): Network<N, L>;
}

/** What the probe answers (tests and the benchmark only). */
export interface NetworkProbe {
  /** Screen position of a node relative to the canvas; null before the layout's first answer. */
  positionOf(id: string): [number, number] | null;
  /** Screen position of the middle of the overlay edge between two nodes (either order), or null. */
  overlayPointOf(a: string, b: string): [number, number] | null;
  /** Durations of the most recent renders, ms. */
  renderTimes(): number[];
  /** Layout progress: ticks so far, the last tick's duration (ms, in the worker), whether it is still moving, whether in a worker. */
  layoutState(): { ticks: number; tickMs: number; running: boolean; worker: boolean };
  /** The labels of the last frame: node id and box on screen. */
  labels(): { id: string; x: number; y: number; w: number; h: number }[];
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

export interface SimNode<N> {
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
  /** Edges at the node (hubs are labelled first). */
  degree: number;
}
export interface SimLink<N, L> {
  source: SimNode<N>;
  target: SimNode<N>;
  d: L;
  /** Stroke width in screen pixels. */
  w: number;
  alpha: number;
  color: string;
}
export interface OverlayLink<N> {
  source: SimNode<N>;
  target: SimNode<N>;
  d: unknown;
}

export interface Batch<N, L> {
  color: string;
  w: number;
  alpha: number;
  links: SimLink<N, L>[];
}

/** Above this many edges, edges are drawn as hairlines (see the scales phase). */
export const HAIRLINE_LINKS = 1500;
export const MAX_LABELS = 120;
/** While a graph with more than HAIRLINE_LINKS edges moves, only this many (the heaviest) are drawn. */
export const MOTION_LINKS = 1500;
/** The picture is at rest this long after it last moved, ms: then every edge is drawn again. */
export const MOTION_MS = 300;
/** Nodes of big graphs smaller than this across, in device pixels, are drawn as squares. */
export const TINY_NODE_PX = 3.5;
/** Half the side of the square with a unit circle's area. */
export const HALF_SQRT_PI = Math.sqrt(Math.PI) / 2;
/** How far an overlay curve bows out, as a share of its length. */
export const OVERLAY_BEND = 0.18;
/** Segments per overlay curve when hit testing. */
export const CURVE_STEPS = 12;
/** The overlay's default colour: neutral, unlike every cue colour. */
export const OVERLAY_COLOR = '#404040';

/** How many of the best-connected nodes count as hubs (labelled before others). */
export const HUB_COUNT = 12;
/** Labels are cut to this many characters on the canvas (the tooltip has the whole name). */
export const MAX_LABEL_CHARS = 28;
