import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { exportJsonl, importJsonl } from '../../server/exchange/index.js';
import { openStore } from '../../server/graph/index.js';
import type { GraphStore } from '../../server/graph/types.js';

/**
 * Embedded stores and temporary directories for one describe block: stores
 * opened with `open` are closed after each test, directories from
 * `tempDir` removed after the block. Call it inside `describe`.
 */
export function storeSandbox(prefix: string): { tempDir: () => string; open: (path: string | null) => Promise<GraphStore> } {
  const dirs: string[] = [];
  const stores: GraphStore[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return {
    tempDir: () => {
      const d = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    open: async (path) => {
      const s = await openStore({ backend: 'embedded', path });
      stores.push(s);
      return s;
    },
  };
}

/** Exports `from` as jsonl into a file in `dir` and imports that file into `to`; returns the file and the import's summary. */
export async function exportAndImport(from: GraphStore, to: GraphStore, dir: string) {
  const file = join(dir, 'export.jsonl');
  const lines: string[] = [];
  await exportJsonl(from, async (chunk) => {
    lines.push(chunk);
  });
  writeFileSync(file, lines.join(''));
  return { file, summary: await importJsonl(to, file) };
}
