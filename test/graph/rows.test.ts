import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../server/errors.js';
import { checked } from '../../server/graph/repos/rows.js';

/**
 * The one checker every repository's rows go through (server/graph/repos/rows.ts):
 * a row that fits its schema comes up unchanged (the same object, its keys in
 * the store's order, so answers built from it stay byte for byte), and a row
 * that does not is the app's own failing query, STORE_FAILED, naming the
 * query and the column.
 */
const Schema = z.object({ id: z.string(), name: z.string().nullable(), n: z.number() });

describe('typed rows', () => {
  test('a fitting row comes up as it is: the same object, extra columns and key order kept', () => {
    const row = { n: 2, id: 'a', extra: true, name: null };
    const [out] = checked(Schema, 'a test query', [row]);
    expect(out).toBe(row);
    expect(Object.keys(out!)).toEqual(['n', 'id', 'extra', 'name']);
  });

  test.each([
    { name: 'a string column holding a number', row: { id: 1, name: 'x', n: 1 }, at: 'id' },
    { name: 'a nullable column missing (nulls come as null, never undefined)', row: { id: 'a', n: 1 }, at: 'name' },
    { name: 'a count that is null', row: { id: 'a', name: null, n: null }, at: 'n' },
  ])('$name is STORE_FAILED naming the query and the column', ({ row, at }) => {
    let error: unknown;
    try {
      checked(Schema, 'a test query', [{ id: 'ok', name: null, n: 0 }, row]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('STORE_FAILED');
    expect((error as AppError).message).toContain(`a row of a test query does not fit its schema at ${at}`);
  });
});
