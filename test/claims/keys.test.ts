import { describe, expect, test } from 'vitest';
import { ANCHOR_SHINGLE, ANCHOR_WINDOW, MAX_ANCHORS, anchorKeys, period, statementKeys, statementLookupKeys } from '../../server/claims/keys.js';

// Invented quotes: a long one and fragments of it an outlet might print.
const LONG =
  'We have spent three winters rebuilding the bridges along the river, and the people of the valley deserve to know ' +
  'that the money was spent honestly and that every contract will be published before the spring floods arrive.';

describe('anchorKeys: a short quote inside a long one shares a key', () => {
  test.each([
    { name: 'a 7-word fragment from the middle', fragment: 'the people of the valley deserve to' },
    { name: 'a fragment from the end', fragment: 'every contract will be published before the spring floods arrive' },
    { name: 'a fragment from the start, punctuation differing', fragment: '"We have spent three winters rebuilding the bridges..."' },
    { name: 'a fragment crossing the comma', fragment: 'rebuilding the bridges along the river and the people' },
  ])('$name', ({ fragment }) => {
    const long = new Set(anchorKeys(LONG));
    expect(anchorKeys(fragment).some((k) => long.has(k))).toBe(true);
  });

  test('texts sharing no run of 4 words share no anchor', () => {
    const long = new Set(anchorKeys(LONG));
    expect(anchorKeys('the valley people want the bridges published').some((k) => long.has(k))).toBe(false);
  });

  test('a guarantee of ANCHOR_SHINGLE + ANCHOR_WINDOW - 1 = 7 shared words', () => {
    expect(ANCHOR_SHINGLE + ANCHOR_WINDOW - 1).toBe(7);
  });

  test('at most MAX_ANCHORS keys, none under 4 words', () => {
    const huge = Array.from({ length: 400 }, (_, i) => `w${i}`).join(' ');
    expect(anchorKeys(huge)).toHaveLength(MAX_ANCHORS);
    expect(anchorKeys('three short words')).toEqual([]);
  });
});

describe('statement keys by the statement\'s own time', () => {
  const base = { content: 'the bridges will be rebuilt before the floods', cueClass: 'say', speakerId: 'act_m', aboutIds: [], saidAt: null, saidAtPrecision: 'unknown' };
  const early = { ...base, articleDate: '2025-03-03T09:00:00Z' };
  // Reported 41 days later, the statement's time resolved to the day it was said.
  const late = { ...base, articleDate: '2025-04-13T09:00:00Z', saidAt: '2025-03-03', saidAtPrecision: 'day' };
  const banded = (keys: string[]) => keys.filter((k) => !k.startsWith('q:'));

  test('a late report with a resolved time is filed under both periods', () => {
    const periods = new Set(banded(statementKeys(late)).map((k) => k.split('|')[2]!.split(':')[0]));
    expect(periods).toEqual(new Set([period('2025-03-03'), period('2025-04-13T09:00:00Z')]));
  });

  test('a late report with a resolved time finds the first report through its speaker bands', () => {
    const stored = new Set(banded(statementKeys(early)));
    expect(banded(statementLookupKeys(late)).filter((k) => stored.has(k))).toHaveLength(8);
  });

  test('a late report without a time of its own does not (only its anchors could)', () => {
    const stored = new Set(banded(statementKeys(early)));
    expect(banded(statementLookupKeys({ ...late, saidAt: null, saidAtPrecision: 'unknown' })).filter((k) => stored.has(k))).toHaveLength(0);
  });
});
