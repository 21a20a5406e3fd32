import { describe, expect, test } from 'vitest';
import { canonicalNumbers, clauses, contentWords, jaccard, normalizeContent, normalizeText, overlap, polarForm, shingles, stem } from '../../server/claims/text.js';

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
    ['2600000', '2600000'],
  ])('%s -> %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('canonicalNumbers and normalizeContent: one figure, one form', () => {
  test.each([
    { text: '2.6million voters', expected: '2600000 voters' },
    { text: '2.6 million voters', expected: '2600000 voters' },
    { text: '2,600,000 voters', expected: '2600000 voters' },
    { text: 'a $3bn fund', expected: 'a 3000000000 fund' },
    { text: 'a 3 billion dollar fund', expected: 'a 3000000000 fund' },
    { text: 'three million jobs', expected: '3000000 jobs' },
    { text: '40k troops', expected: '40000 troops' },
    { text: 'up 5% on the year', expected: 'up 5 pct on the year' },
    { text: 'up 5 percent', expected: 'up 5 pct' },
    { text: 'by 3.5 per cent', expected: 'by 3point5 pct' },
    { text: 'in 2016 we', expected: 'in 2016 we' },
  ])('$text -> $expected', ({ text, expected }) => {
    expect(normalizeContent(text)).toBe(expected);
  });

  test('text without figures is left as it was', () => {
    expect(canonicalNumbers('No figures here, none.')).toBe('No figures here, none.');
  });
});

describe('clauses', () => {
  test.each([
    { text: 'I like the plan, but I will not sign it', expected: ['I like the plan', 'but I will not sign it'] },
    { text: 'We talked. Nothing was agreed', expected: ['We talked', 'Nothing was agreed'] },
    { text: 'They left because the talks had failed', expected: ['They left', 'because the talks had failed'] },
    { text: 'One clause only', expected: ['One clause only'] },
  ])('$text', ({ text, expected }) => {
    expect(clauses(text).map((c) => c.trim())).toEqual(expected);
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

  // Polarity per clause: each clause keeps its own negations; some negation words negate nothing.
  test.each([
    { name: 'a negation counts in its own clause only', text: 'I like the plan, but I will not sign it', polarities: [1, -1] },
    { name: '"whether or not" negates nothing', text: 'it depends on whether or not they come', polarities: [1] },
    { name: '"not only" negates nothing', text: 'not only the army but the police', polarities: [1, 1] },
    { name: '"aren\'t just" negates nothing', text: "you aren't just late, you are lost", polarities: [1] },
    { name: 'a clause opening with "not" and a gerund is a subject, not a denial', text: 'Not closing the school keeps the town alive', polarities: [1] },
    { name: '"not" before a gerund later in the clause still negates', text: 'I am not endorsing him', polarities: [-1] },
    { name: 'two sentences, the second negated', text: 'We talked. Nothing was agreed', polarities: [1, -1] },
  ])('$name', ({ text, polarities }) => {
    expect(polarForm(text).clauses.map((c) => c.polarity)).toEqual(polarities);
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
