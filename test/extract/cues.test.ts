import { describe, expect, test } from 'vitest';
import { extractStrict } from '../../server/extract/index.js';

// Invented sentences and people; expected values worked out by hand.
const run = (text: string) => extractStrict(text, { publishedAt: '2025-03-04' }).statements;
const rows = (text: string) => run(text).map((s) => [s.speaker?.name ?? null, s.cue.lemma, s.cue.class, s.content.text, s.direct]);

describe('speech verbs beyond say and tell', () => {
  test.each([
    { text: '"The vote count is not finished," Odile Marchetti continued.', out: [['Odile Marchetti', 'continue', 'say', 'The vote count is not finished,', true]] },
    { text: 'Odile Marchetti concluded that the contract had been rigged.', out: [['Odile Marchetti', 'conclude', 'say', 'the contract had been rigged', false]] },
    { text: 'Odile Marchetti blasted the mayor for the late budget.', out: [['Odile Marchetti', 'blast', 'criticize', 'the late budget', false]] },
    { text: 'Odile Marchetti pointed out that the bridge was never inspected.', out: [['Odile Marchetti', 'point out', 'say', 'the bridge was never inspected', false]] },
    { text: 'Odile Marchetti questioned whether the audit was independent.', out: [['Odile Marchetti', 'question', 'ask', 'whether the audit was independent', false]] },
    { text: 'Governor Piet Albers is arguing that the toll will pay for itself.', out: [['Piet Albers', 'argue', 'say', 'the toll will pay for itself', false]] },
  ])('$text', ({ text, out }) => {
    expect(rows(text)).toEqual(out);
  });

  test.each([
    { name: 'a verb that needs a clause, with a plain object', text: 'The strike continued for three weeks.' },
    { name: 'plural nouns that look like -s verbs', text: 'The campaign will spend its money in the battleground states this autumn.' },
    { name: 'more plural nouns', text: 'Both parties rejected the plans and the questions raised by the auditors.' },
    { name: 'a participle with its agent is passive', text: 'The figures cited by the ministry were out of date.' },
    { name: 'evidence verbs need a document or a that-clause', text: 'Police found a van near the river.' },
  ])('no statement: $name', ({ text }) => {
    expect(rows(text)).toEqual([]);
  });
});

describe('beliefs, intentions and evidence have their own cue classes', () => {
  test.each([
    { text: 'Bettina Kroll believes the ferry link will open before winter.', out: [['Bettina Kroll', 'believe', 'belief', 'the ferry link will open before winter', false]] },
    { text: 'Bettina Kroll wants the council to publish the tender documents.', out: [['Bettina Kroll', 'want', 'intention', 'the council to publish the tender documents', false]] },
    { text: 'A new survey shows Kroll ahead by four points.', out: [['new survey', 'show', 'evidence', 'Kroll ahead by four points', false]] },
    { text: 'The audit found that two contracts were never tendered.', out: [['audit', 'find', 'evidence', 'two contracts were never tendered', false]] },
  ])('$text', ({ text, out }) => {
    expect(rows(text)).toEqual(out);
  });
});

describe('a first-person narrator heads the statement without naming an actor', () => {
  test('the quotation is the content, "I" is not part of it', () => {
    expect(rows('"We are leaving tonight," I said.')).toEqual([[null, 'say', 'say', 'We are leaving tonight,', true]]);
  });
});

describe('a quotation introduced by a colon after a clause with no speech verb', () => {
  test.each([
    // ("put it" is a cue of its own since issue 15's second loop: test/extract/real-news-rules.test.ts)
    { text: 'Mayor Ines Tork was blunt: "We are out of options."', out: [['Ines Tork', ':', 'say', 'We are out of options.', true]] },
    { text: 'Tork: "We will not back down".', out: [['Tork', ':', 'say', 'We will not back down', true]] },
    { text: 'The plan had three parts: "build, hire, repeat."', out: [] },
    { text: 'The dam held. And Mr. Albers gloated: "We told you it would."', out: [['Albers', ':', 'say', 'We told you it would.', true]] },
    { text: 'But Ines Tork shrugged: "Nobody reads the minutes."', out: [['Ines Tork', ':', 'say', 'Nobody reads the minutes.', true]] },
  ])('$text', ({ text, out }) => {
    expect(rows(text)).toEqual(out);
  });
});

describe('words between the cue and a quotation that ends the sentence', () => {
  test.each([
    { text: 'Ines Tork told a crowd of farmers in Bellmouth on Sunday, "We will keep the mill open."', out: [['Ines Tork', 'tell', 'say', 'We will keep the mill open.', true]] },
    { text: 'Ines Tork said of Mr. Albers, "He keeps his word."', out: [['Ines Tork', 'say', 'say', 'He keeps his word.', true]] },
    { text: 'Ines Tork said after the vote, "The harbour stays public."', out: [['Ines Tork', 'say', 'say', 'The harbour stays public.', true]] },
  ])('$text', ({ text, out }) => {
    expect(rows(text)).toEqual(out);
  });
});

describe('a quotation attributed by a dash and a name (vox-pop lists)', () => {
  test('each line is a direct statement of the name after the dash', () => {
    const text = '"The bus never comes on time." ― Greta Solvang\n"I will vote for whoever fixes the road." ― Amos Keel';
    expect(rows(text)).toEqual([
      ['Greta Solvang', '―', 'say', 'The bus never comes on time.', true],
      ['Amos Keel', '―', 'say', 'I will vote for whoever fixes the road.', true],
    ]);
  });
  test('a dash followed by more than a name is not an attribution', () => {
    expect(rows('"The bus never comes." ― Greta Solvang wrote in her diary about it.').filter((r) => r[1] === '―')).toEqual([]);
  });
});

describe("doubled apostrophes ('') as quotation marks", () => {
  test.each([
    { text: "''The ferry will run all winter,'' said Ines Tork.", out: [['Ines Tork', 'say', 'say', 'The ferry will run all winter,', true]] },
    { text: "Ines Tork said, ''The ferry will run all winter.''", out: [['Ines Tork', 'say', 'say', 'The ferry will run all winter.', true]] },
  ])('$text', ({ text, out }) => {
    expect(rows(text)).toEqual(out);
  });
});

describe('"call" naming its object', () => {
  test.each([
    { text: 'Ines Tork called the levy "a tax on bread."', out: [['Ines Tork', 'call', 'describe', 'the levy "a tax on bread."', false]] },
    { text: 'The guild called him a poor steward of the port.', out: [['guild', 'call', 'describe', 'him a poor steward of the port', false]] },
    { text: 'Ines Tork left the hall, calling the vote "a farce."', out: [['Ines Tork', 'call', 'describe', 'the vote "a farce."', false]] },
    { text: 'Ines Tork called on the council to act.', out: [] },
    { text: 'Ines Tork called the harbor police.', out: [] },
    { text: 'A club called "Friends of the Mill" met on Monday.', out: [] },
  ])('$text', ({ text, out }) => {
    expect(rows(text)).toEqual(out);
  });
});

describe('"declined to" and a participle "referring to" after a quotation tag', () => {
  test.each([
    { text: 'A spokesman for the guild declined to comment.', out: [['spokesman for the guild', 'decline to', 'deny', 'comment', false]] },
    { text: 'Ines Tork declined to say whether the mill would close.', out: [['Ines Tork', 'decline to', 'deny', 'say whether the mill would close', false]] },
    { text: '"The toll is too high," Ines Tork said, referring to the bridge fee.', out: [['Ines Tork', 'say', 'say', 'The toll is too high,', true], ['Ines Tork', 'refer to', 'say', 'the bridge fee', false]] },
    { text: 'Ines Tork declined the award.', out: [] },
    { text: 'Ines Tork refused to name the buyer.', out: [['Ines Tork', 'refuse to', 'deny', 'name the buyer', false]] },
  ])('$text', ({ text, out }) => {
    expect(rows(text)).toEqual(out);
  });
});

describe('a count or share as the subject of a bare verb', () => {
  test.each([
    { text: 'About 4 in 10 say the ferry fare is fair.', out: [['About 4 in 10', 'say', 'say', 'the ferry fare is fair', false]] },
    { text: 'Most say the new dock came too late.', out: [['Most', 'say', 'say', 'the new dock came too late', false]] },
  ])('$text', ({ text, out }) => {
    expect(rows(text)).toEqual(out);
  });
});

describe('a participle between a number and a plural noun is an adjective', () => {
  test.each([
    { text: 'Ines Tork leads the count by 140 pledged votes.', out: [] },
    { text: 'Ines Tork pledged to reopen the dock.', out: [['Ines Tork', 'pledge', 'support', 'to reopen the dock', false]] },
  ])('$text', ({ text, out }) => {
    expect(rows(text)).toEqual(out);
  });
});

describe('a sentence-initial "Asked whether ..." is a question by an unnamed asker', () => {
  test.each([
    { text: 'Asked whether the dock would close, Ines Tork shook her head.', out: [[null, 'ask', 'ask', 'whether the dock would close', false]] },
    { text: 'When asked on the radio what the plan was, Ines Tork laughed.', out: [[null, 'ask', 'ask', 'what the plan was', false]] },
    { text: 'Asked by the council, Ines Tork stayed silent.', out: [] },
  ])('$text', ({ text, out }) => {
    expect(rows(text)).toEqual(out);
  });
});

describe('a headline "Name: claim"', () => {
  test.each([
    { text: 'Tork: Bridge Will Close in May.\n\nThe council met on Monday.', out: [['Tork', ':', 'say', 'Bridge Will Close in May', false]] },
    { text: 'Bridge Will Close in May.\n\nThe council met on Monday.', out: [] },
  ])('$text', ({ text, out }) => {
    expect(rows(text)).toEqual(out);
  });
});
