import { closeSync, openSync, readSync, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { badInput, normalizeError } from '../errors.js';
import { GRAPH_MODEL, TIME_CONVERSIONS, actorMonthsFromDays, bandKeysChanged, moveBandsToMembers, runImportStatement, runSchemaStep, serialWrite, type GraphStore, type SchemaStep } from '../graph/index.js';
import { CYPHER_EXPORT_HEADER } from './formats.js';
import type { TransferProgress, TransferSummary } from './transfer.js';

/** Statements written in one unit of the store's write queue. */
const BATCH = 200;

/** Schema statements: Neo4j runs them; the embedded store has its own indexes from openStore. */
const SCHEMA_STATEMENT = /^(CREATE|DROP)\s+(CONSTRAINT|INDEX)\b/i;

/** Counters the actor page and the timeline read, and the migration queries that rebuild them from the statements. */
const COUNTER_REBUILDS: Record<string, SchemaStep[]> = {
  _DayCount: ['backfillDayCounts'],
  // Day counters first, then folded into the month counters the app reads (schema version 11; below).
  _ActorMonth: ['backfillActorDaysSaid', 'backfillActorDaysAbout'],
  _ActorPair: ['backfillActorPairs'],
  _ActorTotal: ['backfillActorTotals'],
};
const LOOKUP_LABELS = ['_Alias', '_EventKey'];

/**
 * A node pattern of a script written before schema version 6 that names a
 * bookkeeping label by its former name (`(n:Band `, `(k:DayCount `): such a
 * script loads as if written now, under the marked names (`_Band`).
 */
const FORMER_LABEL = new RegExp(`\\(([a-z]):(${GRAPH_MODEL.formerLabels.join('|')}) `, 'g');

/** The statement with the former bookkeeping labels of its node patterns renamed (`(n:Band ` -> `(n:_Band `). */
export function upgradeFormerLabels(statement: string): string {
  return statement.replace(FORMER_LABEL, '($1:_$2 ');
}

/** Whether `file` starts with the cypher export's first line (`claimgraph import` takes either format). */
export function isCypherExport(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false; // the jsonl import names the missing or unreadable file
  }
  try {
    const buffer = Buffer.alloc(CYPHER_EXPORT_HEADER.length);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8') === CYPHER_EXPORT_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * Loads a `cypher` export (server/exchange/formats.ts exportCypher) into a
 * store, statement by statement, BATCH statements a unit of the write queue.
 * MERGE on ids and keys: running it again changes nothing. The script runs
 * as written, like `cypher-shell -f`: load only scripts you trust. Counters
 * a script lacks (one written before they were exported) are rebuilt from
 * the statements; lookup keys cannot be (the claims and events steps make
 * them), so their absence is reported.
 */
export async function importCypher(store: GraphStore, file: string, onProgress: TransferProgress = () => {}): Promise<TransferSummary> {
  if (!isCypherExport(file)) {
    throw badInput(`${file}: expected a claimgraph cypher export (its first line "${CYPHER_EXPORT_HEADER}"), found another first line`);
  }
  const summary: TransferSummary = { created: 0, unchanged: 0, failed: 0, events: 0, decisions: 0, errors: [] };
  const derived = new Set<string>();
  let batch: { line: number; text: string }[] = [];
  let done = 0;
  const flush = async () => {
    const work = batch;
    batch = [];
    if (work.length === 0) return;
    await serialWrite(store, async () => {
      for (const s of work) {
        try {
          await runImportStatement(store, s.text);
        } catch (error) {
          summary.failed += 1;
          summary.errors.push({ where: `${file} line ${s.line}`, message: normalizeError(error).message });
        }
      }
    });
    done += work.length;
    onProgress(done, null);
  };
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  let pending = '';
  let startLine = 0;
  for await (const line of lines) {
    n += 1;
    if (pending === '' && (line.trim() === '' || line.trimStart().startsWith('//'))) continue;
    if (pending === '') startLine = n;
    pending += pending ? `\n${line}` : line;
    if (!line.trimEnd().endsWith(';')) continue;
    const text = upgradeFormerLabels(pending.trimEnd().replace(/;$/, ''));
    pending = '';
    if (SCHEMA_STATEMENT.test(text) && store.backend === 'embedded') continue;
    const merged = /^MERGE \(n:([A-Za-z_]+)[^{]*\{(id|key):/.exec(text);
    if (merged?.[2] === 'key') derived.add(merged[1]!);
    if (merged?.[1] === 'Article') summary.created += 1;
    if (merged?.[1] === 'Event') summary.events += 1;
    if (merged?.[1] === 'MergeDecision') summary.decisions += 1;
    batch.push({ line: startLine, text });
    if (batch.length >= BATCH) await flush();
  }
  if (pending.trim() !== '') batch.push({ line: startLine, text: upgradeFormerLabels(pending.trim()) });
  await flush();
  // A script written before schema version 7 holds its times as strings: stored as native values like the app's.
  if (summary.created > 0) {
    await serialWrite(store, async () => {
      for (const q of TIME_CONVERSIONS) await runSchemaStep(store, q);
    });
  }
  const rebuild = Object.entries(COUNTER_REBUILDS).filter(([label]) => !derived.has(label)).flatMap(([, queries]) => queries);
  if (rebuild.length > 0 && summary.created > 0) {
    await serialWrite(store, async () => {
      for (const q of rebuild) await runSchemaStep(store, q);
      if (!derived.has('_ActorMonth')) await actorMonthsFromDays((q, p) => store.run(q, p));
    });
  }
  // A script written before schema version 11 holds the band keys as nodes: moved onto their members, as the
  // store's own migration does.
  if (derived.has('_Band')) await serialWrite(store, () => moveBandsToMembers((q, p) => store.run(q, p)));
  // The loaded members carry band keys (`_bands`): a process holding the band index (a server on the same Neo4j
  // database) reads it anew at its next batch (server/claims/band-store.ts).
  if (summary.created > 0) await serialWrite(store, () => bandKeysChanged(store));
  const missing = LOOKUP_LABELS.filter((l) => !derived.has(l));
  if (missing.length > 0 && summary.created > 0) {
    summary.errors.push({
      where: file,
      message: `the script carries no ${missing.join(', ')} lookup keys (written by an older claimgraph): articles ingested later will not join claims or events with the imported ones; export again with this version`,
    });
  }
  return summary;
}
