import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { SCHEMA_EMBEDDED, SCHEMA_NEO4J } from '../../server/graph/queries/schema.js';

/**
 * Every node key the app MERGEs (`MERGE (x:Label {prop: ...})`) or CREATEs
 * with a key (`CREATE (:_Band {key: ...})`, the claims step's band keys,
 * created because the step read them first) has a uniqueness constraint on
 * Neo4j: without one, two concurrent ingests can both create the node
 * (Neo4j locks a MERGEd key only under a constraint; a CREATE of a key that
 * exists fails under one instead of making a second node), and on the
 * embedded store an index, without which MERGE scans the label.
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
        for (const m of query.matchAll(/(?:MERGE|CREATE)\s*\(\s*\w*\s*:\s*(\w+)\s*\{\s*(\w+)\s*:/g)) keys.add(`${m[1]}.${m[2]}`);
      }
    }
  }
  return keys;
}

const constrained = (schema: Record<string, string>) =>
  new Set(Object.values(schema).flatMap((q) => [...q.matchAll(/FOR \(n:(\w+)\) REQUIRE n\.(\w+) IS UNIQUE/g)].map((m) => `${m[1]}.${m[2]}`)));
const indexed = (schema: Record<string, string>) =>
  new Set(Object.values(schema).flatMap((q) => [...q.matchAll(/FOR \(n:(\w+)\) ON \(n\.(\w+)\)/g)].map((m) => `${m[1]}.${m[2]}`)));

describe('uniqueness constraints for every MERGEd or keyed CREATEd node', () => {
  test('the scan finds the lookup keys (Alias, EventKey), a counter key and the ids', async () => {
    const keys = await mergedKeys();
    for (const k of ['_Alias.key', '_EventKey.key', 'Article.id', 'Actor.id', '_DayCount.key']) expect(keys).toContain(k);
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

  test.each([
    { backend: 'Neo4j', schema: SCHEMA_NEO4J },
    { backend: 'embedded', schema: SCHEMA_EMBEDDED },
  ])('$backend: no index or constraint is created under a name it drops (IF NOT EXISTS would keep the former one, on the former label)', ({ schema }) => {
    const statements = Object.values(schema);
    const dropped = statements.flatMap((q) => [.../^DROP (?:INDEX|CONSTRAINT) (\w+) IF EXISTS$/.exec(q) ?? []].slice(1));
    const created = statements.flatMap((q) => [.../^CREATE (?:INDEX|CONSTRAINT) (\w+) IF NOT EXISTS/.exec(q) ?? []].slice(1));
    // The former bookkeeping labels' names are among the dropped (schema version 6 renamed the labels).
    expect(dropped).toEqual(expect.arrayContaining(['band_key', 'actor_day_actor']));
    expect(created.length).toBeGreaterThan(10);
    expect(created.filter((n) => dropped.includes(n))).toEqual([]);
    // Every index or constraint on a bookkeeping label has the bk_ prefix, every other none.
    for (const q of statements.filter((x) => x.startsWith('CREATE'))) {
      const [, name, label] = /^CREATE (?:INDEX|CONSTRAINT) (\w+) IF NOT EXISTS FOR \(n:(\w+)\)/.exec(q)!;
      expect(name!.startsWith('bk_'), q).toBe(label!.startsWith('_'));
    }
  });
});
