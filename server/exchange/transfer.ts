import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { importEventReports, importEvents, importMergeDecisions, indexEventKeys, linkEventParticipants, linkStatementsAt, serialWrite, type GraphStore } from '../graph/index.js';
import { fromZod, normalizeError } from '../errors.js';
import { ExportLineSchema, type DecisionRecord, type EventRecord } from './schema.js';
import { markEventsDone, storeArticleGraph } from '../pipeline/index.js';
import { applyDecisions } from '../actors/index.js';
import { articleIds, countArticles, decisionRecords, eventRecords, readArticleGraph } from './read.js';

export interface TransferSummary {
  /** Articles written, already there, failed. */
  created: number;
  unchanged: number;
  failed: number;
  /** Event nodes and merge decisions written (or found already there) from the file or the source store. */
  events: number;
  decisions: number;
  errors: { where: string; message: string }[];
}

export type TransferProgress = (done: number, total: number | null) => void;

const EVENT_BATCH = 200;

/**
 * Writes events as they were stored (properties, participants, reporting
 * articles, statements made at them, lookup keys), a batch per transaction
 * set, with the sentence spans of each REPORTS. MERGE on ids and keys:
 * writing them again changes nothing. Articles that report an event without
 * its spans (a file or store from before events version 2) are added to
 * `spanless`: their events step is left pending, so backfill-events adds the spans.
 */
function writeEventRecords(store: GraphStore, events: EventRecord[], spanless: Set<string>): Promise<void> {
  if (events.length === 0) return Promise.resolve();
  // One unit of the store's write queue (server/graph/write-queue.ts).
  return serialWrite(store, () => writeEventBatch(store, events, spanless));
}

async function writeEventBatch(store: GraphStore, events: EventRecord[], spanless: Set<string>): Promise<void> {
  const props = (e: EventRecord) => Object.fromEntries(Object.entries(e.props).filter(([, v]) => v !== null && v !== undefined));
  await importEvents(store, events.map((e) => ({ id: e.id, props: props(e) })));
  const participants = events.flatMap((e) => e.participantIds.map((actorId) => ({ eventId: e.id, actorId })));
  if (participants.length > 0) await linkEventParticipants(store, participants);
  const reports = events.flatMap((e) => e.articleIds.map((articleId) => {
    const spans = e.reportSpans?.[articleId] ?? [];
    if (spans.length === 0) {
      spanless.add(articleId);
      return { eventId: e.id, articleId, start: null, end: null, starts: null, ends: null };
    }
    return { eventId: e.id, articleId, start: spans[0]![0], end: spans[0]![1], starts: spans.map(([a]) => a), ends: spans.map(([, b]) => b) };
  }));
  if (reports.length > 0) await importEventReports(store, reports);
  const at = events.flatMap((e) => e.statementIds.map((statementId) => ({ statementId, eventId: e.id })));
  if (at.length > 0) await linkStatementsAt(store, at);
  const keys = events.flatMap((e) => e.keys.map((key) => ({ eventId: e.id, key })));
  if (keys.length > 0) await indexEventKeys(store, keys);
}

/** Writes merge decisions as they were stored, then rebuilds SAME_AS and mergedInto from the active ones. */
async function writeDecisionRecords(store: GraphStore, decisions: DecisionRecord[]): Promise<void> {
  if (decisions.length === 0) return;
  const props = (d: DecisionRecord) => Object.fromEntries(Object.entries(d.props).filter(([, v]) => v !== null && v !== undefined));
  await serialWrite(store, async () => {
    await importMergeDecisions(store, decisions.map((d) => ({ id: d.id, props: props(d) })));
    await applyDecisions(store);
  });
}

const emptySummary = (): TransferSummary => ({ created: 0, unchanged: 0, failed: 0, events: 0, decisions: 0, errors: [] });

/**
 * Loads a `jsonl` export (server/exchange/schema.ts). Each article line is
 * written in its own transaction, so an interrupted import leaves whole
 * articles and running it again completes the rest ("unchanged" for what
 * was already there). Claims are rebuilt as on ingest. A version-2 file
 * carries its events and merge decisions, which are written as they were
 * (so the graph is the one exported, whatever order the articles came in);
 * a version-1 file (no header) gets the events step run on each article.
 */
export async function importJsonl(store: GraphStore, file: string, onProgress: TransferProgress = () => {}): Promise<TransferSummary> {
  const summary = emptySummary();
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let version = 1;
  let first = true;
  const imported: string[] = [];
  const spanless = new Set<string>();
  let events: { records: EventRecord[]; from: number } = { records: [], from: 0 };
  const decisions: DecisionRecord[] = [];
  const attempt = async (where: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      summary.failed += 1;
      summary.errors.push({ where, message: normalizeError(error).message });
    }
  };
  const flushEvents = async (to: number) => {
    const batch = events;
    events = { records: [], from: 0 };
    if (batch.records.length === 0) return;
    await attempt(`${file} lines ${batch.from}-${to}`, async () => {
      await writeEventRecords(store, batch.records, spanless);
      summary.events += batch.records.length;
    });
  };
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === '') continue;
    const where = `${file} line ${n}`;
    const isFirst = first;
    first = false;
    await attempt(where, async () => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        throw fromZod(where, { issues: [{ path: [], message: `expected a JSON object, found invalid JSON (${(e as Error).message})` }] });
      }
      const parsed = ExportLineSchema.safeParse(raw);
      if (!parsed.success) throw fromZod(where, parsed.error);
      const record = parsed.data;
      switch (record.type) {
        case 'header':
          if (!isFirst) throw fromZod(where, { issues: [{ path: ['type'], message: 'expected the header on the first line, found it later' }] });
          version = record.version;
          return;
        case 'article': {
          const status = await storeArticleGraph(store, record.graph, { events: version < 2 });
          summary[status] += 1;
          if (version >= 2) imported.push(record.graph.article.id);
          return;
        }
        case 'event':
          if (events.records.length === 0) events.from = n;
          events.records.push(record.event);
          if (events.records.length >= EVENT_BATCH) await flushEvents(n);
          return;
        case 'mergeDecision':
          decisions.push(record.decision);
          return;
      }
    });
    onProgress(summary.created + summary.unchanged + summary.failed, null);
  }
  await flushEvents(n);
  // The file's articles have their events now: mark their events step done, as ingest does (not those whose spans the file lacks).
  const done = imported.filter((id) => !spanless.has(id));
  if (done.length > 0) await markEventsDone(store, done);
  await attempt(`${file} merge decisions`, async () => {
    await writeDecisionRecords(store, decisions);
    summary.decisions = decisions.length;
  });
  return summary;
}

/**
 * Copies every article of one store into another (embedded -> Neo4j), one
 * transaction per article in id order, then the events and merge decisions
 * as they are stored. Resumable: articles the target already has come back
 * "unchanged" and events and decisions are MERGEd on ids, so a rerun after
 * an interruption only writes the rest.
 */
export async function copyStore(from: GraphStore, to: GraphStore, onProgress: TransferProgress = () => {}): Promise<TransferSummary> {
  const summary = emptySummary();
  const total = await countArticles(from);
  const copied: string[] = [];
  const spanless = new Set<string>();
  for await (const id of articleIds(from)) {
    try {
      if (await to.hasArticle(id)) {
        summary.unchanged += 1;
      } else {
        const graph = await readArticleGraph(from, id);
        if (graph) summary[await storeArticleGraph(to, graph, { events: false })] += 1;
      }
      copied.push(id);
    } catch (error) {
      summary.failed += 1;
      summary.errors.push({ where: `article ${id}`, message: normalizeError(error).message });
    }
    onProgress(summary.created + summary.unchanged + summary.failed, total);
  }
  try {
    let batch: EventRecord[] = [];
    for await (const e of eventRecords(from)) {
      batch.push(e);
      if (batch.length >= EVENT_BATCH) {
        await writeEventRecords(to, batch, spanless);
        summary.events += batch.length;
        batch = [];
      }
    }
    await writeEventRecords(to, batch, spanless);
    summary.events += batch.length;
    await markEventsDone(to, copied.filter((id) => !spanless.has(id)));
    const decisions: DecisionRecord[] = [];
    for await (const d of decisionRecords(from)) decisions.push(d);
    await writeDecisionRecords(to, decisions);
    summary.decisions = decisions.length;
  } catch (error) {
    summary.failed += 1;
    summary.errors.push({ where: 'events and merge decisions', message: normalizeError(error).message });
  }
  return summary;
}
