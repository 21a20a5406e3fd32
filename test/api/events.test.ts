import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isErrorBody, startApi, type TestApi } from './helpers.js';

/**
 * The events API over the real pipeline: the seed page (retrieved
 * 2025-08-21T12:00:00Z) ingested into a real in-memory store. Expectations
 * from reading the page: the White House summit (Monday 18 Aug, told by three
 * articles), the Alaska summit (Friday 15 Aug, two articles) and the
 * Trump-Putin call after the White House meeting ("this week", one article).
 */
describe('GET /api/events on the seed page', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const byName = (items: Array<{ name: string | null; type: string }>, name: string) => items.find((e) => e.name === name);
  const names = (e: { participants: Array<{ name: string }> }) => e.participants.map((p) => p.name);

  test('when listing, then the three events come back oldest first, each merged across the articles that tell it', async () => {
    const res = await api.get('/api/events');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    const items = res.body.items;
    expect(items.map((e: { date: string }) => e.date)).toEqual([...items.map((e: { date: string }) => e.date)].sort());
    const alaska = byName(items, 'Alaska summit') as any;
    expect(alaska).toMatchObject({ type: 'summit', date: '2025-08-15', datePrecision: 'day', reports: 2 });
    expect(names(alaska)).toEqual(expect.arrayContaining(['Donald Trump', 'Vladimir Putin']));
    const whiteHouse = byName(items, 'White House summit') as any;
    expect(whiteHouse).toMatchObject({ type: 'summit', date: '2025-08-18', datePrecision: 'day', reports: 3 });
    expect(names(whiteHouse)).toEqual(expect.arrayContaining(['Donald Trump', 'European leaders']));
    expect(whiteHouse.statements).toBeGreaterThanOrEqual(2);
    const call = items.find((e: { type: string }) => e.type === 'call');
    expect(call).toMatchObject({ date: '2025-08-18', datePrecision: 'week', reports: 1 });
    expect(names(call).sort()).toEqual(['Donald Trump', 'Vladimir Putin']);
  });

  test('when filtering by a window, then only events dated inside it come back', async () => {
    const res = await api.get('/api/events?from=2025-08-14&to=2025-08-16');
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { name: string | null }) => e.name)).toEqual(['Alaska summit']);
  });

  test('when filtering by participant, then only events that actor took part in come back', async () => {
    const all = (await api.get('/api/events')).body.items;
    const putin = all.flatMap((e: any) => e.participants).find((p: { name: string }) => p.name === 'Vladimir Putin');
    const res = await api.get(`/api/events?participant=${putin.id}`);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((e: { type: string }) => e.type).sort()).toEqual(['call', 'summit']);
  });

  test.each([
    { q: 'alaska', names: ['Alaska summit'], why: 'a word of the name' },
    { q: 'SUMMIT', names: ['Alaska summit', 'White House summit'], why: 'the type, any case' },
    { q: 'european', names: ['White House summit'], why: "a participant's name" },
    { q: 'putin', names: ['Alaska summit', null], why: 'a participant of the summit and of the call' },
    { q: 'harvest', names: [], why: 'nothing of any event' },
  ])('when filtering by the words "$q" ($why), then only those events come back', async ({ q, names: want }) => {
    const res = await api.get(`/api/events?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(want.length);
    expect(res.body.items.map((e: { name: string | null }) => e.name).sort()).toEqual([...want].sort());
  });

  test('when paging, then limit and total behave as on the other lists', async () => {
    const res = await api.get('/api/events?limit=1');
    expect(res.body).toMatchObject({ total: 3, limit: 1, offset: 0 });
    expect(res.body.items).toHaveLength(1);
    expect(res.body.nextCursor).not.toBeNull();
  });

  test('when asking for one event, then its participants, reporting articles and the statements made at it come back', async () => {
    const list = (await api.get('/api/events')).body.items;
    const id = (byName(list, "White House summit") as unknown as { id: string }).id;
    const res = await api.get(`/api/events/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.reports.map((a: { title: string }) => a.title).sort()).toEqual([
      "Don't worry about WW3",
      "Macron wants ‘boots on the ground' in Ukraine",
      'Trump envoy tells Alaska summit critics to shut up',
    ]);
    const said = res.body.statements.map((s: { speaker: { name: string } | null; content: string }) => `${s.speaker?.name}: ${s.content.slice(0, 30)}`);
    expect(said).toEqual(expect.arrayContaining([
      "Macron: Ukraine must have a 'strong ar",
      'Macron: We will need peacekeeping oper',
    ]));
  });

  test('when asking for the Alaska summit, then each reporting article comes with the sentences telling it, at offsets into its text', async () => {
    const list = (await api.get('/api/events')).body.items;
    const id = (byName(list, 'Alaska summit') as unknown as { id: string }).id;
    const res = await api.get(`/api/events/${id}`);
    expect(res.status).toBe(200);
    // Read by hand in test/fixtures/seed-page.txt: the first sentence telling the summit in each article, where it
    // starts in that article's text (the envoy article opens with it, line 22; in "Don't worry about WW3", line 36,
    // it starts at character 1100) and where it ends (start + its length).
    const first: Record<string, { start: number; end: number; text: string }> = {
      'Trump envoy tells Alaska summit critics to shut up': {
        start: 0, end: 231,
        text: "The Alaska summit between US President Donald Trump and his Russian counterpart Vladimir Putin was a historic step toward ending the Ukraine conflict, Trump's special envoy Keith Kellogg has said, telling critics to just 'shut up.'",
      },
      "Don't worry about WW3": {
        start: 1100, end: 1276,
        text: 'Last week, Trump hosted Putin in Alaska for the first face-to-face talks between the American and Russian leaders since the escalation of the Ukraine conflict in February 2022.',
      },
    };
    expect(res.body.reports.map((r: { title: string }) => r.title).sort()).toEqual(Object.keys(first).sort());
    for (const r of res.body.reports as Array<{ id: string; title: string; sentences: Array<{ start: number; end: number; text: string }> }>) {
      const want = first[r.title]!;
      expect(want.end - want.start).toBe(want.text.length);
      expect(r.sentences[0]).toEqual(want);
      expect(r.sentences[0]!.text).toMatch(/Alaska|Anchorage/);
      // Every sentence is the article's own text at its offsets, in text order.
      const text = (await api.get(`/api/articles/${r.id}`)).body.article.text as string;
      for (const sn of r.sentences) expect(text.slice(sn.start, sn.end)).toBe(sn.text);
      expect(r.sentences.map((sn) => sn.start)).toEqual([...r.sentences.map((sn) => sn.start)].sort((a, b) => a - b));
    }
  });

  test('when the id is unknown, then 404 with the error body', async () => {
    const res = await api.get('/api/events/evt_none');
    expect(res.status).toBe(404);
    expect(isErrorBody(res.body)).toBe(true);
  });

  test.each([
    ['/api/events?from=yesterday', 'query.from'],
    ['/api/events?type=party', 'query.type'],
    ['/api/events?limit=0', 'query.limit'],
    ['/api/events?color=red', 'query.color'],
  ])('when given %s, then 400 naming %s', async (path, field) => {
    const res = await api.get(path);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  test('when ingesting the page again, then no event is added or duplicated', async () => {
    const before = (await api.get('/api/events')).body;
    const { ingestInputs } = await import('../../server/pipeline/index.js');
    const { readInputs } = await import('../../server/ingest/index.js');
    const { SEED_PAGE, SEED_RETRIEVED_AT } = await import('./helpers.js');
    await ingestInputs(api.store, readInputs([SEED_PAGE], { retrievedAt: SEED_RETRIEVED_AT }));
    expect((await api.get('/api/events')).body).toEqual(before);
  });

  test('when the OpenAPI document is fetched, then it documents both routes', async () => {
    const doc = (await api.get('/api/openapi.json')).body;
    expect(doc.paths['/api/events']?.get).toBeDefined();
    expect(doc.paths['/api/events/{id}']?.get).toBeDefined();
    // The sentences of each reporting article are documented.
    expect(Object.keys(doc.components.schemas.EventSentence.properties).sort()).toEqual(['end', 'start', 'text']);
  });
});
