/**
 * The events step (issue 10): after an article is written, its events become
 * Event nodes shared across articles. The decisions are ./plan.ts; this file
 * is the I/O shell over the graph's events repository (server/graph/repos/events.ts).
 *
 * Each extracted event is matched against stored events through its lookup
 * keys only (type group + participant + date bucket, and its name:
 * server/extract/events/merge.ts), so the cost per article does not grow
 * with the graph. A compatible stored event keeps its id and takes the finer
 * date, the more specific type and the new participants; otherwise the event
 * gets a stable id from the article id and the trigger's span, so a re-run
 * writes the same node. Every write is a MERGE on ids and keys: running the
 * step twice changes nothing more.
 *
 * Articles written together run the step together (issue 19): every key the
 * batch looks up is read once (EventIndex), each article's candidates are
 * found in memory as the store would answer its lookup after the articles
 * before it, and the batch's writes go in one query of each kind, rows in
 * input order; a few round trips per batch instead of six per article.
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
  eventKeyMembers,
  indexEventKeys,
  linkEventParticipants,
  linkEventReports,
  linkStatementsAt,
  markEventsStep,
  serialWrite,
  upsertEvents,
  type ArticleGraph,
  type EventKeyMemberRow,
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
  return (await writeEventsBatch(store, [{ graph, events }]))[0]!;
}

/**
 * Writes the events of articles stored together, deciding each in input
 * order against the stored events and those the articles before it wrote,
 * as writeEvents on each in turn would: one read of every key looked up,
 * then one write of each kind for the batch.
 */
async function writeEventsBatch(store: GraphStore, inputs: ReadonlyArray<{ graph: ArticleGraph; events: ExtractedEvent[] }>): Promise<EventWrite[][]> {
  const lookups = inputs.map(({ graph, events }) => [...new Set(events.map((e) => keyedEvent(graph, e)).flatMap(lookupKeys))]);
  const keys = [...new Set(lookups.flat())];
  const index = new EventIndex(keys.length > 0 ? await eventKeyMembers(store, keys, KEY_CAP) : [], KEY_CAP);
  const out: EventWrite[][] = [];
  const upserts: unknown[] = [];
  const participantRows: Array<{ eventId: string; actorId: string }> = [];
  const reportRows: unknown[] = [];
  const atRows: Array<{ statementId: string; eventId: string }> = [];
  const keyRows: Array<{ eventId: string; key: string }> = [];
  inputs.forEach(({ graph, events }, k) => {
    if (events.length === 0) {
      out.push([]);
      return;
    }
    const writes = planEvents(graph, events, index.candidates(lookups[k]!));
    const seen = graph.article.publishedAt ?? graph.article.retrievedAt;
    for (const w of writes) {
      upserts.push({
        id: w.id, type: w.type, name: w.name, place: w.place, placeArea: w.placeArea, date: w.date,
        datePrecision: w.datePrecision, dateText: w.dateText, seen,
      });
      for (const actorId of w.participantIds) participantRows.push({ eventId: w.id, actorId });
      reportRows.push({ articleId: graph.article.id, ...reportRow(w) });
      for (const statementId of w.statementIds) atRows.push({ statementId, eventId: w.id });
      const own = eventKeys({ type: w.type, name: w.name, participantIds: w.participantIds, time: { value: w.date, precision: w.datePrecision } });
      for (const key of own) keyRows.push({ eventId: w.id, key });
      index.written(w, own);
    }
    out.push(writes);
  });
  if (upserts.length > 0) await upsertEvents(store, upserts);
  if (participantRows.length > 0) await linkEventParticipants(store, participantRows);
  if (reportRows.length > 0) await linkEventReports(store, reportRows);
  if (atRows.length > 0) await linkStatementsAt(store, atRows);
  if (keyRows.length > 0) await indexEventKeys(store, keyRows);
  return out;
}

/** An extracted event as its keys see it: participants as the graph's actor ids. */
function keyedEvent(graph: ArticleGraph, e: ExtractedEvent) {
  return {
    type: e.type, name: e.name ?? null, time: e.time,
    participantIds: [...new Set(e.participants.map((p) => participantId(graph, p)).filter((x): x is string => x !== null))],
  };
}

/**
 * The events under the keys a batch looks up, as the store holds them when
 * the batch starts plus what its articles write, so each article's lookup
 * is answered as the store would answer EVENTS.keyMembers after the articles
 * before it: under each key (in the order looked up) its first `cap` events
 * by id, each event once, where first met; every event with its properties
 * as last written and its participants in the order they were linked.
 */
class EventIndex {
  /** Key -> its events' ids: the store's (the first `cap` by id, as read) and those the batch added. */
  private readonly members = new Map<string, Set<string>>();
  private readonly events = new Map<string, StoredEventCandidate>();

  constructor(
    rows: readonly EventKeyMemberRow[],
    private readonly cap: number,
  ) {
    for (const r of rows) {
      this.member(r.key).add(r.id);
      if (!this.events.has(r.id)) {
        this.events.set(r.id, {
          id: r.id,
          type: r.type as EventType,
          name: r.name,
          place: r.place,
          date: r.date,
          datePrecision: r.datePrecision ?? 'unknown',
          dateText: r.dateText,
          participantIds: [...r.participantIds],
        });
      }
    }
  }

  /** What one article's lookup of these keys reads now. */
  candidates(keys: readonly string[]): StoredEventCandidate[] {
    const out: StoredEventCandidate[] = [];
    const seen = new Set<string>();
    for (const key of keys) {
      const ids = this.members.get(key);
      if (ids === undefined) continue;
      for (const id of [...ids].sort(compare).slice(0, this.cap)) {
        if (seen.has(id)) continue;
        seen.add(id);
        const e = this.events.get(id)!;
        out.push({ ...e, participantIds: [...e.participantIds] });
      }
    }
    return out;
  }

  /** One event write of an article: its properties set, new participants linked after the others, its keys. */
  written(w: EventWrite, keys: readonly string[]): void {
    const before = this.events.get(w.id);
    const participantIds = before === undefined ? [] : before.participantIds;
    for (const p of w.participantIds) if (!participantIds.includes(p)) participantIds.push(p);
    this.events.set(w.id, {
      id: w.id, type: w.type, name: w.name, place: w.place, date: w.date, datePrecision: w.datePrecision ?? 'unknown', dateText: w.dateText, participantIds,
    });
    for (const key of keys) this.member(key).add(w.id);
  }

  private member(key: string): Set<string> {
    let ids = this.members.get(key);
    if (ids === undefined) this.members.set(key, (ids = new Set()));
    return ids;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
 * events decided in input order (a later article's lookups see the events and
 * keys an earlier one wrote), written together, then one mark for all of them.
 */
export async function runEventsStepBatch(store: GraphStore, inputs: ReadonlyArray<{ graph: ArticleGraph; events: ExtractedEvent[] }>): Promise<EventWrite[][]> {
  const out = await writeEventsBatch(store, inputs);
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
