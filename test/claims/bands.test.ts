import { describe, expect, test } from 'vitest';
import { BandIndex } from '../../server/claims/bands.js';

/**
 * The band keys of a batch in memory (server/claims/bands.ts) follow the
 * store's rules: a key takes members while it has fewer than the cap, a
 * member once; a lookup reads a key's first `cap` members by id (an
 * article's own id left out first); candidates ranked by keys found, ties
 * by id, cut to the budget; and it reports exactly what the batch adds.
 */
describe('BandIndex', () => {
  const stored = [
    { key: 'k1', members: 3, ids: ['s9', 's2', 's5'] },
    { key: 'k2', members: 2, ids: ['s5', 's7'] },
    { key: 'a1', members: 2, ids: ['art_b', 'art_a'] },
    { key: 'full', members: 4, ids: ['s1', 's2', 's3', 's4'] },
    { key: 'uncounted', members: null, ids: [] },
  ];

  test.each([
    // k1 gives s2, s5 (first two by id); k2 gives s5, s7: s5 has two hits, then s2 and s7 by id.
    { keys: ['k1', 'k2'], cap: 2, budget: 6, want: ['s5', 's2', 's7'] },
    { keys: ['k1', 'k2'], cap: 2, budget: 2, want: ['s5', 's2'] },
    // A key given twice counts twice.
    { keys: ['k2', 'k2', 'k1'], cap: 1, budget: 6, want: ['s5', 's2'] },
    { keys: ['k1'], cap: 3, budget: 6, want: ['s2', 's5', 's9'] },
    { keys: ['missing'], cap: 3, budget: 6, want: [] },
  ])('statement candidates of $keys (cap $cap, budget $budget): $want', ({ keys, cap, budget, want }) => {
    expect(new BandIndex(stored, 4).statementCandidates(keys, cap, budget)).toEqual(want);
  });

  test('an article lookup leaves the article itself out before the cap', () => {
    const index = new BandIndex(stored, 4);
    expect(index.articleCandidates('art_a', ['a1'], 1, 8)).toEqual(['art_b']);
    expect(index.articleCandidates('art_c', ['a1'], 1, 8)).toEqual(['art_a']);
  });

  test('the batch\'s own members are found by the lookups after them, up to the cap, each once', () => {
    const index = new BandIndex(stored, 4);
    index.addStatement('s0', ['k1', 'k1', 'full', 'fresh']);
    // k1 had 3 members: s0 is the fourth (given twice, added once); 'full' is full; 'fresh' is new.
    expect(index.statementCandidates(['k1'], 2, 6)).toEqual(['s0', 's2']);
    expect(index.statementCandidates(['full'], 8, 6)).toEqual(['s1', 's2', 's3', 's4']);
    index.addStatement('s8', ['k1']);
    expect(index.statementCandidates(['k1'], 8, 6)).toEqual(['s0', 's2', 's5', 's9']);
    index.addArticle('art_c', ['a1', 'uncounted']);
    expect(index.pending()).toEqual({
      newBands: [{ key: 'fresh', members: 1 }],
      bands: [{ key: 'k1', members: 4 }, { key: 'a1', members: 3 }, { key: 'uncounted', members: 1 }],
      articleBands: [{ id: 'art_c', key: 'a1' }, { id: 'art_c', key: 'uncounted' }],
      statementBands: [{ id: 's0', key: 'k1' }, { id: 's0', key: 'fresh' }],
    });
  });

  test('a member the store already holds under a key is not added again', () => {
    const index = new BandIndex(stored, 8);
    index.addStatement('s5', ['k1', 'k2']);
    expect(index.pending()).toEqual({ newBands: [], bands: [], articleBands: [], statementBands: [] });
  });
});
