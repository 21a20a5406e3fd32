import neo4j, { type Driver, type ManagedTransaction, type Plan, type ProfiledPlan, type ServerInfo, type Session } from 'neo4j-driver';
import { AppError, forbidden, queryFailed, storeFailed, storeUnavailable } from '../errors.js';
import { SCHEMA_NEO4J } from './queries/schema.js';
import { WRITE } from './queries/write.js';
import { readStats } from './reads.js';
import { assertParamsDepth, measureValue, QUERY_LIMITS } from './limits.js';
import { assertReadOnly } from './readonly.js';
import { initSchemaVersion } from './schema.js';
import { queryTimeout } from './timeout.js';
import type { ArticleGraph, GraphStore, ReadQueryOptions, Row, StoreStats, WriteStatus } from './types.js';
import { storeTimes } from './times.js';
import { rowToPlain, toNeo4jParams, toPlain } from './values.js';
import { writeArticlesInTx } from './write.js';

export interface Neo4jOptions {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

/**
 * The production GraphStore over a Neo4j 5 server. Writes run in managed
 * write transactions (the driver retries them on transient errors such as
 * deadlocks between two articles merging the same actor, which is safe
 * because every write is an idempotent MERGE); user Cypher runs in READ
 * sessions, which the server refuses to write in, with a transaction timeout.
 */
export class Neo4jStore implements GraphStore {
  readonly backend = 'neo4j' as const;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
  ) {}

  /** Creates the driver and checks the server answers and accepts the credentials. */
  static async connect(opts: Neo4jOptions): Promise<Neo4jStore> {
    let driver: Driver;
    try {
      driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), { userAgent: 'claimgraph' });
    } catch (error) {
      throw storeUnavailable(`invalid Neo4j connection settings for ${opts.uri}: ${messageOf(error)}`, error);
    }
    let server: ServerInfo;
    try {
      server = await driver.getServerInfo({ database: opts.database });
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw storeUnavailable(`could not reach Neo4j at ${opts.uri}: ${messageOf(error)}`, error);
    }
    try {
      assertServerVersion(server, opts.uri);
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw error;
    }
    return new Neo4jStore(driver, opts.database);
  }

  async init(): Promise<void> {
    // Schema commands cannot share a transaction with data writes: each runs on its own.
    for (const statement of Object.values(SCHEMA_NEO4J)) await this.run(statement);
    await initSchemaVersion((q, p) => this.run(q, p));
  }

  async writeArticle(graph: ArticleGraph): Promise<WriteStatus> {
    const [status] = await this.writeArticles([graph]);
    return status!;
  }

  async writeArticles(graphs: ArticleGraph[]): Promise<WriteStatus[]> {
    const session = this.session(neo4j.session.WRITE);
    try {
      return await session.executeWrite((tx) => writeArticlesInTx((q, p) => runInTx(tx, q, p), graphs));
    } catch (error) {
      throw mapError(error, `could not write article ${graphs.map((g) => g.article.id).join(', ')}`, undefined, storeFailed);
    } finally {
      await session.close();
    }
  }

  async hasArticle(id: string): Promise<boolean> {
    const [row] = await this.run(WRITE.articleExists, { id });
    return Number(row?.n ?? 0) > 0;
  }

  stats(): Promise<StoreStats> {
    return readStats(this);
  }

  async run(query: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    try {
      const result = await this.driver.executeQuery(query, toNeo4jParams(storeTimes(params)), {
        database: this.database,
        routing: neo4j.routing.WRITE,
      });
      return result.records.map((r) => rowToPlain(r.toObject(), toPlain));
    } catch (error) {
      // The app's own query: a failure that is no outage is the store's (500), not a client's bad Cypher.
      throw mapError(error, undefined, undefined, storeFailed);
    }
  }

  /**
   * User Cypher in a READ session: the server refuses writes there, the
   * transaction timeout stops the query on the server, and records past
   * `maxRows` are not pulled (the iterator is closed, which discards them).
   */
  async readOnly(query: string, params: Record<string, unknown> = {}, opts: ReadQueryOptions = {}): Promise<Row[]> {
    assertParamsDepth(params);
    assertReadOnly(query);
    const maxBytes = opts.maxBytes ?? QUERY_LIMITS.maxAnswerBytes;
    let bytes = 0;
    const session = this.session(neo4j.session.READ);
    const max = opts.maxRows ?? Number.POSITIVE_INFINITY;
    try {
      return await session.executeRead(
        async (tx) => {
          const rows: Row[] = [];
          if (max <= 0) return rows;
          const result = tx.run(query, toNeo4jParams(params));
          for await (const record of result) {
            const row = rowToPlain(record.toObject(), toPlain);
            bytes += measureValue(row, QUERY_LIMITS.maxDepth, maxBytes, 'the answer', 'answer', bytes);
            rows.push(row);
            if (rows.length >= max) break;
          }
          if (opts.plan && rows.length < max) {
            const summary = await result.summary();
            opts.plan.text = formatPlan(summary.profile || summary.plan);
          }
          return rows;
        },
        opts.timeoutMs === undefined ? undefined : { timeout: opts.timeoutMs },
      );
    } catch (error) {
      throw mapError(error, undefined, opts.timeoutMs);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private session(mode: typeof neo4j.session.READ | typeof neo4j.session.WRITE): Session {
    return this.driver.session({ database: this.database, defaultAccessMode: mode });
  }
}

/**
 * The oldest Neo4j the app's queries run on: five queries of the claims and
 * events steps use `CALL (x) { ... }` (variable scope clause), new in 5.23.
 */
export const NEO4J_MIN_VERSION = { major: 5, minor: 23 } as const;

/**
 * Refuses a server older than NEO4J_MIN_VERSION, read from the agent it
 * announces ("Neo4j/5.22.0"; calendar versions such as "Neo4j/2025.01.0"
 * are newer than every 5.x). An agent that names no version is let through:
 * the check refuses what it knows to be too old.
 */
export function assertServerVersion(server: ServerInfo, uri: string): void {
  const m = /Neo4j\/(\d+)\.(\d+)/i.exec(server.agent ?? '');
  if (!m) return;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  const { major: needMajor, minor: needMinor } = NEO4J_MIN_VERSION;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return;
  throw new AppError(
    'STORE_UNAVAILABLE',
    `the Neo4j server at ${uri} is ${server.agent}; claimgraph needs Neo4j ${needMajor}.${needMinor} or newer (its claims and events steps use CALL (x) { ... }, new in ${needMajor}.${needMinor}): upgrade the server`,
    { expose: true },
  );
}

/** A Neo4j plan or profile (the driver's Plan / ProfiledPlan) as indented text, one operator a line. */
export function formatPlan(plan: Plan | ProfiledPlan | false | undefined): string {
  if (!plan) return '';
  const lines: string[] = [];
  const visit = (p: Plan | ProfiledPlan, depth: number) => {
    const counts = 'rows' in p ? `  rows=${p.rows} dbHits=${p.dbHits}` : '';
    const details = typeof p.arguments?.Details === 'string' ? ` ${p.arguments.Details}` : '';
    lines.push(`${'  '.repeat(depth)}${p.operatorType.replace(/@.*$/, '')}${details}${p.identifiers.length ? ` (${p.identifiers.join(', ')})` : ''}${counts}`);
    for (const child of p.children as Array<Plan | ProfiledPlan>) visit(child, depth + 1);
  };
  visit(plan, 0);
  return `${lines.join('\n')}\n`;
}

async function runInTx(tx: ManagedTransaction, query: string, params: Record<string, unknown>): Promise<Row[]> {
  const result = await tx.run(query, toNeo4jParams(storeTimes(params)));
  return result.records.map((r) => rowToPlain(r.toObject(), toPlain));
}

/** Neo4j error codes to AppError codes; the server's message is kept, it names the problem well. */
function mapError(error: unknown, context?: string, timeoutMs?: number, fail: (message: string, cause: unknown) => AppError = queryFailed): AppError {
  if (error instanceof AppError) return error;
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  // Neo4j 5.x servers also send GQL status codes; 42N02 is "writing in read access mode".
  const gqlStatus = typeof (error as { gqlStatus?: unknown })?.gqlStatus === 'string' ? (error as { gqlStatus: string }).gqlStatus : '';
  const message = context ? `${context}: ${messageOf(error)}` : messageOf(error);
  if (code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED || code.startsWith('Neo.TransientError.General')) {
    return storeUnavailable(`Neo4j is unavailable: ${message}`, error);
  }
  if (code.startsWith('Neo.ClientError.Security.')) return storeUnavailable(`Neo4j refused the credentials: ${message}`, error);
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) return queryTimeout(timeoutMs ?? 0);
  if (code === 'Neo.ClientError.Statement.AccessMode' || gqlStatus === '42N02') return forbidden(`read-only queries may not write: ${message}`);
  return fail(message, error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
