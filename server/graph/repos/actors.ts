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
import type { Row } from '../types.js';
import type { Runner } from './statements.js';

// ------------------------------------------------------------ lists and summaries

/** A page of canonical actors with their group's counts, and how many there are. */
export async function actorPage(store: Runner, filters: { kind: string | null; q: string | null }, w: { skip: number; limit: number }): Promise<{ rows: Row[]; total: number }> {
  const [rows, [count]] = await Promise.all([store.run(API.listActors, { ...filters, ...w }), store.run(API.countActors, filters)]);
  return { rows, total: Number(count?.total ?? 0) };
}

/** The given raw actors (id, name, kind, aliases, roles). */
export function actorsByIds(store: Runner, ids: string[]): Promise<Row[]> {
  return store.run(API.actorsByIds, { ids });
}

/** The totals the article write keeps per actor (id, said, about, articles). */
export function actorTotals(store: Runner, ids: string[]): Promise<Row[]> {
  return store.run(API.actorTotals, { ids });
}

// ------------------------------------------------------------ the actor page

/** What the actor page takes from one actor's day counters (API.actorDays rows). */
export interface ActorCounters {
  /** Rows like API.actorSaidByMonth's and API.actorAboutByMonth's: {period, n}, months with statements only. */
  saidByMonth: Row[];
  aboutByMonth: Row[];
  /** The earliest days holding the first `limit` statements made / about, or null when fewer are dated (read them all). */
  saidDays: string[] | null;
  aboutDays: string[] | null;
}

/**
 * Monthly counts and the days of the first page from an actor's day
 * counters. Day keys are statement `timeDay`s ("2025-08-18", or coarser:
 * "2025-08"); in string order every time of an earlier key sorts before
 * every time of a later one, so the earliest keys whose counts reach `limit`
 * hold the first `limit` statements by time.
 */
export function countersOf(days: Row[], limit: number): ActorCounters {
  const sorted = days.map((d) => ({ day: String(d.day), said: Number(d.said ?? 0), about: Number(d.about ?? 0) })).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const byMonth = (key: 'said' | 'about'): Row[] => {
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
  said: Row[];
  aboutThem: Row[];
  saidByMonth: Row[];
  aboutByMonth: Row[];
  talksAbout: Row[];
  talkedAboutBy: Row[];
  members: Row[];
  articles: number;
  merges: Row[];
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
  const counted = ids.length === 1 ? countersOf(await store.run(API.actorDays, { ids }), statementLimit) : null;
  const limit = statementLimit;
  const [said, aboutThem, saidByMonth, aboutByMonth, talksAbout, talkedAboutBy, members, articles, merges] = await Promise.all([
    counted?.saidDays ? store.run(API.actorSaidInDays, { ids, days: counted.saidDays, limit }) : store.run(API.actorSaid, { ids, limit }),
    counted?.aboutDays ? store.run(API.actorAboutInDays, { ids, days: counted.aboutDays, limit }) : store.run(API.actorAbout, { ids, limit }),
    counted ? counted.saidByMonth : store.run(API.actorSaidByMonth, { ids }),
    counted ? counted.aboutByMonth : store.run(API.actorAboutByMonth, { ids }),
    store.run(counted ? API.actorPairsFrom : API.actorTalksAbout, { ids }),
    store.run(counted ? API.actorPairsTo : API.actorTalkedAboutBy, { ids }),
    store.run(API.actorMembers, { id: canonId }),
    // One actor: its total kept by the write; a group counts the articles mentioning any member once.
    counted ? [{ articles: group.keptArticles }] : store.run(API.actorArticleCount, { ids }),
    store.run(API.mergeDecisionsOf, { ids: group.decisionIds }),
  ]);
  return { said, aboutThem, saidByMonth, aboutByMonth, talksAbout, talkedAboutBy, members, articles: Number(articles[0]?.articles ?? 0), merges };
}

// ------------------------------------------------------------ merges

/** Every actor merged into another (from, into, name, kind of the canonical actor). */
export function sameAsLinks(store: Runner): Promise<Row[]> {
  return store.run(API.sameAs);
}

/** An actor with the actor it is merged into; null when unknown. */
export async function actorWithCanonical(store: Runner, id: string): Promise<{ id: string; name: string; canonicalId: string | null } | null> {
  const [row] = await store.run(API.actorExists, { id });
  if (!row) return null;
  return { id, name: String(row.name ?? ''), canonicalId: typeof row.canonicalId === 'string' ? row.canonicalId : null };
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
export function activeMergeDecisions(store: Runner): Promise<Row[]> {
  return store.run(API.activeMergeDecisions);
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
export function identityActorsPage(store: Runner, after: string, limit: number): Promise<Row[]> {
  return store.run(IDENTITY.actorsPage, { after, limit });
}

export async function countAliasKeys(store: Runner): Promise<number> {
  const [row] = await store.run(IDENTITY.countAliases);
  return Number(row?.n ?? 0);
}

/** Removes up to `limit` alias keys; how many it removed. */
export async function clearAliasKeys(store: Runner, limit: number): Promise<number> {
  return Number((await store.run(IDENTITY.clearAliases, { limit }))[0]?.n ?? 0);
}

export async function indexActorKeys(store: Runner, rows: Array<{ actorId: string; keys: string[] }>): Promise<void> {
  await store.run(IDENTITY.indexActors, { rows });
}

/** Every merge decision, undone ones too. */
export function allMergeDecisions(store: Runner): Promise<Row[]> {
  return store.run(IDENTITY.allDecisions);
}
