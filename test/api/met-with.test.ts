import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isErrorBody, startApi, type TestApi } from './helpers.js';

/**
 * GET /api/network/met-with over the real pipeline and the seed page. From
 * reading the page: the Alaska summit (Fri 15 Aug) has Trump, Putin, "United
 * States" and "Russian leaders" as participants (4, so 6 pairs); the White
 * House summit (Mon 18 Aug) has Macron, Trump, Zelensky, "European leaders",
 * NATO and the European Commission (6, so 15 pairs); the Trump-Putin call of
 * that week adds no new pair but a second shared event to Trump-Putin. Only
 * Trump is in both summits, so no other pair repeats: 21 pairs in all.
 */
interface Edge {
  source: string;
  target: string;
  count: number;
  events: Array<{ id: string; name: string | null; type: string; date: string | null }>;
  firstAt: string | null;
  lastAt: string | null;
}
interface Body {
  nodes: Array<{ id: string; name: string; kind: string }>;
  edges: Edge[];
  truncated: boolean;
}

describe('GET /api/network/met-with on the seed page', () => {
  let api: TestApi;
  let ids: Record<string, string>;
  const pair = (b: Body, x: string, y: string) =>
    b.edges.find((e) => (e.source === ids[x] && e.target === ids[y]) || (e.source === ids[y] && e.target === ids[x]));

  beforeAll(async () => {
    api = await startApi();
    const events = (await api.get('/api/events')).body.items as Array<{ participants: Array<{ id: string; name: string }> }>;
    ids = Object.fromEntries(events.flatMap((e) => e.participants.map((p) => [p.name, p.id])));
  });
  afterAll(() => api.close());

  test('when asked without filters, then every pair of co-participants shows once, undirected, ordered by id', async () => {
    const res = await api.get<Body>('/api/network/met-with');
    expect(res.status).toBe(200);
    expect(res.body.edges).toHaveLength(21);
    expect(res.body.truncated).toBe(false);
    for (const e of res.body.edges) expect(e.source < e.target).toBe(true);
    expect(new Set(res.body.edges.map((e) => `${e.source}|${e.target}`)).size).toBe(21);
    // Nodes are exactly the actors of the edges, with their names and kinds.
    expect(res.body.nodes.map((n) => n.name).sort()).toEqual([
      'Donald Trump', 'European Commission', 'European leaders', 'Macron', 'NATO', 'Russian leaders', 'United States',
      'Vladimir Putin', 'Vladimir Zelensky',
    ]);
    expect(res.body.nodes.find((n) => n.name === 'Donald Trump')?.kind).toBe('person');
  });

  test('when Trump and Putin took part in the Alaska summit and the call, then their edge counts both, oldest first, heaviest edge first', async () => {
    const res = await api.get<Body>('/api/network/met-with');
    const e = pair(res.body, 'Donald Trump', 'Vladimir Putin')!;
    expect(e).toMatchObject({ count: 2, firstAt: '2025-08-15', lastAt: '2025-08-18' });
    expect(e.events.map((x) => [x.name, x.type, x.date])).toEqual([
      ['Alaska summit', 'summit', '2025-08-15'],
      [null, 'call', '2025-08-18'],
    ]);
    expect(res.body.edges[0]).toEqual(e);
    // Trump met Macron only at the White House summit; Putin and Macron never shared an event.
    expect(pair(res.body, 'Donald Trump', 'Macron')).toMatchObject({ count: 1, events: [{ name: 'White House summit' }] });
    expect(pair(res.body, 'Vladimir Putin', 'Macron')).toBeUndefined();
  });

  test('when compared with GET /api/events, then each pair counts exactly the events listing both actors', async () => {
    const events = (await api.get('/api/events')).body.items as Array<{ id: string; participants: Array<{ id: string }> }>;
    const res = await api.get<Body>('/api/network/met-with');
    for (const e of res.body.edges) {
      const both = events.filter((ev) => ev.participants.some((p) => p.id === e.source) && ev.participants.some((p) => p.id === e.target));
      expect(e.events.map((x) => x.id).sort(), `${e.source}|${e.target}`).toEqual(both.map((ev) => ev.id).sort());
      expect(e.count).toBe(both.length);
    }
  });

  // [query, pairs expected, Trump-Putin count (0: no such edge), why]
  test.each([
    ['from=2025-08-14&to=2025-08-16', 6, 1, 'only the Alaska summit is in the window'],
    ['from=2025-08-16', 16, 1, 'the White House summit (15 pairs) and the call (Trump-Putin, dated to the week starting 18 Aug)'],
    ['from=2025-09-01', 0, 0, 'no event after August'],
    ['type=summit', 21, 1, 'both summits, not the call'],
    ['type=call', 1, 1, 'the call only'],
    ['type=meeting,visit', 0, 0, 'no meeting or visit in the seed'],
    ['source=Russia%20Today', 21, 2, 'every event is reported by a Russia Today article'],
    ['source=Another%20Outlet', 0, 0, 'an unknown source reports nothing'],
  ])('when filtered by %s, then %i pairs (Trump-Putin: %i): %s', async (query, pairs, trumpPutin) => {
    const res = await api.get<Body>(`/api/network/met-with?${query}`);
    expect(res.status).toBe(200);
    expect(res.body.edges).toHaveLength(pairs);
    expect(pair(res.body, 'Donald Trump', 'Vladimir Putin')?.count ?? 0).toBe(trumpPutin);
    expect(res.body.nodes.length).toBe(new Set(res.body.edges.flatMap((e) => [e.source, e.target])).size);
  });

  test('when filtered by an actor, then only that actor\'s pairs come back', async () => {
    const res = await api.get<Body>(`/api/network/met-with?actor=${ids['Vladimir Putin']}`);
    // Putin took part in the Alaska summit (three others) and the call (Trump again).
    expect(res.body.edges).toHaveLength(3);
    for (const e of res.body.edges) expect([e.source, e.target]).toContain(ids['Vladimir Putin']);
  });

  test('when limited to one pair, then the heaviest comes back and the answer says it is truncated', async () => {
    const res = await api.get<Body>('/api/network/met-with?limit=1');
    expect(res.body.edges).toHaveLength(1);
    expect(res.body.truncated).toBe(true);
    expect(res.body.edges[0]!.count).toBe(2);
    expect(res.body.nodes.map((n) => n.name).sort()).toEqual(['Donald Trump', 'Vladimir Putin']);
  });

  test.each([
    ['/api/network/met-with?from=yesterday', 'query.from'],
    ['/api/network/met-with?type=party', 'query.type.0'],
    ['/api/network/met-with?limit=0', 'query.limit'],
    ['/api/network/met-with?limit=5001', 'query.limit'],
    ['/api/network/met-with?cueClass=accuse', 'query.cueClass'],
  ])('when given %s, then 400 naming %s', async (path, field) => {
    const res = await api.get(path);
    expect(res.status).toBe(400);
    expect(isErrorBody(res.body)).toBe(true);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  test('when the OpenAPI document is fetched, then it documents the route with its query and answer', async () => {
    const doc = (await api.get('/api/openapi.json')).body;
    const op = doc.paths['/api/network/met-with']?.get;
    expect(op).toBeDefined();
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['actor', 'from', 'limit', 'source', 'to', 'type']);
    expect(doc.components.schemas.MetWithEdge.required).toEqual(expect.arrayContaining(['source', 'target', 'count', 'events', 'firstAt', 'lastAt']));
  });

  // Last: it changes the store.
  test('when "Russian leaders" is merged into Putin, then their pair disappears and the others fold into Putin', async () => {
    const merged = await api.post('/api/actors/merge', { from: ids['Russian leaders'], into: ids['Vladimir Putin'] });
    expect(merged.status).toBe(201);
    const res = await api.get<Body>('/api/network/met-with');
    // Alaska now has three participants (3 pairs), the White House summit still 15.
    expect(res.body.edges).toHaveLength(18);
    expect(res.body.nodes.map((n) => n.name)).not.toContain('Russian leaders');
    expect(pair(res.body, 'United States', 'Vladimir Putin')?.count).toBe(1);
    expect(pair(res.body, 'Donald Trump', 'Vladimir Putin')?.count).toBe(2);
    // Asking by the merged id means asking for Putin.
    const ego = await api.get<Body>(`/api/network/met-with?actor=${ids['Russian leaders']}`);
    expect(ego.body.edges).toHaveLength(2);
  });
});
