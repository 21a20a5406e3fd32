/**
 * The store's band keys in memory, compactly (issue 19): each key's members
 * (at most BAND_MEMBERS_CAP, sorted by id) in typed arrays, the key itself
 * kept only as a 64-bit hash. A JavaScript Map from key strings to arrays
 * cost about 150 bytes a key once keys are mostly distinct (a key string, a
 * map entry and an array each), about 1.8 GB for the ~12 million keys of a
 * million statements, and a Map holds at most 2^24 entries: it would have
 * failed past about 1.4 million statements. Here a key costs 12 bytes of
 * open-addressed table (load at most 3/4) and a membership 8 bytes, and a
 * member's id is kept once.
 *
 * Two keys with the same 64-bit hash would share their members (a chance
 * candidate more, which the comparisons then reject): at 12 million keys
 * the chance that any two collide is about 4 in a million.
 */

/** The band keys as the store holds them, by key: members sorted by id. */
export interface StoredBands {
  /** A key's members, sorted by id; undefined for a key no member has. */
  get(key: string): readonly string[] | undefined;
  /** Adds members to a key (those it lacks), keeping them sorted. */
  add(key: string, ids: readonly string[]): void;
  /** Keys held. */
  readonly size: number;
  /** Every key (as its hash, in hex: the strings are not kept) with its members, in no particular order. */
  entries(): IterableIterator<[string, string[]]>;
}

const EMPTY = 0;

export class BandTable implements StoredBands {
  private capacity = 1 << 12;
  private hi = new Uint32Array(this.capacity);
  private lo = new Uint32Array(this.capacity);
  /** 1 + the first pool node of the slot's member list; 0 for an empty slot. */
  private head = new Int32Array(this.capacity);
  private keys = 0;
  /** The pool of member list nodes: member index and 1 + next node (0 ends). */
  private member: Int32Array<ArrayBuffer> = new Int32Array(1 << 12);
  private next: Int32Array<ArrayBuffer> = new Int32Array(1 << 12);
  private nodes = 0;
  private readonly ids: string[] = [];
  private readonly idIndex = new Map<string, number>();

  get size(): number {
    return this.keys;
  }

  get(key: string): readonly string[] | undefined {
    const slot = this.find(...hash64(key));
    if (this.head[slot] === EMPTY) return undefined;
    const out: string[] = [];
    for (let n = this.head[slot]! - 1; n >= 0; n = this.next[n]! - 1) out.push(this.ids[this.member[n]!]!);
    return out;
  }

  add(key: string, ids: readonly string[]): void {
    if (ids.length === 0) return;
    if ((this.keys + 1) * 4 > this.capacity * 3) this.grow();
    const [h, l] = hash64(key);
    const slot = this.find(h, l);
    if (this.head[slot] === EMPTY) {
      this.keys += 1;
      this.hi[slot] = h;
      this.lo[slot] = l;
    }
    for (const id of ids) this.insert(slot, id);
  }

  *entries(): IterableIterator<[string, string[]]> {
    for (let slot = 0; slot < this.capacity; slot++) {
      if (this.head[slot] === EMPTY) continue;
      const out: string[] = [];
      for (let n = this.head[slot]! - 1; n >= 0; n = this.next[n]! - 1) out.push(this.ids[this.member[n]!]!);
      yield [this.hi[slot]!.toString(16).padStart(8, '0') + this.lo[slot]!.toString(16).padStart(8, '0'), out];
    }
  }

  /** The slot holding the key of hash (h, l), or the empty slot where it would go. */
  private find(h: number, l: number): number {
    const mask = this.capacity - 1;
    let slot = (l ^ Math.imul(h, 0x9e3779b1)) & mask;
    while (this.head[slot] !== EMPTY && (this.hi[slot] !== h || this.lo[slot] !== l)) slot = (slot + 1) & mask;
    return slot;
  }

  /** Adds `id` to the slot's list, sorted by id, unless it is there. */
  private insert(slot: number, id: string): void {
    let m = this.idIndex.get(id);
    if (m === undefined) {
      m = this.ids.length;
      this.ids.push(id);
      this.idIndex.set(id, m);
    }
    let prev = -1;
    let n = this.head[slot]! - 1;
    while (n >= 0) {
      const other = this.ids[this.member[n]!]!;
      if (other === id) return;
      if (other > id) break;
      prev = n;
      n = this.next[n]! - 1;
    }
    if (this.nodes === this.member.length) {
      this.member = grown(this.member);
      this.next = grown(this.next);
    }
    const node = this.nodes++;
    this.member[node] = m;
    this.next[node] = n + 1;
    if (prev < 0) this.head[slot] = node + 1;
    else this.next[prev] = node + 1;
  }

  private grow(): void {
    const { hi, lo, head } = this;
    this.capacity *= 2;
    this.hi = new Uint32Array(this.capacity);
    this.lo = new Uint32Array(this.capacity);
    this.head = new Int32Array(this.capacity);
    const mask = this.capacity - 1;
    for (let old = 0; old < hi.length; old++) {
      if (head[old] === EMPTY) continue;
      let slot = (lo[old]! ^ Math.imul(hi[old]!, 0x9e3779b1)) & mask;
      while (this.head[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.hi[slot] = hi[old]!;
      this.lo[slot] = lo[old]!;
      this.head[slot] = head[old]!;
    }
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}

/** Two independent 32-bit hashes of a string's UTF-16 code units (FNV-1a, and a multiply-rotate mix), as unsigned. */
export function hash64(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  return [a >>> 0, b >>> 0];
}
