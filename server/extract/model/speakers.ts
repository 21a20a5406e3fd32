/**
 * Words the speaker-phrase rules look at (stages/06-speaker.ts): data only.
 * A speaker phrase is the noun phrase a cue's subject is written as: "Mr.
 * Quillan", "a senior aide to the governor", "Sen. Wilma Okoro (D-Vt.)",
 * "The county auditor's report", "Jenkins' lawyers".
 */

/** Words that end a subject phrase read leftwards from the cue: clause words, verbs that are not part of a noun phrase. */
export const PHRASE_STOPS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'what', 'where', 'when', 'why', 'how', 'whether', 'and', 'but', 'or', 'nor',
  'if', 'because', 'while', 'although', 'though', 'unless', 'than', 'so', 'as', 'since', 'until', 'after', 'before',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can',
  'could', 'should', 'may', 'might', 'must', 'shall', 'not', 'also', 'then', 'there', 'here', 'it', 'he', 'she', 'they',
  'we', 'i', 'you', 'him', 'them', 'us', 'me', 'said', 'says', 'say', 'told', 'tells', 'asked', 'added', 'wrote', 'just', 'only', 'even', 'still', 'yet', 'now', 'however', 'thus', 'therefore', 'instead',
  'get', 'got', 'made', 'make', 'went', 'go', 'came', 'come', 'took', 'take', 'gave', 'give', 'put', 'let', 'like',
]);

/** Prepositions allowed inside a subject phrase ("a senior aide to the governor", "half of the farmers"), never at its start. */
export const PHRASE_PREPOSITIONS = new Set(['of', 'for', 'to', 'in', 'at', 'from', 'with', 'on', 'by', 'within', 'inside', 'outside', 'near']);

/** Words dropped from the start of a phrase: leading adverbials ("On Monday the mayor", "Later the panel"). */
export const PHRASE_LEAD_TRIM = new Set([
  'on', 'in', 'at', 'by', 'for', 'from', 'with', 'of', 'to', 'during', 'after', 'before', 'since', 'over', 'under',
  'later', 'earlier', 'then', 'now', 'today', 'yesterday', 'tonight', 'meanwhile', 'again', 'also', 'instead', 'still',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'morning', 'afternoon', 'evening', 'night',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'last', 'next', 'week', 'month', 'year', 'however', 'but', 'and', 'so', 'yet', 'thus', 'here', 'there',
]);

/** Title abbreviations written with a full stop before a name ("Mr. Quillan", "Sen. Okoro"). */
export const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'adm', 'cmdr', 'rev',
  'st', 'jr', 'sr', 'lt.-gov', 'amb', 'pres', 'supt', 'det', 'insp', 'u.s', 'u.n', 'u.k', 'e.u', 'd.c', 'inc', 'co', 'corp',
]);

/** Heads of a described speaker that is an organisation ("the campaign says"). */
export const ORGANIZATION_HEADS = new Set([
  'campaign', 'committee', 'commission', 'council', 'department', 'agency', 'party', 'administration', 'government',
  'court', 'board', 'company', 'firm', 'network', 'union', 'organization', 'organisation', 'association', 'institute',
  'office', 'ministry', 'police', 'team', 'group', 'paper', 'newspaper', 'magazine', 'channel', 'station', 'bureau',
  'center', 'centre', 'foundation', 'coalition', 'caucus', 'senate', 'house', 'congress', 'legislature', 'panel',
  'service', 'authority', 'army', 'military', 'navy', 'embassy', 'consulate', 'university', 'college', 'school', 'hospital',
  'bank', 'fund', 'pac', 'corporation', 'industry', 'lobby', 'state', 'city', 'county', 'district', 'white',
]);

/**
 * Heads of a described source that is a text, not a person: evidence and
 * documents ("a new poll shows", "the report found", "state records").
 */
export const DOCUMENT_HEADS = new Set([
  'report', 'reports', 'poll', 'polls', 'survey', 'surveys', 'study', 'studies', 'analysis', 'data', 'memo', 'ad', 'ads',
  'advertisement', 'audit', 'letter', 'statement', 'document', 'documents', 'records', 'record', 'figures', 'statistics',
  'review', 'research', 'investigation', 'tweet', 'tweets', 'filing', 'filings', 'complaint', 'lawsuit', 'indictment',
  'book', 'article', 'website', 'release', 'estimate', 'estimates', 'projection', 'projections', 'ruling', 'opinion',
  'editorial', 'email', 'emails', 'post', 'video', 'footage', 'evidence', 'transcript', 'bill', 'law', 'plan', 'proposal',
  'policy', 'platform', 'budget', 'model', 'exit', 'count', 'tally', 'results', 'numbers', 'findings', 'guidelines', 'rules',
  'accounts', 'papers', 'files', 'minutes', 'filings', 'logs', 'polling', 'census', 'forecast', 'forecasts',
]);

/** Heads that make a described speaker a group: quantities of people ("half of voters", "a third", "40 percent"). */
export const QUANTITY_HEADS = new Set(['percent', 'half', 'third', 'quarter', 'majority', 'minority', 'most', 'many', 'some', 'few', 'all', 'none', 'plurality', 'dozens', 'hundreds', 'thousands', 'millions']);

/** Determiners dropped from the front of a described speaker's name ("a senior aide" -> "senior aide"). */
export const NAME_DETERMINERS = new Set(['the', 'a', 'an']);

/** Words that cannot be a speaker phrase on their own ("This says a lot"). */
export const NOT_A_SPEAKER = new Set(['this', 'that', 'these', 'those', 'it', 'which', 'what', 'one', 'such', 'other', 'others', 'here', 'there', 'all', 'both']);
