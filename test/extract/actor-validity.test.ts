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
    // "both" after the second name: the phrase is the councillor
    { name: 'a name followed by "both"', text: 'Mayor Ilse Marwick and Councillor Tomas Brel both said the vote was fair.', speaker: 'Tomas Brel', kind: 'person' },
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
