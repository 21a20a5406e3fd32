/**
 * The statements read model: lists, counts, single statements and the
 * timeline's day counts. It owns the choice between the query variants
 * (queries/api.ts, built from constant fragments): scope on the statements' own properties or
 * through their links, a `$days` window lookup or a scan, the per-day
 * counters or a count, so a caller states filters and gets rows.
 */
import { API } from '../queries/api.js';
import type { GraphStore, Row } from '../types.js';
import { dayAligned, windowDays } from '../window.js';

/** What a read model needs of a store. */
export type Runner = Pick<GraphStore, 'run'>;

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

/** A statement row as the queries return it (STATEMENT_FIELDS and its article and outlet); api/canonical.ts maps it to the API's view. */
export type StatementRecordRow = Row;

/** One day's count for one cue class (`day` a statement's timeDay). */
export type DayCountRow = Row;

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
  let rows: Row[];
  let count: Row | undefined;
  if (ownOnly(filters)) {
    // Text, cue class and time only: paged on the statement nodes, details read for the page only.
    const params = days ? ownParams(filters, days) : ownParams(filters, null);
    const list = days ? (desc ? API.listOwnDescDays : API.listOwnAscDays) : desc ? API.listOwnDesc : API.listOwnAsc;
    [rows, [count]] = await Promise.all([store.run(list, { ...params, ...w }), store.run(days ? API.countOwnDays : API.countOwn, params)]);
  } else {
    const params = days ? { ...filters, days } : filters;
    const list = days ? (desc ? API.listStatementsDescDays : API.listStatementsAscDays) : desc ? API.listStatementsDesc : API.listStatementsAsc;
    [rows, [count]] = await Promise.all([store.run(list, { ...params, ...w }), store.run(days ? API.countStatementsDays : API.countStatements, params)]);
  }
  return { rows, total: Number(count?.total ?? 0) };
}

/** The first `limit` statements in scope by time (the timeline's statements, a claim's statements). */
export async function firstStatements(store: Runner, filters: StatementFilters, limit: number): Promise<StatementRecordRow[]> {
  const window = windowDays(filters.from, filters.to);
  const params = window ? { ...filters, days: window } : filters;
  return store.run(window ? API.listStatementsAscDays : API.listStatementsAsc, { ...params, skip: 0, limit });
}

export async function statementById(store: Runner, id: string): Promise<StatementRecordRow | undefined> {
  const [row] = await store.run(API.statement, { id });
  return row;
}

export async function statementsByIds(store: Runner, ids: string[]): Promise<StatementRecordRow[]> {
  return ids.length ? store.run(API.statementsByIds, { ids }) : [];
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
    const days = await store.run(API.timelineDayCounts, { cueClasses: filters.cueClasses, from: filters.from, to: filters.to });
    return { total: days.reduce((n, d) => n + Number(d.n ?? 0), 0), days };
  }
  const params = window ? { ...filters, days: window } : filters;
  const [count] =
    own && window !== null
      ? await store.run(API.countOwnDays, ownParams(filters, window))
      : await store.run(window ? API.countStatementsDays : API.countStatements, params);
  return { total: Number(count?.total ?? 0), days: null };
}

/** Per day and cue class, the statements the filters hold (day, cueClass, n). */
export async function timelineDays(store: Runner, filters: StatementFilters): Promise<DayCountRow[]> {
  const window = windowDays(filters.from, filters.to);
  const params = window ? { ...filters, days: window } : filters;
  return ownOnly(filters) && window !== null
    ? store.run(API.statementsByDayOwnDays, ownParams(filters, window))
    : store.run(window ? API.statementsByDayDays : API.statementsByDay, params);
}
