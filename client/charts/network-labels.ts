/**
 * Where the network's node labels go, as a pure function of screen
 * positions: most important first (the focused node, its neighbours, hubs,
 * then by size), each trying right, left, above and below its node; a label
 * that would overlap a label already placed, or cover a node already
 * labelled, is left out (hover or select the node to read it). Screen coordinates, so
 * the result does not depend on the zoom.
 */
export interface LabelCandidate {
  id: string;
  /** Node centre and radius on screen, px. */
  x: number;
  y: number;
  r: number;
  /** Label width on screen, px (measured text). */
  w: number;
}

export interface PlacedLabel {
  id: string;
  /** Top-left of the label box and its size, px. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Which side of its node the label sits on. */
  side: 'right' | 'left' | 'above' | 'below';
}

export interface LabelOptions {
  /** Line height of a label, px. */
  h: number;
  /** Gap between node and label, px. */
  gap: number;
  /** Most labels placed. */
  max: number;
  /** The visible area, px: a label must lie inside it. */
  width: number;
  height: number;
}

const SIDES: PlacedLabel['side'][] = ['right', 'left', 'above', 'below'];

/** Candidates in priority order (the first is the most important); returns the labels placed, in that order. */
export function placeLabels(cands: readonly LabelCandidate[], o: LabelOptions): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  // Nodes already labelled: a later label may not cover them (their label says whose disc it is).
  const labelled: LabelCandidate[] = [];
  for (const c of cands) {
    if (placed.length >= o.max) break;
    for (const side of SIDES) {
      const box = boxAt(c, side, o);
      if (box.x < 0 || box.y < 0 || box.x + box.w > o.width || box.y + box.h > o.height) continue;
      if (placed.some((p) => overlaps(p, box))) continue;
      if (labelled.some((d) => d.id !== c.id && discHits(d, box))) continue;
      placed.push(box);
      labelled.push(c);
      break;
    }
  }
  return placed;
}

function boxAt(c: LabelCandidate, side: PlacedLabel['side'], o: LabelOptions): PlacedLabel {
  const { h, gap } = o;
  if (side === 'right') return { id: c.id, x: c.x + c.r + gap, y: c.y - h / 2, w: c.w, h, side };
  if (side === 'left') return { id: c.id, x: c.x - c.r - gap - c.w, y: c.y - h / 2, w: c.w, h, side };
  if (side === 'above') return { id: c.id, x: c.x - c.w / 2, y: c.y - c.r - gap - h, w: c.w, h, side };
  return { id: c.id, x: c.x - c.w / 2, y: c.y + c.r + gap, w: c.w, h, side };
}

export function overlaps(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Whether a node's disc touches the box. */
function discHits(d: LabelCandidate, b: { x: number; y: number; w: number; h: number }): boolean {
  const nx = Math.max(b.x, Math.min(d.x, b.x + b.w));
  const ny = Math.max(b.y, Math.min(d.y, b.y + b.h));
  return (d.x - nx) ** 2 + (d.y - ny) ** 2 < d.r * d.r;
}

/** Ids of the hubs: the `n` nodes with the most edges (ties by id), only those with at least `min` edges. */
export function hubs(degree: ReadonlyMap<string, number>, n: number, min = 2): Set<string> {
  return new Set(
    [...degree.entries()]
      .filter(([, d]) => d >= min)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, n)
      .map(([id]) => id),
  );
}
