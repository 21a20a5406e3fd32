import { describe, expect, test } from 'vitest';
import { chainEnds, MAX_CHAIN } from '../../server/claims/update.js';
import { openStore, type GraphStore } from '../../server/graph/index.js';

/**
 * An article's origin, for a claim's counts, is the end of its REPUBLISHES
 * chain, at most MAX_CHAIN hops away. chainEnds follows the chain a hop at a
 * time for all articles at once; the definition it must keep is the
 * variable-length pattern the claims step read before (written out here and
 * run on the same real embedded store): the first article 1 to 5 hops on
 * that copies nothing itself.
 */
const DEFINITION = `UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, [(a)-[:REPUBLISHES*1..5]->(o:Article) | o.id] AS chain,
  [(a)-[:REPUBLISHES*1..5]->(o:Article)-[:REPUBLISHES]->(:Article) | o.id] AS copies`;

/** Chains: `x0 -> x1 -> ... -> xn` for n from 0 (an original) to 7 (beyond the five hops), and a loop of two. */
const LENGTHS = [0, 1, 2, 3, 4, 5, 6, 7];

async function build(store: GraphStore): Promise<string[]> {
  const ids: string[] = [];
  for (const n of LENGTHS) {
    const chain = Array.from({ length: n + 1 }, (_, i) => `c${n}-${i}`);
    ids.push(...chain);
    await store.run('UNWIND $ids AS id CREATE (:Article {id: id})', { ids: chain });
    await store.run('UNWIND range(0, size($ids) - 2) AS i MATCH (a:Article {id: $ids[i]}) MATCH (b:Article {id: $ids[i + 1]}) CREATE (a)-[:REPUBLISHES]->(b)', { ids: chain });
  }
  await store.run("CREATE (a:Article {id: 'loop-a'})-[:REPUBLISHES]->(b:Article {id: 'loop-b'}) CREATE (b)-[:REPUBLISHES]->(a)");
  ids.push('loop-a', 'loop-b');
  return ids;
}

describe('the origin of an article for the claim counts', () => {
  test('is what the variable-length definition gives, for chains shorter and longer than the hops followed, and for a loop', async () => {
    const store = await openStore({ backend: 'embedded', path: null });
    try {
      const ids = await build(store);
      const reference = new Map(
        (await store.run(DEFINITION, { ids })).map((r) => {
          const copying = new Set(r.copies as string[]);
          return [r.id as string, (r.chain as string[]).find((id) => !copying.has(id)) ?? null];
        }),
      );
      // Articles with their own first hop, as the claims step's member read gives them: every article (no hop to
      // read), then only each chain's start and one loop member (the hops beyond are read, a hop at a time).
      const firstHops = async (of: string[]) =>
        (await store.run('UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS articleId, head([(a)-[:REPUBLISHES]->(o:Article) | o.id]) AS republishes', { ids: of })).map(
          (r) => ({ articleId: r.articleId as string, republishes: (r.republishes as string | null) ?? null }),
        );
      const all = await chainEnds(store, await firstHops(ids));
      for (const id of ids) expect([id, all(id)]).toEqual([id, reference.get(id)]);
      const starts = [...LENGTHS.map((n) => `c${n}-0`), 'loop-a'];
      const fromStarts = await chainEnds(store, await firstHops(starts));
      for (const id of starts) expect([id, fromStarts(id)]).toEqual([id, reference.get(id)]);
      // Five reads, one per hop: the chains of 5 hops or more need every one (the longest chains' fifth article).
      const reads: number[] = [];
      const counting = { run: (q: string, p?: Record<string, unknown>) => (reads.push((p?.ids as string[]).length), store.run(q, p)) };
      await chainEnds(counting, await firstHops(starts));
      expect(reads).toHaveLength(5);
      const originOf = all;
      // Worked by hand: the start of the chain of four reaches its end; of the chain of six, the end is six hops
      // away, beyond the five followed, so no origin; an original has none; in the loop a -> b -> a, a's chain ends at
      // a itself (its link is taken already).
      expect(MAX_CHAIN).toBe(5);
      expect(originOf('c4-0')).toBe('c4-4');
      expect(originOf('c6-1')).toBe('c6-6');
      expect(originOf('c6-0')).toBeNull();
      expect(originOf('c0-0')).toBeNull();
      expect(originOf('loop-a')).toBe('loop-a');
    } finally {
      await store.close();
    }
  });
});
