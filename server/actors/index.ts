/**
 * The actors component: who is who across the store.
 * - Identity rules (pure, identity.ts, names.ts, model/): name forms, alias
 *   keys, article-scoped generic actors, resolving a new article's actors
 *   onto stored ones; the claims step applies them before an article is
 *   written (server/claims resolveActors).
 * - User merges and splits (MergeDecision nodes applied as SAME_AS pointers,
 *   one unit of the write queue each) and the identity re-run over a whole
 *   store after a rule change.
 * - Canonical folding (canonical.ts): merged actors as the API shows them.
 * Nothing here imports server/claims: claims imports these rules, never the
 * reverse.
 */
export { parsePersonName, indexKeys, lookupKeys, resolveActor, applyIdentity, otherNameKey, isArticleScoped, graphActorId, type StoredActor, type NameForm, type Resolution } from './identity.js';
export { normalizeText } from './names.js';
export { SPELLING_VARIANTS } from './model/variants.js';
export { ActorMap, loadActorMap, type ActorRef } from './canonical.js';
export { mergeActors, splitActor, applyDecisions, toDecision, type MergeDecision } from './merge.js';
export { rerunIdentity, RERUN_NOTE, type RerunSummary } from './rerun.js';
