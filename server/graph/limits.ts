import { AppError, badInput, payloadTooLarge } from '../errors.js';

/**
 * Bounds on one user (console) query, so that a query cannot take the store
 * process, the server or other users down with it. docs/security.md,
 * "Bounds on a user query", says which test shows each.
 */
export const QUERY_LIMITS = {
  /**
   * How deep parameters and answer values may nest (lists and maps). The
   * engine recurses over nested values: a list nested ~2,500 deep killed the
   * store process (SIGSEGV), and JSON of it overflows the server's stack.
   */
  maxDepth: 64,
  /** Default size of one answer, estimated as JSON while it is read (CLAIMGRAPH_QUERY_MAX_BYTES). */
  maxAnswerBytes: 16 * 1024 * 1024,
  /** Default memory one user query may add to the store process (CLAIMGRAPH_QUERY_MAX_MEMORY_MB). */
  memoryBytes: 1024 * 1024 * 1024,
} as const;

/**
 * Walks the record `value` (a row, the parameters) without recursion (a deep value must not overflow our own
 * stack either) and returns its approximate size as JSON in bytes; throws
 * when it nests deeper than `maxDepth` or grows past `maxBytes`.
 * `what` names it in messages ("the parameters", "the answer").
 */
export function measureValue(value: unknown, maxDepth: number, maxBytes: number, what: string, errorFor: 'input' | 'answer', already = 0): number {
  let bytes = already;
  // `value` is a record (a row, the parameters): its own level does not count.
  const stack: Array<[unknown, number]> = [[value, -1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || v === undefined) bytes += 4;
    else if (typeof v === 'string') bytes += v.length + 2;
    else if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') bytes += 8;
    else if (typeof v === 'object') {
      if (depth >= maxDepth) {
        const message = `lists or maps in ${what} nest more than ${maxDepth} levels deep; the limit is ${maxDepth}`;
        throw errorFor === 'input' ? badInput(message) : new AppError('QUERY_FAILED', `${message} (build a flatter value)`, { expose: true });
      }
      const entries = Array.isArray(v) || ArrayBuffer.isView(v) ? Array.from(v as ArrayLike<unknown>) : Object.entries(v as object);
      bytes += 2;
      for (const e of entries) {
        if (Array.isArray(v) || ArrayBuffer.isView(v)) stack.push([e, depth + 1]);
        else {
          const [k, x] = e as [string, unknown];
          bytes += k.length + 4;
          stack.push([x, depth + 1]);
        }
      }
    } else bytes += 4;
    if (bytes > maxBytes) {
      throw errorFor === 'input'
        ? payloadTooLarge(what, maxBytes, bytes)
        : new AppError(
            'PAYLOAD_TOO_LARGE',
            `${what} is larger than ${maxBytes} bytes (the limit; measured as JSON while it was read): return fewer rows or columns, or aggregate`,
          );
    }
  }
  return bytes - already;
}

/** Throws BAD_INPUT when query parameters nest deeper than QUERY_LIMITS.maxDepth. */
export function assertParamsDepth(params: Record<string, unknown>): void {
  measureValue(params, QUERY_LIMITS.maxDepth, Number.POSITIVE_INFINITY, 'the query parameters', 'input');
}
