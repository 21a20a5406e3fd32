import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import grafeo from '@grafeo-db/js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, type GraphStore } from '../../server/graph/index.js';
import { assertReadOnly, warmUpReadOnlyCheck } from '../../server/graph/readonly.js';
import { smallArticle } from '../utils/graph-fixtures.js';
import { variantArb } from './readonly-variants.js';

/**
 * Fuzz of the read-only check (issue 14): 100,000 generated attempts to hide
 * a write or a file read (test/security/readonly-variants.ts: glued digits
 * and names, comments, unicode escapes and look-alike letters, backticks,
 * invisible and line-separator characters, CALL subqueries, EXISTS/COUNT,
 * UNION, multiple statements). Each must be refused by the check, or be
 * harmless: every accepted variant is then run on a real embedded store
 * through the same readOnly a console query takes, and
 * - the engine's own plan of it (Grafeo's EXPLAIN, an oracle apart from
 *   the check's allow-lists) has no write or file operator,
 * - no answer carries the canary file's text,
 * - the graph (every node, relationship and property) and the canary file
 *   are unchanged at the end.
 * The check runs in process (about 0.5-1 ms a variant on a busy 2-core
 * machine, most refused by the word layer before the parser), so the
 * 100,000 take about a minute; seeded, and fast-check prints the seed and
 * the shrunk counterexample on failure.
 */
const RUNS = 100_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const SECRET = 'canary-0d9e4b7a-do-not-read';

/** Operator names of writes and file reads in Grafeo's plans (seen in EXPLAIN of such queries), with the marker it puts on writing plans. */
const WRITE_OR_FILE = /\[after the write\]|\b(Create|SetProperty|AddLabel|RemoveLabel|DeleteNode|DeleteEdge|Merge|LoadCsv|Remove|Delete|Insert|Foreach)(Op)?\b/;

describe(`read-only check fuzz: ${RUNS.toLocaleString('en')} hidden writes and file reads (seed ${SEED})`, () => {
  let dir: string;
  let canary: string;
  let store: GraphStore;
  const oracle = grafeo.GrafeoDB.create();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-fuzz-'));
    canary = join(dir, 'canary.csv');
    writeFileSync(canary, `${SECRET}\n`);
    store = await openStore({ backend: 'embedded', path: null });
    for (let i = 0; i < 5; i++) await store.writeArticle(smallArticle(i));
    warmUpReadOnlyCheck();
  });
  afterAll(async () => {
    await store?.close();
    oracle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = async () => ({
    nodes: await store.run('MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY n.id, n.key'),
    rels: await store.run('MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, properties(r) AS p, b.id AS b ORDER BY a, t, b'),
  });

  test('every variant is refused by the check or harmless when run', async () => {
    const before = await snapshot();
    const accepted = new Set<string>();
    let refused = 0;
    const started = performance.now();
    fc.assert(
      fc.property(variantArb({ path: canary }), (query) => {
        try {
          assertReadOnly(query);
        } catch (error) {
          // Refused the way the check refuses: our error type, one of its two codes, a message saying why.
          expect(error).toMatchObject({ name: 'AppError', code: expect.stringMatching(/^(FORBIDDEN|QUERY_FAILED)$/), message: expect.stringMatching(/\w/) });
          refused++;
          return;
        }
        accepted.add(query);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const checkMs = performance.now() - started;

    // Every accepted variant: the engine's plan, then the console's path on a real store.
    let planned = 0;
    for (const query of accepted) {
      const plan = await oracle.executeCypher(`EXPLAIN ${query}`, {}).then(
        (r) => String((r.toArray()[0] as { plan?: unknown } | undefined)?.plan ?? ''),
        () => null, // the engine does not parse it: it would not run either
      );
      if (plan !== null) {
        planned++;
        // Quoted text in the plan is the query's literals, not operators.
        expect(plan.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/'(?:[^'\\]|\\.)*'/g, "''"), query).not.toMatch(WRITE_OR_FILE);
      }
      const answer = await store.readOnly(query, {}, { maxRows: 100 }).then(
        (rows) => JSON.stringify(rows),
        (error: unknown) => {
          expect(error, query).toMatchObject({ name: 'AppError' });
          return '';
        },
      );
      expect(answer, query).not.toContain(SECRET);
    }
    expect(await snapshot()).toEqual(before);
    expect(readFileSync(canary, 'utf8')).toBe(`${SECRET}\n`);
    // Most attempts are refused; the accepted ones are where a comment or a string swallowed the clause.
    expect(refused).toBeGreaterThan(RUNS * 0.8);
    console.info(
      `fuzz: ${RUNS} variants checked in ${Math.round(checkMs)} ms (${(checkMs / RUNS).toFixed(3)} ms each): ${refused} refused, ` +
        `${accepted.size} distinct accepted, of which the engine plans ${planned}; all run on a real store, graph and canary unchanged`,
    );
  }, 900_000);
});
