/**
 * The events step (issue 10): after an article is written, its events become
 * Event nodes shared across articles. The decisions are ./plan.ts; this file
 * is the I/O shell over the graph's events repository (server/graph/repos/events.ts).
 *
 * Each extracted event is matched against stored events through its lookup
 * keys only (type group + participant + date bucket, and its name:
 * server/extract/events/merge.ts), one indexed query per article, so the cost
 * per article does not grow with the graph. A compatible stored event keeps
 * its id and takes the finer date, the more specific type and the new
 * participants; otherwise the event gets a stable id from the article id and
 * the trigger's span, so a re-run writes the same node. Every write is a
 * MERGE on ids and keys: running the step twice changes nothing more.
 */
import {
  eventKeys,
  eventLookupKeys as lookupKeys,
  type EventType,
  type ExtractedEvent,
  type StoredEventCandidate,
} from '../extract/index.js';
import {
  articleEventsVersion,
  eventCandidates,
  indexEventKeys,
  linkEventParticipants,
  linkEventReportsOf,
  linkStatementsAt,
  markEventsStep,
  serialWrite,
  upsertEvents,
  type ArticleGraph,
  type GraphStore,
} from '../graph/index.js';
import { participantId, planEvents, reportRow, type EventWrite } from './plan.js';

/**
 * The events step's version, stored as `Article.eventsVersion` once the step
 * has run for the article. Raise it when the step changes so that
 * `claimgraph backfill-events` re-runs it over stored articles.
 */
export const EVENTS_VERSION = 2;
// Version history: 1, events, participants, REPORTS, AT and keys; 2, REPORTS keeps the sentence spans (start, end, starts, ends).

/** Events stored per candidate key at most: a key shared by very many events is sampled, not read whole. */
const KEY_CAP = 50;

/**
 * Writes one article's events: candidate lookup by key, then upserts, links
 * (PARTICIPANT, REPORTS, AT) and keys. The article and its statements and
 * actors must be stored already (the step runs after writeArticle).
 */
export async function writeEvents(store: GraphStore, graph: ArticleGraph, events: ExtractedEvent[]): Promise<EventWrite[]> {
  if (events.length === 0) return [];
  const keyed = events.map((e) => ({
    type: e.type, name: e.name ?? null, time: e.time,
    participantIds: [...new Set(e.participants.map((p) => participantId(graph, p)).filter((x): x is string => x !== null))],
  }));
  const keys = [...new Set(keyed.flatMap(lookupKeys))];
  const rows = keys.length > 0 ? await eventCandidates(store, keys, KEY_CAP) : [];
  const candidates: StoredEventCandidate[] = rows.map((r) => ({
    id: r.id,
    type: r.type as EventType,
    name: r.name,
    place: r.place,
    date: r.date,
    datePrecision: r.datePrecision ?? 'unknown',
    dateText: r.dateText,
    participantIds: [...r.participantIds],
  }));
  const writes = planEvents(graph, events, candidates);
  const seen = graph.article.publishedAt ?? graph.article.retrievedAt;
  await upsertEvents(
    store,
    writes.map((w) => ({
      id: w.id, type: w.type, name: w.name, place: w.place, placeArea: w.placeArea, date: w.date,
      datePrecision: w.datePrecision, dateText: w.dateText, seen,
    })),
  );
  const participantRows = writes.flatMap((w) => w.participantIds.map((actorId) => ({ eventId: w.id, actorId })));
  if (participantRows.length > 0) await linkEventParticipants(store, participantRows);
  await linkEventReportsOf(store, graph.article.id, writes.map(reportRow));
  const atRows = writes.flatMap((w) => w.statementIds.map((statementId) => ({ statementId, eventId: w.id })));
  if (atRows.length > 0) await linkStatementsAt(store, atRows);
  const keyRows = writes.flatMap((w) => eventKeys({ type: w.type, name: w.name, participantIds: w.participantIds, time: { value: w.date, precision: w.datePrecision } })
    .map((key) => ({ eventId: w.id, key })));
  if (keyRows.length > 0) await indexEventKeys(store, keyRows);
  return writes;
}

/**
 * The events step for one stored article: writes its events, then marks the
 * article done. A crash before the mark leaves it pending, and the step is
 * idempotent, so running it again finishes the job.
 */
export async function runEventsStep(store: GraphStore, graph: ArticleGraph, events: ExtractedEvent[]): Promise<EventWrite[]> {
  return (await runEventsStepBatch(store, [{ graph, events }]))[0]!;
}

/**
 * The events step for stored articles written together: each article's
 * events in input order (a later article's lookups read the events and keys
 * an earlier one wrote), then one mark for all of them.
 */
export async function runEventsStepBatch(store: GraphStore, inputs: ReadonlyArray<{ graph: ArticleGraph; events: ExtractedEvent[] }>): Promise<EventWrite[][]> {
  const out: EventWrite[][] = [];
  for (const { graph, events } of inputs) out.push(await writeEvents(store, graph, events));
  if (inputs.length > 0) await markEventsStep(store, inputs.map((i) => i.graph.article.id), EVENTS_VERSION);
  return out;
}

/** Marks articles whose events were written another way (an import that carries them) as done. */
export async function markEventsDone(store: GraphStore, articleIds: string[]): Promise<void> {
  for (let i = 0; i < articleIds.length; i += 500) {
    await serialWrite(store, () => markEventsStep(store, articleIds.slice(i, i + 500), EVENTS_VERSION));
  }
}

/**
 * Where an article stands: not stored; stored with its events step done; or
 * stored without it (written before the step existed, or a crash between the
 * article write and the step). One indexed read.
 */
export async function eventsState(store: GraphStore, articleId: string): Promise<'absent' | 'done' | 'pending'> {
  const version = await articleEventsVersion(store, articleId);
  if (version === undefined) return 'absent';
  return version >= EVENTS_VERSION ? 'done' : 'pending';
}
