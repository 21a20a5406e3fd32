import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import grafeo from '@grafeo-db/js';
import { AppError, queryFailed, storeCorrupt, storeFailed, storeUnavailable } from '../errors.js';
import { SCHEMA_EMBEDDED } from './queries/schema.js';
import { assertParamsDepth, measureValue, QUERY_LIMITS } from './limits.js';
import { assertPlanReadsOnly } from './plan.js';
import { ALLOWED_PROCEDURES, assertReadOnly } from './readonly.js';
import { initSchemaVersion } from './schema.js';
import { withTimeout } from './timeout.js';
import type { ArticleGraph, GraphStore, ReadQueryOptions, Row, StoreStats, WriteStatus } from './types.js';
import { storeTimes } from './times.js';
import { grafeoToPlain, rowToPlain } from './values.js';
import { writeArticlesInTx } from './write.js';
import { readStats } from './reads.js';
import { WRITE } from './queries/write.js';

// The package is CommonJS: its named exports are not visible to ESM imports.
const { GrafeoDB } = grafeo;
type Db = InstanceType<typeof GrafeoDB>;
type Tx = ReturnType<Db['beginTransaction']>;

export interface EmbeddedOptions {
  /** File of the database; null keeps it in memory (tests). */
  path: string | null;
  /** Open a store whose WAL is damaged with the commits before the damage (the rest goes to `<path>.wal.damaged`). */
  walSalvage?: boolean;
}

/** The environment variable the recovery message names; openStoreFromConfig reads it. */
export const WAL_SALVAGE_ENV = 'CLAIMGRAPH_WAL_SALVAGE';

/**
 * Opens (or creates) a Grafeo database. A damaged file gives STORE_CORRUPT
 * naming the recovery step; a file another process holds gives STORE_UNAVAILABLE.
 */
export function openGrafeo(opts: EmbeddedOptions): Db {
  if (opts.path === null) return GrafeoDB.create();
  const path = opts.path;
  try {
    mkdirSync(dirname(path), { recursive: true });
    if (opts.walSalvage) return GrafeoDB.create(path, { walSalvage: true });
    return existsSync(path) ? GrafeoDB.open(path) : GrafeoDB.create(path);
  } catch (error) {
    throw classifyOpenError(path, error);
  }
}

/** Grafeo's messages for a WAL segment whose header is unreadable: wrong magic, header checksum, or an unknown segment version. */
const WAL_HEADER_DAMAGE = /WAL segment header|segment .* has a header this version cannot read/i;

function classifyOpenError(path: string, error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/lock|in use|busy|would block/i.test(message)) {
    return storeUnavailable(`the store ${path} is in use by another process (${message}); stop it or use another CLAIMGRAPH_DATA`, error);
  }
  if (/damaged|corrupt|checksum|invalid file header|not a grafeo database|serializ|unexpected end|truncat|wal/i.test(message)) {
    // Salvage keeps the commits before a damaged record; a damaged segment header leaves no record it can read.
    const walHint = WAL_HEADER_DAMAGE.test(message)
      ? ` The header of a write-ahead log segment cannot be read (damaged, or written by a newer Grafeo), so no commit in that segment ` +
        `can be recovered, not even with ${WAL_SALVAGE_ENV}=1. To open the store as of its last checkpoint, losing the commits logged since, ` +
        `move the write-ahead log ${path}.wal aside.`
      : /wal/i.test(message)
        ? ` If the damage is in the write-ahead log, reopen with ${WAL_SALVAGE_ENV}=1 to keep the commits before it (the rest is kept in ${path}.wal.damaged).`
        : ` If only the write-ahead log is damaged, ${WAL_SALVAGE_ENV}=1 reopens it with the commits before the damage.`;
    return storeCorrupt(
      `the store file ${path} is damaged: ${message}. Restore it from a backup (a copy of the file, or re-import a \`claimgraph export\`), ` +
        `or move it aside to start an empty store.${walHint}`,
      error,
    );
  }
  return storeUnavailable(`could not open the store ${path}: ${message}`, error);
}

/**
 * The embedded GraphStore over Grafeo. Writes are serialised through one
 * queue: articles share actors, and two concurrent transactions merging the
 * same actor would conflict, while one writer is as fast in-process.
 */
export class EmbeddedStore implements GraphStore {
  readonly backend = 'embedded' as const;
  private writes: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly path: string | null,
  ) {}

  async init(): Promise<void> {
    for (const statement of Object.values(SCHEMA_EMBEDDED)) await this.run(statement);
    await initSchemaVersion((q, p) => this.run(q, p));
  }

  async writeArticle(graph: ArticleGraph): Promise<WriteStatus> {
    const [status] = await this.writeArticles([graph]);
    return status!;
  }

  writeArticles(graphs: ArticleGraph[]): Promise<WriteStatus[]> {
    return this.serialised(async () => {
      const tx = this.begin();
      try {
        const statuses = await writeArticlesInTx((q, p) => execute(tx, q, p, storeFailed), graphs);
        // Nothing was written when every article was stored already: rolling back is the cheaper end.
        if (statuses.includes('created')) tx.commit();
        else tx.rollback();
        return statuses;
      } catch (error) {
        if (tx.isActive) tx.rollback();
        const ids = graphs.map((g) => g.article.id).join(', ');
        throw error instanceof AppError ? error : storeFailed(`could not write article ${ids}: ${messageOf(error)}`, error);
      }
    });
  }

  async hasArticle(id: string): Promise<boolean> {
    const [row] = await this.run(WRITE.articleExists, { id });
    return Number(row?.n ?? 0) > 0;
  }

  stats(): Promise<StoreStats> {
    return readStats(this);
  }

  run(query: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    this.assertOpen();
    // The app's own query: an engine failure is the store's (500), not a client's bad Cypher.
    return execute(this.db, query, params, storeFailed);
  }

  async readOnly(query: string, params: Record<string, unknown> = {}, opts: ReadQueryOptions = {}): Promise<Row[]> {
    assertParamsDepth(params);
    // SHOW listings are schema commands Grafeo does not plan; the parse allowed only the reading ones.
    if (assertReadOnly(query) === 'query') {
      const [plan] = await execute(this.db, `EXPLAIN ${query}`, params);
      assertPlanReadsOnly(typeof plan?.plan === 'string' ? plan.plan : '', ALLOWED_PROCEDURES);
    }
    return this.runInRolledBackTransaction(query, params, opts);
  }

  /**
   * Runs any query in a transaction that is always rolled back: the last
   * lock of `readOnly`, so a write the static check missed is discarded.
   * Grafeo has no query timeout: past `timeoutMs` this rejects with
   * QUERY_TIMEOUT while the query keeps running in the engine; its
   * transaction is rolled back when it finishes. Rows past `maxRows` are
   * dropped unread (the engine materialises the whole result first, but only
   * the rows kept become JS values); the rows kept are measured as they are
   * read, and an answer past `maxBytes` or nested past QUERY_LIMITS.maxDepth
   * fails.
   */
  async runInRolledBackTransaction(query: string, params: Record<string, unknown> = {}, opts: ReadQueryOptions = {}): Promise<Row[]> {
    this.assertOpen();
    const tx = this.begin();
    const running = executeBounded(tx, query, params, opts.maxRows ?? Number.POSITIVE_INFINITY, opts.maxBytes ?? QUERY_LIMITS.maxAnswerBytes);
    const rollback = () => {
      if (tx.isActive) tx.rollback();
    };
    // Whatever happens to the caller, the transaction ends rolled back once the engine is done with it.
    running.then(rollback, rollback);
    return withTimeout(running, opts.timeoutMs);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Let queued writes finish: closing under a running transaction would lose it.
    await this.writes.catch(() => undefined);
    this.closed = true;
    // A checkpoint folds the WAL into the file, so the next open has nothing to replay.
    if (this.path !== null) this.db.walCheckpoint();
    this.db.close();
  }

  private begin(): Tx {
    this.assertOpen();
    return this.db.beginTransaction();
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writes.then(work, work);
    this.writes = next.catch(() => undefined);
    return next;
  }

  private assertOpen(): void {
    if (this.closed) throw storeUnavailable('the store is closed');
  }
}

/** Runs a query; an engine failure becomes `fail` (QUERY_FAILED for a client's query, STORE_FAILED for the app's own: its reads and the article write). */
async function execute(
  target: Db | Tx,
  query: string,
  params: Record<string, unknown>,
  fail: (message: string, cause: unknown) => AppError = queryFailed,
): Promise<Row[]> {
  let result;
  try {
    // The app's times as native temporal values (server/graph/times.ts).
    result = await target.executeCypher(query, storeTimes(params));
  } catch (error) {
    throw fail(messageOf(error), error);
  }
  return (result.toArray() as Array<Record<string, unknown>>).map((row) => rowToPlain(row, grafeoToPlain));
}

/** As execute, reading at most `maxRows` rows and at most `maxBytes` of them, each nested at most QUERY_LIMITS.maxDepth deep. */
async function executeBounded(target: Tx, query: string, params: Record<string, unknown>, maxRows: number, maxBytes: number): Promise<Row[]> {
  let result;
  try {
    result = await target.executeCypher(query, params);
  } catch (error) {
    throw queryFailed(messageOf(error), error);
  }
  const rows: Row[] = [];
  let bytes = 0;
  for (let i = 0; i < Math.min(result.length, maxRows); i++) {
    const raw = result.get(i) as Record<string, unknown>;
    bytes += measureValue(raw, QUERY_LIMITS.maxDepth, maxBytes, 'the answer', 'answer', bytes);
    rows.push(rowToPlain(raw, grafeoToPlain));
  }
  return rows;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
