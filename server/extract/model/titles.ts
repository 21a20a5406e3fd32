/**
 * Roles and titles that name a person by position ("spokeswoman", "Prime
 * Minister"), and nouns that name groups ("officials"): data only.
 */

/** Roles before taking office, written as one hyphenated word ("President-elect Ana Brill"). */
const ELECT_ROLES = ['president-elect', 'vice-president-elect', 'governor-elect', 'senator-elect', 'mayor-elect', 'premier-elect', 'chancellor-elect'];

/** Words that, alone or combined, make a role (case-insensitive). */
export const ROLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'premier', 'chancellor', 'secretary', 'spokeswoman', 'spokesman', 'spokesperson',
  'envoy', 'ambassador', 'aide', 'adviser', 'advisor', 'counterpart', 'leader', 'chief', 'head', 'director', 'general',
  'commander', 'senator', 'congressman', 'congresswoman', 'representative', 'governor', 'mayor', 'king', 'queen', 'prince',
  'emir', 'sheikh', 'chairman', 'chairwoman', 'chair', 'ceo', 'founder', 'host', 'anchor', 'correspondent', 'editor',
  'journalist', 'analyst', 'deputy', 'special', 'foreign', 'defense', 'defence', 'finance', 'interior', 'press', 'former',
  'senior', 'top', 'presidential', 'first', 'lady', 'justice', 'judge', 'attorney', 'official', 'diplomat', 'negotiator',
  'lawmaker', 'mp', 'speaker', 'colonel', 'lieutenant', 'sergeant', 'captain', 'major', 'admiral', 'marshal', 'pope',
  'cardinal', 'archbishop', 'bishop', 'rabbi', 'imam', 'economist', 'professor', 'dr', 'economy', 'trade', 'health',
  'energy', 'military', 'security', 'national', 'radio', 'television', 'tv', 'executive', 'managing', 'acting',
  'assistant', 'undersecretary', 'supreme', 'commissioner', 'high', 'representative', 'state', 'white', 'house',
  'kremlin', 'spokesperson', 'press', 'mr', 'mrs', 'ms', 'regional', 'opposition', 'trade', 'economy',
  'gov', 'sen', 'rep', 'legislator', 'whip', 'administrator', 'treasurer', 'prosecutor', 'sheriff', 'superintendent', 'coach', 'duke', 'duchess', 'earl', 'baron', 'sultan', 'princess',
  ...ELECT_ROLES,
]);

/** The noun that heads a role: a role must contain one of these ("special envoy", not "special"). */
export const ROLE_HEADS = new Set([
  'president', 'minister', 'premier', 'chancellor', 'secretary', 'spokeswoman', 'spokesman', 'spokesperson', 'envoy',
  'ambassador', 'aide', 'adviser', 'advisor', 'counterpart', 'leader', 'chief', 'head', 'director', 'commander', 'senator',
  'congressman', 'congresswoman', 'representative', 'governor', 'mayor', 'king', 'queen', 'prince', 'emir', 'sheikh',
  'chairman', 'chairwoman', 'chair', 'ceo', 'founder', 'host', 'anchor', 'correspondent', 'editor', 'journalist', 'analyst',
  'justice', 'judge', 'attorney', 'official', 'diplomat', 'negotiator', 'lawmaker', 'mp', 'speaker', 'colonel', 'general',
  'lieutenant', 'sergeant', 'captain', 'major', 'admiral', 'marshal', 'pope', 'cardinal', 'archbishop', 'bishop', 'rabbi',
  'imam', 'economist', 'professor', 'commissioner', 'undersecretary', 'lady', 'gov', 'sen', 'rep', 'legislator', 'whip', 'administrator', 'treasurer', 'prosecutor', 'sheriff', 'superintendent', 'coach',
  'duke', 'duchess', 'earl', 'baron', 'sultan', 'princess',
  ...ELECT_ROLES,
]);

/** Roles that mean "head of state or government": "the Israeli leader" matches an Israeli Prime Minister. */
export const LEADER_HEADS = new Set(['president', 'prime', 'premier', 'chancellor', 'leader', 'king', 'queen', 'emir']);

/** Plural nouns that name a group of speakers ("US officials", "British military chiefs"). */
export const GROUP_NOUNS = new Set([
  'officials', 'leaders', 'diplomats', 'lawmakers', 'ministers', 'sources', 'chiefs', 'officers', 'analysts', 'experts',
  'critics', 'residents', 'protesters', 'activists', 'authorities', 'investigators', 'prosecutors', 'negotiators',
  'spokespeople', 'commanders', 'executives', 'economists', 'scientists', 'doctors', 'witnesses', 'campaigners',
  'reporters', 'journalists', 'legislators', 'senators', 'politicians', 'representatives', 'aides', 'advisers', 'medics',
]);

/** Lowercase modifiers allowed inside a group mention ("British military chiefs"). */
export const GROUP_MODIFIERS = new Set(['military', 'senior', 'top', 'government', 'security', 'intelligence', 'defense', 'defence', 'health', 'local', 'western', 'european', 'foreign', 'federal', 'state', 'party', 'opposition', 'administration', 'police', 'rescue', 'aid', 'un']);

/** Group nouns that, after a nationality, stand for the country's government ("Israeli authorities"). */
export const GOVERNMENT_GROUPS = new Set(['authorities', 'government']);

/** Nouns after "X's" that speak for X ("Macron's office"): the speaker is X, the mention stays as written. */
export const PROXY_NOUNS = new Set(['department', 'ministry', 'office', 'spokesman', 'spokeswoman', 'spokesperson', 'press office', 'team', 'aides', 'camp', 'lawyer', 'lawyers']);

/** "his predecessor" -> the person whose role is "former ..." */
export const PREDECESSOR_WORDS = new Set(['predecessor']);

/**
 * Words in "X, the son of Y" style appositions that relate two people
 * without making them one: the second name is another person.
 */
export const KINSHIP_NOUNS: ReadonlySet<string> = new Set([
  'son', 'daughter', 'wife', 'husband', 'father', 'mother', 'brother', 'sister', 'widow', 'widower', 'nephew', 'niece', 'cousin',
  'grandson', 'granddaughter', 'uncle', 'aunt', 'spouse', 'partner', 'stepson', 'stepdaughter', 'child', 'parent',
]);

/** Abbreviated titles written with a dot before a name ("Sen. Ann Berg"): the dot does not end the mention. */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(['gov', 'sen', 'rep', 'lt', 'gen', 'col', 'sgt', 'capt', 'maj', 'adm', 'cmdr', 'supt', 'insp']);
