import { z } from 'zod';
import { AppError, type ErrorCode } from '../../errors.js';

/**
 * The messages between a HostedStore (parent) and its store process (child).
 * Both halves are the same code version, yet every message is parsed on
 * arrival: a malformed one is a bug, reported as an AppError, never acted on.
 * Values travel with Node's `advanced` serialization (structured clone).
 */

/** Store calls the child serves: the GraphStore methods plus the rolled-back transaction of EmbeddedStore. */
export const OPS = ['init', 'writeArticle', 'writeArticles', 'hasArticle', 'stats', 'run', 'readOnly', 'runInRolledBackTransaction', 'close'] as const;
export type Op = (typeof OPS)[number];

const Params = z.record(z.string(), z.unknown());
const ReadOpts = z.object({ maxRows: z.number().int().positive().optional(), maxBytes: z.number().int().positive().optional() }).strict();

const ArticleGraphId = z.looseObject({ article: z.looseObject({ id: z.string().min(1) }) });

/** The argument list of each op. The article graph is checked for its id here; the store checks the rest as it writes. */
export const ARGS = {
  init: z.tuple([]),
  writeArticle: z.tuple([ArticleGraphId]),
  writeArticles: z.tuple([z.array(ArticleGraphId)]),
  hasArticle: z.tuple([z.string()]),
  stats: z.tuple([]),
  run: z.tuple([z.string().min(1), Params]),
  readOnly: z.tuple([z.string().min(1), Params, ReadOpts]),
  runInRolledBackTransaction: z.tuple([z.string().min(1), Params, ReadOpts]),
  close: z.tuple([]),
} satisfies Record<Op, z.ZodType>;

export const RequestSchema = z.object({
  id: z.number().int().nonnegative(),
  op: z.enum(OPS),
  args: z.array(z.unknown()),
});
export type Request = z.infer<typeof RequestSchema>;

export const WireErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string().optional(), message: z.string() })),
  retriable: z.boolean(),
  /** Whether a client may read the message (AppError.exposed): our own words about the user's query, never the engine's. */
  exposed: z.boolean().optional(),
});
export type WireError = z.infer<typeof WireErrorSchema>;

const Rows = z.array(Params);
const StatsSchema = z.object({ sources: z.number(), articles: z.number(), statements: z.number(), actors: z.number(), claims: z.number() });

/** What a successful reply of each op carries. */
export const RESULTS = {
  init: z.undefined(),
  writeArticle: z.enum(['created', 'unchanged']),
  writeArticles: z.array(z.enum(['created', 'unchanged'])),
  hasArticle: z.boolean(),
  stats: StatsSchema,
  run: Rows,
  readOnly: Rows,
  runInRolledBackTransaction: Rows,
  close: z.undefined(),
} satisfies Record<Op, z.ZodType>;

/** The first message to a child: which store to open. */
export const OpenSchema = z.object({ type: z.literal('open'), path: z.string().min(1), walSalvage: z.boolean() });
export type OpenMessage = z.infer<typeof OpenSchema>;

export const ChildMessageSchema = z.union([
  /** Modules loaded: the child waits for `open`. */
  z.object({ type: z.literal('loaded') }),
  /** The store is open and its schema set up: requests may come. */
  z.object({ type: z.literal('ready'), pid: z.number().int(), openMs: z.number() }),
  /** The store could not be opened; the child exits after sending this. */
  z.object({ type: z.literal('failed'), error: WireErrorSchema }),
  z.object({ type: z.literal('reply'), id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({ type: z.literal('reply'), id: z.number().int(), ok: z.literal(false), error: WireErrorSchema }),
]);
export type ChildMessage = z.infer<typeof ChildMessageSchema>;

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'BAD_INPUT', 'NOT_FOUND', 'UNAUTHORIZED', 'FORBIDDEN', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_INPUT',
  'FETCH_FAILED', 'QUERY_FAILED', 'STORE_FAILED', 'QUERY_TIMEOUT', 'STORE_UNAVAILABLE', 'STORE_CORRUPT', 'INTERNAL',
]);

export function toWire(error: AppError): WireError {
  return { code: error.code, message: error.message, details: error.details, retriable: error.retriable, exposed: error.exposed };
}

/** The AppError a wire error stands for; an unknown code (a bug) becomes INTERNAL keeping the message. */
export function fromWire(error: WireError): AppError {
  const code = CODES.has(error.code) ? (error.code as ErrorCode) : 'INTERNAL';
  return new AppError(code, error.message, { details: error.details, retriable: error.retriable, expose: code === 'INTERNAL' ? false : error.exposed });
}
