/**
 * The actors read model and the merge decisions' store: the actor list, raw
 * actors and their kept totals, the actor page (from the day counters for a
 * single actor, over every statement for a merged group: the choice is
 * made here), SAME_AS and the MergeDecision nodes, and the identity re-run's
 * pages. Rows carry raw actor ids; server/actors and server/api fold them
 * into canonical actors.
 */
import { API } from '../queries/api.js';
import { IDENTITY } from '../queries/identity.js';
import { dayOfSlot } from '../window.js';
import { z } from 'zod';
import { statementRecord, StatementRowSchema } from '../records.js';
import { ActorRowSchema, type ActorRow } from './articles.js';
import type { StatementRecordRow } from './statements.js';
import type { Row } from '../types.js';
import { checked, num, optNum, optStr, optStrs, read, readN, readOne, readTotal, str, type Runner } from './rows.js';

/** A canonical actor of the list with its group's counts (API.listActors). */
export const ActorListRowSchema = z.object({
  id: str, name: str, kind: str, aliases: optStrs, roles: optStrs,
  members: z.array(z.object({ name: optStr, aliases: optStrs, roles: optStrs })), said: num, about: num,
});
export type ActorListRow = z.infer<typeof ActorListRowSchema>;
/** The totals the article write keeps for an actor (API.actorTotals). */
export const ActorTotalRowSchema = z.object({ id: str, said: optNum, about: optNum, articles: optNum });
export type ActorTotalRow = z.infer<typeof ActorTotalRowSchema>;
/** One month's counters of an actor (API.actorDays): a count per day slot (window.ts actorMonthSlot). */
export const ActorMonthRowSchema = z.object({ month: str, said: z.array(num), about: z.array(num) });
/** Statements of an actor per month (API.actorSaidByMonth, API.actorAboutByMonth, or from its counters). */
export const MonthCountRowSchema = z.object({ period: str, n: num });
export type MonthCountRow = z.infer<typeof MonthCountRowSchema>;
/** An actor one talks about or is talked about by (API.actorPairs*, API.actorTalk*). */
export const ActorNeighbourRowSchema = z.object({ id: str, name: optStr, kind: optStr, statements: num });
export type ActorNeighbourRow = z.infer<typeof ActorNeighbourRowSchema>;
/** An actor merged into another (API.actorMembers). */
export const MemberRowSchema = z.object({ id: str, name: optStr });
export type MemberRow = z.infer<typeof MemberRowSchema>;
/** A merge decision (API.mergeDecisionsOf, API.activeMergeDecisions). */
export const MergeDecisionRowSchema = z.object({
  id: str, from: str, into: str, fromName: optStr, intoName: optStr, at: str, note: optStr, undoneAt: optStr,
});
export type MergeDecisionRow = z.infer<typeof MergeDecisionRowSchema>;
/** An actor merged into another, with the name and kind of the one it is merged into (API.sameAs). */
export const SameAsRowSchema = z.object({ from: str, into: str, name: optStr, kind: optStr });
export type SameAsRow = z.infer<typeof SameAsRowSchema>;
/** An actor as the identity re-run reads it (IDENTITY.actorsPage). */
export const IdentityActorRowSchema = ActorRowSchema.extend({ mergedInto: optStr });
export type IdentityActorRow = z.infer<typeof IdentityActorRowSchema>;
/** A merge decision as the identity re-run reads it (IDENTITY.allDecisions). */
export const DecisionRowSchema = z.object({ id: str, from: str, into: str, note: optStr, undoneAt: optStr });
export type DecisionRow = z.infer<typeof DecisionRowSchema>;
const ArticleCount = z.object({ articles: num });
const ActorExistsRow = z.object({ id: str, name: optStr, canonicalId: optStr });

// ------------------------------------------------------------ lists and summaries

/** A page of canonical actors with their group's counts, and how many there are. */
export async function actorPage(store: Runner, filters: { kind: string | null; q: string | null }, w: { skip: number; limit: number }): Promise<{ rows: ActorListRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    read(store, ActorListRowSchema, 'the actor list', API.listActors, { ...filters, ...w }),
    readTotal(store, 'an actor count', API.countActors, filters),
  ]);
  return { rows, total };
}

/** The given raw actors (id, name, kind, aliases, roles). */
export function actorsByIds(store: Runner, ids: string[]): Promise<ActorRow[]> {
  return read(store, ActorRowSchema, 'actors by id', API.actorsByIds, { ids });
}

/** The totals the article write keeps per actor (id, said, about, articles). */
export function actorTotals(store: Runner, ids: string[]): Promise<ActorTotalRow[]> {
  return read(store, ActorTotalRowSchema, 'actor totals', API.actorTotals, { ids });
}

// ------------------------------------------------------------ the actor page

/** What the actor page takes from one actor's month counters (API.actorDays rows). */
export interface ActorCounters {
  /** Rows like API.actorSaidByMonth's and API.actorAboutByMonth's: {period, n}, months with statements only. */
  saidByMonth: MonthCountRow[];
  aboutByMonth: MonthCountRow[];
  /** The earliest days holding the first `limit` statements made / about, or null when fewer are dated (read them all). */
  saidDays: string[] | null;
  aboutDays: string[] | null;
}

/**
 * Monthly counts and the days of the first page from an actor's month
 * counters, read back as days (a slot with a count is a day: window.ts
 * dayOfSlot). Day keys are statement `timeDay`s ("2025-08-18", or coarser:
 * "2025-08"); in string order every time of an earlier key sorts before
 * every time of a later one, so the earliest keys whose counts reach `limit`
 * hold the first `limit` statements by time.
 */
export function countersOf(months: Row[], limit: number): ActorCounters {
  const rows = checked(ActorMonthRowSchema, 'an actor\'s month counters', months);
  const days = rows.flatMap((m) =>
    m.said.flatMap((said, slot) => (said > 0 || (m.about[slot] ?? 0) > 0 ? [{ day: dayOfSlot(m.month, slot), said, about: m.about[slot] ?? 0 }] : [])),
  );
  const sorted = days.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const byMonth = (key: 'said' | 'about'): MonthCountRow[] => {
    const months = new Map<string, number>();
    for (const d of sorted) if (d[key] > 0) months.set(d.day.slice(0, 7), (months.get(d.day.slice(0, 7)) ?? 0) + d[key]);
    return [...months].map(([period, n]) => ({ period, n }));
  };
  const firstDays = (key: 'said' | 'about'): string[] | null => {
    const out: string[] = [];
    let n = 0;
    for (const d of sorted) {
      if (d[key] === 0) continue;
      out.push(d.day);
      n += d[key];
      if (n >= limit) return out;
    }
    return null;
  };
  return { saidByMonth: byMonth('said'), aboutByMonth: byMonth('about'), saidDays: firstDays('said'), aboutDays: firstDays('about') };
}

/** The raw rows of an actor page (raw actor ids; the caller folds them). */
export interface ActorPageRows {
  said: StatementRecordRow[];
  aboutThem: StatementRecordRow[];
  saidByMonth: MonthCountRow[];
  aboutByMonth: MonthCountRow[];
  talksAbout: ActorNeighbourRow[];
  talkedAboutBy: ActorNeighbourRow[];
  members: MemberRow[];
  articles: number;
  merges: MergeDecisionRow[];
}

/**
 * The actor page of the group `ids` (the canonical id first) from its
 * counters when the group is one actor (`articles` then the kept total), over
 * every statement of the group otherwise (two actors may share a statement
 * about both, so a group counts distinct statements the long way).
 */
export async function actorPageRows(
  store: Runner,
  group: { canonId: string; ids: string[]; decisionIds: string[]; keptArticles: number },
  statementLimit: number,
): Promise<ActorPageRows> {
  const { ids, canonId } = group;
  const counted = ids.length === 1 ? countersOf(await read(store, ActorMonthRowSchema, 'an actor\'s month counters', API.actorDays, { ids }), statementLimit) : null;
  const limit = statementLimit;
  const statements = (text: string, params: Record<string, unknown>) => read(store, StatementRowSchema, 'an actor\'s statements', text, params).then((rows) => rows.map(statementRecord));
  const months = (text: string) => read(store, MonthCountRowSchema, 'an actor\'s months', text, { ids });
  const neighbours = (text: string) => read(store, ActorNeighbourRowSchema, 'an actor\'s neighbours', text, { ids });
  const [said, aboutThem, saidByMonth, aboutByMonth, talksAbout, talkedAboutBy, members, articles, merges] = await Promise.all([
    counted?.saidDays ? statements(API.actorSaidInDays, { ids, days: counted.saidDays, limit }) : statements(API.actorSaid, { ids, limit }),
    counted?.aboutDays ? statements(API.actorAboutInDays, { ids, days: counted.aboutDays, limit }) : statements(API.actorAbout, { ids, limit }),
    counted ? counted.saidByMonth : months(API.actorSaidByMonth),
    counted ? counted.aboutByMonth : months(API.actorAboutByMonth),
    neighbours(counted ? API.actorPairsFrom : API.actorTalksAbout),
    neighbours(counted ? API.actorPairsTo : API.actorTalkedAboutBy),
    read(store, MemberRowSchema, 'an actor\'s members', API.actorMembers, { id: canonId }),
    // One actor: its total kept by the write; a group counts the articles mentioning any member once.
    counted ? [{ articles: group.keptArticles }] : read(store, ArticleCount, 'an actor\'s article count', API.actorArticleCount, { ids }),
    read(store, MergeDecisionRowSchema, 'an actor\'s merge decisions', API.mergeDecisionsOf, { ids: group.decisionIds }),
  ]);
  return { said, aboutThem, saidByMonth, aboutByMonth, talksAbout, talkedAboutBy, members, articles: articles[0]?.articles ?? 0, merges };
}

// ------------------------------------------------------------ merges

/** Every actor merged into another (from, into, name, kind of the canonical actor). */
export function sameAsLinks(store: Runner): Promise<SameAsRow[]> {
  return read(store, SameAsRowSchema, 'the SAME_AS links', API.sameAs);
}

/** An actor with the actor it is merged into; null when unknown. */
export async function actorWithCanonical(store: Runner, id: string): Promise<{ id: string; name: string; canonicalId: string | null } | null> {
  const row = await readOne(store, ActorExistsRow, 'an actor', API.actorExists, { id });
  if (!row) return null;
  return { id, name: row.name ?? '', canonicalId: row.canonicalId };
}

export interface MergeDecisionRecord {
  id: string;
  from: string;
  into: string;
  fromName: string | null;
  intoName: string | null;
  at: string;
  note: string | null;
}

export async function createMergeDecision(store: Runner, d: MergeDecisionRecord): Promise<void> {
  await store.run(API.createMergeDecision, { id: d.id, from: d.from, into: d.into, fromName: d.fromName, intoName: d.intoName, at: d.at, note: d.note });
}

export async function undoMergeDecision(store: Runner, id: string, at: string, note: string | null): Promise<void> {
  await store.run(API.undoMergeDecision, { id, at, note });
}

/** The decisions not undone, oldest first. */
export function activeMergeDecisions(store: Runner): Promise<MergeDecisionRow[]> {
  return read(store, MergeDecisionRowSchema, 'the active merge decisions', API.activeMergeDecisions);
}

/**
 * Makes SAME_AS and `mergedInto` exactly the given links: links no decision
 * wants are pruned before the wanted ones are (re)linked, both idempotent.
 */
export async function setSameAsLinks(store: Runner, links: Array<{ from: string; into: string }>): Promise<void> {
  await store.run(API.pruneSameAs, { keep: links.map((l) => `${l.from}>${l.into}`) });
  await store.run(API.clearMergedInto, { keep: links.map((l) => l.from) });
  if (links.length > 0) {
    await store.run(API.linkSameAs, { links });
    await store.run(API.setMergedInto, { links });
  }
}

// ------------------------------------------------------------ identity re-run

/** A page of actors by id after `after` (id, name, kind, aliases, roles, mergedInto). */
export function identityActorsPage(store: Runner, after: string, limit: number): Promise<IdentityActorRow[]> {
  return read(store, IdentityActorRowSchema, 'a page of actors', IDENTITY.actorsPage, { after, limit });
}

export async function countAliasKeys(store: Runner): Promise<number> {
  return readN(store, 'the alias key count', IDENTITY.countAliases);
}

/** Removes up to `limit` alias keys; how many it removed. */
export async function clearAliasKeys(store: Runner, limit: number): Promise<number> {
  return readN(store, 'the alias keys removed', IDENTITY.clearAliases, { limit });
}

export async function indexActorKeys(store: Runner, rows: Array<{ actorId: string; keys: string[] }>): Promise<void> {
  await store.run(IDENTITY.indexActors, { rows });
}

/** Every merge decision, undone ones too. */
export function allMergeDecisions(store: Runner): Promise<DecisionRow[]> {
  return read(store, DecisionRowSchema, 'the merge decisions', IDENTITY.allDecisions);
}
