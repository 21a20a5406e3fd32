import { AppError, userQueryFailed } from '../errors.js';
import { DIFFERENCES, unsupportedMessage, type DifferenceId } from './cypher-differences.js';
import { MODEL } from './queries/schema.js';
import { assertReadOnly, tokenize, type Token } from './readonly.js';
import type { GraphStore, ReadQueryOptions, Row } from './types.js';

/**
 * User Cypher (the console, POST /api/cypher, `claimgraph query`) as a
 * Neo4j user expects it on either backend:
 * - EXPLAIN gives no rows and the plan; PROFILE gives the rows and the plan
 *   (the embedded engine answers PROFILE with the plan text instead of the
 *   rows: the query is run for its rows and PROFILE for its plan);
 * - on the embedded store, valid Neo4j Cypher the engine lacks is rewritten
 *   where an equivalent exists (server/graph/cypher-differences.ts, handled
 *   `rewritten`; column names stay the ones the user wrote), refused with
 *   "valid Neo4j Cypher that the embedded store does not support: ..." where
 *   none does, and answered with a notice where the answer may differ silently.
 * The read-only checks run on the user's text before any rewrite, and again
 * (in the store) on the rewritten text.
 */
export interface UserQueryResult {
  rows: Row[];
  /** The plan of an EXPLAIN or PROFILE, as text. */
  plan?: string;
  /** Known differences of the embedded engine this query may meet (server/graph/cypher-differences.ts). */
  notices: string[];
}

export async function runUserQuery(store: GraphStore, query: string, params: Record<string, unknown>, opts: ReadQueryOptions = {}): Promise<UserQueryResult> {
  assertReadOnly(query);
  const tokens = tokenize(query);
  const first = tokens[0]?.kind === 'word' ? tokens[0].text.toUpperCase() : '';
  const mode = first === 'EXPLAIN' || first === 'PROFILE' ? first : null;
  if (store.backend === 'neo4j') {
    const plan: { text?: string } = {};
    const rows = await store.readOnly(query, params, mode ? { ...opts, plan } : opts);
    return { rows: withoutBookkeeping(tokens, rows), plan: plan.text, notices: [] };
  }
  const refused = refusedOnEmbedded(tokens);
  if (refused) throw userQueryFailed(unsupportedMessage(refused));
  const body = mode ? query.slice(tokens[1]?.offset ?? query.length) : query;
  const rewrite = rewriteForEmbedded(body);
  const notices = noticesFor(tokenize(body));
  // Plain SHOW INDEXES runs, with the engine's own columns.
  if (first === 'SHOW') notices.push(notice('show-indexes'));
  try {
    if (mode === 'EXPLAIN') {
      const [row] = await store.readOnly(`EXPLAIN ${rewrite.text}`, params, opts);
      return { rows: [], plan: typeof row?.plan === 'string' ? row.plan : '', notices };
    }
    const rows = withoutBookkeeping(tokens, (await store.readOnly(rewrite.text, params, opts)).map((row) => renameColumns(row, rewrite.columns)));
    if (mode === 'PROFILE') {
      const [row] = await store.readOnly(`PROFILE ${rewrite.text}`, params, { ...opts, maxRows: 1 });
      return { rows, plan: typeof row?.profile === 'string' ? row.profile : '', notices: noticesAfter(notices, rows, tokens) };
    }
    return { rows, notices: noticesAfter(notices, rows, tokens) };
  } catch (error) {
    throw explainFailure(error, tokenize(body));
  }
}

/** Schema procedures whose answers list labels (lower case): schema views, like SHOW INDEXES and SHOW CONSTRAINTS. */
const SCHEMA_VIEWS = new Set(['db.labels', 'db.schema.visualization', 'db.schema.nodetypeproperties']);
/** Bookkeeping labels (`_Band`), and their names before schema version 6, which the embedded engine's label list keeps. */
const FORMER = new Set<string>(MODEL.formerLabels);
const isBookkeeping = (v: unknown): boolean => typeof v === 'string' && (v.startsWith('_') || FORMER.has(v));
const namesBookkeeping = (v: unknown): boolean => isBookkeeping(v) || (Array.isArray(v) && v.some(isBookkeeping));

/**
 * Schema views leave the bookkeeping namespace out (docs/cypher.md,
 * "Bookkeeping labels"): in the answer of a schema procedure (CALL db.labels()
 * and the like) or a SHOW command, a row naming a bookkeeping label goes, and
 * so do the nodes of one in db.schema.visualization's lists, with their
 * relationships. Any other query answers what it matched.
 */
export function withoutBookkeeping(tokens: Token[], rows: Row[]): Row[] {
  const words = tokens.filter((t) => t.kind === 'word' || t.kind === 'quoted');
  const first = words[0]?.text.toUpperCase();
  const start = first === 'EXPLAIN' || first === 'PROFILE' ? 1 : 0;
  const lead = words[start]?.text.toUpperCase();
  const callIndex = tokens.indexOf(words[start]!);
  const view = lead === 'SHOW' || (lead === 'CALL' && SCHEMA_VIEWS.has(dotted(tokens, callIndex + 1).toLowerCase()));
  if (!view) return rows;
  return rows
    .filter((row) => !Object.values(row).some(namesBookkeeping))
    .map((row) => {
      const out: Row = {};
      for (const [key, value] of Object.entries(row)) out[key] = Array.isArray(value) ? withoutBookkeepingNodes(value, row) : value;
      return out;
    });
}

/** A list of db.schema.visualization's nodes or relationships without the bookkeeping nodes and their relationships. */
function withoutBookkeepingNodes(list: unknown[], row: Row): unknown[] {
  const dropped = new Set<string>();
  for (const items of Object.values(row)) {
    if (!Array.isArray(items)) continue;
    for (const n of items) {
      if (n && typeof n === 'object' && namesBookkeeping((n as Row)._labels)) dropped.add(String((n as Row)._id));
    }
  }
  if (dropped.size === 0) return list;
  return list.filter((item) => {
    if (!item || typeof item !== 'object') return true;
    const x = item as Row;
    return !dropped.has(String(x._id)) && !dropped.has(String(x._source)) && !dropped.has(String(x._target));
  });
}

/** Procedures Neo4j has that the embedded engine lacks (lower case). */
const MISSING_PROCEDURES = new Set(['db.schema.visualization', 'db.schema.nodetypeproperties', 'db.schema.reltypeproperties', 'dbms.components']);

/** Constructs refused before the engine sees them: the engine's own error would name nothing useful. */
function refusedOnEmbedded(tokens: Token[]): DifferenceId | null {
  for (let k = 0; k < tokens.length; k++) {
    if (!isWord(tokens[k], 'CALL')) continue;
    const name = dotted(tokens, k + 1).toLowerCase();
    if (MISSING_PROCEDURES.has(name)) return 'schema-visualization';
  }
  const firstWords = tokens.filter((t) => t.kind === 'word').slice(0, 3).map((t) => t.text.toUpperCase());
  if (firstWords[0] === 'SHOW') {
    if (firstWords[1] === 'FUNCTIONS' || firstWords[1] === 'PROCEDURES' || tokens.some((t) => isWord(t, 'YIELD', 'WHERE', 'RETURN'))) return 'show-indexes';
    if (firstWords.some((w) => w === 'FUNCTIONS' || w === 'PROCEDURES')) return 'show-indexes';
  }
  return null;
}

/** The construct a failed embedded query used, named from the query's tokens and the engine's message. */
function explainFailure(error: unknown, tokens: Token[]): unknown {
  if (!(error instanceof AppError) || error.code !== 'QUERY_FAILED') return error;
  const message = error.message;
  // Only the engine's refusals to parse or plan name a construct; a crash or a runtime error stays as it is.
  if (!/GRAFEO-Q00[12]|syntax error|semantic error/i.test(message)) return error;
  const found = detect(tokens, message);
  if (found) return userQueryFailed(unsupportedMessage(found));
  if (/GRAFEO-Q001|syntax error/i.test(message)) {
    const expected = /\] (Expected [A-Za-z ]{1,40})/.exec(message)?.[1];
    const at = /query:(\d+):(\d+)/.exec(message);
    // The engine numbers columns of `EXPLAIN <query>` on the first line: eight characters more than the user's.
    const where = at ? ` at line ${at[1]}, column ${Number(at[1]) === 1 ? Math.max(1, Number(at[2]) - 8) : at[2]}` : '';
    return userQueryFailed(
      `valid Neo4j Cypher that the embedded store does not support: a construct its parser rejects${where}${expected ? ` (${expected.toLowerCase()})` : ''}; ` +
        'see docs/cypher.md for the known differences and their rewrites, or use NEO4J_URI',
    );
  }
  return error;
}

function detect(tokens: Token[], message: string): DifferenceId | null {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (isWord(t, 'duration') && isPunct(next, '.') && isWord(tokens[k + 2], 'between', 'inMonths', 'inDays', 'inSeconds')) return 'duration-between';
    if (isWord(t, ...TEMPORAL_FUNCTIONS) && isPunct(next, '.') && isWord(tokens[k + 2], 'truncate')) return 'date-truncate';
    if (isWord(t, 'IS') && (isPunct(next, ':') || (isWord(next, 'NOT', 'TYPED') && (isPunct(tokens[k + 2], ':') || isWord(tokens[k + 2], 'TYPED'))))) return 'type-predicate';
    if (isWord(t, 'round') && isPunct(next, '(') && callArgs(tokens, k + 1)?.args.length === 2) return 'round-precision';
  }
  if (/is not a map value, a node or an edge, so \.\w+ cannot read/i.test(message)) return 'temporal-accessor';
  return null;
}

/** Notices for differences the embedded answer may show silently, found in the query's tokens. */
function noticesFor(tokens: Token[]): string[] {
  const out = new Set<DifferenceId>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    if (isWord(t, 'date') && isPunct(next, '(') && !isPunct(prev, '.')) {
      const arg = tokens[k + 2];
      // date('2024-03-15') is fine, and so is date(x) of a stored time (native since schema version 7); a timestamp string is not.
      if (arg?.kind === 'string' && /T/.test(arg.text)) out.add('date-of-timestamp');
    }
    if (isPunct(t, '=') || (isPunct(t, '>') && isPunct(prev, '<'))) {
      const left = isPunct(t, '>') ? tokens[k - 2] : prev;
      if ((left?.kind === 'number' && next?.kind === 'string') || (left?.kind === 'string' && next?.kind === 'number')) out.add('string-number-equality');
    }
  }
  return [...out].map((id) => notice(id));
}

/** Notices that depend on the answer: shortestPath with WHERE is only suspicious when nothing came back. */
function noticesAfter(notices: string[], rows: Row[], tokens: Token[]): string[] {
  const shortest = tokens.some((t) => isWord(t, 'shortestPath', 'allShortestPaths')) && tokens.some((t) => isWord(t, 'WHERE'));
  return shortest && rows.length === 0 ? [...notices, notice('shortest-path-where')] : notices;
}

function notice(id: DifferenceId): string {
  const d = DIFFERENCES[id];
  return `${d.construct}: Neo4j gives ${d.neo4j}, the embedded store ${d.embedded}; ${d.rewrite}`;
}

const TEMPORAL_FUNCTIONS = ['date', 'datetime', 'localdatetime', 'localtime', 'time'];
/** Components the embedded engine has as functions (month(d) for d.month). */
const COMPONENT_FUNCTIONS = new Set(['year', 'month', 'day', 'hour', 'minute', 'second']);
const TRUNCATE_UNITS = new Set(['year', 'month', 'day']);

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Rewrites of valid Neo4j Cypher into what the embedded engine runs with
 * Neo4j's answer, in passes (each on the text the previous one left).
 * `columns` pairs each rewritten text with the user's, so column names
 * taken from expressions are given back as the user wrote them.
 */
export function rewriteForEmbedded(query: string): { text: string; applied: DifferenceId[]; columns: Array<[string, string]> } {
  let text = query;
  const applied: DifferenceId[] = [];
  const columns: Array<[string, string]> = [];
  const passes: Array<[DifferenceId, (tokens: Token[], text: string) => Edit[]]> = [
    ['map-projection-variable', projectionEdits],
    ['temporal-accessor', accessorEdits],
    ['date-truncate', truncateEdits],
    ['round-precision', roundEdits],
    ['sum-of-no-rows', sumEdits],
  ];
  for (const [id, find] of passes) {
    let tokens: Token[];
    try {
      tokens = tokenize(text);
    } catch {
      return { text, applied, columns };
    }
    const edits = find(tokens, text);
    if (edits.length === 0) continue;
    applied.push(id);
    // Apply from the end so earlier offsets stay valid; record the new and old texts for the column names.
    for (const e of [...edits].sort((a, b) => b.start - a.start)) {
      columns.push([e.text, text.slice(e.start, e.end)]);
      text = text.slice(0, e.start) + e.text + text.slice(e.end);
    }
  }
  return { text, applied, columns };
}

/** Gives columns named after a rewritten expression the name the user's expression would have had. */
function renameColumns(row: Row, columns: Array<[string, string]>): Row {
  if (columns.length === 0) return row;
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    let name = key;
    for (let i = columns.length - 1; i >= 0; i--) name = name.split(columns[i]![0]).join(columns[i]![1]);
    out[name] = value;
  }
  return out;
}

/** `v {.name, said}` -> `v {.name, said: said}`: a bare variable is only valid as a map projection entry. */
function projectionEdits(tokens: Token[], text: string): Edit[] {
  const edits: Edit[] = [];
  const stack: Array<{ opener: string; projection: boolean }> = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && '([{'.includes(t.text)) {
      const prev = tokens[k - 1];
      stack.push({ opener: t.text, projection: t.text === '{' && (prev?.kind === 'word' || prev?.kind === 'quoted') && !isWord(prev, 'CALL', 'EXISTS', 'COUNT', 'COLLECT', 'WHERE', 'THEN', 'ELSE', 'RETURN', 'WITH', 'AND', 'OR', 'IN') });
      continue;
    }
    if (t.kind === 'punct' && ')]}'.includes(t.text)) {
      stack.pop();
      continue;
    }
    const top = stack[stack.length - 1];
    if (!top?.projection || (t.kind !== 'word' && t.kind !== 'quoted')) continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    if ((isPunct(prev, '{') || isPunct(prev, ',')) && (isPunct(next, ',') || isPunct(next, '}'))) {
      const name = text.slice(t.offset, t.offset + t.text.length);
      edits.push({ start: t.offset, end: t.offset + t.text.length, text: `${name}: ${name}` });
    }
  }
  return edits;
}

/** `date(x).month` -> `month(date(x))` for the components the engine has as functions. */
function accessorEdits(tokens: Token[], text: string): Edit[] {
  const edits: Edit[] = [];
  let after = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.offset < after || !isWord(t, ...TEMPORAL_FUNCTIONS) || isPunct(tokens[k - 1], '.') || !isPunct(tokens[k + 1], '(')) continue;
    const call = callArgs(tokens, k + 1);
    if (!call) continue;
    const dot = tokens[call.close + 1];
    const field = tokens[call.close + 2];
    if (!isPunct(dot, '.') || field?.kind !== 'word' || !COMPONENT_FUNCTIONS.has(field.text.toLowerCase())) continue;
    if (isPunct(tokens[call.close + 3], '(')) continue;
    const callText = text.slice(t.offset, tokens[call.close]!.offset + 1);
    edits.push({ start: t.offset, end: field.offset + field.text.length, text: `${field.text.toLowerCase()}(${callText})` });
    after = field.offset + field.text.length;
  }
  return edits;
}

/** `date.truncate('month', d)` -> `date_trunc('month', d)` for the units the engine truncates to (year, month, day). */
function truncateEdits(tokens: Token[]): Edit[] {
  const edits: Edit[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!isWord(t, 'date', 'datetime') || isPunct(tokens[k - 1], '.') || !isPunct(tokens[k + 1], '.') || !isWord(tokens[k + 2], 'truncate') || !isPunct(tokens[k + 3], '(')) continue;
    const call = callArgs(tokens, k + 3);
    const unit = call?.args[0];
    if (!call || call.args.length !== 2 || unit?.length !== 1 || unit[0]!.kind !== 'string') continue;
    if (!TRUNCATE_UNITS.has(unit[0]!.text.slice(1, -1).toLowerCase())) continue;
    const name = tokens[k + 2]!;
    edits.push({ start: t.offset, end: name.offset + name.text.length, text: 'date_trunc' });
  }
  return edits;
}

/** `round(x, 2)` -> `(round((x) * 10^2) / 10^2)` when the precision is a whole-number literal. */
function roundEdits(tokens: Token[], text: string): Edit[] {
  const edits: Edit[] = [];
  let after = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.offset < after || !isWord(t, 'round') || isPunct(tokens[k - 1], '.') || !isPunct(tokens[k + 1], '(')) continue;
    const call = callArgs(tokens, k + 1);
    if (!call || call.args.length !== 2) continue;
    const [x, n] = call.args as [Token[], Token[]];
    if (n.length !== 1 || n[0]!.kind !== 'number' || !/^\d{1,2}$/.test(n[0]!.text) || x.length === 0) continue;
    const xText = text.slice(x[0]!.offset, x[x.length - 1]!.offset + x[x.length - 1]!.text.length);
    const close = tokens[call.close]!;
    edits.push({ start: t.offset, end: close.offset + 1, text: `(round((${xText}) * 10^${n[0]!.text}) / 10^${n[0]!.text})` });
    after = close.offset + 1;
  }
  return edits;
}

/** `sum(x)` -> `coalesce(sum(x), 0)`: Neo4j's sum over no rows is 0, the engine's null. */
function sumEdits(tokens: Token[], text: string): Edit[] {
  const edits: Edit[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!isWord(t, 'sum') || isPunct(tokens[k - 1], '.') || !isPunct(tokens[k + 1], '(')) continue;
    const call = callArgs(tokens, k + 1);
    if (!call) continue;
    const close = tokens[call.close]!;
    edits.push({ start: t.offset, end: close.offset + 1, text: `coalesce(${text.slice(t.offset, close.offset + 1)}, 0)` });
  }
  return edits;
}

/** The arguments (top-level, split on commas) of the call whose `(` is token `open`, and the index of its `)`. */
function callArgs(tokens: Token[], open: number): { args: Token[][]; close: number } | null {
  const args: Token[][] = [[]];
  let depth = 0;
  for (let j = open + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === 'punct' && '([{'.includes(t.text)) depth++;
    else if (t.kind === 'punct' && ')]}'.includes(t.text)) {
      if (depth === 0) return { args: args[0]!.length === 0 && args.length === 1 ? [] : args, close: j };
      depth--;
    } else if (depth === 0 && isPunct(t, ',')) {
      args.push([]);
      continue;
    }
    args[args.length - 1]!.push(t);
  }
  return null;
}

function dotted(tokens: Token[], k: number): string {
  const parts: string[] = [];
  for (let j = k; j < tokens.length; j += 2) {
    const t = tokens[j]!;
    if (t.kind !== 'word' && t.kind !== 'quoted') break;
    parts.push(t.kind === 'quoted' ? t.text.slice(1, -1) : t.text);
    if (!isPunct(tokens[j + 1], '.')) break;
  }
  return parts.join('.');
}

function isWord(t: Token | undefined, ...words: string[]): boolean {
  return t?.kind === 'word' && words.some((w) => w.toLowerCase() === t.text.toLowerCase());
}

function isPunct(t: Token | undefined, p: string): boolean {
  return t?.kind === 'punct' && t.text === p;
}
