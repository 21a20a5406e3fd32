/**
 * The actor scoring rules of `npm run eval` (scripts/eval/actors.ts), on
 * small cases whose expected values were worked out by hand (in the comments).
 */
import { describe, expect, test } from 'vitest';
import { bcubed, goldFor, goldKindOf, pairErrors, scoreActors, type ClusterItem, type PredictedArticle } from '../../scripts/eval/actors.js';
import type { GoldArticle, GoldKind } from '../../scripts/wikinews-actors-gold.js';

const it = (node: string, eid: string): ClusterItem => ({ node, eid });

describe('bcubed and pairErrors', () => {
  test.each([
    // one node per entity
    { name: 'perfect', items: [it('n1', 'a'), it('n1', 'a'), it('n2', 'b')], p: 1, r: 1, merges: 0, splits: 0 },
    // n1 holds a,a,b: precision (2/3 + 2/3 + 1/3) / 3 = 5/9; pairs in n1: 3, of which 1 same entity -> 2 wrong
    { name: 'one node holds two entities', items: [it('n1', 'a'), it('n1', 'a'), it('n1', 'b')], p: 5 / 9, r: 1, merges: 2, splits: 0 },
    // a over n1 and n2: recall (1/2 + 1/2 + 1) / 3 = 2/3; the one a-pair is split
    { name: 'one entity over two nodes', items: [it('n1', 'a'), it('n2', 'a'), it('n3', 'b')], p: 1, r: 2 / 3, merges: 0, splits: 1 },
    // n1 = {a, b}, n2 = {a}: precision (1/2 + 1/2 + 1) / 3 = 2/3, recall (1/2 + 1 + 1/2) / 3 = 2/3
    { name: 'a merge and a split', items: [it('n1', 'a'), it('n1', 'b'), it('n2', 'a')], p: 2 / 3, r: 2 / 3, merges: 1, splits: 1 },
  ])('$name', ({ items, p, r, merges, splits }) => {
    const b = bcubed(items);
    expect(b.precision).toBeCloseTo(p, 10);
    expect(b.recall).toBeCloseTo(r, 10);
    expect(pairErrors(items)).toEqual({ wrongMergePairs: merges, splitPairs: splits });
  });

  test('no items: no score', () => {
    expect(bcubed([])).toEqual({ precision: null, recall: null });
  });
});

describe('goldKindOf', () => {
  test.each([
    ['person', 'person'], ['organization', 'organisation'], ['media', 'organisation'],
    ['country', 'country'], ['group', 'group'], ['other', null],
  ])('%s -> %s', (kind, want) => {
    expect(goldKindOf(kind)).toBe(want);
  });
});

describe('goldFor: which gold mention a product mention stands for', () => {
  const kinds = new Map<string, GoldKind>([['org', 'organisation'], ['per', 'person'], ['grp', 'group'], ['cty', 'country']]);
  const g = (start: number, text: string, eid: string) => ({ span: [start, start + text.length] as [number, number], text, eid });
  test.each([
    {
      name: 'a role and a name in one span: the name of the actor',
      pred: { span: [0, 45], text: 'Turkish Foreign Ministry spokesman Hami Aksoy', name: 'Hami Aksoy', kind: 'person' },
      golds: [g(0, 'Turkish Foreign Ministry', 'org'), g(35, 'Hami Aksoy', 'per')], non: [], want: 'Hami Aksoy',
    },
    {
      name: 'a surname inside the full name',
      pred: { span: [15, 21], text: 'Harris', name: 'Kamala Harris', kind: 'person' },
      golds: [g(8, 'Kamala Harris', 'per')], non: [], want: 'Kamala Harris',
    },
    {
      name: 'a word of a person\'s name',
      pred: { span: [8, 13], text: 'Vance', name: 'Vance', kind: 'person' },
      golds: [g(0, 'Cyrus R. Vance, Jr.', 'per')], non: [], want: 'Cyrus R. Vance, Jr.',
    },
    {
      name: 'the noun of a definite description',
      pred: { span: [4, 10], text: 'police', name: 'police', kind: 'group' },
      golds: [g(0, 'the police', 'grp')], non: [], want: 'the police',
    },
    {
      name: 'the end of the head of a name',
      pred: { span: [5, 23], text: 'Justice Department', name: 'Justice Department', kind: 'organization' },
      golds: [g(0, 'U.S. Justice Department', 'org')], non: [], want: 'U.S. Justice Department',
    },
    {
      name: 'a name nested in another actor is not that actor',
      pred: { span: [0, 5], text: 'Trump', name: 'Donald Trump', kind: 'person' },
      golds: [g(0, 'Trump supporters', 'grp')], non: [], want: null,
    },
    {
      name: 'nor the place after "of" in an organisation name',
      pred: { span: [7, 16], text: 'Australia', name: 'Australia', kind: 'country' },
      golds: [g(0, 'ABC of Australia', 'org')], non: [], want: null,
    },
    {
      name: 'a small partial overlap is nothing',
      pred: { span: [0, 10], text: 'the Afghan', name: 'Afghanistan', kind: 'country' },
      golds: [g(4, 'Afghan forces', 'org')], non: [], want: null,
    },
    {
      name: 'a span named after the non-actor it covers stands for the non-actor',
      pred: { span: [0, 27], text: "Afghanistan's Maidan Wardak", name: 'Maidan Wardak', kind: 'person' },
      golds: [g(0, 'Afghanistan', 'cty')], non: [{ span: [14, 36] as [number, number], text: 'Maidan Wardak province' }], want: null,
    },
    {
      name: 'no overlap',
      pred: { span: [50, 55], text: 'Biden', name: 'Joe Biden', kind: 'person' },
      golds: [g(0, 'Joe Biden', 'per')], non: [], want: null,
    },
  ])('$name', ({ pred, golds, non, want }) => {
    const hit = goldFor({ ...pred, span: pred.span as [number, number] }, golds, kinds, non);
    expect(hit?.text ?? null).toBe(want);
  });
});

describe('scoreActors', () => {
  // Article A: "Joe Biden" [0,9], "Biden" [20,25], "US" [30,32]; "Delaware" [40,48] is a place.
  // Article B: "Hunter Biden" [0,12], "Joe Biden" [20,29].
  const gold: GoldArticle[] = [
    {
      id: 'A',
      entities: [{ eid: 'joe-biden', name: 'Joe Biden', kind: 'person' }, { eid: 'us', name: 'United States', kind: 'country' }],
      mentions: [
        { span: [0, 9], text: 'Joe Biden', eid: 'joe-biden' },
        { span: [20, 25], text: 'Biden', eid: 'joe-biden' },
        { span: [30, 32], text: 'US', eid: 'us' },
      ],
      nonActors: [{ span: [40, 48], text: 'Delaware' }],
    },
    {
      id: 'B',
      entities: [{ eid: 'hunter-biden', name: 'Hunter Biden', kind: 'person' }, { eid: 'joe-biden', name: 'Joe Biden', kind: 'person' }],
      mentions: [
        { span: [0, 12], text: 'Hunter Biden', eid: 'hunter-biden' },
        { span: [20, 29], text: 'Joe Biden', eid: 'joe-biden' },
      ],
    },
  ];
  const m = (start: number, text: string, name: string, kind: string, node: string | null) =>
    ({ span: [start, start + text.length] as [number, number], text, name, kind, node });
  // The product put Hunter Biden on Joe Biden's node N1, made a person of Delaware (N3), and stored N5 with no mention.
  const predicted: PredictedArticle[] = [
    {
      id: 'A',
      mentions: [
        m(0, 'Joe Biden', 'Joe Biden', 'person', 'N1'), m(20, 'Biden', 'Joe Biden', 'person', 'N1'),
        m(30, 'US', 'United States', 'country', 'N2'), m(40, 'Delaware', 'Delaware', 'person', 'N3'),
      ],
      speakers: [m(20, 'Biden', 'Joe Biden', 'person', 'N1')],
    },
    {
      id: 'B',
      mentions: [m(0, 'Hunter Biden', 'Joe Biden', 'person', 'N1'), m(20, 'Joe Biden', 'Joe Biden', 'person', 'N1')],
      speakers: [m(0, 'Hunter Biden', 'Joe Biden', 'person', 'N1')],
    },
  ];
  const nodes = [
    { id: 'N1', name: 'Joe Biden', kind: 'person' },
    { id: 'N2', name: 'United States', kind: 'country' },
    { id: 'N3', name: 'Delaware', kind: 'person' },
    { id: 'N5', name: 'Nobody', kind: 'organization' },
  ];
  const s = scoreActors(gold, predicted, nodes);

  test('validity: N1 and N2 are actors, N3 is a place, N5 has no mention and is not counted', () => {
    expect({ nodes: s.nodes, unlinked: s.unlinkedNodes, valid: s.validNodes, precision: s.precision }).toEqual({ nodes: 4, unlinked: 1, valid: 2, precision: 2 / 3 });
    expect(s.lines).toContain('  invalid Delaware (person, non-actor, 1 mention): Delaware');
  });

  test('kinds of the valid nodes: both right', () => {
    expect([s.kindRight, s.kindChecked]).toEqual([2, 2]);
  });

  test('clustering: N1 holds three Joe and one Hunter mention', () => {
    // precision: Joe items 3/4 each, Hunter 1/4, US 1 -> (2.25 + 0.25 + 1) / 5 = 0.7; recall 1
    expect(s.matchedMentions).toBe(5);
    expect(s.bcubedPrecision).toBeCloseTo(0.7, 10);
    expect(s.bcubedRecall).toBe(1);
    // pairs in N1: 6, of which 3 are Joe-Joe
    expect([s.wrongMergePairs, s.splitPairs, s.mergedNodes, s.splitEntities]).toEqual([3, 0, 1, 0]);
  });

  test('speakers: Joe on his (unclean) node is right; Hunter on the node that is Joe is wrong', () => {
    expect([s.speakerStatements, s.speakers, s.speakerRight, s.speakerClean]).toEqual([2, 2, 1, 0]);
    expect(s.speakerAccuracy).toBe(0.5);
  });
});

describe('the scorer on the real pipeline (linking, not quality floors: the lead sets those)', () => {
  test('the 41 articles ingest, and product mentions link to stored Actor nodes', async () => {
    const { evalActors } = await import('../../scripts/eval/actors.js');
    const s = await evalActors();
    expect(s.notes).toEqual([]);
    expect(s.articles).toBe(41);
    // If the link from the extractor's mentions to Actor nodes broke (ids, names, MENTIONS), nodes
    // would have no linked mention and gold mentions no match; on 2026-12-05: 8 of 581, 1279 of 1663.
    expect(s.unlinkedNodes).toBeLessThan(s.nodes * 0.1);
    expect(s.matchedMentions).toBeGreaterThan(s.goldMentions * 0.5);
    for (const x of [s.precision, s.kindAccuracy, s.bcubedPrecision, s.bcubedRecall, s.speakerAccuracy]) {
      expect(x).not.toBeNull();
      expect(x!).toBeGreaterThanOrEqual(0);
      expect(x!).toBeLessThanOrEqual(1);
    }
  }, 300_000);
});

/**
 * Floors on the actor gold (41 Wikinews articles, test/fixtures/wikinews/ACTORS.md), a few points under the
 * figures measured after the validity rules of issue 16's second session (docs/actors.md): validity 95.4%,
 * kind 96.5%, B-cubed precision 98.9% and recall 96.0%, speaker entity 94.6% (before them: 86.4 / 95.0 /
 * 98.8 / 96.0 / 93.3). All five of the issue's targets (95 / 95 / 97 / 90 / 92) are met.
 */
describe('actor quality floors on the Wikinews gold (npm run eval)', () => {
  test('validity, kinds, clustering and speakers stay at or above their floors', async () => {
    const { evalActors } = await import('../../scripts/eval/actors.js');
    const s = await evalActors(0);
    const floors: Array<[string, number | null, number]> = [
      ['actor validity', s.precision, 0.93],
      ['kind accuracy', s.kindAccuracy, 0.94],
      ['B-cubed precision', s.bcubedPrecision, 0.97],
      ['B-cubed recall', s.bcubedRecall, 0.94],
      ['speaker entity accuracy', s.speakers === 0 ? null : s.speakerRight / s.speakers, 0.92],
    ];
    for (const [what, value] of floors) expect(value, what).not.toBeNull();
    for (const [what, value, floor] of floors) expect(value!, what).toBeGreaterThanOrEqual(floor);
  }, 120_000);
});
