/**
 * The statements read model: lists, counts, single statements and the
 * timeline's day counts. It owns the choice between the query variants
 * (queries/api.ts, built from constant fragments): scope on the statements' own properties or
 * through their links, a `$days` window lookup or a scan, the per-day
 * counters or a count, so a caller states filters and gets rows.
 */
import { z } from 'zod';
import { API } from '../queries/api.js';
import { statementRecord, StatementRowSchema, type StatementRecord } from '../records.js';
import { dayAligned, windowDays } from '../window.js';
import { num, read, readOne, readTotal, str, type Runner } from './rows.js';

export type { Runner } from './rows.js';

/** The parameters of the statement filter; every one null (unused) unless given. */
export type StatementFilters = {
  speakerIds: string[] | null;
  aboutIds: string[] | null;
  actorIds: string[] | null;
  cueClasses: string[] | null;
  sources: string[] | null;
  articleId: string | null;
  claimId: string | null;
  from: string | null;
  to: string | null;
  dated: boolean;
  q: string | null;
};

export function statementFilters(f: Partial<StatementFilters> = {}): StatementFilters {
  return {
    speakerIds: null,
    aboutIds: null,
    actorIds: null,
    cueClasses: null,
    sources: null,
    articleId: null,
    claimId: null,
    from: null,
    to: null,
    dated: false,
    q: null,
    ...f,
  };
}

/** A statement row as the queries return it (STATEMENT_FIELDS and its article and outlet); api/statement-view.ts maps it to the API's view. */
export type StatementRecordRow = StatementRecord;

/** One day's count for one cue class (`day` a statement's timeDay). */
export const DayCountRowSchema = z.object({ day: str, cueClass: str, n: num });
export type DayCountRow = z.infer<typeof DayCountRowSchema>;

/** Whether the filters are on the statements' own properties only (no speaker, actor, source, article or claim). */
function ownOnly(f: StatementFilters): boolean {
  return f.speakerIds === null && f.aboutIds === null && f.actorIds === null && f.sources === null && f.articleId === null && f.claimId === null;
}

/** The parameters of the queries on the statements' own properties (API.countOwn, API.listOwnAsc, ...). */
function ownParams(f: StatementFilters, days: string[] | null): Record<string, unknown> {
  const own = { cueClasses: f.cueClasses, from: f.from, to: f.to, dated: f.dated, q: f.q };
  return days ? { ...own, days } : own;
}

/** One page of statements by time with the total in scope. */
export async function statementPage(
  store: Runner,
  filters: StatementFilters,
  page: { order: 'asc' | 'desc'; skip: number; limit: number },
): Promise<{ rows: StatementRecordRow[]; total: number }> {
  const days = windowDays(filters.from, filters.to);
  const desc = page.order === 'desc';
  const w = { skip: page.skip, limit: page.limit };
  if (ownOnly(filters)) {
    // Text, cue class and time only: paged on the statement nodes, details read for the page only.
    const params = days ? ownParams(filters, days) : ownParams(filters, null);
    const list = days ? (desc ? API.listOwnDescDays : API.listOwnAscDays) : desc ? API.listOwnDesc : API.listOwnAsc;
    const [rows, total] = await Promise.all([
      read(store, StatementRowSchema, 'a statement page', list, { ...params, ...w }).then((rows) => rows.map(statementRecord)),
      readTotal(store, 'a statement count', days ? API.countOwnDays : API.countOwn, params),
    ]);
    return { rows, total };
  }
  const params = days ? { ...filters, days } : filters;
  const list = days ? (desc ? API.listStatementsDescDays : API.listStatementsAscDays) : desc ? API.listStatementsDesc : API.listStatementsAsc;
  const [rows, total] = await Promise.all([
    read(store, StatementRowSchema, 'a statement page', list, { ...params, ...w }).then((rows) => rows.map(statementRecord)),
    readTotal(store, 'a statement count', days ? API.countStatementsDays : API.countStatements, params),
  ]);
  return { rows, total };
}

/** The first `limit` statements in scope by time (the timeline's statements, a claim's statements). */
export async function firstStatements(store: Runner, filters: StatementFilters, limit: number): Promise<StatementRecordRow[]> {
  const window = windowDays(filters.from, filters.to);
  const params = window ? { ...filters, days: window } : filters;
  return (await read(store, StatementRowSchema, 'the first statements', window ? API.listStatementsAscDays : API.listStatementsAsc, { ...params, skip: 0, limit })).map(statementRecord);
}

export async function statementById(store: Runner, id: string): Promise<StatementRecordRow | undefined> {
  const row = await readOne(store, StatementRowSchema, 'a statement', API.statement, { id });
  return row && statementRecord(row);
}

export async function statementsByIds(store: Runner, ids: string[]): Promise<StatementRecordRow[]> {
  return ids.length ? (await read(store, StatementRowSchema, 'statements by id', API.statementsByIds, { ids })).map(statementRecord) : [];
}

/**
 * How many statements the timeline's filters hold, and their day counts
 * when they came for free. A window is looked up by its days; without actor
 * or source filters the counts need no traversal, and with day-aligned
 * bounds they are the per-day counters the article write keeps.
 */
export async function timelineTotal(store: Runner, filters: StatementFilters): Promise<{ total: number; days: DayCountRow[] | null }> {
  const window = windowDays(filters.from, filters.to);
  const own = ownOnly(filters);
  if (own && dayAligned(filters.from) && dayAligned(filters.to)) {
    const days = await read(store, DayCountRowSchema, 'the day counters', API.timelineDayCounts, { cueClasses: filters.cueClasses, from: filters.from, to: filters.to });
    return { total: days.reduce((n, d) => n + d.n, 0), days };
  }
  const params = window ? { ...filters, days: window } : filters;
  const total =
    own && window !== null
      ? await readTotal(store, 'a statement count', API.countOwnDays, ownParams(filters, window))
      : await readTotal(store, 'a statement count', window ? API.countStatementsDays : API.countStatements, params);
  return { total, days: null };
}

/** Per day and cue class, the statements the filters hold (day, cueClass, n). */
export async function timelineDays(store: Runner, filters: StatementFilters): Promise<DayCountRow[]> {
  const window = windowDays(filters.from, filters.to);
  const params = window ? { ...filters, days: window } : filters;
  return ownOnly(filters) && window !== null
    ? read(store, DayCountRowSchema, 'statements by day', API.statementsByDayOwnDays, ownParams(filters, window))
    : read(store, DayCountRowSchema, 'statements by day', window ? API.statementsByDayDays : API.statementsByDay, params);
}
