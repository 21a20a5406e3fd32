/**
 * Stage 4, part: what a capitalised run names (classify) and the word tests
 * it uses. Moved out of 04-actors.ts unchanged.
 */
import type { Actor, Doc, Token } from '../doc.js';
import { CAPITALS_ONLY, KNOWN_MEDIA, KNOWN_ORGS, MEDIA_HEADS, MEDIA_MARKERS, NON_NAME_LAST_WORDS, ORG_HEADS, PARTY_WORDS } from '../model/orgs.js';
import { FACILITY_HEADS, FACILITY_OPENERS, LAW_HEADS, METONYMS, NON_SOVEREIGN, SURNAME_FACILITY_HEADS, PLACE_HEADS, PLACE_OPENERS, THING_HEADS } from '../model/places.js';
import { GROUP_NOUNS, ROLE_HEADS } from '../model/titles.js';
import { MEDIA_LAST_WORDS, PARTY_PLURALS } from '../model/parties.js';
import { CLAUSE_OPENERS, COMMON_WORDS, COUNTRY_NAMES as LEXICON_COUNTRIES, GIVEN_NAMES, NON_NOUNS, ORG_NAMES, PERSON_NOUNS, PLACE_NAMES, SURNAMES } from '../model/lexicon.js';
import { isTextHead, namesNobody } from './04-actors-heads.js';
import { runContext } from './04-actors-context.js';
import { PLACE_PREPOSITIONS, PLATFORM_NAMES, REGIONS_NOT_COUNTRIES } from '../model/nonactors.js';
import { CONNECTORS, COUNTRY_NAMES, NATION, fold, isPossessive, nationOf, stripPossessive, type Registry } from './04-actors-registry.js';

/** A name particle glued to a capitalised name ("al-Assad", "bin-Salman"): a word of the name. */
export const PARTICLE_NAME = /^(?:al|el|ad|as|ash|at|az|ar|bin|ibn|abu|abd|bou|ben|ould)-\p{Lu}/u;

export interface Item { t: Token; idx: number; role: boolean; }

/*
 * The whole-run lookup tables as Maps: looked up for every capitalised run,
 * where a string-keyed object is slow and also answers for names inherited
 * from Object.prototype ("Constructor" would have been an organisation).
 */
const METONYM_OF = new Map(Object.entries(METONYMS));
const ORG_OF = new Map(Object.entries(KNOWN_ORGS));
const MEDIA_OF = new Map(Object.entries(KNOWN_MEDIA));
const PARTY_OF = new Map(Object.entries(PARTY_PLURALS));

interface Classified { actor: Actor | null; title: string | null; }

/** Splits a run into role and name parts and decides what it names. */
export function classify(doc: Doc, reg: Registry, items: Item[], hasThe: boolean, pos: number, surface: string): Classified | null {
  const { tokens } = doc;
  const words = items.map((it) => stripPossessive(it.t.text));
  const joined = words.join(' ');
  const lowerJoined = joined.toLowerCase();
  const prev = tokens[(items[0]!.idx) - (hasThe ? 2 : 1)];
  // what the words around it say first: "at the White House", "the comedy Night Ferry", "Dunmore province"
  const context = runContext(doc, items, hasThe, fold(joined));
  if (context === 'none') return null;
  if (context === 'thing') return { actor: thingActor(reg, surfaceOf(doc, items), surface, pos), title: null };
  if (context === 'place') return { actor: placeActor(reg, surfaceOf(doc, items), surface, pos), title: null };
  const folded = fold(lowerJoined);
  // "Korea" alone: a region of two states, a place
  if (REGIONS_NOT_COUNTRIES.has(folded)) return { actor: placeActor(reg, words.join(' '), surface, pos), title: null };
  // whole-run lookups first: metonyms, organisations, media, countries
  const caps = capitalsOk(lowerJoined, words);
  const metonym = METONYM_OF.get(lowerJoined);
  if (metonym) return { actor: reg.get(metonym.name, metonym.kind, surface, pos), title: null };
  const org = caps ? ORG_OF.get(lowerJoined) : undefined;
  if (org) return { actor: reg.get(org.name, org.kind, surface, pos), title: null };
  const media = caps ? MEDIA_OF.get(lowerJoined) ?? MEDIA_OF.get((hasThe ? 'the ' : '') + lowerJoined) : undefined;
  if (media) return { actor: reg.get(media, 'media', surface, pos), title: null };
  const country = caps ? COUNTRY_NAMES.get(lowerJoined) : undefined;
  if (country) return { actor: reg.get(country, 'country', surface, pos), title: null };
  // an acronym or name registered earlier in the article ("WHO" after "World Health Organization (WHO)")
  const known = items.length === 1 && /^\p{Lu}{2,6}$/u.test(words[0]!) ? reg.find(words[0]!) : undefined;
  if (known && known.kind !== 'person') return { actor: reg.get(known.name, known.kind, surface, pos), title: null };
  if (NON_SOVEREIGN.has(folded)) return { actor: placeActor(reg, words.join(' '), surface, pos), title: null };
  if (LEXICON_COUNTRIES.has(folded)) return { actor: reg.get(words.join(' '), 'country', surface, pos), title: null };
  if (PLACE_NAMES.has(folded) && !hasThe) return { actor: placeActor(reg, words.join(' '), surface, pos), title: null };
  if (prev && MEDIA_MARKERS.has(prev.lower)) return { actor: reg.get(words.join(' '), 'media', surface, pos), title: null };

  // "DO NOT", "STOP": ordinary words in capitals are emphasis, not an acronym
  if (words.every((w) => w.length > 1 && allCapitals(w) && (COMMON_WORDS.has(w.toLowerCase()) || NON_NOUNS.has(w.toLowerCase())))) return null;
  // "the Hotel Arpit Palace", "the USS Ronald Reagan": a facility or a vessel
  if (items.length > 1 && FACILITY_OPENERS.has(fold(words[0]!))) return { actor: placeActor(reg, surfaceOf(doc, items), surface, pos), title: null };
  // "the Slovak Republic": a nationality before "Republic" is the country
  const republicOf = words.length === 2 && words[1]!.toLowerCase() === 'republic' ? nationOf(words[0]!) : undefined;
  if (republicOf) return { actor: reg.get(republicOf, 'country', surface, pos), title: null };
  const anyRoleHead = items.some((it) => ROLE_HEADS.has(stripPossessive(it.t.lower)));
  // "Royal College of Nursing", "Northshire Hospitals NHS Trust": an organisation head and no role head
  if (items.length > 1 && isFacility(words) && !anyRoleHead) {
    return { actor: placeActor(reg, surfaceOf(doc, items), surface, pos), title: null };
  }
  // "X Center for Y medical anthropologist Mona Vale": lowercase role words then a name end the run: a person, not the organisation
  const personAfterRole = items.some((it, k) => !it.t.cap && it.role && k < items.length - 1 && items.slice(k + 1).every((x) => x.t.cap && !x.role));
  if (!personAfterRole && !anyRoleHead && items.some((it) => it.t.cap && ORG_HEADS.has(stripPossessive(it.t.lower)))) {
    return { actor: reg.get(surfaceOf(doc, items), 'organization', surface, pos), title: null };
  }
  // name part: capitalised words at the right end that are not roles, nations or organisation heads
  let k = items.length;
  while (k > 0) {
    const it = items[k - 1]!;
    const w = stripPossessive(it.t.text).toLowerCase();
    // "Democrat Chuck Schumer": a party word before a two-word name is an affiliation
    if ((PARTY_WORDS.has(w) || PERSON_NOUNS.has(w) || (w.length > 6 && w.endsWith('ist'))) && items.length - k >= 2) break; // "Violinist Brigit O'Regan" likewise
    if ((it.t.cap || PARTICLE_NAME.test(it.t.text)) && !it.role && !NATION.has(w) && !(isPossessive(it.t) && k < items.length)) { k--; continue; }
    if (!it.t.cap && CONNECTORS.has(w) && k < items.length && k > 1 && items[k - 2]!.t.cap && !items[k - 2]!.role) { k--; continue; }
    break;
  }
  const roleItems = items.slice(0, k);
  const nameItems = items.slice(k);
  const name = nameItems.map((it) => stripPossessive(it.t.text)).join(' ');
  const nameLower = name.toLowerCase();
  const nameFolded = fold(nameLower);
  const hasRoleHead = roleItems.some((it) => ROLE_HEADS.has(stripPossessive(it.t.lower)));

  if (nameItems.length > 0 && roleItems.length > 0 && hasRoleHead) {
    const nameLast = fold(nameItems[nameItems.length - 1]!.t.text);
    // "Mayor of New York City", "Sheriff of Harlan Parish": a place after a role is not the person's name
    const placeLike = PLACE_HEADS.has(nameLast) || (nameItems.length > 1 && (LAW_HEADS.has(nameLast) || isFacility(nameItems.map((it) => stripPossessive(it.t.text)))));
    const a = METONYM_OF.get(nameLower) || ORG_OF.get(nameLower) || PLACE_NAMES.has(nameFolded) || placeLike ? null : reg.person(name, surface, pos);
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
        // ... and is an actor only if it speaks ("a court clerk said"): stage 6 promotes it then
        const a = reg.get(words.join(' '), 'other', surface, pos);
        if (a.kind === 'other') a.speakerKind = 'person';
        return { actor: a, title: null };
      }
      const who = reg.byTitle(words, pos);
      if (who) who.aliases.add(doc.text.slice(tokens[items[0]!.idx - (hasThe ? 1 : 0)]!.start, items[items.length - 1]!.t.end).replace(/['’]s$/u, ''));
      return { actor: who, title: words.join(' ') };
    }
    // a country's name, or its people in the plural ("the Cubans"); a singular demonym is an adjective ("22 were Cuban")
    // ("the American and Russian leaders" keeps both: a demonym before "and"/"or" shares the noun after the next one)
    const after = tokens[items[items.length - 1]!.idx + 1]?.lower;
    const nation = words.length === 1 && (COUNTRY_NAMES.has(lowerJoined) || /s$/.test(lowerJoined) || after === 'and' || after === 'or' || after === ',') ? nationOf(words[0]!) : undefined;
    if (nation) return { actor: reg.get(nation, 'country', surface, pos), title: null };
    return null;
  }
  // name only (or a name after a possessive / nationality: "Ukraine's Vladimir Zelensky")
  const nameMet = METONYM_OF.get(nameLower);
  if (nameMet) return { actor: reg.get(nameMet.name, nameMet.kind, name, pos), title: null };
  const nameCaps = capitalsOk(nameLower, nameItems.map((it) => stripPossessive(it.t.text)));
  const nameOrg = nameCaps ? ORG_OF.get(nameLower) : undefined;
  if (nameOrg) return { actor: reg.get(nameOrg.name, nameOrg.kind, name, pos), title: null };
  const nameMedia = nameCaps ? MEDIA_OF.get(nameLower) : undefined;
  if (nameMedia) return { actor: reg.get(nameMedia, 'media', name, pos), title: null };
  const nameCountry = nameCaps ? COUNTRY_NAMES.get(nameLower) : undefined;
  if (nameCountry) return { actor: reg.get(nameCountry, 'country', name, pos), title: null };
  const lastName = nameLower.slice(nameLower.lastIndexOf(' ') + 1);
  if (MEDIA_HEADS.has(lastName) && hasThe) return { actor: reg.get('The ' + name, 'media', surface, pos), title: null };
  if (MEDIA_LAST_WORDS.has(lastName) && nameItems.length > 1) return { actor: reg.get(name, 'media', surface, pos), title: null };
  // "Democrats walked out": party members in the plural are the party
  const party = nameItems.length === 1 ? PARTY_OF.get(nameFolded) : undefined;
  if (party) return { actor: reg.get(party, 'organization', surface, pos), title: null };

  if (nameItems.length > 1 && isFacility(nameItems.map((it) => stripPossessive(it.t.text)))) return { actor: placeActor(reg, surfaceOf(doc, items), surface, pos), title: null };
  if (ORG_HEADS.has(lastName) || nameItems.some((it) => ORG_HEADS.has(it.t.lower))) return { actor: reg.get(surfaceOf(doc, items), 'organization', surface, pos), title: null };
  // "NHS England": an acronym inside a name makes it an organisation
  if (nameItems.length > 1 && nameItems.some((it) => /^\p{Lu}{2,6}$/u.test(it.t.text))) return { actor: reg.get(surfaceOf(doc, items), 'organization', surface, pos), title: null };
  if (nameItems.length === 1 && GROUP_NOUNS.has(nameLower)) return { actor: reg.get(name, 'group', surface, pos), title: null };
  if ((LAW_HEADS.has(lastName) && nameItems.length > 1) || (nameItems.some((it) => THING_HEADS.has(stripPossessive(it.t.lower))) && !reg.personBySurname(lastName)
    // "Doris Day": a given name and one singular thing word is a person ("Abraham Accords", "George Polya Prize" are not)
    && !(nameItems.length === 2 && GIVEN_NAMES.has(fold(nameItems[0]!.t.text)) && !/s$/.test(lastName)))) {
    // laws, events, storms: not actors, and not promoted to one when they "speak" ("Hurricane Zeta slammed into the coast")
    return { actor: thingActor(reg, name, surface, pos), title: null };
  }
  // "Covid-19", "anti-Semitism", "Pro-Trump": a hyphen with a lowercase or numeric part ("Schoch-Spana" is a name)
  if (PLACE_HEADS.has(lastName) || nameItems.some((it) => /-/.test(it.t.text) && !hyphenatedName(it.t.text)) || /\d/.test(name)) {
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
    const common = roleItems.length === 0 && !hasThe && COMMON_WORDS.has(nameFolded) && sentenceInitial(doc, items[0]!.idx);
    // ... and an adverb or preposition opening it ("Within hours, ...") is no mention at all
    if (common && CLAUSE_OPENERS.has(nameFolded)) return null;
    const known = common ? undefined : reg.personBySurname(nameLower);
    if (known) return { actor: reg.person(name, surface, pos), title: null };
    // "Twitter suspended the account": an organisation known by its one-word name
    if (!common && roleItems.length === 0 && (ORG_NAMES.has(nameFolded) || PLATFORM_NAMES.has(nameFolded))) return { actor: reg.get(name, 'organization', surface, pos), title: null };
    const a = reg.get(name, 'other', surface, pos);
    // "Reports said", "Nearly all experts", "I've spent": a text, an adverb or a pronoun never becomes a speaking person
    const w = nameFolded;
    if (roleItems.length === 0 && !GIVEN_NAMES.has(w) && !SURNAMES.has(w) && (namesNobody(w) || isTextHead(w))) a.speakerKind = 'other';
    return { actor: a, title: null };
  }
  if (nameItems.length <= 4) {
    const guess = nameKind(nameItems, hasThe, reg, prev);
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
  return allCapitals(w);
}

/** `w === w.toUpperCase()`, answered without making the copy when a lowercase ASCII letter already says no (most words). */
export function allCapitals(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
  }
  return w === w.toUpperCase();
}

/** A place that is not an actor: kind other, and when it "speaks" it is its government or office, an organisation. */
export function placeActor(reg: Registry, name: string, surface: string, pos: number): Actor {
  const a = reg.get(name, 'other', surface, pos);
  a.speakerKind = 'organization';
  return a;
}

/** "Schoch-Spana", "Salat-Baroux": capitalised parts of three letters or more that are not common words (not "Two-Shoes", "Al-Aqsa", "Covid-19"). */
function hyphenatedName(word: string): boolean {
  return stripPossessive(word).split('-').every((p) => /^\p{Lu}\p{Ll}{2,}$/u.test(p) && !COMMON_WORDS.has(p.toLowerCase()));
}

/** A work, a case or an event: kind other, and it stays other when it "speaks" ("The 14th Amendment states"). */
export function thingActor(reg: Registry, name: string, surface: string, pos: number): Actor {
  const a = reg.get(name, 'other', surface, pos);
  if (a.kind === 'other') a.speakerKind = 'other';
  return a;
}

/** Indexes (into items) of the words of multi-word places ("New Mexico", "New South Wales"): no nationality is read from them. */
export function placeWords(items: Item[]): Set<number> {
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
export function looksLikeName(it: Item): boolean {
  const w = fold(stripPossessive(it.t.text));
  return it.t.cap && !it.role && !ORG_HEADS.has(w) && !PLACE_HEADS.has(w) && !THING_HEADS.has(w) && !COMMON_WORDS.has(w) && !PLACE_NAMES.has(w) && !NATION.has(w);
}

/** Whether a capitalised run names a facility by its last word ("Brisco Field"), not a person with that surname ("Mara Field"). */
export function isFacility(words: readonly string[]): boolean {
  const last = fold(stripPossessive(words[words.length - 1]!));
  if (!FACILITY_HEADS.has(last)) return false;
  return !(words.length === 2 && SURNAME_FACILITY_HEADS.has(last) && GIVEN_NAMES.has(fold(words[0]!)));
}

/** Whether token idx opens its sentence (after quotation marks or brackets at most). */
export function sentenceInitial(doc: Doc, idx: number): boolean {
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
function nameKind(items: Item[], hasThe: boolean, reg: Registry, prev?: Token): 'person' | 'place' | 'country' | 'organization' | 'thing' {
  const ws = items.map((it) => fold(stripPossessive(it.t.text)));
  const full = ws.join(' ');
  if (PLACE_NAMES.has(full)) return 'place';
  if (LEXICON_COUNTRIES.has(full)) return 'country';
  if (ORG_NAMES.has(full)) return 'organization';
  const first = ws[0]!;
  if (GIVEN_NAMES.has(first) || /^\p{Lu}$/u.test(items[0]!.t.text)) return 'person';
  if (reg.personBySurname(ws[ws.length - 1]!)) return 'person';
  // "a base in Dunmore Shar": an unknown name after a preposition of place is a place; "a Falcon Sierra" is a thing, not a person
  if (prev && !hasThe && PLACE_PREPOSITIONS.has(prev.lower) && !prev.cap) return 'place';
  if (prev && !hasThe && (prev.lower === 'a' || prev.lower === 'an')) return 'thing';
  // "the Wisconsin Republican": a description of a person (scoped to its article by claims/identity.ts)
  if (hasThe && PARTY_WORDS.has(ws[ws.length - 1]!)) return 'person';
  if (hasThe || NON_NAME_LAST_WORDS.has(ws[ws.length - 1]!)) return 'thing';
  if (PLACE_OPENERS.has(first) || PLACE_NAMES.has(first) || LEXICON_COUNTRIES.has(first) || NATION.has(first)) return 'thing';
  if (ws.slice(0, -1).some((w) => !CONNECTORS.has(w) && COMMON_WORDS.has(w))) return 'thing';
  return 'person';
}

