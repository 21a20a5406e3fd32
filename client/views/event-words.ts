/**
 * Words that tell an event of each type, for finding the sentence of an
 * article that reports an event (./event-sentence.ts). Data only; a reading
 * aid, looser than the extractor's own lists (server/extract/model/events.ts).
 * A summit, a meeting, talks and a visit are told in each other's words ("Trump
 * hosted Putin in Alaska for talks"), as the extractor merges them.
 */
const IN_PERSON = [
  'summit', 'summits', 'meeting', 'meetings', 'met', 'meet', 'meets', 'hosted', 'hosts', 'encounter', 'talks', 'negotiations',
  'visit', 'visited', 'visits', 'trip', 'arrived', 'arrives',
];

export const EVENT_WORDS: Readonly<Record<string, readonly string[]>> = {
  summit: IN_PERSON,
  meeting: IN_PERSON,
  talks: IN_PERSON,
  visit: IN_PERSON,
  call: ['call', 'phoned', 'telephoned', 'briefed', 'phone', 'conversation'],
  announcement: ['announcement', 'announced'],
  'military action': ['strike', 'strikes', 'airstrike', 'airstrikes', 'offensive', 'invasion', 'bombing', 'raid', 'struck', 'attacked', 'shelled', 'invaded'],
  other: ['conference', 'ceremony', 'rally'],
};
