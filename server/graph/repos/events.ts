/**
 * The events read model (lists, an event's page, met-with rows) and the
 * events step's store (server/events): candidate lookup by key,
 * upserts, links and keys, and the step's per-article mark.
 */
import { EVENTS } from '../queries/events.js';
import { EVENTS_STEP } from '../queries/events-step.js';
import { SORTED } from '../queries/sorted.js';
import type { Row } from '../types.js';
import type { Runner } from './statements.js';

// ------------------------------------------------------------ reads

export type EventFilters = {
  from: string | null;
  to: string | null;
  participantIds: string[] | null;
  type: string | null;
  /** Words of the name, place or type, or of a participant's name (null: any). */
  q: string | null;
};

/** The orders of the event list (ties by id). */
export const EVENT_SORTS = {
  oldest: EVENTS.listEvents,
  newest: SORTED.eventsNewest,
  reports: SORTED.eventsMostReported,
  statements: SORTED.eventsMostStatements,
} as const;
export type EventSort = keyof typeof EVENT_SORTS;

/** A page of events in the order asked (oldest first by default), and how many match. */
export async function eventPage(store: Runner, filters: EventFilters, w: { skip: number; limit: number; sort?: EventSort }): Promise<{ rows: Row[]; total: number }> {
  const text = EVENT_SORTS[w.sort ?? 'oldest'];
  const [rows, [count]] = await Promise.all([store.run(text, { ...filters, skip: w.skip, limit: w.limit }), store.run(EVENTS.countEvents, filters)]);
  return { rows, total: Number(count?.total ?? 0) };
}

/** One event with its reporting articles and the statements made at it; null when unknown. */
export async function eventPageRows(store: Runner, id: string): Promise<{ event: Row; reports: Row[]; statements: Row[] } | null> {
  const [event] = await store.run(EVENTS.event, { id });
  if (!event) return null;
  const [reports, statements] = await Promise.all([store.run(EVENTS.eventReports, { id }), store.run(EVENTS.eventStatements, { id })]);
  return { event, reports, statements };
}

/** Events with their participants (raw ids) in a window, for the met-with pairs. */
export function metWithEvents(store: Runner, f: { from: string | null; to: string | null; types: string[] | null; sources: string[] | null }): Promise<Row[]> {
  return store.run(EVENTS.metWithEvents, f);
}

// ------------------------------------------------------------ the events step

export function eventCandidates(store: Runner, keys: string[], cap: number): Promise<Row[]> {
  return store.run(EVENTS.candidates, { keys, cap });
}

export async function upsertEvents(store: Runner, events: unknown[]): Promise<void> {
  await store.run(EVENTS.upsertEvents, { events });
}

export async function linkEventParticipants(store: Runner, rows: Array<{ eventId: string; actorId: string }>): Promise<void> {
  await store.run(EVENTS.linkParticipants, { rows });
}

export async function linkEventReportsOf(store: Runner, articleId: string, rows: unknown[]): Promise<void> {
  await store.run(EVENTS.linkReports, { articleId, rows });
}

export async function linkStatementsAt(store: Runner, rows: Array<{ statementId: string; eventId: string }>): Promise<void> {
  await store.run(EVENTS.linkAt, { rows });
}

export async function indexEventKeys(store: Runner, rows: Array<{ eventId: string; key: string }>): Promise<void> {
  await store.run(EVENTS.indexKeys, { rows });
}

/** Marks articles' events step done at `version`. */
export async function markEventsStep(store: Runner, ids: string[], version: number): Promise<void> {
  await store.run(EVENTS_STEP.markArticles, { ids, version });
}

/** The events step version an article was marked with; undefined when the article is not stored. */
export async function articleEventsVersion(store: Runner, id: string): Promise<number | undefined> {
  const [row] = await store.run(EVENTS_STEP.articleEventsVersion, { id });
  return row ? Number(row.eventsVersion ?? 0) : undefined;
}

export async function countLackingEvents(store: Runner, version: number): Promise<number> {
  const [row] = await store.run(EVENTS_STEP.countLackingEvents, { version });
  return Number(row?.n ?? 0);
}

/** Ids of articles lacking the events step at `version`, in id order after `after`. */
export function articlesLackingEvents(store: Runner, after: string, version: number, limit: number): Promise<Row[]> {
  return store.run(EVENTS_STEP.articlesLackingEvents, { after, version, limit });
}
