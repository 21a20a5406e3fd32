import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const QUERY_DIR = fileURLToPath(new URL('../../server/graph/queries/', import.meta.url));

/**
 * Query objects that never run on the embedded engine: Neo4j's own schema
 * statements (server/graph/neo4j.ts). Everything else in the query modules is
 * text the app sends to whichever store it has.
 */
export const NEO4J_ONLY = new Set(['SCHEMA_NEO4J']);

/**
 * Every query text the app can send to the embedded engine: each string value
 * of each object exported by server/graph/queries/*.ts (not the `*_PARAMS`
 * samples, not the Neo4j-only objects), named `file:EXPORT.key`.
 */
export async function declaredQueries(): Promise<Array<{ name: string; text: string }>> {
  const out: Array<{ name: string; text: string }> = [];
  for (const file of readdirSync(QUERY_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = (await import(pathToFileURL(join(QUERY_DIR, file)).href)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      if (exportName.endsWith('_PARAMS') || NEO4J_ONLY.has(exportName) || typeof value !== 'object' || value === null) continue;
      for (const [key, text] of Object.entries(value)) if (typeof text === 'string') out.push({ name: `${file}:${exportName}.${key}`, text });
    }
  }
  return out;
}
