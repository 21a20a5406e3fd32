import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { networkRows, openStore } from '../../server/graph/index.js';
import { API } from '../../server/graph/queries/api.js';
import { SCHEMA } from '../../server/graph/queries/schema.js';
import { backfillPairMonths, SCHEMA_VERSION } from '../../server/graph/schema.js';
import type { ArticleGraph, GraphStore, Row, StatementNode } from '../../server/graph/types.js';
import { hotPage, HotRowSchema, rollupWindow, type HotRow } from '../../server/graph/repos/network.js';
import { NETWORK } from '../../server/graph/queries/network.js';
import { bucketInWindow, ROLLUP_HOT_AT, rollupBucket, windowDays } from '../../server/graph/window.js';
import { sourceId, stableId } from '../../server/ids.js';
import { actor, statement } from '../utils/graph-fixtures.js';
import { storeSandbox } from '../utils/stores.js';
// The bench's seeded generator (mulberry32), so the varied store is the same on every run.
import { rng } from '../../bench/corpus.js';

/**
 * The network's monthly rollups, `(:_PairMonth)` (WRITE.countPairMonths):
 * kept by the article write, backfilled by the version-8 migration, and read
 * by the network view for a window's whole months, with the statements of
 * the days of the months a window cuts. The answers must be those of the
 * statement scan (API.networkTopEdges*, networkGroupedEdges*) over a store
 * varied in what a window can trip on: day, timestamp, month-only and
 * year-only times, undated statements, statements without a cue class,
 * several subjects, a speaker about itself, month edges.
 */

const ACTORS = Array.from({ length: 12 }, (_, i) => actor(`Person ${i}`));
const CUES = ['say', 'accuse', 'warn', null] as const;
/** Times a statement can have: days at month edges, timestamps, a month, a year, none (with an undated article). */
const SAID = ['2024-01-31', '2024-02-01', '2024-02-01T00:00:00Z', '2024-02-14', '2024-02-29T23:59:00Z', '2024-02', '2024-03-01', '2024-03-15T08:30:00Z', '2024-03-31', '2024', '2024-04-10', null] as const;

function variedArticles(count: number, seed: number): ArticleGraph[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const id = stableId('art', `rollup ${seed} ${i}`);
    const undated = rand() < 0.1;
    const statements: StatementNode[] = Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, k) => {
      const speaker = rand() < 0.9 ? pick(ACTORS).id : null;
      const about = [...new Set(Array.from({ length: Math.floor(rand() * 3) }, () => pick(ACTORS).id))];
      return statement(id, 10 + k * 40, 40 + k * 40, {
        speakerId: speaker,
        aboutIds: about,
        cueClass: pick(CUES) as StatementNode['cueClass'],
        saidAt: undated ? null : pick(SAID),
      });
    });
    const named = new Set(statements.flatMap((s) => [s.speakerId, ...s.aboutIds]).filter((x): x is string => x !== null));
    const outlet = `Outlet ${i % 3}`;
    return {
      source: { id: sourceId(outlet), name: outlet, domain: null },
      article: {
        id,
        url: null,
        title: `Varied ${i}`,
        publishedAt: undated ? null : `2024-0${1 + (i % 4)}-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00.000Z`,
        publishedAtPrecision: undated ? null : 'minute',
        retrievedAt: '2024-05-01T00:00:00.000Z',
        contentHash: stableId('sha', `rollup ${seed} ${i}`),
        language: 'en',
        text: 'x'.repeat(200),
      },
      actors: ACTORS.filter((a) => named.has(a.id)),
      statements,
      mentions: [...named],
    } as ArticleGraph;
  });
}

/**
 * Articles about a few heavy pairs, so months hold hot pairs (WRITE.markHotPairMonths): speaker i about i + 1,
 * `counts[i]` statements in February 2024 and `march[i]` in March, four cue classes in turn (none among them).
 */
function heavyArticles(): ArticleGraph[] {
  const feb = [20, 17, 15, 12, 10, 9, 4];
  const march = [14, 12, 16, 9, 8, 8, 2];
  const cues = ['say', 'accuse', null, 'warn'] as const;
  const out: ArticleGraph[] = [];
  const add = (month: string, counts: number[]) =>
    counts.forEach((count, i) => {
      for (let first = 0; first < count; first += 4) {
        const id = stableId('art', `heavy ${month} ${i} ${first}`);
        const statements = Array.from({ length: Math.min(4, count - first) }, (_, k) =>
          statement(id, 10 + k * 40, 40 + k * 40, {
            speakerId: ACTORS[i]!.id,
            aboutIds: [ACTORS[i + 1]!.id],
            cueClass: cues[(first + k) % cues.length] as StatementNode['cueClass'],
            saidAt: `${month}-${String(1 + ((first + k) % 28)).padStart(2, '0')}`,
          }),
        );
        out.push({
          source: { id: sourceId('Outlet 0'), name: 'Outlet 0', domain: null },
          article: {
            id, url: null, title: `Heavy ${month} ${i} ${first}`, publishedAt: `${month}-01T12:00:00.000Z`, publishedAtPrecision: 'minute',
            retrievedAt: '2024-05-01T00:00:00.000Z', contentHash: stableId('sha', `heavy ${month} ${i} ${first}`), language: 'en', text: 'x'.repeat(200),
          },
          actors: [ACTORS[i]!, ACTORS[i + 1]!],
          statements,
          mentions: [ACTORS[i]!.id, ACTORS[i + 1]!.id],
        } as ArticleGraph);
      }
    });
  add('2024-02', feb);
  add('2024-03', march);
  // A cue class new to a bucket already hot: its rollup is created after the flag was set, and must be flagged too.
  const late = (name: string, cueClasses: Array<StatementNode['cueClass']>) => {
    const id = stableId('art', `heavy late ${name}`);
    out.push({
      source: { id: sourceId('Outlet 0'), name: 'Outlet 0', domain: null },
      article: {
        id, url: null, title: `Late ${name}`, publishedAt: '2024-01-10T12:00:00.000Z', publishedAtPrecision: 'minute',
        retrievedAt: '2024-05-01T00:00:00.000Z', contentHash: stableId('sha', `heavy late ${name}`), language: 'en', text: 'x'.repeat(400),
      },
      actors: [ACTORS[8]!, ACTORS[9]!],
      statements: cueClasses.map((cueClass, k) =>
        statement(id, 10 + k * 40, 40 + k * 40, { speakerId: ACTORS[8]!.id, aboutIds: [ACTORS[9]!.id], cueClass, saidAt: '2024-01-12' }),
      ),
      mentions: [ACTORS[8]!.id, ACTORS[9]!.id],
    } as ArticleGraph);
  };
  late('say', ['say', 'say', 'say', 'say', 'say', 'say', 'say', 'say']);
  late('deny', ['deny']);
  return out;
}

type Edge = { source: string; target: string; n: number; byCueClass: Record<string, number>; firstAt: string | null; lastAt: string | null };
type Window = { from: string | null; to: string | null; cueClasses: string[] | null };
type Opts = { grouped: string[]; ego: string[] | null; minCount: number; limit: number };

/** The network's two parts as sorted strings, from the read model (rollups where they apply). */
async function viaReadModel(store: GraphStore, w: Window, o: Opts) {
  const { top, rows } = await networkRows(store, { ...w, sources: null }, o);
  return normalise(top as Edge[], rows);
}

/** The same from the statement scan queries alone (the path before the rollups). */
async function viaScan(store: GraphStore, w: Window, o: Opts) {
  const days = windowDays(w.from, w.to);
  const base = { ...w, grouped: o.grouped, ...(days ? { days } : {}) };
  const top = await store.run(days ? API.networkTopEdgesDays : API.networkTopEdges, { ...base, ego: o.ego, minCount: o.minCount, limit: o.limit });
  const rows = await store.run(days ? API.networkGroupedEdgesDays : API.networkGroupedEdges, base);
  const edges = top.map((r) => {
    const byCueClass: Record<string, number> = {};
    for (const c of r.cueClasses as string[]) byCueClass[c] = (byCueClass[c] ?? 0) + 1;
    const classified = Object.values(byCueClass).reduce((a, b) => a + b, 0);
    if (classified < Number(r.n)) byCueClass.other = Number(r.n) - classified;
    return { ...r, byCueClass } as unknown as Edge;
  });
  return normalise(edges, rows);
}

function normalise(top: Edge[], rows: Row[]) {
  const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort());
  return {
    top: top.map((e) => ({ source: e.source, target: e.target, n: Number(e.n), byCueClass: sortKeys(e.byCueClass), firstAt: e.firstAt, lastAt: e.lastAt })),
    rows: rows.map((r) => `${r.source}>${r.target} ${r.cueClass ?? '-'} ${r.n} ${r.firstAt} ${r.lastAt}`).sort(),
  };
}

/** The rollup nodes as "bucket|from|to|cue n firstAt lastAt". */
async function rollups(store: GraphStore): Promise<string[]> {
  const rows = await store.run('MATCH (c:_PairMonth) RETURN c.key AS key, c.n AS n, c.firstAt AS firstAt, c.lastAt AS lastAt');
  return rows.map((r) => `${r.key} ${r.n} ${r.firstAt} ${r.lastAt}`).sort();
}

/** The same counted in JavaScript from the stored statements and their SAID and ABOUT links. */
async function rollupsFromStatements(store: GraphStore): Promise<string[]> {
  const rows = await store.run('MATCH (p:Actor)-[:SAID]->(s:Statement)-[:ABOUT]->(t:Actor) RETURN p.id AS source, t.id AS target, s.cueClass AS cueClass, s.time AS time, s.timeDay AS day');
  const out = new Map<string, { n: number; first: string | null; last: string | null }>();
  for (const r of rows) {
    const key = `${rollupBucket((r.day as string | null) ?? null)}|${r.source}|${r.target}|${r.cueClass ?? ''}`;
    const v = out.get(key) ?? { n: 0, first: null, last: null };
    const t = (r.time as string | null) ?? null;
    v.n += 1;
    if (t !== null && (v.first === null || t < v.first)) v.first = t;
    if (t !== null && (v.last === null || t > v.last)) v.last = t;
    out.set(key, v);
  }
  return [...out].map(([k, v]) => `${k} ${v.n} ${v.first} ${v.last}`).sort();
}

/** The keys of the rollups flagged hot, with their flag ("key hot"). */
async function hotFlags(store: GraphStore): Promise<string[]> {
  const rows = await store.run('MATCH (c:_PairMonth) WHERE c.hot IS NOT NULL RETURN c.key AS key, c.hot AS hot');
  return rows.map((r) => `${r.key} ${r.hot}`).sort();
}

/** The same from the rollups' counts: every rollup of a pair bucket (no loop) with ROLLUP_HOT_AT statements or more. */
async function hotFlagsFromRollups(store: GraphStore): Promise<string[]> {
  const rows = await store.run('MATCH (c:_PairMonth) RETURN c.key AS key, c.month AS month, c.from AS source, c.to AS target, c.n AS n');
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(`${r.month}|${r.source}|${r.target}`, (totals.get(`${r.month}|${r.source}|${r.target}`) ?? 0) + Number(r.n));
  return rows
    .filter((r) => r.source !== r.target && totals.get(`${r.month}|${r.source}|${r.target}`)! >= ROLLUP_HOT_AT)
    .map((r) => `${r.key} ${r.month}`)
    .sort();
}

describe('the hot page of the network, worked by hand (a flag at 5: a pair not known exactly has at most 4 a bucket)', () => {
  const row = (source: string, target: string, n: number, month = 'm1', cueClass: string | null = 'say'): HotRow =>
    ({ month, source, target, cueClass, n, firstAt: `${month}-first`, lastAt: `${month}-last` });
  const ROWS = [row('a', 'b', 9), row('a', 'b', 3, 'm1', null), row('c', 'd', 7), row('e', 'f', 5), row('b', 'a', 5)];
  test.each([
    { name: 'one bucket, the 3rd edge (5) above 4: proven, ties by source', rows: ROWS, buckets: 1, minCount: 1, limit: 3, page: ['a>b 12', 'c>d 7', 'b>a 5'] },
    { name: 'one bucket, fewer edges than the limit and 4 < minCount 5: every edge', rows: ROWS, buckets: 1, minCount: 5, limit: 10, page: ['a>b 12', 'c>d 7', 'b>a 5', 'e>f 5'] },
    { name: 'one bucket, fewer edges than the limit and minCount 4: a light pair may have 4, not proven', rows: ROWS, buckets: 1, minCount: 4, limit: 10, page: null },
    { name: 'two buckets: a light pair may have 8, the 2nd edge (7 + 7) is above it', rows: [...ROWS, row('a', 'b', 6, 'm2'), row('c', 'd', 7, 'm2')], buckets: 2, minCount: 1, limit: 2, page: ['a>b 18', 'c>d 14'] },
    { name: 'two buckets: e>f hot in one only may reach 7 + 4 = 11, above the 2nd edge (10)', rows: [row('a', 'b', 9), row('a', 'b', 9, 'm2'), row('c', 'd', 5), row('c', 'd', 5, 'm2'), row('e', 'f', 7)], buckets: 2, minCount: 1, limit: 2, page: null },
    { name: 'no rows: nothing proven unless minCount is above every bound', rows: [], buckets: 1, minCount: 5, limit: 3, page: [] },
  ])('$name', ({ rows, buckets, minCount, limit, page }) => {
    const got = hotPage(rows, buckets, { minCount, limit }, 5);
    expect(got === null ? null : got.map((e) => `${e.source}>${e.target} ${e.n}`)).toEqual(page);
  });

  test('a proven edge carries its counts per cue class and its first and last times', () => {
    const [edge] = hotPage([...ROWS, row('a', 'b', 6, 'm2', 'accuse')], 2, { minCount: 1, limit: 1 }, 5)!;
    expect(edge).toEqual({ source: 'a', target: 'b', n: 18, byCueClass: { say: 9, other: 3, accuse: 6 }, firstAt: 'm1-first', lastAt: 'm2-last' });
  });
});

describe('rollup buckets and window splits, worked by hand', () => {
  test.each([
    { day: '2024-02-14', bucket: '2024-02-*' },
    { day: '2024-02-01', bucket: '2024-02-*' },
    { day: '2024-02-31', bucket: '2024-02-*' },
    { day: '2024-02', bucket: '2024-02' },
    { day: '2024', bucket: '2024' },
    { day: '2024-02-00', bucket: '2024-02-00' },
    { day: null, bucket: '' },
  ])('the bucket of $day is "$bucket"', ({ day, bucket }) => {
    expect(rollupBucket(day)).toBe(bucket);
  });

  test.each([
    { bucket: '2024-02-*', from: '2024-02-01', to: '2024-03-01', whole: true },
    { bucket: '2024-02-*', from: '2024-02', to: '2024-03', whole: true },
    { bucket: '2024-02-*', from: '2024-02-02', to: '2024-03-01', whole: false },
    { bucket: '2024-02-*', from: '2024-02-01', to: '2024-02-29', whole: false },
    { bucket: '2024-02-*', from: null, to: null, whole: true },
    // "2024-02" (a month-precision time) sorts before "2024-02-01": a window from that day leaves it out.
    { bucket: '2024-02', from: '2024-02-01', to: '2024-03-01', whole: false },
    { bucket: '2024-02', from: '2024-02', to: '2024-03-01', whole: true },
    { bucket: '2024', from: '2024', to: '2025', whole: true },
  ])('bucket $bucket in [$from, $to) whole: $whole', ({ bucket, from, to, whole }) => {
    expect(bucketInWindow(bucket, from, to)).toBe(whole);
  });

  const EXISTING = ['2024', '2024-01-31', '2024-02', '2024-02-01', '2024-02-14', '2024-02-29', '2024-03-01', '2024-03-15', '2024-03-31'];
  test.each([
    { from: null, to: null, months: ['', '2024', '2024-01-*', '2024-02', '2024-02-*', '2024-03-*'], days: [] },
    { from: '2024-02-01', to: '2024-03-01', months: ['2024-02-*'], days: [] },
    { from: '2024-02-01', to: '2024-03-31', months: ['2024-02-*'], days: ['2024-03-01', '2024-03-15'] },
    { from: '2024-02-14', to: '2024-04-01', months: ['2024-03-*'], days: ['2024-02-14', '2024-02-29'] },
    { from: '2024-02', to: null, months: ['2024-02', '2024-02-*', '2024-03-*'], days: [] },
    { from: null, to: '2024-02-02', months: ['2024', '2024-01-*', '2024-02'], days: ['2024-02-01'] },
    { from: '2024-03-02', to: '2024-03-20', months: [], days: ['2024-03-15'] },
  ])('[$from, $to) reads months $months and days $days', ({ from, to, months, days }) => {
    expect(rollupWindow(from, to, EXISTING)).toEqual({ months, days });
  });
});

describe('network rollups', () => {
  const { tempDir, open } = storeSandbox('claimgraph-rollup-');
  const ARTICLES = [...variedArticles(160, 19), ...heavyArticles()];

  /**
   * A store file holding ARTICLES as schema `version` left them (`undo` takes back what later versions added; `check`
   * sees the old store), then opened by this code: the migrated store, checked to record the current version.
   */
  async function migratedFrom(file: string, version: number, undo: string, check: (old: GraphStore) => Promise<void>): Promise<GraphStore> {
    const path = join(tempDir(), file);
    const old = await openStore({ backend: 'embedded', path });
    for (const g of ARTICLES) await old.writeArticle(g);
    await old.run(undo);
    await old.run(SCHEMA.writeVersion, { version, updatedAt: '2026-01-01T00:00:00.000Z' });
    await check(old);
    await old.close();
    const migrated = await open(path);
    const [recorded] = await migrated.run(SCHEMA.readVersion);
    expect(Number(recorded?.version)).toBe(SCHEMA_VERSION);
    return migrated;
  }
  let store: GraphStore;
  beforeAll(async () => {
    store = await openStore({ backend: 'embedded', path: null });
    for (const g of ARTICLES) await store.writeArticle(g);
    // Written twice: the second write of an article changes nothing.
    for (const g of ARTICLES.slice(0, 20)) await store.writeArticle(g);
  });
  afterAll(() => store.close());

  test('the store is varied: undated, coarse, timestamp and classless statements, self-talk and several subjects all occur', () => {
    const all = ARTICLES.flatMap((g) => g.statements);
    expect(all.some((s) => s.saidAt === null)).toBe(true);
    expect(all.some((s) => s.saidAt === '2024-02' && s.speakerId && s.aboutIds.length > 0)).toBe(true);
    expect(all.some((s) => s.saidAt === '2024' && s.speakerId && s.aboutIds.length > 0)).toBe(true);
    expect(all.some((s) => s.saidAt?.includes('T') && s.speakerId && s.aboutIds.length > 0)).toBe(true);
    expect(all.some((s) => s.cueClass === null && s.speakerId && s.aboutIds.length > 0)).toBe(true);
    expect(all.some((s) => s.speakerId !== null && s.aboutIds.includes(s.speakerId))).toBe(true);
    expect(all.some((s) => s.aboutIds.length === 2)).toBe(true);
  });

  test('the rollups the writes kept equal a count of the stored statements', async () => {
    const counted = await rollupsFromStatements(store);
    expect(counted.length).toBeGreaterThan(50);
    expect(await rollups(store)).toEqual(counted);
  });

  test('the hot flags the writes kept are those of the pair buckets with ROLLUP_HOT_AT statements or more', async () => {
    const expected = await hotFlagsFromRollups(store);
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.some((f) => f.startsWith(`2024-01-*|${ACTORS[8]!.id}|${ACTORS[9]!.id}|deny `))).toBe(true);
    expect(await hotFlags(store)).toEqual(expected);
  });

  // Pages the hot pairs prove (the heavy pairs' counts are set for it); the read model's answer is then theirs.
  const HOT_CASES = [
    { name: 'February, top 3', from: '2024-02-01', to: '2024-03-01', cueClasses: null, months: ['2024-02-*'], minCount: 1, limit: 3 },
    { name: 'February, every edge of 8 or more', from: '2024-02-01', to: '2024-03-01', cueClasses: null, months: ['2024-02-*'], minCount: 8, limit: 5000 },
    { name: 'February and March, top 2', from: '2024-02-01', to: '2024-04-01', cueClasses: null, months: ['2024-02-*', '2024-03-*'], minCount: 1, limit: 2 },
    { name: 'February, said and accused, top 2', from: '2024-02-01', to: '2024-03-01', cueClasses: ['say', 'accuse'], months: ['2024-02-*'], minCount: 1, limit: 2 },
  ];
  test.each(HOT_CASES)('$name: the hot pairs prove the page, and it is the statement scan\'s', async ({ from, to, cueClasses, months, minCount, limit }) => {
    const o = { grouped: [], ego: null, minCount, limit };
    const hot = (await store.run(NETWORK.hotEdges, { cueClasses, months, grouped: [], ego: null })).map((r) => HotRowSchema.parse(r));
    const page = hotPage(hot, months.length, o);
    expect(page).not.toBeNull();
    const scan = await viaScan(store, { from, to, cueClasses }, o);
    expect(scan.top.length).toBeGreaterThan(1);
    expect(normalise(page!, []).top).toEqual(scan.top);
    expect(await viaReadModel(store, { from, to, cueClasses }, o)).toEqual(scan);
  });

  const WINDOWS: Window[] = [
    { from: null, to: null, cueClasses: null },
    { from: '2024-02-01', to: '2024-03-01', cueClasses: null },
    { from: '2024-02', to: '2024-03', cueClasses: null },
    { from: '2024-02-01', to: '2024-04-01', cueClasses: ['accuse', 'say'] },
    { from: '2024-01-31', to: '2024-03-16', cueClasses: null },
    { from: '2024-02-14', to: '2024-03-31', cueClasses: null },
    { from: '2024-02-02', to: '2024-02-28', cueClasses: null },
    { from: '2024', to: '2025', cueClasses: null },
    { from: '2024-03', to: null, cueClasses: ['warn'] },
    { from: null, to: '2024-02-15', cueClasses: null },
    // Bounds with a time of day: the rollups cannot count them, so the statements are read (with their days, or all of them when a bound is open).
    { from: '2024-02-01T06:00:00Z', to: '2024-03-01', cueClasses: null },
    { from: '2024-02-14T12:00:00Z', to: null, cueClasses: null },
  ];
  const OPTS: Array<{ name: string; opts: (ids: string[]) => Opts }> = [
    { name: 'every edge', opts: () => ({ grouped: [], ego: null, minCount: 1, limit: 5000 }) },
    { name: 'the top 5, at least 2 statements', opts: () => ({ grouped: [], ego: null, minCount: 2, limit: 5 }) },
    { name: 'one actor\'s edges', opts: (ids) => ({ grouped: [], ego: [ids[3]!], minCount: 1, limit: 5000 }) },
    { name: 'with merged groups', opts: (ids) => ({ grouped: [ids[0]!, ids[1]!, ids[5]!], ego: null, minCount: 1, limit: 7 }) },
  ];
  const CASES = WINDOWS.flatMap((w) => OPTS.map((o) => ({ ...w, name: o.name, opts: o.opts })));
  test.each(CASES)('[$from, $to) cue $cueClasses, $name: the read model answers as the statement scan', async ({ from, to, cueClasses, opts }) => {
    const o = opts(ACTORS.map((a) => a.id));
    const w = { from, to, cueClasses };
    expect(await viaReadModel(store, w, o)).toEqual(await viaScan(store, w, o));
  });

  test('the cases are not vacuous: whole months and cut months both hold edges', async () => {
    const all = { grouped: [], ego: null, minCount: 1, limit: 5000 };
    expect((await viaScan(store, { from: '2024-02-01', to: '2024-03-01', cueClasses: null }, all)).top.length).toBeGreaterThan(10);
    expect((await viaScan(store, { from: '2024-02-14', to: '2024-03-31', cueClasses: null }, all)).top.length).toBeGreaterThan(10);
    expect((await viaScan(store, { from: null, to: null, cueClasses: null }, { ...all, grouped: [ACTORS[0]!.id] })).rows.length).toBeGreaterThan(3);
    expect((await viaScan(store, { from: '2024-02-14T12:00:00Z', to: null, cueClasses: null }, { ...all, grouped: [ACTORS[0]!.id] })).rows.length).toBeGreaterThan(3);
    // Undated statements count only without bounds; the unbounded answer holds more than the dated year's.
    const year = await viaScan(store, { from: '2024', to: '2025', cueClasses: null }, all);
    const ever = await viaScan(store, { from: null, to: null, cueClasses: null }, all);
    expect(ever.top.reduce((n, e) => n + e.n, 0)).toBeGreaterThan(year.top.reduce((n, e) => n + e.n, 0));
  });

  test('when a version-8 store (rollups without hot flags) is opened, then the migration flags them and records the current version', async () => {
    const migrated = await migratedFrom('store8.grafeo', 8, 'MATCH (c:_PairMonth) REMOVE c.hot', async (old) => expect(await hotFlags(old)).toEqual([]));
    expect(await hotFlags(migrated)).toEqual(await hotFlags(store));
    expect(await hotFlags(migrated)).toEqual(await hotFlagsFromRollups(migrated));
  });

  test('when a version-7 store (no rollups) is opened, then the migration backfills them and records the current version (8)', async () => {
    const migrated = await migratedFrom('store.grafeo', 7, 'MATCH (c:_PairMonth) DETACH DELETE c', async (old) => expect(await rollups(old)).toEqual([]));
    expect(await rollups(migrated)).toEqual(await rollups(store));
    expect(await hotFlags(migrated)).toEqual(await hotFlags(store));
    // Articles written after the migration are counted on top; the backfill run again, in pages of a few
    // statements (several speakers a page, or one), changes nothing.
    for (const g of variedArticles(20, 23)) await migrated.writeArticle(g);
    const counted = await rollupsFromStatements(migrated);
    expect(await rollups(migrated)).toEqual(counted);
    const pages: number[] = [];
    await backfillPairMonths(async (q, p) => {
      if (Array.isArray(p.ids)) pages.push(p.ids.length);
      return migrated.run(q, p);
    }, 30);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(ACTORS.length);
    expect(await rollups(migrated)).toEqual(counted);
  });
});
