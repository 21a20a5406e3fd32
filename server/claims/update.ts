import {
  articleCandidates,
  articleClaimsVersion,
  claimActorsByIds,
  claimMembers,
  claimsOfArticles,
  finishClaimsArticles,
  linkClaims,
  linkContradictions,
  linkRepublishes,
  lookupAliases,
  republishTargets,
  setClaimStats,
  statementCandidates,
  type ArticleGraph,
  type GraphStore,
  type ActorRow,
  type ArticleCandidateRow,
  type StatementCandidateRow,
} from '../graph/index.js';
import { applyIdentity, indexKeys, lookupKeys, resolveActor, type StoredActor } from '../actors/index.js';
import { articleKeys, statementKeys, statementLookupKeys } from './keys.js';
import { claimStats, planClaims, type Candidate, type ClaimLink, type ClaimMember, type ClaimPlan, type ContradictionLink } from './plan.js';
import { BandIndex } from './bands.js';
import { bandsStored, storedBands } from './band-store.js';
import { planRepublication, type RepublishLink } from './republication.js';
import type { ClaimStatement } from './similarity.js';

/**
 * The claims step's thin I/O shell. The decisions are the pure functions of
 * identity rules (server/actors), plan.ts and republication.ts; this file only runs the
 * graph component's claims repository (server/graph/repos/claims.ts; it writes no
 * Cypher), each one an indexed lookup or a batched UNWIND, a fixed number of
 * round trips per batch of articles whatever the size of the store.
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

/** Updates claims, republication links, the alias index and contradiction candidates for one article just written (a batch of one). */
export async function updateClaims(store: ClaimsStore, graph: ArticleGraph): Promise<ClaimsUpdate> {
  return (await updateClaimsBatch(store, [graph]))[0]!;
}

/** Test hooks of the batch step (the crash-recovery tests stop it between its writes). */
export interface ClaimsHooks {
  /** Called when the batch's links are written, before its counts and its last write. */
  afterLinks?: () => void;
  /**
   * Awaited after the step's reads and decisions, before its first write (ingest: the next articles' write, running
   * in the engine meanwhile; the step's writes must not run beside another write: pipeline/batch.ts).
   */
  beforeWrites?: () => Promise<unknown>;
}

/** One article of a batch as the claims step reads it: its statements and keys. */
interface ArticleWork {
  graph: ArticleGraph;
  date: string | null;
  articleKeys: string[];
  statements: ClaimStatement[];
  /** Band keys each statement is written under. */
  keyRows: Array<{ id: string; keys: string[] }>;
  /** Band keys each statement looks its candidates up with. */
  lookups: Array<{ id: string; keys: string[] }>;
  /** Found through the band keys (filled by the in-memory lookups). */
  articleCandidates: string[];
  statementCandidates: string[];
}

/**
 * Updates claims, republication links, the alias index and contradiction
 * candidates for a batch of articles just written, deciding article by
 * article in input order what running updateClaims on each in turn
 * decides, in a fixed number of round trips per batch:
 * - the band keys are held in memory (band-store.ts: read once per
 *   process) and each article's candidates ranked there with the keys the
 *   articles before it add (bands.ts);
 * - the chosen candidates are read by id once, and what an earlier article
 *   of the batch changes in them (a republication, a claim joined, a
 *   claim's known speakers) is carried in memory (BatchState);
 * - the links (republications, claim members, contradictions) are written
 *   together, then the counts of every claim the batch touched are
 *   computed from the stored members once, then the band keys (each new
 *   member's list), the alias index and the completion marks in one last
 *   write.
 * Counting once per batch reads the members as the whole batch left them,
 * which is what a one-by-one run leaves as long as every claim whose count
 * changes is touched by the article that changes it (a statement joining
 * it, one of its articles becoming a copy); test/pipeline/batch.test.ts
 * compares the two graphs.
 *
 * Idempotent: every link is a MERGE on stable ids, counts are recomputed
 * from the members, and the marks are set in the last write, so running it
 * again (after a crash between its writes) finishes the job.
 */
export async function updateClaimsBatch(
  store: ClaimsStore,
  graphs: readonly ArticleGraph[],
  hooks: ClaimsHooks = {},
  computed: ReadonlyArray<ComputedArticleKeys | undefined> = [],
): Promise<ClaimsUpdate[]> {
  if (graphs.length === 0) return [];
  const work = graphs.map((g, k) => articleWork(g, computed[k]));

  // The band keys as they stand (band-store.ts: in memory), then each article's lookups, in order, with the
  // keys of the articles before it added.
  const stored = await storedBands(store);
  const bands = new BandIndex(stored.bands, BAND_MEMBERS_CAP);
  for (const w of work) {
    if (work.length > 1) await giveTurn();
    const id = w.graph.article.id;
    if (w.articleKeys.length > 0) w.articleCandidates = bands.articleCandidates(id, w.articleKeys, BAND_CAP, ARTICLE_BUDGET);
    w.statementCandidates = w.lookups.flatMap((l) => bands.statementCandidates(l.keys, BAND_CAP, CANDIDATE_BUDGET));
    bands.addArticle(id, w.articleKeys);
    for (const r of w.keyRows) bands.addStatement(r.id, r.keys);
  }

  // The candidates, read once by id, and the stored names of the batch's speakers (what a claim's speakers list).
  const articleIds = [...new Set(work.flatMap((w) => w.articleCandidates))];
  const statementIds = [...new Set(work.flatMap((w) => w.statementCandidates))];
  // (The names matter only to a later article of the batch: none for a batch of one.)
  const speakerIds = work.length > 1 ? [...new Set(work.flatMap((w) => w.statements.map((s) => s.speakerId).filter((x): x is string => x !== null)))] : [];
  const articles = new Map((articleIds.length > 0 ? await articleCandidates(store, articleIds) : []).map((r) => [r.id, r]));
  const statements = new Map((statementIds.length > 0 ? await statementCandidates(store, statementIds) : []).map((r) => [r.id, r]));
  const speakerNames = new Map((speakerIds.length > 0 ? await claimActorsByIds(store, speakerIds) : []).map((r) => [r.id, r.name]));
  const state = new BatchState(statements, speakerNames);

  const out: ArticleDecisions[] = [];
  for (const w of work) {
    if (work.length > 1) await giveTurn();
    out.push(claimArticle(w, articles, state));
  }
  await hooks.beforeWrites?.();

  // The links in input order; the counts of every claim touched (and of the claims of articles that became copies);
  // last the band keys, the alias index and the marks. The articles' names for their actors (NAMED) were written with
  // the articles themselves (WRITE.linkNamed).
  const republishes = out.flatMap((u) => u.republishes);
  if (republishes.length > 0) await linkRepublishes(store, republishes);
  if (state.links.length > 0) await linkClaims(store, state.links);
  const contradictions = out.flatMap((u) => u.contradictionLinks);
  if (contradictions.length > 0) await linkContradictions(store, contradictions);
  hooks.afterLinks?.();
  const touched = new Set(out.flatMap((u) => u.claims));
  const becameCopies = [...new Set(out.flatMap((u, k) => u.republishes.filter((l) => l.from !== work[k]!.graph.article.id).map((l) => l.from)))];
  if (becameCopies.length > 0) for (const r of await claimsOfArticles(store, becameCopies)) touched.add(r.id);
  if (touched.size > 0) await refreshClaimStats(store, [...touched].sort());
  const actors = work.flatMap((w) => w.graph.actors.map((a) => ({ actorId: a.id, keys: indexKeys(a) })).filter((r) => r.keys.length > 0));
  const seq = await finishClaimsArticles(store, { ...bands.pending(), actors, articleIds: work.map((w) => w.graph.article.id), version: CLAIMS_VERSION });
  bandsStored(store, stored, bands, seq);
  return out.map(({ claims, republishes: links, contradictions: n }) => ({ claims, republishes: links, contradictions: n }));
}

/**
 * Lets the event loop run between two articles' decisions, so a write the engine runs meanwhile (the next
 * articles', pipeline/batch.ts) is fed its next query instead of waiting for the whole batch's decisions.
 */
function giveTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * What the articles of a batch decided so far, as the next one's candidates
 * show it: republications, claims joined (a statement joins one claim, only
 * when it has none), and each claim's known speakers (the stored names of
 * its members, as the claim's count lists them).
 */
class BatchState {
  /** Article -> the article it now republishes (an article takes one such link, only when it has none). */
  readonly republishes = new Map<string, string>();
  /** The claim links to write, in order; a link that creates its claim carries the claim's text. */
  readonly links: Array<ClaimLink & { text: string | null }> = [];
  private readonly claimOf = new Map<string, string>();
  private readonly speakers = new Map<string, Set<string>>();
  /** Claim -> its speakers as stored when the batch started (from the candidates that belong to it). */
  private readonly storedSpeakers = new Map<string, readonly string[]>();

  constructor(
    private readonly stored: ReadonlyMap<string, StatementCandidateRow>,
    private readonly speakerNames: ReadonlyMap<string, string | null>,
  ) {
    for (const r of stored.values()) if (r.claimIds[0] !== undefined) this.storedSpeakers.set(r.claimIds[0], r.claimSpeakers[0] ?? []);
  }

  /** A candidate statement as read at the batch's start. */
  storedCandidate(id: string): StatementCandidateRow | undefined {
    return this.stored.get(id);
  }

  /** A stored statement as the claims plan reads it now: its first speaker, and the claim it belongs to with that claim's speakers. */
  candidate(r: StatementCandidateRow): Candidate {
    const claimId = r.claimIds[0] ?? this.claimOf.get(r.id) ?? null;
    const known = claimId === null ? undefined : this.speakers.get(claimId);
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
      claimId,
      claimSpeakers: known !== undefined ? [...known].sort() : [...((claimId !== null ? this.storedSpeakers.get(claimId) : undefined) ?? [])],
    };
  }

  /** Records an article's plan: the links to write, the claims its statements joined, and their speakers. */
  planned(plan: ClaimPlan, own: ReadonlyMap<string, ClaimStatement>): void {
    const texts = new Map(plan.created.map((c) => [c.id, c.text]));
    for (const l of plan.links) {
      this.links.push({ ...l, text: texts.get(l.claimId) ?? null });
      if (!this.claimOf.has(l.statementId)) this.claimOf.set(l.statementId, l.claimId);
      let set = this.speakers.get(l.claimId);
      if (set === undefined) this.speakers.set(l.claimId, (set = new Set(this.storedSpeakers.get(l.claimId) ?? [])));
      const name = this.storedSpeaker(l.statementId, own);
      if (name !== null) set.add(name);
    }
  }

  /** The stored name of a statement's speaker: a candidate's as read, a new statement's from its actor. */
  private storedSpeaker(statementId: string, own: ReadonlyMap<string, ClaimStatement>): string | null {
    const row = this.stored.get(statementId);
    if (row !== undefined) return row.speakerNames[0] ?? null;
    const speakerId = own.get(statementId)?.speakerId ?? null;
    return speakerId === null ? null : (this.speakerNames.get(speakerId) ?? null);
  }
}

/** An article's band keys computed by the caller (with its extraction, in a worker thread), and the text they came from. */
export interface ComputedArticleKeys {
  text: string;
  keys: string[];
}

function articleWork(graph: ArticleGraph, computed: ComputedArticleKeys | undefined): ArticleWork {
  const articleId = graph.article.id;
  const date = graph.article.publishedAt ?? graph.article.retrievedAt;
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
  return {
    graph,
    date,
    // Keys computed for another text (the caller's article differs from the written one) are not used.
    articleKeys: computed !== undefined && computed.text === graph.article.text ? computed.keys : articleKeys(graph.article.text),
    statements,
    keyRows: statements.map((s) => ({ id: s.id, keys: statementKeys(s) })).filter((r) => r.keys.length > 0),
    lookups: statements.map((s) => ({ id: s.id, keys: statementLookupKeys(s) })).filter((r) => r.keys.length > 0),
    articleCandidates: [],
    statementCandidates: [],
  };
}

/** One article's decisions: republication, claims and contradictions (written by the caller with the batch's). */
interface ArticleDecisions extends ClaimsUpdate {
  contradictionLinks: ContradictionLink[];
}

/** One article of a batch: republication, claims and contradictions planned from its candidates as the batch left them. */
function claimArticle(w: ArticleWork, articles: ReadonlyMap<string, ArticleCandidateRow>, state: BatchState): ArticleDecisions {
  const articleId = w.graph.article.id;

  // Republication: near-duplicate articles through the article band keys, checked exactly.
  let republishes: RepublishLink[] = [];
  if (w.articleKeys.length > 0) {
    const rows = w.articleCandidates.map((id) => articles.get(id)).filter((r): r is ArticleCandidateRow => r !== undefined);
    republishes = planRepublication(
      { id: articleId, text: w.graph.article.text, date: w.date },
      rows.map((r) => ({ id: r.id, text: r.text ?? '', date: r.date, republishes: r.republishes ?? state.republishes.get(r.id) ?? null })),
    );
    for (const l of republishes) if (!state.republishes.has(l.from)) state.republishes.set(l.from, l.to);
  }

  // Claims and contradiction candidates through the statement band keys.
  let plan: ClaimPlan = { created: [], links: [], touched: [], contradictions: [] };
  if (w.lookups.length > 0) {
    const rows = w.statementCandidates
      .map((id) => state.storedCandidate(id))
      .filter((r): r is StatementCandidateRow => r !== undefined && r.articleId !== articleId);
    plan = planClaims(articleId, w.statements, rows.map((r) => state.candidate(r)));
    state.planned(plan, new Map(w.statements.map((s) => [s.id, s])));
  }
  return { claims: plan.touched, republishes, contradictions: plan.contradictions.length, contradictionLinks: plan.contradictions };
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
  const rows = await claimMembers(store, claimIds);
  const originOf = await chainEnds(store, rows);
  const members: ClaimMember[] = rows.map((r) => ({
    claimId: r.claimId,
    statementId: r.statementId,
    articleId: r.articleId,
    sourceId: r.sourceId,
    articleDate: r.articleDate,
    originId: originOf(r.articleId),
    speakerName: r.speakerName,
  }));
  const stats = claimStats(members);
  if (stats.length > 0) await setClaimStats(store, stats);
}

function storedActor(r: ActorRow): StoredActor {
  return { id: r.id, name: r.name, kind: r.kind, aliases: [...(r.aliases ?? [])], roles: [...(r.roles ?? [])] };
}

/** REPUBLISHES hops followed to an article's origin; a chain longer than this gives no origin. */
export const MAX_CHAIN = 5;

/**
 * The origin of each of some articles: the end of its REPUBLISHES chain, at most MAX_CHAIN hops away (null: it
 * republishes nothing, or the chain goes on beyond). An article takes one such link (the claims step links an
 * article only when it has none), so the chain is a path, read one hop at a time for all the articles at once:
 * each read asks, of the articles some chain has reached, which one each republishes. As the variable-length
 * pattern it replaces (`(a)-[:REPUBLISHES*1..5]->(o)`), a link is taken once: a loop ends at the article whose link
 * was taken already (test/claims/chain-ends.test.ts).
 */
export async function chainEnds(store: ClaimsStore, rows: ReadonlyArray<{ articleId: string; republishes: string | null }>): Promise<(articleId: string) => string | null> {
  const next = new Map<string, string | null>();
  for (const r of rows) next.set(r.articleId, r.republishes);
  /** The end of an article's chain; undefined when a link on the way is not read yet (`unread` gets it). */
  const end = (articleId: string, unread?: Set<string>): string | null | undefined => {
    let at = next.get(articleId) ?? null;
    if (at === null) return null;
    // Articles whose link the walk has taken: a pattern takes a relationship once, so one met again ends the chain.
    const left = new Set([articleId]);
    for (let hop = 1; hop <= MAX_CHAIN; hop++) {
      if (left.has(at)) return at;
      left.add(at);
      const after = next.get(at);
      if (after === undefined) {
        unread?.add(at);
        return undefined;
      }
      if (after === null) return at;
      at = after;
    }
    return null;
  };
  for (let read = 0; read < MAX_CHAIN; read++) {
    const unread = new Set<string>();
    for (const r of rows) end(r.articleId, unread);
    if (unread.size === 0) break;
    const found = new Map((await republishTargets(store, [...unread].sort())).map((r) => [r.id, r.republishes]));
    for (const id of unread) next.set(id, found.get(id) ?? null);
  }
  return (articleId) => end(articleId) ?? null;
}
