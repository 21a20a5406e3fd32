/**
 * Writes docs/statement.schema.json from the zod StatementSchema
 * (`npx tsx scripts/statement-schema.ts`); test/extract/schema-doc.test.ts
 * fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { StatementSchema } from '../server/extract/schema.js';

/** The JSON Schema text for a Statement, as committed in docs/. */
export function statementJsonSchema(): string {
  const schema = { $id: 'https://claimgraph.dev/schemas/statement.schema.json', title: 'Statement', ...z.toJSONSchema(StatementSchema) };
  return JSON.stringify(schema, null, 2) + '\n';
}

export const STATEMENT_SCHEMA_PATH = join(import.meta.dirname, '..', 'docs', 'statement.schema.json');

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  writeFileSync(STATEMENT_SCHEMA_PATH, statementJsonSchema());
  console.log(`wrote ${STATEMENT_SCHEMA_PATH}`);
}
