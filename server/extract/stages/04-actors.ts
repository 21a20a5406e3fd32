/**
 * Stage 4: mentions of actors, in text order, and the article's actor registry.
 *
 * A mention is a run of capitalised words, with name connectors ("della",
 * "of") and lowercase role words ("spokeswoman", "special envoy") inside it:
 * "Russian Foreign Ministry spokeswoman Maria Zakharova". The run splits into
 * a role part and a name part; the role is kept on the actor. Runs with no
 * name are titles ("the French president": resolved to the most recent
 * person holding that role earlier in the article), organisations, media,
 * countries, metonyms (Moscow -> Russia) or groups ("US officials"). A lone
 * surname resolves to the person seen earlier with that surname. Pronouns are
 * recorded here and resolved in stage 6, which knows who spoke last.
 */
import type { ActorKind } from '../schema.js';
import type { Actor, Doc, Mention, Token } from '../doc.js';
import { CAPITALS_ONLY, KNOWN_MEDIA, KNOWN_ORGS, MEDIA_HEADS, MEDIA_MARKERS, NON_NAME_LAST_WORDS, ORG_HEADS, PARTY_WORDS } from '../model/orgs.js';
import { ATTACHING_PREPOSITIONS, COUNTRIES, FACILITY_HEADS, FACILITY_OPENERS, LAW_HEADS, METONYMS, NON_SOVEREIGN, US_INSTITUTIONS, SURNAME_FACILITY_HEADS, PLACE_HEADS, PLACE_OPENERS, THING_HEADS } from '../model/places.js';
import { GOVERNMENT_GROUPS, GROUP_MODIFIERS, GROUP_NOUNS, KINSHIP_NOUNS, LEADER_HEADS, PROXY_NOUNS, ROLE_HEADS, ROLE_WORDS, TITLE_ABBREVIATIONS } from '../model/titles.js';
import { GROUP_QUANTIFIERS, NON_NAME_CAPITALS, PRONOUNS } from '../model/words.js';
import { MEDIA_LAST_WORDS, PARTY_PLURALS } from '../model/parties.js';
import { CLAUSE_OPENERS, COMMON_WORDS, COUNTRY_NAMES as LEXICON_COUNTRIES, GIVEN_NAMES, ORG_NAMES, PERSON_NOUNS, PLACE_NAMES, SURNAMES } from '../model/lexicon.js';
import { SENTENCE_OPENERS } from '../model/openers.js';

const CONNECTORS = new Set(['of', 'della', 'del', 'de', 'di', 'da', 'von', 'van', 'bin', 'al', 'la', 'le', 'du', 'dos', 'das', 'der', 'ibn']);

/** Lowercase country name, alias or demonym -> canonical country name. */
const NATION: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const c of COUNTRIES) {
    m.set(c.name.toLowerCase(), c.name);
    for (const a of c.aliases ?? []) m.set(a.toLowerCase(), c.name);
    for (const d of c.demonyms) m.set(d.toLowerCase(), c.name);
  }
  return m;
})();
const COUNTRY_NAMES: Map<string, string> = (() => {
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
  // fast path: plain ASCII needs no normalisation
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s.toLowerCase() : s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
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

function isPossessive(t: Token): boolean { return /['’]s$/u.test(t.text); }

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
    const parts = fold(name).split(/\s+/);
    const last = parts[parts.length - 1]!;
    const exact = this.byName.get(fold(name));
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

/** Finds and resolves mentions sentence by sentence, so titles and partial names see only what came before. */
export function actors(doc: Doc): void {
  const reg = registryOf(doc);
  const { tokens } = doc;
  doc.sentences.forEach((s, si) => {
    const [first, end] = s.tokens;
    let i = first;
    while (i < end) {
      const t = tokens[i]!;
      if (t.type !== 'word') { i++; continue; }
      const pron = PRONOUNS[t.lower];
      if (pron) {
        doc.mentions.push({ span: [t.start, t.end], tokens: [i, i + 1], text: t.text, actor: null, pronoun: pron, title: null, group: null, sentence: si });
        i++;
        continue;
      }
      // only capitals, "the" and role words can open a mention: skip the rest cheaply
      const m = t.cap || t.lower === 'the' || ROLE_WORDS.has(t.lower) ? parseRun(doc, reg, i, end, si) : null;
      if (m) {
        const before = doc.mentions[doc.mentions.length - 1];
        doc.mentions.push(m);
        i = m.tokens[1];
        if (m.actor && acronymAfter(doc, reg, m, end)) {
          // the mention takes its bracketed acronym: "World Health Organization (WHO) said" is said by the organisation
          m.tokens = [m.tokens[0], m.tokens[1] + 3];
          m.span = [m.span[0], tokens[m.tokens[1] - 1]!.end];
          m.text = doc.text.slice(m.span[0], m.span[1]);
          i = m.tokens[1];
        }
        const att = attachment(doc, reg, m, before, first, si);
        if (att) doc.mentions.push(att);
      } else i++;
    }
  });
  nationalInstitutions(doc, reg);
}

/**
 * "Congress", "the Senate", "the House", "the Supreme Court" named bare in an
 * article whose most-mentioned country is the United States are the US ones:
 * renamed so they are one actor across articles ("Senate" stays generic, and
 * article-scoped, anywhere else). Not renamed when the article already has an
 * actor under the US name (the two stay apart rather than be merged here).
 */
function nationalInstitutions(doc: Doc, reg: Registry): void {
  const counts = new Map<string, number>();
  for (const m of doc.mentions) if (m.actor?.kind === 'country') counts.set(m.actor.name, (counts.get(m.actor.name) ?? 0) + 1);
  const us = counts.get('United States') ?? 0;
  if (us === 0 || [...counts.values()].some((n) => n > us)) return;
  for (const a of doc.actors) {
    if (a.kind !== 'organization') continue;
    const full = US_INSTITUTIONS[fold(a.name).replace(/^the /, '')];
    if (!full || reg.find(full)) continue;
    a.aliases.add(a.name);
    a.name = full;
    reg.alias(a, full);
  }
}

interface Item { t: Token; idx: number; role: boolean; }

/** Parses one mention starting at token i, or returns null. */
function parseRun(doc: Doc, reg: Registry, i: number, end: number, si: number): Mention | null {
  const { tokens } = doc;
  let j = i;
  let hasThe = false;
  if (tokens[j]!.lower === 'the' && j + 1 < end) { hasThe = true; j++; }
  const quote = tokens[j]!.quote;
  const items: Item[] = [];
  while (j < end) {
    const t = tokens[j]!;
    if (t.type !== 'word' || t.quote !== quote) break;
    const lower = stripPossessive(t.lower);
    if (t.cap) {
      if (items.length === 0 && NON_NAME_CAPITALS.has(t.lower) && !(t.text.length > 1 && t.text === t.text.toUpperCase())) break;
      // "Afterwards Trump said": an adverb opening the sentence is not the first word of the name after it
      if (items.length === 0 && !hasThe && t.text !== t.text.toUpperCase() && isOpener(t.lower) && tokens[j + 1]?.cap && tokens[j + 1]!.type === 'word' && sentenceInitial(doc, j)) break;
      if (items.length > 0 && NON_NAME_CAPITALS.has(t.lower) && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/.test(t.lower)) break;
      items.push({ t, idx: j, role: ROLE_WORDS.has(lower) || ORG_HEADS.has(lower) });
      j++;
      // a middle initial ("Robert F. Kennedy"): the dot does not end the name
      if ((/^\p{Lu}$/u.test(t.text) && items.length > 1 || TITLE_ABBREVIATIONS.has(t.lower)) && tokens[j]?.text === '.' && tokens[j]!.start === t.end && j + 1 < end && tokens[j + 1]!.cap && tokens[j + 1]!.type === 'word') { j++; continue; }
      if (isPossessive(t) && !(j < end && tokens[j]!.type === 'word' && (tokens[j]!.cap || ROLE_WORDS.has(tokens[j]!.lower)))) break;
      continue;
    }
    if (items.length > 0 && CONNECTORS.has(t.lower) && tokens[j + 1]?.cap && tokens[j + 1]!.type === 'word' && j + 1 < end
      && (t.lower !== 'of' || !looksLikeName(items[items.length - 1]!))) { items.push({ t, idx: j, role: false }); j++; continue; }
    if (ROLE_WORDS.has(lower) && !GROUP_NOUNS.has(lower)) {
      // a lowercase role word joins the run only when a name or an earlier capital anchors it
      let k = j;
      while (k < end && tokens[k]!.type === 'word' && !tokens[k]!.cap && ROLE_WORDS.has(stripPossessive(tokens[k]!.lower))) k++;
      if (k < end && items.length > 0 && GROUP_NOUNS.has(stripPossessive(tokens[k]!.lower))) {
        // "British military chiefs": role-like modifiers before a group noun make a group
        for (; j <= k; j++) items.push({ t: tokens[j]!, idx: j, role: false });
        break;
      }
      const anchoredRight = k < end && tokens[k]!.type === 'word' && tokens[k]!.cap && tokens[k]!.quote === quote && !NON_NAME_CAPITALS.has(tokens[k]!.lower);
      if (anchoredRight || (items.length > 0 || hasThe)) {
        for (; j < k; j++) items.push({ t: tokens[j]!, idx: j, role: true });
        if (!anchoredRight) break;
        continue;
      }
      break;
    }
    if (items.length > 0 && (GROUP_MODIFIERS.has(lower) || GROUP_NOUNS.has(lower)) && items.some((it) => nationOf(it.t.text) || it.t.cap)) {
      let k = j;
      while (k < end && GROUP_MODIFIERS.has(tokens[k]!.lower) && !GROUP_NOUNS.has(tokens[k]!.lower)) k++;
      if (k < end && GROUP_NOUNS.has(stripPossessive(tokens[k]!.lower))) {
        for (; j <= k; j++) items.push({ t: tokens[j]!, idx: j, role: false });
      } else if (k < end && k > j && ROLE_HEADS.has(tokens[k]!.lower)) {
        // "Japanese government official": a role with modifiers and no name
        for (; j <= k; j++) items.push({ t: tokens[j]!, idx: j, role: true });
      }
      break;
    }
    break;
  }
  while (items.length > 0 && CONNECTORS.has(items[items.length - 1]!.t.lower)) items.pop();
  if (items.length === 0) return null;
  const firstIdx = hasThe ? i : items[0]!.idx;
  let lastIdx = items[items.length - 1]!.idx;
  const start = tokens[firstIdx]!.start;
  let endOff = tokens[lastIdx]!.end;
  const pos = start;
  const words = items.map((it) => it.t.text);
  const lastWord = stripPossessive(words[words.length - 1]!).toLowerCase();
  const mk = (actor: Actor | null, extra: Partial<Mention> = {}): Mention => ({
    span: [start, endOff], tokens: [firstIdx, lastIdx + 1], text: doc.text.slice(start, endOff), actor, pronoun: null,
    title: null, group: null, sentence: si, ...extra,
  });

  // "Macron's office": the office speaks for the person; the mention keeps the words
  const lastItem = items[items.length - 1]!;
  const nextTok = tokens[lastIdx + 1];
  if (isPossessive(lastItem.t) && nextTok && lastIdx + 1 < end && PROXY_NOUNS.has(nextTok.lower)) {
    const inner = classify(doc, reg, items.map((it) => ({ ...it })), hasThe, pos, stripPossessive(doc.text.slice(items[0]!.t.start, lastItem.t.end)));
    lastIdx += 1;
    endOff = nextTok.end;
    return mk(inner?.actor ?? null, { tokens: [firstIdx, lastIdx + 1], span: [start, endOff], text: doc.text.slice(start, endOff) });
  }

  // groups: "US officials", "Multiple Russian officials"
  // "House of Representatives", "Council of Ministers": an organisation head before "of" names a body, not a group
  const bodyOf = words.some((w, k) => k > 0 && w === 'of' && ORG_HEADS.has(words[k - 1]!.toLowerCase()) && /^\p{Lu}/u.test(words[k - 1]!));
  if (GROUP_NOUNS.has(lastWord) && items.length >= 2 && !bodyOf) {
    const inPlace = placeWords(items);
    const nation = words.map((w, k) => (inPlace.has(k) ? undefined : nationOf(w))).find((n) => n !== undefined);
    if (nation && GOVERNMENT_GROUPS.has(lastWord)) return mk(reg.get(nation, 'country', doc.text.slice(start, endOff), pos));
    const names = words.filter((w, k) => !(k === 0 && GROUP_QUANTIFIERS.has(w.toLowerCase())));
    const g = reg.get(names.join(' '), 'group', doc.text.slice(start, endOff), pos);
    if (nation) g.nations.add(nation);
    return mk(g, { group: g.name });
  }
  const r = classify(doc, reg, items, hasThe, pos, stripPossessive(doc.text.slice(items[0]!.t.start, lastItem.t.end)));
  if (!r) return null;
  return mk(r.actor, { title: r.title });
}

interface Classified { actor: Actor | null; title: string | null; }

/** Splits a run into role and name parts and decides what it names. */
function classify(doc: Doc, reg: Registry, items: Item[], hasThe: boolean, pos: number, surface: string): Classified | null {
  const { tokens } = doc;
  const words = items.map((it) => stripPossessive(it.t.text));
  const lowerJoined = words.join(' ').toLowerCase();
  const prev = tokens[(items[0]!.idx) - (hasThe ? 2 : 1)];
  // whole-run lookups first: metonyms, organisations, media, countries
  const caps = capitalsOk(lowerJoined, words);
  const metonym = METONYMS[lowerJoined];
  if (metonym) return { actor: reg.get(metonym.name, metonym.kind, surface, pos), title: null };
  const org = caps ? KNOWN_ORGS[lowerJoined] : undefined;
  if (org) return { actor: reg.get(org.name, org.kind, surface, pos), title: null };
  const media = caps ? KNOWN_MEDIA[lowerJoined] ?? KNOWN_MEDIA[(hasThe ? 'the ' : '') + lowerJoined] : undefined;
  if (media) return { actor: reg.get(media, 'media', surface, pos), title: null };
  const country = caps ? COUNTRY_NAMES.get(lowerJoined) : undefined;
  if (country) return { actor: reg.get(country, 'country', surface, pos), title: null };
  // an acronym or name registered earlier in the article ("WHO" after "World Health Organization (WHO)")
  const known = items.length === 1 && /^\p{Lu}{2,6}$/u.test(words[0]!) ? reg.find(words[0]!) : undefined;
  if (known && known.kind !== 'person') return { actor: reg.get(known.name, known.kind, surface, pos), title: null };
  const folded = fold(lowerJoined);
  if (NON_SOVEREIGN.has(folded)) return { actor: placeActor(reg, words.join(' '), surface, pos), title: null };
  if (LEXICON_COUNTRIES.has(folded)) return { actor: reg.get(words.join(' '), 'country', surface, pos), title: null };
  if (PLACE_NAMES.has(folded) && !hasThe) return { actor: placeActor(reg, words.join(' '), surface, pos), title: null };
  if (prev && MEDIA_MARKERS.has(prev.lower)) return { actor: reg.get(words.join(' '), 'media', surface, pos), title: null };

  // "the Hotel Arpit Palace", "the USS Ronald Reagan": a facility or a vessel
  if (items.length > 1 && FACILITY_OPENERS.has(fold(words[0]!))) return { actor: placeActor(reg, surfaceOf(doc, items), surface, pos), title: null };
  // "the Slovak Republic": a nationality before "Republic" is the country
  const republicOf = words.length === 2 && words[1]!.toLowerCase() === 'republic' ? nationOf(words[0]!) : undefined;
  if (republicOf) return { actor: reg.get(republicOf, 'country', surface, pos), title: null };
  // "Royal College of Nursing", "Northshire Hospitals NHS Trust": an organisation head and no role head
  if (items.length > 1 && isFacility(words) && !items.some((it) => ROLE_HEADS.has(stripPossessive(it.t.lower)))) {
    return { actor: placeActor(reg, surfaceOf(doc, items), surface, pos), title: null };
  }
  if (!items.some((it) => ROLE_HEADS.has(stripPossessive(it.t.lower))) && items.some((it) => it.t.cap && ORG_HEADS.has(stripPossessive(it.t.lower)))) {
    return { actor: reg.get(surfaceOf(doc, items), 'organization', surface, pos), title: null };
  }
  // name part: capitalised words at the right end that are not roles, nations or organisation heads
  let k = items.length;
  while (k > 0) {
    const it = items[k - 1]!;
    const w = stripPossessive(it.t.text).toLowerCase();
    // "Democrat Chuck Schumer": a party word before a two-word name is an affiliation
    if ((PARTY_WORDS.has(w) || PERSON_NOUNS.has(w) || (w.length > 6 && w.endsWith('ist'))) && items.length - k >= 2) break; // "Violinist Brigit O'Regan" likewise
    if (it.t.cap && !it.role && !NATION.has(w) && !(isPossessive(it.t) && k < items.length)) { k--; continue; }
    if (!it.t.cap && CONNECTORS.has(w) && k < items.length && k > 1 && items[k - 2]!.t.cap && !items[k - 2]!.role) { k--; continue; }
    break;
  }
  const roleItems = items.slice(0, k);
  const nameItems = items.slice(k);
  const name = nameItems.map((it) => stripPossessive(it.t.text)).join(' ');
  const nameLower = name.toLowerCase();
  const hasRoleHead = roleItems.some((it) => ROLE_HEADS.has(stripPossessive(it.t.lower)));

  if (nameItems.length > 0 && roleItems.length > 0 && hasRoleHead) {
    const nameLast = fold(nameItems[nameItems.length - 1]!.t.text);
    // "Mayor of New York City", "Sheriff of Harlan Parish": a place after a role is not the person's name
    const placeLike = PLACE_HEADS.has(nameLast) || (nameItems.length > 1 && (LAW_HEADS.has(nameLast) || isFacility(nameItems.map((it) => stripPossessive(it.t.text)))));
    const a = METONYMS[nameLower] || KNOWN_ORGS[nameLower] || PLACE_NAMES.has(fold(nameLower)) || placeLike ? null : reg.person(name, surface, pos);
    if (a) {
      addRole(a, roleItems);
      return { actor: a, title: null };
    }
  }
  if (nameItems.length === 0) {
    const last = words[words.length - 1]!.toLowerCase();
    if (ORG_HEADS.has(last) || items.some((it) => ORG_HEADS.has(stripPossessive(it.t.lower)) && it.t.cap)) {
      if (!hasRoleHead || ORG_HEADS.has(last)) return { actor: reg.get(surfaceOf(doc, items), 'organization', surface, pos), title: null };
    }
    if (hasRoleHead) {
      // a title: "the French president", "the Israeli leader"
      const det = tokens[items[0]!.idx - 1]?.lower;
      if (!hasThe && (det === 'a' || det === 'an')) {
        // "A Japanese government official": an indefinite description introduces someone new and unnamed
        return { actor: reg.get(words.join(' '), 'person', surface, pos), title: null };
      }
      const who = reg.byTitle(words, pos);
      if (who) who.aliases.add(doc.text.slice(tokens[items[0]!.idx - (hasThe ? 1 : 0)]!.start, items[items.length - 1]!.t.end).replace(/['’]s$/u, ''));
      return { actor: who, title: words.join(' ') };
    }
    const nation = words.length === 1 ? nationOf(words[0]!) : undefined;
    if (nation) return { actor: reg.get(nation, 'country', surface, pos), title: null };
    return null;
  }
  // name only (or a name after a possessive / nationality: "Ukraine's Vladimir Zelensky")
  const nameMet = METONYMS[nameLower];
  if (nameMet) return { actor: reg.get(nameMet.name, nameMet.kind, name, pos), title: null };
  const nameCaps = capitalsOk(nameLower, nameItems.map((it) => stripPossessive(it.t.text)));
  const nameOrg = nameCaps ? KNOWN_ORGS[nameLower] : undefined;
  if (nameOrg) return { actor: reg.get(nameOrg.name, nameOrg.kind, name, pos), title: null };
  const nameMedia = nameCaps ? KNOWN_MEDIA[nameLower] : undefined;
  if (nameMedia) return { actor: reg.get(nameMedia, 'media', name, pos), title: null };
  const nameCountry = nameCaps ? COUNTRY_NAMES.get(nameLower) : undefined;
  if (nameCountry) return { actor: reg.get(nameCountry, 'country', name, pos), title: null };
  const lastName = nameLower.split(' ').pop()!;
  if (MEDIA_HEADS.has(lastName) && hasThe) return { actor: reg.get('The ' + name, 'media', surface, pos), title: null };
  if (MEDIA_LAST_WORDS.has(lastName) && nameItems.length > 1) return { actor: reg.get(name, 'media', surface, pos), title: null };
  // "Democrats walked out": party members in the plural are the party
  const party = nameItems.length === 1 ? PARTY_PLURALS[fold(nameLower)] : undefined;
  if (party) return { actor: reg.get(party, 'organization', surface, pos), title: null };

  if (nameItems.length > 1 && isFacility(nameItems.map((it) => stripPossessive(it.t.text)))) return { actor: placeActor(reg, surfaceOf(doc, items), surface, pos), title: null };
  if (ORG_HEADS.has(lastName) || nameItems.some((it) => ORG_HEADS.has(it.t.lower))) return { actor: reg.get(surfaceOf(doc, items), 'organization', surface, pos), title: null };
  // "NHS England": an acronym inside a name makes it an organisation
  if (nameItems.length > 1 && nameItems.some((it) => /^\p{Lu}{2,6}$/u.test(it.t.text))) return { actor: reg.get(surfaceOf(doc, items), 'organization', surface, pos), title: null };
  if (nameItems.length === 1 && GROUP_NOUNS.has(nameLower)) return { actor: reg.get(name, 'group', surface, pos), title: null };
  if (PLACE_HEADS.has(lastName) || (LAW_HEADS.has(lastName) && nameItems.length > 1) || nameItems.some((it) => THING_HEADS.has(stripPossessive(it.t.lower))) || /-/.test(name) || /\d/.test(name)) {
    return { actor: reg.get(name, 'other', surface, pos), title: null };
  }
  if (nameItems.length === 1 && /^\p{Lu}{2,6}$/u.test(name)) {
    // an unknown acronym ("HIV", "VIP", "CDCR") is not taken for an organisation until it speaks
    if (ORG_NAMES.has(fold(name))) return { actor: reg.get(name, 'organization', surface, pos), title: null };
    return { actor: placeActor(reg, name, surface, pos), title: null };
  }
  if (nameItems.length === 1) {
    // a lone capitalised word is a person only if we know the person; stage 6 promotes speakers.
    // A common word opening a sentence ("Reports said", "One of them") is not taken for a surname.
    const common = roleItems.length === 0 && !hasThe && COMMON_WORDS.has(fold(nameLower)) && sentenceInitial(doc, items[0]!.idx);
    // ... and an adverb or preposition opening it ("Within hours, ...") is no mention at all
    if (common && CLAUSE_OPENERS.has(fold(nameLower))) return null;
    const known = common ? undefined : reg.personBySurname(nameLower);
    if (known) return { actor: reg.person(name, surface, pos), title: null };
    const a = reg.get(name, 'other', surface, pos);
    return { actor: a, title: null };
  }
  if (nameItems.length <= 4) {
    const guess = nameKind(nameItems, hasThe, reg);
    if (guess === 'place') return { actor: placeActor(reg, name, surface, pos), title: null };
    if (guess === 'country') return { actor: reg.get(name, 'country', surface, pos), title: null };
    if (guess === 'organization') return { actor: reg.get(name, 'organization', surface, pos), title: null };
    if (guess === 'thing') {
      // not a person by its words ("Holy Headdress", "London Stock Exchange"): not an actor unless it speaks, then an organisation
      const a = reg.get(name, 'other', surface, pos);
      a.speakerKind = 'organization';
      return { actor: a, title: null };
    }
    const a = reg.person(name, surface, pos);
    const nation = roleItems.map((it) => nationOf(it.t.text)).find((n) => n !== undefined);
    if (nation) a.nations.add(nation);
    return { actor: a, title: null };
  }
  return { actor: reg.get(name, 'other', surface, pos), title: null };
}

/** The run as written, possessive of the last word dropped: "China's Commerce Ministry". */
function surfaceOf(doc: Doc, items: Item[]): string {
  // "Libertarian Party presidential (nominee)": a trailing lowercase role word is not part of the organisation's name
  let n = items.length;
  while (n > 1 && !items[n - 1]!.t.cap && items[n - 1]!.role && !ORG_HEADS.has(stripPossessive(items[n - 1]!.t.lower))) n--;
  return stripPossessive(doc.text.slice(items[0]!.t.start, items[n - 1]!.t.end));
}

/** Keeps a role in readable form: "spokeswoman, Russian Foreign Ministry"; "Trump's special envoy" as written. */
function addRole(a: Actor, roleItems: Item[]): void {
  for (const it of roleItems) {
    const n = nationOf(it.t.text);
    if (n) a.nations.add(n);
  }
  // a possessive country before the name ("Ukraine's") is a nationality, not a role
  const items = roleItems.filter((it, k) => !(k === roleItems.length - 1 && isPossessive(it.t) && nationOf(it.t.text)));
  if (items.length === 0 || !items.some((it) => ROLE_HEADS.has(stripPossessive(it.t.lower)))) return;
  const capPart: string[] = [];
  const lowPart: string[] = [];
  items.forEach((it, k) => {
    // "Secretary of State": a connector between capitals belongs to the capitalised part
    const joins = !it.t.cap && CONNECTORS.has(it.t.lower) && items[k + 1]?.t.cap === true;
    ((it.t.cap || joins) && lowPart.length === 0 ? capPart : lowPart).push(it.t.text);
  });
  const capHasPossessive = capPart.some((w) => /['’]s$/u.test(w));
  const role = capPart.length > 0 && lowPart.length > 0 && !capHasPossessive && !capPart.every((w) => nationOf(w))
    ? `${lowPart.join(' ')}, ${capPart.join(' ')}`
    : items.map((it) => it.t.text).join(' ');
  a.roles.add(role);
}

/** Whether a lookup key that spells an ordinary word ("who", "us") is written in capitals ("WHO", "US"). */
function capitalsOk(key: string, words: string[]): boolean {
  if (!CAPITALS_ONLY.has(key)) return true;
  const w = words.join('').replace(/\./g, '');
  return w === w.toUpperCase();
}

/** A place that is not an actor: kind other, and when it "speaks" it is its government or office, an organisation. */
function placeActor(reg: Registry, name: string, surface: string, pos: number): Actor {
  const a = reg.get(name, 'other', surface, pos);
  a.speakerKind = 'organization';
  return a;
}

/** Indexes (into items) of the words of multi-word places ("New Mexico", "New South Wales"): no nationality is read from them. */
function placeWords(items: Item[]): Set<number> {
  const out = new Set<number>();
  const ws = items.map((it) => fold(stripPossessive(it.t.text)));
  for (let a = 0; a < ws.length; a++) {
    for (let len = Math.min(4, ws.length - a); len >= 2; len--) {
      const phrase = ws.slice(a, a + len).join(' ');
      if (PLACE_NAMES.has(phrase) || LEXICON_COUNTRIES.has(phrase) && !COUNTRY_NAMES.has(phrase)) {
        for (let k = a; k < a + len; k++) out.add(k);
        a += len - 1;
        break;
      }
    }
  }
  return out;
}

/** A capitalised word that reads as a person's name (not a role, head word, place word or common word): "of" after it ends the run. */
function looksLikeName(it: Item): boolean {
  const w = fold(stripPossessive(it.t.text));
  return it.t.cap && !it.role && !ORG_HEADS.has(w) && !PLACE_HEADS.has(w) && !THING_HEADS.has(w) && !COMMON_WORDS.has(w) && !PLACE_NAMES.has(w) && !NATION.has(w);
}

/** Whether a capitalised run names a facility by its last word ("Brisco Field"), not a person with that surname ("Mara Field"). */
function isFacility(words: readonly string[]): boolean {
  const last = fold(stripPossessive(words[words.length - 1]!));
  if (!FACILITY_HEADS.has(last)) return false;
  return !(words.length === 2 && SURNAME_FACILITY_HEADS.has(last) && GIVEN_NAMES.has(fold(words[0]!)));
}

/** Whether token idx opens its sentence (after quotation marks or brackets at most). */
function sentenceInitial(doc: Doc, idx: number): boolean {
  for (let k = idx - 1; k >= 0; k--) {
    const t = doc.tokens[k]!;
    if (t.type === 'quote' || t.text === '(' || t.text === '"') continue;
    return t.text === '.' || t.text === '!' || t.text === '?' || t.text === ':' || doc.text.slice(t.end, doc.tokens[idx]!.start).includes('\n');
  }
  return true;
}

/**
 * What a 2-4 word capitalised name with no role head names, from its words:
 * a known place or organisation; a person when it opens with a given name or
 * an initial, or its surname is a person already met; otherwise "thing" when
 * a word before the last is a common English word or a place ("Holy
 * Headdress", "San Rafael", "London Stock Exchange"), or "the" precedes it
 * (people are not written "the John Smith"); else a person (unknown given
 * names: "Budi Gunawan").
 */
function nameKind(items: Item[], hasThe: boolean, reg: Registry): 'person' | 'place' | 'country' | 'organization' | 'thing' {
  const ws = items.map((it) => fold(stripPossessive(it.t.text)));
  const full = ws.join(' ');
  if (PLACE_NAMES.has(full)) return 'place';
  if (LEXICON_COUNTRIES.has(full)) return 'country';
  if (ORG_NAMES.has(full)) return 'organization';
  const first = ws[0]!;
  if (GIVEN_NAMES.has(first) || /^\p{Lu}$/u.test(items[0]!.t.text)) return 'person';
  if (reg.personBySurname(ws[ws.length - 1]!)) return 'person';
  // "the Wisconsin Republican": a description of a person (scoped to its article by claims/identity.ts)
  if (hasThe && PARTY_WORDS.has(ws[ws.length - 1]!)) return 'person';
  if (hasThe || NON_NAME_LAST_WORDS.has(ws[ws.length - 1]!)) return 'thing';
  if (PLACE_OPENERS.has(first) || PLACE_NAMES.has(first) || LEXICON_COUNTRIES.has(first) || NATION.has(first)) return 'thing';
  if (ws.slice(0, -1).some((w) => !CONNECTORS.has(w) && COMMON_WORDS.has(w))) return 'thing';
  return 'person';
}

/**
 * "World Health Organization (WHO)": an acronym in brackets right after a
 * name, spelling its initials, is the same actor, and is registered so a
 * later "WHO" finds it. Returns whether it did.
 */
function acronymAfter(doc: Doc, reg: Registry, m: Mention, end: number): boolean {
  const { tokens } = doc;
  const k = m.tokens[1];
  if (k + 2 >= end || tokens[k]!.text !== '(' || tokens[k + 2]!.text !== ')') return false;
  const acr = tokens[k + 1]!;
  if (!/^\p{Lu}[\p{Lu}&]{1,7}$/u.test(acr.text)) return false;
  const initials = m.actor!.name.split(/\s+/).filter((w) => !CONNECTORS.has(w.toLowerCase()) && w.toLowerCase() !== 'the' && w.toLowerCase() !== 'and').map((w) => w[0]!.toUpperCase()).join('');
  const letters = acr.text.replace(/&/g, '');
  if (initials !== letters && !(letters.length >= 2 && initials.startsWith(letters))) return false;
  reg.alias(m.actor!, acr.text);
  m.actor!.aliases.add(acr.text);
  return true;
}

/**
 * A place or affiliation attached to the person before it: "Cardinal X of
 * the Holy See", "a reporter in Kenya", "the president of France". Returns a
 * mention over the whole phrase that stands for the person (so a cue right
 * after it is said by the person, not by the place), or null. A person noun
 * with no name ("a reporter") becomes an unnamed person of this article.
 */
function attachment(doc: Doc, reg: Registry, m: Mention, before: Mention | undefined, sFirst: number, si: number): Mention | null {
  if (m.pronoun || !m.actor || m.actor.kind === 'person') return null;
  const { tokens } = doc;
  let p = m.tokens[0] - 1;
  if (tokens[p]?.lower === 'the' && !tokens[p]!.cap) p--;
  const prep = tokens[p];
  if (!prep || p <= sFirst || prep.quote !== tokens[m.tokens[0]]!.quote || !ATTACHING_PREPOSITIONS.has(prep.text)) return null;
  const head = p - 1;
  if (before && before.tokens[1] - 1 === head && !before.pronoun && (before.actor?.kind === 'person' || before.title !== null)) {
    return { ...before, span: [before.span[0], m.span[1]], tokens: [before.tokens[0], m.tokens[1]], text: doc.text.slice(before.span[0], m.span[1]) };
  }
  // "a reporter in Kenya": determiner, at most two modifiers, a person noun
  const noun = tokens[head];
  if (!noun || noun.type !== 'word' || noun.cap || !(PERSON_NOUNS.has(noun.lower) || ROLE_HEADS.has(noun.lower)) || KINSHIP_NOUNS.has(noun.lower)) return null;
  let d = head - 1;
  while (d > head - 3 && d >= sFirst && tokens[d]?.type === 'word' && !tokens[d]!.cap && !['a', 'an', 'the'].includes(tokens[d]!.lower)) d--;
  const det = tokens[d];
  if (!det || d < sFirst || !['a', 'an'].includes(det.lower)) return null;
  if (before && before.tokens[1] > d) return null;
  const start = det.start;
  const name = doc.text.slice(tokens[d + 1]!.start, m.span[1]);
  // an unnamed person is an actor only if it speaks (stage 6 promotes it then)
  const a = reg.get(name, 'other', doc.text.slice(start, m.span[1]), start);
  a.speakerKind = 'person';
  return { span: [start, m.span[1]], tokens: [d, m.tokens[1]], text: doc.text.slice(start, m.span[1]), actor: a, pronoun: null, title: null, group: null, sentence: si };
}

/** A word that opens a sentence without being a name: a lexicon adverb or conjunction, a listed opener, or an "-ly" adverb. */
function isOpener(lower: string): boolean {
  if (GIVEN_NAMES.has(lower) || SURNAMES.has(lower)) return false;
  return SENTENCE_OPENERS.has(lower) || CLAUSE_OPENERS.has(lower) || (lower.length > 5 && lower.endsWith('ly'));
}
