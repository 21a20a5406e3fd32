/**
 * The events read model (lists, an event's page, met-with rows) and the
 * events step's store (server/events): candidate lookup by key,
 * upserts, links and keys, and the step's per-article mark.
 */
import { EVENTS } from '../queries/events.js';
import { EVENTS_STEP } from '../queries/events-step.js';
import { SORTED } from '../queries/sorted.js';
import { z } from 'zod';
import { IdRow, num, optNum, optStr, read, readN, readOne, readTotal, str, strs, type Runner } from './rows.js';

const Participant = z.object({ id: str, name: optStr, kind: optStr });
const EVENT_FIELDS = {
  id: str, type: str, name: optStr, place: optStr, date: optStr, datePrecision: optStr, dateText: optStr, participants: z.array(Participant),
};
/** An event of the list with its counts (EVENTS.listEvents, SORTED.events*). */
export const EventListRowSchema = z.object({ ...EVENT_FIELDS, reports: num, statements: num });
export type EventListRow = z.infer<typeof EventListRowSchema>;
/** One event (EVENTS.event). */
export const EventRowSchema = z.object(EVENT_FIELDS);
export type EventRow = z.infer<typeof EventRowSchema>;
/** An article reporting an event, with its text and the sentence spans (EVENTS.eventReports). */
export const EventReportRowSchema = z.object({
  id: str, title: optStr, url: optStr, publishedAt: optStr, retrievedAt: optStr, source: optStr,
  starts: z.array(num).nullable(), ends: z.array(num).nullable(), text: optStr,
});
export type EventReportRow = z.infer<typeof EventReportRowSchema>;
/** A statement made at an event (EVENTS.eventStatements). */
export const EventStatementRowSchema = z.object({
  id: str, content: optStr, direct: z.boolean().nullable(), cue: optStr, saidAt: optStr, saidAtPrecision: optStr, speakerId: optStr, speakerName: optStr, articleId: optStr,
});
export type EventStatementRow = z.infer<typeof EventStatementRowSchema>;
/** An event for the "met with" pairs (EVENTS.metWithEvents). */
export const MetWithEventRowSchema = z.object({ id: str, type: str, name: optStr, date: optStr, datePrecision: optStr, participants: z.array(Participant) });
export type MetWithEventRow = z.infer<typeof MetWithEventRowSchema>;
/** A stored event under one of the keys looked up (EVENTS.keyMembers): an event an extracted one may join. */
export const EventKeyMemberRowSchema = z.object({
  key: str, id: str, type: str, name: optStr, place: optStr, date: optStr, datePrecision: optStr, dateText: optStr, participantIds: strs,
});
export type EventKeyMemberRow = z.infer<typeof EventKeyMemberRowSchema>;
const EventsVersionRow = z.object({ eventsVersion: optNum });

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
export async function eventPage(store: Runner, filters: EventFilters, w: { skip: number; limit: number; sort?: EventSort }): Promise<{ rows: EventListRow[]; total: number }> {
  const text = EVENT_SORTS[w.sort ?? 'oldest'];
  const [rows, total] = await Promise.all([
    read(store, EventListRowSchema, 'the event list', text, { ...filters, skip: w.skip, limit: w.limit }),
    readTotal(store, 'an event count', EVENTS.countEvents, filters),
  ]);
  return { rows, total };
}

/** One event with its reporting articles and the statements made at it; null when unknown. */
export async function eventPageRows(store: Runner, id: string): Promise<{ event: EventRow; reports: EventReportRow[]; statements: EventStatementRow[] } | null> {
  const event = await readOne(store, EventRowSchema, 'an event', EVENTS.event, { id });
  if (!event) return null;
  const [reports, statements] = await Promise.all([
    read(store, EventReportRowSchema, 'an event\'s reports', EVENTS.eventReports, { id }),
    read(store, EventStatementRowSchema, 'an event\'s statements', EVENTS.eventStatements, { id }),
  ]);
  return { event, reports, statements };
}

/** Events with their participants (raw ids) in a window, for the met-with pairs. */
export function metWithEvents(store: Runner, f: { from: string | null; to: string | null; types: string[] | null; sources: string[] | null }): Promise<MetWithEventRow[]> {
  return read(store, MetWithEventRowSchema, 'the met-with events', EVENTS.metWithEvents, f);
}

// ------------------------------------------------------------ the events step

/** The stored events under each of these keys, at most `cap` a key (the first by id), with the key. */
export function eventKeyMembers(store: Runner, keys: string[], cap: number): Promise<EventKeyMemberRow[]> {
  return read(store, EventKeyMemberRowSchema, 'the events under their keys', EVENTS.keyMembers, { keys, cap });
}

export async function upsertEvents(store: Runner, events: unknown[]): Promise<void> {
  await store.run(EVENTS.upsertEvents, { events });
}

export async function linkEventParticipants(store: Runner, rows: Array<{ eventId: string; actorId: string }>): Promise<void> {
  await store.run(EVENTS.linkParticipants, { rows });
}

/** REPORTS links with their sentence spans, each row naming its article. */
export async function linkEventReports(store: Runner, rows: unknown[]): Promise<void> {
  await store.run(EVENTS.linkReports, { rows });
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
  const row = await readOne(store, EventsVersionRow, 'an article\'s events version', EVENTS_STEP.articleEventsVersion, { id });
  return row ? (row.eventsVersion ?? 0) : undefined;
}

export async function countLackingEvents(store: Runner, version: number): Promise<number> {
  return readN(store, 'the articles lacking events', EVENTS_STEP.countLackingEvents, { version });
}

/** Ids of articles lacking the events step at `version`, in id order after `after`. */
export function articlesLackingEvents(store: Runner, after: string, version: number, limit: number): Promise<Array<{ id: string }>> {
  return read(store, IdRow, 'the articles lacking events', EVENTS_STEP.articlesLackingEvents, { after, version, limit });
}
