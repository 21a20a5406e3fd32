/**
 * Actor nodes are actors (issue 16, "a mention that is not an actor is not an
 * Actor node"): each cause of a non-actor node found on the Wikinews actor
 * gold, in invented sentences. The statement keeps the words of its source;
 * only the Actor node goes.
 */
import { describe, expect, test } from 'vitest';
import { extract } from '../../server/extract/index.js';
import { buildArticleGraph } from '../../server/pipeline/build.js';
import type { IngestedArticle } from '../../server/ingest/types.js';

function article(text: string): IngestedArticle {
  return {
    id: 'art_00000000000000aa', title: 'T', source: 'Example Times', url: null,
    publishedAt: '2025-03-10T00:00:00.000Z', publishedAtPrecision: 'day', retrievedAt: '2025-03-11T00:00:00.000Z',
    language: 'eng', contentHash: 'a'.repeat(64), text, origin: 'test', originSpan: null,
  };
}

/** The statements' speakers (mention, name, kind) and the Actor nodes the article would store. */
function run(text: string) {
  const ex = extract(text);
  const g = buildArticleGraph(article(text), ex);
  return {
    speakers: ex.statements.map((s) => s.speaker && { mention: s.speaker.mention, name: s.speaker.name, kind: s.speaker.kind }),
    statements: g.statements.map((s) => ({ speakerId: s.speakerId, speakerMention: s.speakerMention })),
    nodes: g.actors.map((a) => `${a.name} (${a.kind})`).sort(),
  };
}

describe('a source that is a text, a pronoun, an adverb or a verb form is kept on the statement but is no Actor node', () => {
  test.each([
    // a document as the subject of an evidence or speech verb
    { name: 'a capitalised plural text noun opening the sentence', text: 'Reports said the mill would close in March.', mention: 'Reports' },
    { name: 'a warning', text: 'The warnings called for strong winds along the coast.', mention: 'The warnings' },
    // an object pronoun after "according to" with nobody before it to stand for
    { name: 'a pronoun nobody stands for', text: 'According to him, the harbour will reopen next week.', mention: 'him' },
    // an adverb read as the subject of a participle clause
    { name: 'an adverb opening the sentence', text: 'Nearly all economists consider the plan unworkable, arguing that it costs too much.', mention: 'Nearly' },
    // a past participle read as the subject ("the part ... that was not overturned declared")
    { name: 'a verb form', text: 'Part of the order that was not overturned declared that votes would be counted later.', mention: 'overturned' },
    // a survey named with its publisher: the text is the source, not the paper
    { name: 'a text reported by a paper', text: 'Exit polling reported by the Valley Herald showed the mayor ahead.', mention: 'Exit polling reported by the Valley Herald' },
  ])('$name: "$mention"', ({ text, mention }) => {
    const r = run(text);
    expect(r.speakers).toEqual([expect.objectContaining({ mention, kind: 'other' })]);
    expect(r.statements).toEqual([{ speakerId: null, speakerMention: mention }]);
    expect(r.nodes.filter((n) => n.endsWith('(other)'))).toEqual([]);
    expect(r.nodes.some((n) => n.toLowerCase().startsWith(mention.toLowerCase().split(' ')[0]!))).toBe(false);
  });
});

describe('a speaker phrase headed by no noun stands for the noun or name before it', () => {
  test.each([
    // "both" after a name: the phrase is the councillor, never "both"
    { name: 'a name followed by "both"', text: 'Councillor Tomas Brel both said and wrote that the vote was fair.', speaker: 'Tomas Brel', kind: 'person' },
    // "X and Y both said": the phrase is the coordination (issue 15's rule); its node is the first person named, never "both"
    { name: 'two names followed by "both"', text: 'Mayor Ilse Marwick and Councillor Tomas Brel both said the vote was fair.', speaker: 'Ilse Marwick', kind: 'person' },
    // "known to": the head before the preposition is a participle; its noun is the chief, a person, whom "he" then stands for
    { name: 'a noun followed by a participle', text: 'After the storm, the depot chief known to everyone said the trucks left early. He said the roads were closed.', speaker: 'depot chief known to everyone', kind: 'person' },
  ])('$name', ({ text, speaker, kind }) => {
    const r = run(text);
    for (const s of r.speakers) expect(s).toEqual(expect.objectContaining({ name: speaker, kind }));
    for (const s of r.statements) expect(s.speakerId).not.toBeNull();
  });
});

/** The article's actors as "name (kind)", kind `other` left out as the graph leaves it out. */
function actorsOf(text: string): string[] {
  return extract(text).actors.map((a) => `${a.name} (${a.kind})`).sort();
}

describe('one name over "for", "on", "and" and glued particles: no fragment of it is an actor of its own', () => {
  test.each([
    // an organisation head before "for" / "on" and a capital after it
    { name: '"for" after an organisation head', text: 'A study by the Nordic Institute for Coastal Research found the dunes shrinking.', want: 'Nordic Institute for Coastal Research (organization)', not: 'Coastal Research' },
    { name: '"on" after an organisation head, with its acronym', text: 'The Federal Board on Rural Water Quality (FBRWQ) criticised the plan. FBRWQ said it was late.', want: 'Federal Board on Rural Water Quality (organization)', not: 'Rural Water Quality' },
    // two names sharing one plural head of nations or tribes
    { name: '"and" before a shared plural head', text: 'The plaintiffs include the Oskawa and Tenmile Tribes of Red Lake and the Marrow Nation.', want: 'Oskawa and Tenmile Tribes of Red Lake (organization)', not: 'Oskawa' },
    // a particle glued to a capitalised surname
    { name: 'a glued particle', text: 'The envoy met President Karim al-Wadi on Monday. Al-Wadi said the border would open.', want: 'Karim al-Wadi (person)', not: 'Karim' },
  ])('$name', ({ text, want, not }) => {
    const got = actorsOf(text);
    expect(got).toContain(want);
    expect(got.some((a) => a.startsWith(`${not} (`))).toBe(false);
  });

  test('a person after an organisation and a lowercase role is not swallowed by the organisation', () => {
    const got = actorsOf('Halden Centre for Public Health senior epidemiologist Mara Lindqvist said the wave had peaked.');
    expect(got).toContain('Halden Centre for Public Health (organization)');
    expect(got.some((a) => a.includes('Lindqvist') && a.includes('Centre'))).toBe(false);
  });
});

describe('what the words around a name say: places, works, cases and modifiers are no actors', () => {
  test.each([
    // a building is its office when it acts, a place after a preposition of place
    { name: 'a building after a preposition of place', text: 'The rally was held at the White House on Friday. The White House said the rally was safe.', has: ['White House (organization)'], count: { 'White House (organization)': 1 } },
    // a platform is the company when it acts, the place of a post after "on", a modifier before a noun
    { name: 'a platform where something was posted', text: 'The mayor wrote on Twitter that the bridge would reopen.', has: [], not: ['Twitter'] },
    { name: 'a platform acting', text: 'Twitter suspended the account of the mayor.', has: ['Twitter (organization)'] },
    { name: 'a platform before the noun it modifies', text: 'The clip spread from his Facebook page within hours.', has: [], not: ['Facebook'] },
    // a bare generic body before a noun is a modifier: "Court packing", "Police reform"
    { name: 'a bare body name modifying a noun', text: 'The candidates were asked about Court packing and Police reform.', has: [], not: ['Court', 'Police'] },
    // a title after a noun for a work
    { name: 'a film title', text: 'She was nominated for the 1961 comedy Lanterns Aloft, opposite Karl Moder.', has: ['Karl Moder (person)'], not: ['Lanterns Aloft'] },
    // a case before "decision", and the same name later in the article stays a case
    { name: 'a court case', text: 'She called for the Harlow Freight decision to be overturned. Her rival also backed the overturn of Harlow Freight.', has: [], not: ['Harlow Freight'] },
    // a name before "province" or "provincial" is a place
    { name: 'a place before "province"', text: 'A bomb hit a base in the centre of Dunmore Wadi province. A member of the Dunmore Wadi provincial council said 30 died.', has: [], not: ['Dunmore Wadi'] },
    // a given name before a thing word: a person only in the shape "Doris Day"
    { name: 'a treaty and a prize opening with a given name', text: 'The Martin Accords were signed in May. She won the Walter Kessel Prize.', has: [], not: ['Martin Accords', 'Walter Kessel Prize'] },
    { name: 'a person whose surname is a thing word', text: 'Singer Greta Day opened the show. Day said she was thrilled.', has: ['Greta Day (person)'] },
    // a storm never becomes a person, even as the subject of a cue-like verb
    { name: 'a storm as a subject', text: 'Category Three Hurricane Ilse slammed into the coast on Monday.', has: [], not: ['Hurricane Ilse', 'Category Three Hurricane Ilse'] },
  ])('$name', ({ text, has, not, count }: { text: string; has: string[]; not?: string[]; count?: Record<string, number> }) => {
    const got = actorsOf(text);
    for (const h of has) expect(got).toContain(h);
    for (const n of not ?? []) expect(got.filter((a) => a.startsWith(`${n} (`))).toEqual([]);
    for (const [k, n] of Object.entries(count ?? {})) expect(got.filter((a) => a === k)).toHaveLength(n);
  });

  test('a building named only as the place of an event is no Actor node', () => {
    expect(run('The rally was held at the White House on Friday, organisers said.').nodes).not.toContain('White House (organization)');
  });
});

describe('descriptions, demonyms, emphasis and regions are no actors unless they act', () => {
  test.each([
    // an indefinite description that does nothing is nobody in particular
    { name: 'an unnamed person who does not speak', text: 'The minister met a Veldanian adviser to the board in May.', not: ['Veldanian adviser'] },
    { name: 'an indefinite title', text: 'He served as a former City Alderman before the war.', not: ['City Alderman'] },
    { name: 'a thing after "a"', text: 'The pilot flew a Corvan Skylark to the coast.', not: ['Corvan Skylark'] },
    // a singular demonym is an adjective
    { name: 'a singular demonym', text: 'Of the 40 passengers, 22 were Cuban. Cuban roads see many crashes.', not: ['Cuba'] },
    // capitals for emphasis
    { name: 'ordinary words in capitals', text: 'I certainly DO NOT want my name on that list, the singer wrote.', not: ['DO NOT'] },
    // a region of two states
    { name: 'a region of two states', text: 'He was an honorary ambassador in Korea for a decade.', not: ['Korea'] },
    // an unknown name after a preposition of place
    { name: 'a town after "in"', text: 'A truck bomb exploded at a base in Dunmore Shar on Monday.', not: ['Dunmore Shar'] },
  ])('$name', ({ text, not }) => {
    const got = actorsOf(text);
    for (const n of not) expect(got.filter((a) => a.startsWith(`${n} (`))).toEqual([]);
  });

  test('an unnamed person who speaks is a person of the article', () => {
    expect(run('According to a court clerk, the hearing was moved to June.').speakers[0]).toEqual(expect.objectContaining({ name: 'court clerk', kind: 'person' }));
  });

  test('"Georgia" is the US state unless the country is in view', () => {
    expect(actorsOf('The debate will be held in Georgia next month, and the candidates agreed.').filter((a) => a.startsWith('Georgia'))).toEqual([]);
    expect(actorsOf('Georgia accused Moscow of moving troops toward Tbilisi.')).toContain('Georgia (country)');
  });

  test('a demonym before "and" shares the noun after the next one: both countries', () => {
    const got = actorsOf('The summit was the first between the Chilean and Peruvian leaders since the dispute.');
    expect(got).toContain('Chile (country)');
  });

  test("a country's own name is still the country", () => {
    expect(actorsOf('Cuba rejected the offer on Tuesday.')).toContain('Cuba (country)');
  });
});
