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

describe('speaker written after the cue', () => {
  test.each([
    { text: '"The levy is unfair," said Sen. Wilma Okoro.', speaker: 'Sen. Wilma Okoro' },
    { text: '"The levy is unfair," said veteran union organiser Wilma Okoro.', speaker: 'veteran union organiser Wilma Okoro' },
    { text: '"The levy is unfair," said master of ceremonies Wilma Okoro, who ran the event.', speaker: 'master of ceremonies Wilma Okoro' },
    { text: '"Who pays for the levy?" asked Wilma Okoro.', speaker: 'Wilma Okoro' },
  ])('$text', ({ text, speaker }) => {
    const st = run(text);
    expect(st).toHaveLength(1);
    expect(st[0]!.speaker && text.slice(...st[0]!.speaker.span)).toBe(speaker);
  });

  test('a name after a preposition is not the speaker the description leads to', () => {
    const st = run('"The levy is unfair," said farmers in the valley of Wilma Okoro.');
    expect(st).toHaveLength(1);
    expect(st[0]!.speaker?.name).not.toBe('Wilma Okoro');
  });

  test('the hearer of "asked" is not its speaker when no quotation comes before it', () => {
    const st = run('Wilma Okoro asked Tomas Reyes whether the levy would stay.');
    expect(st.map((s) => s.speaker?.name)).toEqual(['Wilma Okoro']);
  });
});

describe('a quote-first utterance goes on in the following quotations of its paragraph', () => {
  test.each([
    {
      name: 'after a participle cue in the tag',
      text: '"Is the dam safe?" asked Wilma Okoro, pointing at the cracks. "Nobody can tell me."',
      parts: ['Is the dam safe?', 'Nobody can tell me.'],
    },
    {
      name: 'over two further sentences',
      text: '"We waited," Wilma Okoro said. "Nobody came.\u201d \u201cThen the water rose."',
      parts: ['We waited,', 'Nobody came.', 'Then the water rose.'],
    },
  ])('$name', ({ text, parts }) => {
    const st = run(text).filter((s) => s.direct);
    expect(st).toHaveLength(1);
    expect(st[0]!.content.parts?.map((p) => text.slice(...p))).toEqual(parts);
  });
});

describe('more tags, and the speaker of a participle after an honorific subject', () => {
  test.each([
    { text: '"Sit down," Tomas Reyes barked.', want: [['Tomas Reyes', 'bark', 'Sit down,', true]] },
    { text: '"Nice try," Tomas Reyes shot back.', want: [['Tomas Reyes', 'shoot back', 'Nice try,', true]] },
    { text: '"Nice try," Tomas Reyes fired back.', want: [['Tomas Reyes', 'fire back', 'Nice try,', true]] },
    { text: 'Mr. Reyes paused for a moment, saying, "We are not done."', want: [['Reyes', 'say', 'We are not done.', true]] },
    { text: 'On Monday, Mr. Reyes left the hall before saying, "We are not done."', want: [['Reyes', 'say', 'We are not done.', true]] },
  ])('$text', ({ text, want }) => {
    expect(brief(text)).toEqual(want);
  });

  test.each([
    'The soldiers fired back at the patrol.',
    'The troops shot back across the river.',
  ])('no statement in "%s"', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('speaker phrases around the tag', () => {
  test.each([
    { text: '"The fund is empty," Ines Varga, the council\'s treasurer, said.', speaker: 'Ines Varga' },
    { text: '"The fund is empty," Ines Varga, Reyes\' campaign manager, said.', speaker: 'Ines Varga' },
    { text: '"The fund is empty," said the council\u2019s chief auditor Ines Varga.', speaker: 'Ines Varga' },
    { text: '"The fund is empty," said Labour councillor Ines Varga.', speaker: 'Ines Varga' },
  ])('$text', ({ text, speaker }) => {
    expect(run(text).map((s) => s.speaker?.name)).toEqual([speaker]);
  });

  test('a quotation after a short frame is the second part of the utterance', () => {
    const text = '"If they listen," she said of the council, "we can still save the pier."';
    const st = run(text);
    expect(st).toHaveLength(1);
    expect(st[0]!.content.parts?.map((p) => text.slice(...p))).toEqual(['If they listen,', 'we can still save the pier.']);
  });

  test('a curly opening mark right after a comma opens the quotation', () => {
    expect(brief('Ines Varga said,\u201cThe fund is empty.\u201d')).toEqual([['Ines Varga', 'say', 'The fund is empty.', true]]);
  });
});

describe('where a reported clause ends', () => {
  test.each([
    { text: 'Ines Varga said the pier would reopen in May, while critics doubted the budget.', content: 'the pier would reopen in May' },
    { text: 'Ines Varga said the pier would reopen in May, but the council has not voted.', content: 'the pier would reopen in May' },
    { text: 'Ines Varga said the money went to the pier, which opened in 1902.', content: 'the money went to the pier' },
    { text: 'Ines Varga said the old pier, which opened in 1902, needs new piles.', content: 'the old pier, which opened in 1902, needs new piles' },
    { text: 'While Ines Varga said that the pier was safe, the engineers closed it.', content: 'the pier was safe' },
  ])('$text', ({ text, content }) => {
    const st = run(text).filter((s) => s.speaker?.name === 'Ines Varga');
    expect(st.map((s) => s.content.text)).toEqual([content]);
  });

  test('a quotation after a colon is its own statement with the tag after it', () => {
    const text = 'Ines Varga argued that the pier was lost: "We cannot save it," she conceded.';
    expect(brief(text)).toEqual([
      ['Ines Varga', 'argue', 'the pier was lost', false],
      ['Ines Varga', 'concede', 'We cannot save it,', true],
    ]);
  });
});

describe('bare forms of speech verbs after a long subject', () => {
  test.each([
    { text: 'Aides to the mayor say she will not run again.', content: 'she will not run again' },
    { text: 'People briefed on the budget say that the fund is empty.', content: 'the fund is empty' },
  ])('$text', ({ text, content }) => {
    expect(run(text).map((s) => s.content.text)).toEqual([content]);
  });

  test.each([
    'The residents want to have a say in the plan.',
    'It is hard to say the name of the village.',
  ])('no say-statement in "%s"', (text) => {
    expect(run(text).filter((s) => s.cue.lemma === 'say')).toEqual([]);
  });
});

describe('signs, posts and answers', () => {
  test.each([
    { text: '"Save the pier," read one banner.', want: [['one banner', 'read', 'Save the pier,', true]] },
    { text: 'Ines Varga posted a photo, writing: "The pier is gone."', want: [['Ines Varga', 'write', 'The pier is gone.', true]] },
    { text: 'Ines Varga answered, "Not this year."', want: [['Ines Varga', 'answer', 'Not this year.', true]] },
    { text: '"We won!" Ines Varga beamed.', want: [['Ines Varga', 'beam', 'We won!', true]] },
  ])('$text', ({ text, want }) => {
    expect(brief(text)).toEqual(want);
  });

  test.each([
    'Ines Varga read the report twice before the meeting.',
    'Ines Varga was writing a letter to the council.',
  ])('no statement in "%s"', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('who a pronoun or a participle speaks for', () => {
  test('a he/she with no earlier speaker takes the person named just before', () => {
    const st = run('The hearing heard from Wilma Okoro about the flood. "We lost everything," she said.');
    expect(st.map((s) => [s.speaker?.name, s.speaker?.mention])).toEqual([['Wilma Okoro', 'she']]);
  });

  test('a pronoun with no person named before it stays without a speaker', () => {
    const st = run('The flood came at night. "We lost everything," she said.');
    expect(st.map((s) => s.speaker)).toEqual([null]);
  });

  test.each([
    { text: 'Tomas Reyes doesn\u2019t believe the figures are right.', speaker: 'Tomas Reyes' },
    { text: 'Tomas Reyes always argued that the dam was safe.', speaker: 'Tomas Reyes' },
    { text: 'The council has since said that the dam was safe.', speaker: 'council' },
  ])('the words between subject and verb are not the speaker: $text', ({ text, speaker }) => {
    const st = run(text);
    expect(st).toHaveLength(1);
    expect(st[0]!.speaker?.name).toBe(speaker);
  });

  test('"Hours later, X ..., telling Y" is spoken by X, not by "Hours"', () => {
    const st = run('Hours later, Okoro left the hall, telling reporters: "We will be back."');
    expect(st.map((s) => s.speaker?.name)).toEqual(['Okoro']);
  });
});

describe('quotations before their tag', () => {
  test('the quotation after a colon is what the tag reports, not the clause before the colon', () => {
    expect(brief('Varga listed the rules the village lives by: "Nobody locks a door," she said.'))
      .toEqual([['Varga', 'say', 'Nobody locks a door,', true]]);
  });

  test('an honorific before the speaker does not break the quote-first tag', () => {
    expect(brief('"We were ready," Mr. Okoro, the harbour master, said in his office by the quay.'))
      .toEqual([['Okoro', 'say', 'We were ready,', true]]);
  });
});

describe('coordinated subjects', () => {
  test.each([
    { text: 'Ana Ruiz and Tomas Reyes said the ruling was wrong.', quote: false },
    { text: '"The vote was rushed," Ana Ruiz and Tomas Reyes, both councillors, said in a statement.', quote: true },
  ])('both names are the speaker phrase: $text', ({ text, quote }) => {
    const st = run(text);
    expect(st).toHaveLength(1);
    expect([st[0]!.speaker?.name, st[0]!.speaker?.mention, st[0]!.speaker?.group, st[0]!.direct])
      .toEqual(['Ana Ruiz', 'Ana Ruiz and Tomas Reyes', 'Ana Ruiz and Tomas Reyes', quote]);
  });

  test('a name joined to a country is not a pair of speakers', () => {
    const st = run('Trade with Norway and Tomas Reyes said nothing about it.');
    expect(st.map((s) => s.speaker?.mention ?? null)).not.toContain('Norway and Tomas Reyes');
  });
});
