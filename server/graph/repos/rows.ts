/**
 * Typed rows. Every repository query has a row schema (zod), owned by the
 * repository that runs it, and its rows go through `checked` in one place:
 * each row is checked against the schema and handed up as that type, the
 * row itself (its values and their order unchanged, so the answers built
 * from it stay byte for byte what they were). Nulls are handled one way: a
 * column the store may leave empty is `.nullable()` in its schema and comes
 * up as null (never undefined, never a default); any other column must hold
 * its type. A row that does not fit is the app's own failing query
 * (STORE_FAILED, 500), with what was expected and what was found.
 */
import { z } from 'zod';
import { storeFailed } from '../../errors.js';
import type { GraphStore, Row } from '../types.js';

/** What a read model needs of a store. */
export type Runner = Pick<GraphStore, 'run'>;

/** The rows of `what` as the schema's type, every one checked. */
export function checked<S extends z.ZodType>(schema: S, what: string, rows: Row[]): z.infer<S>[] {
  for (const row of rows) {
    const r = schema.safeParse(row);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw storeFailed(`a row of ${what} does not fit its schema at ${issue.path.join('.') || '(row)'}: ${issue.message}`);
    }
  }
  return rows as z.infer<S>[];
}

/** Runs `text` and checks its rows against `schema` (`what` names the query in an error). */
export async function read<S extends z.ZodType>(store: Runner, schema: S, what: string, text: string, params?: Record<string, unknown>): Promise<z.infer<S>[]> {
  return checked(schema, what, await store.run(text, params));
}

/** The first row of `text`, checked, or undefined. */
export async function readOne<S extends z.ZodType>(store: Runner, schema: S, what: string, text: string, params?: Record<string, unknown>): Promise<z.infer<S> | undefined> {
  return (await read(store, schema, what, text, params))[0];
}

// Column kinds, written once.
export const str = z.string();
export const optStr = z.string().nullable();
export const num = z.number();
export const optNum = z.number().nullable();
export const strs = z.array(z.string());
/** A string list kept as a property: null when the node lacks it. */
export const optStrs = z.array(z.string()).nullable();

/** A row of one id. */
export const IdRow = z.object({ id: str });
/** A row of one number `n` (a count of what a query matched or wrote). */
export const CountN = z.object({ n: num });

/** The `n` of a query's first row (0 for no row). */
export async function readN(store: Runner, what: string, text: string, params?: Record<string, unknown>): Promise<number> {
  return (await readOne(store, CountN, what, text, params))?.n ?? 0;
}

/** A count (`total`) row, and the total it gives (0 for no row). */
export const CountRow = z.object({ total: num });
export async function readTotal(store: Runner, what: string, text: string, params?: Record<string, unknown>): Promise<number> {
  return (await readOne(store, CountRow, what, text, params))?.total ?? 0;
}
