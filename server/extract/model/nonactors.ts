/**
 * Words that name nobody when they head a mention or a speaker phrase
 * (issue 16): data only. A phrase headed by one of these is not an actor
 * (kind `other`: no Actor node), though a statement keeps its words.
 */

/** Personal pronouns and contractions written as one token, in any case ("According to him", "I've spent"). */
export const NON_ACTOR_PRONOUNS = new Set([
  'i', "i've", "i'm", "i'd", "i'll", 'me', 'my', 'mine', 'myself', 'we', "we've", "we're", "we'd", "we'll", 'us', 'our', 'ours', 'ourselves',
  'you', "you've", "you're", 'your', 'yourself', 'him', 'himself', 'her', 'herself', 'them', 'themselves', 'it', 'itself', 'its',
  'he', 'she', 'they', "he's", "she's", "they're", "it's", 'others', 'another', 'everyone', 'everybody', 'anyone', 'anybody',
  'someone', 'somebody', 'nobody', 'none', 'this', 'that', 'these', 'those', 'the', 'a', 'an', 'which', 'what', 'who', 'whom',
]);

/**
 * Heads of texts, events and other things that are not speakers, beyond the
 * document heads of the speaker-phrase rules: "The warnings called for",
 * "The comments called her", "E-mails in the copy detailed", "My final plea is".
 */
export const THING_SPEAKER_HEADS = new Set([
  'warning', 'warnings', 'comment', 'comments', 'reason', 'reasons', 'e-mail', 'e-mails', 'plea', 'pleas',
  'message', 'messages', 'note', 'notes', 'letters', 'imaging', 'images', 'photos', 'photographs', 'pictures', 'footage',
  'decision', 'order', 'orders', 'amendment', 'amendments', 'constitution', 'act', 'treaty', 'charter', 'guidance',
  'advisory', 'advisories', 'story', 'stories', 'headline', 'headlines', 'coverage', 'documents', 'copy', 'text', 'texts', 'lawsuits', 'suits', 'claims', 'allegations', 'profile', 'profiles', 'page', 'pages', 'account', 'accounts', 'feed', 'posts', 'blog',
]);

/** Nouns for works: a capitalised run right after one is the work's title ("the romantic comedy Night Ferry", "talk show Early Bird"). */
export const WORK_NOUNS = new Set([
  'film', 'movie', 'comedy', 'drama', 'thriller', 'musical', 'show', 'series', 'sitcom', 'programme', 'program', 'documentary',
  'album', 'song', 'single', 'book', 'novel', 'memoir', 'play', 'opera', 'podcast', 'game', 'episode', 'painting', 'poem',
]);

/** Nouns after a name that make it a court case or a text ("the Keller v. Ross decision", "the Harbour Accord ruling"). */
export const CASE_NOUNS = new Set(['decision', 'ruling', 'case', 'verdict', 'judgment', 'judgement', 'precedent']);

/** Lowercase words after a name that make it a place: "Oskar province", "the Dunmore provincial council". */
export const PLACE_AFTER = new Set([
  'province', 'provincial', 'district', 'county', 'region', 'regional', 'village', 'town', 'city', 'municipality', 'municipal',
  'neighbourhood', 'neighborhood', 'suburb', 'governorate', 'prefecture', 'valley', 'river', 'island', 'area', 'state',
]);

/** Prepositions of place: an unknown name right after one is a place, not a person ("a base in Dunmore Shar"). */
export const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'inside', 'across', 'throughout']);

/** Buildings that stand for an office when they act ("the White House said") and are places after a preposition of place. */
export const BUILDING_METONYMS = new Set(['white house', 'pentagon', 'kremlin', 'elysee', 'elysee palace', 'élysée', 'élysée palace', 'downing street']);

/** Prepositions before a building that is a place: "at the White House", "the lawn of the White House". */
export const BUILDING_PREPOSITIONS = new Set(['at', 'in', 'inside', 'outside', 'near', 'into', 'from', 'toward', 'towards']);
export const BUILDING_PARTS = new Set(['lawn', 'grounds', 'steps', 'gates', 'gate', 'front', 'roof', 'floor', 'halls', 'corridors', 'premises']);

/** Platforms that are organisations when they act and places when something is posted "on" them. */
export const PLATFORM_NAMES = new Set(['twitter', 'facebook', 'youtube', 'instagram', 'tiktok', 'reddit', 'telegram', 'whatsapp', 'snapchat', 'linkedin', 'weibo', 'wechat', 'parler', 'gab']);

/** Country names that are also a US state: the country only in an article with one of these words, else the state (a place). */
export const AMBIGUOUS_COUNTRIES: Readonly<Record<string, readonly string[]>> = {
  georgia: ['tbilisi', 'georgian', 'caucasus', 'abkhazia', 'ossetia', 'batumi', 'kutaisi'],
};
/** A region of two states, not a country: "Korea" alone. */
export const REGIONS_NOT_COUNTRIES = new Set(['korea']);

/** Nouns a bare name modifies that the lexicon also tags as verbs ("his Twitter account", "a YouTube post"). */
export const MODIFIED_NOUNS = new Set(['account', 'accounts', 'post', 'posts', 'page', 'pages', 'feed', 'video', 'videos', 'channel', 'handle', 'profile', 'live', 'stream', 'reform', 'reforms', 'user', 'users']);
