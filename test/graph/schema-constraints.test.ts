import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { SCHEMA_EMBEDDED, SCHEMA_NEO4J } from '../../server/graph/queries/schema.js';

/**
 * Every node key the app MERGEs (`MERGE (x:Label {prop: ...})`) has a
 * uniqueness constraint on Neo4j: without one, two concurrent ingests can
 * both create the node (Neo4j locks a MERGEd key only under a constraint),
 * and on the embedded store an index, without which MERGE scans the label.
 */
const QUERY_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '../../server/graph/queries');

async function mergedKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const file of readdirSync(QUERY_DIR).filter((f) => f.endsWith('.ts'))) {
    const mod = (await import(pathToFileURL(join(QUERY_DIR, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (typeof value !== 'object' || value === null) continue;
      for (const query of Object.values(value)) {
        if (typeof query !== 'string') continue;
        for (const m of query.matchAll(/MERGE\s*\(\s*\w*\s*:\s*(\w+)\s*\{\s*(\w+)\s*:/g)) keys.add(`${m[1]}.${m[2]}`);
      }
    }
  }
  return keys;
}

const constrained = (schema: Record<string, string>) =>
  new Set(Object.values(schema).flatMap((q) => [...q.matchAll(/FOR \(n:(\w+)\) REQUIRE n\.(\w+) IS UNIQUE/g)].map((m) => `${m[1]}.${m[2]}`)));
const indexed = (schema: Record<string, string>) =>
  new Set(Object.values(schema).flatMap((q) => [...q.matchAll(/FOR \(n:(\w+)\) ON \(n\.(\w+)\)/g)].map((m) => `${m[1]}.${m[2]}`)));

describe('uniqueness constraints for every MERGEd key', () => {
  test('the scan finds the keys named in the issue (Alias, Band, EventKey) and the ids', async () => {
    const keys = await mergedKeys();
    for (const k of ['Alias.key', 'Band.key', 'EventKey.key', 'Article.id', 'Actor.id', 'DayCount.key']) expect(keys).toContain(k);
  });

  test('Neo4j: a uniqueness constraint on each; embedded: an index on each', async () => {
    const keys = [...(await mergedKeys())].sort();
    const unique = constrained(SCHEMA_NEO4J);
    const hashed = indexed(SCHEMA_EMBEDDED);
    expect(keys.filter((k) => !unique.has(k))).toEqual([]);
    expect(keys.filter((k) => !hashed.has(k))).toEqual([]);
  });

  test('Neo4j: no plain index on a constrained property (Neo4j refuses the pair), and former indexes dropped before the constraints', () => {
    const statements = Object.values(SCHEMA_NEO4J);
    const unique = constrained(SCHEMA_NEO4J);
    const plain = indexed(SCHEMA_NEO4J);
    expect([...plain].filter((k) => unique.has(k))).toEqual([]);
    const firstConstraint = statements.findIndex((q) => q.startsWith('CREATE CONSTRAINT'));
    const lastDrop = statements.map((q) => q.startsWith('DROP INDEX')).lastIndexOf(true);
    expect(lastDrop).toBeGreaterThanOrEqual(0);
    expect(lastDrop).toBeLessThan(firstConstraint);
  });
});
