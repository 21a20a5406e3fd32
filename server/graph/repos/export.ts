/**
 * The export read model and the import's writes of what only a file
 * carries (events as stored, merge decisions): pages in id order and the
 * UNWIND batches. server/exchange turns them into records and formats.
 */
import { EXPORT } from '../queries/export.js';
import { SCHEMA } from '../queries/schema.js';
import type { Row } from '../types.js';
import type { Runner } from './statements.js';

/** The pages an export reads by id (`after`, `limit`), in id order. */
const PAGED = {
  articleIds: EXPORT.articleIds,
  events: EXPORT.eventsPage,
  mergeDecisions: EXPORT.mergeDecisionsPage,
  statementsFlat: EXPORT.statementsFlat,
  claims: EXPORT.claimsPage,
  nodes: EXPORT.nodesPage,
  derivedNodes: EXPORT.derivedNodesPage,
} as const;

export type ExportPage = keyof typeof PAGED;

/** One page of `what` after the id `after`. */
export function exportPage(store: Runner, what: ExportPage, after: string, limit: number): Promise<Row[]> {
  return store.run(PAGED[what], { after, limit });
}

export async function articleCount(store: Runner): Promise<number> {
  const [row] = await store.run(EXPORT.articleCount, {});
  return Number(row?.n ?? 0);
}

/** The relationships leaving the given nodes (from, type, to, props). */
export function relationshipsFrom(store: Runner, ids: string[]): Promise<Row[]> {
  return store.run(EXPORT.relationshipsFrom, { ids });
}

/** Where a claim appears: its statements with their articles and speakers. */
export function claimAppearances(store: Runner, id: unknown): Promise<Row[]> {
  return store.run(EXPORT.claimAppearances, { id });
}

export async function importEvents(store: Runner, rows: Array<{ id: string; props: Row }>): Promise<void> {
  await store.run(EXPORT.importEvents, { rows });
}

export async function importEventReports(store: Runner, rows: unknown[]): Promise<void> {
  await store.run(EXPORT.linkEventReports, { rows });
}

export async function importMergeDecisions(store: Runner, rows: Array<{ id: string; props: Row }>): Promise<void> {
  await store.run(EXPORT.importMergeDecisions, { rows });
}

/** One statement of a Cypher export script being imported (`claimgraph import x.cypher`): text from a file we wrote, run as it is. */
export async function runImportStatement(store: Runner, text: string): Promise<void> {
  await store.run(text);
}

/** The name of a migration query of the schema (queries/schema.ts SCHEMA), e.g. the counters' backfills. */
export type SchemaStep = keyof typeof SCHEMA;

/** Runs one migration query of the schema with no parameters (the counters' rebuilds after an import). */
export async function runSchemaStep(store: Runner, step: SchemaStep): Promise<void> {
  await store.run(SCHEMA[step]);
}
