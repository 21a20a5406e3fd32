import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { declaredQueries } from '../utils/declared-queries.js';

/**
 * Every query text the app can send is executed on the embedded engine at
 * least once by the suite. This file runs after every other test file (its
 * own vitest project, a later group: vitest.config.ts), over the texts that
 * test/utils/record-queries.mjs recorded in every process of this run: test
 * workers, CLI children, hosted store processes.
 */
describe('query texts executed by the suite', () => {
  test('the texts executed on the embedded engine include every declared query text', async () => {
    const dir = process.env.CLAIMGRAPH_QUERY_LOG;
    expect(dir, 'no record of executed queries: run the whole suite (npm test), whose global setup turns the record on').toBeTruthy();
    const executed = new Set<string>();
    for (const file of readdirSync(dir!)) {
      for (const line of readFileSync(join(dir!, file), 'utf8').split('\n')) if (line) executed.add(JSON.parse(line) as string);
    }
    const declared = await declaredQueries();
    expect(declared.length).toBeGreaterThan(100);
    const never = declared.filter((q) => !executed.has(q.text)).map((q) => q.name);
    expect(never, 'declared queries no test executed').toEqual([]);
  });

  test('the record sees what it should (so an empty list of misses means something)', () => {
    // The schema set-up runs on every store open: if the record worked at all, it is there.
    const dir = process.env.CLAIMGRAPH_QUERY_LOG!;
    const texts = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.map((t) => JSON.parse(t) as string)).toContain("OPTIONAL MATCH (v:SchemaVersion {id: 'claimgraph'}) RETURN v.version AS version");
  });
});
