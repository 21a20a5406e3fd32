/**
 * The building blocks of the HTTP API's shapes (./schemas.ts): the error
 * body, dates, ids, list and boolean query parameters, paging. A module of
 * its own so schemas.ts stays one file per concern; schemas.ts re-exports
 * what was public before.
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ActorKindSchema as ExtractActorKind, CueClassSchema as ExtractCueClass } from '../extract/index.js';
import { parseIsoDate } from '../ingest/index.js';

extendZodWithOpenApi(z);

// ---------------------------------------------------------------- building blocks

/** The one error body: never a stack. `details[].path` names the field ("query.limit", "body.text"). */
export const ErrorBodySchema = z
  .object({
    code: z.string().openapi({ example: 'BAD_INPUT' }),
    message: z.string().openapi({ example: 'invalid query: query.limit: Too big: expected number to be <=500' }),
    details: z.array(z.object({ path: z.string().optional(), message: z.string() })),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
/** A date or date-time prefix: "2024", "2024-03", "2024-03-05", "2024-03-05T10:00:00Z". */
export const IsoDateSchema = z
  .string()
  .regex(ISO_DATE, 'expected an ISO-8601 date such as 2024-03-05 or 2024-03-05T10:00:00Z')
  // A real calendar date (2025-02-30 is not one), by the same strict reader the ingest uses (issue 14, defect 11).
  .refine((s) => parseIsoDate(s) !== null, 'expected a real calendar date and time (no February 30th, no hour 24)')
  .openapi({ example: '2024-03-05' });

/** Ids are opaque stable hashes ("act_0123456789abcdef"); this only bounds them. */
export const IdSchema = z.string().min(1).max(200);

// The extraction contract's enums, so a filter accepts exactly what the extractor writes.
export const CueClassSchema = ExtractCueClass.meta({ id: 'CueClass' });
export const ActorKindSchema = ExtractActorKind.meta({ id: 'ActorKind' });

/** A query-string list: repeated keys (`?actor=a&actor=b`) or, for ids, comma-separated (`?actor=a,b`). */
export function listParam<T extends z.ZodType>(item: T, opts: { commas: boolean }) {
  return z.preprocess((v) => {
    if (v === undefined || v === '') return undefined;
    const xs = Array.isArray(v) ? v : [v];
    return opts.commas ? xs.flatMap((x) => (typeof x === 'string' ? x.split(',') : [x])).filter((x) => x !== '') : xs;
  }, z.array(item).max(100).optional());
}
export const idList = () => listParam(IdSchema, { commas: true });
export const nameList = () => listParam(z.string().min(1).max(300), { commas: false });
export const cueClassList = () => listParam(CueClassSchema, { commas: true });

export const booleanParam = z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean().optional());

/** The largest offset a page may start at, given as `offset` or inside a `cursor`. */
export const MAX_OFFSET = 1_000_000_000;

/**
 * The offset a cursor carries ("o" + base-36, base64url-encoded: see
 * encodeCursor in ./http.ts), or null when it is not one we could have
 * issued, including one past MAX_OFFSET (issue 14, defect 10: a crafted
 * cursor used to pass as a huge offset and reach the engine).
 */
export function cursorOffset(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return null;
  const m = /^o([0-9a-z]{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) return null;
  const offset = parseInt(m[1]!, 36);
  return offset <= MAX_OFFSET ? offset : null;
}

/** Paging: `limit` (1..500, default 50) with `offset`, or with the `cursor` a previous page returned (decoded to its offset). */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(MAX_OFFSET).default(0),
  cursor: z
    .string()
    .optional()
    .transform((c, ctx) => {
      if (c === undefined) return undefined;
      const offset = cursorOffset(c);
      if (offset === null) {
        ctx.addIssue({ code: 'custom', message: 'expected a cursor returned by a previous page' });
        return z.NEVER;
      }
      return offset;
    })
    .openapi({ type: 'string', description: 'nextCursor of the previous page; wins over offset' }),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** A page of a list. `total` is the number of matches regardless of paging; `nextCursor` null on the last page. */
export function page<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int(),
      limit: z.number().int(),
      offset: z.number().int(),
      nextCursor: z.string().nullable(),
    })
    .openapi(name);
}

export const IdParamsSchema = z.object({ id: IdSchema.openapi({ param: { description: 'stable id' } }) });
