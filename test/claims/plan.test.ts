import { describe, expect, test } from 'vitest';
import { claimId, claimStats, planClaims, type Candidate } from '../../server/claims/plan.js';
import type { ClaimStatement } from '../../server/claims/similarity.js';

function st(id: string, articleId: string, content: string, extra: Partial<Candidate> = {}): Candidate {
  return {
    id, articleId, content, cueClass: 'say', saidAt: null, saidAtPrecision: 'unknown', articleDate: '2025-08-21',
    speakerId: 'act_p', speakerName: 'Pavel Orlov', direct: true, aboutIds: ['act_t'], claimId: null, claimSpeakers: [], ...extra,
  };
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
    const plan = planClaims('art_2', [st('stm_new', 'art_2', 'Russia will not attend the summit in Alaska', { speakerId: 'act_a', speakerName: 'Ada Lind' })], [st('stm_old', 'art_1', 'Russia will attend the summit in Alaska', { speakerId: 'act_b', speakerName: 'Bo Strand' })]);
    expect(plan.links).toEqual([]);
    expect(plan.contradictions).toEqual([{ from: 'stm_new', to: 'stm_old', score: 0.9, reason: 'opposite polarity ("not"); different speakers about the same subject' }]);
  });

  test('when two speakers in one article say opposite things, then the later points at the earlier (no shared subject needed)', () => {
    const plan = planClaims('art_1', [
      st('stm_a', 'art_1', 'the dam is safe for the coming season', { speakerId: 'act_a', speakerName: 'Ada Lind', aboutIds: [] }),
      st('stm_b', 'art_1', 'the dam is not safe for the coming season', { speakerId: 'act_b', speakerName: 'Bo Strand', aboutIds: [] }),
    ], []);
    expect(plan.links).toEqual([]);
    expect(plan.contradictions).toEqual([{ from: 'stm_b', to: 'stm_a', score: 0.85, reason: 'opposite polarity ("not"); different speakers in one article' }]);
  });

  test('when one clause of a long statement is negated and the other statement says the opposite of that clause, then it is a candidate', () => {
    const plan = planClaims('art_2', [st('stm_new', 'art_2', 'Talks went well, but the border crossing will not reopen this winter', { speakerId: 'act_a', speakerName: 'Ada Lind' })], [st('stm_old', 'art_1', 'the border crossing will reopen this winter', { speakerId: 'act_b', speakerName: 'Bo Strand' })]);
    expect(plan.contradictions.map((c) => [c.from, c.to, c.reason])).toEqual([['stm_new', 'stm_old', 'opposite polarity ("not"); different speakers about the same subject']]);
  });
});

// Speaker evidence is weighted, and a claim never joins two different known people.
describe('planClaims: speakers', () => {
  const QUOTE = 'every contract for the bridges will be published before the floods';
  test.each([
    { name: 'a surname and the full name ("Lind" / "Ada Lind"), verbatim', mine: { speakerId: 'act_l', speakerName: 'Lind' }, theirs: { speakerId: 'act_al', speakerName: 'Ada Lind' }, content: QUOTE, joins: true },
    { name: 'a title and the full name ("Ms. Lind" / "Ada Lind"), trimmed', mine: { speakerId: 'act_l', speakerName: 'Ms. Lind' }, theirs: { speakerId: 'act_al', speakerName: 'Ada Lind' }, content: 'every contract for the bridges will be published', joins: true },
    { name: 'no speaker on one side, a long verbatim quote', mine: { speakerId: null, speakerName: null }, theirs: { speakerId: 'act_al', speakerName: 'Ada Lind' }, content: QUOTE, joins: true },
    { name: 'no speaker on one side, a short quote', mine: { speakerId: null, speakerName: null }, theirs: { speakerId: 'act_al', speakerName: 'Ada Lind' }, content: 'contracts published', joins: false },
    { name: 'two different people, the same words', mine: { speakerId: 'act_bs', speakerName: 'Bo Strand' }, theirs: { speakerId: 'act_al', speakerName: 'Ada Lind' }, content: QUOTE, joins: false },
    { name: 'two people sharing a surname', mine: { speakerId: 'act_el', speakerName: 'Erik Lind' }, theirs: { speakerId: 'act_al', speakerName: 'Ada Lind' }, content: QUOTE, joins: false },
    { name: 'names alike but the words only paraphrased', mine: { speakerId: 'act_l', speakerName: 'Lind' }, theirs: { speakerId: 'act_al', speakerName: 'Ada Lind' }, content: 'before the floods, every bridge contract is to be published', joins: false },
  ])('$name', ({ mine, theirs, content, joins }) => {
    const plan = planClaims('art_2', [st('stm_new', 'art_2', content, mine)], [st('stm_old', 'art_1', QUOTE, theirs)]);
    expect(plan.links.map((l) => l.statementId).sort()).toEqual(joins ? ['stm_new', 'stm_old'] : []);
  });

  test('when a speaker-less statement matches a claim of another known person, then it does not bring a second person in', () => {
    // stm_u has no speaker, but its claim is Ada Lind's; Bo Strand's statement repeats the words.
    const stored = [st('stm_u', 'art_1', QUOTE, { speakerId: null, speakerName: null, claimId: 'clm_lind', claimSpeakers: ['Ada Lind'] })];
    const plan = planClaims('art_2', [st('stm_new', 'art_2', QUOTE, { speakerId: 'act_bs', speakerName: 'Bo Strand' })], stored);
    expect(plan.links).toEqual([]);
    expect(plan.created).toEqual([]);
  });

  test('when a speaker-less statement matches two people\'s statements, then it joins one claim and the other person stays out', () => {
    const stored = [
      st('stm_a', 'art_1', QUOTE, { speakerId: 'act_al', speakerName: 'Ada Lind', articleDate: '2025-08-20' }),
      st('stm_b', 'art_3', QUOTE, { speakerId: 'act_bs', speakerName: 'Bo Strand', articleDate: '2025-08-22' }),
    ];
    const plan = planClaims('art_2', [st('stm_new', 'art_2', QUOTE, { speakerId: null, speakerName: null })], stored);
    expect(plan.created).toEqual([{ id: claimId('stm_a'), text: QUOTE }]);
    expect(plan.links.map((l) => l.statementId).sort()).toEqual(['stm_a', 'stm_new']);
  });
});

describe('claimStats', () => {
  test('counts articles, outlets and independent origins: copies count with their original', () => {
    const m = (statementId: string, articleId: string, sourceId: string | null, articleDate: string, originId: string | null = null) => ({ claimId: 'clm_1', statementId, articleId, sourceId, articleDate, originId, speakerName: statementId === 's4' ? null : 'Ada Lind' });
    const stats = claimStats([
      m('s1', 'rt1', 'src_rt', '2025-08-20'),
      m('s2', 'agg1', 'src_agg', '2025-08-21', 'rt1'), // an aggregator's copy of rt1
      m('s3', 'rt2', 'src_rt', '2025-08-19'),
      m('s4', 'blog', null, '2025-08-22'),
    ]);
    expect(stats).toEqual([{ id: 'clm_1', firstSeen: '2025-08-19', lastSeen: '2025-08-22', statements: 4, articles: 4, sources: 2, origins: 3, speakers: ['Ada Lind'] }]);
  });
});
