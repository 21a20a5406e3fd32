import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { upgradeFormerLabels } from '../../server/exchange/cypher-import.js';
import { runUserQuery, withoutBookkeeping } from '../../server/graph/index.js';
import { MODEL } from '../../server/graph/queries/schema.js';
import { tokenize } from '../../server/graph/readonly.js';
import { SCHEMA_VERSION } from '../../server/graph/schema.js';
import type { GraphStore, Row } from '../../server/graph/types.js';
import { readInputs } from '../../server/ingest/index.js';
import { ingestInputs } from '../../server/pipeline/index.js';
import { storeSandbox } from '../utils/stores.js';

/**
 * Bookkeeping (lookup keys, counters, the schema version) lives in one marked
 * namespace, labels starting with `_` (docs/cypher.md, "Bookkeeping labels"):
 * a store written now has no other non-domain label; schema version 6 renames
 * the labels of a store written before (Band -> _Band ...) without changing
 * anything else; the console's schema views leave the namespace out.
 */
const BOOKKEEPING_LABELS = MODEL.bookkeepingLabels;
const DOMAIN_LABELS = MODEL.domainLabels;
const SEED_PAGE = fileURLToPath(new URL('../fixtures/seed-page.txt', import.meta.url));

/** Every node but the version record, as sorted JSON (labels and properties). */
async function dump(store: GraphStore): Promise<string[]> {
  const rows = await store.run("MATCH (n) WHERE n.id IS NULL OR n.id <> 'claimgraph' RETURN labels(n) AS labels, properties(n) AS props");
  return rows.map((r) => JSON.stringify([r.labels, Object.entries(r.props as Row).sort(([a], [b]) => a.localeCompare(b))])).sort();
}
async function links(store: GraphStore): Promise<string[]> {
  const rows = await store.run('MATCH (a)-[r]->(b) RETURN labels(a) AS from, coalesce(a.id, a.key) AS a, type(r) AS type, labels(b) AS to, coalesce(b.id, b.key) AS b');
  return rows.map((r) => JSON.stringify(r)).sort();
}
async function labelCounts(store: GraphStore): Promise<Record<string, number>> {
  const rows = await store.run('MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n');
  return Object.fromEntries(rows.map((r) => [String(r.l), Number(r.n)]));
}

/** What version 5 wrote: the same nodes under the former names (test-only texts, one per label). */
async function downgradeToVersion5(store: GraphStore): Promise<void> {
  for (const [i, former] of MODEL.formerLabels.entries()) {
    const label = BOOKKEEPING_LABELS[i]!;
    expect(label).toBe(`_${former}`);
    await store.run(`MATCH (n:${label}) SET n:${former} REMOVE n:${label} RETURN count(n) AS n`);
  }
  // Labels that came after version 5 have no former name: a version-5 store has none of their nodes (the network
  // rollups, version 8, which the migration backfills).
  for (const label of BOOKKEEPING_LABELS.slice(MODEL.formerLabels.length)) await store.run(`MATCH (n:${label}) DETACH DELETE n`);
  await store.run("MATCH (v:SchemaVersion {id: 'claimgraph'}) SET v.version = 5 RETURN v.version AS v");
}

describe('bookkeeping in the marked namespace', () => {
  const { tempDir, open } = storeSandbox('bookkeeping-');
  let path: string;
  let before: { nodes: string[]; links: string[]; counts: Record<string, number> };
  beforeAll(async () => {
    path = join(tempDir(), 'store.grafeo');
    const store = await open(path);
    const summary = await ingestInputs(store, readInputs([SEED_PAGE], { retrievedAt: '2025-08-21T12:00:00.000Z' }));
    expect(summary.failed).toBe(0);
    before = { nodes: await dump(store), links: await links(store), counts: await labelCounts(store) };
    await store.close();
  }, 120_000);

  test('a store written now: every label is a domain label or a marked bookkeeping one, and each of them is used', () => {
    const labels = Object.keys(before.counts);
    const domain = new Set<string>(DOMAIN_LABELS);
    expect(labels.filter((l) => !domain.has(l) && !l.startsWith('_'))).toEqual([]);
    const retired = new Set<string>(MODEL.retiredLabels);
    expect(labels.filter((l) => l.startsWith('_')).sort()).toEqual(BOOKKEEPING_LABELS.filter((l) => !retired.has(l)).sort());
    // The marked labels are most of the nodes (so leaving them out of the views matters).
    const marked = labels.filter((l) => l.startsWith('_')).reduce((n, l) => n + before.counts[l]!, 0);
    const all = Object.values(before.counts).reduce((n, c) => n + c, 0);
    expect(marked).toBeGreaterThan(all / 2);
  });

  test('when a version-5 store (former label names) is opened, then the labels are renamed, nothing else changes, and the version is current', async () => {
    const old = await open(path);
    await downgradeToVersion5(old);
    const downgraded = await labelCounts(old);
    expect(Object.keys(downgraded).filter((l) => l.startsWith('_'))).toEqual([]);
    expect(downgraded.Band).toBe(before.counts._Band);
    await old.close();

    const store = await open(path);
    expect(await dump(store)).toEqual(before.nodes);
    expect(await links(store)).toEqual(before.links);
    const after = await labelCounts(store);
    expect(after).toEqual(before.counts);
    expect(await store.run('MATCH (v:_SchemaVersion) RETURN v.id AS id, v.version AS version')).toEqual([{ id: 'claimgraph', version: SCHEMA_VERSION }]);
    expect(SCHEMA_VERSION).toBe(11);
    // The store keeps working on the renamed keys: ingesting the same page again finds every article stored.
    const again = await ingestInputs(store, readInputs([SEED_PAGE], { retrievedAt: '2025-08-21T12:00:00.000Z' }));
    expect(again).toMatchObject({ failed: 0, ingested: 0, unchanged: 4 }); // the seed page's four articles
    expect(await labelCounts(store)).toEqual(before.counts);
    await store.close();
  }, 120_000);

  test('when an older claimgraph wrote a former version node and a former label beside the new ones, then opening renames them and keeps one version node', async () => {
    const store = await open(path);
    await store.run("CREATE (:SchemaVersion {id: 'claimgraph', version: 5}) CREATE (:Alias {key: 'zz-test-alias'})");
    await store.close();
    const reopened = await open(path);
    expect(await reopened.run('MATCH (v:_SchemaVersion) RETURN v.version AS version')).toEqual([{ version: SCHEMA_VERSION }]);
    expect(await reopened.run('MATCH (n) WHERE n:SchemaVersion OR n:Alias RETURN count(n) AS n')).toEqual([{ n: 0 }]);
    expect(await reopened.run("MATCH (b:_Alias {key: 'zz-test-alias'}) DETACH DELETE b RETURN count(*) AS n")).toEqual([{ n: 1 }]);
    await reopened.close();
  }, 60_000);

  test.each([
    { query: 'CALL db.labels()', column: 'label' },
    { query: 'CALL db.labels() YIELD label RETURN label ORDER BY label', column: 'label' },
    { query: 'SHOW INDEXES', column: 'label' },
  ])('the schema view $query leaves the namespace (and the former names) out', async ({ query, column }) => {
    const store = await open(path);
    const raw = await store.readOnly(query, {});
    const { rows } = await runUserQuery(store, query, {});
    // The engine's own answer names bookkeeping labels; the view does not, and keeps every domain row.
    expect(raw.some((r) => String(r[column]).startsWith('_'))).toBe(true);
    expect(rows.filter((r) => String(r[column]).startsWith('_') || (MODEL.formerLabels as readonly string[]).includes(String(r[column])))).toEqual([]);
    expect(rows).toEqual(raw.filter((r) => (DOMAIN_LABELS as readonly string[]).includes(String(r[column]))));
    expect(rows.length).toBeGreaterThan(0);
  }, 60_000);

  test('a user query that is no schema view answers what it matched, bookkeeping included', async () => {
    const store = await open(path);
    const { rows } = await runUserQuery(store, 'MATCH (b:_Alias) RETURN count(b) AS n', {});
    expect(before.counts._Alias).toBeGreaterThan(0);
    expect(rows).toEqual([{ n: before.counts._Alias }]);
  }, 60_000);

  test('db.schema.visualization as Neo4j answers it (virtual nodes): the bookkeeping nodes and their relationships go', () => {
    const node = (id: string, label: string) => ({ name: label, indexes: [], constraints: [], _id: id, _labels: [label] });
    const rel = (id: string, type: string, from: string, to: string) => ({ _id: id, _type: type, _source: from, _target: to });
    const row = {
      nodes: [node('-1', 'Article'), node('-2', 'Statement'), node('-3', '_Band'), node('-4', 'Actor'), node('-5', '_Alias')],
      relationships: [rel('-10', 'CONTAINS', '-1', '-2'), rel('-11', 'IN_BAND', '-2', '-3'), rel('-12', 'OF', '-5', '-4'), rel('-13', 'IN_BAND', '-1', '-3')],
    };
    const [view] = withoutBookkeeping(tokenize('CALL db.schema.visualization()'), [row]);
    expect(view).toEqual({ nodes: [row.nodes[0], row.nodes[1], row.nodes[3]], relationships: [row.relationships[0]] });
    // Not a schema view: unchanged.
    expect(withoutBookkeeping(tokenize('MATCH (n) RETURN n'), [row])).toEqual([row]);
  });

  test.each([
    ["MERGE (n:Band {key: 'a'}) SET n += {members: 2}", "MERGE (n:_Band {key: 'a'}) SET n += {members: 2}"],
    ["MATCH (k:Alias {key: 'r:x'}), (b:Actor {id: 'act_1'}) MERGE (k)-[r:OF]->(b)", "MATCH (k:_Alias {key: 'r:x'}), (b:Actor {id: 'act_1'}) MERGE (k)-[r:OF]->(b)"],
    ["MERGE (n:SchemaVersion {id: 'claimgraph'}) SET n += {version: 5}", "MERGE (n:_SchemaVersion {id: 'claimgraph'}) SET n += {version: 5}"],
    // Already marked, a domain label, a longer name, a string that merely mentions a label: unchanged.
    ["MERGE (n:_DayCount {key: '2019-01-04|say'})", "MERGE (n:_DayCount {key: '2019-01-04|say'})"],
    ["MERGE (n:Actor {id: 'act_1'})", "MERGE (n:Actor {id: 'act_1'})"],
    ["MERGE (n:Bandwidth {key: 'a'})", "MERGE (n:Bandwidth {key: 'a'})"],
    ["CREATE CONSTRAINT band_key_unique IF NOT EXISTS FOR (n:Band) REQUIRE n.key IS UNIQUE", "CREATE CONSTRAINT band_key_unique IF NOT EXISTS FOR (n:Band) REQUIRE n.key IS UNIQUE"],
  ])('an older cypher export statement %s loads as %s', (statement, upgraded) => {
    expect(upgradeFormerLabels(statement)).toBe(upgraded);
  });
});
