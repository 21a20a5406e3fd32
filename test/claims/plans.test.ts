import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore, type GraphStore } from '../../server/graph/index.js';
import { CLAIMS } from '../../server/graph/queries/claims.js';
import { CLAIMS_PARAMS } from '../graph/query-params-steps.js';

/**
 * No query of the claims step reads the whole store: Grafeo's EXPLAIN shows
 * every node scan either under an index filter (a seek on `id` or `key`) or
 * fed by its input (a node bound earlier in the query). A scan with neither
 * (what an OPTIONAL MATCH or an existence pattern such as
 * `WHERE NOT (o)-[:R]->()` plans as in Grafeo 0.6) would make the step's cost
 * grow with the store.
 */
let store: GraphStore;
beforeAll(async () => {
  store = await openStore({ backend: 'embedded', path: null });
});
afterAll(async () => {
  await store.close();
});

/**
 * The queries resolveActors, updateClaims and claimsState run, per article. Not here: articleBandKeys and
 * statementBandKeys, which read every member's band keys once per process to build the index in memory
 * (server/claims/band-store.ts): scans by design, outside the per-article cost.
 */
const STEP = ['lookupAliases', 'actorsByIds', 'bandSeq', 'articleCandidates', 'linkRepublishes', 'statementCandidates', 'linkClaims', 'linkContradictions', 'claimsOfArticles', 'claimMembers', 'setClaimStats', 'finishArticles', 'articleClaimsVersion'] as const;

/**
 * The plan lines that scan. A `NodeScan` is a seek when an index filter sits
 * right above it, and a bound node when it is unlabeled (`(v:*)`) and its
 * input binds `v` (the input names it, or is a MERGE's bound branch,
 * `Discriminant`); any other is a scan of a label or of every node, once per
 * input row. An inline scan without input (an existence subquery) is one too.
 */
async function scans(query: string, params: Record<string, unknown>): Promise<string[]> {
  const lines = (await store.run(`EXPLAIN ${query}`, params)).flatMap((r) => String(r.plan).split('\n')).filter((l) => l.trim() !== '');
  const depth = (l: string) => l.length - l.trimStart().length;
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (/NodeScanOp \{[^}]*input: None/.test(line)) out.push(line.trim().slice(0, 120));
    const scan = /^\s*NodeScan \((\w+):(\S+)\)/.exec(line);
    if (!scan) return;
    const parent = lines.slice(0, i).reverse().find((l) => depth(l) < depth(line)) ?? '';
    if (/\[index: /.test(parent)) return;
    const end = lines.findIndex((l, j) => j > i && depth(l) <= depth(line));
    const input = lines.slice(i + 1, end === -1 ? lines.length : end).join('\n');
    const v = scan[1]!;
    const bound = scan[2] === '*' && (/^\s*Discriminant/.test(input) || new RegExp(`\\(${v}[),]|[ (]${v}\\.`).test(input));
    if (!bound) out.push(`${parent.trim()} <- ${line.trim()}`);
  });
  return out;
}

describe('query plans of the claims step', () => {
  test.each(STEP.map((name) => ({ name })))('$name seeks by index or from bound nodes, never scans', async ({ name }) => {
    expect(await scans(CLAIMS[name], CLAIMS_PARAMS[name])).toEqual([]);
  });

  test.each([
    { name: 'an OPTIONAL MATCH from a bound article', query: 'UNWIND [$id] AS id MATCH (a:Article {id: id}) OPTIONAL MATCH (a)-[:REPUBLISHES]->(o:Article) RETURN o.id AS o' },
    { name: 'an existence pattern', query: 'MATCH (a:Article {id: $id}) RETURN [(a)-[:REPUBLISHES]->(o:Article) WHERE NOT (o)-[:REPUBLISHES]->(:Article) | o.id] AS o' },
    { name: 'a pattern starting from an unbound source', query: 'MATCH (a:Article {id: $id}) MATCH (s:Source)-[:PUBLISHED]->(a) RETURN s.id AS s' },
  ])('the check finds the scan in $name (the forms the step avoids)', async ({ query }) => {
    expect((await scans(query, { id: 'art_0' })).length).toBeGreaterThan(0);
  });
});
