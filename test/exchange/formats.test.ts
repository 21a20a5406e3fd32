import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { SCHEMA_NEO4J } from '../../server/graph/queries/schema.js';
import { openStore } from '../../server/graph/index.js';
import type { GraphStore, Row } from '../../server/graph/types.js';
import { readInputs } from '../../server/ingest/index.js';
import { ingestInputs } from '../../server/pipeline/index.js';
import {
  copyStore, cypherLiteral, exportAnnotations, exportClaims, exportCsv, exportCypher, exportGraphml, exportJsonl, exportStatements,
} from '../../server/exchange/index.js';
import { SEED_PAGE } from '../utils/cli.js';
import { mergeActors } from '../../server/actors/index.js';
import { actorId } from '../../server/ids.js';

const MACRON = actorId('person', 'Macron');
const FRANCE = actorId('country', 'France');

const { lintCypherQuery } = createRequire(import.meta.url)('@neo4j-cypher/language-support') as {
  lintCypherQuery: (q: string, schema: object) => { severity: number; message: string }[];
};

// The model's nodes are those with an id; lookup nodes keyed by `key` (claim bands, aliases) are derived and not exported.
const FINGERPRINT_NODES = 'MATCH (n) WHERE n.id IS NOT NULL RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id';
const FINGERPRINT_RELS =
  'MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL RETURN a.id AS from, type(r) AS type, b.id AS to ORDER BY from, type, to';

async function collect(fn: (write: (s: string) => void) => Promise<unknown>): Promise<string> {
  let out = '';
  await fn((s) => {
    out += s;
  });
  return out;
}

async function fingerprint(store: GraphStore): Promise<{ nodes: Row[]; rels: Row[] }> {
  return { nodes: await store.run(FINGERPRINT_NODES), rels: await store.run(FINGERPRINT_RELS) };
}

describe('export formats on the seed page', () => {
  let store: GraphStore;
  let counts: { nodes: number; rels: number; statements: number };

  beforeAll(async () => {
    store = await openStore({ backend: 'embedded', path: null });
    await ingestInputs(store, readInputs([SEED_PAGE], { retrievedAt: '2025-08-21T12:00:00Z' }));
    // A user's merge decision: a MergeDecision node and a SAME_AS link every whole-graph format must carry.
    await mergeActors(store, MACRON, FRANCE, 'test merge', new Date('2025-08-22T10:00:00Z'));
    const fp = await fingerprint(store);
    counts = { nodes: fp.nodes.length, rels: fp.rels.length, statements: (await store.stats()).statements };
  });
  afterAll(async () => {
    await store.close();
  });

  test('when exported as graphml, then it parses and holds every node and relationship', async () => {
    const xml = await collect((w) => exportGraphml(store, w));
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as { graphml: { graph: { node: unknown[]; edge: unknown[] } } };
    expect(doc.graphml.graph.node).toHaveLength(counts.nodes);
    expect(doc.graphml.graph.edge).toHaveLength(counts.rels);
  });

  test('when exported as a cypher script, then every kind of line passes the Neo4j parser', async () => {
    const lines = (await collect((w) => exportCypher(store, w))).split('\n').filter((l) => l && !l.startsWith('//'));
    const constraints = lines.filter((l) => l.startsWith('CREATE CONSTRAINT')).length;
    expect(constraints).toBeGreaterThanOrEqual(5);
    // The app's Neo4j schema, then the model's nodes, the derived nodes (lookup keys, counters), then every relationship.
    const schema = lines.filter((l) => /^(CREATE|DROP) (CONSTRAINT|INDEX) /.test(l)).length;
    expect(schema).toBe(Object.keys(SCHEMA_NEO4J).length);
    const [derived] = await store.run('MATCH (n) WHERE n.id IS NULL AND n.key IS NOT NULL RETURN count(n) AS nodes');
    const [derivedLinks] = await store.run('MATCH (k)-[r]-(b) WHERE k.id IS NULL AND k.key IS NOT NULL AND b.id IS NOT NULL RETURN count(r) AS rels');
    expect(Number(derived!.nodes)).toBeGreaterThan(0);
    expect(lines.length).toBe(schema + counts.nodes + Number(derived!.nodes) + counts.rels + Number(derivedLinks!.rels));
    // Linting takes ~0.1 s a line: one schema line of each form, the first node line of each label, the first line of each relationship type.
    const firstOfEachKind = new Map<string, string>();
    for (const line of lines) {
      // The schema lines are SCHEMA_NEO4J, linted one by one in test/graph/cypher-lint.test.ts: one of each form here.
      const kind =
        /^(CREATE CONSTRAINT|CREATE INDEX|DROP INDEX|MERGE \(n:\w+)/.exec(line)?.[0] ??
        /MERGE (\([ak]\)-\[r:\w+\]->\([bk]\))/.exec(line)?.[1] ??
        line;
      if (!firstOfEachKind.has(kind)) firstOfEachKind.set(kind, line);
    }
    expect(firstOfEachKind.size).toBeGreaterThan(10);
    for (const line of firstOfEachKind.values()) {
      const errors = lintCypherQuery(line, {}).filter((d) => d.severity === 1);
      expect(errors, line.slice(0, 120)).toEqual([]);
    }
  }, 180_000); // Neo4j's parser is slow to load and ~0.1 s a line

  test('when the cypher script runs on an empty store, then it recreates the same graph', async () => {
    const script = await collect((w) => exportCypher(store, w));
    const target = await openStore({ backend: 'embedded', path: null });
    try {
      for (const line of script.split('\n')) {
        // Constraints are Neo4j schema; the embedded store has its own indexes from openStore.
        if (line && !line.startsWith('//') && !/^(CREATE|DROP) (CONSTRAINT|INDEX) /.test(line)) await target.run(line.replace(/;$/, ''));
      }
      const [a, b] = [await fingerprint(store), await fingerprint(target)];
      expect(b.rels).toEqual(a.rels);
      const strip = (rows: Row[]) => rows.filter((r) => !(r.labels as string[]).includes('_SchemaVersion'));
      expect(strip(b.nodes)).toEqual(strip(a.nodes));
    } finally {
      await target.close();
    }
  });

  test('when the store has a merge decision, then graphml, cypher and csv carry its MergeDecision node and SAME_AS link', async () => {
    const [decision] = await store.run('MATCH (d:MergeDecision) RETURN d.id AS id');
    const id = String(decision!.id);
    const xml = await collect((w) => exportGraphml(store, w));
    expect(xml).toContain(`<node id="${id}"><data key="n_labels">:MergeDecision</data>`);
    expect(xml).toMatch(new RegExp(`source="${MACRON}" target="${FRANCE}"><data key="e_type">SAME_AS</data>`));
    const script = await collect((w) => exportCypher(store, w));
    expect(script).toContain(`MERGE (n:MergeDecision {id: '${id}'})`);
    expect(script).toContain(`MATCH (a:Actor {id: '${MACRON}'}), (b:Actor {id: '${FRANCE}'}) MERGE (a)-[r:SAME_AS]->(b);`);
    const files = new Map<string, string>();
    await exportCsv(store, (file) => (chunk) => void files.set(file, (files.get(file) ?? '') + chunk));
    expect(files.get('nodes_MergeDecision.csv')).toContain(id);
    expect(files.get('rels_SAME_AS.csv')).toContain(`${MACRON},${FRANCE},`);
  });

  test('when exported as csv, then each table has a header and one row per node or relationship', async () => {
    const files = new Map<string, string>();
    await exportCsv(store, (file) => (chunk) => void files.set(file, (files.get(file) ?? '') + chunk));
    const rows = (prefix: string) =>
      [...files.entries()].filter(([f]) => f.startsWith(prefix)).reduce((n, [, body]) => n + csvRecords(body) - 1, 0);
    expect(rows('nodes_')).toBe(counts.nodes);
    expect(rows('rels_')).toBe(counts.rels);
    expect(files.get('nodes_Article.csv')!.split('\n')[0]).toContain('title');
  });

  test('when exported as web annotations, then each quote selector matches the position selector in the article text', async () => {
    const lines = (await collect((w) => exportAnnotations(store, w))).trim().split('\n');
    expect(lines).toHaveLength(counts.statements);
    const texts = new Map((await store.run('MATCH (a:Article) RETURN a.id AS id, a.text AS text')).map((r) => [r.id, String(r.text)]));
    for (const line of lines) {
      const a = JSON.parse(line) as { '@context': string; type: string; target: { source: string; selector: [{ exact: string }, { start: number; end: number }] } };
      expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(a.type).toBe('Annotation');
      const text = texts.get(a.target.source.replace('urn:claimgraph:article:', ''))!;
      const [quote, position] = a.target.selector;
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
    }
  });

  test('when exported as flat statements, then there is one line per statement with speaker and source fields', async () => {
    const lines = (await collect((w) => exportStatements(store, w, 7))).trim().split('\n').map((l) => JSON.parse(l) as Row);
    expect(lines).toHaveLength(counts.statements);
    expect(new Set(lines.map((l) => l.id)).size).toBe(counts.statements); // paging by id: no repeats, none lost
    expect(lines.some((l) => l.speaker === 'Maria Zakharova')).toBe(true);
  });

  test('when claims are exported, then each is a schema.org Claim with its author and every appearance', async () => {
    const lines = (await collect((w) => exportClaims(store, w))).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
    expect(lines.length).toBe((await store.stats()).claims);
    // The seed page's cross-article claim: Putin welcoming the US president's "sincere" desire for peace, in two articles.
    const sincere = lines.find((c) => String(c.text).includes('sincere'))!;
    expect(sincere).toMatchObject({ '@context': 'https://schema.org', '@type': 'Claim', author: { '@type': 'Person', name: 'Vladimir Putin' } });
    expect(sincere.appearance).toHaveLength(2);
  });

  test('when a store is copied into another and copied again, then the copy is the same graph and the rerun changes nothing', async () => {
    const target = await openStore({ backend: 'embedded', path: null });
    try {
      expect(await copyStore(store, target)).toMatchObject({ created: 4, unchanged: 0, failed: 0 });
      expect(await copyStore(store, target)).toMatchObject({ created: 0, unchanged: 4, failed: 0 });
      expect(await collect((w) => exportJsonl(target, w))).toBe(await collect((w) => exportJsonl(store, w)));
    } finally {
      await target.close();
    }
  });
});

describe('cypherLiteral', () => {
  test.each([
    { name: 'a quote and a backslash', value: `it's \\ here`, expected: `'it\\'s \\\\ here'` },
    { name: 'a newline', value: 'a\nb', expected: `'a\\nb'` },
    { name: 'a list of strings', value: ['x', 'y'], expected: `['x', 'y']` },
    { name: 'a map with an odd key', value: { 'a b': 1 }, expected: '{`a b`: 1}' },
    { name: 'null', value: null, expected: 'null' },
  ])('when given $name, then it is a valid escaped Cypher literal', ({ value, expected }) => {
    expect(cypherLiteral(value)).toBe(expected);
    expect(lintCypherQuery(`RETURN ${cypherLiteral(value)} AS v`, {}).filter((d) => d.severity === 1)).toEqual([]);
  });
});

/** Counts CSV records, honouring quoted fields that hold newlines. */
function csvRecords(body: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of body) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) n += 1;
  }
  return n;
}
