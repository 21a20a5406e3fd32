import type { ArticleGraph, GraphStore, Row } from '../graph/types.js';
import { CLAIMS } from '../graph/queries/claims.js';
import { applyIdentity, indexKeys, lookupKeys, resolveActor, type StoredActor } from './identity.js';
import { articleKeys, statementKeys } from './keys.js';
import { claimStats, planClaims, type Candidate, type ClaimMember, type ClaimPlan } from './plan.js';
import { planRepublication, type RepublishLink } from './republication.js';
import type { ClaimStatement } from './similarity.js';

/**
 * The claims step's thin I/O shell. The decisions are the pure functions of
 * identity.ts, plan.ts and republication.ts; this file only runs the
 * graph component's CLAIMS queries through a GraphStore (it writes no
 * Cypher), each one an indexed lookup or a batched UNWIND, a fixed number of
 * round trips per article whatever the size of the store.
 */

/** What the claims step needs of a store. */
export type ClaimsStore = Pick<GraphStore, 'run'>;

/** Bumped when the claims step changes what it writes; stored on each Article it completed. */
export const CLAIMS_VERSION = 1;

/** Nodes read per band key at most (see queries/claims.ts). */
export const BAND_CAP = 50;

/**
 * Maps the actors of a new article onto stored actors through the alias
 * index (before the article is written, so its statements land on the
 * resolved actors). Returns the graph unchanged when nothing resolves.
 */
export async function resolveActors(store: ClaimsStore, graph: ArticleGraph): Promise<ArticleGraph> {
  const keys = [...new Set(graph.actors.flatMap(lookupKeys))];
  if (keys.length === 0) return graph;
  const found = new Map<string, StoredActor[]>();
  for (const r of await store.run(CLAIMS.lookupAliases, { keys })) {
    const key = String(r.key);
    found.set(key, [...(found.get(key) ?? []), storedActor(r)]);
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

  // Identity: index the article's actors under their alias keys; keep the article's names and roles for them.
  const aliasRows = graph.actors.flatMap((a) => indexKeys(a).map((key) => ({ key, actorId: a.id })));
  if (aliasRows.length > 0) await store.run(CLAIMS.indexAliases, { rows: aliasRows });
  const named = graph.actors.filter((a) => a.aliases.length > 0 || a.roles.length > 0);
  if (named.length > 0) {
    await store.run(CLAIMS.nameActors, { articleId, rows: named.map((a) => ({ actorId: a.id, aliases: a.aliases, roles: a.roles })) });
  }

  // Republication: near-duplicate articles through the article band keys, checked exactly.
  const date = graph.article.publishedAt ?? graph.article.retrievedAt;
  const aKeys = articleKeys(graph.article.text);
  let republishes: RepublishLink[] = [];
  if (aKeys.length > 0) {
    const rows = await store.run(CLAIMS.articleCandidates, { keys: aKeys, id: articleId, cap: BAND_CAP });
    republishes = planRepublication(
      { id: articleId, text: graph.article.text, date },
      rows.map((r) => ({ id: String(r.id), text: String(r.text ?? ''), date: str(r.date), republishes: str(r.republishes) })),
    );
    if (republishes.length > 0) await store.run(CLAIMS.linkRepublishes, { links: republishes });
    await store.run(CLAIMS.indexArticle, { id: articleId, keys: aKeys });
  }

  // Claims and contradiction candidates through the statement band keys.
  const statements: ClaimStatement[] = graph.statements.map((s) => ({
    id: s.id,
    articleId,
    content: s.content,
    cueClass: s.cueClass,
    saidAt: s.saidAt,
    saidAtPrecision: s.saidAtPrecision,
    articleDate: date,
    speakerId: s.speakerId,
    aboutIds: s.aboutIds,
  }));
  const keyRows = statements.map((s) => ({ id: s.id, keys: statementKeys(s) })).filter((r) => r.keys.length > 0);
  const sKeys = [...new Set(keyRows.flatMap((r) => r.keys))];
  let plan: ClaimPlan = { created: [], links: [], touched: [], contradictions: [] };
  if (sKeys.length > 0) {
    const rows = await store.run(CLAIMS.statementCandidates, { keys: sKeys, articleId, cap: BAND_CAP });
    plan = planClaims(articleId, statements, rows.map(candidate));
    if (plan.created.length > 0) await store.run(CLAIMS.createClaims, { claims: plan.created });
    if (plan.links.length > 0) await store.run(CLAIMS.linkClaims, { links: plan.links });
    if (plan.contradictions.length > 0) await store.run(CLAIMS.linkContradictions, { links: plan.contradictions });
    await store.run(CLAIMS.indexStatements, { rows: keyRows });
  }

  // Counts: the claims touched here, and those of older articles that became copies of this one.
  const touched = new Set(plan.touched);
  const becameCopies = republishes.filter((l) => l.from !== articleId).map((l) => l.from);
  if (becameCopies.length > 0) {
    for (const r of await store.run(CLAIMS.claimsOfArticles, { ids: becameCopies })) touched.add(String(r.id));
  }
  if (touched.size > 0) await refreshClaimStats(store, [...touched]);

  await store.run(CLAIMS.markArticle, { id: articleId, version: CLAIMS_VERSION });
  return { claims: plan.touched, republishes, contradictions: plan.contradictions.length };
}

/** Whether the claims step completed for a stored article (false for one written before a crash, or by an older version). */
export async function claimsDone(store: ClaimsStore, articleId: string): Promise<boolean> {
  const [row] = await store.run(CLAIMS.articleClaimsVersion, { id: articleId });
  return Number(row?.claimsVersion ?? 0) >= CLAIMS_VERSION;
}

/** Recomputes the stored counts of some claims from their members. */
export async function refreshClaimStats(store: ClaimsStore, claimIds: string[]): Promise<void> {
  const members: ClaimMember[] = (await store.run(CLAIMS.claimMembers, { ids: claimIds })).map((r) => ({
    claimId: String(r.claimId),
    statementId: String(r.statementId),
    articleId: String(r.articleId),
    sourceId: str(r.sourceId),
    articleDate: str(r.articleDate),
    originId: str(r.originId),
  }));
  const rows = claimStats(members);
  if (rows.length > 0) await store.run(CLAIMS.setClaimStats, { rows });
}

function candidate(r: Row): Candidate {
  return {
    id: String(r.id),
    articleId: String(r.articleId),
    content: String(r.content ?? ''),
    cueClass: str(r.cueClass),
    saidAt: str(r.saidAt),
    saidAtPrecision: str(r.saidAtPrecision) ?? 'unknown',
    articleDate: str(r.articleDate),
    speakerId: str(r.speakerId),
    aboutIds: Array.isArray(r.aboutIds) ? r.aboutIds.map(String) : [],
    claimId: str(r.claimId),
  };
}

function storedActor(r: Row): StoredActor {
  return {
    id: String(r.id),
    name: String(r.name),
    kind: String(r.kind),
    aliases: Array.isArray(r.aliases) ? r.aliases.map(String) : [],
    roles: Array.isArray(r.roles) ? r.roles.map(String) : [],
  };
}

function str(x: unknown): string | null {
  return x === null || x === undefined ? null : String(x);
}
