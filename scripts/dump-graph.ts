/**
 * Prints every node and relationship of an embedded store, with every
 * property, one JSON line each in a stable order (object keys sorted at every
 * depth, lines sorted), so two stores can be compared with `diff` or `cmp`:
 *
 *   npx tsx scripts/dump-graph.ts DATA_DIR > graph.txt
 *
 * DATA_DIR is what `claimgraph ingest --data` was given. Used to show a
 * change leaves what an ingest writes byte for byte the same (issue 19).
 * Relationship ends are named by their node's id (or key, for bookkeeping
 * nodes), as both are unique.
 */
import { embeddedStorePath, openStore } from '../server/graph/index.js';

const dir = process.argv[2];
if (dir === undefined) {
  process.stderr.write('usage: tsx scripts/dump-graph.ts DATA_DIR\n');
  process.exit(2);
}

const NODES = `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props`;
const RELATIONSHIPS = `MATCH (a)-[r]->(b)
RETURN labels(a) AS fromLabels, coalesce(a.id, a.key) AS from, type(r) AS type, labels(b) AS toLabels, coalesce(b.id, b.key) AS to,
  properties(r) AS props`;

/** A value with object keys sorted at every depth (arrays keep their order: it is data). */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sorted(o[k])]));
  }
  return v;
}

const store = await openStore({ backend: 'embedded', path: embeddedStorePath(dir) });
try {
  for (const q of [NODES, RELATIONSHIPS]) {
    const lines = (await store.run(q)).map((row) => JSON.stringify(sorted(row))).sort();
    for (const line of lines) process.stdout.write(`${line}\n`);
  }
} finally {
  await store.close();
}
