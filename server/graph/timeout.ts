import { AppError } from '../errors.js';

/**
 * Rejects with QUERY_TIMEOUT when `work` has not settled after `ms`. It does
 * not stop the work: callers that can cancel (Neo4j's transaction timeout)
 * do so themselves; this is the bound for those that cannot (Grafeo).
 */
export async function withTimeout<T>(work: Promise<T>, ms: number | undefined): Promise<T> {
  if (ms === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(queryTimeout(ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** QUERY_TIMEOUT; errors.ts has no factory for it yet. */
export function queryTimeout(ms: number): AppError {
  return new AppError('QUERY_TIMEOUT', `the query ran longer than ${ms} ms and was abandoned`);
}
