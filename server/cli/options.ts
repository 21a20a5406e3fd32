import { z } from 'zod';
import { fromZod } from '../errors.js';
import { parseIsoDate } from '../ingest/dates.js';

/**
 * ISO-8601 date or date-time, as accepted by --published-at / --retrieved-at:
 * a real calendar date (not 2025-02-30), read by the ingest's strict reader.
 */
export const IsoDate = z.string().transform((s, ctx) => {
  // Read once: `claimgraph extract --jsonl` checks the dates of every record.
  const date = /^\d{4}-\d{2}-\d{2}([T ]|$)/.test(s) ? parseIsoDate(s) : null;
  if (date !== null) return date.value;
  ctx.addIssue({ code: 'custom', message: 'expected a real calendar date in ISO-8601, such as 2025-08-21 or 2025-08-21T12:00:00Z' });
  return z.NEVER;
});

export const DataOptions = z.object({ data: z.string().min(1).optional() });

export const ServeOptions = DataOptions.extend({
  host: z.string().min(1).optional(),
  port: z.coerce.number().int().min(0).max(65535).optional(),
});

export const IngestFlags = DataOptions.extend({
  retrievedAt: IsoDate.optional(),
  publishedAt: IsoDate.optional(),
  source: z.string().min(1).optional(),
  maxBytes: z.coerce.number().int().positive().optional(),
  json: z.boolean().optional(),
  progress: z.boolean().optional(),
});

export const ExtractFlags = z.object({
  retrievedAt: IsoDate.optional(),
  publishedAt: IsoDate.optional(),
  json: z.boolean().optional(),
  jsonl: z.boolean().optional(),
});

export const QueryFlags = DataOptions.extend({
  json: z.boolean().optional(),
  param: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*=/, 'expected name=value')).optional(),
  limit: z.coerce.number().int().positive().max(100_000).optional(),
});

export const ExportFormat = z.enum(['jsonl', 'statements', 'graphml', 'cypher', 'csv', 'annotations', 'claims']);

export const ExportFlags = DataOptions.extend({
  format: ExportFormat,
  /** A file; for csv, a directory. */
  out: z.string().min(1).optional(),
});

export const ImportFlags = DataOptions.extend({ json: z.boolean().optional(), progress: z.boolean().optional() });

export const BackfillFlags = ImportFlags;

export const RerunIdentityFlags = DataOptions.extend({ json: z.boolean().optional(), dryRun: z.boolean().optional() });

export const MigrateFlags = DataOptions.extend({
  to: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'expected a bolt:// or neo4j:// URI such as bolt://localhost:7687'),
  user: z.string().min(1).optional(),
  password: z.string().optional(),
  database: z.string().min(1).optional(),
  json: z.boolean().optional(),
  progress: z.boolean().optional(),
});

/** Validates commander's parsed flags with a zod schema; BAD_INPUT names the flag. */
export function parseFlags<T extends z.ZodTypeAny>(schema: T, flags: unknown): z.infer<T> {
  const parsed = schema.safeParse(flags);
  if (!parsed.success) throw fromZod('flags', parsed.error);
  return parsed.data;
}

/** `--param name=value`: value parsed as JSON when it is valid JSON (numbers, lists), else a string. */
export function parseParams(pairs: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const i = pair.indexOf('=');
    const raw = pair.slice(i + 1);
    try {
      out[pair.slice(0, i)] = JSON.parse(raw);
    } catch {
      out[pair.slice(0, i)] = raw;
    }
  }
  return out;
}
