/**
 * Scoring of same-claim pairs against a hand-made gold file (the seed
 * page's `claims` field). Pure: `scripts/eval-claims.ts` runs the pipeline
 * and hands the predicted claims here.
 *
 * A predicted statement stands for the gold statement of the same article
 * it matches by the gold file's own rule (speaker name or alias or accepted
 * alternative; token F1 of the contents >= 0.5). Every pair of statements
 * in one predicted claim is a predicted pair; every pair in one gold claim
 * is a gold pair. Precision: predicted pairs that are gold pairs; a pair with
 * a statement matching no gold statement counts against precision. Recall:
 * gold pairs predicted.
 */
import { isRoleOnly } from './speakers.js';

export interface GoldClaims {
  actors: Array<{ name: string; aliases: string[] }>;
  /** A statement's speaker is null when the article names none (a quote printed with only a role or nothing). */
  articles: Array<{ title: string; statements: Array<{ id: string; speaker: string | null; speakerAlt?: string[]; content: string }> }>;
  claims: Array<{ id: string; statements: string[] }>;
}

export interface PredictedClaimStatement {
  claimId: string;
  statementId: string;
  /** Index of the gold article this statement's article matched (by title), or null. */
  articleIndex: number | null;
  speaker: string | null;
  content: string;
}

export interface ClaimPairScore {
  predictedPairs: number;
  goldPairs: number;
  correctPairs: number;
  /** null when nothing was predicted (undefined, not perfect). */
  precision: number | null;
  recall: number | null;
  /** Predicted pairs that are not gold pairs, as gold ids (or "?" + statement id when unmatched). */
  wrong: Array<[string, string]>;
  /** Gold pairs not predicted. */
  missed: Array<[string, string]>;
}

/** Word tokens as the gold file's matching rule defines them: lowercased, punctuation dropped. */
export function goldTokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
}

/** Token F1 between two texts (multiset overlap). */
export function tokenF1(a: string, b: string): number {
  const ta = goldTokens(a);
  const tb = goldTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common += 1;
      counts.set(t, n - 1);
    }
  }
  if (common === 0) return 0;
  const p = common / ta.length;
  const r = common / tb.length;
  return (2 * p * r) / (p + r);
}

/** Index of the gold article a predicted article title stands for, or null. */
export function matchArticle(gold: GoldClaims, title: string): number | null {
  const norm = (t: string) => goldTokens(t).join(' ');
  const i = gold.articles.findIndex((a) => norm(a.title) === norm(title));
  return i === -1 ? null : i;
}

/** Scores predicted claims against the gold claims. */
export function scoreClaimPairs(gold: GoldClaims, predicted: readonly PredictedClaimStatement[]): ClaimPairScore {
  const names = new Map<string, Set<string>>();
  for (const a of gold.actors) names.set(a.name, new Set([a.name, ...a.aliases].map((x) => x.toLowerCase())));
  const speakerMatches = (goldSpeaker: string | null, alt: string[] | undefined, predictedSpeaker: string | null) => {
    // A quote the article attributes only to a role ("the minister") has no named speaker in the gold; the
    // extractor makes such a described phrase an actor of its own (issue 15), which is the same reading.
    if (goldSpeaker === null) return predictedSpeaker === null || isRoleOnly(predictedSpeaker);
    if (predictedSpeaker === null) return false;
    const p = predictedSpeaker.toLowerCase();
    return [goldSpeaker, ...(alt ?? [])].some((g) => (names.get(g) ?? new Set([g.toLowerCase()])).has(p));
  };
  const goldIdOf = (s: PredictedClaimStatement): string => {
    if (s.articleIndex === null) return `?${s.statementId}`;
    let best: { id: string; f1: number } | null = null;
    for (const g of gold.articles[s.articleIndex]?.statements ?? []) {
      if (!speakerMatches(g.speaker, g.speakerAlt, s.speaker)) continue;
      const f1 = tokenF1(s.content, g.content);
      if (f1 >= 0.5 && (best === null || f1 > best.f1)) best = { id: g.id, f1 };
    }
    return best?.id ?? `?${s.statementId}`;
  };

  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const goldPairs = new Set<string>();
  for (const c of gold.claims) for (const [a, b] of pairs(c.statements)) goldPairs.add(key(a, b));

  const byClaim = new Map<string, string[]>();
  for (const s of predicted) byClaim.set(s.claimId, [...(byClaim.get(s.claimId) ?? []), goldIdOf(s)]);
  const predictedPairs = new Set<string>();
  for (const ids of byClaim.values()) for (const [a, b] of pairs(ids)) if (a !== b) predictedPairs.add(key(a, b));

  const correct = [...predictedPairs].filter((p) => goldPairs.has(p));
  const split = (p: string) => p.split('|') as [string, string];
  return {
    predictedPairs: predictedPairs.size,
    goldPairs: goldPairs.size,
    correctPairs: correct.length,
    precision: predictedPairs.size === 0 ? null : correct.length / predictedPairs.size,
    recall: goldPairs.size === 0 ? null : correct.length / goldPairs.size,
    wrong: [...predictedPairs].filter((p) => !goldPairs.has(p)).sort().map(split),
    missed: [...goldPairs].filter((p) => !predictedPairs.has(p)).sort().map(split),
  };
}

function pairs<T>(xs: readonly T[]): Array<[T, T]> {
  const out: Array<[T, T]> = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push([xs[i]!, xs[j]!]);
  return out;
}
