import { describe, expect, test } from 'vitest';
import { scoreClaimPairs, tokenF1, type GoldClaims } from '../../server/claims/eval.js';

const GOLD: GoldClaims = {
  actors: [{ name: 'Vladimir Putin', aliases: ['Putin'] }],
  articles: [
    { title: 'One', statements: [{ id: 'a1', speaker: 'Vladimir Putin', speakerAlt: ['Russian officials'], content: "the US president's 'sincere' desire to achieve peace" }, { id: 'a2', speaker: 'Vladimir Putin', content: 'talks should continue' }] },
    { title: 'Two', statements: [{ id: 'b1', speaker: 'Vladimir Putin', content: "Trump's 'sincere' desire to achieve peace" }] },
  ],
  claims: [{ id: 'c', statements: ['a1', 'b1'] }],
};

describe('tokenF1', () => {
  test.each([
    { a: 'a b c', b: 'a b c', f1: 1 },
    { a: 'a b', b: 'a b c d', f1: (2 * 1 * 0.5) / 1.5 },
    { a: 'x', b: 'y', f1: 0 },
  ])('"$a" vs "$b"', ({ a, b, f1 }) => {
    expect(tokenF1(a, b)).toBeCloseTo(f1, 10);
  });
});

describe('scoreClaimPairs', () => {
  test('when the predicted claim holds the gold pair, then precision and recall are 1', () => {
    const s = scoreClaimPairs(GOLD, [
      { claimId: 'x', statementId: 'p1', articleIndex: 0, speaker: 'Putin', content: "the US president's 'sincere' desire to achieve peace" },
      { claimId: 'x', statementId: 'p2', articleIndex: 1, speaker: 'Vladimir Putin', content: "Trump's 'sincere' desire to achieve peace" },
    ]);
    expect(s).toMatchObject({ predictedPairs: 1, goldPairs: 1, correctPairs: 1, precision: 1, recall: 1, wrong: [], missed: [] });
  });

  test('when a predicted pair is wrong, then it lowers precision and the gold pair is missed', () => {
    const s = scoreClaimPairs(GOLD, [
      { claimId: 'x', statementId: 'p1', articleIndex: 0, speaker: 'Putin', content: 'talks should continue' },
      { claimId: 'x', statementId: 'p2', articleIndex: 1, speaker: 'Putin', content: "Trump's 'sincere' desire to achieve peace" },
    ]);
    expect(s).toMatchObject({ predictedPairs: 1, correctPairs: 0, precision: 0, recall: 0, wrong: [['a2', 'b1']], missed: [['a1', 'b1']] });
  });

  test('when nothing is predicted, then precision is undefined (null) and recall 0', () => {
    expect(scoreClaimPairs(GOLD, [])).toMatchObject({ precision: null, recall: 0 });
  });

  test('when a predicted statement matches no gold statement, then its pair counts against precision', () => {
    const s = scoreClaimPairs(GOLD, [
      { claimId: 'x', statementId: 'p1', articleIndex: 0, speaker: 'Someone', content: "the US president's 'sincere' desire to achieve peace" },
      { claimId: 'x', statementId: 'p2', articleIndex: 1, speaker: 'Putin', content: "Trump's 'sincere' desire to achieve peace" },
    ]);
    expect(s.wrong).toEqual([['?p1', 'b1']]);
  });

  test.each([
    { name: 'a speaker-less gold statement matches a speaker-less prediction', gold: null, predicted: null, wrong: [] as string[][] },
    { name: 'a speaker-less gold statement does not match a named prediction', gold: null, predicted: 'Putin', wrong: [['?p2', 'a1']] },
  ])('$name', ({ gold, predicted, wrong }) => {
    const g: GoldClaims = { ...GOLD, articles: [GOLD.articles[0]!, { title: 'Two', statements: [{ id: 'b1', speaker: gold, content: "Trump's 'sincere' desire to achieve peace" }] }] };
    const s = scoreClaimPairs(g, [
      { claimId: 'x', statementId: 'p1', articleIndex: 0, speaker: 'Putin', content: "the US president's 'sincere' desire to achieve peace" },
      { claimId: 'x', statementId: 'p2', articleIndex: 1, speaker: predicted, content: "Trump's 'sincere' desire to achieve peace" },
    ]);
    expect(s.wrong).toEqual(wrong);
  });
});
