import { z } from 'zod';
import { fromZod } from './errors.js';

/** Environment configuration, parsed once at start; a bad value fails fast naming the variable. */
const EnvSchema = z.object({
  CLAIMGRAPH_DATA: z.string().min(1).default('./data'),
  CLAIMGRAPH_HOST: z.string().min(1).default('127.0.0.1'),
  CLAIMGRAPH_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  CLAIMGRAPH_TOKEN: z.string().min(8).optional(),
  CLAIMGRAPH_MAX_INPUT_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  CLAIMGRAPH_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  CLAIMGRAPH_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Size of one console answer (estimated as JSON), and memory one console query may add to the store process. */
  CLAIMGRAPH_QUERY_MAX_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
  CLAIMGRAPH_QUERY_MAX_MEMORY_MB: z.coerce.number().int().positive().default(1024),
  /** 1: open an embedded store whose write-ahead log is damaged, keeping the commits before the damage. */
  CLAIMGRAPH_WAL_SALVAGE: z.enum(['0', '1']).default('0'),
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
  queryTimeoutMs: number;
  /** Bounds on one user (console) query: its answer's size and the memory it may add to the store process. */
  queryMaxBytes: number;
  queryMaxMemoryBytes: number;
  walSalvage: boolean;
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
    queryTimeoutMs: e.CLAIMGRAPH_QUERY_TIMEOUT_MS,
    queryMaxBytes: e.CLAIMGRAPH_QUERY_MAX_BYTES,
    queryMaxMemoryBytes: e.CLAIMGRAPH_QUERY_MAX_MEMORY_MB * 1024 * 1024,
    walSalvage: e.CLAIMGRAPH_WAL_SALVAGE === '1',
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD ?? '', database: e.NEO4J_DATABASE }
      : undefined,
  };
}
