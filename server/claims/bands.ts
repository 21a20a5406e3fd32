/**
 * The band keys of a batch of articles in memory (issue 19): what the
 * store holds under each key when the batch starts, read once, plus what
 * the batch's own articles add, so each article's candidates are found
 * exactly as a lookup in the store would find them after the articles
 * before it had written their keys, with no round trip per article.
 *
 * The rules are the store's (the claims step wrote them as Cypher before):
 * - a key takes a member only while it has fewer than `membersCap`
 *   (BAND_MEMBERS_CAP); a member is linked to a key once;
 * - a lookup reads a key's first `cap` members by id (BAND_CAP), an
 *   article's lookup leaving the article itself out first;
 * - the candidates of a lookup are ranked by how many of its keys found
 *   them (a key given twice counts twice), most first, ties by id, and
 *   the first `budget` kept.
 * Pure: test/claims/bands.test.ts holds it to those rules.
 */

/**
 * A band key as the store holds it: member count and members, by id. A key's members are all articles (the
 * article keys, scoped `art`) or all statements (the statement keys, scoped by speaker, target or anchor), so the
 * lookups of each kind read only keys of their kind.
 */
export interface BandState {
  key: string;
  /** Null when the key was never counted (read as 0). */
  members: number | null;
  ids: readonly string[];
}

interface Band {
  /** Whether the store holds the key (else the batch creates it). */
  stored: boolean;
  members: number;
  /** Whether `members` changed in this batch (the key is written back). */
  changed: boolean;
  ids: string[];
}

/** What the batch adds to the store's band keys: new keys, new member counts of stored keys, and new links. */
export interface BandWrites {
  newBands: Array<{ key: string; members: number }>;
  bands: Array<{ key: string; members: number }>;
  articleBands: Array<{ id: string; key: string }>;
  statementBands: Array<{ id: string; key: string }>;
}

type Kind = 'articles' | 'statements';

export class BandIndex {
  private readonly bands = new Map<string, Band>();
  private readonly links: Pick<BandWrites, 'articleBands' | 'statementBands'> = { articleBands: [], statementBands: [] };

  constructor(
    stored: readonly BandState[],
    private readonly membersCap: number,
  ) {
    for (const s of stored) {
      this.bands.set(s.key, {
        stored: true,
        members: s.members ?? 0,
        changed: false,
        ids: [...s.ids],
      });
    }
  }

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

  /**
   * What the additions write to the store: the keys it lacks, the new count of every stored key whose count
   * changed, and each new link (none of them in the store: the links already there were read).
   */
  pending(): BandWrites {
    const newBands: Array<{ key: string; members: number }> = [];
    const bands: Array<{ key: string; members: number }> = [];
    for (const [key, b] of this.bands) if (b.changed) (b.stored ? bands : newBands).push({ key, members: b.members });
    return { newBands, bands, articleBands: [...this.links.articleBands], statementBands: [...this.links.statementBands] };
  }

  private rank(keys: readonly string[], cap: number, budget: number, without: string | null): string[] {
    const hits = new Map<string, number>();
    for (const key of keys) {
      const band = this.bands.get(key);
      if (band === undefined) continue;
      const members = without === null ? band.ids : band.ids.filter((id) => id !== without);
      for (const id of [...members].sort(compare).slice(0, cap)) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    return [...hits.entries()]
      .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
      .slice(0, budget)
      .map(([id]) => id);
  }

  private add(id: string, keys: readonly string[], kind: Kind): void {
    for (const key of keys) {
      let band = this.bands.get(key);
      if (band === undefined) {
        band = { stored: false, members: 0, changed: true, ids: [] };
        this.bands.set(key, band);
      }
      if (band.members >= this.membersCap || band.ids.includes(id)) continue;
      band.ids.push(id);
      band.members += 1;
      band.changed = true;
      (kind === 'articles' ? this.links.articleBands : this.links.statementBands).push({ id, key });
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
