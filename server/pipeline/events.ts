/**
 * The events step (issue 10): after an article is written, its events become
 * Event nodes shared across articles.
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
import { isExtractable } from './language.js';
import { articleOfGraph } from './build.js';
import {
  eventKeys,
  eventLookupKeys as lookupKeys,
  eventsCompatible as compatible,
  eventTimesCompatible as timesCompatible,
  extractEvents,
  placeArea,
  TYPE_PRIORITY,
  type EventType,
  type ExtractedEvent,
  type StoredEventCandidate,
} from '../extract/index.js';
import {
  articleEventsVersion,
  articlesLackingEvents,
  countLackingEvents,
  eventCandidates,
  indexEventKeys,
  linkEventParticipants,
  linkEventReportsOf,
  linkStatementsAt,
  markEventsStep,
  readWrittenArticleGraph,
  serialWrite,
  upsertEvents,
  type ArticleGraph,
  type GraphStore,
} from '../graph/index.js';
import { normalizeError } from '../errors.js';
import type { IngestedArticle } from '../ingest/index.js';
import { actorId, stableId, statementId } from '../ids.js';

/**
 * The events step's version, stored as `Article.eventsVersion` once the step
 * has run for the article. Raise it when the step changes so that
 * `claimgraph backfill-events` re-runs it over stored articles.
 */
export const EVENTS_VERSION = 2;
// Version history: 1, events, participants, REPORTS, AT and keys; 2, REPORTS keeps the sentence spans (start, end, starts, ends).

/** Events stored per candidate key at most: a key shared by very many events is sampled, not read whole. */
const KEY_CAP = 50;

/** The events of one ingested article (none for text the English rules are not applied to). */
export function extractArticleEvents(article: IngestedArticle): ExtractedEvent[] {
  if (!isExtractable(article)) return [];
  return extractEvents(article.text, { publishedAt: article.publishedAt ?? article.retrievedAt });
}

export interface EventWrite {
  id: string;
  type: EventType;
  name: string | null;
  place: string | null;
  placeArea: string | null;
  date: string | null;
  datePrecision: string;
  dateText: string | null;
  participantIds: string[];
  statementIds: string[];
  /** [start, end) of every sentence of this article that tells the event, in text order, without repeats. */
  sentences: [number, number][];
  /** Whether it joined an event already stored (from another article). */
  merged: boolean;
}

const RANK: Record<string, number> = { day: 0, week: 1, month: 2, year: 3, article: 4, unknown: 5 };
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The graph's actor id for an extracted participant, after actor identity may have renamed it (server/claims). */
function participantId(graph: ArticleGraph, ref: { name: string; kind: string }): string | null {
  const id = actorId(ref.kind, ref.name);
  if (graph.actors.some((a) => a.id === id)) return id;
  const byAlias = graph.actors.find((a) => a.name === ref.name || a.aliases.includes(ref.name));
  return byAlias?.id ?? null;
}

/** Plans the article's event writes against the stored candidates (pure; exported for tests). */
export function planEvents(graph: ArticleGraph, events: ExtractedEvent[], candidates: StoredEventCandidate[]): EventWrite[] {
  const articleId = graph.article.id;
  const statementIds = new Set(graph.statements.map((s) => s.id));
  const out = new Map<string, EventWrite>();
  for (const e of events) {
    const participantIds = [...new Set(e.participants.map((p) => participantId(graph, p)).filter((x): x is string => x !== null))];
    const keyed = { type: e.type, name: e.name ?? null, participantIds, time: e.time, place: e.place ?? null };
    const hit = candidates.find((c) => compatible(keyed, c)) ?? null;
    const own = {
      type: e.type, name: e.name ?? null, place: e.place ?? null, date: e.time.value, datePrecision: e.time.precision, dateText: e.time.text,
    };
    let w: EventWrite;
    if (hit) {
      const finer = !hit.date || (e.time.value && (RANK[e.time.precision] ?? 9) < (RANK[hit.datePrecision] ?? 9)
        && timesCompatible(e.time, { value: hit.date, precision: hit.datePrecision }));
      w = {
        id: hit.id,
        type: TYPE_PRIORITY.indexOf(hit.type) <= TYPE_PRIORITY.indexOf(e.type) ? hit.type : e.type,
        name: hit.name ?? own.name,
        place: hit.place ?? own.place,
        placeArea: null,
        date: finer ? own.date : hit.date,
        datePrecision: finer ? own.datePrecision : hit.datePrecision,
        dateText: finer ? own.dateText : (hit.dateText ?? null),
        participantIds: [...new Set([...hit.participantIds, ...participantIds])],
        statementIds: [],
        sentences: [],
        merged: true,
      };
    } else {
      w = { id: stableId('evt', articleId, String(e.trigger.span[0]), String(e.trigger.span[1])), ...own, placeArea: null, participantIds, statementIds: [], sentences: [], merged: false };
    }
    const prev = out.get(w.id);
    if (prev) {
      prev.participantIds = [...new Set([...prev.participantIds, ...w.participantIds])];
      w = prev;
    } else out.set(w.id, w);
    w.placeArea = w.place ? placeArea(w.place) : null;
    for (const m of [e.sentence, ...e.mentions.map((x) => x.sentence)]) {
      const [a, b] = m.span;
      if (!w.sentences.some(([x, y]) => x === a && y === b)) w.sentences.push([a, b]);
    }
    w.sentences.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    for (const [s, t] of e.statementsAt) {
      const id = statementId(articleId, s, t);
      if (statementIds.has(id) && !w.statementIds.includes(id)) w.statementIds.push(id);
    }
  }
  return [...out.values()];
}

/** The REPORTS properties of a write: the first sentence's span, and every sentence's. */
function reportRow(w: EventWrite) {
  const first = w.sentences[0] ?? null;
  return {
    eventId: w.id, start: first?.[0] ?? null, end: first?.[1] ?? null,
    starts: w.sentences.map(([a]) => a), ends: w.sentences.map(([, b]) => b),
  };
}

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
    id: String(r.id),
    type: String(r.type) as EventType,
    name: str(r.name),
    place: str(r.place),
    date: str(r.date),
    datePrecision: str(r.datePrecision) ?? 'unknown',
    dateText: str(r.dateText),
    participantIds: Array.isArray(r.participantIds) ? r.participantIds.map(String) : [],
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
  const writes = await writeEvents(store, graph, events);
  await markEventsStep(store, [graph.article.id], EVENTS_VERSION);
  return writes;
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

/**
 * Runs the events step for an article already stored, over what the store
 * holds (its text, and its actors and statements as written). Null when the
 * article is not stored.
 */
export async function finishEvents(store: GraphStore, articleId: string): Promise<EventWrite[] | null> {
  // As the article's own write left it (its actors as it named them), so participants resolve as in the clean run.
  const graph = await readWrittenArticleGraph(store, articleId);
  if (graph === null) return null;
  return runEventsStep(store, graph, extractArticleEvents(articleOfGraph(graph)));
}

export interface BackfillSummary {
  /** Articles the step ran for. */
  articles: number;
  /** Event writes (new events and joins to stored ones) those articles gave. */
  events: number;
  failed: number;
  errors: { where: string; message: string }[];
}

/**
 * The events step for every stored article that lacks its mark, in id order,
 * one article at a time. Idempotent: a second run finds nothing to do; an
 * interrupted run is finished by the next.
 */
export async function backfillEvents(
  store: GraphStore,
  onProgress: (done: number, total: number) => void = () => {},
  pageSize = 200,
): Promise<BackfillSummary> {
  const summary: BackfillSummary = { articles: 0, events: 0, failed: 0, errors: [] };
  const total = await countLackingEvents(store, EVENTS_VERSION);
  let after = '';
  for (;;) {
    const rows = await articlesLackingEvents(store, after, EVENTS_VERSION, pageSize);
    for (const { id } of rows) {
      try {
        // One queue unit per article, so ingests sent meanwhile interleave with the backfill instead of conflicting.
        const writes = await serialWrite(store, async () => ((await eventsState(store, String(id))) === 'pending' ? finishEvents(store, String(id)) : []));
        if (writes) {
          summary.articles += 1;
          summary.events += writes.length;
        }
      } catch (error) {
        summary.failed += 1;
        summary.errors.push({ where: `article ${String(id)}`, message: normalizeError(error).message });
      }
      onProgress(summary.articles + summary.failed, total);
    }
    if (rows.length < pageSize) return summary;
    after = String(rows[rows.length - 1]!.id);
  }
}
