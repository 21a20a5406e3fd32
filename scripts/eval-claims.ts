/**
 * Same-claim pair scoring for `npm run eval` (server/claims/eval.ts does the
 * scoring): each gold fixture's document goes through the real pipeline into
 * an in-memory store, and the claims the store ends up with are compared
 * with the fixture's `claims` field, pairs pooled over all fixtures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../server/graph/index.js';
import { CLAIMS } from '../server/graph/queries/claims.js';
import { readInputs } from '../server/ingest/index.js';
import { ingestInputs } from '../server/pipeline/index.js';
import { matchArticle, scoreClaimPairs, type ClaimPairScore, type GoldClaims, type PredictedClaimStatement } from '../server/claims/eval.js';
import { pct } from './eval/format.js';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');
export const CLAIM_FIXTURES = ['seed-page', 'claims-cross', 'claims-real', 'wire-story', 'long-quotes'];

/** Runs every fixture and scores its claims; `pooled` sums the pairs over all fixtures. */
export async function evalClaims(names = CLAIM_FIXTURES): Promise<{ fixtures: Record<string, ClaimPairScore>; pooled: ClaimPairScore }> {
  const fixtures: Record<string, ClaimPairScore> = {};
  for (const name of names) {
    const gold = JSON.parse(readFileSync(join(FIXTURES, `${name}.gold.json`), 'utf8')) as GoldClaims & { document: string; retrievedAt: string };
    const store = await openStore({ backend: 'embedded', path: null });
    try {
      await ingestInputs(store, readInputs([join(FIXTURES, gold.document)], { retrievedAt: gold.retrievedAt }));
      const predicted: PredictedClaimStatement[] = (await store.run(CLAIMS.evalMembers)).map((r) => ({
        claimId: String(r.claimId),
        statementId: String(r.statementId),
        articleIndex: matchArticle(gold, String(r.articleTitle ?? '')),
        speaker: r.speaker === null || r.speaker === undefined ? null : String(r.speaker),
        content: String(r.content ?? ''),
      }));
      fixtures[name] = scoreClaimPairs({ ...gold, claims: gold.claims ?? [] }, predicted);
    } finally {
      await store.close();
    }
  }
  const all = Object.values(fixtures);
  const sum = (k: 'predictedPairs' | 'goldPairs' | 'correctPairs') => all.reduce((s, x) => s + x[k], 0);
  const [p, g, c] = [sum('predictedPairs'), sum('goldPairs'), sum('correctPairs')];
  const pooled: ClaimPairScore = {
    predictedPairs: p,
    goldPairs: g,
    correctPairs: c,
    precision: p === 0 ? null : c / p,
    recall: g === 0 ? null : c / g,
    wrong: all.flatMap((x) => x.wrong),
    missed: all.flatMap((x) => x.missed),
  };
  return { fixtures, pooled };
}

/** Prints the claim scores the way scripts/eval.ts prints extraction scores. */
export async function printClaimsEval(): Promise<void> {
  const { fixtures, pooled } = await evalClaims();
  console.log('\n== same-claim pairs (server/claims)');
  for (const [name, s] of Object.entries(fixtures)) {
    console.log(`${name.padEnd(12)} predicted ${s.predictedPairs}  gold ${s.goldPairs}  correct ${s.correctPairs}  precision ${pct(s.precision)}  recall ${pct(s.recall)}`);
  }
  console.log(`all          precision ${pct(pooled.precision)}  recall ${pct(pooled.recall)}  (${pooled.correctPairs} of ${pooled.predictedPairs} predicted, ${pooled.goldPairs} gold)`);
  for (const [a, b] of pooled.wrong) console.log(`  wrong pair  ${a} + ${b}`);
  for (const [a, b] of pooled.missed) console.log(`  missed pair ${a} + ${b}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await printClaimsEval();
