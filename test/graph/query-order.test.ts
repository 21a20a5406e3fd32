import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';

/**
 * Every LIMIT in the app's queries that picks rows follows an ORDER BY in
 * the same projection (RETURN or WITH), ending on a unique key: without it
 * Neo4j and the embedded engine may pick different rows (the claims step's
 * candidate lookups did, so claims could differ after `migrate`).
 * LIMITs that do not pick (batches of a loop that handles every row) are
 * listed with the reason.
 */
const NOT_PICKING: Record<string, string> = {
  'identity.ts:IDENTITY.clearAliases': 'deletes aliases in batches until none is left: every row is deleted, in any order',
  'schema.ts:SCHEMA.bandsPage': 'the version-11 migration moves pages of _Band nodes until none is left (each page deleted after): every node is moved, in any order',
};

const QUERY_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '../../server/graph/queries');

/** The LIMITs of a query whose projection (the text since the last RETURN or WITH) has no ORDER BY. */
export function unorderedLimits(query: string): string[] {
  const out: string[] = [];
  for (const m of query.matchAll(/\bLIMIT\b/gi)) {
    const before = query.slice(0, m.index);
    const projection = before.slice(Math.max(before.search(/\b(RETURN|WITH)\b(?![\s\S]*\b(RETURN|WITH)\b)/i), 0));
    if (!/\bORDER\s+BY\b/i.test(projection)) out.push(query.slice(Math.max(0, m.index! - 60), m.index! + 12).replace(/\s+/g, ' '));
  }
  return out;
}

describe('ORDER BY before every LIMIT that picks', () => {
  test('the check finds a LIMIT without ORDER BY, inside a subquery too, and passes one with it', () => {
    expect(unorderedLimits('MATCH (a:Actor) RETURN a LIMIT 4')).toHaveLength(1);
    expect(unorderedLimits('UNWIND $k AS k CALL (k) { MATCH (a {key: k}) RETURN a LIMIT $cap } RETURN a ORDER BY a.id LIMIT 2')).toHaveLength(1);
    expect(unorderedLimits('MATCH (a:Actor) WITH a ORDER BY a.id LIMIT 4 RETURN a ORDER BY a.name, a.id LIMIT 2')).toEqual([]);
  });

  test('every query of server/graph/queries', async () => {
    const found: string[] = [];
    for (const file of readdirSync(QUERY_DIR).filter((f) => f.endsWith('.ts')).sort()) {
      const mod = (await import(pathToFileURL(join(QUERY_DIR, file)).href)) as Record<string, unknown>;
      for (const [exportName, value] of Object.entries(mod)) {
        if (exportName.endsWith('_PARAMS') || typeof value !== 'object' || value === null) continue;
        for (const [key, query] of Object.entries(value)) {
          const name = `${file}:${exportName}.${key}`;
          if (typeof query !== 'string' || NOT_PICKING[name]) continue;
          for (const at of unorderedLimits(query)) found.push(`${name}: ...${at}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
