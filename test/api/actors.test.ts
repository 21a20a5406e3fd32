import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { actor, statement } from '../utils/graph-fixtures.js';
import { stableId } from '../../server/ids.js';
import type { ArticleGraph } from '../../server/graph/types.js';
import { fingerprint, isErrorBody, startApi, type TestApi } from './helpers.js';

// Two actors written directly (so the case does not depend on how the extractor and the
// claims step name people): the full name and the bare surname, the usual merge case.
const EMMANUEL = actor('Olena Kravets');
const BARE = actor('Kravets');

describe('GET /api/actors', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  test('when listing, then actors come with kind, aliases, roles and said/about counts, most active first', async () => {
    const res = await api.get('/api/actors?limit=5');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(5);
    const activity = res.body.items.map((a: { said: number; about: number }) => a.said + a.about);
    expect(activity).toEqual([...activity].sort((a: number, b: number) => b - a));
    expect(res.body.items[0]).toMatchObject({ name: 'Donald Trump', kind: 'person', roles: expect.arrayContaining(['US President']) });
  });

  test('when searching, then names and aliases match case-insensitively', async () => {
    const byAlias = await api.get('/api/actors?q=KIEV');
    expect(byAlias.body.items.map((a: { name: string }) => a.name)).toContain('Ukraine');
    const byKind = await api.get('/api/actors?kind=country&limit=500');
    expect(byKind.body.items.every((a: { kind: string }) => a.kind === 'country')).toBe(true);
    expect(byKind.body.total).toBe(byKind.body.items.length);
    const injection = await api.get(`/api/actors?q=${encodeURIComponent("x'}) DETACH DELETE n //")}`);
    expect(injection.body).toMatchObject({ items: [], total: 0 });
  });

  test.each([
    { name: 'an unknown kind', query: 'kind=planet', path: 'query.kind' },
    { name: 'limit above 500', query: 'limit=501', path: 'query.limit' },
    { name: 'a negative offset', query: 'offset=-1', path: 'query.offset' },
    { name: 'a forged cursor', query: 'cursor=bm9wZQ', path: 'query.cursor' },
    { name: 'an unknown parameter', query: 'sort=name', path: 'query.sort' },
  ])('when the query has $name, then 400 naming $path', async ({ query, path }) => {
    const res = await api.get(`/api/actors?${query}`);
    expect(res.status).toBe(400);
    expect(isErrorBody(res.body)).toBe(true);
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});

describe('GET /api/actors/:id', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  test('when the actor exists, then aliases, roles, statements made and about them, and monthly counts are returned', async () => {
    const trump = (await api.get('/api/actors?q=Donald%20Trump')).body.items[0];
    const res = await api.get(`/api/actors/${trump.id}?statements=500`);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.actor).toMatchObject({ id: trump.id, name: 'Donald Trump', aliases: expect.arrayContaining(['Trump']), mergedFrom: [] });
    expect(d.requestedId).toBe(trump.id);
    expect(d.said).toHaveLength(d.actor.said);
    expect(d.aboutThem).toHaveLength(d.actor.about);
    expect(d.said.every((s: { speakerId: string }) => s.speakerId === trump.id)).toBe(true);
    expect(d.aboutThem.every((s: { about: Array<{ id: string }> }) => s.about.some((x) => x.id === trump.id))).toBe(true);
    const sum = (k: 'said' | 'about') => d.overTime.reduce((n: number, m: Record<string, number>) => n + m[k]!, 0);
    expect(sum('said')).toBe(d.actor.said);
    expect(sum('about')).toBe(d.actor.about);
    expect(d.overTime[0].period).toMatch(/^\d{4}-\d{2}$/);
    expect(d.talksAbout.length).toBeGreaterThan(0);
    expect(d.actor.articles).toBeGreaterThan(0);
  });

  test('when the actor does not exist, then 404 NOT_FOUND', async () => {
    const res = await api.get('/api/actors/act_nobody');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(isErrorBody(res.body)).toBe(true);
  });
});

describe('POST /api/actors/merge and POST /api/actors/:id/split', () => {
  let api: TestApi;
  let saidBefore: { emmanuel: number; bare: number };
  beforeAll(async () => {
    api = await startApi({ graphs: [articleBy(EMMANUEL, 'full-1'), articleBy(EMMANUEL, 'full-2'), articleBy(BARE, 'bare-1')] });
    const get = async (id: string) => (await api.get(`/api/actors/${id}`)).body.actor.said as number;
    saidBefore = { emmanuel: await get(EMMANUEL.id), bare: await get(BARE.id) };
  });
  afterAll(() => api.close());

  test('when merging, then the decision is stored and the merged actor shows as the canonical one everywhere', async () => {
    expect(saidBefore.bare).toBeGreaterThan(0);
    const res = await api.post('/api/actors/merge', { from: BARE.id, into: EMMANUEL.id, note: 'same person' });
    expect(res.status).toBe(201);
    expect(res.body.decision).toMatchObject({ from: BARE.id, into: EMMANUEL.id, fromName: 'Kravets', intoName: 'Olena Kravets', note: 'same person', undoneAt: null });
    expect(res.body.actor).toMatchObject({ id: EMMANUEL.id, said: saidBefore.emmanuel + saidBefore.bare, aliases: expect.arrayContaining(['Kravets']) });

    const list = await api.get('/api/actors?q=kravets');
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([EMMANUEL.id]);
    const viaOld = await api.get(`/api/actors/${BARE.id}`);
    expect(viaOld.body).toMatchObject({ requestedId: BARE.id, actor: { id: EMMANUEL.id, mergedFrom: [{ id: BARE.id, name: 'Kravets' }] } });
    expect(viaOld.body.merges).toHaveLength(1);
    const statements = await api.get(`/api/statements?speaker=${BARE.id}&limit=500`);
    expect(statements.body.total).toBe(saidBefore.emmanuel + saidBefore.bare);
    expect(statements.body.items.every((s: { speakerId: string; speaker: string }) => s.speakerId === EMMANUEL.id && s.speaker === 'Olena Kravets')).toBe(true);
    const network = await api.get('/api/network?limit=5000');
    const ids = network.body.nodes.map((n: { id: string }) => n.id);
    expect(ids).toContain(EMMANUEL.id);
    expect(ids).not.toContain(BARE.id);
    const decisions = await api.post('/api/cypher', { query: 'MATCH (d:MergeDecision) RETURN d.from AS from, d.into AS into' });
    expect(decisions.body.rows).toEqual([{ from: BARE.id, into: EMMANUEL.id }]);
  });

  test('when an article recreating the merged actor id is ingested after the merge, then its statements show as the canonical actor', async () => {
    const graph = articleBy(BARE, 'after-merge');
    expect(await api.store.writeArticle(graph)).toBe('created');
    const res = await api.get(`/api/statements/${graph.statements[0]!.id}`);
    expect(res.body).toMatchObject({ speakerId: EMMANUEL.id, speaker: 'Olena Kravets' });
    const list = await api.get('/api/actors?q=kravets');
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([EMMANUEL.id]);
    expect(list.body.items[0].said).toBe(saidBefore.emmanuel + saidBefore.bare + 1);
  });

  test('when a new text naming the merged actor is posted, then its statements show as the canonical actor', async () => {
    const res = await api.post('/api/articles', {
      text: 'Kravets said on Thursday that "Europe must stand together," speaking in Kyiv after the meeting with the chancellor.',
      title: 'Kravets on Europe',
      source: 'Paris Daily',
      publishedAt: '2025-08-28',
    });
    expect(res.status).toBe(201);
    const speakers = res.body.articles[0].statements.map((s: { speakerId: string | null }) => s.speakerId);
    expect(speakers).toContain(EMMANUEL.id);
    expect(speakers).not.toContain(BARE.id);
  });

  test.each([
    { name: 'the same actor twice', body: () => ({ from: EMMANUEL.id, into: EMMANUEL.id }), status: 409, code: 'CONFLICT' },
    { name: 'an actor already merged', body: () => ({ from: BARE.id, into: actor('Donald Trump').id }), status: 409, code: 'CONFLICT' },
    { name: 'into its own merged actor', body: () => ({ from: EMMANUEL.id, into: BARE.id }), status: 409, code: 'CONFLICT' },
    { name: 'an unknown actor', body: () => ({ from: 'act_nobody', into: EMMANUEL.id }), status: 404, code: 'NOT_FOUND' },
    { name: 'no into', body: () => ({ from: BARE.id }), status: 400, code: 'BAD_INPUT', path: 'body.into' },
    { name: 'an unknown field', body: () => ({ from: BARE.id, into: EMMANUEL.id, force: true }), status: 400, code: 'BAD_INPUT', path: 'body.force' },
  ])('when merging $name, then $status $code and nothing changes', async ({ body, status, code, path }) => {
    const before = await fingerprint(api.store);
    const res = await api.post('/api/actors/merge', body());
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(isErrorBody(res.body)).toBe(true);
    if (path) expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await fingerprint(api.store)).toBe(before);
  });

  test('when splitting, then the decision is marked undone and both actors show on their own again', async () => {
    const res = await api.post(`/api/actors/${BARE.id}/split`, { note: 'different people after all' });
    expect(res.status).toBe(200);
    expect(res.body.decision).toMatchObject({ from: BARE.id, into: EMMANUEL.id, undoneAt: expect.any(String) });
    expect(res.body.actor.id).toBe(BARE.id);
    const list = await api.get('/api/actors?q=kravets');
    expect(list.body.items.map((a: { id: string }) => a.id).sort()).toEqual([BARE.id, EMMANUEL.id].sort());
    const viaOld = await api.get(`/api/actors/${BARE.id}`);
    expect(viaOld.body.actor).toMatchObject({ id: BARE.id, mergedFrom: [] });
    expect(viaOld.body.merges[0].undoneAt).toEqual(expect.any(String));
  });

  test('when splitting an actor that is not merged, then 409 CONFLICT; an unknown one 404', async () => {
    const notMerged = await api.post(`/api/actors/${BARE.id}/split`, {});
    expect(notMerged.status).toBe(409);
    expect(isErrorBody(notMerged.body)).toBe(true);
    const unknown = await api.post('/api/actors/act_nobody/split');
    expect(unknown.status).toBe(404);
  });

  test('when merges chain (A into B, then B into C), then A shows as C; splitting B brings A back under B', async () => {
    const a = actor('Chain A');
    const b = actor('Chain B');
    const c = actor('Chain C');
    for (const [who, key] of [[a, 'a'], [b, 'b'], [c, 'c']] as const) await api.store.writeArticle(articleBy(who, `chain-${key}`));
    expect((await api.post('/api/actors/merge', { from: a.id, into: b.id })).status).toBe(201);
    expect((await api.post('/api/actors/merge', { from: b.id, into: c.id })).status).toBe(201);
    expect((await api.get(`/api/actors/${a.id}`)).body.actor).toMatchObject({ id: c.id, said: 3 });
    expect((await api.post(`/api/actors/${b.id}/split`, {})).status).toBe(200);
    expect((await api.get(`/api/actors/${a.id}`)).body.actor).toMatchObject({ id: b.id, said: 2 });
    expect((await api.get(`/api/actors/${c.id}`)).body.actor).toMatchObject({ id: c.id, said: 1 });
  });
});

/** An article in which `speaker` says one thing about Ukraine. */
function articleBy(speaker: ReturnType<typeof actor>, key: string): ArticleGraph {
  const articleId = stableId('art', `api ${key}`);
  const ukraine = actor('Ukraine', 'country');
  return {
    source: null,
    article: {
      id: articleId,
      url: null,
      title: `Statement ${key}`,
      publishedAt: '2025-09-01T10:00:00.000Z',
      publishedAtPrecision: 'minute',
      retrievedAt: '2025-09-01T11:00:00.000Z',
      contentHash: stableId('sha', key),
      language: 'eng',
      text: `Text ${key}. "We stand with Ukraine," ${speaker.name} said.`.padEnd(120, '.'),
    },
    actors: [speaker, ukraine],
    statements: [statement(articleId, 10, 40, { speakerId: speaker.id, aboutIds: [ukraine.id], cueClass: 'say', saidAt: '2025-09-01' })],
    mentions: [speaker.id, ukraine.id],
  };
}
