import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ArticleGraph } from '../../server/graph/types.js';
import { richArticle, smallArticle } from '../utils/graph-fixtures.js';
import { fingerprint, isErrorBody, startApi, type TestApi } from './helpers.js';

interface S {
  id: string;
  speakerId: string | null;
  speaker: string | null;
  about: Array<{ id: string; name: string }>;
  cueClass: string;
  source: string | null;
  saidAt: string | null;
  publishedAt: string | null;
  content: string;
}
const timeOf = (s: S) => s.saidAt ?? s.publishedAt ?? '';
const INJECTION = encodeURIComponent("x'}) DETACH DELETE n //");

describe('GET /api/statements', () => {
  let api: TestApi;
  let all: S[];
  const rich = richArticle('stm');
  beforeAll(async () => {
    api = await startApi({ graphs: [rich] });
    all = (await api.get('/api/statements?limit=500')).body.items;
  });
  afterAll(() => api.close());

  test('when listing, then every statement comes sorted by time with its speaker, targets, article and source', async () => {
    const res = await api.get('/api/statements?limit=500');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(all.length);
    expect(all.length).toBeGreaterThan(50);
    const times = all.map(timeOf);
    expect(times).toEqual([...times].sort());
    const desc = (await api.get('/api/statements?limit=500&order=desc')).body.items.map(timeOf);
    expect(desc).toEqual([...times].sort().reverse());
    const mine = all.find((s) => s.id === rich.statements[0]!.id)!;
    expect(mine).toMatchObject({ speaker: 'Maria Zakharova', source: 'Russia Today', addressee: 'Emmanuel Macron', via: 'Corriere della Sera' });
    expect(mine.about.map((a) => a.name)).toEqual(['Emmanuel Macron', 'NATO']);
  });

  test('when paging, then limit, offset and cursor walk the same order', async () => {
    const p1 = await api.get('/api/statements?limit=20');
    const p2 = await api.get(`/api/statements?limit=20&cursor=${p1.body.nextCursor}`);
    expect([...p1.body.items, ...p2.body.items].map((s: S) => s.id)).toEqual(all.slice(0, 40).map((s) => s.id));
    expect(p2.body.offset).toBe(20);
  });

  test('when filtering by speaker, about, cue class, source, window and text, then only matches come back', async () => {
    const trump = (await api.get('/api/actors?q=Donald%20Trump')).body.items[0].id as string;
    const bySpeaker = (await api.get(`/api/statements?speaker=${trump}&limit=500`)).body;
    expect(bySpeaker.total).toBe(all.filter((s) => s.speakerId === trump).length);
    expect(bySpeaker.total).toBeGreaterThan(0);
    const byAbout = (await api.get(`/api/statements?about=${trump}&limit=500`)).body;
    expect(byAbout.items.every((s: S) => s.about.some((a) => a.id === trump))).toBe(true);
    expect(byAbout.total).toBe(all.filter((s) => s.about.some((a) => a.id === trump)).length);
    const byCue = (await api.get('/api/statements?cueClass=accuse&cueClass=warn&limit=500')).body;
    expect(byCue.total).toBe(all.filter((s) => s.cueClass === 'accuse' || s.cueClass === 'warn').length);
    expect(byCue.total).toBeGreaterThan(0);
    const bySource = (await api.get('/api/statements?source=Russia%20Today&limit=500')).body;
    expect(bySource.total).toBe(all.filter((s) => s.source === 'Russia Today').length);
    const window = (await api.get('/api/statements?from=2025-08-18&to=2025-08-19&limit=500')).body;
    expect(window.items.every((s: S) => timeOf(s) >= '2025-08-18' && timeOf(s) < '2025-08-19')).toBe(true);
    expect(window.total).toBe(all.filter((s) => timeOf(s) >= '2025-08-18' && timeOf(s) < '2025-08-19').length);
    const text = (await api.get('/api/statements?q=BOOTS%20ON%20THE%20GROUND')).body;
    expect(text.total).toBeGreaterThan(0);
    expect(text.items.every((s: S) => s.content.toLowerCase().includes('boots on the ground'))).toBe(true);
    const article = (await api.get(`/api/statements?article=${rich.article.id}`)).body;
    expect(article.items.map((s: S) => s.id).sort()).toEqual(rich.statements.map((s) => s.id).sort());
  });

  // Each combination picks another query (server/api/routes/statements.ts): filters through relationships with
  // and without a window's days, ascending and descending, and the statements' own properties with a window.
  // The expected page is the unfiltered list (another query) filtered and ordered here.
  const WINDOW = { from: '2025-08-18', to: '2025-08-21' };
  test.each([
    { name: 'speaker, newest first', speaker: 'Donald Trump', order: 'desc' },
    { name: 'about, in a window', about: 'Donald Trump', ...WINDOW },
    { name: 'about, in a window, newest first', about: 'Vladimir Putin', ...WINDOW, order: 'desc' },
    { name: 'speaker, in a window', speaker: 'Donald Trump', ...WINDOW },
    { name: 'source, in a window, newest first', source: 'Russia Today', ...WINDOW, order: 'desc' },
    { name: 'source, newest first', source: 'Russia Today', order: 'desc' },
    { name: 'a window only, newest first', ...WINDOW, order: 'desc' },
    { name: 'a cue class only, newest first', cueClass: 'say', order: 'desc' },
  ] as Array<{ name: string; speaker?: string; about?: string; source?: string; cueClass?: string; from?: string; to?: string; order?: 'desc' }>)(
    'when filtered by $name, then exactly the matching statements come in time order',
    async ({ speaker, about, source, cueClass, from, to, order }) => {
      const idOf = async (name: string) => (await api.get(`/api/actors?q=${encodeURIComponent(name)}`)).body.items[0].id as string;
      const speakerId = speaker ? await idOf(speaker) : undefined;
      const aboutId = about ? await idOf(about) : undefined;
      const params = new URLSearchParams({ limit: '500' });
      for (const [k, v] of Object.entries({ speaker: speakerId, about: aboutId, source, cueClass, from, to, order })) if (v) params.set(k, v);
      const res = await api.get(`/api/statements?${params}`);
      expect(res.status).toBe(200);
      const want = all.filter(
        (s) =>
          (!speakerId || s.speakerId === speakerId) &&
          (!aboutId || s.about.some((a) => a.id === aboutId)) &&
          (!source || s.source === source) &&
          (!cueClass || s.cueClass === cueClass) &&
          (!from || timeOf(s) >= from) &&
          (!to || timeOf(s) < to),
      );
      expect(want.length).toBeGreaterThan(0);
      expect(res.body.total).toBe(want.length);
      expect(res.body.items.map((s: S) => s.id).sort()).toEqual(want.map((s) => s.id).sort());
      const times = res.body.items.map(timeOf);
      expect(times).toEqual(order === 'desc' ? [...times].sort().reverse() : [...times].sort());
    },
  );

  test('when filters carry injection-looking values, then they match nothing and the graph is unchanged', async () => {
    const before = await fingerprint(api.store);
    for (const param of ['speaker', 'about', 'source', 'q', 'article']) {
      const res = await api.get(`/api/statements?${param}=${INJECTION}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(0);
    }
    const actors = await api.get(`/api/timeline?actor=${INJECTION}&source=${INJECTION}`);
    expect(actors.body.total).toBe(0);
    const network = await api.get(`/api/network?source=${INJECTION}`);
    expect(network.body.edges).toEqual([]);
    expect(await fingerprint(api.store)).toBe(before);
  });

  test.each([
    { name: 'an unknown cue class', query: 'cueClass=shout', path: 'query.cueClass.0' },
    { name: 'a bad from date', query: 'from=last%20week', path: 'query.from' },
    { name: 'a bad to date', query: 'to=2025-13', path: 'query.to' },
    { name: 'a bad order', query: 'order=up', path: 'query.order' },
    { name: 'limit 0', query: 'limit=0', path: 'query.limit' },
    { name: 'a non-numeric offset', query: 'offset=ten', path: 'query.offset' },
    { name: 'an unknown parameter', query: 'speakr=x', path: 'query.speakr' },
  ])('when the query has $name, then 400 naming $path', async ({ query, path }) => {
    const res = await api.get(`/api/statements?${query}`);
    expect(res.status).toBe(400);
    expect(isErrorBody(res.body)).toBe(true);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  test('when getting one statement, then it comes with its article; an unknown id is 404', async () => {
    const one = await api.get(`/api/statements/${rich.statements[1]!.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: rich.statements[1]!.id, articleId: rich.article.id, articleTitle: rich.article.title, speaker: 'Maria Zakharova' });
    const missing = await api.get('/api/statements/stm_nothing');
    expect(missing.status).toBe(404);
    expect(isErrorBody(missing.body)).toBe(true);
  });
});

describe('GET /api/timeline', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  test('when the window holds no more than the limit, then single statements come, oldest first', async () => {
    const res = await api.get('/api/timeline?from=2025-08-18&to=2025-08-21&limit=500');
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('statements');
    expect(res.body.statements).toHaveLength(res.body.total);
    const times = res.body.statements.map(timeOf);
    expect(times).toEqual([...times].sort());
    expect(times.every((t: string) => t >= '2025-08-18' && t < '2025-08-21')).toBe(true);
  });

  // Bucketed with an actor or a source filter: counts by day through relationships (API.statementsByDay, and
  // API.statementsByDayDays in a window), checked against the same filter's statements listed one by one.
  test.each([
    { name: 'an actor', filter: 'actor' },
    { name: 'an actor, in a window', filter: 'actor', from: '2025-08-15', to: '2025-08-22' },
    { name: 'a source', filter: 'source' },
    { name: 'a source, in a window', filter: 'source', from: '2025-08-15', to: '2025-08-22' },
  ])('when bucketed by day and filtered by $name, then the counts are those of the matching statements', async ({ filter, from, to }) => {
    const trump = (await api.get('/api/actors?q=Donald%20Trump')).body.items[0].id as string;
    const params = new URLSearchParams(filter === 'actor' ? { actor: trump } : { source: 'Russia Today' });
    if (from && to) {
      params.set('from', from);
      params.set('to', to);
    }
    const listed = (await api.get(`/api/timeline?${params}&limit=5000`)).body;
    expect(listed.mode).toBe('statements');
    expect(listed.total).toBeGreaterThan(0);
    const want = new Map<string, { start: string; count: number; byCueClass: Record<string, number> }>();
    for (const st of listed.statements as S[]) {
      const day = timeOf(st).slice(0, 10);
      const start = /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : `${day.slice(0, 7)}-01`;
      const b = want.get(start) ?? { start, count: 0, byCueClass: {} };
      b.count += 1;
      b.byCueClass[st.cueClass] = (b.byCueClass[st.cueClass] ?? 0) + 1;
      want.set(start, b);
    }
    const res = await api.get(`/api/timeline?${params}&bucket=day`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'buckets', bucket: 'day', total: listed.total });
    expect(res.body.buckets).toEqual([...want.values()].sort((a, b) => (a.start < b.start ? -1 : 1)));
  });

  test('when the window holds more than the limit, then bucketed counts by cue class come instead', async () => {
    const res = await api.get('/api/timeline?limit=5');
    expect(res.body.mode).toBe('buckets');
    expect(res.body.bucket).toBe('day');
    const sum = res.body.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0);
    expect(sum).toBe(res.body.total);
    for (const b of res.body.buckets) {
      expect(Object.values(b.byCueClass as Record<string, number>).reduce((n, x) => n + x, 0)).toBe(b.count);
    }
  });

  test('when a bucket size is asked for, then weeks start on Monday and months on the 1st', async () => {
    const weeks = await api.get('/api/timeline?bucket=week');
    expect(weeks.body.mode).toBe('buckets');
    for (const b of weeks.body.buckets) expect(new Date(`${b.start}T00:00:00Z`).getUTCDay()).toBe(1);
    const months = await api.get('/api/timeline?bucket=month');
    for (const b of months.body.buckets) expect(b.start).toMatch(/^\d{4}-\d{2}-01$/);
    expect(months.body.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(months.body.total);
  });

  test('when actors or sources are chosen, then only statements by or about those actors from those sources come', async () => {
    const ukraine = (await api.get('/api/actors?q=ukraine&kind=country')).body.items[0].id as string;
    const res = await api.get(`/api/timeline?actor=${ukraine}&source=Russia%20Today`);
    expect(res.body.mode).toBe('statements');
    expect(res.body.total).toBeGreaterThan(0);
    for (const s of res.body.statements) {
      expect(s.speakerId === ukraine || s.about.some((a: { id: string }) => a.id === ukraine)).toBe(true);
      expect(s.source).toBe('Russia Today');
    }
  });

  test.each([
    { name: 'a limit above 5000', query: 'limit=5001', path: 'query.limit' },
    { name: 'an unknown bucket', query: 'bucket=year', path: 'query.bucket' },
    { name: 'a bad from', query: 'from=yesterday', path: 'query.from' },
  ])('when the query has $name, then 400 naming $path', async ({ query, path }) => {
    const res = await api.get(`/api/timeline?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});

/**
 * The timeline without actor or source filters reads the per-day counters
 * (DayCount) when its bounds are dates; with a time of day in a bound it
 * counts the statements. Either way the buckets must be the statements of
 * the window, computed here from the fixture articles themselves.
 */
describe('GET /api/timeline: counted windows equal the statements in them', () => {
  const graphs: ArticleGraph[] = Array.from({ length: 20 }, (_, i) => smallArticle(i, 1 + (i % 3)));
  const coarse = smallArticle(99, 3);
  coarse.statements[0]!.saidAt = '2024-02'; // a month only: counted under "2024-02", shown in the month's first bucket
  coarse.statements[1]!.saidAt = '2024-02-10T23:30:00.000Z';
  coarse.statements[1]!.cueClass = 'accuse';
  coarse.statements[2]!.saidAt = null; // the article's time, 2024-02-28T12:00:00.000Z
  graphs.push(coarse, richArticle('tl'));
  const dated = graphs.flatMap((g) => g.statements.map((s) => ({ time: s.saidAt ?? g.article.publishedAt ?? '', cueClass: s.cueClass as string })));
  const dayBucket = (t: string) => (/^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : `${t.slice(0, 4)}-${t.slice(5, 7) || '01'}-01`);
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seedPage: false, graphs });
  });
  afterAll(() => api.close());

  test.each([
    { name: 'no bounds', from: null, to: null, cueClass: null },
    { name: 'a day-aligned window', from: '2024-02-05', to: '2024-02-12', cueClass: null },
    { name: 'month bounds (the coarse time is inside)', from: '2024-02', to: '2024-03', cueClass: null },
    { name: 'a window after the coarse time', from: '2024-02-02', to: '2024-03', cueClass: null },
    { name: 'only a lower bound', from: '2024-02-20', to: null, cueClass: null },
    { name: 'a year bound and a cue class', from: null, to: '2025', cueClass: 'accuse' },
    { name: 'a cue class with no statements', from: '2024-02-01', to: '2024-03-01', cueClass: 'deny' },
    { name: 'a bound with a time of day (counted from the statements)', from: '2024-02-10T12:00:00Z', to: '2024-02-28T12:00:00.000Z', cueClass: null },
    { name: 'an empty window', from: '2024-02-12', to: '2024-02-05', cueClass: null },
  ])('$name: total and day buckets are the window\'s statements', async ({ from, to, cueClass }) => {
    const inWindow = dated.filter((s) => (from === null || s.time >= from) && (to === null || s.time < to) && (cueClass === null || s.cueClass === cueClass));
    const expected = new Map<string, number>();
    for (const s of inWindow) expected.set(dayBucket(s.time), (expected.get(dayBucket(s.time)) ?? 0) + 1);
    const query = [from && `from=${from}`, to && `to=${to}`, cueClass && `cueClass=${cueClass}`, 'bucket=day'].filter(Boolean).join('&');
    const res = await api.get(`/api/timeline?${query}`);
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('buckets');
    expect(res.body.total).toBe(inWindow.length);
    const got = new Map((res.body.buckets as Array<{ start: string; count: number }>).map((b) => [b.start, b.count]));
    expect(got).toEqual(expected);
  });

  test('the cases above are not vacuous: the day window and the timestamp window each hold statements', () => {
    expect(dated.filter((s) => s.time >= '2024-02-05' && s.time < '2024-02-12').length).toBeGreaterThan(5);
    expect(dated.some((s) => s.time === '2024-02')).toBe(true);
    expect(dated.filter((s) => s.cueClass === 'accuse')).toHaveLength(1);
  });
});

/**
 * Without a source filter the network pages its edges in the store (the
 * heaviest `limit` among actors no merge touches) and folds only the rows of
 * merged groups. The answer must be the statements' edges folded by the
 * merges, filtered, ordered (count, then ids) and cut at the limit, computed
 * here from the fixture articles themselves, before and after merges.
 */
describe('GET /api/network: paged edges equal the folded statements', () => {
  // 60 articles over 50 speakers and 50 targets: some edges come from two articles, so counts tie and differ.
  const graphs: ArticleGraph[] = Array.from({ length: 60 }, (_, i) => smallArticle(i, 1 + (i % 3)));
  graphs[3]!.statements[0]!.cueClass = 'accuse';
  graphs[53]!.statements[1]!.cueClass = 'warn';
  const idOf = (name: string) => graphs.flatMap((g) => g.actors).find((a) => a.name === name)!.id;
  const statements = graphs.flatMap((g) => g.statements.map((s) => ({ ...s, time: s.saidAt ?? g.article.publishedAt, source: g.source!.name })));
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seedPage: false, graphs });
  });
  afterAll(() => api.close());

  type Case = { from?: string; to?: string; cueClass?: string; actor?: string; source?: string; minCount?: number; limit: number };
  function expected(c: Case, into: Map<string, string>) {
    const canon = (id: string) => into.get(id) ?? id;
    const edges = new Map<string, { source: string; target: string; count: number; byCueClass: Record<string, number>; firstAt: string; lastAt: string }>();
    for (const s of statements) {
      if ((c.from && !(s.time! >= c.from)) || (c.to && !(s.time! < c.to)) || (c.cueClass && s.cueClass !== c.cueClass) || (c.source && s.source !== c.source) || !s.speakerId) continue;
      for (const t of s.aboutIds) {
        const source = canon(s.speakerId);
        const target = canon(t);
        if (source === target) continue;
        const e = edges.get(`${source}>${target}`) ?? { source, target, count: 0, byCueClass: {}, firstAt: s.time!, lastAt: s.time! };
        e.count += 1;
        e.byCueClass[s.cueClass] = (e.byCueClass[s.cueClass] ?? 0) + 1;
        if (s.time! < e.firstAt) e.firstAt = s.time!;
        if (s.time! > e.lastAt) e.lastAt = s.time!;
        edges.set(`${source}>${target}`, e);
      }
    }
    const ego = c.actor ? canon(c.actor) : null;
    const kept = [...edges.values()]
      .filter((e) => e.count >= (c.minCount ?? 1) && (!ego || e.source === ego || e.target === ego))
      .sort((a, b) => b.count - a.count || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1));
    return { edges: kept.slice(0, c.limit), truncated: kept.length > c.limit };
  }
  const CASES: Case[] = [
    { limit: 5000 },
    { limit: 7 },
    { limit: 1 },
    { from: '2024-02-03', to: '2024-02-20', limit: 5 },
    { minCount: 2, limit: 5000 },
    { cueClass: 'accuse', limit: 5000 },
    { actor: 'Speaker 2', limit: 5000 },
    { actor: 'Target 14', limit: 2 },
    // A source filter folds the raw rows (API.networkEdges); with a window, the rows of the window's days (API.networkEdgesDays).
    { source: 'Outlet 3', limit: 5000 },
    { source: 'Outlet 3', from: '2024-02-03', to: '2024-02-20', limit: 5000 },
    { source: 'Outlet 5', from: '2024-02-10', to: '2024-02-28', cueClass: 'say', limit: 3 },
  ];
  const query = (c: Case) =>
    Object.entries({ ...c, actor: c.actor ? idOf(c.actor) : undefined })
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&');
  const check = async (into: Map<string, string>) => {
    for (const c of CASES) {
      const res = await api.get(`/api/network?${query(c)}`);
      expect(res.status, JSON.stringify(c)).toBe(200);
      expect({ edges: res.body.edges, truncated: res.body.truncated }, JSON.stringify(c)).toEqual(expected({ ...c, actor: c.actor ? idOf(c.actor) : undefined }, into));
    }
  };

  test('without merges', async () => {
    expect(expected({ limit: 5000 }, new Map()).edges.some((e) => e.count >= 2)).toBe(true);
    // The source cases are not empty (else they would pass on any answer).
    expect(expected({ source: 'Outlet 3', from: '2024-02-03', to: '2024-02-20', limit: 5000 }, new Map()).edges.length).toBeGreaterThan(0);
    expect(expected({ limit: 7 }, new Map()).truncated).toBe(true);
    await check(new Map());
  });

  test('after merges, including one that turns an edge into a loop', async () => {
    // Speaker 1 speaks about Target 7 (1 * 7 % 50): merging both into Speaker 2 makes that edge a loop.
    const merges: Array<[string, string]> = [['Speaker 1', 'Speaker 2'], ['Target 7', 'Speaker 2'], ['Target 14', 'Target 21']];
    for (const [from, into] of merges) expect((await api.post('/api/actors/merge', { from: idOf(from), into: idOf(into) })).status).toBe(201);
    await check(new Map(merges.map(([from, into]) => [idOf(from), idOf(into)])));
  });
});

describe('GET /api/network', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ graphs: [richArticle('n1'), richArticle('n2')] });
  });
  afterAll(() => api.close());

  test('when asked, then speaker -> about edges come with counts by cue class, time span and their nodes', async () => {
    const res = await api.get('/api/network?limit=5000');
    expect(res.status).toBe(200);
    const { nodes, edges } = res.body;
    const ids = new Set(nodes.map((n: { id: string }) => n.id));
    for (const e of edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.source).not.toBe(e.target);
      expect(Object.values(e.byCueClass as Record<string, number>).reduce((n, x) => n + x, 0)).toBe(e.count);
      expect(e.firstAt <= e.lastAt).toBe(true);
    }
    const counts = edges.map((e: { count: number }) => e.count);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    const zakharova = nodes.find((n: { name: string }) => n.name === 'Maria Zakharova');
    const macron = nodes.find((n: { name: string }) => n.name === 'Emmanuel Macron');
    const edge = edges.find((e: { source: string; target: string }) => e.source === zakharova.id && e.target === macron.id);
    // Two fixture articles, two statements each about Macron (cue class "say"); on the seed page Zakharova speaks of London only.
    expect(edge.byCueClass).toEqual({ say: 4 });
    expect(edge.firstAt).toBe('2024-03-04');
  });

  test('when filtered by window, cue class, source, actor and minimum count, then only matching edges come', async () => {
    const window = await api.get('/api/network?from=2024-03-05&to=2024-03-06');
    expect(window.body.edges.every((e: { firstAt: string }) => e.firstAt >= '2024-03-05')).toBe(true);
    expect(window.body.edges.length).toBeGreaterThan(0);
    const cue = await api.get('/api/network?cueClass=accuse');
    expect(cue.body.edges.every((e: { byCueClass: Record<string, number> }) => Object.keys(e.byCueClass).join() === 'accuse')).toBe(true);
    const heavy = await api.get('/api/network?minCount=3');
    expect(heavy.body.edges.every((e: { count: number }) => e.count >= 3)).toBe(true);
    const none = await api.get('/api/network?source=Nobody%20Times');
    expect(none.body).toEqual({ nodes: [], edges: [], truncated: false });
    const trump = (await api.get('/api/actors?q=Donald%20Trump')).body.items[0].id;
    const ego = await api.get(`/api/network?actor=${trump}`);
    expect(ego.body.edges.length).toBeGreaterThan(0);
    expect(ego.body.edges.every((e: { source: string; target: string }) => e.source === trump || e.target === trump)).toBe(true);
    const cut = await api.get('/api/network?limit=2');
    expect(cut.body.edges).toHaveLength(2);
    expect(cut.body.truncated).toBe(true);
  });

  test.each([
    { name: 'minCount 0', query: 'minCount=0', path: 'query.minCount' },
    { name: 'an unknown cue class', query: 'cueClass=yell', path: 'query.cueClass.0' },
    { name: 'a bad to', query: 'to=soon', path: 'query.to' },
  ])('when the query has $name, then 400 naming $path', async ({ query, path }) => {
    const res = await api.get(`/api/network?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});
