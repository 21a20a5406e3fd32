import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HostedStore } from '../../server/graph/index.js';
import { isErrorBody, startApi, type TestApi } from './helpers.js';
import { alive } from '../utils/process.js';

/**
 * The Cypher time limit is real on the embedded engine (issue #4): the
 * server's file-backed store runs in a child process, and a query past the
 * limit is answered 408 at the limit and then stopped by killing that
 * process, which is restarted on the same file. Meanwhile the server answers
 * other requests, and no write is lost.
 */
const LIMIT_MS = 1000;
/**
 * A cartesian product of five statement sets over the seed page: more than 30^5 rows, a query that cannot
 * finish while the test runs, so the 408 follows from the limit and never from this machine's speed.
 */
const RUNAWAY = 'MATCH (a:Statement), (b:Statement), (c:Statement), (d:Statement), (e:Statement) RETURN count(*) AS n';

const article = (n: number) => ({
  text: `"We will not back down on point ${n}," the minister said on Monday.`,
  title: `Runaway test ${n}`,
  publishedAt: '2025-08-20',
});

describe('POST /api/cypher on a file-backed (hosted) store: a runaway query', () => {
  let api: TestApi;
  let dir: string;
  let store: HostedStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-runaway-'));
    api = await startApi({ storePath: join(dir, 'claimgraph.grafeo'), config: { queryTimeoutMs: LIMIT_MS } });
    expect(api.store).toBeInstanceOf(HostedStore);
    store = api.store as HostedStore;
  });
  afterAll(async () => {
    const pid = store?.pid;
    await api?.close();
    // close() leaves no process behind.
    if (pid) expect(alive(pid)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  test('is answered 408 while requests sent meanwhile are answered, then its process is gone and the store answers with all data, writes included', async () => {
    const before = await api.get('/api/stats');
    expect(before.status).toBe(200);
    const seededStatements = before.body.statements as number;
    expect(seededStatements).toBeGreaterThan(30); // 30^5 rows is far past what one second computes
    const oldPid = store.pid!;
    expect(alive(oldPid)).toBe(true);

    const runaway = api.post('/api/cypher', { query: RUNAWAY });
    // A read and a write sent while the runaway runs: both answered.
    const [read, during] = await Promise.all([api.get('/api/statements?limit=5'), api.post('/api/articles', article(1))]);
    expect(read.status).toBe(200);
    expect(read.body.items.length).toBe(5);
    expect(during.status).toBe(201);

    const res = await runaway;
    expect(res.status).toBe(408);
    expect(res.body.code).toBe('QUERY_TIMEOUT');
    expect(res.body.message).toMatch(new RegExp(`longer than ${LIMIT_MS} ms`));
    expect(isErrorBody(res.body)).toBe(true);

    // A write and a read sent at once after the 408, while the process restarts: they wait for it and succeed.
    const [after, stats] = await Promise.all([api.post('/api/articles', article(2)), api.get('/api/stats')]);
    expect(after.status).toBe(201);
    expect(stats.status).toBe(200);

    // The process that ran the runaway is gone; a new one holds the store.
    await store.settled();
    expect(alive(oldPid)).toBe(false);
    expect(store.pid).not.toBe(oldPid);
    expect(store.restarts).toHaveLength(1);
    expect(store.restarts[0]).toMatchObject({ reason: 'timeout', oldPid, newPid: store.pid });

    // All data is there: the seed page and both writes.
    const final = await api.get('/api/stats');
    expect(final.body).toMatchObject({ articles: before.body.articles + 2, statements: seededStatements + 2 });
    for (const written of [during, after]) {
      const id = written.body.articles[0].id as string;
      const got = await api.get(`/api/articles/${id}`);
      expect(got.status).toBe(200);
      expect(got.body.article.title).toBe(written === during ? 'Runaway test 1' : 'Runaway test 2');
    }
    const ok = await api.post('/api/cypher', { query: 'MATCH (s:Statement) RETURN count(s) AS n' });
    expect(ok.status).toBe(200);
    expect(ok.body.rows).toEqual([{ n: seededStatements + 2 }]);
  }, 60_000);
});

describe('POST /api/cypher: the cap on user queries running at once', () => {
  // Four queries that cannot finish hold every slot until the limit stops them; the limit is long enough that
  // the probes below see the cap long before it, and the hosted store's restart ends the work for real.
  const CAP_LIMIT_MS = 10_000;
  let api: TestApi;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-cap-'));
    api = await startApi({ storePath: join(dir, 'claimgraph.grafeo'), config: { queryTimeoutMs: CAP_LIMIT_MS } });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('when four queries are running, then a fifth is refused 503 STORE_UNAVAILABLE (retriable) without running, and served once they end', async () => {
    const settled: number[] = [];
    const running = [1, 2, 3, 4].map((i) => api.post('/api/cypher', { query: RUNAWAY }).then((res) => (settled.push(i), res)));
    // Probe with a trivial query until the cap answers: 200 while fewer than four have reached the route.
    let refused: Awaited<ReturnType<TestApi['post']>> | null = null;
    while (refused === null && settled.length === 0) {
      const probe = await api.post('/api/cypher', { query: 'RETURN 1 AS one' });
      if (probe.status === 503) refused = probe;
      else expect(probe.status).toBe(200);
    }
    expect(refused, 'a probe was refused before any of the four ended').not.toBeNull();
    expect(refused!.body).toEqual({ code: 'STORE_UNAVAILABLE', message: '4 Cypher queries are already running; retry when one has finished', details: [] });
    const ended = await Promise.all(running);
    expect(ended.map((r) => r.body.code)).toEqual(['QUERY_TIMEOUT', 'QUERY_TIMEOUT', 'QUERY_TIMEOUT', 'QUERY_TIMEOUT']);
    const after = await api.post('/api/cypher', { query: 'RETURN 1 AS one' });
    expect(after.status).toBe(200);
    expect(after.body.rows).toEqual([{ one: 1 }]);
  }, 60_000);
});
