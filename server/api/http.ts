/**
 * The HTTP plumbing every route shares: validation into BAD_INPUT naming the
 * field, paging, bearer-token checks, and the one error middleware.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { AppError, badInput, forClient, normalizeError, payloadTooLarge, type ErrorDetail } from '../errors.js';
import type { PageQuery } from './schemas.js';
import { isLoopbackHost } from '../config.js';

type Part = 'query' | 'body' | 'params';

/**
 * Parses `value` (a request's query, body or path params) with `schema`;
 * throws BAD_INPUT with one detail per offending field, each path prefixed
 * by the part ("query.limit", "body.records.2.url"). Unknown keys of a
 * strict object become one detail per key.
 */
export function parse<S extends z.ZodType>(part: Part, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const details: ErrorDetail[] = [];
  for (const issue of result.error.issues) {
    const base = [part, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) details.push({ path: [...base, key].join('.'), message: `unknown field "${key}"` });
    } else {
      details.push({ path: base.join('.'), message: issue.message });
    }
  }
  if (value === undefined && part === 'body') details.splice(0, details.length, { path: 'body', message: 'expected a JSON object (Content-Type: application/json)' });
  const first = details[0]!;
  return failWith(`invalid ${part}: ${first.path}: ${first.message}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}`, details);
}

function failWith(message: string, details: ErrorDetail[]): never {
  throw badInput(message, details);
}

// ------------------------------------------------------------------ paging

/** Cursors are opaque to clients; today they carry an offset ("o" + base-36), which keeps them cheap and stateless. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o${offset.toString(36)}`, 'utf8').toString('base64url');
}

/** skip/limit of a page query; a cursor (decoded and capped like an offset by PageQuerySchema) wins over offset. */
export function pageWindow(q: PageQuery): { skip: number; limit: number } {
  return { skip: q.cursor ?? q.offset, limit: q.limit };
}

export function pageOf<T>(items: T[], total: number, w: { skip: number; limit: number }) {
  const next = w.skip + items.length;
  return { items, total, limit: w.limit, offset: w.skip, nextCursor: next < total && items.length > 0 ? encodeCursor(next) : null };
}

// ------------------------------------------------------------------ auth

/**
 * When a token is configured, every request that is not a GET/HEAD must
 * carry `Authorization: Bearer <token>`; compared in constant time (over
 * digests, so lengths do not leak either).
 */
export function requireTokenForWrites(token: string | undefined): RequestHandler {
  if (!token) return (_req, _res, next) => next();
  const want = createHash('sha256').update(token).digest();
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    const got = createHash('sha256').update(m?.[1] ?? '').digest();
    if (!m || !timingSafeEqual(want, got)) {
      return next(new AppError('UNAUTHORIZED', m ? 'the bearer token is not valid' : 'this endpoint needs an "Authorization: Bearer <token>" header (CLAIMGRAPH_TOKEN is set)'));
    }
    next();
  };
}

/**
 * A server bound to loopback answers only requests addressed to a loopback
 * name: a web page cannot then reach it through DNS rebinding (its requests
 * would carry the attacker's host name).
 */
export function loopbackHostGuard(bindHost: string): RequestHandler {
  if (!isLoopbackHost(bindHost)) return (_req, _res, next) => next();
  return (req, _res, next) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (isLoopbackHost(host)) return next();
    next(new AppError('FORBIDDEN', `requests must be addressed to localhost (Host "${host}" refused: the server is bound to ${bindHost})`));
  };
}

// ------------------------------------------------------------------ errors

/** Unknown /api routes: 404 in the error shape. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `no such endpoint: ${req.method} ${req.baseUrl}${req.path}`));
};

/**
 * The one error middleware: anything thrown becomes {code, message, details}
 * with its HTTP status. Body-parser failures (bad JSON, undecodable
 * gzip/deflate/br) and undecodable path parameters are BAD_INPUT; too large
 * is PAYLOAD_TOO_LARGE. A message that is not ours (the engine's, the OS's,
 * a library's: see `forClient` in server/errors.ts) is logged with its
 * cause and reaches the client as our fixed message for its code: never a
 * stack, node ids, paths, signals or system-call errors.
 */
export function errorHandler(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const error = fromRequestError(err) ?? normalizeError(err);
    if (res.headersSent) {
      log(`claimgraph: ${req.method} ${req.originalUrl} failed after the answer began: ${error.message}`);
      return;
    }
    const safe = forClient(error);
    if (safe !== error) logFailure(log, `${req.method} ${req.originalUrl}`, error, err);
    res.status(safe.httpStatus).json(safe.toJSON());
  };
}

/** Logs an error a client gets only our message for: its own message, and for internal errors the cause's stack. */
export function logFailure(log: (line: string) => void, where: string, error: AppError, raw: unknown = error): void {
  const cause = raw instanceof AppError ? raw.cause : raw;
  const trace = error.code === 'INTERNAL' && cause instanceof Error ? `\n${cause.stack ?? cause.message}` : '';
  log(`claimgraph: ${where} failed: ${error.code} ${error.message}${trace}`);
}

/**
 * Errors of reading the request itself, mapped to ours: body-parser's
 * typed errors, a body that does not decode as its Content-Encoding says
 * (zlib and brotli errors), and a path parameter that is not valid
 * percent-encoding (the router's URIError).
 */
function fromRequestError(err: unknown): AppError | null {
  const parsed = fromBodyParser(err);
  if (parsed) return parsed;
  const e = err as { code?: unknown; errno?: unknown; status?: unknown } | null;
  if (err instanceof URIError && e?.status === 400) {
    return badInput('invalid path: a path parameter is not valid percent-encoding (expected %XX escapes of UTF-8 bytes)', [
      { path: 'params', message: 'expected valid percent-encoding' },
    ]);
  }
  if (err instanceof Error && typeof e?.code === 'string' && /^(Z_|ERR_BROTLI|ERR__)/.test(e.code)) {
    return badInput('the request body could not be decoded: it is not valid data of the Content-Encoding it declares (gzip, deflate or br)', [
      { path: 'body', message: 'expected a body encoded as its Content-Encoding header says' },
    ]);
  }
  return null;
}

function fromBodyParser(err: unknown): AppError | null {
  const e = err as { type?: string; status?: number; limit?: number; length?: number; expected?: number; message?: string };
  if (typeof e?.type !== 'string') return null;
  switch (e.type) {
    case 'entity.too.large':
      return payloadTooLarge('the request body', e.limit ?? 0, e.length ?? e.expected ?? 0);
    case 'entity.parse.failed':
      return badInput('the request body is not valid JSON', [{ path: 'body', message: 'expected a JSON object' }]);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_INPUT', e.type === 'charset.unsupported'
        ? 'the request body\'s charset is not supported (expected utf-8)'
        : 'the request body\'s Content-Encoding is not supported (expected gzip, deflate, br or identity)');
    default:
      return e.status && e.status < 500 ? badInput(`the request body could not be read (${e.type})`) : null;
  }
}
