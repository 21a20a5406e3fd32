import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HostedStore } from '../../server/graph/index.js';
import { isErrorBody, startApi, type TestApi } from './helpers.js';

/**
 * Issue 14, defects 2 and 5, through POST /api/cypher on a hosted store as
 * the server runs it: a query that kills the store process is that query's
 * 400, not everyone's 503; parameters nested ~2,500 deep are a 400; an
 * answer past the size bound is a 413 (a 512 MB answer was a 500), and the
 * server keeps answering.
 */
const MAX_BYTES = 100_000;

const article = (n: number) => ({
  text: `"We will not give up on bridge ${n}," the mayor said on Monday.`,
  title: `Bounds test ${n}`,
  publishedAt: '2025-08-20',
});

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

describe('POST /api/cypher: bounds on a user query (issue 14, defects 2 and 5)', () => {
  let api: TestApi;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-bounds-'));
    api = await startApi({ storePath: join(dir, 'claimgraph.grafeo'), config: { queryMaxBytes: MAX_BYTES } });
    expect(api.store).toBeInstanceOf(HostedStore);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('when a query kills the store process, then it is answered 400 QUERY_FAILED and an ingest sent with it is 201 and stored', async () => {
    const crash = api.post('/api/cypher', { query: 'RETURN reduce(a = [], i IN range(1, 20000) | [a]) AS x' });
    const ingest = api.post('/api/articles', article(1));
    const [c, i] = await Promise.all([crash, ingest]);
    expect(c.status).toBe(400);
    expect(isErrorBody(c.body)).toBe(true);
    expect(c.body).toMatchObject({ code: 'QUERY_FAILED', message: expect.stringMatching(/made the store process fail/) });
    expect(i.status).toBe(201);
    const got = await api.get(`/api/articles/${i.body.articles[0].id as string}`);
    expect(got.status).toBe(200);
    expect(got.body.article.title).toBe('Bounds test 1');
  }, 120_000);

  test('when the parameters nest 2,500 deep, then it is answered 400 BAD_INPUT naming the limit', async () => {
    const reply = await api.post('/api/cypher', { query: 'RETURN $p AS x', params: { p: nested(2500) } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/nest more than 64 levels deep/) });
  }, 60_000);

  test('when the answer is larger than the configured bound, then it is answered 413 PAYLOAD_TOO_LARGE while /api/stats answers', async () => {
    // 1,000 rows (the default row limit) of 200 characters: about 210 KB against a 100 KB bound.
    const big = api.post('/api/cypher', { query: 'UNWIND range(1, 5000) AS i RETURN i, $pad AS s', params: { pad: 'z'.repeat(200) } });
    const stats = await api.get('/api/stats');
    expect(stats.status).toBe(200);
    const reply = await big;
    expect(reply.status).toBe(413);
    expect(isErrorBody(reply.body)).toBe(true);
    expect(reply.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(`larger than ${MAX_BYTES} bytes`) });
    // Under the bound, the same query with fewer rows is answered.
    const small = await api.post('/api/cypher', { query: 'UNWIND range(1, 100) AS i RETURN i, $pad AS s', params: { pad: 'z'.repeat(200) } });
    expect(small.status).toBe(200);
    expect(small.body.rows).toHaveLength(100);
  }, 60_000);
});
