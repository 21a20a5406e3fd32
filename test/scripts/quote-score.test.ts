import { describe, expect, test } from 'vitest';
import { charset, greedyMatch, prf, scorePairs, scoreRecords, type ScoredQuote } from '../../scripts/quote-score.js';

// An invented article; offsets counted by hand (see the comments).
const text = '"The dam will hold," Ilse Marn said. Tomas Rike said the river was rising fast.';
//            0         1         2         3         4         5         6         7
//            0123456789012345678901234567890123456789012345678901234567890123456789012345678
const marn: [number, number] = [21, 30]; // Ilse Marn
const rike: [number, number] = [37, 47]; // Tomas Rike
const dam: [number, number] = [1, 18]; // The dam will hold
const river: [number, number] = [53, 78]; // the river was rising fast

describe('charset trims quotation marks and edge punctuation', () => {
  test.each([
    { name: 'marks and comma around the words', span: [0, 20] as [number, number], size: 17 },
    { name: 'the bare words', span: dam, size: 17 },
    { name: 'only punctuation', span: [18, 20] as [number, number], size: 0 },
  ])('$name', ({ span, size }) => {
    expect(charset(text, [span]).size).toBe(size);
  });
});

describe('greedy one-to-one matching', () => {
  test('each gold content is matched once, best Jaccard first', () => {
    const g = [new Set([1, 2, 3, 4])];
    const p = [new Set([1, 2, 3]), new Set([1, 2, 3, 4])];
    expect(greedyMatch(g, p, 0.5)).toEqual([[0, 1, 1]]);
  });
  test('below the threshold nothing matches', () => {
    expect(greedyMatch([new Set([1, 2, 3, 4])], [new Set([4, 5, 6, 7])], 0.5)).toEqual([]);
  });
});

describe('precision, recall and F1 are rounded to one decimal like the reference', () => {
  test.each([
    { tp: 1, pred: 3, gold: 3, out: { P: 33.3, R: 33.3, F1: 33.3 } },
    { tp: 0, pred: 0, gold: 2, out: { P: 0, R: 0, F1: 0 } },
    { tp: 2, pred: 2, gold: 4, out: { P: 100, R: 50, F1: 66.7 } },
  ])('$tp of $pred predicted, $gold gold', ({ tp, pred, gold, out }) => {
    expect(prf(tp, pred, gold)).toEqual(out);
  });
});

describe('end-to-end scoring', () => {
  const gold: ScoredQuote[] = [
    { contentSpan: dam, speakerSpan: marn, direct: true },
    { contentSpan: river, speakerSpan: rike, direct: false },
  ];
  test.each([
    {
      name: 'both right, quote marks included in the prediction',
      pred: [{ contentSpan: [0, 20], speakerSpan: marn, direct: true }, { contentSpan: river, speakerSpan: rike, direct: false }],
      e2e: 100, content: 100, speaker: 100, directE2e: 100,
    },
    {
      name: 'right content, wrong speaker for the second',
      pred: [{ contentSpan: dam, speakerSpan: marn, direct: true }, { contentSpan: river, speakerSpan: marn, direct: false }],
      e2e: 50, content: 100, speaker: 50, directE2e: 100,
    },
    {
      name: 'a direct quote not labelled direct does not count among direct quotes',
      pred: [{ contentSpan: dam, speakerSpan: marn, direct: false }],
      e2e: 66.7, content: 66.7, speaker: 100, directE2e: 0,
    },
    {
      name: 'content given as two parts',
      pred: [{ contentFragments: [[1, 8], [9, 18]], speakerSpan: marn, direct: true }],
      e2e: 66.7, content: 66.7, speaker: 100, directE2e: 100,
    },
  ] as { name: string; pred: ScoredQuote[]; e2e: number; content: number; speaker: number; directE2e: number }[])('$name', ({ pred, e2e, content, speaker, directE2e }) => {
    const all = scorePairs([{ text, gold, pred }]);
    expect(all.e2e_j50.F1).toBe(e2e);
    expect(all.content_j50.F1).toBe(content);
    expect(all.speaker_acc_on_j50).toBe(speaker);
    expect(scorePairs([{ text, gold, pred }], true).e2e_j50.F1).toBe(directE2e);
  });

  test('records are scored by id; an article with no prediction counts as all missed', () => {
    const s = scoreRecords([{ id: 'a', text, quotes: gold }, { id: 'b', text, quotes: gold }], new Map([['a', gold]]));
    expect(s.e2e_j50).toEqual({ P: 100, R: 50, F1: 66.7 });
  });
});
