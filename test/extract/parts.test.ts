import { describe, expect, test } from 'vitest';
import { extractStrict } from '../../server/extract/index.js';

// Invented sentences. One utterance interrupted by its attribution is one statement whose
// content has parts (the spans of each piece); its text is the pieces joined by a space.
const run = (text: string) => extractStrict(text, { publishedAt: '2025-03-04' }).statements;

describe('one utterance interrupted by its attribution', () => {
  test.each([
    {
      name: 'two quotations around the cue in one sentence',
      text: '"The pumps failed twice," Ines Varga said, "and nobody came to fix them."',
      parts: ['The pumps failed twice,', 'and nobody came to fix them.'], speaker: 'Ines Varga', direct: true,
    },
    {
      name: 'the quotation goes on in the next sentence of the paragraph',
      text: '"The pumps failed twice," Ines Varga said. "Nobody came to fix them."',
      parts: ['The pumps failed twice,', 'Nobody came to fix them.'], speaker: 'Ines Varga', direct: true,
    },
    {
      name: 'a parenthetical attribution inside reported speech',
      text: 'The new tariff, Ines Varga said, would hurt small farms first.',
      parts: ['The new tariff', 'would hurt small farms first'], speaker: 'Ines Varga', direct: false,
    },
  ])('$name', ({ text, parts, speaker, direct }) => {
    const st = run(text);
    expect(st).toHaveLength(1);
    expect(st[0]!.content.parts?.map((p) => text.slice(...p))).toEqual(parts);
    expect(st[0]!.content.text).toBe(parts.join(' '));
    expect([st[0]!.speaker?.name, st[0]!.direct]).toEqual([speaker, direct]);
  });

  test.each([
    { name: 'a new paragraph is not the same utterance', text: '"The pumps failed twice," Ines Varga said.\n"Nobody came to fix them."', count: 2 },
    { name: 'a participle cue after the comma is a second statement', text: 'Prices will rise, Ines Varga said, adding that farms would suffer.', count: 2 },
  ])('$name', ({ text, count }) => {
    const st = run(text);
    expect(st.filter((s) => s.content.parts)).toEqual([]);
    expect(st).toHaveLength(count);
  });
});

describe('a question or exclamation ending a quotation keeps its tag', () => {
  test.each([
    { text: '"Who will pay for the levee?" Tomas Reyes asked.', speaker: 'Tomas Reyes', content: 'Who will pay for the levee?' },
    { text: '"Not one more cut!" Tomas Reyes shouted at the rally.', speaker: 'Tomas Reyes', content: 'Not one more cut!' },
    { text: '"Is the plan dead?" Tomas Reyes said.', speaker: 'Tomas Reyes', content: 'Is the plan dead?' },
  ])('$text', ({ text, speaker, content }) => {
    expect(run(text).map((s) => [s.speaker?.name, s.content.text])).toEqual([[speaker, content]]);
  });
});
