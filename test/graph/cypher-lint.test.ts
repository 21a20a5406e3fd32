import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { MODEL } from '../../server/graph/queries/schema.js';
import { API_PARAMS, EXPORT_PARAMS, IDENTITY_PARAMS, READ_PARAMS } from './query-params.js';

/**
 * Every Cypher string the app sends (server/graph/queries/**) through Neo4j's
 * own parser and semantic analysis, with its parameters declared, since no
 * Neo4j server runs here. A query object `X` declares its sample parameters
 * in `X_PARAMS` (same keys): in ./query-params.ts (API, READ, EXPORT,
 * IDENTITY), else next to `X`.
 *
 * SCHEMA_EMBEDDED (Grafeo's index statements) is linted too: its
 * `CREATE INDEX name IF NOT EXISTS FOR (n:L) ON (n.p)` is also Neo4j syntax.
 * Should Grafeo ever need a statement Neo4j does not parse, list its object in
 * GRAFEO_ONLY below with the reason; the contract suite runs it on Grafeo.
 */
const GRAFEO_ONLY = new Set<string>([]);

// Under vitest's ESM resolution the package's `import` entry does not resolve; its CommonJS build does.
const { lintCypherQuery } = createRequire(import.meta.url)('@neo4j-cypher/language-support') as {
  lintCypherQuery: (query: string, dbSchema: Record<string, unknown>) => Array<{ severity?: number; message: string }>;
};

/** Sample parameters kept in test/ rather than next to their queries. */
const TEST_PARAMS: Record<string, Record<string, Record<string, unknown>>> = { API: API_PARAMS, READ: READ_PARAMS, EXPORT: EXPORT_PARAMS, IDENTITY: IDENTITY_PARAMS };

const QUERY_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '../../server/graph/queries');

interface Case {
  name: string;
  query: string;
  params: Record<string, unknown> | undefined;
}

async function collectQueries(): Promise<Case[]> {
  const cases: Case[] = [];
  for (const file of readdirSync(QUERY_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = (await import(pathToFileURL(join(QUERY_DIR, file)).href)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      if (exportName.endsWith('_PARAMS') || GRAFEO_ONLY.has(exportName) || typeof value !== 'object' || value === null) continue;
      // Either place may hold a query's samples (another change may add queries with their samples beside them).
      const own = mod[`${exportName}_PARAMS`] as Record<string, Record<string, unknown>> | undefined;
      const params = TEST_PARAMS[exportName] || own ? { ...own, ...TEST_PARAMS[exportName] } : undefined;
      for (const [key, query] of Object.entries(value)) {
        if (typeof query === 'string') cases.push({ name: `${file}:${exportName}.${key}`, query, params: params?.[key] });
      }
    }
  }
  return cases;
}

const cases = await collectQueries();

/** The graph model, so the linter's "label/type not in the database" warnings catch typos and undeclared additions. */
const DB_SCHEMA = { labels: [...MODEL.labels], relationshipTypes: [...MODEL.relationshipTypes] };

describe('Cypher lint (Neo4j parser and semantic analysis)', () => {
  test('the query set is not empty and includes the article write', () => {
    expect(cases.length).toBeGreaterThan(20);
    const names = cases.map((c) => c.name);
    for (const q of ['upsertArticle', 'upsertSource', 'linkSource', 'upsertActors', 'linkMentions', 'upsertStatements', 'linkSpeakers', 'linkAbout', 'linkAddressees', 'linkVia']) {
      expect(names).toContain(`write.ts:WRITE.${q}`);
    }
    expect(names).toContain('read.ts:READ.timeline');
    expect(names.some((n) => n.startsWith('schema.ts:SCHEMA_NEO4J.'))).toBe(true);
  });

  test.each(cases)('$name', ({ query, params }) => {
    expect(params, 'declare its parameters in the matching *_PARAMS object').toBeDefined();
    const diagnostics = lintCypherQuery(query, { ...DB_SCHEMA, parameters: params });
    const errors = diagnostics.filter((d) => d.severity === 1).map((d) => d.message);
    expect(errors).toEqual([]);
    // Warnings name unknown labels or relationship types (typos) and deprecated syntax: none allowed either.
    const warnings = diagnostics.filter((d) => d.severity === 2).map((d) => d.message);
    expect(warnings).toEqual([]);
  });

  test('the lint catches a bad query (so a pass means something)', () => {
    const bad = lintCypherQuery('MATCH (a:Actor {id: $undeclared}) RETRUN a', { ...DB_SCHEMA, parameters: {} });
    expect(bad.filter((d) => d.severity === 1).length).toBeGreaterThan(0);
  });
});
