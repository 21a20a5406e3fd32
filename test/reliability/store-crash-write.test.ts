import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { HostedStore } from '../../server/graph/index.js';
import { startApi, type TestApi } from '../api/helpers.js';
import { crashStoreProcessAt } from '../utils/store-process.js';

/**
 * The store process dies in the middle of the app's own writes (issue 22:
 * "a store crash during a server write", "the drain-timeout kill", "repair
 * of merge decisions after a crash between the two SAME_AS steps"). The
 * crash is placed exactly (test/utils/store-process.ts kills the process at
 * a chosen call), and the outcomes are what a client sees through the API.
 */
/** An article of its own for each case (the id comes from the text): two statements, the engineer's and the councillor's. */
const article = (bridge: string) => ({
  text:
    `"The ${bridge} bridge will reopen in May," the city engineer Lena Holt said on Tuesday. ` +
    'Councillor Omar Reyes accused the engineer of "hiding the real cost of the repairs".',
  title: `Repairs of the ${bridge} bridge`,
  publishedAt: '2025-08-19',
});

describe('a store process crash during the app\'s writes', () => {
  let api: TestApi;
  let dir: string;
  const log: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-crash-write-'));
    api = await startApi({ storePath: join(dir, 'claimgraph.grafeo'), log: (line) => log.push(line) });
    expect(api.store).toBeInstanceOf(HostedStore);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await (api.store as HostedStore).settled();
  });

  const articleCount = async (title: string) => {
    const reply = await api.get(`/api/articles?q=${encodeURIComponent(title)}`);
    expect(reply.status).toBe(200);
    return (reply.body.items as Array<{ title: string }>).filter((a) => a.title === title).length;
  };

  test.each([
    { name: 'killed while it runs the article write', mode: 'after-handover' as const, bridge: 'harbour' },
    { name: 'killed just before the article write reached it', mode: 'instead' as const, bridge: 'river' },
  ])('an article ingested while the store process is $name: 201 created, stored once with its claims and events steps', async ({ mode, bridge }) => {
    const sent = article(bridge);
    const store = api.store as HostedStore;
    const crashesBefore = store.restarts.filter((r) => r.reason === 'crash').length;
    const pidBefore = store.pid;
    const crashed = crashStoreProcessAt(store, (call) => (call.op === 'writeArticle' ? mode : null));

    const reply = await api.post('/api/articles', sent);

    expect((await crashed).op).toBe('writeArticle');
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.articles).toHaveLength(1);
    const written = (reply.body.articles as Array<{ id: string; status: string; statements: number }>)[0]!;
    expect(written.status).toBe('created');
    await store.settled();
    expect(store.restarts.filter((r) => r.reason === 'crash')).toHaveLength(crashesBefore + 1);
    expect(store.pid).not.toBe(pidBefore);
    // The interrupted write was sent again on the new process, once.
    expect(await articleCount(sent.title)).toBe(1);
    const detail = await api.get(`/api/articles/${written.id}`);
    expect(detail.status).toBe(200);
    // Two statements in the text: the engineer's quote and the councillor's accusation.
    expect(detail.body.statements).toHaveLength(2);
    const steps = await api.store.run('MATCH (a:Article {id: $id}) RETURN a.claimsVersion AS claims, a.eventsVersion AS events', { id: written.id });
    expect(steps).toHaveLength(1);
    expect(steps[0]!.claims, 'claims step done').not.toBeNull();
    expect(steps[0]!.events, 'events step done').not.toBeNull();
    // Sending the same article again finds it stored.
    const again = await api.post('/api/articles', sent);
    expect(again.status).toBe(200);
    expect(again.body.articles[0]).toMatchObject({ id: written.id, status: 'unchanged' });
  });

  /** Every SAME_AS link in the graph as `from>into`, sorted. */
  const sameAsLinks = async () =>
    (await api.store.run('MATCH (a:Actor)-[:SAME_AS]->(b:Actor) RETURN a.id + \'>\' + b.id AS link')).map((r) => String(r.link)).sort();
  /** Every actor's mergedInto property as `id>mergedInto`, sorted. */
  const mergedIntoMarks = async () =>
    (await api.store.run('MATCH (a:Actor) WHERE a.mergedInto IS NOT NULL RETURN a.id + \'>\' + a.mergedInto AS mark')).map((r) => String(r.mark)).sort();

  test('a merge whose store process dies between pruning and relinking SAME_AS: 503, no wrong merge left, the next merge repairs it', async () => {
    const store = api.store as HostedStore;
    const actors = await api.get('/api/actors?limit=50');
    expect(actors.status).toBe(200);
    const ids = (actors.body.items as Array<{ id: string }>).map((a) => a.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const [a, b, c, d, e] = ids as [string, string, string, string, string];
    expect(await sameAsLinks()).toEqual([]);

    // a into b: applied whole.
    const first = await api.post('/api/actors/merge', { from: a, into: b });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(await sameAsLinks()).toEqual([`${a}>${b}`]);

    // b into c: a must now point at c too. Its old link a>b is pruned; the process dies before the new links are made.
    const crashed = crashStoreProcessAt(store, (call) => (call.op === 'run' && typeof call.args[0] === 'string' && /MERGE \(a\)-\[:SAME_AS\]->\(b\)/.test(call.args[0]) ? 'instead' : null));
    const second = await api.post('/api/actors/merge', { from: b, into: c });
    expect((await crashed).op).toBe('run');
    expect(second.status, JSON.stringify(second.body)).toBe(503);
    // The client gets our words; the log keeps the store's: the write may or may not have been applied.
    expect(second.body).toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringMatching(/retry/) });
    expect(log.some((l) => /may or may not have been applied/.test(l)), log.join('\n')).toBe(true);
    await store.settled();

    // What the crash left: the decision b>c is kept, the stale link a>b is gone, no link the decisions do not want.
    const decisions = await api.get(`/api/actors/${c}`);
    expect(decisions.status).toBe(200);
    expect((decisions.body.merges as Array<{ from: string; into: string; undoneAt: string | null }>).filter((m) => m.undoneAt === null).map((m) => `${m.from}>${m.into}`))
      .toContain(`${b}>${c}`);
    const wanted = [`${a}>${c}`, `${b}>${c}`];
    const left = await sameAsLinks();
    expect(left.filter((l) => !wanted.includes(l)), 'links no active decision wants').toEqual([]);
    expect(left).not.toContain(`${a}>${b}`);

    // The next merge (of two other actors) rebuilds every link from the decisions.
    const third = await api.post('/api/actors/merge', { from: d, into: e });
    expect(third.status, JSON.stringify(third.body)).toBe(201);
    expect(await sameAsLinks()).toEqual([`${a}>${c}`, `${b}>${c}`, `${d}>${e}`].sort());
    expect(await mergedIntoMarks()).toEqual([`${a}>${c}`, `${b}>${c}`, `${d}>${e}`].sort());
    // Through the API: a, b and c are one actor, shown as c.
    for (const id of [a, b, c]) {
      const page = await api.get(`/api/actors/${id}`);
      expect(page.status).toBe(200);
      expect(page.body.actor.id).toBe(c);
    }
    const members = (await api.get(`/api/actors/${c}`)).body.actor.mergedFrom as Array<{ id: string }>;
    expect(members.map((m) => m.id).sort()).toEqual([a, b].sort());
  });

  test('the merge retried after its answer was lost is the same merge: one decision, and a split undoes it', async () => {
    const actors = (await api.get('/api/actors?limit=50')).body.items as Array<{ id: string; canonicalId?: string | null }>;
    const merged = new Set((await sameAsLinks()).flatMap((l) => l.split('>')));
    const [f, g] = actors.map((x) => x.id).filter((id) => !merged.has(id)) as [string, string];
    const store = api.store as HostedStore;
    // The decision is stored, then the store process dies before SAME_AS is rebuilt: the client gets a 503 saying retry.
    const crashed = crashStoreProcessAt(store, (call) => (call.op === 'run' && typeof call.args[0] === 'string' && /WHERE NOT \(a\.id \+ '>' \+ b\.id\) IN \$keep/.test(call.args[0]) ? 'instead' : null));
    const lost = await api.post('/api/actors/merge', { from: f, into: g });
    await crashed;
    expect(lost.status).toBe(503);
    await store.settled();
    const retry = await api.post('/api/actors/merge', { from: f, into: g });
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    const decisions = await api.store.run('MATCH (d:MergeDecision {from: $f}) WHERE d.undoneAt IS NULL RETURN d.id AS id, d.into AS into', { f });
    expect(decisions).toEqual([{ id: retry.body.decision.id, into: g }]);
    expect((await api.get(`/api/actors/${f}`)).body.actor.id).toBe(g);
    // The split undoes the merge: f is itself again.
    const split = await api.post(`/api/actors/${f}/split`, {});
    expect(split.status, JSON.stringify(split.body)).toBe(200);
    expect((await api.get(`/api/actors/${f}`)).body.actor.id).toBe(f);
    expect(await sameAsLinks()).not.toContain(`${f}>${g}`);
  });
});

describe('a restart whose drain runs out: the app\'s calls still running are killed with the runaway and sent again', () => {
  let dir: string;
  let store: HostedStore;
  const log: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-drain-'));
    // A drain of 0 ms: whatever app call is running when a runaway's restart begins is killed with it.
    store = await HostedStore.open({ path: join(dir, 'store.grafeo'), drainMs: 0, log: (line) => log.push(line) });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a runaway times out while an app read runs: the runaway fails QUERY_TIMEOUT, the read is killed mid-run and answers right from the new process', async () => {
    const pidBefore = store.pid;
    // An app read that takes far longer than the runaway's 1 ms limit plus a restart's start: the sum of 1..3,000,000.
    const read = store.run('UNWIND range(1, 3000000) AS i RETURN sum(i) AS s');
    const runaway = store.readOnly('UNWIND range(1, 3000000) AS i RETURN count(i) AS n', {}, { timeoutMs: 1 });
    await expect(runaway).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    // n (n + 1) / 2 for n = 3,000,000.
    expect(await read).toEqual([{ s: 4_500_001_500_000 }]);
    await store.settled();
    expect(store.restarts.map((r) => r.reason)).toEqual(['timeout']);
    expect(store.pid).not.toBe(pidBefore);
    expect(log.filter((l) => /app calls still running on the store process after 0 ms; stopping it anyway/.test(l))).toHaveLength(1);
  });
});
