import { describe, expect, test } from 'vitest';
import { extract, extractStrict, ExtractionSchema, type Extraction, type Statement } from '../../server/extract/index.js';
import { futureContext, resolveTime } from '../../server/extract/stages/05-time.js';

/** Thursday: "on Wednesday" is the day before, "on Thursday" the same day. */
const PUBLISHED = '2025-08-21T12:00:00Z';

/** Runs the stages without extract()'s catch-all, so a rule that throws fails the test. */
function run(text: string, publishedAt: string | null = PUBLISHED): Extraction {
  return extractStrict(text, { publishedAt });
}

function only(text: string): Statement {
  const r = run(text);
  expect(r.statements, JSON.stringify(r.statements.map((s) => s.content.text))).toHaveLength(1);
  return r.statements[0]!;
}

describe('extract(): quotation marks and apostrophes', () => {
  test.each([
    { name: 'straight double quotes, said after the quote', text: '"We will not retreat," the minister said.', content: 'We will not retreat,' },
    { name: 'curly double quotes', text: '“We will not retreat,” Anna Berg said.', content: 'We will not retreat,' },
    { name: 'straight single quotes', text: "'We will not retreat,' Anna Berg said.", content: 'We will not retreat,' },
    { name: 'curly single quotes', text: '‘We will not retreat,’ Anna Berg said.', content: 'We will not retreat,' },
    { name: "apostrophes inside the quote (We're, I'd, Don't) do not close it", text: "'We're ready and I'd say Don't worry,' Anna Berg said.", content: "We're ready and I'd say Don't worry," },
    { name: 'possessive apostrophes outside the quote are not quotes', text: "Ukraine's envoy and Hamas's leader met. 'It went well,' Anna Berg said.", content: 'It went well,' },
    { name: "curly open with straight close pairs up (‘boots on the ground')", text: "Anna Berg said: ‘the talks are over' and left.", content: 'the talks are over' },
    { name: 'quote after the cue with a colon', text: 'Anna Berg told reporters: "The talks are over."', content: 'The talks are over.' },
    { name: 'quote after the cue with a comma', text: 'He added, "The talks are over."', content: 'The talks are over.' },
  ])('$name', ({ text, content }) => {
    const statements = run(`Anna Berg arrived in Vienna on Monday. ${text}`).statements;
    expect(statements.map((s) => s.content.text)).toContain(content);
  });

  test('quotation spanning two sentences is one direct statement', () => {
    const s = only("'Your plan is reckless. It will fail,' the Freedonian leader wrote.".replace('the Freedonian leader', 'Anna Berg'));
    expect(s.direct).toBe(true);
    expect(s.content.text).toBe('Your plan is reckless. It will fail,');
  });

  test('quote split around the cue: both parts are statements of the same speaker', () => {
    const r = run("'We are living in historic times,' Keith Kellogg told Fox Business on Wednesday, adding: 'The critics should sit down.'");
    expect(r.statements.map((s) => [s.speaker?.name, s.cue.lemma, s.direct, s.content.text])).toEqual([
      ['Keith Kellogg', 'tell', true, 'We are living in historic times,'],
      ['Keith Kellogg', 'add', true, 'The critics should sit down.'],
    ]);
    expect(r.statements[0]!.addressee).toEqual({ name: 'Fox Business', kind: 'media' });
  });

  test('a quotation in the next sentence with no cue continues the same speaker', () => {
    const r = run("Anna Berg wrote that the plan rewards terror. 'It emboldens those who menace us.'");
    expect(r.statements).toHaveLength(2);
    expect(r.statements[1]!.speaker?.name).toBe('Anna Berg');
    expect(r.statements[1]!.direct).toBe(true);
  });

  test('the quotation right after a quote-first attribution is the same utterance, in two parts', () => {
    // was two statements; issue 15: one utterance interrupted by its attribution is one statement with parts
    const text = "'It rewards terror,' Anna Berg wrote. 'It emboldens those who menace us.'";
    const r = run(text);
    expect(r.statements).toHaveLength(1);
    expect(r.statements[0]!.speaker?.name).toBe('Anna Berg');
    expect(r.statements[0]!.content.parts?.map((p) => text.slice(...p))).toEqual(['It rewards terror,', 'It emboldens those who menace us.']);
  });

  test('multi-paragraph quotation: an opening mark per paragraph, one closing mark at the end', () => {
    const text = 'Anna Berg, chief executive of the Northshire Trust, wrote to the minister.\n\n“First paragraph of the letter.\n\n“Second paragraph, still quoted,” she wrote.';
    const r = run(text);
    const s = r.statements.find((x) => x.direct)!;
    expect(s.speaker?.name).toBe('Anna Berg');
    expect(s.content.text).toBe('First paragraph of the letter.\n\n“Second paragraph, still quoted,');
  });

  test('scare quotes without a cue produce no statement', () => {
    expect(run("The so-called 'peace plan' was shelved last year.").statements).toEqual([]);
  });
});

describe('extract(): indirect speech patterns', () => {
  test.each([
    { name: 'X said that', text: 'Anna Berg said that the talks had failed.', speaker: 'Anna Berg', lemma: 'say', content: 'the talks had failed' },
    { name: 'X has said (no that)', text: 'Anna Berg has said the talks had failed.', speaker: 'Anna Berg', lemma: 'say', content: 'the talks had failed' },
    { name: 'content first, then X has said', text: 'The talks had failed, Anna Berg has said.', speaker: 'Anna Berg', lemma: 'say', content: 'The talks had failed' },
    { name: 'according to X at the end', text: 'The talks had failed, according to Anna Berg.', speaker: 'Anna Berg', lemma: 'according to', content: 'The talks had failed' },
    { name: 'According to X at the start', text: 'According to Anna Berg, the talks had failed.', speaker: 'Anna Berg', lemma: 'according to', content: 'the talks had failed' },
    { name: 'X accused Y of', text: 'Anna Berg accused Freedonia of stalling the talks.', speaker: 'Anna Berg', lemma: 'accuse', content: 'stalling the talks' },
    { name: 'X warned that', text: 'Anna Berg warned that the talks could collapse.', speaker: 'Anna Berg', lemma: 'warn', content: 'the talks could collapse' },
    { name: 'X called for', text: 'Anna Berg called for a ceasefire and new talks.', speaker: 'Anna Berg', lemma: 'call for', content: 'a ceasefire and new talks' },
    { name: 'X has denied', text: 'Anna Berg has denied the allegations.', speaker: 'Anna Berg', lemma: 'deny', content: 'the allegations' },
    { name: 'X described Y as', text: 'Anna Berg described the talks as a failure.', speaker: 'Anna Berg', lemma: 'describe', content: 'the talks as a failure' },
    { name: 'inverted: said X after the quote', text: '"It is over," said Anna Berg.', speaker: 'Anna Berg', lemma: 'say', content: 'It is over,' },
  ])('$name', ({ text, speaker, lemma, content }) => {
    const s = only(text);
    expect([s.speaker?.name, s.cue.lemma, s.content.text]).toEqual([speaker, lemma, content]);
  });

  test('indirect speech with quoted fragments is not direct, and keeps the fragments', () => {
    const text = "Macron said that Ukraine must have a 'strong army' and that Europe 'will need to help.'";
    const s = only(text);
    expect(s.direct).toBe(false);
    expect(s.content.fragments?.map(([a, b]) => text.slice(a, b))).toEqual(['strong army', 'will need to help.']);
  });

  test('accused: the object is what the statement is about', () => {
    expect(only('Anna Berg accused Freedonia of stalling the talks.').about).toContainEqual({ name: 'Freedonia', kind: 'other' });
    expect(only('Anna Berg accused London of stalling the talks.').about).toContainEqual({ name: 'United Kingdom', kind: 'country' });
  });

  test.each([
    { name: 'his predecessor -> the earlier person whose role is "former ..."', text: "Trump spoke of former President Joe Biden's tenure. He accused his predecessor of provoking the war.", actor: 'Joe Biden' },
    { name: 'a hyphenated pair of known surnames names both people', text: 'Vladimir Putin and Volodymyr Zelensky were invited. Trump insisted on a Putin-Zelensky meeting.', actor: 'Volodymyr Zelensky' },
    { name: 'a national group in the content stands for its country too', text: "Anna Berg reported that British military chiefs had 'given up' on the plan.", actor: 'United Kingdom' },
    { name: 'a title in the content resolves like a speaker would', text: "US President Donald Trump met Putin. Putin has welcomed the US president's 'sincere' desire for peace.", actor: 'Donald Trump' },
  ])('about: $name', ({ text, actor }) => {
    const r = run(text);
    expect(r.statements[r.statements.length - 1]!.about.map((a) => a.name)).toContain(actor);
  });

  test('coordinated cues are two statements of one speaker', () => {
    const r = run('Anna Berg described the talks as useful and said a deal was close.');
    expect(r.statements.map((s) => [s.speaker?.name, s.cue.lemma, s.content.text])).toEqual([
      ['Anna Berg', 'describe', 'the talks as useful'],
      ['Anna Berg', 'say', 'a deal was close'],
    ]);
  });

  test('a media source in "according to" is the statement\'s via, not its speaker', () => {
    const s = only('Anna Berg has opposed the plan, according to the daily Corriere della Sera, asking: "Who pays?"');
    expect([s.speaker?.name, s.via?.name, s.via?.kind]).toEqual(['Anna Berg', 'Corriere della Sera', 'media']);
  });

  test('"cited by" and "told" set via and addressee', () => {
    const s = only('The allegations were false, Anna Berg said in a statement cited by France24.');
    expect(s.via).toEqual({ name: 'France24', kind: 'media' });
    expect(only('Anna Berg told reporters that the talks had failed.').addressee).toEqual({ name: 'reporters', kind: 'group' });
  });

  test('speech verbs used as nouns, infinitives or passives are not cues', () => {
    expect(run('The call lasted 40 minutes. Anna Berg vowed to support the plan. He was told to leave.').statements.map((s) => s.cue.lemma)).toEqual(['vow']);
  });

  test('a speech verb in a relative clause is not a statement of the main subject', () => {
    expect(run('Unlike the old government, which rejected talks and vowed to fight, Anna Berg is negotiating.').statements).toEqual([]);
  });
});

describe('extract(): speakers and coreference', () => {
  test.each([
    { name: 'pronoun: He added -> the last person who spoke', text: 'Anna Berg said that talks would resume. He added that nothing was agreed.', speaker: 'Anna Berg', mention: 'He' },
    { name: 'pronoun: It -> the last country or organisation subject', text: 'Israel has faced criticism over the blockade. It has denied the allegations.', speaker: 'Israel', mention: 'It' },
    { name: 'title: the French president -> the person with that role', text: 'French President Emmanuel Macron met Anna Berg. The French president said that the talks were useful.', speaker: 'Emmanuel Macron', mention: 'The French president' },
    { name: 'title: the Israeli leader -> the Israeli Prime Minister', text: 'Israeli Prime Minister Benjamin Netanyahu wrote a letter. "It is appeasement," the Israeli leader wrote.', speaker: 'Benjamin Netanyahu', mention: 'the Israeli leader' },
    { name: 'title: the US president', text: 'US President Donald Trump met Putin. Later, the US president declared the matter closed.', speaker: 'Donald Trump', mention: 'the US president' },
    { name: 'partial name: Zelensky -> Vladimir Zelensky seen earlier', text: "Ukraine's Vladimir Zelensky arrived. Zelensky said that he was ready.", speaker: 'Vladimir Zelensky', mention: 'Zelensky' },
    { name: 'metonym: Moscow -> Russia', text: 'Moscow has repeatedly stated that troops are unacceptable.', speaker: 'Russia', mention: 'Moscow' },
    { name: 'metonym: Kyiv -> Ukraine', text: 'Kyiv has said that the strike hit a hospital.', speaker: 'Ukraine', mention: 'Kyiv' },
    { name: 'metonym: the Elysee -> Elysee Palace', text: 'The Elysee has said that the claims are false.', speaker: 'Elysee Palace', mention: 'The Elysee' },
    { name: "proxy: Macron's office speaks for Macron", text: "French President Emmanuel Macron was abroad. The claims were false, Macron's office said.", speaker: 'Emmanuel Macron', mention: "Macron's office" },
    { name: 'appositive: X, chief executive of Y, said', text: 'Anna Berg, chief executive of the Northshire Trust, said that beds were full.', speaker: 'Anna Berg', mention: 'Anna Berg' },
    { name: 'indefinite title: an anonymous official is a new actor', text: 'A Freedonian government official said the border would reopen.', speaker: 'Freedonian government official', mention: 'Freedonian government official' },
  ])('$name', ({ text, speaker, mention }) => {
    const r = run(text);
    const s = r.statements[r.statements.length - 1]!;
    expect([s.speaker?.name, s.speaker?.mention]).toEqual([speaker, mention]);
  });

  test('appositive role is kept on the actor', () => {
    const r = run('Russian Foreign Ministry spokeswoman Maria Zakharova accused London of escalation.');
    expect(r.actors.find((a) => a.name === 'Maria Zakharova')?.roles).toEqual(['spokeswoman, Russian Foreign Ministry']);
  });

  test('group with a named member: the member speaks, the group is kept', () => {
    const s = only('Multiple Russian officials, including Sergey Shoigu, have warned such a deployment would mean war.');
    expect([s.speaker?.name, s.speaker?.group]).toEqual(['Sergey Shoigu', 'Multiple Russian officials']);
  });

  test('a pronoun with no antecedent leaves the speaker null rather than guessing', () => {
    const s = only('He said that the talks had failed.');
    expect(s.speaker).toBeNull();
    expect(s.confidence).toBeLessThan(0.5);
  });

  test('actors collect the surface forms seen as aliases', () => {
    const r = run('US President Donald Trump spoke. Trump said that peace was near. The US president added that talks continue.');
    expect(r.actors.find((a) => a.name === 'Donald Trump')?.aliases).toEqual(expect.arrayContaining(['Trump', 'The US president']));
  });
});

describe('extract(): when it was said', () => {
  test.each([
    { name: 'on Wednesday in a Thursday article -> the day before', text: 'Anna Berg said on Wednesday that talks failed.', value: '2025-08-20', precision: 'day' },
    { name: 'on Thursday in a Thursday article -> the same day', text: 'Anna Berg said on Thursday that talks failed.', value: '2025-08-21', precision: 'day' },
    { name: 'on Friday -> the most recent Friday before', text: 'Anna Berg said on Friday that talks failed.', value: '2025-08-15', precision: 'day' },
    { name: 'sentence-initial Last week -> week precision, the Monday', text: 'Last week, Anna Berg said that talks failed.', value: '2025-08-11', precision: 'week' },
    { name: 'Earlier this month -> month precision, the 1st', text: 'Earlier this month, Anna Berg said that talks failed.', value: '2025-08-01', precision: 'month' },
    { name: 'yesterday', text: 'Anna Berg said yesterday that talks failed.', value: '2025-08-20', precision: 'day' },
    { name: 'calendar date via chrono-node', text: 'Anna Berg said on August 3 that talks failed.', value: '2025-08-03', precision: 'day' },
    { name: 'no time expression -> the article date, precision "article"', text: 'Anna Berg said that talks failed.', value: '2025-08-21', precision: 'article' },
    { name: 'a time inside the content dates the content, not the saying', text: 'Anna Berg said that talks failed last week.', value: '2025-08-21', precision: 'article' },
    { name: 'a time inside a quotation is ignored', text: '"We met on Monday," Anna Berg said.', value: '2025-08-21', precision: 'article' },
    { name: 'He added inherits the time of the statement it continues', text: 'Anna Berg said on Monday that talks failed. He added that nothing was signed.'.replace('He', 'She'), value: '2025-08-18', precision: 'day' },
  ])('$name', ({ text, value, precision }) => {
    const r = run(text);
    const s = r.statements[r.statements.length - 1]!;
    expect([s.saidAt.value, s.saidAt.precision]).toEqual([value, precision]);
  });

  test.each([
    { name: 'no article date: relative times are unknown', expr: 'on Monday', ref: null, value: null, precision: 'unknown' },
    { name: 'last Friday said on a Friday is a week ago', expr: 'last Friday', ref: '2025-08-22', value: '2025-08-15', precision: 'day' },
    { name: 'a calendar date after the article date without a year is last year', expr: 'December 30', ref: '2025-08-21', value: '2024-12-30', precision: 'day' },
    { name: 'last month', expr: 'last month', ref: '2025-01-15', value: '2024-12-01', precision: 'month' },
    { name: 'earlier this year', expr: 'earlier this year', ref: '2025-08-21', value: '2025-01-01', precision: 'year' },
    { name: 'two days ago', expr: 'two days ago', ref: '2025-08-21', value: '2025-08-19', precision: 'day' },
  ])('resolveTime: $name', ({ expr, ref, value, precision }) => {
    expect(resolveTime(expr, ref ? new Date(ref) : null)).toEqual({ value, precision });
  });

  // Article dated Thursday 13 March 2025: a month or weekday in a future clause is the next one.
  test.each([
    { name: 'a month after a future auxiliary is this year\'s, not last year\'s', before: 'The delegations would try to settle the text before the summit ', expr: 'in June', value: '2025-06-01', precision: 'month' },
    { name: 'a month in a past clause stays in the past', before: 'The board resigned after the vote ', expr: 'in June', value: '2024-06-01', precision: 'month' },
    { name: 'a weekday after "will" is the coming one', before: 'The council will vote ', expr: 'on Tuesday', value: '2025-03-18', precision: 'day' },
    { name: 'a contracted future auxiliary counts', before: "We'll have the figures ", expr: 'on Monday', value: '2025-03-17', precision: 'day' },
    { name: 'a saying verb after the future marker dates the saying', before: 'He would quit, she told reporters ', expr: 'on Monday', value: '2025-03-10', precision: 'day' },
    { name: 'a future marker in an earlier clause does not count', before: 'He will stay; the mayor spoke ', expr: 'on Tuesday', value: '2025-03-11', precision: 'day' },
    { name: '"last" keeps the past even in a future clause', before: 'They will build on the deal signed ', expr: 'last Friday', value: '2025-03-07', precision: 'day' },
    { name: 'a calendar date without a year in a future clause is not moved back', before: 'The court is expected to rule ', expr: 'on December 2', value: '2025-12-02', precision: 'day' },
    { name: 'a calendar date already past in a future clause is next year\'s', before: 'The fair will open again ', expr: 'on January 20', value: '2026-01-20', precision: 'day' },
  ])('future context: $name', ({ before, expr, value, precision }) => {
    expect(resolveTime(expr, new Date('2025-03-13'), futureContext(before, expr))).toEqual({ value, precision });
  });

  test('without an article date and without a time expression, saidAt is unknown', () => {
    const s = extract('Anna Berg said that talks failed.').statements[0]!;
    expect(s.saidAt).toEqual({ value: null, precision: 'unknown', text: null });
  });
});

describe('extract(): contract', () => {
  const samples = [
    'Anna Berg said that the talks had failed. He added, "We will try again on Monday."',
    "'We're living in a really historic time,' Keith Kellogg told Fox Business on Wednesday, adding: 'To the critics, I'd say shut up.'",
    'Multiple Russian officials, including Putin, have repeatedly welcomed the plan, according to TASS.',
    '“Unbalanced quote and a said that says nothing',
    'said said said "" \'\' ‘’ “” according to , , .',
  ];

  test.each(samples.map((text, i) => ({ name: `sample ${i + 1}`, text })))('every span slices to its field text: $name', ({ text }) => {
    const r = run(text);
    expect(ExtractionSchema.safeParse(r).success).toBe(true);
    for (const s of r.statements) {
      expect(text.slice(...s.content.span)).toBe(s.content.text);
      expect(text.slice(...s.cue.span)).toBe(s.cue.text);
      if (s.speaker) expect(text.slice(...s.speaker.span)).toBe(s.speaker.mention);
      for (const [a, b] of [s.sentence.span, ...(s.content.fragments ?? [])]) expect(0 <= a && a <= b && b <= text.length).toBe(true);
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
  });

  test.each([
    { name: 'empty text', text: '' },
    { name: 'only whitespace and newlines', text: ' \n\n\t \r\n' },
    { name: 'control characters', text: 'Anna\u0000 Berg said\u0007 that\u001b[31m "x" \uFFFF\uD800 failed.' },
    { name: 'only quotation marks', text: '\'"‘’“”«»'.repeat(500) },
    { name: 'a very long line with no punctuation', text: 'Anna Berg said that '.repeat(20000) },
    { name: 'unbalanced quotes across paragraphs', text: '“Open\n\n“still open\n\n‘and more' },
  ])('never throws and stays inside the text: $name', ({ text }) => {
    const r = run(text);
    expect(ExtractionSchema.safeParse(r).success).toBe(true);
    for (const s of r.statements) for (const [a, b] of [s.content.span, s.cue.span, s.sentence.span]) expect(0 <= a && a <= b && b <= text.length).toBe(true);
  });

  test('extract() turns a failure inside the rules into an empty result', () => {
    const hostile = { toString: (): string => { throw new Error('boom'); } } as unknown as string;
    expect(() => extractStrict(hostile)).toThrow('boom');
    expect(extract(hostile)).toEqual({ statements: [], actors: [] });
  });

  test('an unparsable article date is treated as unknown', () => {
    expect(extract('Anna Berg said on Monday that talks failed.', { publishedAt: 'not a date' }).statements[0]!.saidAt.precision).toBe('unknown');
  });
});

describe('extract(): arbitrary input (property-based)', () => {
  test('for any text made of news-like pieces and junk, spans stay inside the text and slice to their fields', async () => {
    const fc = await import('fast-check');
    const pieces = fc.constantFrom('Anna Berg', ' said', ' that', ' "', '"', " '", "'", '‘', '’', '“', '”', ', ', '. ', '\n', '\n\n“', 'Moscow', ' has warned', ' according to', ' the French president', ' He added', ' on Monday', ':', '\u0000', 'Ukraine\'s', ' it', ' – ', 'including ', 'x');
    fc.assert(fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 80 }), (parts) => {
      const text = parts.join('');
      const r = extractStrict(text, { publishedAt: PUBLISHED });
      if (!ExtractionSchema.safeParse(r).success) return false;
      return r.statements.every((s) => text.slice(...s.content.span) === s.content.text && text.slice(...s.cue.span) === s.cue.text
        && (!s.speaker || text.slice(...s.speaker.span) === s.speaker.mention)
        && [s.sentence.span, ...(s.content.fragments ?? [])].every(([a, b]) => 0 <= a && a <= b && b <= text.length));
    }), { numRuns: 300, seed: 20250821 });
  });
});
