import { describe, expect, test } from 'vitest';
import { applyIdentity, graphActorId, indexKeys, isArticleScoped, lookupKeys, otherNameKey, parsePersonName, resolveActor, type StoredActor } from '../../server/actors/index.js';
import type { ActorNode, ArticleGraph } from '../../server/graph/types.js';
import { actorId } from '../../server/ids.js';

describe('parsePersonName', () => {
  test.each([
    { name: 'US President Donald Trump', expected: { type: 'full', first: 'donald', last: 'trump', key: 'donald trump' } },
    { name: 'Russian Foreign Ministry spokeswoman Maria Zakharova', expected: { type: 'full', first: 'maria', last: 'zakharova', key: 'maria zakharova' } },
    { name: "Ukraine's Vladimir Zelensky", expected: { type: 'full', first: 'volodymyr', last: 'zelensky', key: 'volodymyr zelensky' } },
    { name: 'Volodymyr Zelenskyy', expected: { type: 'full', first: 'volodymyr', last: 'zelensky', key: 'volodymyr zelensky' } },
    { name: 'Sergei Lavrov', expected: { type: 'full', first: 'sergey', last: 'lavrov', key: 'sergey lavrov' } },
    { name: "Trump's special envoy Keith Kellogg", expected: { type: 'full', first: 'keith', last: 'kellogg', key: 'keith kellogg' } },
    { name: 'Martin Luther King Jr', expected: { type: 'full', first: 'martin', last: 'king', key: 'martin king' } },
    { name: 'Putin', expected: { type: 'surname', last: 'putin' } },
    { name: 'Anna Berg 2', expected: { type: 'full', first: 'anna', last: 'berg 2', key: 'anna berg 2' } },
    { name: 'the US president', expected: { type: 'descriptor', text: 'us president' } },
  ])('$name', ({ name, expected }) => {
    expect(parsePersonName(name)).toEqual(expected);
  });
});

describe('otherNameKey', () => {
  test.each([
    { kind: 'country', name: 'Moscow', key: 'o:country:russia' },
    { kind: 'country', name: 'Kyiv', key: 'o:country:ukraine' },
    { kind: 'country', name: 'Kiev', key: 'o:country:ukraine' },
    { kind: 'organization', name: 'the Kremlin', key: 'o:organization:russia' },
    { kind: 'media', name: 'The Times', key: 'o:media:times' },
  ])('$kind "$name" -> $key', ({ kind, name, key }) => {
    expect(otherNameKey(kind, name)).toBe(key);
  });
});

/** The alias index as the store holds it: every key of every stored actor. */
function indexOf(stored: StoredActor[]) {
  return (actor: ActorNode) => {
    const found = new Map<string, StoredActor[]>();
    for (const key of lookupKeys(actor)) found.set(key, stored.filter((s) => indexKeys({ ...s, kind: s.kind as ActorNode['kind'] }).includes(key)));
    return found;
  };
}

function person(name: string, aliases: string[] = [], roles: string[] = []): StoredActor {
  return { id: actorId('person', name), name, kind: 'person', aliases, roles };
}
function other(kind: ActorNode['kind'], name: string, aliases: string[] = []): StoredActor {
  return { id: actorId(kind, name), name, kind, aliases, roles: [] };
}
function extracted(name: string, kind: ActorNode['kind'] = 'person', roles: string[] = []): ActorNode {
  return { id: actorId(kind, name), name, kind, aliases: [], roles };
}

const TRUMP = person('Donald Trump', ['Trump', 'US President Donald Trump', 'the US president'], ['US President']);
const ZELENSKY = person('Vladimir Zelensky', ["Ukraine's Vladimir Zelensky", 'Zelensky']);
const LAVROV = person('Sergey Lavrov', ['Lavrov']);
const JOE = person('Joe Biden', ['Biden', 'former President Joe Biden'], ['former President']);
const HUNTER = person('Hunter Biden', ['Biden'], ['businessman']);
const UKRAINE = other('country', 'Ukraine', ['Kiev']);
const RUSSIA = other('country', 'Russia', ['Moscow']);
const BARE_TRUMP = person('Trump');

describe('resolveActor', () => {
  test.each([
    { name: 'a bare surname meets the only person with it when a role word is shared', stored: [TRUMP, LAVROV], actor: extracted('Trump', 'person', ['US President']), expected: TRUMP.id },
    { name: 'a bare surname with no evidence meets no one, not even the only person with it', stored: [TRUMP, LAVROV], actor: extracted('Trump'), expected: null },
    { name: 'a titled full name meets the full name', stored: [TRUMP], actor: extracted('US President Donald Trump'), expected: TRUMP.id },
    { name: 'a descriptor meets no one across articles, even the person seen with it', stored: [TRUMP], actor: extracted('the US president'), expected: null },
    { name: 'transliterations meet (Volodymyr Zelenskyy / Vladimir Zelensky)', stored: [ZELENSKY], actor: extracted('Volodymyr Zelenskyy'), expected: ZELENSKY.id },
    { name: 'Sergei meets Sergey', stored: [LAVROV], actor: extracted('Sergei Lavrov'), expected: LAVROV.id },
    { name: 'Kyiv meets Ukraine (metonym, variant)', stored: [UKRAINE, RUSSIA], actor: extracted('Kyiv', 'country'), expected: UKRAINE.id },
    { name: 'Moscow meets Russia', stored: [UKRAINE, RUSSIA], actor: extracted('Moscow', 'country'), expected: RUSSIA.id },
    { name: 'a full name meets a stored surname-only actor', stored: [BARE_TRUMP], actor: extracted('Donald Trump'), expected: BARE_TRUMP.id },
    { name: 'Hunter Biden does not meet Joe Biden (namesakes)', stored: [JOE], actor: extracted('Hunter Biden'), expected: null },
    { name: 'Joe Biden does not meet Hunter Biden (namesakes)', stored: [HUNTER], actor: extracted('Joe Biden'), expected: null },
    { name: 'a bare surname shared by two people meets neither', stored: [JOE, HUNTER], actor: extracted('Biden'), expected: null },
    { name: 'a bare surname shared by two people meets the one whose role the mention shares', stored: [JOE, HUNTER], actor: extracted('Biden', 'person', ['former US President']), expected: JOE.id },
    { name: 'a different first name does not meet a surname-only actor known by another', stored: [person('Trump', ['Donald Trump'])], actor: extracted('Melania Trump'), expected: null },
    { name: 'kinds do not mix (the Kremlin as an organization is not the country)', stored: [RUSSIA], actor: extracted('the Kremlin', 'organization'), expected: null },
    { name: 'nothing stored, nothing met', stored: [], actor: extracted('Maria Zakharova'), expected: null },
  ])('$name', ({ stored, actor, expected }) => {
    expect(resolveActor(actor, indexOf(stored)(actor))?.actor.id ?? null).toBe(expected);
  });
});

describe('applyIdentity', () => {
  test('rewrites actors, statements and mentions onto the stored actor, keeping the extracted name as an alias and the roles', () => {
    const trump = extracted('Trump', 'person', ['US president']);
    const putin = extracted('Putin');
    const graph: ArticleGraph = {
      source: null,
      article: { id: 'art_1', url: null, title: 't', publishedAt: null, publishedAtPrecision: 'unknown' as never, retrievedAt: '2025-08-21', contentHash: 'h', language: 'eng', text: '' },
      actors: [{ ...trump, aliases: ['the US president'] }, putin],
      statements: [{ id: 'stm_1', content: 'x', quote: null, direct: false, cue: 'said', cueLemma: 'say', cueClass: 'say', saidAt: null, saidAtPrecision: 'unknown', timeText: null, sentence: 'x', sentenceStart: 0, sentenceEnd: 1, start: 0, end: 1, confidence: 1, speakerId: putin.id, speakerMention: 'Putin', aboutIds: [trump.id], addresseeId: trump.id, viaId: null }],
      mentions: [trump.id, putin.id],
    };
    const out = applyIdentity(graph, new Map([[trump.id, TRUMP]]));
    expect(out.actors).toEqual([
      { id: TRUMP.id, name: 'Donald Trump', kind: 'person', aliases: ['Trump', 'the US president'], roles: ['US president'] },
      putin,
    ]);
    expect(out.statements[0]!.aboutIds).toEqual([TRUMP.id]);
    expect(out.statements[0]!.addresseeId).toBe(TRUMP.id);
    expect(out.statements[0]!.speakerId).toBe(putin.id);
    expect(out.mentions).toEqual([TRUMP.id, putin.id]);
  });
});

describe('titles and descriptions are not global alias keys', () => {
  test.each([
    { name: 'a descriptor alias', aliases: ['the harbour commissioner'], absent: 'r:harbour commissioner' },
    { name: 'a bare title alias', aliases: ['Vice President'], absent: 'r:vice president' },
    { name: 'a title with a definite article', aliases: ['The Senate Minority Leader'], absent: 'r:senate minority leader' },
  ])('$name gives no key', ({ aliases, absent }) => {
    const keys = indexKeys({ name: 'Lena Haugen', kind: 'person', aliases });
    expect(keys).not.toContain(absent);
    expect(keys.filter((k) => k.startsWith('r:'))).toEqual([]);
    expect(keys.sort()).toEqual(['p:lena haugen', 's:haugen']);
  });

  test('a descriptor has no lookup key', () => {
    expect(lookupKeys({ name: 'the harbour commissioner', kind: 'person' })).toEqual([]);
  });

  test.each([
    { name: 'another first name left on the node by an old wrong merge', aliases: ['Piet Arven'], absent: 'p:piet arven' },
    { name: 'another surname', aliases: ['Lena Dahl'], absent: 's:dahl' },
  ])('$name is not indexed', ({ aliases, absent }) => {
    expect(indexKeys({ name: 'Tomas Arven', kind: 'person', aliases })).not.toContain(absent);
  });
});

describe('generic groups and descriptions are scoped to their article', () => {
  test.each([
    { kind: 'group', name: 'Officials', scoped: true },
    { kind: 'group', name: 'health officials', scoped: true },
    { kind: 'group', name: 'Senior officials', scoped: true },
    { kind: 'group', name: 'US officials', scoped: false },
    { kind: 'group', name: 'Harbour Board officials', scoped: false },
    { kind: 'group', name: 'protesters', scoped: true },
    { kind: 'organization', name: 'Police', scoped: true },
    { kind: 'organization', name: 'the Government', scoped: true },
    { kind: 'organization', name: 'Congress', scoped: true },
    { kind: 'person', name: 'reporter in Kenya', scoped: true },
    { kind: 'person', name: 'Japanese government official', scoped: true },
    { kind: 'person', name: 'Reports', scoped: true },
    { kind: 'person', name: 'Wisconsin Republican', scoped: true },
    { kind: 'person', name: 'Harbour Board spokesperson', scoped: true },
    { kind: 'organization', name: 'Harbour Police Federation', scoped: false },
    { kind: 'organization', name: 'United Nations', scoped: false },
    { kind: 'person', name: 'Gloria la Riva', scoped: false },
    { kind: 'person', name: 'Lena Haugen', scoped: false },
  ])('$kind "$name" -> scoped $scoped', ({ kind, name, scoped }) => {
    expect(isArticleScoped({ kind, name })).toBe(scoped);
    const [a, b] = [graphActorId(kind, name, 'art_1'), graphActorId(kind, name, 'art_2')];
    expect(a === b).toBe(!scoped);
    expect(indexKeys({ kind: kind as ActorNode['kind'], name, aliases: [] }).length === 0).toBe(scoped);
  });

  test('a scoped actor meets no stored actor of the same name', () => {
    const stored = [other('organization', 'Police')];
    expect(resolveActor(extracted('Police', 'organization'), new Map([[otherNameKey('organization', 'Police'), stored]]))).toBeNull();
  });
});

describe('metonyms and acronyms that spell ordinary words fold only in capitals', () => {
  test.each([
    { kind: 'country', name: 'US', key: 'o:country:united states' },
    { kind: 'country', name: 'U.S.', key: 'o:country:united states' },
    { kind: 'organization', name: 'Us', key: 'o:organization:us' },
    { kind: 'country', name: 'UK', key: 'o:country:united kingdom' },
    { kind: 'organization', name: 'Eu', key: 'o:organization:eu' },
    { kind: 'country', name: 'Washington', key: 'o:country:united states' },
  ])('$kind "$name" -> $key', ({ kind, name, key }) => {
    expect(otherNameKey(kind, name)).toBe(key);
  });
});

describe('accents are folded across articles', () => {
  test.each([
    { stored: 'Selin Ozturk', extracted: 'Selin Öztürk' },
    { stored: 'Recep Erdoğan', extracted: 'Recep Erdogan' },
  ])('"$extracted" meets a stored "$stored"', ({ stored, extracted: name }) => {
    const s = person(stored);
    expect(resolveActor(extracted(name), indexOf([s])(extracted(name)))?.actor.id).toBe(s.id);
  });
});
