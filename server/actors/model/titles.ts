/**
 * Words that precede or describe a person's name without being part of it
 * ("US President Donald Trump", "Russian Foreign Ministry spokeswoman Maria
 * Zakharova"). Stripped from the front of a person name before the name is
 * keyed; a name made only of these ("the US president") is a descriptor,
 * resolved through the role keys of actors seen with it.
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'the', 'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'gen', 'general', 'col', 'colonel',
  'president', 'vice', 'prime', 'minister', 'foreign', 'defence', 'defense', 'finance', 'interior', 'secretary',
  'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'senator', 'sen', 'rep', 'representative', 'governor',
  'mayor', 'ambassador', 'envoy', 'special', 'spokeswoman', 'spokesman', 'spokesperson', 'press', 'aide', 'adviser',
  'advisor', 'chief', 'head', 'leader', 'former', 'ex', 'acting', 'deputy', 'state', 'national', 'security',
  'council', 'ministry', 'presidential', 'host', 'radio', 'tv', 'commander', 'officer', 'official', 'counterpart',
  'us', 'u', 's', 'uk', 'eu', 'un', 'american', 'russian', 'ukrainian', 'french', 'british', 'german', 'italian',
  'israeli', 'chinese', 'iranian', 'turkish', 'polish', 'european', 'white', 'house', 'his', 'her', 'their',
]);

/** Generational suffixes that follow a surname ("Martin Luther King Jr"): not the surname. */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * Place words that can lead a person's name in English news ("Ukraine's
 * Vladimir Zelensky", after the possessive is dropped): stripped like titles.
 */
export const PLACE_WORDS: ReadonlySet<string> = new Set([
  'ukraine', 'russia', 'france', 'britain', 'israel', 'germany', 'italy', 'china', 'iran', 'turkey', 'poland', 'japan',
  'india', 'america', 'washington', 'moscow', 'kiev', 'kyiv', 'london', 'paris', 'beijing', 'gaza', 'palestinian', 'nato',
]);

/** Lowercase particles inside a person's name ("Gloria la Riva", "Ursula von der Leyen"): not a description. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'dos', 'das', 'du', 'bin', 'ibn', 'al', 'el', 'y', 'ter', 'ten', 'zu']);
