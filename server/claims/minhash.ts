/**
 * MinHash signatures and LSH band keys. A signature keeps, for each of k
 * seeded hash functions, the minimum hash over a set's elements; two sets
 * agree at one position with probability equal to their Jaccard similarity.
 * Cutting the signature into b bands of r rows and keying each band makes
 * sets with Jaccard J share at least one key with probability
 * 1 - (1 - J^r)^b, so candidates are found by equality lookups on an
 * indexed key instead of by comparing against everything stored.
 * Deterministic (fixed seeds): keys written today are found tomorrow.
 */

/** 32-bit FNV-1a over UTF-16 code units. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a cheap, well-mixing permutation of 32-bit values. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const seedCache: number[] = [];
function seeds(k: number): readonly number[] {
  while (seedCache.length < k) seedCache.push(fmix32(Math.imul(seedCache.length + 1, 0x9e3779b9)));
  return seedCache;
}

/** The k-value MinHash signature of a set of strings; empty for an empty set. */
export function minhash(elements: Iterable<string>, k: number): number[] {
  const hashes: number[] = [];
  for (const e of elements) hashes.push(hash32(e));
  return minhashOfHashes(hashes, k);
}

/**
 * The signature from the elements' hash32 values: a value given twice changes no minimum, so they need not be
 * distinct (minhash of a set and of the same elements with repeats are one signature). fmix32 written out in the
 * loop: the inner loop of every article's and statement's keys.
 */
export function minhashOfHashes(hashes: readonly number[], k: number): number[] {
  const n = hashes.length;
  if (n === 0) return [];
  const s = seeds(k);
  const sig = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    const seedI = s[i]!;
    let min = 0xffffffff;
    for (let j = 0; j < n; j++) {
      let h = (hashes[j]! ^ seedI) >>> 0;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h >>>= 0;
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return sig;
}

/**
 * hash32 of each word n-gram of `tokens` joined by a space (text.ts `shingles`: a text shorter than n is one
 * shingle of all its words), without building the strings.
 */
export function shingleHashes(tokens: readonly string[], n: number): number[] {
  if (tokens.length === 0) return [];
  const width = Math.min(n, tokens.length);
  const out: number[] = [];
  for (let i = 0; i + width <= tokens.length; i++) {
    let h = 0x811c9dc5;
    for (let w = 0; w < width; w++) {
      if (w > 0) {
        h ^= 0x20;
        h = Math.imul(h, 0x01000193);
      }
      const t = tokens[i + w]!;
      for (let c = 0; c < t.length; c++) {
        h ^= t.charCodeAt(c);
        h = Math.imul(h, 0x01000193);
      }
    }
    out.push(h >>> 0);
  }
  return out;
}

/** The fraction of positions where two signatures agree: an estimate of the sets' Jaccard similarity. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same += 1;
  return same / a.length;
}

/**
 * One key per band: `${scope}:${band}:${hash of the band's rows}`. The scope
 * (an actor id, "art") keeps unrelated families of keys apart, and keeps
 * each key's population small: a statement's keys are scoped by its speaker,
 * so only that speaker's statements can collide with it.
 */
export function bandKeys(signature: readonly number[], bands: number, rows: number, scope: string): string[] {
  return bandSuffixes(signature, bands, rows).map((suffix) => `${scope}:${suffix}`);
}

/**
 * The scope-free part of each band's key, `${band}:${hash of the band's rows}`: a band's hash depends on its rows
 * only, so one signature filed under several scopes (periods, speaker and subjects) hashes its bands once.
 */
export function bandSuffixes(signature: readonly number[], bands: number, rows: number): string[] {
  if (signature.length === 0) return [];
  if (signature.length < bands * rows) throw new Error(`a signature of ${signature.length} values cannot fill ${bands} bands of ${rows} rows`);
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) {
    let h1 = 0x9747b28c ^ b;
    let h2 = 0x2545f491 ^ b;
    for (let r = 0; r < rows; r++) {
      const v = signature[b * rows + r]!;
      h1 = fmix32(Math.imul(h1 ^ v, 0x01000193));
      h2 = fmix32(Math.imul(h2 ^ v, 0x5bd1e995) + r);
    }
    keys.push(`${b}:${h1.toString(36)}${h2.toString(36)}`);
  }
  return keys;
}

/** Probability that two sets with Jaccard similarity j share at least one band key. */
export function lshHitProbability(j: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(j, rows), bands);
}
