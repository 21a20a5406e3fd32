/**
 * The HTTP plumbing every route shares: validation into BAD_INPUT naming the
 * field, paging, bearer-token checks, and the one error middleware.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { AppError, badInput, normalizeError, payloadTooLarge, type ErrorDetail } from '../errors.js';
import type { PageQuery } from './schemas.js';

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

export function decodeCursor(cursor: string): number {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^o([0-9a-z]{1,12})$/.exec(raw);
  if (!m) throw badInput('invalid query: query.cursor: expected a cursor returned by a previous page', [{ path: 'query.cursor', message: 'expected a cursor returned by a previous page' }]);
  return parseInt(m[1]!, 36);
}

/** skip/limit of a page query; a cursor wins over offset. */
export function pageWindow(q: PageQuery): { skip: number; limit: number } {
  return { skip: q.cursor !== undefined ? decodeCursor(q.cursor) : q.offset, limit: q.limit };
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
  const loopback = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;
  if (!loopback.test(bindHost)) return (_req, _res, next) => next();
  return (req, _res, next) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (loopback.test(host)) return next();
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
 * with its HTTP status. Body-parser failures are mapped to BAD_INPUT and
 * PAYLOAD_TOO_LARGE. Internal errors are logged with their stack on the
 * server and reach the client as a generic message: never a stack, never an
 * internal message that could leak paths or queries.
 */
export function errorHandler(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const error = fromBodyParser(err) ?? normalizeError(err);
    if (res.headersSent) {
      log(`claimgraph: ${req.method} ${req.originalUrl} failed after the answer began: ${error.message}`);
      return;
    }
    if (error.code === 'INTERNAL' || error.code === 'STORE_CORRUPT') {
      const cause = err instanceof Error ? (err.stack ?? err.message) : String(err);
      log(`claimgraph: ${req.method} ${req.originalUrl} failed: ${cause}`);
      const safe = new AppError(error.code, error.code === 'INTERNAL' ? 'internal error; the server log has the details' : error.message);
      res.status(safe.httpStatus).json(safe.toJSON());
      return;
    }
    res.status(error.httpStatus).json(error.toJSON());
  };
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
      return new AppError('UNSUPPORTED_INPUT', `the request body's encoding is not supported: ${e.message ?? ''}`);
    default:
      return e.status && e.status < 500 ? badInput(`the request body could not be read (${e.type})`) : null;
  }
}
