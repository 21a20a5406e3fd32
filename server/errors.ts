/**
 * The one error type of claimgraph. Every failure that crosses a component
 * boundary is an AppError with a code; build them with the factories below so
 * messages stay uniform ("expected X, found Y").
 */
export type ErrorCode =
  | 'BAD_INPUT' // a value from outside (HTTP, CLI flag, file, env) failed validation
  | 'NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN' // e.g. a write attempted through the read-only Cypher endpoint
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_INPUT' // binary data, unknown format, non-English text where English is needed
  | 'FETCH_FAILED' // a URL that could not be fetched
  | 'QUERY_FAILED' // a client's Cypher query the database refused (the user-Cypher route, `claimgraph query`)
  | 'STORE_FAILED' // one of the app's own queries failed in the store: our fault or the store's, never the client's
  | 'QUERY_TIMEOUT'
  | 'STORE_UNAVAILABLE' // the graph store could not be opened or reached
  | 'STORE_CORRUPT'
  | 'INTERNAL';

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_INPUT: 415,
  FETCH_FAILED: 502,
  QUERY_FAILED: 400,
  STORE_FAILED: 500,
  QUERY_TIMEOUT: 408,
  STORE_UNAVAILABLE: 503,
  STORE_CORRUPT: 500,
  INTERNAL: 500,
};

export interface ErrorDetail {
  /** Dotted path of the offending field ("body.text", "--port", "records[3].publishedAt"). */
  path?: string;
  message: string;
}

/**
 * Codes whose messages are built from text we did not write (the engine's,
 * the OS's, a library's: node ids, "write EPIPE", "SIGSEGV", file paths):
 * an HTTP client gets a fixed message of ours instead (CLIENT_MESSAGES),
 * unless the error was made with `expose: true` by code that wrote the
 * whole message itself. The raw message stays in the server log and the CLI.
 */
const INTERNAL_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set(['QUERY_FAILED', 'STORE_FAILED', 'STORE_UNAVAILABLE', 'STORE_CORRUPT', 'FETCH_FAILED', 'INTERNAL']);

/** What an HTTP client reads for an error whose own message is not exposed. */
const CLIENT_MESSAGES: Partial<Record<ErrorCode, string>> = {
  QUERY_FAILED: 'the database could not run the query; the server log has the reason',
  STORE_FAILED: 'the graph store could not complete the request; the server log has the reason',
  STORE_UNAVAILABLE: 'the graph store is not available at the moment (starting, restarting or busy); retry in a few seconds',
  STORE_CORRUPT: 'the graph store is damaged; the server log names the file and the recovery step',
  FETCH_FAILED: 'the URL could not be fetched',
  INTERNAL: 'internal error; the server log has the details',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  /** True when retrying the same operation later may succeed (network, busy store). */
  readonly retriable: boolean;
  /** Whether an HTTP client may read `message` as it is (see INTERNAL_BY_DEFAULT); not carried across processes. */
  readonly exposed: boolean;

  constructor(code: ErrorCode, message: string, opts: { details?: ErrorDetail[]; cause?: unknown; retriable?: boolean; expose?: boolean } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = opts.details ?? [];
    this.retriable = opts.retriable ?? false;
    this.exposed = opts.expose ?? !INTERNAL_BY_DEFAULT.has(code);
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }

  /** The shape sent to HTTP clients and printed by the CLI: never a stack. */
  toJSON(): { code: ErrorCode; message: string; details: ErrorDetail[] } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/**
 * The error as an HTTP client may see it: itself when its message is ours,
 * else the same code and status with our fixed message and no details
 * (issue 14, defect 11). Callers log the original.
 */
export function forClient(error: AppError): AppError {
  if (error.exposed) return error;
  return new AppError(error.code, CLIENT_MESSAGES[error.code] ?? CLIENT_MESSAGES.INTERNAL!, { retriable: error.retriable, expose: true });
}

export const badInput = (message: string, details: ErrorDetail[] = []) => new AppError('BAD_INPUT', message, { details });
export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what} "${id}" was not found`);
export const unsupportedInput = (message: string) => new AppError('UNSUPPORTED_INPUT', message);
export const fetchFailed = (url: string, reason: string, cause?: unknown) =>
  new AppError('FETCH_FAILED', `could not fetch ${url}: ${reason}`, { cause, retriable: true });
export const queryFailed = (message: string, cause?: unknown) => new AppError('QUERY_FAILED', message, { cause });
/**
 * One of the app's own queries failed in the store (not a client's Cypher):
 * 500, and never exposed: a client reads CLIENT_MESSAGES.STORE_FAILED, the
 * engine's message stays in the log, the CLI and the cause.
 */
export const storeFailed = (message: string, cause?: unknown) => new AppError('STORE_FAILED', `the store could not run a query of the app: ${message}`, { cause });
/** A user's query refused or failed for a reason our own words describe (its syntax, its shape, what it did to the store): shown to the client. */
export const userQueryFailed = (message: string) => new AppError('QUERY_FAILED', message, { expose: true });
export const storeUnavailable = (message: string, cause?: unknown) =>
  new AppError('STORE_UNAVAILABLE', message, { cause, retriable: true });
export const storeCorrupt = (message: string, cause?: unknown) => new AppError('STORE_CORRUPT', message, { cause });
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
export const payloadTooLarge = (what: string, limitBytes: number, actualBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `${what} is ${actualBytes} bytes; the limit is ${limitBytes} bytes`);

/** Turns a zod error into BAD_INPUT naming each offending field under `prefix`. */
export function fromZod(prefix: string, error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): AppError {
  const details = error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
  const first = details[0];
  const summary = first ? `${first.path}: ${first.message}` : 'invalid input';
  return badInput(`invalid ${prefix}: ${summary}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}`, details);
}

/** Anything thrown becomes an AppError; unknown errors become INTERNAL with a generic message. */
export function normalizeError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Error) {
    return new AppError('INTERNAL', `internal error: ${error.message}`, { cause: error });
  }
  return new AppError('INTERNAL', `internal error: ${String(error)}`);
}
