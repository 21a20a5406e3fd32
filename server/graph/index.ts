/**
 * The graph component: the only place that speaks Cypher. Other components
 * use a GraphStore from openStore/openStoreFromConfig and the read models and
 * repositories in ./repos (and the typed readers in ./reads), which own the
 * query texts of ./queries; only the user-Cypher route runs text of its own.
 * Everything outside server/graph imports from this file only.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { EmbeddedStore, openGrafeo } from './embedded.js';
import { HostedStore } from './host/index.js';
import { Neo4jStore } from './neo4j.js';
import type { GraphStore } from './types.js';

export type StoreOptions =
  | {
      backend: 'embedded';
      path: string | null;
      walSalvage?: boolean;
      /**
       * Host the store in a child process (file-backed stores only), so a user
       * query past its time limit is stopped for real by restarting that
       * process. Default false: in this process, where a timed-out query is
       * answered QUERY_TIMEOUT but runs on in the engine until it ends.
       */
      hosted?: boolean;
      /** Where a hosted store reports restarts and crashes; default stderr. */
      log?: (line: string) => void;
      /** A hosted store keeps a standby process loaded so a restart costs the store open only (default true). */
      standby?: boolean;
      /** Memory one user query may add to a hosted store's process (default QUERY_LIMITS.memoryBytes). */
      queryMemoryBytes?: number;
    }
  | { backend: 'neo4j'; uri: string; user: string; password: string; database?: string };

/**
 * Opens a store and sets up its schema (init). Embedded: `path: null` keeps
 * it in memory; a damaged file throws STORE_CORRUPT naming the recovery step.
 * Neo4j: verifies connectivity first and throws STORE_UNAVAILABLE when the
 * server cannot be reached or refuses the credentials.
 */
export async function openStore(opts: StoreOptions): Promise<GraphStore> {
  if (opts.backend === 'embedded' && opts.hosted) {
    if (opts.path === null) {
      throw new AppError('BAD_INPUT', 'a hosted store needs a store file; found path null (in memory), whose data a restart of the store process would lose');
    }
    // The child opens the store and sets up its schema before it reports ready.
    return HostedStore.open({ path: opts.path, walSalvage: opts.walSalvage, log: opts.log, standby: opts.standby, queryMemoryBytes: opts.queryMemoryBytes });
  }
  const store: GraphStore =
    opts.backend === 'embedded'
      ? new EmbeddedStore(openGrafeo({ path: opts.path, walSalvage: opts.walSalvage }), opts.path)
      : await Neo4jStore.connect(opts);
  try {
    await store.init();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

/** The embedded store's file under the data directory. */
export function embeddedStorePath(dataDir: string): string {
  return join(dataDir, 'claimgraph.grafeo');
}

/**
 * Opens the store the configuration names: Neo4j when NEO4J_URI is set, else
 * the embedded store at `${dataDir}/claimgraph.grafeo` (creating the
 * directory). `CLAIMGRAPH_WAL_SALVAGE=1` in the environment, or
 * `walSalvage`, opens an embedded store whose WAL is damaged. `hosted` puts
 * the embedded store in a child process (see StoreOptions): the server and
 * `claimgraph query`, which run user Cypher under a time limit, ask for it.
 */
export async function openStoreFromConfig(
  config: Config,
  opts: { walSalvage?: boolean; hosted?: boolean; standby?: boolean; log?: (line: string) => void } = {},
): Promise<GraphStore> {
  if (config.neo4j) {
    const { uri, user, password, database } = config.neo4j;
    return openStore({ backend: 'neo4j', uri, user, password, database });
  }
  mkdirSync(config.dataDir, { recursive: true });
  const walSalvage = opts.walSalvage ?? config.walSalvage;
  return openStore({
    backend: 'embedded', path: embeddedStorePath(config.dataDir), walSalvage, hosted: opts.hosted, standby: opts.standby, log: opts.log,
    queryMemoryBytes: config.queryMaxMemoryBytes,
  });
}

export type { ActorNode, ArticleGraph, ArticleNode, GraphStore, Row, SourceNode, StatementNode, StoreStats, WriteStatus, ReadQueryOptions } from './types.js';
export { readArticleGraph, readWrittenArticleGraph } from './article-graph.js';
export { READ } from './queries/read.js';
export { WRITE } from './queries/write.js';
export { MODEL as GRAPH_MODEL, SCHEMA_NEO4J } from './queries/schema.js';
export { temporalLiteral, TIME_KEYS } from './times.js';
export { TIME_CONVERSIONS, actorMonthsFromDays, moveBandsToMembers } from './schema.js';
export { assertReadOnly, warmUpReadOnlyCheck } from './readonly.js';
export { QUERY_LIMITS } from './limits.js';
export { HostedStore, type RestartRecord } from './host/index.js';
export { toPlain } from './values.js';
export { serialWrite, withWritePriority } from './write-queue.js';
export * from './reads.js';
export * from './repos/index.js';
export { StatementRecordSchema, statementRecordOf, type StatementArticle, type StatementRecord } from './records.js';
export { runUserQuery, rewriteForEmbedded, withoutBookkeeping, type UserQueryResult } from './user-cypher.js';
export { DIFFERENCES, type DifferenceId } from './cypher-differences.js';
