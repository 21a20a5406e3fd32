/**
 * The export read model and the import's writes of what only a file
 * carries (events as stored, merge decisions): pages in id order and the
 * UNWIND batches. server/exchange turns them into records and formats.
 */
import { EXPORT } from '../queries/export.js';
import { SCHEMA } from '../queries/schema.js';
import { z } from 'zod';
import type { Row } from '../types.js';
import { IdRow, num, optNum, optStr, read, readN, str, strs, type Runner } from './rows.js';

/** A node's or relationship's stored properties, as they are (an export writes them out unchanged). */
const Props = z.record(z.string(), z.unknown());
/** A node's properties as they are, its `id` a string (the pages read nodes by id). */
const NodeProps = z.object({ id: str }).catchall(z.unknown());
/** A derived node's properties as they are, its `key` a string (derived nodes are keyed, not identified). */
const KeyedProps = z.object({ key: str }).catchall(z.unknown());
const optBool = z.boolean().nullable();

/** The row of each page an export reads. */
export const EXPORT_ROWS = {
  articleIds: IdRow,
  events: z.object({
    event: NodeProps, participantIds: strs, articleIds: strs,
    reportSpans: z.array(z.object({ articleId: str, starts: z.array(num).nullable(), ends: z.array(num).nullable() })), statementIds: strs, keys: strs,
  }),
  mergeDecisions: z.object({ decision: NodeProps }),
  statementsFlat: z.object({
    id: str, content: optStr, direct: optBool, cue: optStr, cueClass: optStr, saidAt: optStr, saidAtPrecision: optStr, sentence: optStr,
    sentenceStart: optNum, sentenceEnd: optNum, articleText: optStr,
    start: optNum, end: optNum, confidence: optNum, speaker: optStr, speakerKind: optStr, about: z.array(optStr),
    articleId: optStr, articleTitle: optStr, articleUrl: optStr, publishedAt: optStr, source: optStr,
  }),
  claims: z.object({ claim: NodeProps }),
  nodes: z.object({ labels: strs, props: NodeProps }),
  derivedNodes: z.object({
    labels: strs, props: KeyedProps,
    outgoing: z.array(z.object({ type: str, to: str, toLabels: strs, props: Props.nullable() })),
    incoming: z.array(z.object({ type: str, from: str, fromLabels: strs, props: Props.nullable() })),
  }),
} as const;
export type ExportRow<K extends ExportPage> = z.infer<(typeof EXPORT_ROWS)[K]>;
/** A relationship leaving a node (EXPORT.relationshipsFrom). */
export const RelationshipRowSchema = z.object({ from: str, type: str, to: str, props: Props });
export type RelationshipRow = z.infer<typeof RelationshipRowSchema>;
/** Where a claim appears (EXPORT.claimAppearances). */
export const ClaimAppearanceRowSchema = z.object({
  statementId: str, content: optStr, saidAt: optStr, speaker: optStr, speakerKind: optStr, articleId: str, url: optStr, title: optStr, publishedAt: optStr, source: optStr,
});
export type ClaimAppearanceRow = z.infer<typeof ClaimAppearanceRowSchema>;

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
export async function exportPage<K extends ExportPage>(store: Runner, what: K, after: string, limit: number): Promise<ExportRow<K>[]> {
  const rows = await read(store, EXPORT_ROWS[what], `the export page of ${what}`, PAGED[what], { after, limit });
  return (what === 'statementsFlat' ? (rows as ExportRow<'statementsFlat'>[]).map(flatSentence) : rows) as ExportRow<K>[];
}

/**
 * A flat statement row with its sentence: a statement that does not store it (write.ts storedStatementProps) has it
 * in its article's text; the offsets and the text that gave it are left out of the row, as before.
 */
function flatSentence(row: ExportRow<'statementsFlat'>): ExportRow<'statementsFlat'> {
  const { sentenceStart: start, sentenceEnd: end, articleText: text } = row;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'sentenceStart' || k === 'sentenceEnd' || k === 'articleText') continue;
    out[k] = k === 'sentence' && v === null && text !== null && start !== null && end !== null ? text.slice(start, end) : v;
  }
  return out as ExportRow<'statementsFlat'>;
}

export async function articleCount(store: Runner): Promise<number> {
  return readN(store, 'the article count', EXPORT.articleCount, {});
}

/** The relationships leaving the given nodes (from, type, to, props). */
export function relationshipsFrom(store: Runner, ids: string[]): Promise<RelationshipRow[]> {
  return read(store, RelationshipRowSchema, 'the relationships of nodes', EXPORT.relationshipsFrom, { ids });
}

/** Where a claim appears: its statements with their articles and speakers. */
export function claimAppearances(store: Runner, id: unknown): Promise<ClaimAppearanceRow[]> {
  return read(store, ClaimAppearanceRowSchema, 'where a claim appears', EXPORT.claimAppearances, { id });
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
