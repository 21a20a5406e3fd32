import { describe, expect, test } from 'vitest';
import { BandIndex } from '../../server/claims/bands.js';
import { BandTable } from '../../server/claims/band-table.js';

/**
 * The band keys in memory (server/claims/bands.ts) follow the store's
 * rules: a key takes members while it has fewer than the cap, a member
 * once; a lookup reads a key's first `cap` members by id (an article's own
 * id left out first); candidates ranked by keys found, ties by id, cut to
 * the budget; it reports exactly what the batch adds (each new member with
 * the keys it was admitted under), and changes the stored index only when
 * committed.
 */
describe('BandIndex', () => {
  // Built as the store's members give it (band-store.ts): each member with its keys, in any order.
  const members: Array<[string, string[]]> = [
    ['s9', ['k1']], ['s5', ['k2', 'k1']], ['s2', ['k1', 'full']], ['s7', ['k2']],
    ['art_b', ['a1']], ['art_a', ['a1']], ['s4', ['full']], ['s3', ['full']], ['s1', ['full']],
  ];
  const load = () => {
    const bands = new BandTable();
    for (const [id, keys] of members) for (const key of keys) bands.add(key, [id]);
    return bands;
  };
  const stored = load();

  test('the stored index holds each key\'s members sorted by id, each once', () => {
    const bands = load();
    bands.add('k1', ['s2']);
    const held = { k1: bands.get('k1'), k2: bands.get('k2'), full: bands.get('full'), a1: bands.get('a1'), none: bands.get('none') };
    expect(held).toEqual({ k1: ['s2', 's5', 's9'], k2: ['s5', 's7'], full: ['s1', 's2', 's3', 's4'], a1: ['art_a', 'art_b'], none: undefined });
    expect(bands.size).toBe(4);
  });

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
    index.addArticle('art_c', ['a1', 'fresh2']);
    // Per member, the keys it was admitted under, in the order added: s0 not under 'full' (full), s8 not under k1
    // (it filled up with s0 at 4).
    expect(index.pending()).toEqual({
      articleBands: [{ id: 'art_c', keys: ['a1', 'fresh2'] }],
      statementBands: [{ id: 's0', keys: ['k1', 'fresh'] }],
    });
  });

  test('the stored index changes only when the batch is committed', () => {
    const bands = load();
    const index = new BandIndex(bands, 4);
    index.addStatement('s0', ['k1', 'fresh']);
    expect(bands.get('k1')).toEqual(['s2', 's5', 's9']);
    expect(bands.get('fresh')).toBeUndefined();
    index.commit(bands);
    expect(bands.get('k1')).toEqual(['s0', 's2', 's5', 's9']);
    expect(bands.get('fresh')).toEqual(['s0']);
    expect(new BandIndex(bands, 4).statementCandidates(['fresh'], 4, 6)).toEqual(['s0']);
  });

  test('a member the store already holds under a key is not added again', () => {
    const index = new BandIndex(stored, 8);
    index.addStatement('s5', ['k1', 'k2']);
    expect(index.pending()).toEqual({ articleBands: [], statementBands: [] });
  });
});
