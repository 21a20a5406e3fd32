/**
 * Spelling variants folded to one form before names and contents are
 * compared: transliterations (Zelenskyy / Zelensky, Sergei / Sergey) and
 * place names (Kiev / Kyiv). Keys and values are in normalised form
 * (lower case, accents removed). The folded form is an internal key, not a
 * preference: the stored actor keeps the name it was first seen with.
 */
export const SPELLING_VARIANTS: Readonly<Record<string, string>> = {
  // Ukrainian and Russian transliterations
  zelenskyy: 'zelensky', zelenskiy: 'zelensky', zelenski: 'zelensky', selensky: 'zelensky',
  volodimir: 'volodymyr', wolodymyr: 'volodymyr',
  sergei: 'sergey', sergej: 'sergey', serguei: 'sergey',
  yuri: 'yury', yuriy: 'yury', iouri: 'yury', jurij: 'yury',
  dmitri: 'dmitry', dmitriy: 'dmitry', dimitri: 'dmitry',
  alexei: 'alexey', aleksei: 'alexey', aleksey: 'alexey',
  andrei: 'andrey', andriy: 'andrey', mykola: 'nikolay', serhiy: 'sergey', oleksandr: 'alexander', aleksandr: 'alexander',
  oleksiy: 'alexey', vladimir: 'volodymyr', // Vladimir Zelensky is the Russian spelling of Volodymyr; a key only
  nikolai: 'nikolay', maxim: 'maksim',
  shoygu: 'shoigu',
  kyiv: 'kiev', kyyiv: 'kiev', kharkov: 'kharkiv', odessa: 'odesa', lvov: 'lviv',
  // Other common doubles in English news
  gaddafi: 'qaddafi', kadhafi: 'qaddafi', gadhafi: 'qaddafi',
  mohammed: 'muhammad', mohammad: 'muhammad', mohamed: 'muhammad',
};

/**
 * Metonyms: a capital or seat of government standing for its country
 * ("Moscow says", "the Kremlin warned"). Applied to non-person actors only,
 * so a person named "Washington" is left alone.
 */
export const METONYMS: Readonly<Record<string, string>> = {
  moscow: 'russia', kremlin: 'russia', 'the kremlin': 'russia', 'russian federation': 'russia', 'russian government': 'russia',
  kiev: 'ukraine', 'ukrainian government': 'ukraine',
  washington: 'united states', 'white house': 'united states', 'the white house': 'united states', us: 'united states',
  usa: 'united states', 'u s': 'united states', america: 'united states', 'united states of america': 'united states',
  london: 'united kingdom', 'downing street': 'united kingdom', uk: 'united kingdom', britain: 'united kingdom',
  'great britain': 'united kingdom', 'british government': 'united kingdom',
  paris: 'france', beijing: 'china', tehran: 'iran', ankara: 'turkey', berlin: 'germany', rome: 'italy',
  'west jerusalem': 'israel', tokyo: 'japan', 'new delhi': 'india', brussels: 'european union', eu: 'european union',
};

/** Metonym keys that spell ordinary words ("us"): folded only when the name is written in capitals ("US"). */
export const CAPITALS_ONLY_METONYMS: ReadonlySet<string> = new Set(['us', 'uk', 'eu', 'usa', 'u s']);
