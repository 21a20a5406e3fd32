import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { declaredQueries } from '../utils/declared-queries.js';
import { readQueryRecord, type QueryRecord } from '../utils/query-record.js';

/**
 * The query texts the app sends are exactly the declared ones. This file runs
 * after every other test file (its own vitest project, a later group:
 * vitest.config.ts), over what test/utils/record-queries.mjs recorded in every
 * process of this run (test workers, CLI children, hosted store processes):
 * each text the embedded engine ran, with who made it, read from the call
 * stack: the app's server code, the user's Cypher (the read-only door of the
 * console route and `claimgraph query`), or a test file. Both directions:
 * every declared text was executed, and every text the app sent is declared.
 */
/**
 * Declared query texts no app code sends (found by this check): only tests run
 * them, as helpers or through the contract suite's sweep over READ. EVENTS.evalEvents
 * is sent by scripts/eval-events.ts (`npm run eval`, not part of the suite); the
 * others have no caller in server/ at all and are candidates for removal. The list
 * is exact: a query that gains a caller, or a new one that has none, fails the test.
 */
const SENT_ONLY_BY_TESTS = [
  'claims.ts:CLAIMS.actorNamings',
  'claims.ts:CLAIMS.claimStatements',
  'claims.ts:CLAIMS.listClaims',
  'events.ts:EVENTS.evalEvents',
  'read.ts:READ.actorNetwork',
  'read.ts:READ.actorStatements',
  'read.ts:READ.findActors',
  'read.ts:READ.listActors',
  'read.ts:READ.listArticles',
];

describe('query texts executed by the suite', () => {
  let record: QueryRecord;
  let declared: Array<{ name: string; text: string }>;

  beforeAll(async () => {
    const dir = process.env.CLAIMGRAPH_QUERY_LOG;
    expect(dir, 'no record of executed queries: run the whole suite (npm test), whose global setup turns the record on').toBeTruthy();
    record = readQueryRecord(readdirSync(dir!).map((file) => readFileSync(join(dir!, file), 'utf8')));
    declared = await declaredQueries();
  });

  test('the texts executed on the embedded engine include every declared query text', () => {
    expect(declared.length).toBeGreaterThan(100);
    const never = declared.filter((q) => !record.executed.has(q.text)).map((q) => q.name);
    expect(never, 'declared queries no test executed').toEqual([]);
  });

  test('every text the app sent is a declared query text (the user\'s Cypher and texts tests made aside)', () => {
    const texts = new Set(declared.map((q) => q.text));
    const undeclared = [...record.app].filter((text) => !texts.has(text));
    expect(undeclared, 'texts the app sent that no query module declares').toEqual([]);
  });

  test('every declared query text was sent by the app itself, not only by a test (but for the known list below)', () => {
    const testOnly = declared.filter((q) => !record.app.has(q.text)).map((q) => q.name);
    expect(testOnly.sort(), 'declared queries only tests sent: dead code, or a route no test drives').toEqual([...SENT_ONLY_BY_TESTS].sort());
  });

  test('the record sees what it should (so an empty list of misses means something)', () => {
    // The schema set-up runs on every store open, in the test workers and in every store process.
    expect(record.app).toContain(
      "OPTIONAL MATCH (v:_SchemaVersion {id: 'claimgraph'})\nOPTIONAL MATCH (old:SchemaVersion {id: 'claimgraph'})\nRETURN v.version AS version, old.version AS formerVersion",
    );
    // The console's queries are the user's (test/api/cypher.test.ts sends this one to POST /api/cypher), never the app's.
    const consoleQuery = 'MATCH (a:Actor)-[r:SAID]->(s:Statement) RETURN a, r, s.id AS sid LIMIT 3';
    expect(record.user).toContain(consoleQuery);
    expect(record.user).toContain(`EXPLAIN ${consoleQuery}`);
    expect(record.app).not.toContain(consoleQuery);
    // What a test sends a hosted store itself is the test's (test/graph/hosted.test.ts), though a store process ran it.
    expect(record.test).toContain('RETURN 1 AS one');
    expect(record.app).not.toContain('RETURN 1 AS one');
    // A cypher export script loaded by `claimgraph import` (test/exchange/cypher-roundtrip.test.ts) runs the file's
    // statements: data, recorded as the script's, never as texts the app declares.
    expect(record.script.size).toBeGreaterThan(0);
    expect([...record.script].filter((q) => record.app.has(q))).toEqual([]);
  });
});
