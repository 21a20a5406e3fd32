import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportJsonl, exportStatements } from '../../server/exchange/index.js';
import { isErrorBody, startApi, type TestApi } from './helpers.js';

/**
 * GET /api/export?format=F streams what `claimgraph export --format F` prints
 * (the CLI uses it while a server holds the store); csv, a file per table, is
 * not a stream and is refused with the formats that are.
 */
describe('GET /api/export', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  const collect = async (fn: (write: (chunk: string) => void) => Promise<unknown>) => {
    let out = '';
    await fn((chunk) => {
      out += chunk;
    });
    return out;
  };

  test.each([
    { format: 'jsonl', type: /application\/x-ndjson/, direct: exportJsonl },
    { format: 'statements', type: /application\/x-ndjson/, direct: exportStatements },
  ])('when format=$format is asked for, then the body is the same export the store writes directly', async ({ format, type, direct }) => {
    const res = await api.get(`/api/export?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(type);
    expect(res.text).toBe(await collect((write) => direct(api.store, write)));
    // The seed page's four articles are in it.
    expect(res.text.split('\n').filter((l) => l.includes('"type":"article"'))).toHaveLength(format === 'jsonl' ? 4 : 0);
  });

  test.each(['csv', 'xml', ''])('when format=%j is asked for, then 400 names the formats that stream', async (format) => {
    const res = await api.get(`/api/export?format=${format}`);
    expect(res.status).toBe(400);
    expect(isErrorBody(res.body)).toBe(true);
    expect(JSON.stringify(res.body)).toMatch(/jsonl/);
  });
});
