import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { AppError, forClient } from '../../server/errors.js';
import { openStore, type GraphStore } from '../../server/graph/index.js';

/**
 * Issue 17: a failing query of the app itself (GraphStore.run) is the
 * store's failure, STORE_FAILED (500), while a client's Cypher the engine
 * refuses (GraphStore.readOnly) stays QUERY_FAILED (400). Neither lets the
 * engine's words reach a client: forClient gives our fixed message; the raw
 * text stays in the error for the log (and in its cause in process).
 * On the embedded store in this process and hosted in a child process,
 * where the error crosses the wire.
 */
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-store-failed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BACKENDS: Array<{ name: string; open: () => Promise<GraphStore> }> = [
  { name: 'embedded', open: () => openStore({ backend: 'embedded', path: null }) },
  { name: 'hosted', open: () => openStore({ backend: 'embedded', path: join(dir, 'hosted.grafeo'), hosted: true, standby: false }) },
];

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected the query to fail'); }, (e: unknown) => e as AppError);

describe.each(BACKENDS)('$name store', ({ open }) => {
  let store: GraphStore;
  afterAll(() => store?.close());

  test.each([
    { who: 'the app (run)', call: (s: GraphStore) => s.run('RETURN 1/0 AS x'), code: 'STORE_FAILED', status: 500, client: 'the graph store could not complete the request; the server log has the reason' },
    { who: 'a client (readOnly)', call: (s: GraphStore) => s.readOnly('RETURN 1/0 AS x'), code: 'QUERY_FAILED', status: 400, client: 'the database could not run the query; the server log has the reason' },
  ])('when a query of $who fails in the engine, then it is $code ($status) and a client reads our message only', async ({ call, code, status, client }) => {
    store ??= await open();
    const error = await failure(call(store));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(code);
    expect(error.httpStatus).toBe(status);
    // The engine's reason is kept for the log...
    expect(error.message).toMatch(/division by zero/i);
    // ...and never sent.
    const safe = forClient(error);
    expect(safe.toJSON()).toEqual({ code, message: client, details: [] });
    expect(JSON.stringify(safe)).not.toMatch(/division/i);
  });
});
