import Table from 'cli-table3';
import type { Config } from '../config.js';
import { openStoreFromConfig, runUserQuery, type GraphStore, type UserQueryResult } from '../graph/index.js';
import { DataOptions, QueryFlags, parseFlags, parseParams } from './options.js';
import { findServer } from './remote.js';

/** `hosted` runs the embedded store in a child process, so a user query's time limit stops it (see openStoreFromConfig). */
export async function withStore<T>(config: Config, fn: (store: GraphStore) => Promise<T>, opts: { hosted?: boolean; standby?: boolean } = {}): Promise<T> {
  const store = await openStoreFromConfig(config, opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Plain borders when stdout is not a terminal, so piped output has no colour codes. */
const tableStyle = () => (process.stdout.isTTY ? {} : { style: { head: [] as string[], border: [] as string[] } });

/** Renders a cell: strings as they are, nodes/lists/maps as compact JSON. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** `claimgraph query CYPHER`: read-only; a table by default, JSON rows with --json. */
export async function runQuery(config: Config, flags: Record<string, unknown>, cypher: unknown): Promise<number> {
  const opts = parseFlags(QueryFlags, flags);
  const remote = await findServer(config);
  const maxRows = opts.limit ?? 1000;
  // As the console: EXPLAIN/PROFILE plans, rewrites and explanations of the embedded engine's known differences.
  const result: UserQueryResult = remote
    ? { rows: (await remote.query(String(cypher), parseParams(opts.param), maxRows)).rows, notices: [] }
    : await withStore(
        config,
        (store) => runUserQuery(store, String(cypher), parseParams(opts.param), { maxRows, timeoutMs: config.queryTimeoutMs }),
        // One query, then exit: no standby process for a restart that would only precede the close.
        { hosted: true, standby: false },
      );
  const rows = result.rows;
  for (const notice of result.notices) process.stderr.write(`note: ${notice}\n`);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const table = new Table({ head: columns, wordWrap: true, ...tableStyle() });
  for (const row of rows) table.push(columns.map((c) => cell(row[c])));
  process.stdout.write(`${table.toString()}\n${rows.length} row${rows.length === 1 ? '' : 's'}\n${result.plan ? `\n${result.plan}` : ''}`);
  return 0;
}

/** `claimgraph stats`. */
export async function runStats(config: Config, flags: Record<string, unknown>): Promise<number> {
  const opts = parseFlags(DataOptions.extend({ json: QueryFlags.shape.json }), flags);
  const remote = await findServer(config);
  const { stats, backend } = remote
    ? await remote.stats().then(({ backend, ...stats }) => ({ stats, backend }))
    : await withStore(config, async (store) => ({ stats: await store.stats(), backend: store.backend }));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ backend, ...stats })}\n`);
  } else {
    const table = new Table({ head: ['', 'count'], ...tableStyle() });
    for (const [k, v] of Object.entries(stats)) table.push([k, String(v)]);
    process.stdout.write(`${backend} store\n${table.toString()}\n`);
  }
  return 0;
}
