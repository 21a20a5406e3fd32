import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { HostedStore, openStore, QUERY_LIMITS } from '../../server/graph/index.js';
import { smallArticle } from '../utils/graph-fixtures.js';

/**
 * Issue 14, defects 2 and 5, on the hosted store (the store in a child
 * process, as the server runs it), written from the issue: one short query
 * killed the store process (SIGSEGV) and whatever ran with it failed, 11 of
 * 30 ingests answering 503; parameters or results nested ~2,500 deep did
 * the same; a user query had no memory or answer-size bound (6.3 GB within
 * the time limit). A user query that crashes or overruns must fail alone,
 * with an error saying what it did, while the app's writes go on.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function seeded(opts: { queryMemoryBytes?: number } = {}): Promise<HostedStore> {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-isolation-'));
  dirs.push(dir);
  const store = await openStore({ backend: 'embedded', path: join(dir, 'claimgraph.grafeo'), hosted: true, log: () => undefined, ...opts });
  expect(store).toBeInstanceOf(HostedStore);
  for (let i = 0; i < 10; i++) await store.writeArticle(smallArticle(i));
  return store as HostedStore;
}

/** The query: a list nested 20,000 deep, built by reduce. */
const CRASH = 'RETURN reduce(a = [], i IN range(1, 20000) | [a]) AS x';

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

describe('hosted store: a user query that crashes the store process (issue 14, defect 2)', () => {
  test('when a user query kills the store process, then that query alone fails QUERY_FAILED saying so, and every write sent while it ran is stored', async () => {
    const store = await seeded();
    const oldPid = store.pid;
    const crash = store.readOnly(CRASH, {}, { timeoutMs: 120_000 }).catch((e: unknown) => e);
    const writes = Promise.all([10, 11, 12, 13, 14, 15, 16, 17].map((i) => store.writeArticle(smallArticle(i))));
    const reads = Promise.all([0, 1, 2].map((i) => store.hasArticle(smallArticle(i).article.id)));
    const error = await crash;
    expect(error).toMatchObject({ code: 'QUERY_FAILED', message: expect.stringMatching(/made the store process fail.*nothing else was affected/) });
    expect(await writes).toEqual(Array(8).fill('created'));
    expect(await reads).toEqual([true, true, true]);
    await store.settled();
    expect(store.pid).not.toBe(oldPid);
    expect(store.restarts.map((r) => r.reason)).toEqual(['crash']);
    expect(await store.stats()).toMatchObject({ articles: 18, statements: 54 });
    // The console works on the new process.
    expect(await store.readOnly('MATCH (a:Article) RETURN count(a) AS n')).toEqual([{ n: 18 }]);
    await store.close();
  }, 180_000);

  test.each([
    { name: 'parameters nested 2,500 deep', query: 'RETURN $p AS x', params: { p: nested(2500) }, code: 'BAD_INPUT', message: /query parameters nest more than 64 levels/ },
    { name: 'parameters nested 65 deep', query: 'RETURN $p AS x', params: { p: nested(65) }, code: 'BAD_INPUT', message: /nest more than 64 levels/ },
    { name: 'an answer nested 100 deep', query: 'RETURN reduce(a = [], i IN range(1, 100) | [a]) AS x', params: {}, code: 'QUERY_FAILED', message: /answer nest more than 64 levels/ },
  ])('when $name, then the query is refused ($code) naming the limit, and the store process goes on', async ({ query, params, code, message }) => {
    const store = await seeded();
    const pid = store.pid;
    await expect(store.readOnly(query, params, { timeoutMs: 60_000 })).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(store.pid).toBe(pid);
    expect(store.restarts).toEqual([]);
    await store.close();
  }, 120_000);

  test('when parameters and an answer nest exactly 64 deep, then they are accepted and come back whole', async () => {
    const store = await seeded();
    const [row] = await store.readOnly('RETURN $p AS x', { p: nested(QUERY_LIMITS.maxDepth) });
    expect(row!.x).toEqual(nested(QUERY_LIMITS.maxDepth));
    await store.close();
  }, 120_000);
});

describe('hosted store: memory and size bounds on a user query (issue 14, defect 5)', () => {
  test('when a user query grows the store process past its memory bound, then it fails PAYLOAD_TOO_LARGE, the process is replaced, and writes sent meanwhile are stored', async () => {
    // A bound of 64 MB, injected; the query materialises three million rows of 100 characters (hundreds of MB).
    const store = await seeded({ queryMemoryBytes: 64 * 1024 * 1024 });
    const hog = store
      .readOnly("UNWIND range(1, 3000000) AS i RETURN i, $pad + toString(i) AS s", { pad: 'x'.repeat(100) }, { maxRows: 10 })
      .catch((e: unknown) => e);
    const writes = Promise.all([20, 21, 22, 23].map((i) => store.writeArticle(smallArticle(i))));
    expect(await hog).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/needed more than 64 MB of memory in the store/) });
    expect(await writes).toEqual(Array(4).fill('created'));
    await store.settled();
    expect(store.restarts.map((r) => r.reason)).toEqual(['memory']);
    expect(await store.stats()).toMatchObject({ articles: 14 });
    await store.close();
  }, 180_000);

  test.each([
    { name: 'over the bound', rows: 2000, status: 'refused' },
    { name: 'under the bound', rows: 200, status: 'answered' },
  ])('when an answer is $name (rows of 1,000 characters against a 1 MB bound), then it is $status', async ({ rows, status }) => {
    const store = await seeded();
    const run = store.readOnly('UNWIND range(1, $n) AS i RETURN i, $pad AS s', { n: rows, pad: 'y'.repeat(1000) }, { maxBytes: 1_000_000 });
    if (status === 'refused') {
      await expect(run).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/the answer is larger than 1000000 bytes/) });
    } else {
      expect(await run).toHaveLength(rows);
    }
    expect(store.restarts).toEqual([]);
    await store.close();
  }, 120_000);
});
