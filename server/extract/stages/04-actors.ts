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
import type { Actor, Doc, Mention } from '../doc.js';
import { ORG_HEADS } from '../model/orgs.js';
import { ATTACHING_PREPOSITIONS, US_INSTITUTIONS } from '../model/places.js';
import { GOVERNMENT_GROUPS, GROUP_MODIFIERS, GROUP_NOUNS, KINSHIP_NOUNS, PROXY_NOUNS, ROLE_HEADS, ROLE_WORDS, TITLE_ABBREVIATIONS } from '../model/titles.js';
import { GROUP_QUANTIFIERS, NON_NAME_CAPITALS, PRONOUNS } from '../model/words.js';
import { CLAUSE_OPENERS, GIVEN_NAMES, PERSON_NOUNS, SURNAMES } from '../model/lexicon.js';
import { SENTENCE_OPENERS } from '../model/openers.js';
import { AMBIGUOUS_COUNTRIES } from '../model/nonactors.js';
import { CONNECTORS, fold, isPossessive, nationOf, registryOf, stripPossessive, type Registry } from './04-actors-registry.js';
import { isTextHead, namesNobody } from './04-actors-heads.js';
import { PARTICLE_NAME, allCapitals, classify, looksLikeName, placeWords, sentenceInitial, type Item } from './04-actors-classify.js';

export { compatibleNames, fold, nationOf, registryOf, Registry, stripPossessive } from './04-actors-registry.js';

/** PRONOUNS as a Map: looked up for every word of every article, where a string-keyed object is slow and also answers for inherited names ("constructor"). */
const PRONOUN_KINDS = new Map(Object.entries(PRONOUNS));

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
      const pron = PRONOUN_KINDS.get(t.lower);
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
  // "Georgia" with no word of the country around it (Tbilisi, Georgian, ...) is the US state: a place
  for (const a of doc.actors) {
    const cues = a.kind === 'country' ? AMBIGUOUS_COUNTRIES[fold(a.name)] : undefined;
    if (cues && !cues.some((w) => new RegExp(`\\b${w}`, 'i').test(doc.text))) {
      a.kind = 'other';
      a.speakerKind = 'organization';
    }
  }
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
      if (items.length === 0 && NON_NAME_CAPITALS.has(t.lower) && !(t.text.length > 1 && allCapitals(t.text))) break;
      // "Afterwards Trump said": an adverb opening the sentence is not the first word of the name after it
      if (items.length === 0 && !hasThe && tokens[j + 1]?.cap && tokens[j + 1]!.type === 'word' && !allCapitals(t.text) && isOpener(t.lower) && sentenceInitial(doc, j)) break;
      if (items.length > 0 && NON_NAME_CAPITALS.has(t.lower) && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/.test(t.lower)) break;
      items.push({ t, idx: j, role: ROLE_WORDS.has(lower) || ORG_HEADS.has(lower) });
      j++;
      // a middle initial ("Robert F. Kennedy"): the dot does not end the name
      if (tokens[j]?.text === '.' && tokens[j]!.start === t.end && (/^\p{Lu}$/u.test(t.text) && items.length > 1 || TITLE_ABBREVIATIONS.has(t.lower)) && j + 1 < end && tokens[j + 1]!.cap && tokens[j + 1]!.type === 'word') { j++; continue; }
      if (isPossessive(t) && !(j < end && tokens[j]!.type === 'word' && (tokens[j]!.cap || ROLE_WORDS.has(tokens[j]!.lower)))) break;
      continue;
    }
    if (items.length > 0 && CONNECTORS.has(t.lower) && tokens[j + 1]?.cap && tokens[j + 1]!.type === 'word' && j + 1 < end
      && (t.lower !== 'of' || !looksLikeName(items[items.length - 1]!))) { items.push({ t, idx: j, role: false }); j++; continue; }
    if (items.length > 0 && joinsName(doc, items, j, end, quote)) { items.push({ t, idx: j, role: false }); j++; continue; }
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
    // copies written out field by field, not spread: a spread copy gets another object shape, and classify's optimised code is thrown away when one reaches it
    const copies: Item[] = [];
    for (const it of items) copies.push({ t: it.t, idx: it.idx, role: it.role });
    const inner = classify(doc, reg, copies, hasThe, pos, stripPossessive(doc.text.slice(items[0]!.t.start, lastItem.t.end)));
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
  // "E-mails detailed", "Nearly all experts": one word that is a text, an adverb or a pronoun is never promoted to a speaker
  if (r.actor?.kind === 'other' && r.actor.speakerKind === undefined && items.length === 1 && !hasThe) {
    const w = fold(lastWord);
    if (!GIVEN_NAMES.has(w) && !SURNAMES.has(w) && (namesNobody(w) || isTextHead(w))) r.actor.speakerKind = 'other';
  }
  return mk(r.actor, { title: r.title });
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
  const initials = m.actor!.name.split(/\s+/).filter((w) => !CONNECTORS.has(w.toLowerCase()) && !['the', 'and', 'for', 'on'].includes(w.toLowerCase())).map((w) => w[0]!.toUpperCase()).join('');
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

/** Last words of a name that two names joined by "and" can share: "Assiniboine and Sioux Tribes". */
const SHARED_PLURAL_HEADS = new Set(['tribes', 'nations']);

/**
 * Lowercase words inside one name beyond the connectors: "for" and "on" after
 * an organisation head ("German Institute for Economic Research", "Commission
 * on International Religious Freedom"); a particle glued to a capital
 * ("Bashar al-Assad"); "and" between two names that share a plural head
 * ("Confederated Salish and Kootenai Tribes").
 */
function joinsName(doc: Doc, items: Item[], j: number, end: number, quote: number): boolean {
  const { tokens } = doc;
  const t = tokens[j]!;
  const last = items[items.length - 1]!;
  if (PARTICLE_NAME.test(t.text)) return last.t.cap;
  const next = tokens[j + 1];
  if (!next || j + 1 >= end || !next.cap || next.type !== 'word' || next.quote !== quote || NON_NAME_CAPITALS.has(next.lower)) return false;
  if (t.lower === 'for' || t.lower === 'on') return last.t.cap && !isPossessive(last.t) && ORG_HEADS.has(stripPossessive(last.t.lower));
  if (t.lower !== 'and' || !last.t.cap || ORG_HEADS.has(stripPossessive(last.t.lower))) return false;
  let k = j + 1;
  while (k + 1 < end && k < j + 4 && tokens[k + 1]!.cap && tokens[k + 1]!.type === 'word') k++;
  return SHARED_PLURAL_HEADS.has(stripPossessive(tokens[k]!.lower));
}
