/**
 * Cypher injection (issue 9): user input only ever reaches the database as a
 * parameter. Hostile names go through every GET filter, path parameter and
 * POST body of the API and through `claimgraph query --param`, and the whole
 * graph (every node and relationship with its properties) is the same
 * afterwards. A source check proves the premise: no query text is built
 * from values at run time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { embeddedStorePath, openStore } from '../../server/graph/index.js';
import { API } from '../../server/graph/queries/api.js';
import { CLAIMS } from '../../server/graph/queries/claims.js';
import { EXPORT } from '../../server/graph/queries/export.js';
import { READ } from '../../server/graph/queries/read.js';
import { MODEL, SCHEMA, SCHEMA_EMBEDDED, SCHEMA_NEO4J } from '../../server/graph/queries/schema.js';
import { WRITE } from '../../server/graph/queries/write.js';
import { openApiDocument } from '../../server/api/openapi.js';
import { fingerprint, isErrorBody, startApi, type TestApi } from '../api/helpers.js';
import { ROOT, runCli, tempDir, errorLines } from '../utils/cli.js';
import { richArticle, smallArticle } from '../utils/graph-fixtures.js';

/** Names that would change the graph if they were pasted into query text. */
const PAYLOADS = [
  "x'}) DETACH DELETE n //",
  '") MATCH (n) DETACH DELETE n //',
  "x'}) SET n.name = 'pwned' RETURN n //",
  '`) DETACH DELETE n //',
  'x` DETACH DELETE n //',
  '$param',
  '$id}) DETACH DELETE n //',
  "\\'}) DETACH DELETE n //",
  '\\u0027}) DETACH DELETE n //',
  '\u0027}) DETACH DELETE n //',
  "＇}) DETACH DELETE n //",
  '*/ MATCH (n) DETACH DELETE n /*',
  "x' OR 1=1 WITH n DETACH DELETE n //",
  "x; MATCH (n) DETACH DELETE n",
  "x'}) CALL apoc.load.json('http://127.0.0.1:9/') YIELD value RETURN value //",
  "x'}) LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l //",
];

type Send = (api: TestApi, p: string) => ReturnType<TestApi['get']>;

/**
 * Every GET query and path parameter the API documents (its OpenAPI
 * document is generated from the same zod schemas that validate requests,
 * so a new route or filter joins this test by itself).
 */
const DOC = openApiDocument() as unknown as { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> };
const GET_SLOTS: Array<{ slot: string; send: Send }> = Object.entries(DOC.paths).flatMap(([path, ops]) =>
  (ops.get?.parameters ?? [])
    .filter((param) => param.in === 'query' || param.in === 'path')
    .map((param) => ({
      slot: `GET ${path} ${param.in} ${param.name}`,
      send: (api: TestApi, p: string) => {
        // Other path parameters get a plain id; the one under test gets the payload.
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (param.in === 'path' && name === param.name ? encodeURIComponent(p) : 'act_0000000000000000'));
        return api.get(param.in === 'query' ? `${url}?${param.name}=${encodeURIComponent(p)}` : url);
      },
    })),
);

/** Every way the API takes a free value: the documented GET parameters, then bodies and the rest. */
const SLOTS: Array<{ slot: string; send: Send }> = [
  ...GET_SLOTS,
  { slot: 'GET /api/statements?speaker= (a list with a real-looking id)', send: (api, p) => api.get(`/api/statements?speaker=act_0000000000000000,${encodeURIComponent(p)}`) },
  { slot: 'POST /api/actors/merge from', send: (api, p) => api.post('/api/actors/merge', { from: p, into: 'act_0000000000000000' }) },
  { slot: 'POST /api/actors/merge into and note', send: (api, p) => api.post('/api/actors/merge', { from: 'act_0000000000000000', into: p, note: p }) },
  { slot: 'POST /api/actors/:id/split', send: (api, p) => api.post(`/api/actors/${encodeURIComponent(p)}/split`, { note: p }) },
  { slot: 'POST /api/cypher parameter value', send: (api, p) => api.post('/api/cypher', { query: 'MATCH (a:Actor) WHERE a.name = $name OR a.id = $name RETURN count(a) AS n', params: { name: p } }) },
  { slot: 'POST /api/cypher parameter name', send: (api, p) => api.post('/api/cypher', { query: 'MATCH (a:Actor) RETURN count(a) AS n', params: { [p]: p } }) },
  { slot: 'POST /api/articles query dryRun', send: (api, p) => api.post(`/api/articles?dryRun=${encodeURIComponent(p)}`, { text: 'Anna Berg said "yes".' }) },
  {
    slot: 'POST /api/articles?dryRun=true text, title and source',
    send: (api, p) => api.post('/api/articles?dryRun=true', { text: `${p} said "we will win" on Monday, ${p} added.`, title: p, source: p }),
  },
];

describe('hostile names through every API input', () => {
  let api: TestApi;
  let before: string;
  beforeAll(async () => {
    // Known graphs written directly: this suite tests the API's handling of input, not extraction.
    api = await startApi({ seedPage: false, graphs: [richArticle('a'), richArticle('b'), ...Array.from({ length: 10 }, (_, i) => smallArticle(i))] });
    before = await fingerprint(api.store);
  });
  afterAll(async () => {
    await api?.close();
  });

  test('when the inputs are listed from the OpenAPI document, then every filter and path parameter of the views is among them', () => {
    const slots = GET_SLOTS.map((s) => s.slot);
    for (const want of ['GET /api/timeline query actor', 'GET /api/network query source', 'GET /api/statements query speaker', 'GET /api/articles/{id} path id', 'GET /api/actors/{id} path id']) {
      expect(slots).toContain(want);
    }
    expect(slots.length).toBeGreaterThanOrEqual(40);
  });

  const cases = SLOTS.map((s) => ({ ...s, payloads: PAYLOADS }));
  test.each(cases)('when names like x\'}) DETACH DELETE n // go through $slot, then no answer is a 5xx and the graph is unchanged', async ({ slot, send, payloads }) => {
    for (const p of payloads) {
      const res = await send(api, p);
      expect(res.status, `${p}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      if (res.status >= 400) expect(isErrorBody(res.body), res.text.slice(0, 200)).toBe(true);
    }
    // One fingerprint per input (a whole-graph read): any payload that wrote would leave the graph changed.
    expect(await fingerprint(api.store), `graph changed by a payload through ${slot}`).toBe(before);
  });

  test('when a hostile name matches nothing, then a filter answers an empty result rather than everything', async () => {
    for (const p of PAYLOADS) {
      const res = await api.get(`/api/statements?q=${encodeURIComponent(p)}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(0);
    }
  });

  test('when an article with hostile title, source and speaker is stored, then they are stored verbatim and nothing else changes', async () => {
    const nodesBefore = JSON.parse(before) as [string[], string[]];
    for (const p of PAYLOADS.slice(0, 4)) {
      const text = `"We will win the vote," ${p} said on Monday. ${p.length} characters.`;
      const res = await api.post('/api/articles', { text, title: p, source: p });
      expect(res.status, res.text.slice(0, 200)).toBe(201);
      const [row] = await api.store.run('MATCH (src:Source)-[:PUBLISHED]->(a:Article {id: $id}) RETURN a.title AS title, src.name AS source', { id: res.body.articles[0].id });
      expect(row).toEqual({ title: p, source: p });
    }
    // Everything there before is still there, unchanged: the writes only added.
    const [nodes, rels] = JSON.parse(await fingerprint(api.store)) as [string[], string[]];
    expect(nodes).toEqual(expect.arrayContaining(nodesBefore[0]));
    expect(rels).toEqual(expect.arrayContaining(nodesBefore[1]));
  });
});

describe('hostile names through claimgraph query --param', () => {
  // Parameter names are checked by the CLI (letters, digits, _), so hostile text can only be a value.
  test('when every payload is passed as a parameter value, then the query matches nothing and the store is unchanged', async () => {
    const tmp = await tempDir('claimgraph-injection-');
    try {
      const path = embeddedStorePath(tmp.dir);
      const store = await openStore({ backend: 'embedded', path });
      for (let i = 0; i < 5; i++) await store.writeArticle(smallArticle(i));
      const before = await fingerprint(store);
      await store.close();

      const names = PAYLOADS.map((_, i) => `$p${i}`).join(', ');
      const args = ['query', `MATCH (a:Actor) WHERE a.name IN [${names}] OR a.id IN [${names}] RETURN count(a) AS n`, '--data', tmp.dir, '--json'];
      // Values that are valid JSON are parsed as JSON; quoting them as JSON strings keeps each one a string.
      const params = PAYLOADS.flatMap((p, i) => ['--param', `p${i}=${JSON.stringify(p)}`]);
      const r = await runCli([...args, ...params]);
      expect(errorLines(r.stderr)).toEqual([]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([{ n: 0 }]);

      const after = await openStore({ backend: 'embedded', path });
      expect(await fingerprint(after)).toBe(before);
      await after.close();
    } finally {
      await tmp.cleanup();
    }
  }, 90_000);
});

describe('query text is constant', () => {
  const QUERY_DIR = join(ROOT, 'server/graph/queries');
  const OBJECTS = { READ, WRITE, API, CLAIMS, EXPORT, SCHEMA, SCHEMA_NEO4J, SCHEMA_EMBEDDED };

  test.each(Object.entries(OBJECTS))('when %s is loaded, then every query in it is a string, not a function building one', (_, queries) => {
    const values = Object.values(queries);
    expect(values.length).toBeGreaterThan(0);
    for (const q of values) expect(typeof q).toBe('string');
  });

  test('when the schema statements are generated, then each is one fixed form over the model\'s own labels', () => {
    const labels = new Set<string>(MODEL.labels);
    for (const q of [...Object.values(SCHEMA_NEO4J), ...Object.values(SCHEMA_EMBEDDED)]) {
      // The one other form: dropping a former index or constraint (replaced, or on a former label name), by a fixed name.
      if (/^DROP (?:INDEX|CONSTRAINT) [a-z_]+ IF EXISTS$/.test(q)) continue;
      const m = /^CREATE (?:CONSTRAINT|INDEX) [a-z_]+ IF NOT EXISTS FOR \(n:(_?[A-Za-z]+)\) (?:ON \(n\.[A-Za-z]+\)|REQUIRE n\.[A-Za-z]+ IS UNIQUE)$/.exec(q);
      expect(m, q).not.toBeNull();
      expect(labels.has(m![1]!), q).toBe(true);
    }
  });

  const queryFiles = readdirSync(QUERY_DIR).filter((f) => f.endsWith('.ts'));
  test.each(queryFiles)('when %s interpolates into a template, then only module constants of literal text are interpolated', (file) => {
    const parse = (name: string) => ts.createSourceFile(name, readFileSync(join(QUERY_DIR, name), 'utf8'), ts.ScriptTarget.ES2022, true);
    const source = parse(file);
    // Module-level `const X = <string or template literal>`; a template is literal when its own interpolations are.
    const constsOf = (src: ts.SourceFile) => {
      const out = new Map<string, ts.Expression>();
      for (const st of src.statements) {
        if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) out.set(d.name.text, d.initializer);
      }
      return out;
    };
    const literalConsts = constsOf(source);
    // A constant imported from a sibling query module (`import { X } from './other.js'`) counts when it is a literal constant there.
    for (const st of source.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !st.moduleSpecifier.text.startsWith('./')) continue;
      const bindings = st.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      const theirs = constsOf(parse(st.moduleSpecifier.text.slice(2).replace(/\.js$/, '.ts')));
      for (const el of bindings.elements) {
        const init = theirs.get((el.propertyName ?? el.name).text);
        if (init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init))) literalConsts.set(el.name.text, init);
      }
    }
    const isLiteral = (e: ts.Expression, seen: Set<string>): boolean => {
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return true;
      if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => isConstRef(s.expression, seen));
      return false;
    };
    const isConstRef = (e: ts.Expression, seen: Set<string>): boolean => {
      if (!ts.isIdentifier(e) || seen.has(e.text)) return false;
      const init = literalConsts.get(e.text);
      return init !== undefined && isLiteral(init, new Set([...seen, e.text]));
    };
    // schema.ts builds its index statements from MODEL's label list (checked above by form): the loop variables are allowed there.
    const schemaLoopVars = file === 'schema.ts' ? new Set(['l', 'p', 'name']) : new Set<string>();
    const isSchemaPart = (e: ts.Expression) =>
      (ts.isIdentifier(e) && schemaLoopVars.has(e.text)) ||
      (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'snake' && e.arguments.every((a) => ts.isIdentifier(a) && schemaLoopVars.has(a.text)));
    const offending: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isTemplateExpression(node)) {
        for (const span of node.templateSpans) {
          if (!isConstRef(span.expression, new Set()) && !isSchemaPart(span.expression)) offending.push(`\${${span.expression.getText(source)}}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(offending).toEqual([]);
  });

  test('when any server file outside server/graph/queries calls the database, then the query is not literal or template text', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const CALLS = new Set(['run', 'readOnly', 'executeCypher', 'runInRolledBackTransaction', 'executeQuery']);
    const offending: string[] = [];
    // server/graph/user-cypher.ts runs the user's own Cypher (read-only), prefixed with EXPLAIN or PROFILE when the
    // user asked for a plan: that text is the user's by design, not the app's.
    const USER_CYPHER = join('server', 'graph', 'user-cypher.ts');
    const all = files(join(ROOT, 'server')).filter((f) => !f.includes(join('server', 'graph', 'queries')) && !f.endsWith(USER_CYPHER));
    for (const file of all) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node) => {
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && CALLS.has(node.expression.name.text)) {
          const first = node.arguments[0];
          if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first) || ts.isTemplateExpression(first) || ts.isBinaryExpression(first))) {
            offending.push(`${file.slice(ROOT.length)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(all.length).toBeGreaterThan(30);
    expect(offending).toEqual([]);
  });
});
