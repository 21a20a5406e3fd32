import { describe, expect, test } from 'vitest';
import { extractStrict } from '../../server/extract/index.js';

// Invented sentences, one per rule added while measuring on real annotated news (issue 15,
// docs/extraction.md "Second loop"). Each case says what the rule must find and what it must leave alone.
const run = (text: string) => extractStrict(text, { publishedAt: '2025-03-04' }).statements;
const brief = (text: string) => run(text).map((s) => [s.speaker?.name ?? null, s.cue.lemma, s.content.text, s.direct]);

describe('tags of a quotation that were missing from the lexicon', () => {
  test.each([
    { text: '"The bridge stays shut," Odile Marchetti went on.', want: [['Odile Marchetti', 'go on', 'The bridge stays shut,', true]] },
    { text: '"That is a fairy tale," reacted Odile Marchetti.', want: [['Odile Marchetti', 'react', 'That is a fairy tale,', true]] },
    { text: '"Open the gates!" the farmers cried out.', want: [['farmers', 'cry', 'Open the gates!', true]] },
    { text: '"We did it!" Odile Marchetti exclaimed.', want: [['Odile Marchetti', 'exclaim', 'We did it!', true]] },
    { text: 'As Odile Marchetti put it: "The harbour is our bank."', want: [['Odile Marchetti', 'put it', 'The harbour is our bank.', true]] },
  ])('$text', ({ text, want }) => {
    expect(brief(text)).toEqual(want);
  });

  test.each([
    'Odile Marchetti went on holiday to the coast.',
    'The children cried during the long drive.',
    'Odile Marchetti put it on the shelf last week.',
  ])('no statement in "%s"', (text) => {
    expect(run(text)).toEqual([]);
  });
});
