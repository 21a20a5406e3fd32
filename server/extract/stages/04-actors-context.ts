/**
 * Stage 4, part: what the words around a capitalised run say it is, before
 * its own words are read (issue 16: a place is a Place or nothing, a work or
 * a court case is no actor). Data in model/nonactors.ts.
 */
import type { Doc } from '../doc.js';
import { GENERIC_ORG_NAMES, ORG_HEADS } from '../model/orgs.js';
import { NON_NOUNS, ORG_NAMES, PERSON_NOUNS } from '../model/lexicon.js';
import { GROUP_NOUNS, PROXY_NOUNS, ROLE_WORDS } from '../model/titles.js';
import { MODIFIED_NOUNS, BUILDING_METONYMS, BUILDING_PARTS, BUILDING_PREPOSITIONS, CASE_NOUNS, PLACE_AFTER, PLATFORM_NAMES, WORK_NOUNS } from '../model/nonactors.js';
import { isPossessive, stripPossessive } from './04-actors-registry.js';
import type { Item } from './04-actors-classify.js';

/**
 * `none`: the run is where something happens, not a mention ("at the White
 * House", "posted on Twitter"); `thing`: a work or a case ("the comedy Night
 * Ferry", "the Keller decision"), never an actor even when it "speaks";
 * `place`: a place ("Dunmore province", "the Dunmore provincial council");
 * null: the context says nothing. `key` is the run's words folded, possessive
 * dropped (fold of the words joined by spaces), which the caller has made.
 */
export function runContext(doc: Doc, items: readonly Item[], hasThe: boolean, key: string): 'none' | 'thing' | 'place' | null {
  const { tokens } = doc;
  // the word before the run, "the" skipped (a run may be re-read without its "the")
  const firstIdx = items[0]!.idx - (hasThe || tokens[items[0]!.idx - 1]?.lower === 'the' ? 1 : 0);
  const last = items[items.length - 1]!;
  const prev = tokens[firstIdx - 1];
  const next = tokens[last.idx + 1];
  if (prev && prev.type === 'word' && !prev.cap) {
    if (BUILDING_METONYMS.has(key) && (BUILDING_PREPOSITIONS.has(prev.lower) || (prev.lower === 'of' && BUILDING_PARTS.has(tokens[firstIdx - 2]?.lower ?? '')))) return 'none';
    if (PLATFORM_NAMES.has(key) && (prev.lower === 'on' || prev.lower === 'via' || prev.lower === 'onto')) return 'none';
    if (!hasThe && WORK_NOUNS.has(prev.lower)) return 'thing';
  }
  if (next && next.type === 'word' && !next.cap && next.quote === last.t.quote && !isPossessive(last.t)) {
    // "his Twitter account", "Court packing", "Police reform": one bare organisation word before a noun modifies it
    if (items.length === 1 && !hasThe && (PLATFORM_NAMES.has(key) || GENERIC_ORG_NAMES.has(key) || ORG_NAMES.has(key)) && modifiedNoun(next.lower)) return 'none';
    if (CASE_NOUNS.has(next.lower)) return 'thing';
    if (PLACE_AFTER.has(next.lower) && !items.some((it) => ORG_HEADS.has(stripPossessive(it.t.lower)))) return 'place';
  }
  return null;
}

/** A lowercase word that a bare name before it modifies: a noun, not a verb ("reform", "account"; not "said", "has"). */
function modifiedNoun(w: string): boolean {
  if (!/^[a-z]+$/.test(w) || GROUP_NOUNS.has(w) || ROLE_WORDS.has(w) || PERSON_NOUNS.has(w) || PROXY_NOUNS.has(w)) return false;
  return MODIFIED_NOUNS.has(w) || !NON_NOUNS.has(w) && !/(?:ed|[^s]s)$/.test(w);
}
