import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { MODEL } from '../../server/graph/queries/schema.js';
import { API_PARAMS, EXPORT_PARAMS, IDENTITY_PARAMS, NETWORK_PARAMS, READ_PARAMS } from './query-params.js';
import { CLAIMS_PARAMS, EVENTS_PARAMS, EVENTS_STEP_PARAMS, SORTED_PARAMS, WRITE_PARAMS } from './query-params-steps.js';
import { CASES as FIDELITY } from './fidelity/cases.js';

/**
 * Every Cypher string the app sends (server/graph/queries/**) through Neo4j's
 * own parser and semantic analysis, with its parameters declared, since no
 * Neo4j server runs here. A query object `X` declares its sample parameters
 * in `X_PARAMS` (same keys): in ./query-params.ts (API, READ, EXPORT,
 * IDENTITY, NETWORK) and ./query-params-steps.ts (CLAIMS, EVENTS,
 * EVENTS_STEP, SORTED, WRITE), else next to `X` (SCHEMA's, per backend).
 *
 * SCHEMA_EMBEDDED (Grafeo's index statements) is linted too: its
 * `CREATE INDEX name IF NOT EXISTS FOR (n:L) ON (n.p)` is also Neo4j syntax.
 * Should Grafeo ever need a statement Neo4j does not parse, list its object in
 * GRAFEO_ONLY below with the reason; the contract suite runs it on Grafeo.
 */
const GRAFEO_ONLY = new Set<string>([]);

// Under vitest's ESM resolution the package's `import` entry does not resolve; its CommonJS build does.
const { lintCypherQuery, testData } = createRequire(import.meta.url)('@neo4j-cypher/language-support') as {
  lintCypherQuery: (query: string, dbSchema: Record<string, unknown>) => Array<{ severity?: number; message: string }>;
  testData: { mockSchema: { functions: Record<string, Record<string, { isBuiltIn?: boolean }>>; procedures: Record<string, Record<string, unknown>> } };
};

/** Sample parameters kept in test/ rather than next to their queries. */
const TEST_PARAMS: Record<string, Record<string, Record<string, unknown>>> = {
  API: API_PARAMS, READ: READ_PARAMS, EXPORT: EXPORT_PARAMS, IDENTITY: IDENTITY_PARAMS, NETWORK: NETWORK_PARAMS,
  CLAIMS: CLAIMS_PARAMS, EVENTS: EVENTS_PARAMS, EVENTS_STEP: EVENTS_STEP_PARAMS, SORTED: SORTED_PARAMS, WRITE: WRITE_PARAMS,
};
/**
 * Neo4j 5's function and procedure lists, as the package ships them (its
 * test data: a Neo4j 5 server's SHOW FUNCTIONS and SHOW PROCEDURES, with
 * signatures). Only built-in functions and Neo4j's own procedures (db.*,
 * dbms.*, tx.*): a plugin's (APOC, GDS) would not be on a plain server.
 * Declared to the linter, they make an unknown or misspelled function or
 * procedure an error ("Function x is not present in the database").
 */
const NEO4J_FUNCTIONS = Object.fromEntries(Object.entries(testData.mockSchema.functions['CYPHER 5']!).filter(([, f]) => f.isBuiltIn === true));
const NEO4J_PROCEDURES = Object.fromEntries(Object.entries(testData.mockSchema.procedures['CYPHER 5']!).filter(([name]) => /^(db|dbms|tx)\./.test(name)));

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
const DB_SCHEMA = {
  // The bookkeeping labels' former names: only schema version 6's migration names them (checked below).
  labels: [...MODEL.labels, ...MODEL.formerLabels],
  relationshipTypes: [...MODEL.relationshipTypes],
  functions: { 'CYPHER 5': NEO4J_FUNCTIONS },
  procedures: { 'CYPHER 5': NEO4J_PROCEDURES },
};

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

  test('the function and procedure lists are Neo4j 5\'s (built-ins the app and users call are on them)', () => {
    expect(Object.keys(NEO4J_FUNCTIONS).length).toBeGreaterThan(100);
    for (const f of ['coalesce', 'toLower', 'datetime', 'duration.between', 'date.truncate', 'round']) expect(NEO4J_FUNCTIONS).toHaveProperty([f]);
    for (const p of ['db.labels', 'db.schema.visualization']) expect(NEO4J_PROCEDURES).toHaveProperty([p]);
    expect(Object.keys(NEO4J_FUNCTIONS).some((f) => f.startsWith('apoc.'))).toBe(false);
  });

  test.each([
    { what: 'a misspelled function', query: "MATCH (a:Actor) RETURN toLowerr(a.name) AS n", names: /toLowerr/ },
    { what: 'a misspelled namespaced function', query: "RETURN duration.betwen(date('2024-01-01'), date('2024-03-15')) AS d", names: /duration\.betwen/ },
    { what: 'a plugin function', query: "RETURN apoc.text.join(['a'], ',') AS s", names: /apoc\.text\.join/ },
    { what: 'a misspelled procedure', query: 'CALL db.labelz() YIELD label RETURN label', names: /db\.labelz/ },
  ])('the lint fails on $what', ({ query, names }) => {
    const errors = lintCypherQuery(query, { ...DB_SCHEMA, parameters: {} }).filter((d) => d.severity === 1).map((d) => d.message);
    expect(errors.join('\n')).toMatch(names);
    expect(errors.join('\n')).toMatch(/is not present in the database/);
  });

  test('every query of the fidelity suite is valid Neo4j Cypher, its functions and procedures Neo4j\'s', () => {
    const problems = FIDELITY.flatMap((c) =>
      lintCypherQuery(c.query, { ...DB_SCHEMA, parameters: {} })
        .filter((d) => d.severity === 1)
        .map((d) => `${c.name}: ${d.message}`),
    );
    expect(problems).toEqual([]);
  }, 120_000);

  test('only the migration to schema version 6 and the version read name a bookkeeping label by its former name', () => {
    const former = new RegExp(`:(${MODEL.formerLabels.join('|')})\\b`);
    const naming = cases.filter((c) => former.test(c.query)).map((c) => c.name).sort();
    expect(naming).toEqual([
      'schema.ts:SCHEMA.readVersion', 'schema.ts:SCHEMA.removeFormerVersion',
      'schema.ts:SCHEMA.renameActorDay', 'schema.ts:SCHEMA.renameActorPair', 'schema.ts:SCHEMA.renameActorTotal',
      'schema.ts:SCHEMA.renameAlias', 'schema.ts:SCHEMA.renameBand', 'schema.ts:SCHEMA.renameDayCount', 'schema.ts:SCHEMA.renameEventKey',
    ]);
    // Every bookkeeping label is in the marked namespace, every domain label outside it.
    for (const l of MODEL.derivedLabels) expect(l.startsWith('_')).toBe(true);
    expect(MODEL.labels.filter((l) => l.startsWith('_')).sort()).toEqual([...MODEL.derivedLabels, ...MODEL.retiredLabels, '_SchemaVersion'].sort());
  });

  test('the lint catches a bad query (so a pass means something)', () => {
    const bad = lintCypherQuery('MATCH (a:Actor {id: $undeclared}) RETRUN a', { ...DB_SCHEMA, parameters: {} });
    expect(bad.filter((d) => d.severity === 1).length).toBeGreaterThan(0);
  });
});
