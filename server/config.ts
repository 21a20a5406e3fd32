import { z } from 'zod';
import { AppError, fromZod } from './errors.js';

/** Environment configuration, parsed once at start; a bad value fails fast naming the variable. */
const EnvSchema = z.object({
  CLAIMGRAPH_DATA: z.string().min(1).default('./data'),
  CLAIMGRAPH_HOST: z.string().min(1).default('127.0.0.1'),
  CLAIMGRAPH_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  CLAIMGRAPH_TOKEN: z.string().min(8).optional(),
  CLAIMGRAPH_MAX_INPUT_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  CLAIMGRAPH_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  CLAIMGRAPH_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** 1: URL ingest may fetch loopback, private, link-local and other special-purpose addresses (default: refused). */
  CLAIMGRAPH_FETCH_ALLOW_PRIVATE: z.enum(['0', '1']).default('0'),
  /** Size of one console answer (estimated as JSON), and memory one console query may add to the store process. */
  CLAIMGRAPH_QUERY_MAX_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
  CLAIMGRAPH_QUERY_MAX_MEMORY_MB: z.coerce.number().int().positive().default(1024),
  /** 1: open an embedded store whose write-ahead log is damaged, keeping the commits before the damage. */
  CLAIMGRAPH_WAL_SALVAGE: z.enum(['0', '1']).default('0'),
  /** Worker threads that extract for `ingest` and `extract --jsonl` (default 0: extract in the main thread). */
  CLAIMGRAPH_EXTRACT_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  /** Articles `ingest` writes per transaction (default 64; 1 writes them one by one). */
  CLAIMGRAPH_INGEST_BATCH: z.coerce.number().int().min(1).max(1000).optional(),
  NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'expected a bolt:// or neo4j:// URI').optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
});

export type Config = {
  dataDir: string;
  host: string;
  port: number;
  token: string | undefined;
  maxInputBytes: number;
  fetchTimeoutMs: number;
  /** URL ingest may fetch private and local addresses (CLAIMGRAPH_FETCH_ALLOW_PRIVATE=1). */
  fetchAllowPrivate: boolean;
  queryTimeoutMs: number;
  /** Bounds on one user (console) query: its answer's size and the memory it may add to the store process. */
  queryMaxBytes: number;
  queryMaxMemoryBytes: number;
  walSalvage: boolean;
  /** Extraction worker threads (CLAIMGRAPH_EXTRACT_WORKERS); undefined: the default, none. */
  extractWorkers?: number;
  /** Articles per batch for `ingest` (CLAIMGRAPH_INGEST_BATCH; written in transactions of at most PIPELINE_PART); undefined: the default. */
  ingestBatch?: number;
  /**
   * Most statements GET /api/claims/:id lists (oldest first); the claim's
   * `statements` count is the total, so a shorter list says it was cut. No
   * environment variable: the default (CLAIM_STATEMENTS_LIMIT) unless a
   * caller of createApp sets it (the tests set a small one).
   */
  claimStatementsLimit?: number;
  neo4j: { uri: string; user: string; password: string; database: string | undefined } | undefined;
};

/** Parses the environment (or the given record) into Config; throws BAD_INPUT naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) throw fromZod('environment', parsed.error);
  const e = parsed.data;
  return {
    dataDir: e.CLAIMGRAPH_DATA,
    host: e.CLAIMGRAPH_HOST,
    port: e.CLAIMGRAPH_PORT,
    token: e.CLAIMGRAPH_TOKEN,
    maxInputBytes: e.CLAIMGRAPH_MAX_INPUT_BYTES,
    fetchTimeoutMs: e.CLAIMGRAPH_FETCH_TIMEOUT_MS,
    fetchAllowPrivate: e.CLAIMGRAPH_FETCH_ALLOW_PRIVATE === '1',
    queryTimeoutMs: e.CLAIMGRAPH_QUERY_TIMEOUT_MS,
    queryMaxBytes: e.CLAIMGRAPH_QUERY_MAX_BYTES,
    queryMaxMemoryBytes: e.CLAIMGRAPH_QUERY_MAX_MEMORY_MB * 1024 * 1024,
    walSalvage: e.CLAIMGRAPH_WAL_SALVAGE === '1',
    extractWorkers: e.CLAIMGRAPH_EXTRACT_WORKERS,
    ingestBatch: e.CLAIMGRAPH_INGEST_BATCH,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD ?? '', database: e.NEO4J_DATABASE }
      : undefined,
  };
}

/** Whether a bind address or Host name is this machine only: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  return /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|::1|\[::1\])$/i.test(host);
}

/**
 * Refuses to serve on a non-loopback address without a token (issue 14,
 * defect 7): there anyone on the network could ingest, merge and run the
 * Cypher console, and the DNS-rebinding Host check (loopback binds only)
 * does not apply. Refusing rather than generating a token: a token printed
 * once to a container log is easily lost, changes at every restart, and a
 * server that starts anyway hides the misconfiguration. Checked before the
 * store is opened (the CLI) and again where the server listens.
 */
export function assertSafeExposure(config: Pick<Config, 'host' | 'token'>): void {
  if (isLoopbackHost(config.host) || config.token !== undefined) return;
  throw new AppError(
    'BAD_INPUT',
    `refusing to serve on ${config.host} without a token: that address is reachable from other machines, which could then write to the graph ` +
      `and run Cypher. Set CLAIMGRAPH_TOKEN to a secret of at least 8 characters (clients send "Authorization: Bearer <token>" with every write), ` +
      `or bind to 127.0.0.1 (CLAIMGRAPH_HOST or --host)`,
    { details: [{ path: 'CLAIMGRAPH_TOKEN', message: `expected a token when CLAIMGRAPH_HOST is not a loopback address (found host ${config.host} and no token)` }] },
  );
}
