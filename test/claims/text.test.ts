import { describe, expect, test } from 'vitest';
import { contentWords, jaccard, normalizeText, overlap, polarForm, shingles, stem } from '../../server/claims/text.js';

describe('normalizeText', () => {
  test.each([
    { name: 'possessive dropped, quotes removed', text: "Trump's 'sincere' desire", expected: 'trump sincere desire' },
    { name: 'curly apostrophe contraction closed up', text: 'We don\u2019t agree', expected: 'we dont agree' },
    { name: "won't stays one negation token", text: "They won't come", expected: 'they wont come' },
    { name: 'accents folded', text: 'Élysée Palace', expected: 'elysee palace' },
    { name: 'figures split at separators', text: 'more than 62,000', expected: 'more than 62 000' },
  ])('$name', ({ text, expected }) => {
    expect(normalizeText(text)).toBe(expected);
  });
});

describe('stem', () => {
  test.each([
    ['troops', 'troop'],
    ['allies', 'ally'],
    ['press', 'press'],
    ['crisis', 'crisis'],
    ['status', 'status'],
    ['gas', 'gas'],
  ])('%s -> %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('contentWords', () => {
  test.each([
    { name: 'indirect speech keeps what it asserts', text: "the US president's 'sincere' desire to achieve peace", expected: ['president', 'sincere', 'desire', 'achieve', 'peace'] },
    { name: 'negation is kept (it is not a stopword)', text: 'We will not accept the plan', expected: ['not', 'accept', 'plan'] },
    { name: 'spelling variants folded', text: 'Zelenskyy visited Kyiv', expected: ['zelensky', 'visited', 'kiev'] },
  ])('$name', ({ text, expected }) => {
    expect(contentWords(text)).toEqual(expected);
  });
});

describe('polarForm', () => {
  test.each([
    { name: 'plain assertion is positive', text: 'We accept the plan', cue: 'say', neutral: ['accept', 'plan'], polarity: 1 },
    { name: 'a negation flips', text: 'We will not accept the plan', cue: 'say', neutral: ['accept', 'plan'], polarity: -1 },
    { name: 'a negative antonym flips and maps to its positive member', text: 'We reject the plan', cue: 'say', neutral: ['accept', 'plan'], polarity: -1 },
    { name: 'two flips cancel', text: 'We do not reject the plan', cue: 'say', neutral: ['accept', 'plan'], polarity: 1 },
    { name: 'a denying cue flips', text: 'Israel is blocking aid', cue: 'deny', neutral: ['israel', 'blocking', 'aid'], polarity: -1 },
    { name: 'prefixed antonym', text: 'any Western troop presence is unacceptable', cue: 'say', neutral: ['western', 'troop', 'presence', 'acceptable'], polarity: -1 },
  ])('$name', ({ text, cue, neutral, polarity }) => {
    const f = polarForm(text, cue);
    expect(f.neutral).toEqual(neutral);
    expect(f.polarity).toBe(polarity);
  });
});

describe('shingles and set measures', () => {
  test('word bigrams; a text shorter than n is one shingle', () => {
    expect(shingles(['a', 'b', 'c'], 2)).toEqual(['a b', 'b c']);
    expect(shingles(['a'], 2)).toEqual(['a']);
    expect(shingles([], 2)).toEqual([]);
  });

  test.each([
    { name: 'identical', a: ['x', 'y'], b: ['x', 'y'], j: 1, o: 1 },
    { name: 'contained', a: ['x', 'y'], b: ['x', 'y', 'z', 'w'], j: 0.5, o: 1 },
    { name: 'disjoint', a: ['x'], b: ['y'], j: 0, o: 0 },
    { name: 'the seed page pair', a: ['president', 'sincere', 'desire', 'achieve', 'peace'], b: ['trump', 'sincere', 'desire', 'achieve', 'peace'], j: 4 / 6, o: 4 / 5 },
  ])('jaccard and overlap: $name', ({ a, b, j, o }) => {
    expect(jaccard(new Set(a), new Set(b))).toBeCloseTo(j, 10);
    expect(overlap(new Set(a), new Set(b))).toBeCloseTo(o, 10);
  });
});
