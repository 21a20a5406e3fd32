/**
 * The claims read model (lists, a claim's page, contradiction candidates)
 * and the claims step's store (server/claims/update.ts, the pure decisions
 * beside it): indexed lookups and batched UNWIND writes, a fixed number of
 * round trips per article.
 */
import { API } from '../queries/api.js';
import { CLAIMS } from '../queries/claims.js';
import { SORTED } from '../queries/sorted.js';
import { z } from 'zod';
import { ActorRowSchema } from './articles.js';
import { IdRow, num, optNum, optStr, read, readOne, readTotal, str, strs, type Runner } from './rows.js';

/** A claim with its counts (API.listClaims, SORTED.claims*, API.claim). */
export const ClaimRowSchema = z.object({ id: str, text: optStr, firstSeen: optStr, lastSeen: optStr, statements: num, articles: num, sources: num });
export type ClaimRow = z.infer<typeof ClaimRowSchema>;
/** An article carrying a claim (API.claimArticles). */
export const ClaimArticleRowSchema = z.object({
  id: str, title: optStr, url: optStr, publishedAt: optStr, publishedAtPrecision: optStr, sourceId: optStr, source: optStr, republishes: optStr,
});
export type ClaimArticleRow = z.infer<typeof ClaimArticleRowSchema>;
/** A contradiction candidate (API.listContradictions, SORTED.contradictions*). */
export const ContradictionRowSchema = z.object({ fromId: str, toId: str, score: optNum, reason: optStr });
export type ContradictionRow = z.infer<typeof ContradictionRowSchema>;
/** A stored actor under an alias key (CLAIMS.lookupAliases). */
export const AliasRowSchema = ActorRowSchema.extend({ key: str, mergedInto: optStr });
export type AliasRow = z.infer<typeof AliasRowSchema>;
/** A member of band keys (an article or a statement) with the keys it was admitted under (CLAIMS.*BandKeys). */
export const BandKeysRowSchema = z.object({ id: str, keys: strs });
export type BandKeysRow = z.infer<typeof BandKeysRowSchema>;
const BandSeqRow = z.object({ seq: num });
/** A stored article a new one may copy (CLAIMS.articleCandidates). */
export const ArticleCandidateRowSchema = z.object({ id: str, text: optStr, date: optStr, republishes: optStr });
export type ArticleCandidateRow = z.infer<typeof ArticleCandidateRowSchema>;
/** A stored statement a new one may report the same as (CLAIMS.statementCandidates). */
export const StatementCandidateRowSchema = z.object({
  id: str, articleId: str, content: optStr, cueClass: optStr, direct: z.boolean().nullable(),
  saidAt: optStr, saidAtPrecision: optStr, articleDate: optStr, speakerIds: strs, speakerNames: z.array(optStr), aboutIds: strs,
  claimIds: strs, claimSpeakers: z.array(strs),
});
export type StatementCandidateRow = z.infer<typeof StatementCandidateRowSchema>;
/** A statement of a claim with what its counts need (CLAIMS.claimMembers). */
export const ClaimMemberRowSchema = z.object({
  claimId: str, statementId: str, articleId: str, sourceId: optStr, articleDate: optStr, speakerName: optStr, republishes: optStr,
});
export type ClaimMemberRow = z.infer<typeof ClaimMemberRowSchema>;
const ClaimsVersionRow = z.object({ claimsVersion: optNum });

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
export async function claimPage(store: Runner, q: string | null, w: { skip: number; limit: number; sort?: ClaimSort }): Promise<{ rows: ClaimRow[]; total: number }> {
  const text = CLAIM_SORTS[w.sort ?? 'recent'];
  const [rows, total] = await Promise.all([
    read(store, ClaimRowSchema, 'the claim list', text, { q, skip: w.skip, limit: w.limit }),
    readTotal(store, 'a claim count', API.countClaims, { q }),
  ]);
  return { rows, total };
}

export async function claimById(store: Runner, id: string): Promise<ClaimRow | undefined> {
  return readOne(store, ClaimRowSchema, 'a claim', API.claim, { id });
}

/** The articles carrying a claim, with the article each republishes. */
export function claimArticles(store: Runner, id: string): Promise<ClaimArticleRow[]> {
  return read(store, ClaimArticleRowSchema, 'a claim\'s articles', API.claimArticles, { id });
}

/** A page of contradiction candidates (fromId, toId, score, reason), strongest first, and how many there are. */
/** `q`: words of either statement or a speaker's name (null: every pair). */
export async function contradictionPage(store: Runner, w: { q: string | null; skip: number; limit: number; sort?: ContradictionSort }): Promise<{ rows: ContradictionRow[]; total: number }> {
  const text = CONTRADICTION_SORTS[w.sort ?? 'strongest'];
  const [rows, total] = await Promise.all([
    read(store, ContradictionRowSchema, 'the contradiction candidates', text, { q: w.q, skip: w.skip, limit: w.limit }),
    readTotal(store, 'a contradiction count', API.countContradictions, { q: w.q }),
  ]);
  return { rows, total };
}

// ------------------------------------------------------------ the claims step

/** Stored actors under alias keys (key, id, name, kind, aliases, roles, mergedInto), at most `cap` a key. */
export function lookupAliases(store: Runner, keys: string[], cap: number): Promise<AliasRow[]> {
  return read(store, AliasRowSchema, 'the alias lookup', CLAIMS.lookupAliases, { keys, cap });
}

/** Stored actors by id, with `mergedInto` when a user merged the actor into another (CLAIMS.actorsByIds). */
export const ActorByIdRowSchema = ActorRowSchema.extend({ mergedInto: optStr });
export type ActorByIdRow = z.infer<typeof ActorByIdRowSchema>;

export function claimActorsByIds(store: Runner, ids: string[]): Promise<ActorByIdRow[]> {
  return read(store, ActorByIdRowSchema, 'actors by id', CLAIMS.actorsByIds, { ids });
}

/** How many batches the claims step has finished in this store (0 for none): what the band index in memory is checked against. */
export async function bandSeq(store: Runner): Promise<number> {
  return (await readOne(store, BandSeqRow, 'the band key counter', CLAIMS.bandSeq, {}))?.seq ?? 0;
}

/** Tells every process holding the band index that band keys were added outside the claims step (it reads them anew). */
export async function bandKeysChanged(store: Runner): Promise<void> {
  await store.run(CLAIMS.bumpBandSeq, {});
}

/** Every member of band keys, articles then statements, with the keys it was admitted under. */
export async function bandMembers(store: Runner): Promise<{ articles: BandKeysRow[]; statements: BandKeysRow[] }> {
  return {
    articles: await read(store, BandKeysRowSchema, 'the articles\' band keys', CLAIMS.articleBandKeys, {}),
    statements: await read(store, BandKeysRowSchema, 'the statements\' band keys', CLAIMS.statementBandKeys, {}),
  };
}

/** Stored articles by id, as a new article's republication check reads them. */
export function articleCandidates(store: Runner, ids: string[]): Promise<ArticleCandidateRow[]> {
  return read(store, ArticleCandidateRowSchema, 'the article candidates', CLAIMS.articleCandidates, { ids });
}

export async function linkRepublishes(store: Runner, links: unknown[]): Promise<void> {
  await store.run(CLAIMS.linkRepublishes, { links });
}

/** Stored statements by id, as the claims plan compares them. */
export function statementCandidates(store: Runner, ids: string[]): Promise<StatementCandidateRow[]> {
  return read(store, StatementCandidateRowSchema, 'the statement candidates', CLAIMS.statementCandidates, { ids });
}

export async function linkClaims(store: Runner, links: unknown[]): Promise<void> {
  await store.run(CLAIMS.linkClaims, { links });
}

export async function linkContradictions(store: Runner, links: unknown[]): Promise<void> {
  await store.run(CLAIMS.linkContradictions, { links });
}

/** The claims the statements of the given articles are instances of (id). */
export function claimsOfArticles(store: Runner, ids: string[]): Promise<Array<{ id: string }>> {
  return read(store, IdRow, 'the claims of articles', CLAIMS.claimsOfArticles, { ids });
}

/**
 * The band keys, the alias index and the completion marks of a batch of articles, in one round trip; the count of
 * finished batches after it.
 */
export async function finishClaimsArticles(
  store: Runner,
  p: {
    articleBands: Array<{ id: string; keys: string[] }>;
    statementBands: Array<{ id: string; keys: string[] }>;
    actors: Array<{ actorId: string; keys: string[] }>;
    articleIds: string[];
    version: number;
  },
): Promise<number | null> {
  const [row] = await store.run(CLAIMS.finishArticles, p);
  return typeof row?.seq === 'number' ? row.seq : null;
}

/** The claims step version an article was finished with; undefined when the article is not stored. */
export async function articleClaimsVersion(store: Runner, id: string): Promise<number | undefined> {
  const row = await readOne(store, ClaimsVersionRow, 'an article\'s claims version', CLAIMS.articleClaimsVersion, { id });
  return row ? (row.claimsVersion ?? 0) : undefined;
}

export function claimMembers(store: Runner, ids: string[]): Promise<ClaimMemberRow[]> {
  return read(store, ClaimMemberRowSchema, 'the members of claims', CLAIMS.claimMembers, { ids });
}

const RepublishTargetRow = z.object({ id: str, republishes: optStr });

/** The article each of some articles republishes (null: none), by id (CLAIMS.republishTargets). */
export function republishTargets(store: Runner, ids: string[]): Promise<Array<z.infer<typeof RepublishTargetRow>>> {
  return read(store, RepublishTargetRow, 'the articles some articles republish', CLAIMS.republishTargets, { ids });
}

export async function setClaimStats(store: Runner, rows: unknown[]): Promise<void> {
  await store.run(CLAIMS.setClaimStats, { rows });
}
