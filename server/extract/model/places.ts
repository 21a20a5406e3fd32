/**
 * Countries with their demonyms and short forms, and metonyms (a capital or a
 * seat of power standing for its government): data only.
 */
import type { ActorKind } from '../schema.js';

export interface Country {
  name: string;
  /** Other names and abbreviations ("US", "Britain"). */
  aliases?: string[];
  /** Adjectives and nouns of nationality ("French", "Israeli"). */
  demonyms: string[];
}

export const COUNTRIES: Country[] = [
  { name: 'United States', aliases: ['US', 'U.S.', 'USA', 'America', 'United States of America'], demonyms: ['American', 'US', 'U.S.'] },
  { name: 'United Kingdom', aliases: ['UK', 'U.K.', 'Britain', 'Great Britain'], demonyms: ['British', 'UK'] },
  { name: 'Russia', aliases: ['Russian Federation'], demonyms: ['Russian'] },
  { name: 'Ukraine', demonyms: ['Ukrainian'] },
  { name: 'France', demonyms: ['French'] },
  { name: 'Germany', demonyms: ['German'] },
  { name: 'Italy', demonyms: ['Italian'] },
  { name: 'Spain', demonyms: ['Spanish'] },
  { name: 'Poland', demonyms: ['Polish'] },
  { name: 'Romania', demonyms: ['Romanian'] },
  { name: 'Croatia', demonyms: ['Croatian'] },
  { name: 'Hungary', demonyms: ['Hungarian'] },
  { name: 'Netherlands', aliases: ['Holland'], demonyms: ['Dutch'] },
  { name: 'Belgium', demonyms: ['Belgian'] },
  { name: 'Austria', demonyms: ['Austrian'] },
  { name: 'Switzerland', demonyms: ['Swiss'] },
  { name: 'Sweden', demonyms: ['Swedish'] },
  { name: 'Norway', demonyms: ['Norwegian'] },
  { name: 'Finland', demonyms: ['Finnish'] },
  { name: 'Denmark', demonyms: ['Danish'] },
  { name: 'Estonia', demonyms: ['Estonian'] },
  { name: 'Latvia', demonyms: ['Latvian'] },
  { name: 'Lithuania', demonyms: ['Lithuanian'] },
  { name: 'Belarus', demonyms: ['Belarusian'] },
  { name: 'Moldova', demonyms: ['Moldovan'] },
  { name: 'Georgia', demonyms: ['Georgian'] },
  { name: 'Armenia', demonyms: ['Armenian'] },
  { name: 'Azerbaijan', demonyms: ['Azerbaijani'] },
  { name: 'Turkey', aliases: ['Turkiye', 'Türkiye'], demonyms: ['Turkish'] },
  { name: 'Greece', demonyms: ['Greek'] },
  { name: 'Serbia', demonyms: ['Serbian'] },
  { name: 'Portugal', demonyms: ['Portuguese'] },
  { name: 'Ireland', demonyms: ['Irish'] },
  { name: 'Czech Republic', aliases: ['Czechia'], demonyms: ['Czech'] },
  { name: 'Slovakia', demonyms: ['Slovak'] },
  { name: 'Bulgaria', demonyms: ['Bulgarian'] },
  { name: 'Israel', demonyms: ['Israeli'] },
  { name: 'Palestine', demonyms: ['Palestinian'] },
  { name: 'Iran', demonyms: ['Iranian'] },
  { name: 'Iraq', demonyms: ['Iraqi'] },
  { name: 'Syria', demonyms: ['Syrian'] },
  { name: 'Lebanon', demonyms: ['Lebanese'] },
  { name: 'Jordan', demonyms: ['Jordanian'] },
  { name: 'Egypt', demonyms: ['Egyptian'] },
  { name: 'Saudi Arabia', demonyms: ['Saudi'] },
  { name: 'Qatar', demonyms: ['Qatari'] },
  { name: 'United Arab Emirates', aliases: ['UAE'], demonyms: ['Emirati'] },
  { name: 'Yemen', demonyms: ['Yemeni'] },
  { name: 'China', aliases: ["People's Republic of China"], demonyms: ['Chinese'] },
  { name: 'Japan', demonyms: ['Japanese'] },
  { name: 'South Korea', demonyms: ['South Korean'] },
  { name: 'North Korea', demonyms: ['North Korean'] },
  { name: 'India', demonyms: ['Indian'] },
  { name: 'Pakistan', demonyms: ['Pakistani'] },
  { name: 'Afghanistan', demonyms: ['Afghan'] },
  { name: 'Taiwan', demonyms: ['Taiwanese'] },
  { name: 'Vietnam', demonyms: ['Vietnamese'] },
  { name: 'Indonesia', demonyms: ['Indonesian'] },
  { name: 'Philippines', demonyms: ['Filipino', 'Philippine'] },
  { name: 'Australia', demonyms: ['Australian'] },
  { name: 'New Zealand', demonyms: ['New Zealander'] },
  { name: 'Canada', demonyms: ['Canadian'] },
  { name: 'Mexico', demonyms: ['Mexican'] },
  { name: 'Brazil', demonyms: ['Brazilian'] },
  { name: 'Argentina', demonyms: ['Argentine', 'Argentinian'] },
  { name: 'Chile', demonyms: ['Chilean'] },
  { name: 'Colombia', demonyms: ['Colombian'] },
  { name: 'Venezuela', demonyms: ['Venezuelan'] },
  { name: 'Cuba', demonyms: ['Cuban'] },
  { name: 'South Africa', demonyms: ['South African'] },
  { name: 'Nigeria', demonyms: ['Nigerian'] },
  { name: 'Kenya', demonyms: ['Kenyan'] },
  { name: 'Ethiopia', demonyms: ['Ethiopian'] },
  { name: 'Sudan', demonyms: ['Sudanese'] },
  { name: 'Libya', demonyms: ['Libyan'] },
  { name: 'Morocco', demonyms: ['Moroccan'] },
  { name: 'Algeria', demonyms: ['Algerian'] },
  { name: 'Kazakhstan', demonyms: ['Kazakh'] },
  { name: 'Soviet Union', aliases: ['USSR', 'U.S.S.R.'], demonyms: ['Soviet'] },
];

export interface Metonym {
  /** Canonical actor the place or building stands for. */
  name: string;
  kind: ActorKind;
}

/**
 * Places and buildings that stand for a government in news prose
 * ("Moscow has said", "the Elysee responded"). Keys are lowercase surface forms
 * without a leading "the".
 */
export const METONYMS: Record<string, Metonym> = {
  moscow: { name: 'Russia', kind: 'country' },
  kremlin: { name: 'Russia', kind: 'country' },
  kiev: { name: 'Ukraine', kind: 'country' },
  kyiv: { name: 'Ukraine', kind: 'country' },
  london: { name: 'United Kingdom', kind: 'country' },
  'downing street': { name: 'United Kingdom', kind: 'country' },
  whitehall: { name: 'United Kingdom', kind: 'country' },
  washington: { name: 'United States', kind: 'country' },
  paris: { name: 'France', kind: 'country' },
  berlin: { name: 'Germany', kind: 'country' },
  rome: { name: 'Italy', kind: 'country' },
  madrid: { name: 'Spain', kind: 'country' },
  warsaw: { name: 'Poland', kind: 'country' },
  beijing: { name: 'China', kind: 'country' },
  tokyo: { name: 'Japan', kind: 'country' },
  tehran: { name: 'Iran', kind: 'country' },
  ankara: { name: 'Turkey', kind: 'country' },
  minsk: { name: 'Belarus', kind: 'country' },
  budapest: { name: 'Hungary', kind: 'country' },
  'west jerusalem': { name: 'Israel', kind: 'country' },
  ottawa: { name: 'Canada', kind: 'country' },
  canberra: { name: 'Australia', kind: 'country' },
  'new delhi': { name: 'India', kind: 'country' },
  brussels: { name: 'European Union', kind: 'organization' },
  elysee: { name: 'Elysee Palace', kind: 'organization' },
  'elysee palace': { name: 'Elysee Palace', kind: 'organization' },
  'élysée': { name: 'Elysee Palace', kind: 'organization' },
  'élysée palace': { name: 'Elysee Palace', kind: 'organization' },
  'white house': { name: 'White House', kind: 'organization' },
  pentagon: { name: 'Pentagon', kind: 'organization' },
};

/** Last words of place names that are not actors ("Gaza City", "Western Europe"). */
export const PLACE_HEADS = new Set([
  'city', 'europe', 'asia', 'africa', 'america', 'sea', 'ocean', 'island', 'islands', 'strait', 'gulf', 'river', 'mountains',
  'peninsula', 'province', 'region', 'oblast', 'street', 'square', 'valley', 'bay', 'coast', 'bank', 'strip', 'east', 'west',
  'north', 'south', 'county', 'state', 'district', 'airport', 'port', 'sur', 'norte', 'oriental', 'occidental', 'highlands',
  'parish', 'borough', 'township', 'heights', 'hills', 'cay', 'canyon', 'falls', 'delta', 'atoll', 'archipelago', 'plateau', 'desert',
]);

/** Words that make a capitalised run an event or a thing rather than an actor. */
export const THING_HEADS = new Set([
  'war', 'summit', 'day', 'year', 'cup', 'games', 'olympics', 'agreement', 'accord', 'accords', 'treaty', 'act', 'plan',
  'deal', 'conflict', 'crisis', 'operation', 'festival', 'prize', 'award', 'ii', 'iii', 'iv', 'anti-semitism', 'covid-19',
  'hashtags', 'comments', 'features', 'ai', 'storm', 'hurricane', 'cyclone', 'typhoon', 'no', 'appeal', 'biology', 'virus', 'disease',
]);

/**
 * Last words of facilities ("John Radcliffe Hospital", "Mesquite Convention
 * Center"): not actors unless they speak, then organisations.
 */
export const FACILITY_HEADS: ReadonlySet<string> = new Set([
  'hospital', 'clinic', 'school', 'museum', 'library', 'stadium', 'arena', 'hotel', 'station', 'prison', 'jail', 'mall', 'theatre',
  'theater', 'cathedral', 'mosque', 'temple', 'church', 'bridge', 'tower', 'building', 'hall', 'park', 'zoo', 'camp', 'base', 'reactor',
  'plant', 'mine', 'highway', 'road', 'avenue', 'center', 'centre', 'field', 'airfield', 'headquarters', 'complex', 'terminal', 'dam',
  'pipeline', 'interconnector',
]);

/**
 * Facility heads that are also surnames ("Sally Field", "Kevin Hall"): after a
 * known given name, a two-word run ending in one is a person.
 */
export const SURNAME_FACILITY_HEADS: ReadonlySet<string> = new Set(['field', 'hall', 'park', 'camp', 'tower', 'bridge', 'church', 'hill']);

/**
 * Last words of laws, bills, votes and shows ("Texas Election Law", "Economic Bill",
 * "Electronic Commerce Directive"): a capitalised run ending in one is a
 * thing, not a person. Checked on the last word only: "Bill" opens names.
 */
export const LAW_HEADS: ReadonlySet<string> = new Set([
  'bill', 'law', 'laws', 'directive', 'amendment', 'amendments', 'constitution', 'statute', 'ordinance', 'regulation', 'regulations',
  'resolution', 'vote', 'election', 'elections', 'referendum', 'code', 'charter', 'eve', 'show',
]);

/**
 * First words of facilities and vessels ("Hotel Arpit Palace", "USS Ronald
 * Reagan"): a capitalised run opening with one is not an actor unless it
 * speaks, then an organisation.
 */
export const FACILITY_OPENERS: ReadonlySet<string> = new Set(['hotel', 'uss', 'hms', 'hmas', 'hmcs', 'ins', 'rfs']);

/**
 * First words of multi-word place names that are not in the lexicon
 * ("San Rafael", "Fort Worth", "Lake Placid"): a capitalised run opening with
 * one of these is a place, not a person.
 */
export const PLACE_OPENERS: ReadonlySet<string> = new Set([
  'san', 'santa', 'santo', 'sao', 'são', 'st', 'saint', 'sainte', 'fort', 'port', 'mount', 'mt', 'lake', 'cape', 'puerto', 'porto',
  'los', 'las', 'el', 'new', 'north', 'south', 'east', 'west', 'upper', 'lower', 'greater', 'central', 'county',
]);

/** Prepositions that attach a place or an affiliation to the noun before them ("a reporter in Kenya", "X of the Y"). */
export const ATTACHING_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'in', 'from', 'at', 'for', 'with']);

/**
 * Institutions named bare ("Congress", "the Senate") in an article whose
 * most-mentioned country is the United States: the US ones (folded bare name ->
 * name). Elsewhere a bare "Senate" stays a generic body of its article.
 */
export const US_INSTITUTIONS: Readonly<Record<string, string>> = {
  congress: 'United States Congress',
  senate: 'United States Senate',
  house: 'United States House of Representatives',
  'house of representatives': 'United States House of Representatives',
  'supreme court': 'United States Supreme Court',
};

/**
 * Places the word lists call countries that are not sovereign states
 * (constituent nations, dependent territories, special regions): places, not
 * country actors, unless they speak. De-facto states (Taiwan, Kosovo) stay
 * countries.
 */
export const NON_SOVEREIGN: ReadonlySet<string> = new Set([
  'england', 'scotland', 'wales', 'northern ireland', 'hong kong', 'macao', 'macau', 'puerto rico', 'guam', 'greenland', 'gibraltar',
  'bermuda',
]);
