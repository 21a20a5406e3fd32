import { describe, expect, test } from 'vitest';
import { hubs, overlaps, placeLabels, type LabelCandidate } from '../../client/charts/network-labels.js';
import { binItems, chooseLanes, laneRows, packBand, rowCentre, stackMarks } from '../../client/charts/timeline-bins.js';
import { OTHERS, type BandItem, type Item } from '../../client/charts/timeline-types.js';

/** The charts' pure parts (lanes, bins, band rows, mark stacking, label placement), without a browser. */

const MIN = 60_000;
const DAY = 86_400_000;
const item = (id: string, lane: string, t0: number, ck = 'say', t1 = t0): Item<null> => ({ d: null, id, t0, t1, lane, ck, li: 0, ci: 0 });

describe('timeline lanes', () => {
  const items = () => [
    ...['a1', 'a2', 'a3', 'a4'].map((id) => item(id, 'A', 0)),
    ...['b1', 'b2', 'b3'].map((id) => item(id, 'B', 0)),
    ...['c1', 'c2'].map((id) => item(id, 'C', 0)),
    item('d1', 'D', 0),
    item('e1', 'E', 0),
  ];
  test.each([
    { name: 'all fit: busiest first, ties by key', max: 5, pinned: [], lanes: ['A', 'B', 'C', 'D', 'E'], folded: 0 },
    { name: 'too many: the busiest, then Others folding the rest', max: 3, pinned: [], lanes: ['A', 'B', OTHERS], folded: 3 },
    { name: 'pinned first, even a quiet one', max: 3, pinned: ['E'], lanes: ['E', 'A', OTHERS], folded: 3 },
    { name: 'a pinned key with no items still gets its lane', max: 6, pinned: ['Z'], lanes: ['Z', 'A', 'B', 'C', 'D', 'E'], folded: 0 },
    { name: 'opening Others (a higher maximum) shows more lanes', max: 4, pinned: [], lanes: ['A', 'B', 'C', OTHERS], folded: 2 },
  ])('$name', ({ max, pinned, lanes, folded }) => {
    const its = items();
    const c = chooseLanes(its, max, pinned);
    expect(c.lanes).toEqual(lanes);
    expect(c.folded).toBe(folded);
    // Every item is in a lane that is shown.
    for (const it of its) expect(c.lanes).toContain(it.lane);
  });
});

describe('timeline bins', () => {
  test('items a few minutes apart share a bin per lane; the colour is the most frequent', () => {
    // 1,000 px for 1,000 minutes: 1 minute a pixel; 6 px bins round up to 8 minutes (a power of two).
    const its = [item('1', 'A', 0, 'deny'), item('2', 'A', 1 * MIN, 'say'), item('3', 'A', 2 * MIN, 'say'), item('4', 'A', 9 * MIN, 'warn'), item('5', 'B', 1 * MIN)];
    its[4]!.li = 1;
    const ck = ['deny', 'say', 'warn'];
    for (const it of its) it.ci = ck.indexOf(it.ck);
    const bins = binItems(its, 0, 1000 * MIN, 1000, 6, 3).sort((a, b) => a.lane.localeCompare(b.lane) || a.t0 - b.t0);
    expect(bins.map((b) => [b.lane, b.t0 / MIN, b.t1 / MIN, b.count, b.ck])).toEqual([
      ['A', 0, 8, 3, 'say'],
      ['A', 8, 16, 1, 'warn'],
      ['B', 0, 8, 1, 'say'],
    ]);
  });
});

describe('timeline band rows', () => {
  const ev = (id: string, day: number, days = 0): BandItem => ({
    id, start: new Date(day * DAY), end: days ? new Date((day + days) * DAY) : null, key: 'meeting', label: id, lines: [id],
  });
  test('events on one day take different rows; the next free row is reused; past the maximum the row freeing first', () => {
    const { placed, rows } = packBand([ev('a', 10), ev('b', 10), ev('c', 10), ev('d', 11), ev('e', 10, 7), ev('f', 10)], 4);
    const row = Object.fromEntries(placed.map((p) => [p.b.id, p.row]));
    expect(row).toEqual({ a: 0, b: 1, c: 2, e: 3, f: 0, d: 0 });
    expect(rows).toBe(4);
  });
  test('an undated event is left out', () => {
    expect(packBand([{ ...ev('x', 1), start: new Date(Number.NaN) }]).placed).toEqual([]);
  });
});

describe('timeline mark stacking', () => {
  test('marks at one spot take different sub-rows, then move right within their day, then overlap', () => {
    const spots = [0, 1, 2, 3, 4].map(() => ({ lane: 0, x: 100, maxX: 112 }));
    const out = stackMarks(spots, 5, 3);
    expect(out.slice(0, 3).map((p) => p.row).sort()).toEqual([0, 1, 2]);
    expect(out.slice(0, 3).every((p) => p.x === 100)).toBe(true);
    // The fourth moves a diameter right, inside its day; the fifth cannot go past the day's end.
    expect(out[3]).toEqual({ row: 0, x: 110 });
    expect(out[4]!.x).toBeLessThanOrEqual(112);
  });
  test('marks a diameter apart stay in the middle row; another lane starts afresh', () => {
    const out = stackMarks([{ lane: 0, x: 0, maxX: 0 }, { lane: 0, x: 10, maxX: 10 }, { lane: 1, x: 0, maxX: 0 }], 5, 3);
    expect(out).toEqual([{ row: 0, x: 0 }, { row: 0, x: 10 }, { row: 0, x: 0 }]);
  });
  test('no two stacked marks of a lane cover each other while their day has room', () => {
    const spots = Array.from({ length: 30 }, (_, i) => ({ lane: 0, x: 50 + (i % 5), maxX: 400 }));
    const out = stackMarks(spots, 4, 3);
    for (let i = 0; i < out.length; i++)
      for (let j = i + 1; j < out.length; j++) if (out[i]!.row === out[j]!.row) expect(Math.abs(out[i]!.x - out[j]!.x)).toBeGreaterThanOrEqual(8);
  });
  test.each([
    { row: 0, rows: 3, want: 12 },
    { row: 1, rows: 3, want: 4 },
    { row: 2, rows: 3, want: 20 },
    { row: 0, rows: 1, want: 12 },
  ])('sub-row $row of $rows in a 24 px lane, radius 4: centre at $want', ({ row, rows, want }) => {
    expect(rowCentre(row, rows, 24, 4)).toBe(want);
  });
  test('a lane too thin for three marks has one row', () => {
    expect(laneRows(23, 4.6)).toBe(3);
    expect(laneRows(12, 4)).toBe(1);
  });
});

describe('network labels', () => {
  const opts = { h: 14, gap: 3, max: 100, width: 800, height: 600 };
  test('the first label takes the right side; a later one that would overlap it or cover a labelled node moves', () => {
    // The hub's label spans 113-173 px at y 93-107: the node at 150 cannot put its label right (overlap) or left
    // (overlap); above it (120-180, y 78-92) touches neither the label nor the hub's disc.
    const placed = placeLabels([
      { id: 'hub', x: 100, y: 100, r: 10, w: 60 },
      { id: 'near', x: 150, y: 100, r: 5, w: 60 },
    ], opts);
    expect(placed.map((p) => [p.id, p.side])).toEqual([['hub', 'right'], ['near', 'above']]);
  });
  test('a label with no free side is left out; one that fits nowhere on the canvas too; at most max', () => {
    // Five nodes on one spot: four sides, four labels; the fifth has no room. A node in the top-right corner has none either.
    const crowd: LabelCandidate[] = [
      ...['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, x: 100, y: 100, r: 4, w: 40 })),
      { id: 'corner', x: 795, y: 2, r: 4, w: 80 },
    ];
    expect(placeLabels(crowd, opts).map((p) => `${p.id}:${p.side}`)).toEqual(['a:right', 'b:left', 'c:above', 'd:below']);
    expect(placeLabels(crowd, { ...opts, max: 1 }).map((p) => p.id)).toEqual(['a']);
  });
  test('on 300 random nodes no two labels overlap and none covers a labelled node (seeded)', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const cands = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}`, x: rand() * 800, y: rand() * 600, r: 2 + rand() * 10, w: 30 + rand() * 80 }));
    // The most important node in the middle of the canvas: its label always fits.
    Object.assign(cands[0]!, { x: 400, y: 300 });
    const placed = placeLabels(cands, opts);
    expect(placed.length).toBeGreaterThan(20);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!, placed[j]!)).toBe(false);
    expect(placed[0]!.id).toBe('n0');
  });
  test('hubs: the most connected nodes, ties by id, at least the minimum degree', () => {
    const deg = new Map([['x', 5], ['a', 3], ['b', 3], ['c', 1]]);
    expect([...hubs(deg, 3)]).toEqual(['x', 'a', 'b']);
    expect([...hubs(deg, 10, 3)]).toEqual(['x', 'a', 'b']);
  });
});
