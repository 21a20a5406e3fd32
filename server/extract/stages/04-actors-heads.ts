/**
 * Whether a word heading a mention or a speaker phrase names nobody: a
 * pronoun, a function word, an adverb, a verb form or an adjective
 * ("According to him", "Nearly all experts", "the part that was not
 * overturned declared"), or a text or thing ("The warnings called for").
 * Role, person, group, organisation and document nouns are never such
 * words, whatever else the lexicon tags them ("judge", "official", "report").
 */
import { COMMON_WORDS, NON_NOUNS, PERSON_NOUNS } from '../model/lexicon.js';
import { NON_ACTOR_PRONOUNS, THING_SPEAKER_HEADS } from '../model/nonactors.js';
import { GROUP_NOUNS, ROLE_HEADS, ROLE_WORDS } from '../model/titles.js';
import { DOCUMENT_HEADS, ORGANIZATION_HEADS, QUANTITY_HEADS } from '../model/speakers.js';

export function namesNobody(word: string): boolean {
  const w = withoutApostrophes(word.toLowerCase());
  if (NON_ACTOR_PRONOUNS.has(w) || THING_SPEAKER_HEADS.has(w)) return true;
  if (ROLE_HEADS.has(w) || ROLE_WORDS.has(w) || PERSON_NOUNS.has(w) || GROUP_NOUNS.has(w) || ORGANIZATION_HEADS.has(w) || QUANTITY_HEADS.has(w) || DOCUMENT_HEADS.has(w)) return false;
  return NON_NOUNS.has(w) || COMMON_WORDS.has(w) && w.endsWith('ly') || (w.length > 5 && w.endsWith('ly') && !LY_NOUNS.has(w));
}

/** Nouns in -ly, which the adverb test above must not take ("The family said", "the Daily reported"). */
const LY_NOUNS = new Set([
  'family', 'ally', 'assembly', 'italy', 'july', 'rally', 'supply', 'anomaly', 'monopoly', 'lily', 'belly', 'bully', 'jelly',
  'folly', 'homily', 'reply', 'butterfly', 'firefly', 'daily', 'weekly', 'monthly', 'quarterly', 'biweekly', 'melancholy',
  'emily', 'kelly', 'reilly', 'riley', 'beverly', 'bradley', 'shelly', 'holly', 'molly', 'polly', 'sally', 'dolly', 'billy',
]);

/** Whether a speaker-phrase head is a text (a document, a warning, a comment): a source, not an actor. */
export function isTextHead(word: string): boolean {
  const lower = word.toLowerCase();
  const w = hasApostrophe(lower) ? lower.replace(/['’]s$/u, '') : lower;
  return DOCUMENT_HEADS.has(w) || THING_SPEAKER_HEADS.has(w);
}

function hasApostrophe(w: string): boolean {
  return w.includes("'") || w.includes('’');
}

/** "minister’s" -> "minister", "o’neill" -> "o'neill"; a word with no apostrophe (most) is returned as it is. */
function withoutApostrophes(w: string): string {
  return hasApostrophe(w) ? w.replace(/['’]s$/u, '').replace(/’/gu, "'") : w;
}
