/**
 * Party members in the plural stand for their party ("Democrats walked out"
 * is the Democratic Party): plural member noun -> party name. Data only; a
 * single member ("a Democrat") is an affiliation, not the party.
 */
export const PARTY_PLURALS: Readonly<Record<string, string>> = {
  democrats: 'Democratic Party',
  republicans: 'Republican Party',
  libertarians: 'Libertarian Party',
  greens: 'Green Party',
  socialists: 'Socialist Party',
  communists: 'Communist Party',
  conservatives: 'Conservative Party',
  tories: 'Conservative Party',
  liberals: 'Liberal Party',
  labourites: 'Labour Party',
};

/** Last words that mark a media outlet even without "the" ("Ballot Access News", "Time Magazine"). */
export const MEDIA_LAST_WORDS: ReadonlySet<string> = new Set(['news', 'magazine', 'newspaper', 'radio']);
