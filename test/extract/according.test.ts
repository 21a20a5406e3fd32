import { describe, expect, test } from 'vitest';
import { extractStrict } from '../../server/extract/index.js';

// Invented sentences; expected values worked out by hand.
const rows = (text: string) => extractStrict(text, { publishedAt: '2025-03-04' }).statements
  .map((s) => [s.speaker?.mention ?? null, s.speaker?.kind ?? null, s.content.text, s.direct]);

describe('"according to" with sources that are not a known name', () => {
  test.each([
    {
      name: 'a long source before the content',
      text: 'According to a new study by the Lakeshore Water Board, the reservoir will run dry by 2031.',
      out: [['a new study by the Lakeshore Water Board', 'other', 'the reservoir will run dry by 2031', false]],
    },
    {
      name: 'a lowercase source after the content',
      text: 'The bypass cost $90 million in its first year, according to county accounts.',
      out: [['county accounts', 'other', 'The bypass cost $90 million in its first year', false]],
    },
    {
      name: 'a quotation as the content is direct',
      text: 'According to Halloran, "the budget hole is bigger than anyone admits."',
      out: [['Halloran', 'other', 'the budget hole is bigger than anyone admits.', true]],
    },
  ])('$name', ({ text, out }) => {
    expect(rows(text)).toEqual(out);
  });

  test('a medium of another cue is not a second source', () => {
    const text = 'The growers union called for an inquiry, according to a statement released on Monday.';
    expect(rows(text).map((r) => r[0])).toEqual(['The growers union']);
  });
});
