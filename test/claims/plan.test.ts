import { describe, expect, test } from 'vitest';
import { claimId, claimStats, planClaims, type Candidate } from '../../server/claims/plan.js';
import type { ClaimStatement } from '../../server/claims/similarity.js';

function st(id: string, articleId: string, content: string, extra: Partial<Candidate> = {}): Candidate {
  return { id, articleId, content, cueClass: 'say', saidAt: null, saidAtPrecision: 'unknown', articleDate: '2025-08-21', speakerId: 'act_p', aboutIds: ['act_t'], claimId: null, ...extra };
}
const SINCERE = "Trump's 'sincere' desire to achieve peace";
const PRESIDENT = "the US president's 'sincere' desire to achieve peace";

describe('planClaims', () => {
  test('when a new statement matches an unclaimed stored one, then a claim is made with the stored one first and both join', () => {
    const mine: ClaimStatement[] = [st('stm_new', 'art_2', SINCERE)];
    const plan = planClaims('art_2', mine, [st('stm_old', 'art_1', PRESIDENT, { articleDate: '2025-08-20' })]);
    expect(plan.created).toEqual([{ id: claimId('stm_old'), text: PRESIDENT }]);
    expect(plan.links.map((l) => [l.statementId, l.claimId])).toEqual([
      ['stm_old', claimId('stm_old')],
      ['stm_new', claimId('stm_old')],
    ]);
    expect(plan.touched).toEqual([claimId('stm_old')]);
  });

  test('when a new statement matches a claimed one, then it joins that claim and nothing is created', () => {
    const plan = planClaims('art_3', [st('stm_new', 'art_3', SINCERE)], [st('stm_old', 'art_1', PRESIDENT, { claimId: 'clm_x' }), st('stm_old2', 'art_2', SINCERE, { claimId: 'clm_x' })]);
    expect(plan.created).toEqual([]);
    expect(plan.links.map((l) => [l.statementId, l.claimId])).toEqual([['stm_new', 'clm_x']]);
  });

  test('when the candidates come from the same article, then no claim (claims are cross-article)', () => {
    const plan = planClaims('art_1', [st('stm_a', 'art_1', SINCERE)], [st('stm_b', 'art_1', SINCERE)]);
    expect(plan.links).toEqual([]);
  });

  test('when two new statements match one unclaimed stored one, then one claim is made, not two', () => {
    const plan = planClaims('art_2', [st('stm_n1', 'art_2', SINCERE), st('stm_n2', 'art_2', PRESIDENT)], [st('stm_old', 'art_1', SINCERE)]);
    expect(plan.created).toHaveLength(1);
    expect(new Set(plan.links.map((l) => l.claimId)).size).toBe(1);
    expect(plan.links.map((l) => l.statementId).sort()).toEqual(['stm_n1', 'stm_n2', 'stm_old']);
  });

  test('when a stored statement says the opposite about the same subject, then a contradiction candidate points at it', () => {
    const plan = planClaims('art_2', [st('stm_new', 'art_2', 'Russia will not attend the summit in Alaska', { speakerId: 'act_a' })], [st('stm_old', 'art_1', 'Russia will attend the summit in Alaska', { speakerId: 'act_b' })]);
    expect(plan.links).toEqual([]);
    expect(plan.contradictions).toEqual([{ from: 'stm_new', to: 'stm_old', score: 0.9, reason: 'opposite polarity ("not"); different speakers about the same subject' }]);
  });
});

describe('claimStats', () => {
  test('counts articles, outlets and independent origins: copies count with their original', () => {
    const m = (statementId: string, articleId: string, sourceId: string | null, articleDate: string, originId: string | null = null) => ({ claimId: 'clm_1', statementId, articleId, sourceId, articleDate, originId });
    const stats = claimStats([
      m('s1', 'rt1', 'src_rt', '2025-08-20'),
      m('s2', 'agg1', 'src_agg', '2025-08-21', 'rt1'), // an aggregator's copy of rt1
      m('s3', 'rt2', 'src_rt', '2025-08-19'),
      m('s4', 'blog', null, '2025-08-22'),
    ]);
    expect(stats).toEqual([{ id: 'clm_1', firstSeen: '2025-08-19', lastSeen: '2025-08-22', statements: 4, articles: 4, sources: 2, origins: 3 }]);
  });
});
