import { describe, expect, test } from 'vitest';
import { bandKeys, estimateJaccard, hash32, lshHitProbability, minhash } from '../../server/claims/minhash.js';
import { anchorKeys, articleKeys, period, statementKeys, statementLookupKeys } from '../../server/claims/keys.js';

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
