import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

/**
 * Every component of server/ (a folder with an index.ts) is entered from
 * another component through its index.ts only (issue 17): a file of
 * server/api may import server/graph/index.js, never server/graph/types.js
 * or server/graph/queries/api.js. Files directly in server/ (app.ts,
 * errors.ts, ...) belong to no component and are imported as they are.
 * Static imports, re-exports and dynamic `import()` are all read.
 */
const SERVER = resolve(fileURLToPath(new URL('../../server', import.meta.url)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The relative module specifiers a source text imports or re-exports. */
export function relativeImports(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
}

/** The component (top folder under server/) of a path, or null for a file directly in server/. */
function componentOf(path: string): string | null {
  const parts = relative(SERVER, path).split('/');
  return parts.length > 1 ? parts[0]! : null;
}

/** "from -> to" for every import of `file` (text `text`) that enters another component past its index.ts. */
export function pastIndex(file: string, text: string): string[] {
  const out: string[] = [];
  for (const spec of relativeImports(text)) {
    const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
    const from = componentOf(file);
    const to = componentOf(target);
    if (to !== null && to !== from && relative(SERVER, target) !== `${to}/index.ts`) out.push(`${relative(SERVER, file)} -> ${relative(SERVER, target)}`);
  }
  return out;
}

/** The components `file` (text `text`) imports from other components. */
function componentImports(file: string, text: string): string[] {
  const from = componentOf(file);
  return relativeImports(text)
    .map((spec) => componentOf(resolve(dirname(file), spec)))
    .filter((to): to is string => to !== null && from !== null && to !== from);
}

/** The cycles of a graph of components ("a -> b -> a"), each found from its first member in name order. */
export function componentCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  const walk = (node: string, path: string[]) => {
    const at = path.indexOf(node);
    if (at >= 0) {
      out.push([...path.slice(at), node].join(' -> '));
      return;
    }
    if (done.has(node)) return;
    for (const next of [...(edges.get(node) ?? [])].sort()) walk(next, [...path, node]);
    done.add(node);
  };
  for (const node of [...edges.keys()].sort()) walk(node, []);
  return out;
}

describe('component boundaries in server/', () => {
  const files = sourceFiles(SERVER);

  test('every component has an index.ts', () => {
    const components = [...new Set(files.map(componentOf).filter((c): c is string => c !== null))].sort();
    expect(components.length).toBeGreaterThan(5);
    expect(components.filter((c) => !files.includes(join(SERVER, c, 'index.ts')))).toEqual([]);
  });

  /**
   * The only imports allowed past an index.ts, each with its reason. `claimgraph
   * extract` must start fast (issue 15: extract --jsonl at 2 MB/s, start-up
   * included): ingest's and pipeline's index files load the store, the HTTP
   * fetcher and the HTML and feed parsers, which extracting JSON lines never uses.
   */
  const NARROW_IMPORTS: Record<string, string> = {
    'cli/extract.ts -> ingest/records.ts': 'extract start-up: JSON records without the fetcher and parsers',
    'cli/extract.ts -> pipeline/pool.ts': 'extract start-up: the thread pool without the store',
    'cli/extract.ts -> pipeline/statements.ts': 'extract start-up: extraction without the store',
    'cli/options.ts -> ingest/dates.ts': 'every command parses its date flags; options.ts is loaded by extract too',
    'pipeline/ingest-extraction.ts -> claims/keys.ts': 'the extraction thread computes article keys without the store modules the claims index loads',
  };

  test('no import enters another component past its index.ts (apart from the listed narrow imports)', () => {
    const bad = files.flatMap((f) => pastIndex(f, readFileSync(f, 'utf8')));
    expect(bad.filter((b) => !(b in NARROW_IMPORTS))).toEqual([]);
    // A listed import no longer made is taken off the list, so the list cannot hide a new one later.
    expect(Object.keys(NARROW_IMPORTS).filter((n) => !bad.includes(n))).toEqual([]);
  });

  test('no two components import each other, directly or through others (claims imports actors, never the reverse)', () => {
    const edges = new Map<string, Set<string>>();
    for (const f of files) {
      const from = componentOf(f);
      if (from === null) continue;
      for (const to of componentImports(f, readFileSync(f, 'utf8'))) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
    expect(edges.get('claims')?.has('actors')).toBe(true);
    expect(componentCycles(edges)).toEqual([]);
  });

  test.each([
    { name: 'two components importing each other', edges: { actors: ['claims'], claims: ['actors'] }, cycles: ['actors -> claims -> actors'] },
    { name: 'a cycle through a third component', edges: { api: ['graph'], graph: ['pipeline'], pipeline: ['api'] }, cycles: ['api -> graph -> pipeline -> api'] },
    { name: 'layers importing downwards only', edges: { api: ['claims', 'graph'], claims: ['actors', 'graph'], actors: ['graph'] }, cycles: [] },
  ])('the cycle check on $name', ({ edges, cycles }) => {
    expect(componentCycles(new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)])))).toEqual(cycles);
  });

  // The rule on made-up files, so an empty list above means something.
  test.each([
    { file: 'api/routes/x.ts', text: "import type { Row } from '../../graph/types.js';", bad: ['api/routes/x.ts -> graph/types.ts'] },
    { file: 'api/routes/x.ts', text: "import { API } from '../../graph/queries/api.js';", bad: ['api/routes/x.ts -> graph/queries/api.ts'] },
    { file: 'cli/x.ts', text: "const m = lazy(() => import('../claims/rerun.js'));", bad: ['cli/x.ts -> claims/rerun.ts'] },
    { file: 'pipeline/x.ts', text: "export { serialWrite } from '../graph/write-queue.js';", bad: ['pipeline/x.ts -> graph/write-queue.ts'] },
    { file: 'api/routes/x.ts', text: "import { statementPage } from '../../graph/index.js';", bad: [] },
    { file: 'graph/repos/x.ts', text: "import { API } from '../queries/api.js';", bad: [] },
    { file: 'app.ts', text: "import { AppError } from './errors.js';\nimport { apiRouter } from './api/index.js';", bad: [] },
    { file: 'api/x.ts', text: "import { AppError } from '../errors.js';", bad: [] },
  ])('$file importing "$text" -> $bad', ({ file, text, bad }) => {
    expect(pastIndex(join(SERVER, file), text)).toEqual(bad);
  });
});
