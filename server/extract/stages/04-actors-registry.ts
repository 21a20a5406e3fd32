/**
 * Stage 4, part: the article's actor registry and the name helpers it uses
 * (folding, surname compatibility, possessives, nations). Moved out of
 * 04-actors.ts unchanged.
 */
import type { ActorKind } from '../schema.js';
import type { Actor, Doc, Token } from '../doc.js';
import { COUNTRIES } from '../model/places.js';
import { LEADER_HEADS, ROLE_HEADS } from '../model/titles.js';

export const CONNECTORS = new Set(['of', 'della', 'del', 'de', 'di', 'da', 'von', 'van', 'bin', 'al', 'la', 'le', 'du', 'dos', 'das', 'der', 'ibn']);

/** Lowercase country name, alias or demonym -> canonical country name. */
export const NATION: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const c of COUNTRIES) {
    m.set(c.name.toLowerCase(), c.name);
    for (const a of c.aliases ?? []) m.set(a.toLowerCase(), c.name);
    for (const d of c.demonyms) m.set(d.toLowerCase(), c.name);
  }
  return m;
})();
export const COUNTRY_NAMES: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const c of COUNTRIES) {
    m.set(c.name.toLowerCase(), c.name);
    for (const a of c.aliases ?? []) m.set(a.toLowerCase(), c.name);
  }
  return m;
})();

/** Canonical country for a word or phrase, or undefined. */
export function nationOf(word: string): string | undefined {
  return NATION.get(stripPossessive(word).toLowerCase());
}

/** Lowercase, accents removed: "Erdoğan" and "Erdogan" are one key. */
export function fold(s: string): string {
  // fast path: plain ASCII needs no normalisation, and lowercase ASCII (most keys: they were lowercased before) is its own fold
  // (a loop: cheaper than a regular expression on these short strings)
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  return upper ? s.toLowerCase() : s;
}

/**
 * Whether two person names (folded words) can be one person: one is a bare
 * surname; or the first names agree (equal, or one is the other's initial);
 * or the shorter is the longer's end and opens with a name particle ("La
 * Riva" / "Gloria La Riva"). Same last word alone is not enough: "Hunter
 * Biden" and "Joe Biden" are two people.
 */
export function compatibleNames(a: readonly string[], b: readonly string[]): boolean {
  if (a[a.length - 1] !== b[b.length - 1]) return false;
  if (a.length === 1 || b.length === 1) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (CONNECTORS.has(short[0]!) && long.slice(long.length - short.length).every((w, k) => w === short[k])) return true;
  const x = a[0]!;
  const y = b[0]!;
  return x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
}

export function stripPossessive(s: string): string {
  const last = s.charCodeAt(s.length - 1);
  // fast path: most words end in neither an apostrophe nor "'s"
  if (last !== 0x27 && last !== 0x2019 && !(s.length > 2 && (last === 0x73 || last === 0x53) && (s.charCodeAt(s.length - 2) === 0x27 || s.charCodeAt(s.length - 2) === 0x2019))) return s;
  return s.replace(/['’]s$/u, '').replace(/(?<=s)['’]$/u, '');
}

export function isPossessive(t: Token): boolean { return /['’]s$/u.test(t.text); }

/** Per-article registry of actors; `find*` functions never create, `get*` create when missing. */
export class Registry {
  readonly actors: Actor[] = [];
  private byName = new Map<string, Actor>();
  /** Last word of a name -> actors with that last word: partial-name lookups stay O(1) on long texts. */
  private bySurname = new Map<string, Actor[]>();

  private index(a: Actor): void {
    const key = fold(a.name).split(/\s+/).pop()!;
    const list = this.bySurname.get(key);
    if (!list) this.bySurname.set(key, [a]);
    else if (!list.includes(a)) list.push(a);
  }

  /** A known person whose last name is `word` (case-insensitive), most recently mentioned first. */
  personBySurname(word: string): Actor | undefined {
    const list = this.bySurname.get(fold(word));
    if (!list) return undefined;
    let best: Actor | undefined;
    for (const a of list) if (a.kind === 'person' && (!best || a.lastSeen > best.lastSeen)) best = a;
    return best;
  }

  constructor(actors: Actor[]) { this.actors = actors; }

  /** An actor registered under `key` (a name or an acronym), or undefined. */
  find(key: string): Actor | undefined { return this.byName.get(fold(key)); }

  /** Registers another key for an actor: the acronym of its expanded name ("WHO" for World Health Organization). */
  alias(a: Actor, key: string): void {
    if (!this.byName.has(fold(key))) this.byName.set(fold(key), a);
  }

  get(name: string, kind: ActorKind, surface: string, pos: number): Actor {
    const key = fold(name);
    let a = this.byName.get(key);
    if (!a) {
      a = { id: this.actors.length, name, kind, aliases: new Set(), roles: new Set(), nations: new Set(), lastSeen: pos, seen: [] };
      this.actors.push(a);
      this.byName.set(key, a);
      this.index(a);
    }
    if (surface && surface !== a.name) a.aliases.add(surface);
    a.lastSeen = Math.max(a.lastSeen, pos);
    if (a.seen[a.seen.length - 1] !== pos) a.seen.push(pos);
    return a;
  }

  /** A person by full or partial name: "Zelensky" finds "Vladimir Zelensky"; a fuller name upgrades a partial one. */
  person(name: string, surface: string, pos: number): Actor {
    const key = fold(name);
    const parts = key.split(/\s+/);
    const last = parts[parts.length - 1]!;
    const exact = this.byName.get(key);
    // a place, a work or a thing met before stays what it is ("the Keller decision ... overturn Keller")
    if (exact && exact.kind === 'other' && exact.speakerKind !== undefined && exact.speakerKind !== 'person') return this.touch(exact, surface, pos);
    if (exact && (exact.kind === 'person' || exact.kind === 'other')) {
      exact.kind = 'person';
      return this.touch(exact, surface, pos);
    }
    const candidates = (this.bySurname.get(last) ?? []).filter((a) => a.kind === 'person' || a.kind === 'other')
      .filter((a) => compatibleNames(fold(a.name).split(/\s+/), parts))
      .sort((x, y) => y.lastSeen - x.lastSeen);
    // A bare surname shared by several full names goes to the one mentioned most so far, then the one met
    // first: the article's subject ("Joe Biden ... his son Hunter Biden ... Biden said"), not the last relative named.
    if (parts.length === 1 && candidates.length > 1) candidates.sort((x, y) => y.seen.length - x.seen.length || x.seen[0]! - y.seen[0]!);
    const hit = candidates[0];
    if (hit) {
      if (parts.length > hit.name.split(/\s+/).length) {
        // the fuller form becomes canonical: "Macron" then "Emmanuel Macron"
        hit.aliases.add(hit.name);
        hit.name = name;
        this.byName.set(fold(name), hit);
      } else if (name !== hit.name) hit.aliases.add(name);
      hit.kind = 'person';
      return this.touch(hit, surface, pos);
    }
    return this.get(name, 'person', surface, pos);
  }

  private touch(a: Actor, surface: string, pos: number): Actor {
    if (surface && surface !== a.name) a.aliases.add(surface);
    a.lastSeen = Math.max(a.lastSeen, pos);
    if (a.seen[a.seen.length - 1] !== pos) a.seen.push(pos);
    return a;
  }

  /** The person holding a role ("French president", "Israeli leader"), most recently mentioned first. */
  byTitle(words: string[], pos: number): Actor | null {
    const lower = words.map((w) => stripPossessive(w).toLowerCase());
    const nation = lower.map((w) => NATION.get(w)).find((n) => n !== undefined);
    const heads = lower.filter((w) => ROLE_HEADS.has(w) || LEADER_HEADS.has(w) || w === 'predecessor');
    if (heads.length === 0) return null;
    // the title's other words must be the person's too: "the Vice President" is not a President, "the Senate Minority Leader" not a Prime Minister
    const qualifiers = lower.filter((w) => !heads.includes(w) && !NATION.has(w) && w !== 'the' && w !== 'former' && w !== 'his' && w !== 'her' && w !== 'its');
    // only people mentioned before `pos`, most recent mention before `pos` first
    const people = this.actors.filter((a) => a.kind === 'person' && lastBefore(a, pos) >= 0).sort((x, y) => lastBefore(y, pos) - lastBefore(x, pos));
    for (const p of people) {
      if (nation && !p.nations.has(nation)) continue;
      const roles = [...p.roles].map((r) => r.toLowerCase());
      const ok = heads.every((h) => {
        if (h === 'predecessor') return roles.some((r) => r.startsWith('former'));
        if (h === 'leader') return roles.some((r) => r.split(/[\s,]+/).some((w) => LEADER_HEADS.has(w)));
        return roles.some((r) => r.split(/[\s,]+/).includes(h));
      });
      const roleWords = new Set(roles.flatMap((r) => r.split(/[\s,]+/)));
      if (ok && qualifiers.every((q) => roleWords.has(q)) && (!lower.includes('former') || roles.some((r) => r.startsWith('former')))) return p;
    }
    return null;
  }
}

/** Offset of the actor's last mention before `pos`, or -1. */
function lastBefore(a: Actor, pos: number): number {
  let lo = 0;
  let hi = a.seen.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a.seen[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? a.seen[lo - 1]! : -1;
}

/** Registry attached to a doc (one per extraction). */
const registries = new WeakMap<Doc, Registry>();
export function registryOf(doc: Doc): Registry {
  let r = registries.get(doc);
  if (!r) { r = new Registry(doc.actors); registries.set(doc, r); }
  return r;
}
