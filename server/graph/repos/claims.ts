/**
 * The claims read model (lists, a claim's page, contradiction candidates)
 * and the claims step's store (server/claims/update.ts, the pure decisions
 * beside it): indexed lookups and batched UNWIND writes, a fixed number of
 * round trips per article.
 */
import { API } from '../queries/api.js';
import { CLAIMS } from '../queries/claims.js';
import { SORTED } from '../queries/sorted.js';
import type { Row } from '../types.js';
import type { Runner } from './statements.js';

// ------------------------------------------------------------ reads

/** The orders of the claim list (ties by id). */
export const CLAIM_SORTS = {
  recent: API.listClaims,
  oldest: SORTED.claimsOldest,
  reports: SORTED.claimsMostReported,
  sources: SORTED.claimsMostSources,
} as const;
export type ClaimSort = keyof typeof CLAIM_SORTS;

/** The orders of the contradiction candidates (ties by the two statement ids). */
export const CONTRADICTION_SORTS = {
  strongest: API.listContradictions,
  newest: SORTED.contradictionsNewest,
  oldest: SORTED.contradictionsOldest,
} as const;
export type ContradictionSort = keyof typeof CONTRADICTION_SORTS;

/** A page of claims in the order asked (most recently seen first by default), and how many match. */
export async function claimPage(store: Runner, q: string | null, w: { skip: number; limit: number; sort?: ClaimSort }): Promise<{ rows: Row[]; total: number }> {
  const text = CLAIM_SORTS[w.sort ?? 'recent'];
  const [rows, [count]] = await Promise.all([store.run(text, { q, skip: w.skip, limit: w.limit }), store.run(API.countClaims, { q })]);
  return { rows, total: Number(count?.total ?? 0) };
}

export async function claimById(store: Runner, id: string): Promise<Row | undefined> {
  const [row] = await store.run(API.claim, { id });
  return row;
}

/** The articles carrying a claim, with the article each republishes. */
export function claimArticles(store: Runner, id: string): Promise<Row[]> {
  return store.run(API.claimArticles, { id });
}

/** A page of contradiction candidates (fromId, toId, score, reason), strongest first, and how many there are. */
/** `q`: words of either statement or a speaker's name (null: every pair). */
export async function contradictionPage(store: Runner, w: { q: string | null; skip: number; limit: number; sort?: ContradictionSort }): Promise<{ rows: Row[]; total: number }> {
  const text = CONTRADICTION_SORTS[w.sort ?? 'strongest'];
  const [rows, [count]] = await Promise.all([store.run(text, { q: w.q, skip: w.skip, limit: w.limit }), store.run(API.countContradictions, { q: w.q })]);
  return { rows, total: Number(count?.total ?? 0) };
}

// ------------------------------------------------------------ the claims step

/** Stored actors under alias keys (key, id, name, kind, aliases, roles, mergedInto), at most `cap` a key. */
export function lookupAliases(store: Runner, keys: string[], cap: number): Promise<Row[]> {
  return store.run(CLAIMS.lookupAliases, { keys, cap });
}

export function claimActorsByIds(store: Runner, ids: string[]): Promise<Row[]> {
  return store.run(CLAIMS.actorsByIds, { ids });
}

export function articleCandidates(store: Runner, p: { keys: string[]; id: string; cap: number; budget: number }): Promise<Row[]> {
  return store.run(CLAIMS.articleCandidates, p);
}

export async function linkRepublishes(store: Runner, links: unknown[]): Promise<void> {
  await store.run(CLAIMS.linkRepublishes, { links });
}

export function statementCandidates(store: Runner, p: { stmts: Array<{ id: string; keys: string[] }>; articleId: string; cap: number; budget: number }): Promise<Row[]> {
  return store.run(CLAIMS.statementCandidates, p);
}

export async function linkClaims(store: Runner, links: unknown[]): Promise<void> {
  await store.run(CLAIMS.linkClaims, { links });
}

export async function linkContradictions(store: Runner, links: unknown[]): Promise<void> {
  await store.run(CLAIMS.linkContradictions, { links });
}

/** The claims the statements of the given articles are instances of (id). */
export function claimsOfArticles(store: Runner, ids: string[]): Promise<Row[]> {
  return store.run(CLAIMS.claimsOfArticles, { ids });
}

/** The alias index, the band keys and the completion mark of one article, in one round trip. */
export async function finishClaimsArticle(
  store: Runner,
  p: { articleId: string; actors: unknown[]; articleKeys: string[]; statements: unknown[]; version: number; bandMembersCap: number },
): Promise<void> {
  await store.run(CLAIMS.finishArticle, p);
}

/** The claims step version an article was finished with; undefined when the article is not stored. */
export async function articleClaimsVersion(store: Runner, id: string): Promise<number | undefined> {
  const [row] = await store.run(CLAIMS.articleClaimsVersion, { id });
  return row ? Number(row.claimsVersion ?? 0) : undefined;
}

export function claimMembers(store: Runner, ids: string[]): Promise<Row[]> {
  return store.run(CLAIMS.claimMembers, { ids });
}

export async function setClaimStats(store: Runner, rows: unknown[]): Promise<void> {
  await store.run(CLAIMS.setClaimStats, { rows });
}
