import { describe, expect, test } from 'vitest';
import { extractStrict } from '../../server/extract/index.js';

// Invented sentences and people. Each row: the speaker phrase the statement must point at
// (speaker.mention, the words of the span), the actor it names, and its kind.
const run = (text: string) => extractStrict(text, { publishedAt: '2025-03-04' }).statements;

describe('speaker phrases that are not a bare capitalised name', () => {
  test.each([
    { name: 'honorific before the name', text: '"The ferry will run again by June," Mr. Quillan said on Friday.', mention: 'Mr. Quillan', actor: 'Quillan', kind: 'person', content: 'The ferry will run again by June,' },
    { name: 'honorific after an inverted cue', text: '"Nobody voted for this," said Dr. Ferreira, the clinic director.', mention: 'Dr. Ferreira', actor: 'Ferreira', kind: 'person', content: 'Nobody voted for this,' },
    { name: 'an aside between dashes', text: 'Lena Vos — a baker from Dunmore — says the oven tax is unfair.', mention: 'Lena Vos — a baker from Dunmore', actor: 'Lena Vos', kind: 'person', content: 'the oven tax is unfair' },
    { name: 'a short aside of place', text: 'Lena Vos, in Dunmore, said the oven tax is unfair.', mention: 'Lena Vos, in Dunmore', actor: 'Lena Vos', kind: 'person', content: 'the oven tax is unfair' },
    { name: 'a stray comma after the brackets', text: 'Sen. Lena Vos (D-Vt.), said the oven tax is unfair.', mention: 'Sen. Lena Vos (D-Vt.)', actor: 'Lena Vos', kind: 'person', content: 'the oven tax is unfair' },
    { name: 'party and state in brackets', text: '"The tax is dead," Sen. Wilma Okoro (D-Vt.) said after the hearing.', mention: 'Sen. Wilma Okoro (D-Vt.)', actor: 'Wilma Okoro', kind: 'person', content: 'The tax is dead,' },
    { name: 'party and state between commas', text: '"We will not fold," Rep. Hal Brandt, R-Neb., told reporters.', mention: 'Rep. Hal Brandt, R-Neb', actor: 'Hal Brandt', kind: 'person', content: 'We will not fold,' },
    { name: 'an age between commas', text: 'Marta Lindqvist, 61, said she would vote against the plan.', mention: 'Marta Lindqvist, 61', actor: 'Marta Lindqvist', kind: 'person', content: 'she would vote against the plan' },
    { name: 'a name in an appositive after a role', text: "The mayor's chief of staff, Ivo Renner, told the paper that the deal was off.", mention: "The mayor's chief of staff, Ivo Renner", actor: 'Ivo Renner', kind: 'person', content: 'the paper that the deal was off' },
    { name: 'a described person after the content', text: 'The levy will be dropped next year, a senior aide to the treasurer said.', mention: 'a senior aide to the treasurer', actor: 'senior aide to the treasurer', kind: 'person', content: 'The levy will be dropped next year' },
    { name: 'a described person after an inverted cue', text: 'The vote was rigged, said one poll worker who asked not to be named.', mention: 'one poll worker who asked not to be named', actor: 'one poll worker', kind: 'person', content: 'The vote was rigged' },
    { name: 'an organisation by its common noun', text: 'The commission says the new maps will be ready in April.', mention: 'The commission', actor: 'commission', kind: 'organization', content: 'the new maps will be ready in April' },
    { name: 'a document as the source', text: "The state auditor's report says the pension fund lost money.", mention: "The state auditor's report", actor: "state auditor's report", kind: 'other', content: 'the pension fund lost money' },
    { name: 'a possessive in -s with a bare apostrophe', text: "Jenkins' lawyers say the search was illegal.", mention: "Jenkins' lawyers", actor: "Jenkins' lawyers", kind: 'group', content: 'the search was illegal' },
    { name: 'a share of voters', text: 'Half of the farmers said they would plant less corn.', mention: 'Half of the farmers', actor: 'Half of the farmers', kind: 'group', content: 'they would plant less corn' },
    { name: 'a long common-noun subject', text: 'The retired steel worker says the mill should never have closed.', mention: 'The retired steel worker', actor: 'retired steel worker', kind: 'person', content: 'the mill should never have closed' },
    { name: 'a relative pronoun speaks for the name before it', text: 'Ulla Berndt, who said she rarely votes, praised the new mayor.', mention: 'who', actor: 'Ulla Berndt', kind: 'person', content: 'she rarely votes' },
    { name: 'a leading time is not part of the speaker', text: 'On Tuesday the harbour board said fees would rise.', mention: 'the harbour board', actor: 'harbour board', kind: 'organization', content: 'fees would rise' },
  ])('$name', ({ text, mention, actor, kind, content }) => {
    const s = run(text).find((x) => x.content.text === content);
    expect(s, JSON.stringify(run(text).map((x) => [x.speaker?.mention, x.content.text]))).toBeDefined();
    expect([s!.speaker?.mention, s!.speaker?.name, s!.speaker?.kind]).toEqual([mention, actor, kind]);
  });

  test.each([
    { name: 'an unresolved pronoun stays without a speaker', text: '"It is over," she said.' },
    { name: 'a first-person narrator is not an actor', text: '"I was tired," I said.' },
  ])('$name', ({ text }) => {
    expect(run(text).map((s) => s.speaker)).toEqual([null]);
  });
});
