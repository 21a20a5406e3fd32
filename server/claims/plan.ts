import { stableId } from '../ids.js';
import { contradiction, prepare, sameClaim, type ClaimStatement } from './similarity.js';
import { fitsClaimSpeakers } from './speakers.js';

/** A stored statement found through a band key, with the claim it already belongs to. */
export interface Candidate extends ClaimStatement {
  claimId: string | null;
  /** The known speaker names of that claim (Claim.speakers), so a claim never takes a second, different person. */
  claimSpeakers: string[];
}

export interface ClaimLink {
  claimId: string;
  statementId: string;
  score: number;
  reason: string;
}

export interface ContradictionLink {
  /** The newer statement. */
  from: string;
  /** The stored statement it contradicts. */
  to: string;
  score: number;
  reason: string;
}

export interface ClaimPlan {
  /** Claims to create: id and the text of their first statement. */
  created: Array<{ id: string; text: string }>;
  /** INSTANCE_OF links to write (new statements, and stored ones joining a new claim). */
  links: ClaimLink[];
  /** Every claim whose counts must be recomputed. */
  touched: string[];
  contradictions: ContradictionLink[];
}

/** Contradiction candidates kept per new statement, best first: enough to review, bounded for hubs. */
export const MAX_CONTRADICTIONS_PER_STATEMENT = 5;

/** A claim's id: a stable hash of its first statement's id, so re-running never renames it. */
export const claimId = (firstStatementId: string) => stableId('clm', firstStatementId);

/**
 * Decides, for the statements of one new article, which claims they belong
 * to and which stored statements they may contradict. Pure: the candidates
 * were read by the caller through indexed band keys.
 *
 * A new statement that matches stored ones (sameClaim) joins the claim of
 * its best-scoring match; when no match has a claim yet, a claim is made
 * with the earliest match as its first statement, and every match joins it.
 * Two existing claims that one statement matches are not merged (merging
 * would rename a claim; docs/claims.md). A claim never takes a speaker
 * whose name clashes with one of its known speakers (speakers.ts), so a
 * speaker-less report cannot chain two different people into one claim.
 * Statements of the same article never form a claim between themselves: a
 * claim is cross-article; they are compared for contradictions.
 */
export function planClaims(articleId: string, statements: readonly ClaimStatement[], candidates: readonly Candidate[]): ClaimPlan {
  const stored = dedupe(candidates.filter((c) => c.articleId !== articleId)).map((c) => ({ c, p: prepare(c) }));
  const claimOf = new Map<string, string>(stored.filter((x) => x.c.claimId !== null).map((x) => [x.c.id, x.c.claimId!]));
  // The known speakers of every claim in sight: stored ones from the candidates, grown as statements join.
  const speakersOf = new Map<string, Set<string>>();
  for (const x of stored) {
    if (x.c.claimId === null) continue;
    const set = speakersOf.get(x.c.claimId) ?? new Set<string>();
    for (const n of x.c.claimSpeakers) set.add(n);
    if (x.c.speakerName !== null) set.add(x.c.speakerName);
    speakersOf.set(x.c.claimId, set);
  }
  const fits = (claim: string, name: string | null) => fitsClaimSpeakers(name, [...(speakersOf.get(claim) ?? [])]);
  const plan: ClaimPlan = { created: [], links: [], touched: [], contradictions: [] };
  const touched = new Set<string>();
  // One claim per statement: a statement already in a claim (stored, or linked earlier in this run) stays there.
  const link = (claim: string, statementId: string, speakerName: string | null, score: number, reason: string) => {
    touched.add(claim);
    if (claimOf.has(statementId)) return;
    claimOf.set(statementId, claim);
    if (speakerName !== null) speakersOf.set(claim, new Set([...(speakersOf.get(claim) ?? []), speakerName]));
    plan.links.push({ claimId: claim, statementId, score, reason });
  };

  const prepared = statements.map((s) => ({ s, p: prepare(s) }));
  for (const [i, { s, p: mine }] of prepared.entries()) {
    const matches = stored
      .map((x) => ({ x, d: sameClaim(mine, x.p) }))
      .filter((m) => m.d.same)
      .sort((a, b) => b.d.score - a.d.score || cmp(a.x.c.id, b.x.c.id));
    if (matches.length > 0) {
      // The best-scoring match whose claim has no other known person than this speaker.
      const claimed = matches.find((m) => claimOf.has(m.x.c.id) && fits(claimOf.get(m.x.c.id)!, s.speakerName));
      const unclaimed = matches.filter((m) => !claimOf.has(m.x.c.id));
      let claim: string | null = null;
      if (claimed) {
        claim = claimOf.get(claimed.x.c.id)!;
      } else if (unclaimed.length > 0) {
        const first = [...unclaimed].sort((a, b) => cmpDate(a.x.c.articleDate, b.x.c.articleDate) || cmp(a.x.c.id, b.x.c.id))[0]!.x.c;
        claim = claimId(first.id);
        plan.created.push({ id: claim, text: first.content });
        speakersOf.set(claim, new Set(first.speakerName !== null ? [first.speakerName] : []));
      }
      if (claim !== null) {
        // The new statement's speaker counts for the claim before its unclaimed matches join it.
        if (s.speakerName !== null) speakersOf.set(claim, new Set([...(speakersOf.get(claim) ?? []), s.speakerName]));
        for (const m of unclaimed) if (fits(claim, m.x.c.speakerName)) link(claim, m.x.c.id, m.x.c.speakerName, m.d.score, m.d.reason);
        const best = (claimed ?? unclaimed[0])!.d;
        link(claim, s.id, s.speakerName, best.score, best.reason);
      }
    }

    // Contradiction candidates: stored statements, and the statements of this article before this one.
    const contra = [
      ...stored.map((x) => ({ to: x.c.id, d: contradiction(mine, x.p) })),
      ...prepared.slice(0, i).map((x) => ({ to: x.s.id, d: contradiction(mine, x.p) })),
    ]
      .filter((x) => x.d.contradicts)
      .sort((a, b) => b.d.score - a.d.score || cmp(a.to, b.to))
      .slice(0, MAX_CONTRADICTIONS_PER_STATEMENT);
    for (const c of contra) plan.contradictions.push({ from: s.id, to: c.to, score: c.d.score, reason: c.d.reason });
  }
  plan.touched = [...touched].sort();
  return plan;
}

/** One statement of a claim with where it was published, for the claim's counts. */
export interface ClaimMember {
  claimId: string;
  statementId: string;
  articleId: string;
  sourceId: string | null;
  /** Published, else retrieved. */
  articleDate: string | null;
  /** The article this one (transitively) republishes, or null when it is an original. */
  originId: string | null;
  /** The statement's speaker name, null when unknown. */
  speakerName: string | null;
}

export interface ClaimStats {
  id: string;
  firstSeen: string | null;
  lastSeen: string | null;
  statements: number;
  articles: number;
  sources: number;
  /** Independent origins: articles counted once with all their copies. */
  origins: number;
  /** Known speaker names of the members, sorted (a new member must fit them: speakers.ts). */
  speakers: string[];
}

/**
 * A claim's counts from its members. `origins` counts each original article
 * once with its republications, so an aggregator page carrying five wire
 * pieces adds nothing to the wire's count; `sources` counts distinct
 * outlets (articles without a known outlet do not count as one).
 */
export function claimStats(members: readonly ClaimMember[]): ClaimStats[] {
  const by = new Map<string, ClaimMember[]>();
  for (const m of members) by.set(m.claimId, [...(by.get(m.claimId) ?? []), m]);
  return [...by.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([id, ms]) => {
      const dates = ms.map((m) => m.articleDate).filter((d): d is string => d !== null).sort();
      return {
        id,
        firstSeen: dates[0] ?? null,
        lastSeen: dates[dates.length - 1] ?? null,
        statements: new Set(ms.map((m) => m.statementId)).size,
        articles: new Set(ms.map((m) => m.articleId)).size,
        sources: new Set(ms.map((m) => m.sourceId).filter((x) => x !== null)).size,
        origins: new Set(ms.map((m) => m.originId ?? m.articleId)).size,
        speakers: [...new Set(ms.map((m) => m.speakerName).filter((x): x is string => x !== null))].sort(),
      };
    });
}

function dedupe(cs: readonly Candidate[]): Candidate[] {
  const m = new Map<string, Candidate>();
  for (const c of cs) if (!m.has(c.id)) m.set(c.id, c);
  return [...m.values()].sort((a, b) => cmp(a.id, b.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return cmp(a, b);
}
