/**
 * The actors component: decisions about who is who across the store. User
 * merges and splits (MergeDecision nodes applied as SAME_AS pointers, one
 * unit of the write queue each) and the identity re-run over a whole store
 * after a rule change. The per-article identity rules (alias keys, name
 * forms) live with the claims step that applies them (server/claims/identity.ts);
 * the canonical folding of query rows for the API is server/api/canonical.ts.
 */
export { mergeActors, splitActor, applyDecisions, toDecision, type MergeDecision } from './merge.js';
export { rerunIdentity, RERUN_NOTE, type RerunSummary } from './rerun.js';
