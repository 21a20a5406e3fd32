import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { forbidden, userQueryFailed } from '../errors.js';

/**
 * The read-only decision taken on Neo4j's own parse of a user query
 * (the ANTLR grammar of `@neo4j-cypher/language-support`, the one Neo4j's
 * tools use), not on a lexer of ours: what does not parse cleanly is
 * refused, and what parses is refused unless every clause in it, at any
 * depth (subqueries, EXISTS/COUNT/COLLECT, UNION branches), is on an
 * allow-list of reading clauses, every procedure it calls is on the
 * procedure allow-list, every namespaced function is a built-in one, and
 * it is a single statement. Deciding on an allow-list means a clause the
 * grammar gains later is refused until someone decides it reads.
 *
 * Only the generated lexer and parser are loaded (about 30 MB and 0.1 s),
 * not the package's entry, which also loads its semantic analysis (about
 * 210 MB and 1.3 s). See docs/security.md, "Read-only check on Neo4j's parse".
 */

interface AntlrToken {
  type: number;
  start: number;
  text: string;
}
interface ParseNode {
  ruleIndex?: number;
  children?: ParseNode[] | null;
  symbol?: AntlrToken;
  start?: AntlrToken;
  getText(): string;
}
interface ErrorListener {
  syntaxError(recognizer: unknown, offendingSymbol: unknown, line: number, column: number, msg: string): void;
  reportAmbiguity(): void;
  reportAttemptingFullContext(): void;
  reportContextSensitivity(): void;
}
interface Recognizer {
  removeErrorListeners(): void;
  addErrorListener(listener: ErrorListener): void;
}
interface Parser extends Recognizer {
  ruleNames: string[];
  statementsOrCommands(): ParseNode;
  _errHandler: unknown;
}
type LexerClass = new (input: unknown) => Recognizer;
type ParserClass = new (tokens: unknown) => Parser;
interface Antlr {
  CharStreams: { fromString(text: string): unknown };
  CommonTokenStream: new (lexer: Recognizer) => unknown;
  BailErrorStrategy: new () => unknown;
}
/** What the parser throws at its first error (a RecognitionException, possibly wrapped). */
interface ParseFailure {
  offendingToken?: AntlrToken & { line?: number; column?: number };
  cause?: ParseFailure;
}

// The package's ESM entry does not load under Node's resolution (extensionless imports), and its CommonJS
// entry bundles everything; the generated parser's own ESM files import only `antlr4`, so they are loaded by path.
const require = createRequire(import.meta.url);
const packageMain = pathToFileURL(require.resolve('@neo4j-cypher/language-support'));
const generated = new URL('../esm/project/language-support/src/generated-parser/', packageMain);
const { default: CypherLexer } = (await import(new URL('CypherCmdLexer.js', generated).href)) as { default: LexerClass };
const { default: CypherParser } = (await import(new URL('CypherCmdParser.js', generated).href)) as { default: ParserClass };
// The antlr4 the generated files import: one copy (package-lock pins the version the package asks for), so the
// error strategy and the parser's exceptions are the same classes.
const antlr = (await import('antlr4')) as unknown as Antlr;

/** Clauses a read-only query may contain; every other clause of the grammar is refused. */
const READING_CLAUSES = new Set([
  'matchClause', 'withClause', 'returnClause', 'unwindClause', 'orderBySkipLimitClause', 'filterClause', 'letClause',
  'finishClause', 'callClause', 'subqueryClause',
]);

/** What SHOW may list (and SHOW ... YIELD ... SHOW ... may chain): the graph's schema, functions and procedures. */
const READING_SHOWS = new Set(['showIndexCommand', 'showConstraintCommand', 'showFunctions', 'showProcedures']);

/** Words naming a refused clause in messages, by grammar rule. */
const CLAUSE_WORDS: Record<string, string> = {
  createClause: 'CREATE', insertClause: 'INSERT', deleteClause: 'DELETE', setClause: 'SET', removeClause: 'REMOVE',
  mergeClause: 'MERGE', loadCSVClause: 'LOAD CSV', foreachClause: 'FOREACH', useClause: 'USE',
};

export interface ParseCheckOptions {
  /** Procedures a query may CALL, lower case. */
  allowedProcedures: ReadonlySet<string>;
  /** Namespaces of functions a query may call (plain names are always allowed), lower case. */
  builtInFunctionNamespaces: ReadonlySet<string>;
}

/** What a read-only query is: a query the engine plans, or a SHOW listing of the schema, functions or procedures. */
export type ReadOnlyKind = 'query' | 'listing';

/**
 * Throws QUERY_FAILED when Neo4j's parser does not accept `query` without
 * an error, FORBIDDEN when it parses to anything but one reading statement;
 * returns what kind of statement it is otherwise.
 */
export function assertParsesReadOnly(query: string, opts: ParseCheckOptions): ReadOnlyKind {
  const errors: string[] = [];
  const listener: ErrorListener = {
    syntaxError: (_r, _s, line, column, msg) => {
      errors.push(`line ${line}, column ${column + 1}: ${msg.length > 160 ? `${msg.slice(0, 160)}...` : msg}`);
    },
    reportAmbiguity: () => undefined,
    reportAttemptingFullContext: () => undefined,
    reportContextSensitivity: () => undefined,
  };
  const lexer = new CypherLexer(antlr.CharStreams.fromString(query));
  lexer.removeErrorListeners();
  lexer.addErrorListener(listener);
  const parser = new CypherParser(new antlr.CommonTokenStream(lexer));
  parser.removeErrorListeners();
  parser.addErrorListener(listener);
  // Stop at the first error instead of recovering: the query is refused either way, and recovery (with its
  // expected-token lists) is most of the cost of a bad query.
  parser._errHandler = new antlr.BailErrorStrategy();
  let tree: ParseNode;
  try {
    tree = parser.statementsOrCommands();
  } catch (error) {
    const failure = error as ParseFailure;
    const token = failure.offendingToken ?? failure.cause?.offendingToken;
    const where = token ? `line ${token.line ?? '?'}, column ${(token.column ?? 0) + 1}: unexpected ${token.type === -1 ? 'end of query' : `'${token.text.slice(0, 40)}'`}` : 'at an error';
    errors.push(where);
    tree = { getText: () => '' };
  }
  if (errors.length > 0) {
    throw userQueryFailed(`the query is not valid Cypher as Neo4j's parser reads it (${errors[0]}); only queries it parses without an error are run`);
  }
  const rule = (n: ParseNode) => (n.ruleIndex === undefined ? undefined : parser.ruleNames[n.ruleIndex]);
  const statements = (tree.children ?? []).filter((c) => rule(c) === 'statementOrCommand');
  if (statements.length !== 1) throw forbidden(`read-only queries are one statement; found ${statements.length} separated by ";"`);
  walk(tree, rule, opts);
  let listing = false;
  const findCommand = (n: ParseNode): void => {
    if (rule(n) === 'command') listing = true;
    else for (const k of n.children ?? []) findCommand(k);
  };
  findCommand(statements[0]!);
  return listing ? 'listing' : 'query';
}

function walk(node: ParseNode, rule: (n: ParseNode) => string | undefined, opts: ParseCheckOptions): void {
  const name = rule(node);
  const kids = node.children ?? [];
  const firstRule = () => kids.map(rule).find((r) => r !== undefined);
  switch (name) {
    case 'consoleCommand':
      refuse(node, `the console command ${words(node, 2)}`);
      break;
    case 'cypherOptions':
      refuse(node, 'CYPHER query options');
      break;
    case 'clause': {
      const clause = firstRule();
      if (!clause || !READING_CLAUSES.has(clause)) refuse(node, CLAUSE_WORDS[clause ?? ''] ?? words(node, 2));
      break;
    }
    case 'useClause':
      refuse(node, 'USE');
      break;
    case 'subqueryInTransactionsParameters':
      refuse(node, 'CALL { ... } IN TRANSACTIONS');
      break;
    case 'command': {
      const command = firstRule();
      if (command !== 'showCommand') refuse(node, words(node, 2));
      break;
    }
    case 'showCommand':
    case 'composableShowCommandClauses': {
      const what = firstRule();
      if (!what || !READING_SHOWS.has(what)) refuse(node, words(node, 3));
      break;
    }
    case 'terminateCommand':
      refuse(node, 'TERMINATE');
      break;
    case 'callClause': {
      const procedure = dottedName(kids.find((k) => rule(k) === 'procedureName'), rule);
      if (!opts.allowedProcedures.has(procedure.toLowerCase())) {
        throw forbidden(`read-only queries may not call the procedure "${procedure}"; allowed: ${[...opts.allowedProcedures].join(', ')}`);
      }
      break;
    }
    case 'functionInvocation': {
      const fn = kids.find((k) => rule(k) === 'functionName');
      const namespace = fn?.children?.find((k) => rule(k) === 'namespace');
      const parts = (namespace?.children ?? []).filter((k) => rule(k) === 'symbolicNameString').map(unquote);
      if (parts.length > 0 && !opts.builtInFunctionNamespaces.has(parts[0]!.toLowerCase())) {
        throw forbidden(
          `read-only queries may not call the function "${dottedName(fn, rule)}" (at offset ${node.start?.start ?? 0}): only Neo4j's built-in functions are allowed ` +
            `(plain names, or the namespaces ${[...opts.builtInFunctionNamespaces].join(', ')})`,
        );
      }
      break;
    }
  }
  for (const kid of kids) walk(kid, rule, opts);
}

/** `namespace symbolicNameString` as one dotted name, backticks removed. */
function dottedName(node: ParseNode | undefined, rule: (n: ParseNode) => string | undefined): string {
  const parts: string[] = [];
  const collect = (n: ParseNode) => {
    if (rule(n) === 'symbolicNameString') parts.push(unquote(n));
    else for (const k of n.children ?? []) collect(k);
  };
  if (node) collect(node);
  return parts.join('.');
}

function unquote(n: ParseNode): string {
  const text = n.getText();
  return text.startsWith('`') && text.endsWith('`') ? text.slice(1, -1).replace(/``/g, '`') : text;
}

/** The first `count` words of a node's text, upper-cased, to name a clause or command. */
function words(node: ParseNode, count: number): string {
  const out: string[] = [];
  const collect = (n: ParseNode) => {
    if (out.length >= count) return;
    if (n.symbol) {
      if (/^[A-Za-z_]+$/.test(n.symbol.text)) out.push(n.symbol.text.toUpperCase());
      else if (out.length > 0) out.length = count; // stop at the first non-word token
      return;
    }
    for (const k of n.children ?? []) collect(k);
  };
  collect(node);
  return out.filter(Boolean).join(' ') || 'this clause';
}

function refuse(node: ParseNode, what: string): never {
  throw forbidden(`read-only queries may not use ${what} (at offset ${node.start?.start ?? 0})`);
}
