import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { STATEMENT_SCHEMA_PATH, statementJsonSchema } from '../../scripts/statement-schema.js';

test('docs/statement.schema.json matches the zod StatementSchema (regenerate: npx tsx scripts/statement-schema.ts)', () => {
  expect(readFileSync(STATEMENT_SCHEMA_PATH, 'utf8')).toBe(statementJsonSchema());
});
