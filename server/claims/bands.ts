/**
 * The band keys in memory (issue 19): what the store holds under each key
 * (server/claims/band-store.ts keeps it per store), plus what a batch's own
 * articles add, so each article's candidates are found exactly as a lookup
 * after the articles before it had written their keys would find them, with
 * no round trip at all.
 *
 * The rules (the ones the claims step applied in Cypher over `_Band` nodes
 * before schema version 11):
 * - a key takes a member only while it has fewer than `membersCap`
 *   (BAND_MEMBERS_CAP); a member is linked to a key once;
 * - a lookup reads a key's first `cap` members by id (BAND_CAP), an
 *   article's lookup leaving the article itself out first;
 * - the candidates of a lookup are ranked by how many of its keys found
 *   them (a key given twice counts twice), most first, ties by id, and
 *   the first `budget` kept.
 * Pure: test/claims/bands.test.ts holds it to those rules.
 */

import type { StoredBands } from './band-table.js';

/** What the batch adds to the store's band keys: each new member with the keys it was admitted under. */
export interface BandWrites {
  articleBands: Array<{ id: string; keys: string[] }>;
  statementBands: Array<{ id: string; keys: string[] }>;
}

type Kind = 'articles' | 'statements';

export class BandIndex {
  /** Keys the batch changed: their members, stored and added, sorted (copied from the store's on first change). */
  private readonly changed = new Map<string, string[]>();
  private readonly admitted: Record<Kind, Map<string, string[]>> = { articles: new Map(), statements: new Map() };

  constructor(
    private readonly stored: Pick<StoredBands, 'get'>,
    private readonly membersCap: number,
  ) {}

  /** The articles sharing the most of these keys with an article (itself left out), best first. */
  articleCandidates(articleId: string, keys: readonly string[], cap: number, budget: number): string[] {
    return this.rank(keys, cap, budget, articleId);
  }

  /** The statements sharing the most of these keys, best first. */
  statementCandidates(keys: readonly string[], cap: number, budget: number): string[] {
    return this.rank(keys, cap, budget, null);
  }

  /** Adds an article under its keys (those not full yet). */
  addArticle(id: string, keys: readonly string[]): void {
    this.add(id, keys, 'articles');
  }

  /** Adds a statement under its keys (those not full yet). */
  addStatement(id: string, keys: readonly string[]): void {
    this.add(id, keys, 'statements');
  }

  /** What the additions write to the store: each new member with the keys it was admitted under, in the order added. */
  pending(): BandWrites {
    const rows = (m: Map<string, string[]>) => [...m].map(([id, keys]) => ({ id, keys: [...keys] }));
    return { articleBands: rows(this.admitted.articles), statementBands: rows(this.admitted.statements) };
  }

  /** Applies the additions to the stored index, once the store holds them. */
  commit(into: Pick<StoredBands, 'add'>): void {
    for (const [key, ids] of this.changed) into.add(key, ids);
  }

  private members(key: string): readonly string[] | undefined {
    return this.changed.get(key) ?? this.stored.get(key);
  }

  private rank(keys: readonly string[], cap: number, budget: number, without: string | null): string[] {
    const hits = new Map<string, number>();
    for (const key of keys) {
      const ids = this.members(key);
      if (ids === undefined) continue;
      let taken = 0;
      for (const id of ids) {
        if (taken >= cap) break;
        if (id === without) continue;
        hits.set(id, (hits.get(id) ?? 0) + 1);
        taken += 1;
      }
    }
    return [...hits.entries()]
      .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
      .slice(0, budget)
      .map(([id]) => id);
  }

  private add(id: string, keys: readonly string[], kind: Kind): void {
    for (const key of keys) {
      let ids = this.changed.get(key);
      if (ids === undefined) {
        const stored = this.stored.get(key);
        if (stored !== undefined && (stored.length >= this.membersCap || stored.includes(id))) continue;
        ids = stored === undefined ? [] : [...stored];
        this.changed.set(key, ids);
      }
      if (ids.length >= this.membersCap || ids.includes(id)) continue;
      insertSorted(ids, id);
      const admitted = this.admitted[kind];
      const own = admitted.get(id);
      if (own === undefined) admitted.set(id, [key]);
      else own.push(key);
    }
  }
}

/** Inserts `id` into `ids`, sorted by id (a key holds a handful). */
function insertSorted(ids: string[], id: string): void {
  let i = ids.length;
  while (i > 0 && compare(ids[i - 1]!, id) > 0) i -= 1;
  ids.splice(i, 0, id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
