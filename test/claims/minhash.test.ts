import { describe, expect, test } from 'vitest';
import { bandKeys, estimateJaccard, hash32, lshHitProbability, minhash } from '../../server/claims/minhash.js';
import { anchorKeys, articleKeys, period, statementKeys, statementLookupKeys } from '../../server/claims/keys.js';
import { normalizeContent, polarForm, words } from '../../server/claims/text.js';
import { rng } from '../utils/random.js';

describe('minhash', () => {
  test('is deterministic across calls (keys written today are found tomorrow)', () => {
    expect(minhash(['a b', 'b c'], 16)).toEqual(minhash(['b c', 'a b', 'a b'], 16));
    expect(hash32('abc')).toBe(0x1a47e90b); // FNV-1a 32 of "abc", a published test vector
  });

  test('an empty set has an empty signature and no band keys', () => {
    expect(minhash([], 16)).toEqual([]);
    expect(bandKeys([], 8, 2, 'x')).toEqual([]);
  });

  test.each([
    { name: 'identical sets', shared: 100, onlyA: 0, onlyB: 0 },
    { name: 'half overlap (J = 1/3)', shared: 50, onlyA: 50, onlyB: 50 },
    { name: 'disjoint', shared: 0, onlyA: 100, onlyB: 100 },
  ])('estimates Jaccard within 0.1 with 256 values: $name', ({ shared, onlyA, onlyB }) => {
    const s = Array.from({ length: shared }, (_, i) => `s${i}`);
    const a = [...s, ...Array.from({ length: onlyA }, (_, i) => `a${i}`)];
    const b = [...s, ...Array.from({ length: onlyB }, (_, i) => `b${i}`)];
    const truth = shared / (shared + onlyA + onlyB);
    expect(Math.abs(estimateJaccard(minhash(a, 256), minhash(b, 256)) - truth)).toBeLessThan(0.1);
  });

  test('identical sets share every band key; another scope shares none', () => {
    const sig = minhash(['x y', 'y z'], 16);
    expect(bandKeys(sig, 8, 2, 'sp|a')).toEqual(bandKeys([...sig], 8, 2, 'sp|a'));
    const other = new Set(bandKeys(sig, 8, 2, 'sp|b'));
    expect(bandKeys(sig, 8, 2, 'sp|a').some((k) => other.has(k))).toBe(false);
  });

  test.each([
    { j: 0.5, bands: 8, rows: 2, p: 1 - Math.pow(0.75, 8) },
    { j: 0.8, bands: 16, rows: 4, p: 1 - Math.pow(1 - 0.4096, 16) },
    { j: 0, bands: 8, rows: 2, p: 0 },
  ])('LSH hit probability at J=$j with $bands x $rows', ({ j, bands, rows, p }) => {
    expect(lshHitProbability(j, bands, rows)).toBeCloseTo(p, 10);
  });
});

describe('statement and article keys', () => {
  const s = { content: "Trump's 'sincere' desire to achieve peace", cueClass: 'say', speakerId: 'act_p', aboutIds: ['act_t'], articleDate: '2025-08-21T10:00:00Z', saidAt: null, saidAtPrecision: 'unknown' };
  const banded = (keys: string[]) => keys.filter((k) => !k.startsWith('q:'));

  test('a statement is stored under 8 speaker bands and 4 bands per subject, in its own period, and its anchors', () => {
    const keys = banded(statementKeys(s));
    expect(keys).toHaveLength(12);
    expect(statementKeys(s).filter((k) => k.startsWith('q:'))).toEqual(anchorKeys(s.content));
    expect(keys.filter((k) => k.startsWith(`sp|act_p|${period(s.articleDate)}:`))).toHaveLength(8);
    expect(keys.filter((k) => k.startsWith('ab|act_t|'))).toHaveLength(4);
  });

  test('lookups cover the neighbouring periods, so a report 14 days later still finds it', () => {
    const later = { ...s, articleDate: '2025-09-04T10:00:00Z' };
    const stored = new Set(statementKeys(s));
    expect(period(later.articleDate)).not.toBe(period(s.articleDate));
    expect(banded(statementLookupKeys(later)).filter((k) => stored.has(k))).toHaveLength(12);
  });

  test('the polarity-neutral form is keyed, so an opposite statement shares keys with the original', () => {
    const a = banded(statementKeys({ ...s, content: 'Russia will attend the summit' }));
    const b = new Set(statementKeys({ ...s, content: 'Russia will not attend the summit' }));
    expect(a.every((k) => b.has(k))).toBe(true);
  });

  test('a statement without an actor has its anchors only (a speaker-less report is still found); without content words, no keys', () => {
    expect(statementKeys({ ...s, speakerId: null, aboutIds: [] })).toEqual(anchorKeys(s.content));
    expect(anchorKeys(s.content).length).toBeGreaterThan(0);
    expect(statementKeys({ ...s, content: 'to the' })).toEqual([]);
  });

  test('an article shorter than 40 words has no keys; a longer one has 16', () => {
    expect(articleKeys('short text')).toEqual([]);
    expect(articleKeys(Array.from({ length: 60 }, (_, i) => `word${i}`).join(' '))).toHaveLength(16);
  });
});

/**
 * The keys as first written (issue 19 made them cheaper: no intermediate sets or shingle strings, a statement's
 * band hashes made once for all its scopes, the anchors remembered). Written out here as they stood, and the keys
 * of seeded random statements and articles held to them: a key that changed would strand every key stored before.
 */
describe('keys are the straightforward definition', () => {
  const fmix = (x: number) => {
    let h = x >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
  const minhashBefore = (elements: string[], k: number): number[] => {
    const hashes = [...new Set(elements)].map(hash32);
    if (hashes.length === 0) return [];
    return Array.from({ length: k }, (_, i) => {
      const seed = fmix(Math.imul(i + 1, 0x9e3779b9));
      return Math.min(...hashes.map((h) => fmix(h ^ seed)));
    });
  };
  const bandKeysBefore = (sig: number[], bands: number, rows: number, scope: string): string[] => {
    if (sig.length === 0) return [];
    return Array.from({ length: bands }, (_, b) => {
      let h1 = 0x9747b28c ^ b;
      let h2 = 0x2545f491 ^ b;
      for (let r = 0; r < rows; r++) {
        const v = sig[b * rows + r]!;
        h1 = fmix(Math.imul(h1 ^ v, 0x01000193));
        h2 = fmix(Math.imul(h2 ^ v, 0x5bd1e995) + r);
      }
      return `${scope}:${b}:${h1.toString(36)}${h2.toString(36)}`;
    });
  };
  const grams = (ws: string[], n: number) => (ws.length <= n ? [ws.join(' ')] : Array.from({ length: ws.length - n + 1 }, (_, i) => ws.slice(i, i + n).join(' ')));
  const anchorKeysBefore = (content: string): string[] => {
    const norm = normalizeContent(content);
    const ws = norm === '' ? [] : norm.split(' ');
    if (ws.length < 4) return [];
    const gs = grams(ws, 4).map((g) => ({ g, h: hash32(`q ${g}`) }));
    const picked = new Map<string, number>();
    for (let i = 0; i + 4 <= Math.max(gs.length, 4); i++) {
      const window = gs.slice(i, i + 4);
      let best = window[0]!;
      for (const x of window) if (x.h < best.h || (x.h === best.h && x.g < best.g)) best = x;
      picked.set(best.g, best.h);
    }
    return [...picked.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 24).map(([, h]) => `q:${h.toString(36)}`);
  };
  const scopedBefore = (st: { content: string; cueClass: string | null; speakerId: string | null; aboutIds: string[] }, periods: string[]) => {
    const sig = minhashBefore(polarForm(st.content, st.cueClass).neutral, 16);
    if (sig.length === 0) return [];
    return periods.flatMap((p) => [
      ...(st.speakerId ? bandKeysBefore(sig, 8, 2, `sp|${st.speakerId}|${p}`) : []),
      ...[...new Set(st.aboutIds)].flatMap((a) => bandKeysBefore(sig, 4, 2, `ab|${a}|${p}`)),
    ]);
  };
  const WORDS = ['the', 'minister', 'said', 'will', 'not', 'accept', 'reject', 'port', 'ban', 'on', 'new', 'licences', 'three', '62,000', 'troops', 'a', 'of', 'harbour', 'myth', "won't"];
  const phrase = (next: () => number, max: number) => Array.from({ length: Math.floor(next() * max) }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(' ');

  test('500 random statements (seeded): stored and lookup keys', () => {
    const next = rng(1919);
    for (let n = 0; n < 500; n++) {
      const st = {
        content: phrase(next, 30),
        cueClass: next() < 0.2 ? 'deny' : 'say',
        speakerId: next() < 0.8 ? `act_${Math.floor(next() * 3)}` : null,
        aboutIds: Array.from({ length: Math.floor(next() * 3) }, () => `act_${Math.floor(next() * 4)}`),
        articleDate: next() < 0.9 ? `2025-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}T10:00:00Z` : null,
        saidAt: null,
        saidAtPrecision: 'unknown',
      };
      const own = [period(st.articleDate)];
      const near = own[0] === 'x' ? ['x'] : [Number(own[0]) - 1, Number(own[0]), Number(own[0]) + 1].map(String);
      expect(statementKeys(st), st.content).toEqual([...scopedBefore(st, own), ...anchorKeysBefore(st.content)]);
      expect(statementLookupKeys(st), st.content).toEqual([...scopedBefore(st, near), ...anchorKeysBefore(st.content)]);
    }
  });

  test('100 random articles (seeded)', () => {
    const next = rng(2019);
    for (let n = 0; n < 100; n++) {
      const text = phrase(next, 200);
      const ws = words(text);
      expect(articleKeys(text)).toEqual(ws.length < 40 ? [] : bandKeysBefore(minhashBefore(grams(ws, 3), 64), 16, 4, 'art'));
    }
  });

  test('a signature over repeated elements is the signature over the set', () => {
    expect(minhash(['a', 'b', 'a', 'c', 'b'], 32)).toEqual(minhashBefore(['a', 'b', 'c'], 32));
  });
});
