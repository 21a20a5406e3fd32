import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HostedStore } from '../../server/graph/index.js';
import { startApi, type Reply, type TestApi } from '../api/helpers.js';

/**
 * Issue 14: user queries cannot take ingest down with them. The issue saw
 * 11 of 30 concurrent ingests answer 503 when one query crashed the store
 * process. Here 20 different articles are ingested at once through the API
 * while 10 queries that crash the store process and 4 that run past the
 * (injected) time limit are sent to the console, at most 4 at a time (the
 * endpoint's documented concurrency; more are its own retriable 503 by
 * design). Every ingest must succeed and its article be stored with its
 * claims and events steps done; nothing answers 503; each crashing query is
 * its own 400 (or its own 408 when its turn did not come within the limit:
 * user queries run one at a time), each runaway its own 408.
 */
/** The injected time limit: long enough for a restart of the store process on a loaded machine (up to 2.6 s seen). */
const LIMIT_MS = 5000;
const CRASH = 'RETURN reduce(a = [], i IN range(1, 20000) | [a]) AS x';
/** A cartesian product of five statement sets over the seed page: far past the limit. */
const RUNAWAY = 'MATCH (a:Statement), (b:Statement), (c:Statement), (d:Statement), (e:Statement) RETURN count(*) AS n';

const article = (n: number) => ({
  text: `"We will finish the ring road section ${n} before winter," the transport minister Anna Berg said on Monday. ` +
    `Opposition leader Karl Moss accused her of "promising roads she cannot pay for" in district ${n}.`,
  title: `Storm test ${n}`,
  publishedAt: '2025-08-20',
});

describe('console queries that crash or run away during 20 parallel ingests (issue 14)', () => {
  let api: TestApi;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-storm-'));
    api = await startApi({ storePath: join(dir, 'claimgraph.grafeo'), config: { queryTimeoutMs: LIMIT_MS } });
    expect(api.store).toBeInstanceOf(HostedStore);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every ingest is 201 and stored with its claims and events steps, nothing answers 503, each bad query fails alone', async () => {
    const before = await api.get('/api/stats');
    expect(before.status).toBe(200);

    // 14 console queries sent by 4 clients, each query after the client's previous answer: each client starts with
    // a runaway (so one surely runs, to its limit, while the ingests go on), then the 10 crashing ones.
    const order = [...Array(4).fill(RUNAWAY), ...Array(10).fill(CRASH)] as string[];
    const answers: Array<{ query: string; reply: Reply }> = [];
    const client = async () => {
      for (let next = order.shift(); next !== undefined; next = order.shift()) {
        answers.push({ query: next, reply: await api.post('/api/cypher', { query: next }) });
      }
    };
    const consoles = Promise.all([client(), client(), client(), client()]);
    const ingests = Promise.all(Array.from({ length: 20 }, (_, i) => api.post('/api/articles', article(i))));
    const [replies] = await Promise.all([ingests, consoles]);

    expect(replies.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
    expect(answers).toHaveLength(14);
    // User queries run one at a time and the time limit counts from the request, so a crashing query whose turn
    // did not come within the limit is its own 408; one that ran is its own 400. Never a 503.
    let crashed = 0;
    for (const { query, reply } of answers) {
      expect(reply.status).not.toBe(503);
      if (query === RUNAWAY) expect(reply.body, 'a runaway query').toMatchObject({ code: 'QUERY_TIMEOUT' });
      else if (reply.status === 408) expect(reply.body, 'a crashing query that waited past the limit').toMatchObject({ code: 'QUERY_TIMEOUT' });
      else {
        expect(reply.body, 'a crashing query').toMatchObject({ code: 'QUERY_FAILED', message: expect.stringMatching(/made the store process fail/) });
        crashed++;
      }
    }
    expect(crashed).toBeGreaterThan(0);
    const store = api.store as HostedStore;
    await store.settled();
    expect(store.restarts.filter((r) => r.reason === 'crash')).toHaveLength(crashed);
    // The first query to reach the store runs at once: a runaway, killed at the limit. How many more reach the store
    // before their own limit passes depends on the machine's load (two did beside two CPU burners), so: at least one.
    expect(store.restarts.filter((r) => r.reason === 'timeout').length).toBeGreaterThanOrEqual(1);

    // Every article is stored, readable, and went through its claims and events steps.
    const ids = replies.map((r) => r.body.articles[0].id as string);
    expect(new Set(ids).size).toBe(20);
    for (const [i, id] of ids.entries()) {
      const got = await api.get(`/api/articles/${id}`);
      expect(got.status).toBe(200);
      expect(got.body.article.title).toBe(`Storm test ${i}`);
    }
    const steps = await api.store.run('MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id, a.claimsVersion AS claims, a.eventsVersion AS events', { ids });
    expect(steps).toHaveLength(20);
    for (const s of steps) {
      expect(s.claims, `claims step of ${String(s.id)}`).not.toBeNull();
      expect(s.events, `events step of ${String(s.id)}`).not.toBeNull();
    }
    const after = await api.get('/api/stats');
    expect(after.body.articles).toBe(before.body.articles + 20);
  }, 600_000);
});
