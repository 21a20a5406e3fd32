/**
 * The claims component: what makes claimgraph cross-source.
 * - Actor identity across articles (aliases, spelling variants, metonyms;
 *   namesakes kept apart), decided before an article is written: the
 *   rules are server/actors' (identity.ts); resolveActors runs them here.
 * - Claims: statements in different articles that report the same
 *   utterance, with counts of articles, outlets and independent origins.
 * - Republication: near-duplicate articles linked to the earlier one.
 * - Contradiction candidates between statements, clause by clause, within
 *   and across articles.
 * The decisions are pure functions; `resolveActors` and `updateClaims` run
 * them against a GraphStore through the graph component's CLAIMS queries,
 * with a fixed number of indexed lookups per article. See docs/claims.md.
 */
export { resolveActorsBatch } from './batch.js';
export { resolveActors, updateClaims, updateClaimsBatch, claimsState, refreshClaimStats, CLAIMS_VERSION, BAND_CAP, BAND_MEMBERS_CAP, CANDIDATE_BUDGET, ARTICLE_BUDGET, ALIAS_CAP, type ClaimsStore, type ClaimsUpdate, type ClaimsHooks } from './update.js';
export { sameClaim, contradiction, contentMatch, prepare, type ClaimStatement, type Prepared, type Decision, type ContradictionDecision, type ContentMatch, type MatchKind } from './similarity.js';
export { planClaims, claimStats, claimId, type Candidate, type ClaimPlan, type ClaimMember, type ClaimStats } from './plan.js';
export { planRepublication, copyMatch, type ArticleText, type RepublishLink } from './republication.js';
export type { ComputedArticleKeys } from './update.js';
export { statementKeys, statementLookupKeys, anchorKeys, articleKeys, articleShingles, period } from './keys.js';
export { speakerRelation, namesCompatible, fitsClaimSpeakers, isRoleOnly, type SpeakerRelation, type Speaker } from './speakers.js';
export { minhash, bandKeys, estimateJaccard, lshHitProbability } from './minhash.js';
export { normalizeText, normalizeContent, canonicalNumbers, clauses, words, contentWords, polarForm, shingles, jaccard, overlap, containment } from './text.js';
export { timesCompatible, interval } from './times.js';
export { scoreClaimPairs, type GoldClaims, type PredictedClaimStatement, type ClaimPairScore } from './eval.js';
