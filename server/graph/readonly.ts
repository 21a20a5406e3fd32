import { forbidden, userQueryFailed } from '../errors.js';
import { assertParsesReadOnly, type ReadOnlyKind } from './cypher-parse.js';

export type { ReadOnlyKind } from './cypher-parse.js';

/**
 * The static read-only check for user Cypher: refuses queries with a write,
 * file-reading or admin clause before they reach a database. Two layers
 * must both pass: a deliberately over-eager word check on our own tokens
 * (below), and the decision on Neo4j's own parse (cypher-parse.ts), which
 * refuses what does not parse cleanly and allows only reading clauses. The
 * locks after it: the embedded engine's own plan of the query is checked
 * for write and file operators (plan.ts), Neo4j runs user queries in a READ
 * session, and the embedded engine runs them in a transaction that is
 * always rolled back.
 *
 * It tokenises the query, so keywords inside string literals, comments and
 * backticked names do not count, nor do property keys (`s.start`), map keys
 * (`{set: 1}`), labels and relationship types (`:Create`) or parameters.
 * A bare variable that happens to be named like a keyword (`MATCH (set)`)
 * is refused: rename it or backtick it.
 */

/** Words that start a clause or command that writes, changes the schema or the session, or reads files. */
const FORBIDDEN_WORDS = new Set([
  'CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'NODETACH', 'REMOVE', 'FOREACH', 'INSERT',
  'LOAD', // LOAD CSV reads files and URLs from the server
  'DROP', 'ALTER', 'RENAME', 'GRANT', 'DENY', 'REVOKE', 'TERMINATE',
  'USE', // another database than the app's
  'COMMIT', 'ROLLBACK', 'SESSION', // GQL transaction and session control (the embedded engine accepts them)
]);

/** Forbidden words that open a two-word clause, with the words that complete it, so the refusal names the clause. */
const TWO_WORD_CLAUSES: Record<string, string[]> = { DETACH: ['DELETE'], NODETACH: ['DELETE'], LOAD: ['CSV'] };

/** Read-only procedures user queries may CALL. Anything else may write or reach outside the graph. */
export const ALLOWED_PROCEDURES = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
  'dbms.components',
]);

/**
 * Namespaces of Neo4j's built-in functions. A namespaced function from
 * anywhere else is a plugin's (APOC, GDS, user-defined), which may read
 * files or reach the network, so user queries may not call it.
 */
export const BUILT_IN_FUNCTION_NAMESPACES = new Set(['date', 'datetime', 'localdatetime', 'localtime', 'time', 'duration', 'point', 'vector', 'db']);

/**
 * What `SHOW ...` may list: the graph's schema and the functions and
 * procedures. Users, roles, privileges, settings, transactions, servers and
 * databases are the administrator's, not the console's.
 */
const SHOW_ADMIN_WORDS = new Set([
  'USER', 'USERS', 'ROLE', 'ROLES', 'PRIVILEGE', 'PRIVILEGES', 'SETTING', 'SETTINGS', 'TRANSACTION', 'TRANSACTIONS',
  'SERVER', 'SERVERS', 'DATABASE', 'DATABASES', 'ALIAS', 'ALIASES', 'CURRENT',
]);

/** Cypher's number literals: hexadecimal, octal, decimal with fraction and exponent (underscores between digits). */
const NUMBER = /^(?:0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9][0-9_]*)?)/;

export type TokenKind = 'word' | 'param' | 'number' | 'string' | 'quoted' | 'punct';
export interface Token {
  kind: TokenKind;
  text: string;
  offset: number;
}

/**
 * Splits Cypher into tokens, dropping whitespace and comments. Strings keep
 * their quotes; backslash escapes are honoured so `'a\'b'` is one token.
 * Throws QUERY_FAILED on an unterminated string, name or comment, because a
 * tokeniser that guessed could hide a clause from the check.
 */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i]!;
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '/' && query[i + 1] === '/') {
      const nl = query.indexOf('\n', i);
      i = nl === -1 ? n : nl + 1;
    } else if (c === '/' && query[i + 1] === '*') {
      const close = query.indexOf('*/', i + 2);
      if (close === -1) throw userQueryFailed(`unterminated comment at offset ${i}`);
      i = close + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n && query[j] !== c) j += query[j] === '\\' ? 2 : 1;
      if (j >= n) throw userQueryFailed(`unterminated string at offset ${i}`);
      tokens.push({ kind: 'string', text: query.slice(i, j + 1), offset: i });
      i = j + 1;
    } else if (c === '`') {
      // A backtick inside a quoted name is written twice.
      let j = i + 1;
      for (;;) {
        if (j >= n) throw userQueryFailed(`unterminated backticked name at offset ${i}`);
        if (query[j] === '`') {
          if (query[j + 1] === '`') j += 2;
          else break;
        } else j++;
      }
      tokens.push({ kind: 'quoted', text: query.slice(i, j + 1), offset: i });
      i = j + 1;
    } else if (c === '$') {
      const m = /^\$(?:[\p{L}\p{N}_]+|`[^`]*`)?/u.exec(query.slice(i))!;
      tokens.push({ kind: 'param', text: m[0], offset: i });
      i += m[0].length;
    } else if (/[\p{L}_]/u.test(c)) {
      const m = /^[\p{L}\p{N}_]+/u.exec(query.slice(i))!;
      tokens.push({ kind: 'word', text: m[0], offset: i });
      i += m[0].length;
    } else if (/[0-9]/.test(c)) {
      const m = NUMBER.exec(query.slice(i))!;
      // `1LOAD` is a number and a word to an engine, whatever a check makes of it: refuse the ambiguity.
      const after = query[i + m[0].length];
      if (after !== undefined && /[\p{L}\p{N}_$`'"]/u.test(after)) {
        throw userQueryFailed(`a number glued to a name or string at offset ${i} ("${query.slice(i, i + m[0].length + 8)}..."): put a space between them`);
      }
      tokens.push({ kind: 'number', text: m[0], offset: i });
      i += m[0].length;
    } else {
      tokens.push({ kind: 'punct', text: c, offset: i });
      i++;
    }
  }
  return tokens;
}

/**
 * Throws FORBIDDEN naming the first write clause, file read or disallowed
 * procedure in `query`, QUERY_FAILED when it does not tokenise or parse
 * cleanly; returns whether it is a query or a SHOW listing otherwise.
 */
export function assertReadOnly(query: string): ReadOnlyKind {
  assertNoForbiddenWords(query);
  return assertParsesReadOnly(query, { allowedProcedures: ALLOWED_PROCEDURES, builtInFunctionNamespaces: BUILT_IN_FUNCTION_NAMESPACES });
}

/**
 * Parses a few typical queries once, so the first user query does not pay
 * the parser's warm-up (its prediction tables fill on first use: about
 * 0.3-0.5 s here, then a few ms a query). Call it where a server or store
 * process starts, before queries arrive.
 */
export function warmUpReadOnlyCheck(): void {
  for (const query of WARM_UP) {
    try {
      assertReadOnly(query);
    } catch {
      // Warm-up only: a refusal here changes nothing.
    }
  }
}

const WARM_UP = [
  "MATCH (p:Actor)-[r:SAID]->(s:Statement)-[:ABOUT]->(t:Actor) WHERE s.content CONTAINS 'x' AND s.saidAt >= $from " +
    'OPTIONAL MATCH (s)-[:INSTANCE_OF]->(c:Claim) WITH p, t, count(s) AS n, collect(DISTINCT c.id)[0..3] AS cs ' +
    'RETURN p.name AS speaker, t.name AS target, n, cs, [x IN cs | toLower(x)] AS l ORDER BY n DESC SKIP 0 LIMIT 10',
  'MATCH (a:Actor) WHERE EXISTS { (a)-[:SAID]->() } CALL (a) { MATCH (a)-->(b) RETURN count(b) AS c } ' +
    'RETURN a, c, COUNT { (a)--() } AS d, CASE WHEN c > 1 THEN 1 ELSE 0 END AS k UNION ALL MATCH p = (x)-[*1..2]-(y) RETURN x AS a, 1 AS c, 2 AS d, 3 AS k',
  'CALL db.labels() YIELD label RETURN label',
];

/**
 * The word layer alone: every forbidden word outside strings, comments and
 * names, whatever the grammar makes of it. Cheap (no parser): the hosted
 * store uses it to decide whether one of the app's own queries is safe to
 * send again.
 */
export function assertNoForbiddenWords(query: string): void {
  const tokens = tokenize(query);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    if (t.kind === 'quoted' && next?.kind === 'punct' && next.text === '.' && !(prev?.kind === 'punct' && prev.text === '.') && !isWord(prev, 'CALL')) {
      checkNamespacedFunction(tokens, k);
    }
    if (t.kind !== 'word') continue;
    // Property keys (`s.set`), labels and types (`:Create`, `:A|Create`), map keys (`{set: 1}`) and
    // variables (`(set:X)`, `set.name`) are names: no clause follows `.`, `:`, `|`, `&` or precedes `:` or `.`.
    if (prev?.kind === 'punct' && ['.', ':', '|', '&'].includes(prev.text)) continue;
    if (next?.kind === 'punct' && next.text === '.' && !isWord(prev, 'CALL')) checkNamespacedFunction(tokens, k);
    if (next?.kind === 'punct' && (next.text === ':' || next.text === '.')) continue;
    const word = t.text.toUpperCase();
    if (word === 'SHOW') checkShow(tokens, k);
    // Name the whole clause when the word starts a two-word one ("DETACH DELETE", "LOAD CSV").
    if (FORBIDDEN_WORDS.has(word)) refuse(TWO_WORD_CLAUSES[word]?.includes(next?.text.toUpperCase() ?? '') ? `${word} ${next!.text.toUpperCase()}` : word, t);
    if ((word === 'START' || word === 'STOP') && isWord(next, 'DATABASE', 'TRANSACTION')) refuse(`${word} ${next!.text.toUpperCase()}`, t);
    if (word === 'TRANSACTIONS' && isWord(prev, 'IN')) refuse('CALL { ... } IN TRANSACTIONS', t);
    if (word === 'CALL') checkCall(tokens, k);
  }
}

/**
 * The dotted name starting at token `k` (`apoc.load.json`, backticked parts
 * unquoted) and the index of the token after it.
 */
function dottedName(tokens: Token[], k: number): { parts: string[]; after: number } {
  const parts: string[] = [];
  let j = k;
  for (;;) {
    const t = tokens[j];
    if (!t || (t.kind !== 'word' && t.kind !== 'quoted')) return { parts, after: j };
    parts.push(t.kind === 'quoted' ? t.text.slice(1, -1).replace(/``/g, '`') : t.text);
    const dot = tokens[j + 1];
    if (dot?.kind === 'punct' && dot.text === '.') j += 2;
    else return { parts, after: j + 1 };
  }
}

function checkCall(tokens: Token[], k: number): void {
  const next = tokens[k + 1];
  // `CALL {` and `CALL (x) {` are subqueries: their bodies are checked like the rest.
  if (!next || (next.kind === 'punct' && (next.text === '{' || next.text === '('))) return;
  const name = dottedName(tokens, k + 1).parts.join('.');
  if (!ALLOWED_PROCEDURES.has(name.toLowerCase())) {
    throw forbidden(`read-only queries may not call the procedure "${name || '?'}"; allowed: ${[...ALLOWED_PROCEDURES].join(', ')}`);
  }
}

/** A dotted name followed by `(` is a function call: refused unless its namespace is a built-in one. */
function checkNamespacedFunction(tokens: Token[], k: number): void {
  const { parts, after } = dottedName(tokens, k);
  const open = tokens[after];
  // Not followed by `(`: a property access (`s.content`), not a call.
  if (parts.length < 2 || open?.kind !== 'punct' || open.text !== '(') return;
  if (BUILT_IN_FUNCTION_NAMESPACES.has(parts[0]!.toLowerCase())) return;
  throw forbidden(
    `read-only queries may not call the function "${parts.join('.')}" (at offset ${tokens[k]!.offset}): only Neo4j's built-in functions are allowed ` +
      `(plain names, or the namespaces ${[...BUILT_IN_FUNCTION_NAMESPACES].join(', ')})`,
  );
}

/** `SHOW` of schema, functions or procedures is allowed; of users, roles, settings, transactions, servers or databases it is refused. */
function checkShow(tokens: Token[], k: number): void {
  for (let j = k + 1; j < Math.min(tokens.length, k + 4); j++) {
    const t = tokens[j]!;
    if (t.kind !== 'word') return;
    if (SHOW_ADMIN_WORDS.has(t.text.toUpperCase())) refuse(`SHOW ${t.text.toUpperCase()}`, tokens[k]!);
  }
}

function isWord(t: Token | undefined, ...words: string[]): boolean {
  return t?.kind === 'word' && words.includes(t.text.toUpperCase());
}

function refuse(what: string, t: Token): never {
  throw forbidden(`read-only queries may not use ${what} (at offset ${t.offset})`);
}
