import { CLAIMS } from '../../server/graph/queries/claims.js';
import { EVENTS_STEP } from '../../server/graph/queries/events-step.js';
import { EVENTS } from '../../server/graph/queries/events.js';
import { SORTED } from '../../server/graph/queries/sorted.js';
import { WRITE } from '../../server/graph/queries/write.js';

/**
 * Sample parameters of the app's write-side and derived-step queries
 * (server/graph/queries claims.ts, events-step.ts, events.ts, sorted.ts,
 * write.ts), so the Cypher lint (cypher-lint.test.ts) can declare every
 * parameter a text uses: test data, kept out of the production modules
 * (issue 17), beside ./query-params.ts's samples of the read queries.
 */

// claims.ts
const keys = ['p:donald trump', 's:trump'];

/** Sample parameters of each query, so the Cypher lint test can declare them. */
export const CLAIMS_PARAMS: { [K in keyof typeof CLAIMS]: Record<string, unknown> } = {
  lookupAliases: { keys, cap: 16 },
  actorsByIds: { ids: ['act_0'] },
  bandSeq: {},
  bumpBandSeq: {},
  articleBandKeys: {},
  statementBandKeys: {},
  articleCandidates: { ids: ['art_0'] },
  linkRepublishes: { links: [{ from: 'art_1', to: 'art_0', score: 0.9, reason: 'resemblance 0.9' }] },
  statementCandidates: { ids: ['stm_1'] },
  linkClaims: { links: [{ claimId: 'clm_0', statementId: 'stm_0', score: 1, reason: 'verbatim', text: 'It is over.' }] },
  claimMembers: { ids: ['clm_0'] },
  republishTargets: { ids: ['art_0'] },
  setClaimStats: { rows: [{ id: 'clm_0', firstSeen: '2025-08-20', lastSeen: '2025-08-21', statements: 2, articles: 2, sources: 1, origins: 1, speakers: ['Donald Trump'] }] },
  claimsOfArticles: { ids: ['art_0'] },
  linkContradictions: { links: [{ from: 'stm_1', to: 'stm_0', score: 0.8, reason: 'opposite polarity' }] },
  finishArticles: {
    articleBands: [{ id: 'art_0', keys: ['art:0:abc'] }], statementBands: [{ id: 'stm_0', keys: ['sp|act_0|0:0:abc'] }],
    actors: [{ actorId: 'act_0', keys: ['p:donald trump'] }], articleIds: ['art_0'], version: 1,
  },
  articleNamings: { id: 'art_0' },
  articleClaimsVersion: { id: 'art_0' },
  evalMembers: {},
};

// events-step.ts
/** Sample parameters of each query, so the Cypher lint test can declare them. */
export const EVENTS_STEP_PARAMS: { [K in keyof typeof EVENTS_STEP]: Record<string, unknown> } = {
  markArticles: { ids: ['art_0'], version: 1 },
  articleEventsVersion: { id: 'art_0' },
  articlesLackingEvents: { after: '', version: 1, limit: 100 },
  countLackingEvents: { version: 1 },
};

// events.ts
const EVENT_FILTERS = { from: '2025-08-01', to: '2025-09-01', participantIds: ['act_0'], type: null, q: null };

/** Sample parameters of each query, so the Cypher lint test can declare them. */
export const EVENTS_PARAMS: { [K in keyof typeof EVENTS]: Record<string, unknown> } = {
  keyMembers: { keys: ['in-person|act_0|W2025-08-18'], cap: 50 },
  upsertEvents: {
    events: [{
      id: 'evt_0', type: 'summit', name: 'Alaska summit', place: 'Anchorage', placeArea: 'alaska', date: '2025-08-15',
      datePrecision: 'day', dateText: 'on Friday', seen: '2025-08-21T12:00:00.000Z',
    }],
  },
  linkParticipants: { rows: [{ eventId: 'evt_0', actorId: 'act_0' }] },
  linkReports: { rows: [{ articleId: 'art_0', eventId: 'evt_0', start: 0, end: 52, starts: [0, 140], ends: [52, 201] }] },
  linkAt: { rows: [{ statementId: 'stm_0', eventId: 'evt_0' }] },
  indexKeys: { rows: [{ eventId: 'evt_0', key: 'in-person|act_0|W2025-08-11' }] },
  listEvents: { ...EVENT_FILTERS, skip: 0, limit: 50 },
  countEvents: { ...EVENT_FILTERS },
  event: { id: 'evt_0' },
  eventReports: { id: 'evt_0' },
  eventStatements: { id: 'evt_0' },
  metWithEvents: { from: '2025-08-01', to: '2025-09-01', types: ['summit', 'meeting'], sources: ['The Times'] },
  evalEvents: {},
};

// sorted.ts
const SORTED_ARTICLES = { sources: null, from: '2024-01-01', to: null, q: null, skip: 0, limit: 50 };
const SORTED_CLAIMS = { q: 'sanctions', skip: 0, limit: 50 };
const SORTED_EVENTS = { from: null, to: null, participantIds: ['act_0'], type: null, q: null, skip: 0, limit: 25 };

/** Sample parameters for the Cypher lint (test/graph/cypher-lint.test.ts). */
export const SORTED_PARAMS: { [K in keyof typeof SORTED]: Record<string, unknown> } = {
  articlesOldest: SORTED_ARTICLES,
  articlesMostStatements: SORTED_ARTICLES,
  articlesTitle: SORTED_ARTICLES,
  claimsOldest: SORTED_CLAIMS,
  claimsMostReported: SORTED_CLAIMS,
  claimsMostSources: SORTED_CLAIMS,
  contradictionsNewest: SORTED_CLAIMS,
  contradictionsOldest: SORTED_CLAIMS,
  eventsNewest: SORTED_EVENTS,
  eventsMostReported: SORTED_EVENTS,
  eventsMostStatements: SORTED_EVENTS,
};

// write.ts
const link = { statementId: 'stm_0', actorId: 'act_0' };

/** Sample parameters of each query, so the Cypher lint test can declare them. */
export const WRITE_PARAMS: { [K in keyof typeof WRITE]: Record<string, unknown> } = {
  articleExists: { id: 'art_0' },
  articlesExist: { ids: ['art_0', 'art_1'] },
  articleStates: { ids: ['art_0', 'art_1'] },
  upsertArticle: { articles: [{ id: 'art_0', props: { id: 'art_0', title: 'A title' } }] },
  upsertSource: { sources: [{ id: 'src_0', props: { id: 'src_0', name: 'The Daily', domain: 'daily.example' } }] },
  linkSource: { links: [{ articleId: 'art_0', sourceId: 'src_0' }] },
  linkNamed: { rows: [{ articleId: 'art_0', actorId: 'act_0', aliases: ['Zakharova'], roles: ['spokeswoman'] }] },
  upsertActors: { actors: [{ id: 'act_0', name: 'Maria Zakharova', kind: 'person', aliases: ['Zakharova'], roles: ['spokeswoman'] }] },
  linkMentions: { links: [{ articleId: 'art_0', actorId: 'act_0' }] },
  upsertStatements: { statements: [{ articleId: 'art_0', id: 'stm_0', props: { id: 'stm_0', content: 'It is over.', start: 0, end: 11 } }] },
  linkSpeakers: { links: [link] },
  linkAbout: { links: [link] },
  linkAddressees: { links: [link] },
  linkVia: { links: [link] },
  countDays: { articleIds: ['art_0'] },
  countActorMonths: { rows: [{ key: 'act_0|2024-01-*', actor: 'act_0', month: '2024-01-*', said: [0, 1, ...new Array<number>(30).fill(0)], about: new Array<number>(32).fill(0) }] },
  countActorPairs: { rows: [{ key: 'act_0|act_1', from: 'act_0', to: 'act_1', n: 1 }] },
  countActorTotals: { rows: [{ key: 'act_0', said: 1, about: 0, articles: 1 }] },
  markHotPairMonths: { pairs: [{ month: '2024-01-*', keys: ['2024-01-*|act_0|act_1|say', '2024-01-*|act_0|act_1|'], touched: ['2024-01-*|act_0|act_1|say'] }], hotAt: 5 },
  countPairMonths: { rows: [{ key: '2024-01|act_0|act_1|say', month: '2024-01', from: 'act_0', to: 'act_1', cueClass: 'say', n: 1, firstAt: '2024-01-05', lastAt: '2024-01-05' }] },
};
