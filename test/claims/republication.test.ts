import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { articleShingles } from '../../server/claims/keys.js';
import { copyMatch, planRepublication } from '../../server/claims/republication.js';
import { jaccard } from '../../server/claims/text.js';

const PAGE = readFileSync(new URL('../fixtures/seed-page.txt', import.meta.url), 'utf8');
/** The seed page's Kellogg and Netanyahu articles: one paragraph each. */
const KELLOGG = PAGE.split('\n').find((l) => l.startsWith('The Alaska summit'))!;
const NETANYAHU = PAGE.split('\n').find((l) => l.startsWith('Israeli Prime Minister Benjamin Netanyahu'))!;
/** A rerun with light edits: a word changed here and there, a sentence added. */
const EDITED = KELLOGG.replace('historic step', 'major step').replace('last week', 'on Friday').replace('discissions', 'discussions') + ' The Kremlin has not commented.';

describe('copyMatch', () => {
  test('a lightly edited copy resembles the original far above the threshold', () => {
    const m = copyMatch(articleShingles(KELLOGG), articleShingles(EDITED));
    expect(m).not.toBeNull();
    expect(m!.score).toBeGreaterThan(0.85);
  });

  test('another article of the same page shares almost nothing', () => {
    expect(jaccard(articleShingles(KELLOGG), articleShingles(NETANYAHU))).toBeLessThan(0.02);
    expect(copyMatch(articleShingles(KELLOGG), articleShingles(NETANYAHU))).toBeNull();
  });

  test("a trimmed copy (the first third) is contained in the original", () => {
    const half = KELLOGG.slice(0, Math.floor(KELLOGG.length / 3));
    const m = copyMatch(articleShingles(half), articleShingles(KELLOGG));
    expect(m?.reason).toMatch(/^containment/);
  });
});

describe('planRepublication', () => {
  const original = { id: 'art_orig', text: KELLOGG, date: '2025-08-20T10:00:00Z' };

  test('when the new article is a later copy, then it republishes the stored one', () => {
    const links = planRepublication({ id: 'art_copy', text: EDITED, date: '2025-08-21T10:00:00Z' }, [original]);
    expect(links.map((l) => [l.from, l.to])).toEqual([['art_copy', 'art_orig']]);
  });

  test('when dates are equal or unknown, then the stored article is the original', () => {
    const links = planRepublication({ id: 'art_copy', text: EDITED, date: null }, [{ ...original, date: null }]);
    expect(links.map((l) => [l.from, l.to])).toEqual([['art_copy', 'art_orig']]);
  });

  test('when the new article is earlier, then the stored copies that copy nothing yet point at it', () => {
    const links = planRepublication({ id: 'art_first', text: EDITED, date: '2025-08-19T10:00:00Z' }, [original, { id: 'art_other', text: KELLOGG, date: '2025-08-22T00:00:00Z', republishes: 'art_orig' }]);
    expect(links.map((l) => [l.from, l.to])).toEqual([['art_orig', 'art_first']]);
  });

  test('when nothing matches, or the text is short, then no link', () => {
    expect(planRepublication({ id: 'art_n', text: NETANYAHU, date: null }, [original])).toEqual([]);
    expect(planRepublication({ id: 'art_s', text: 'Too short to tell.', date: null }, [{ ...original, text: 'Too short to tell.' }])).toEqual([]);
  });
});

/**
 * planRepublication compares texts on numbered shingles (issue 19: the string sets were most of the check's
 * cost); here it is held to copyMatch over the string sets, written out as the plan stood, on seeded random
 * stories and their copies: edited, trimmed, unrelated, empty, shorter than a shingle and exactly one shingle long.
 */
describe('planRepublication on numbered shingles is copyMatch on the string sets', () => {
  function before(article: { id: string; text: string; date: string | null }, candidates: Array<{ id: string; text: string; date: string | null; republishes: string | null }>) {
    if (articleShingles(article.text).size === 0 || article.text.split(' ').length < 40) return null;
    const mine = articleShingles(article.text);
    return candidates
      .filter((c) => c.id !== article.id)
      .map((c) => ({ id: c.id, m: copyMatch(mine, articleShingles(c.text)) }))
      .filter((x) => x.m !== null)
      .map((x) => `${x.id} ${x.m!.score} ${x.m!.reason}`)
      .sort();
  }

  test('300 random stories (seeded), each against eight candidates', async () => {
    const { rng } = await import('../utils/random.js');
    const next = rng(1919);
    const vocabulary = Array.from({ length: 60 }, (_, i) => `w${i}x`);
    const story = (length: number) => Array.from({ length }, () => vocabulary[Math.floor(next() * vocabulary.length)]!);
    let checked = 0;
    for (let n = 0; n < 300; n++) {
      const base = story(40 + Math.floor(next() * 80));
      const edit = (ws: string[]) => ws.map((w) => (next() < 0.1 ? vocabulary[Math.floor(next() * vocabulary.length)]! : w)).filter(() => next() > 0.05);
      const texts = [
        edit(base), base.slice(0, Math.floor(base.length / 3)), base.slice(Math.floor(base.length / 4)), story(50), [], story(1), story(2), base.slice(5, 8),
      ];
      // The new article is the earliest: every matching candidate is linked to it, each with its score.
      const article = { id: 'a', text: base.join(' '), date: '2025-01-01' };
      const candidates = texts.map((t, i) => ({ id: `c${i}`, text: t.join(' '), date: '2025-01-02', republishes: null }));
      const links = planRepublication(article, candidates).map((l) => `${l.from} ${l.score} ${l.reason}`).sort();
      const expected = before(article, candidates)!;
      expect(links, article.text).toEqual(expected);
      if (expected.length > 0) checked += 1;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
