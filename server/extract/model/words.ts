/** Closed-class words the rules look at: data only. */

/** Pronouns that can stand for a speaker, with the kinds of antecedent they may take. */
export const PRONOUNS: Record<string, 'person' | 'thing' | 'plural'> = {
  he: 'person', she: 'person', it: 'thing', they: 'plural',
};

/** Auxiliaries and modals between a subject and its speech verb ("has said", "would later deny"). */
export const AUXILIARIES = new Set([
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'could', 'can', 'did', 'does', 'do',
  'may', 'might', 'should', 'must', 'been', "has'nt", 'not', 'also', "hasn't", "haven't", "didn't", 'never',
]);

/** Words that mark a passive when right before a past participle ("was told"). */
export const PASSIVE_MARKERS = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', "it's"]);

/** Adverbs that commonly sit next to speech verbs; any word in -ly is also skipped. */
export const CUE_ADVERBS = new Set([
  'also', 'again', 'later', 'once', 'still', 'previously', 'repeatedly', 'reportedly', 'allegedly', 'publicly',
  'privately', 'already', 'just', 'then', 'now', 'often', 'even', 'further', 'consistently', 'not', 'never', 'too',
]);

/** Words before a would-be verb that make it a noun ("the call", "his claims"). */
export const DETERMINERS = new Set([
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'your', 'my', 'this', 'that', 'these', 'those',
  'no', 'any', 'some', 'every', 'each', 'such', 'whose', 'of', 'to', 'for', 'with', 'new', 'similar', 'earlier', 'previous',
]);

/** Relative pronouns: a speech verb after them belongs to a relative clause, not to a statement. */
export const RELATIVES = new Set(['who', 'which', 'whom', 'whose', 'that']);

/** Capitalised words that start sentences or clauses and are never part of a name. */
export const NON_NAME_CAPITALS = new Set([
  'the', 'a', 'an', 'on', 'in', 'at', 'after', 'before', 'during', 'since', 'speaking', 'however', 'but', 'and', 'or',
  'earlier', 'later', 'last', 'this', 'that', 'these', 'those', 'unlike', 'despite', 'while', 'although', 'though',
  'according', 'both', 'multiple', 'several', 'some', 'many', 'meanwhile', 'still', 'yet', 'also', 'as', 'if', 'when',
  'it', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'your', 'my', 'its', 'there', 'here',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'for', 'from', 'with', 'by', 'to', 'of', 'not', 'no', 'what', 'who', 'how', 'why', 'where', 'which', 'then', 'so',
  'asked', 'told', 'said', 'speaking', 'writing', 'addressing', 'following', 'under', 'over', 'among', 'amid', 'until',
  'today', 'yesterday', 'tomorrow', 'now', 'once', 'instead', 'even', 'only', 'such', 'other', 'another', 'each', 'every',
  'mr', 'mrs', 'ms', 'dr',
]);

/** Quantifiers that may open a group mention ("Multiple Russian officials"). */
export const GROUP_QUANTIFIERS = new Set(['multiple', 'several', 'some', 'many', 'other', 'senior', 'top', 'two', 'three', 'numerous']);

/** Clause openers that hand the floor to the previous speaker ("However, he argued"): used for time carry-over. */
export const CONTINUATION_OPENERS = new Set(['however', 'but', 'and', 'still', 'yet']);

/** Sentence-final abbreviations that do not end a sentence. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'adm', 'cmdr', 'sen', 'rep', 'gov', 'st',
  'jr', 'sr', 'no', 'vs', 'inc', 'corp', 'co', 'ltd', 'jan', 'feb', 'mar', 'apr', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'etc', 'approx', 'dept', 'est', 'fig', 'mt', 'pres',
]);

/** Abbreviated titles written with a dot before a name ("Mr.", "Sen."): the name that follows is a person. */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'adm', 'cmdr', 'sen', 'rep', 'gov', 'pres']);

/** Nouns for a medium of speech: "in a statement", "in an interview with X". */
export const SPEECH_MEDIA = new Set([
  'statement', 'interview', 'letter', 'post', 'speech', 'podcast', 'address', 'briefing', 'conference', 'tweet', 'op-ed',
  'editorial', 'message', 'video', 'broadcast', 'call', 'memo', 'note', 'column', 'article', 'report', 'documentary',
]);

/** Platforms that follow "on": "warning on X", "wrote on Telegram". */
export const PLATFORMS = new Set(['x', 'twitter', 'telegram', 'facebook', 'instagram', 'truth', 'social', 'television', 'tv', 'radio', 'air', 'camera', 'record', 'sunday', 'monday']);

/** Nouns for events that an "after/following the X" clause refers back to (time carry-over). */
export const EVENT_NOUNS = new Set(['meeting', 'summit', 'talks', 'call', 'conference', 'visit', 'session', 'vote', 'interview', 'speech', 'briefing', 'negotiations']);
