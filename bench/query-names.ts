import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const QUERY_DIR = fileURLToPath(new URL('../server/graph/queries/', import.meta.url));

/** Every declared query text (server/graph/queries/*.ts) mapped to its name, `EXPORT.key`, for reports of which queries ran. */
export async function declaredQueryNames(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of readdirSync(QUERY_DIR).filter((f) => f.endsWith('.ts'))) {
    const mod = (await import(pathToFileURL(join(QUERY_DIR, file)).href)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      if (exportName.endsWith('_PARAMS') || typeof value !== 'object' || value === null) continue;
      for (const [key, text] of Object.entries(value)) if (typeof text === 'string') out.set(text, `${exportName}.${key}`);
    }
  }
  return out;
}
