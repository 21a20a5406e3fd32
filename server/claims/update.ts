import {
  articleCandidates,
  articleClaimsVersion,
  claimActorsByIds,
  claimMembers,
  claimsOfArticles,
  finishClaimsArticle,
  linkClaims,
  linkContradictions,
  linkRepublishes,
  lookupAliases,
  setClaimStats,
  statementCandidates,
  type ArticleGraph,
  type GraphStore,
  type ActorRow,
  type StatementCandidateRow,
} from '../graph/index.js';
import { applyIdentity, indexKeys, lookupKeys, resolveActor, type StoredActor } from '../actors/index.js';
import { articleKeys, statementKeys, statementLookupKeys } from './keys.js';
import { claimStats, planClaims, type Candidate, type ClaimMember, type ClaimPlan } from './plan.js';
import { planRepublication, type RepublishLink } from './republication.js';
import type { ClaimStatement } from './similarity.js';

/**
 * The claims step's thin I/O shell. The decisions are the pure functions of
 * identity rules (server/actors), plan.ts and republication.ts; this file only runs the
 * graph component's claims repository (server/graph/repos/claims.ts; it writes no
 * Cypher), each one an indexed lookup or a batched UNWIND, a fixed number of
 * round trips per article whatever the size of the store.
 */

/** What the claims step needs of a store. */
export type ClaimsStore = Pick<GraphStore, 'run'>;

/** Bumped when the claims step changes what it writes; stored on each Article it completed. */
export const CLAIMS_VERSION = 2;

/** Nodes read per band key at most (see queries/claims.ts). */
export const BAND_CAP = 4;

/**
 * Members a band key takes at most; later articles and statements with the
 * key are not added to it. Reads take a key's first BAND_CAP members anyway
 * (storage order), so members past the cap would never be read: not writing
 * them keeps every key's expansion, and so the step's cost per article,
 * bounded however large or dense the store grows (Grafeo expands every edge
 * of a key's node before a LIMIT applies). A crowded key is a templated
 * phrase, not evidence; the other keys of a real match still find it.
 */
export const BAND_MEMBERS_CAP = 2 * BAND_CAP;

/**
 * Stored statements a new statement is compared with at most: those sharing
 * the most band keys with it (queries/claims.ts statementCandidates). A
 * near-copy shares most of its bands, a chance collision of a templated
 * sentence one, so the budget drops chance collisions first; it bounds the
 * rows an article reads however crowded a speaker's keys get.
 */
export const CANDIDATE_BUDGET = 6;

/**
 * Stored actors read per alias key at most. A key that reaches it (a surname
 * shared by that many people) is left out of identity resolution: it could
 * not settle who is meant, and reading every namesake would grow with the
 * store. A full name still resolves through its own key.
 */
export const ALIAS_CAP = 16;

/** Stored articles a new article's text is checked against at most: those sharing the most article band keys. */
export const ARTICLE_BUDGET = 8;

/**
 * Maps the actors of a new article onto stored actors through the alias
 * index (before the article is written, so its statements land on the
 * resolved actors). Returns the graph unchanged when nothing resolves.
 */
export async function resolveActors(store: ClaimsStore, graph: ArticleGraph): Promise<ArticleGraph> {
  const keys = [...new Set(graph.actors.flatMap(lookupKeys))];
  if (keys.length === 0) return graph;
  const all = await lookupAliases(store, keys, ALIAS_CAP);
  const perKey = new Map<string, number>();
  for (const r of all) perKey.set(r.key, (perKey.get(r.key) ?? 0) + 1);
  const rows = all.filter((r) => (perKey.get(r.key) ?? 0) < ALIAS_CAP);
  // A user merge points the actor at its canonical one: resolve to that (one more indexed read, only when merges exist).
  const mergedIds = [...new Set(rows.map((r) => r.mergedInto).filter((x): x is string => x !== null))];
  const canonical = new Map<string, StoredActor>();
  if (mergedIds.length > 0) for (const r of await claimActorsByIds(store, mergedIds)) canonical.set(r.id, storedActor(r));
  const found = new Map<string, StoredActor[]>();
  for (const r of rows) {
    const key = r.key;
    const merged = r.mergedInto;
    const actor = (merged !== null ? canonical.get(merged) : undefined) ?? storedActor(r);
    found.set(key, [...(found.get(key) ?? []), actor]);
  }
  const mapping = new Map<string, StoredActor>();
  for (const a of graph.actors) {
    const res = resolveActor(a, found);
    if (res !== null && res.actor.id !== a.id) mapping.set(a.id, res.actor);
  }
  return applyIdentity(graph, mapping);
}

export interface ClaimsUpdate {
  /** Claims the article's statements joined or created. */
  claims: string[];
  republishes: RepublishLink[];
  contradictions: number;
}

/**
 * Updates claims, republication links, the alias index and contradiction
 * candidates for one article just written. Idempotent: every write is a
 * MERGE on stable ids and keys, so running it again (after a crash between
 * its writes) changes nothing more; the article is marked complete last.
 */
export async function updateClaims(store: ClaimsStore, graph: ArticleGraph): Promise<ClaimsUpdate> {
  const articleId = graph.article.id;

  // Republication: near-duplicate articles through the article band keys, checked exactly.
  const date = graph.article.publishedAt ?? graph.article.retrievedAt;
  const aKeys = articleKeys(graph.article.text);
  let republishes: RepublishLink[] = [];
  if (aKeys.length > 0) {
    const rows = await articleCandidates(store, { keys: aKeys, id: articleId, cap: BAND_CAP, budget: ARTICLE_BUDGET });
    republishes = planRepublication(
      { id: articleId, text: graph.article.text, date },
      rows.map((r) => ({ id: r.id, text: r.text ?? '', date: r.date, republishes: r.republishes })),
    );
    if (republishes.length > 0) await linkRepublishes(store, republishes);
  }

  // Claims and contradiction candidates through the statement band keys.
  const names = new Map(graph.actors.map((a) => [a.id, a.name]));
  const statements: ClaimStatement[] = graph.statements.map((s) => ({
    id: s.id,
    articleId,
    content: s.content,
    cueClass: s.cueClass,
    saidAt: s.saidAt,
    saidAtPrecision: s.saidAtPrecision,
    articleDate: date,
    speakerId: s.speakerId,
    speakerName: s.speakerId === null ? null : (names.get(s.speakerId) ?? null),
    direct: s.direct,
    aboutIds: s.aboutIds,
  }));
  const keyRows = statements.map((s) => ({ id: s.id, keys: statementKeys(s) })).filter((r) => r.keys.length > 0);
  const lookups = statements.map((s) => ({ id: s.id, keys: statementLookupKeys(s) })).filter((r) => r.keys.length > 0);
  let plan: ClaimPlan = { created: [], links: [], touched: [], contradictions: [] };
  if (lookups.length > 0) {
    const rows = await statementCandidates(store, { stmts: lookups, articleId, cap: BAND_CAP, budget: CANDIDATE_BUDGET });
    plan = planClaims(articleId, statements, rows.map(candidate));
    // A link that creates its claim carries the claim's text (one round trip for new claims and links).
    const texts = new Map(plan.created.map((c) => [c.id, c.text]));
    const links = plan.links.map((l) => ({ ...l, text: texts.get(l.claimId) ?? null }));
    if (links.length > 0) await linkClaims(store, links);
    if (plan.contradictions.length > 0) await linkContradictions(store, plan.contradictions);
  }

  // Counts: the claims touched here, and those of older articles that became copies of this one.
  const touched = new Set(plan.touched);
  const becameCopies = republishes.filter((l) => l.from !== articleId).map((l) => l.from);
  if (becameCopies.length > 0) {
    for (const r of await claimsOfArticles(store, becameCopies)) touched.add(r.id);
  }
  if (touched.size > 0) await refreshClaimStats(store, [...touched]);

  // Last, in one round trip: the alias index, the band keys, the completion mark. The article's names for its
  // actors (NAMED) were written with the article itself (WRITE.linkNamed).
  const actors = graph.actors.map((a) => ({ actorId: a.id, keys: indexKeys(a) })).filter((r) => r.keys.length > 0);
  await finishClaimsArticle(store, { articleId, actors, articleKeys: aKeys, statements: keyRows, version: CLAIMS_VERSION, bandMembersCap: BAND_MEMBERS_CAP });
  return { claims: plan.touched, republishes, contradictions: plan.contradictions.length };
}

/**
 * Where an article stands: not stored; stored with its claims step done;
 * or stored without it (a crash between the article write and the claims
 * step, or a store written before claims existed). One indexed read.
 */
export async function claimsState(store: ClaimsStore, articleId: string): Promise<'absent' | 'done' | 'pending'> {
  const version = await articleClaimsVersion(store, articleId);
  if (version === undefined) return 'absent';
  return version >= CLAIMS_VERSION ? 'done' : 'pending';
}

/** Recomputes the stored counts of some claims from their members. */
export async function refreshClaimStats(store: ClaimsStore, claimIds: string[]): Promise<void> {
  const members: ClaimMember[] = (await claimMembers(store, claimIds)).map((r) => ({
    claimId: r.claimId,
    statementId: r.statementId,
    articleId: r.articleId,
    sourceId: r.sourceId,
    articleDate: r.articleDate,
    originId: chainEnd(r.chain, r.copies),
    speakerName: r.speakerName,
  }));
  const rows = claimStats(members);
  if (rows.length > 0) await setClaimStats(store, rows);
}

/** A stored statement as the claims plan reads it: its first speaker and first claim (a statement has at most one of each). */
function candidate(r: StatementCandidateRow): Candidate {
  return {
    id: r.id,
    articleId: r.articleId,
    content: r.content ?? '',
    cueClass: r.cueClass,
    saidAt: r.saidAt,
    saidAtPrecision: r.saidAtPrecision ?? 'unknown',
    articleDate: r.articleDate,
    speakerId: r.speakerIds[0] ?? null,
    speakerName: r.speakerNames[0] ?? null,
    direct: r.direct === true,
    aboutIds: [...r.aboutIds],
    claimId: r.claimIds[0] ?? null,
    claimSpeakers: [...(r.claimSpeakers[0] ?? [])],
  };
}

function storedActor(r: ActorRow): StoredActor {
  return { id: r.id, name: r.name, kind: r.kind, aliases: [...(r.aliases ?? [])], roles: [...(r.roles ?? [])] };
}

/**
 * The origin of an article from its REPUBLISHES chain: the chain's article
 * that copies no other (one outgoing link per article, so there is one);
 * null for an original, or a chain longer than the query follows.
 */
function chainEnd(chain: string[], copies: string[]): string | null {
  const copying = new Set(copies);
  return chain.find((id) => !copying.has(id)) ?? null;
}
