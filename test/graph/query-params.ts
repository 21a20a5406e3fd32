import { API } from '../../server/graph/queries/api.js';
import { EXPORT } from '../../server/graph/queries/export.js';
import { IDENTITY } from '../../server/graph/queries/identity.js';
import { NETWORK } from '../../server/graph/queries/network.js';
import { READ } from '../../server/graph/queries/read.js';

/**
 * Sample parameters of the app's read queries (server/graph/queries api.ts,
 * read.ts, export.ts, identity.ts), so the Cypher lint (cypher-lint.test.ts)
 * can declare every parameter a text uses and the contract suite run each:
 * test data, kept out of the production modules (the write side's and the
 * derived steps' are in ./query-params-steps.ts; the schema set-up's stay
 * beside SCHEMA, which derives them per backend).
 */
const FILTERS = {
  speakerIds: null,
  aboutIds: ['act_0'],
  actorIds: null,
  cueClasses: ['accuse'],
  sources: ['src_0', 'The Times'],
  articleId: null,
  claimId: null,
  from: '2024-01-01',
  to: '2024-02-01',
  dated: false,
  q: 'sanctions',
};

const DAYS = ['2024-01', '2024-01-01', '2024-01-02'];
const OWN = { cueClasses: ['accuse'], from: '2024-01-01', to: '2024-01-03', dated: false, q: 'sanctions' };

/** Sample parameters of each query, so the Cypher lint test can declare them. */
export const API_PARAMS: { [K in keyof typeof API]: Record<string, unknown> } = {
  sameAs: {},
  actorExists: { id: 'act_0' },
  createMergeDecision: {
    id: 'mrg_0',
    from: 'act_0',
    into: 'act_1',
    fromName: 'Zakharova',
    intoName: 'Maria Zakharova',
    at: '2024-03-05T10:00:00.000Z',
    note: null,
  },
  undoMergeDecision: { id: 'mrg_0', at: '2024-03-06T10:00:00.000Z', note: null },
  activeMergeDecisions: {},
  mergeDecisionsOf: { ids: ['act_0'] },
  pruneSameAs: { keep: ['act_0>act_1'] },
  linkSameAs: { links: [{ from: 'act_0', into: 'act_1' }] },
  setMergedInto: { links: [{ from: 'act_0', into: 'act_1' }] },
  clearMergedInto: { keep: ['act_0'] },
  listArticles: { sources: null, from: '2024-01-01', to: null, q: null, skip: 0, limit: 50 },
  countArticles: { sources: ['The Times'], from: null, to: null, q: 'ukraine' },
  listActors: { kind: 'person', q: 'zakh', skip: 0, limit: 50 },
  countActors: { kind: null, q: null },
  actorsByIds: { ids: ['act_0'] },
  actorMembers: { id: 'act_0' },
  actorArticleCount: { ids: ['act_0'] },
  actorSaidByMonth: { ids: ['act_0'] },
  actorAboutByMonth: { ids: ['act_0'] },
  actorTalksAbout: { ids: ['act_0'] },
  actorTalkedAboutBy: { ids: ['act_0'] },
  listStatementsAsc: { ...FILTERS, skip: 0, limit: 50 },
  actorSaid: { ids: ['act_0'], limit: 100 },
  actorDays: { ids: ['act_0'] },
  actorTotals: { ids: ['act_0'] },
  actorPairsFrom: { ids: ['act_0'] },
  actorPairsTo: { ids: ['act_0'] },
  actorSaidInDays: { ids: ['act_0'], days: ['2024-01-01'], limit: 100 },
  actorAboutInDays: { ids: ['act_0'], days: ['2024-01-01'], limit: 100 },
  actorAbout: { ids: ['act_0'], limit: 100 },
  listStatementsDesc: { ...FILTERS, skip: 0, limit: 50 },
  countStatements: FILTERS,
  statementsByDay: FILTERS,
  listStatementsAscDays: { ...FILTERS, days: DAYS, skip: 0, limit: 50 },
  listStatementsDescDays: { ...FILTERS, days: DAYS, skip: 0, limit: 50 },
  countStatementsDays: { ...FILTERS, days: DAYS },
  statementsByDayDays: { ...FILTERS, days: DAYS },
  countOwnDays: { cueClasses: null, from: '2024-01-01', to: '2024-01-03', dated: true, q: null, days: DAYS },
  statementsByDayOwnDays: { cueClasses: ['accuse'], from: '2024-01-01', to: '2024-01-03', dated: true, q: null, days: DAYS },
  timelineDayCounts: { cueClasses: ['accuse'], from: '2024-01-01', to: null },
  countOwn: OWN,
  listOwnAsc: { ...OWN, skip: 0, limit: 50 },
  listOwnDesc: { ...OWN, skip: 0, limit: 50 },
  listOwnAscDays: { ...OWN, days: DAYS, skip: 0, limit: 50 },
  listOwnDescDays: { ...OWN, days: DAYS, skip: 0, limit: 50 },
  statement: { id: 'stm_0' },
  networkEdges: { cueClasses: null, sources: null, from: '2024-01-01', to: null },
  networkEdgesDays: { cueClasses: null, sources: ['The Times'], from: '2024-01-01', to: '2024-01-03', days: DAYS },
  networkTopEdges: { cueClasses: null, from: null, to: null, grouped: [], ego: null, minCount: 1, limit: 301 },
  networkTopEdgesDays: { cueClasses: ['accuse'], from: '2024-01-01', to: '2024-01-03', days: DAYS, grouped: ['act_0'], ego: ['act_1'], minCount: 2, limit: 301 },
  networkGroupedEdges: { cueClasses: null, from: null, to: null, grouped: ['act_0', 'act_1'] },
  networkGroupedEdgesDays: { cueClasses: null, from: '2024-01-01', to: '2024-01-03', days: DAYS, grouped: ['act_0', 'act_1'] },
  listClaims: { q: null, skip: 0, limit: 50 },
  countClaims: { q: 'troops' },
  claim: { id: 'clm_0' },
  listContradictions: { q: null, skip: 0, limit: 50 },
  countContradictions: { q: 'troops' },
  statementsByIds: { ids: ['stm_0'] },
  claimArticles: { id: 'clm_0' },
  articleOriginal: { id: 'art_0' },
  articleCopies: { id: 'art_0' },
};

export const READ_PARAMS: { [K in keyof typeof READ]: Record<string, unknown> } = {
  stats: {},
  article: { id: 'art_0' },
  articleStatements: { id: 'art_0' },
  articleActors: { id: 'art_0' },
  listSources: {},
  timeline: { from: '2024-01-01', to: '2024-02-01', actorIds: ['act_0'], limit: 500 },
  actor: { id: 'act_0' },
  neighbourhoodAbout: { id: 'act_0', limit: 50 },
  neighbourhoodTalkers: { id: 'act_0', limit: 50 },
};

export const EXPORT_PARAMS: { [K in keyof typeof EXPORT]: Record<string, unknown> } = {
  articleIds: { after: '', limit: 100 },
  articleCount: {},
  articleWithSource: { id: 'art_0' },
  articleActors: { id: 'art_0' },
  articleStatements: { id: 'art_0' },
  nodesPage: { after: '', limit: 100 },
  relationshipsFrom: { ids: ['art_0'] },
  derivedNodesPage: { after: '', limit: 100 },
  statementsFlat: { after: '', limit: 100 },
  claimsPage: { after: '', limit: 100 },
  claimAppearances: { id: 'clm_0' },
  eventsPage: { after: '', limit: 100 },
  mergeDecisionsPage: { after: '', limit: 100 },
  importEvents: { rows: [{ id: 'evt_0', props: { type: 'summit', date: '2025-08-15', datePrecision: 'day' } }] },
  linkEventReports: { rows: [{ eventId: 'evt_0', articleId: 'art_0', start: 0, end: 52, starts: [0, 140], ends: [52, 201] }] },
  importMergeDecisions: { rows: [{ id: 'mrg_0', props: { from: 'act_0', into: 'act_1', at: '2025-08-21T12:00:00.000Z' } }] },
};

export const IDENTITY_PARAMS: Record<keyof typeof IDENTITY, Record<string, unknown>> = {
  actorsPage: { after: '', limit: 1000 },
  allDecisions: {},
  countAliases: {},
  clearAliases: { limit: 5000 },
  indexActors: { rows: [{ actorId: 'act_0', keys: ['p:donald trump', 's:trump'] }] },
};

/** Sample parameters of the network's rollup queries (server/graph/queries/network.ts). */
export const NETWORK_PARAMS: { [K in keyof typeof NETWORK]: Record<string, unknown> } = {
  rollupTopEdges: { cueClasses: null, months: ['2024-01-*', '2024-02-*'], grouped: ['act_0'], ego: null, minCount: 1, limit: 301 },
  rollupTopEdgesDays: { cueClasses: null, from: '2024-01-01', to: '2024-03-05', months: ['2024-01-*', '2024-02-*'], days: ['2024-03-01'], grouped: ['act_0'], ego: null, minCount: 1, limit: 301 },
  rollupGroupedEdges: { cueClasses: ['say'], months: ['', '2024-01-*'], grouped: ['act_0'] },
  rollupGroupedEdgesDays: { cueClasses: ['say'], from: null, to: '2024-02-03', months: ['', '2024-01-*'], days: ['2024-02-01'], grouped: ['act_0'] },
  hotEdges: { cueClasses: null, months: ['2024-01-*'], grouped: ['act_0'], ego: null },
  windowDays: { from: '2024-01-01', to: null },
};
