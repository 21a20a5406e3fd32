import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { embeddedStorePath, openStore } from '../../server/graph/index.js';
import { runCli, SEED_PAGE, tempDir } from '../utils/cli.js';

/**
 * `claimgraph query` hosts the store in a child process, so its time limit
 * (CLAIMGRAPH_QUERY_TIMEOUT_MS) stops a runaway query: the command ends soon
 * after the limit, not when the engine would have finished (minutes here),
 * and leaves no process holding the store.
 */
describe('claimgraph query past its time limit', () => {
  let data: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    data = await tempDir('claimgraph-query-timeout-');
    const r = await runCli(['ingest', SEED_PAGE, '--retrieved-at', '2025-08-21T12:00:00Z', '--data', data.dir]);
    expect(r.code).toBe(0);
  });
  afterAll(async () => {
    await data?.cleanup();
  });

  test('when the query runs past the limit, then it fails QUERY_TIMEOUT (it cannot finish otherwise) and the store opens again at once', async () => {
    // Five statement sets over the seed page's ~50 statements: hundreds of millions of rows.
    const r = await runCli(
      ['query', 'MATCH (a:Statement), (b:Statement), (c:Statement), (d:Statement), (e:Statement) RETURN count(*) AS n', '--data', data.dir],
      { env: { CLAIMGRAPH_QUERY_TIMEOUT_MS: '1000' } },
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/QUERY_TIMEOUT|longer than 1000 ms/);
    // The query cannot finish within the test's 90 s: the command ending at all shows the limit stopped it.
    // Nothing holds the file any more: an in-process open succeeds (a live holder would give STORE_UNAVAILABLE) and the data is there.
    const store = await openStore({ backend: 'embedded', path: embeddedStorePath(data.dir) });
    expect((await store.stats()).statements).toBeGreaterThan(30);
    await store.close();
  }, 90_000);
});
