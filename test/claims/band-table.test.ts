import { describe, expect, test } from 'vitest';
import { BandTable, hash64 } from '../../server/claims/band-table.js';
import { rng } from '../utils/random.js';

/**
 * The compact band index (server/claims/band-table.ts) answers what a plain
 * map from key to its sorted members answers: the same members for every
 * key, sorted by id, each once, through the table's growth (thousands of
 * keys from a start of 4,096 slots) and for keys never added.
 */

describe('BandTable', () => {
  test.each([1, 2, 3])('holds what a map of sorted member lists holds (seed %i, over 10,000 keys)', (seed) => {
    const next = rng(seed);
    const table = new BandTable();
    const plain = new Map<string, Set<string>>();
    for (let i = 0; i < 60_000; i++) {
      // Keys like the claims step's, many shared; ids of statements and articles.
      const key = `sp|act_${Math.floor(next() * 500)}|${1400 + Math.floor(next() * 8)}:${Math.floor(next() * 8)}:${Math.floor(next() * 5)}`;
      const id = `${next() < 0.2 ? 'art' : 'stm'}_${Math.floor(next() * 5000).toString(16)}`;
      table.add(key, [id]);
      plain.set(key, (plain.get(key) ?? new Set()).add(id));
    }
    expect(plain.size).toBeGreaterThan(10_000);
    expect(table.size).toBe(plain.size);
    for (const [key, ids] of plain) expect(table.get(key)).toEqual([...ids].sort());
    expect(table.get('sp|act_9999|1:1:1')).toBeUndefined();
    expect([...table.entries()].map(([, ids]) => ids.length).reduce((a, b) => a + b, 0)).toBe([...plain.values()].reduce((n, ids) => n + ids.size, 0));
  });

  test('adding a member a key has, or none, changes nothing; several at once are sorted in', () => {
    const table = new BandTable();
    table.add('k', ['stm_b']);
    table.add('k', ['stm_b', 'stm_a', 'stm_c']);
    table.add('k', []);
    table.add('other', []);
    expect(table.get('k')).toEqual(['stm_a', 'stm_b', 'stm_c']);
    expect(table.get('other')).toBeUndefined();
    expect(table.size).toBe(1);
  });

  test('the key hash tells apart the keys of a realistic set (no two of 200,000 share one)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) {
      const [a, b] = hash64(`q:${i.toString(36)}`);
      seen.add(`${a}:${b}`);
    }
    expect(seen.size).toBe(200_000);
    // Unsigned 32-bit halves.
    const [a, b] = hash64('sp|act_4f15f73a69768e54|1451:0:ke43yi1k0jjww');
    for (const h of [a, b]) expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
  });
});
