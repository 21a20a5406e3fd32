/** Organisations and media outlets: known names and the head words that mark them. Data only. */
import type { ActorKind } from '../schema.js';

/** Well-known organisations by surface form (lowercase, no leading "the"): canonical name. */
export const KNOWN_ORGS: Record<string, { name: string; kind: ActorKind }> = {
  un: { name: 'United Nations', kind: 'organization' },
  'united nations': { name: 'United Nations', kind: 'organization' },
  nato: { name: 'NATO', kind: 'organization' },
  eu: { name: 'European Union', kind: 'organization' },
  'european union': { name: 'European Union', kind: 'organization' },
  'european commission': { name: 'European Commission', kind: 'organization' },
  hamas: { name: 'Hamas', kind: 'organization' },
  hezbollah: { name: 'Hezbollah', kind: 'organization' },
  who: { name: 'World Health Organization', kind: 'organization' },
  imf: { name: 'International Monetary Fund', kind: 'organization' },
  opec: { name: 'OPEC', kind: 'organization' },
  iaea: { name: 'International Atomic Energy Agency', kind: 'organization' },
  unicef: { name: 'UNICEF', kind: 'organization' },
  unrwa: { name: 'UNRWA', kind: 'organization' },
  'red cross': { name: 'Red Cross', kind: 'organization' },
  'taliban': { name: 'Taliban', kind: 'organization' },
  'houthis': { name: 'Houthis', kind: 'organization' },
  'g7': { name: 'G7', kind: 'organization' },
  'g20': { name: 'G20', kind: 'organization' },
  'osce': { name: 'OSCE', kind: 'organization' },
  'world bank': { name: 'World Bank', kind: 'organization' },
  // United States federal agencies known by their acronyms
  cdc: { name: 'Centers for Disease Control and Prevention', kind: 'organization' },
  fec: { name: 'Federal Election Commission', kind: 'organization' },
  fbi: { name: 'FBI', kind: 'organization' },
  cia: { name: 'CIA', kind: 'organization' },
  nasa: { name: 'NASA', kind: 'organization' },
  fda: { name: 'Food and Drug Administration', kind: 'organization' },
  epa: { name: 'Environmental Protection Agency', kind: 'organization' },
  ntsb: { name: 'National Transportation Safety Board', kind: 'organization' },
  faa: { name: 'Federal Aviation Administration', kind: 'organization' },
  fema: { name: 'Federal Emergency Management Agency', kind: 'organization' },
  noaa: { name: 'National Oceanic and Atmospheric Administration', kind: 'organization' },
  usps: { name: 'United States Postal Service', kind: 'organization' },
  fcc: { name: 'Federal Communications Commission', kind: 'organization' },
  ftc: { name: 'Federal Trade Commission', kind: 'organization' },
  sec: { name: 'Securities and Exchange Commission', kind: 'organization' },
  irs: { name: 'Internal Revenue Service', kind: 'organization' },
};

/** Media outlets by surface form (lowercase, no leading "the"): canonical name. */
export const KNOWN_MEDIA: Record<string, string> = {
  afp: 'AFP', 'agence france-presse': 'AFP', reuters: 'Reuters', ap: 'Associated Press', 'associated press': 'Associated Press',
  bloomberg: 'Bloomberg', cnn: 'CNN', bbc: 'BBC', 'fox news': 'Fox News', 'fox business': 'Fox Business', fox: 'Fox News',
  msnbc: 'MSNBC', nbc: 'NBC', cbs: 'CBS', abc: 'ABC', tass: 'TASS', 'ria novosti': 'RIA Novosti', interfax: 'Interfax',
  'russia today': 'Russia Today', rt: 'Russia Today', france24: 'France24', 'france 24': 'France24', 'al jazeera': 'Al Jazeera',
  politico: 'Politico', axios: 'Axios', 'corriere della sera': 'Corriere della Sera', 'le monde': 'Le Monde', 'der spiegel': 'Der Spiegel',
  spiegel: 'Der Spiegel', 'el pais': 'El Pais', 'la repubblica': 'La Repubblica', 'bild': 'Bild', 'kyodo': 'Kyodo', 'xinhua': 'Xinhua',
  'dpa': 'dpa', 'ansa': 'ANSA', 'efe': 'EFE', 'the times': 'The Times', times: 'The Times', 'haaretz': 'Haaretz', 'ynet': 'Ynet',
  'kommersant': 'Kommersant', 'izvestia': 'Izvestia', 'financial times': 'Financial Times', 'wall street journal': 'Wall Street Journal',
  'new york times': 'New York Times', 'washington post': 'Washington Post', guardian: 'The Guardian', 'the guardian': 'The Guardian',
  telegraph: 'The Telegraph', axel: 'Axel Springer', 'sky news': 'Sky News', euronews: 'Euronews', 'daily8': 'Daily8',
  cnbc: 'CNBC', cbc: 'CBC', npr: 'NPR', pbs: 'PBS', 'nbc news': 'NBC News', 'cbs news': 'CBS News', 'abc news': 'ABC News', 'usa today': 'USA Today',
  'los angeles times': 'Los Angeles Times', 'las vegas review-journal': 'Las Vegas Review-Journal', 'rappler': 'Rappler',
  forbes: 'Forbes', vox: 'Vox', slate: 'Slate', 'time magazine': 'Time', wikinews: 'Wikinews', sputnik: 'Sputnik', newsweek: 'Newsweek',
  'the hill': 'The Hill', huffpost: 'HuffPost', buzzfeed: 'BuzzFeed', 'buzzfeed news': 'BuzzFeed News', breitbart: 'Breitbart',
  'the atlantic': 'The Atlantic', 'the economist': 'The Economist', 'the intercept': 'The Intercept',
};

/** Last words that mark a media outlet ("The Kyiv Independent", "Daily Mail"). */
export const MEDIA_HEADS = new Set(['times', 'post', 'journal', 'news', 'herald', 'tribune', 'gazette', 'telegraph', 'guardian', 'independent', 'mail', 'express', 'observer', 'chronicle', 'monitor', 'wire', 'pravda', 'izvestia', 'today']);

/** Words right before a name that mark it as a media outlet ("the daily Corriere della Sera"). */
export const MEDIA_MARKERS = new Set(['daily', 'newspaper', 'broadcaster', 'outlet', 'agency', 'weekly', 'magazine', 'channel', 'tabloid', 'network', 'site', 'website', 'paper']);

/** Words in a capitalised run that make it an organisation. */
export const ORG_HEADS = new Set([
  'ministry', 'council', 'commission', 'party', 'agency', 'department', 'office', 'army', 'forces', 'force', 'navy',
  'university', 'company', 'inc', 'corp', 'group', 'union', 'organization', 'organisation', 'committee', 'court',
  'parliament', 'government', 'senate', 'congress', 'assembly', 'cabinet', 'bank', 'fund', 'institute', 'foundation',
  'service', 'services', 'police', 'guard', 'front', 'movement', 'alliance', 'federation', 'authority', 'administration',
  'palace', 'house', 'trust', 'church', 'republic', 'kingdom',
  'airlines', 'airline', 'airways', 'air', 'research', 'laboratories', 'labs', 'technologies', 'motors', 'pharmaceuticals', 'studios', 'records',
  'entertainment', 'holdings', 'telecom', 'railways', 'railway', 'electric', 'petroleum', 'bancorp', 'ltd', 'llc', 'plc', 'gmbh', 'tribe', 'college', 'society', 'association', 'economics', 'institution', 'network', 'centre', 'center', 'duma', 'knesset', 'bundestag', 'coalition', 'board', 'bureau', 'agency', 'tribunal', 'directorate',
  'tribes', 'nation',
]);

/**
 * Keys of KNOWN_ORGS, KNOWN_MEDIA and country aliases that are acronyms which
 * spell an ordinary word or a common capitalised one ("who", "us", "one"):
 * they match only when written in capitals ("WHO", "US"), so "Who" at the
 * start of a question is not the World Health Organization.
 */
export const CAPITALS_ONLY: ReadonlySet<string> = new Set([
  'un', 'eu', 'who', 'imf', 'iaea', 'opec', 'osce', 'unrwa', 'unicef', 'us', 'uk', 'ap', 'abc', 'rt', 'efe', 'ansa', 'afp', 'cbs', 'nbc',
  'cnn', 'bbc', 'tass', 'nato', 'usa', 'uae', 'cnbc', 'cbc', 'npr', 'pbs', 'sec', 'cia', 'fec', 'faa', 'epa', 'irs',
]);

/** Organisation names that are generic: a bare "Police" or "Congress" names a different body in each article. */
export const GENERIC_ORG_NAMES: ReadonlySet<string> = new Set([
  'police', 'government', 'congress', 'parliament', 'senate', 'army', 'navy', 'court', 'ministry', 'cabinet', 'authorities', 'officials',
  'administration', 'council', 'committee', 'commission', 'department', 'agency', 'office', 'military', 'party', 'opposition', 'assembly',
  'supreme court', 'high court', 'state department', 'foreign ministry', 'defence ministry', 'defense ministry', 'interior ministry',
  'health ministry', 'justice ministry', 'prosecutors', 'the government', 'the police', 'federal government', 'city council',
  'house', 'the house', 'legislature', 'state', 'company', 'university', 'hospital', 'union', 'board', 'regime', 'junta',
]);

/** Last words that never end a person's name ("PLoS One", "Channel Four", "Radio Live"): the run is a title or a brand. */
export const NON_NAME_LAST_WORDS: ReadonlySet<string> = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'plus', 'online', 'live', 'today', 'now', 'tv', 'fm', 'am',
]);

/** Party words before a name ("Democrat Chuck Schumer"): an affiliation, not part of the name. */
export const PARTY_WORDS: ReadonlySet<string> = new Set(['democrat', 'republican', 'labour', 'tory', 'conservative', 'liberal', 'socialist', 'communist', 'green']);
