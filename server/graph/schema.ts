import { storeUnavailable } from '../errors.js';
import { SCHEMA } from './queries/schema.js';
import type { Row } from './types.js';
import { ROLLUP_HOT_AT } from './window.js';

/**
 * The version of the graph model this code writes. Bump it with a migration
 * step below when a change needs existing stores rewritten.
 */
export const SCHEMA_VERSION = 11;

/** Schema version 6's label renames, in order (SCHEMA.rename*). */
export const RENAMES = ['renameAlias', 'renameBand', 'renameEventKey', 'renameDayCount', 'renameActorDay', 'renameActorPair', 'renameActorTotal'] as const;

/** Schema version 7's conversions of stored time strings to native temporal values (SCHEMA.convert*). */
export const TIME_CONVERSIONS = [
  'convertPublishedAt', 'convertRetrievedAt', 'convertSaidAt',
  'convertFirstSeen', 'convertLastSeen', 'convertDecisionAt', 'convertDecisionUndoneAt',
] as const;

/**
 * Records the schema version in the `(:_SchemaVersion {id: 'claimgraph'})`
 * node, or refuses a store written by a newer claimgraph, whose data this
 * code could misread. Runs after the backend's indexes/constraints exist.
 */
export async function initSchemaVersion(run: (query: string, params: Record<string, unknown>) => Promise<Row[]>): Promise<number> {
  const [row] = await run(SCHEMA.readVersion, {});
  const current = row?.version === null || row?.version === undefined ? null : Number(row.version);
  const former = row?.formerVersion === null || row?.formerVersion === undefined ? null : Number(row.formerVersion);
  const stored = current ?? former;
  if (stored !== null && stored > SCHEMA_VERSION) {
    throw storeUnavailable(
      `the store holds graph schema version ${stored}, newer than this claimgraph's ${SCHEMA_VERSION}: upgrade claimgraph`,
    );
  }
  // Migrations, in order, from `stored` (null: a new store, nothing to migrate).
  // 2: Statement.time and Statement.timeDay (server/graph/write.ts statementTime), read by every time window.
  if (stored !== null && stored < 2) await run(SCHEMA.backfillStatementTime, {});
  // 3: the per-day statement counters (server/graph/write.ts, WRITE.countDays), read by the unfiltered timeline.
  if (stored !== null && stored < 3) await run(SCHEMA.backfillDayCounts, {});
  // 4: the actor page's counters (WRITE.countActorDays, WRITE.countActorPairs), read by GET /api/actors/:id.
  if (stored !== null && stored < 4) {
    await run(SCHEMA.backfillActorDaysSaid, {});
    await run(SCHEMA.backfillActorDaysAbout, {});
    await run(SCHEMA.backfillActorPairs, {});
  }
  // 5: the per-actor totals (WRITE.countActorTotals), read by the actor page's summary.
  if (stored !== null && stored < 5) await run(SCHEMA.backfillActorTotals, {});
  // 6: the bookkeeping labels into the marked namespace (`_Band`, ...). Also when a former version node is
  // there beside a new one (an older claimgraph opened the store, or an older cypher export was loaded into it).
  if (former !== null) {
    for (const step of RENAMES) await run(SCHEMA[step], {});
  }
  // 7: times as native temporal values (server/graph/times.ts).
  if (stored !== null && stored < 7) {
    for (const step of TIME_CONVERSIONS) await run(SCHEMA[step], {});
  }
  // 8: the network's monthly rollups (WRITE.countPairMonths), read by GET /api/network for a window's whole months.
  if (stored !== null && stored < 8) await backfillPairMonths(run);
  // 9: the hot flag of the rollups (WRITE.markHotPairMonths), read by GET /api/network for a month's heavy pairs.
  if (stored !== null && stored < 9) {
    for (const row of await run(SCHEMA.rollupBuckets, {})) await run(SCHEMA.markHotBucket, { month: String(row.month ?? ''), hotAt: ROLLUP_HOT_AT });
  }
  // 10: statements without the copies of their texts (server/graph/write.ts storedStatementProps).
  if (stored !== null && stored < 10) await compactStatementTexts(run);
  // 11: the band keys onto their members (`_bands`; server/claims/band-store.ts holds them in memory).
  if (stored !== null && stored < 11) await moveBandsToMembers(run);
  if (current !== SCHEMA_VERSION) {
    await run(SCHEMA.writeVersion, { version: SCHEMA_VERSION, updatedAt: new Date().toISOString() });
  }
  if (former !== null) await run(SCHEMA.removeFormerVersion, {});
  return SCHEMA_VERSION;
}

/** Statements a page of the rollup backfill reads at most (a speaker with more is a page of its own). */
export const BACKFILL_PAGE_STATEMENTS = 50_000;

/**
 * The version-8 backfill (SCHEMA.backfillPairMonths) over pages of speakers
 * of about `pageStatements` statements each, in id order: each page SETs
 * whole counts of its own speakers' rollups, so a crash midway and a rerun
 * give the same counts.
 */
export async function backfillPairMonths(
  run: (query: string, params: Record<string, unknown>) => Promise<Row[]>,
  pageStatements = BACKFILL_PAGE_STATEMENTS,
): Promise<void> {
  let ids: string[] = [];
  let size = 0;
  for (const row of await run(SCHEMA.pairMonthSpeakers, {})) {
    ids.push(String(row.id));
    size += Number(row.said ?? 0);
    if (size >= pageStatements) {
      await run(SCHEMA.backfillPairMonths, { ids });
      ids = [];
      size = 0;
    }
  }
  if (ids.length > 0) await run(SCHEMA.backfillPairMonths, { ids });
}

/** Articles a page of the version-10 migration reads (their texts and their statements' stored texts). */
export const COMPACT_PAGE_ARTICLES = 2_000;

/**
 * The version-10 migration: over pages of articles in id order, removes each
 * statement's sentence where it is its article's text between its sentence
 * offsets, and its quote where it is its content (marked `quoteIsContent`),
 * as server/graph/write.ts storedStatementProps writes new statements.
 * Idempotent: a rerun after a crash finds less to remove.
 */
export async function compactStatementTexts(
  run: (query: string, params: Record<string, unknown>) => Promise<Row[]>,
  pageArticles = COMPACT_PAGE_ARTICLES,
): Promise<void> {
  let after = '';
  for (;;) {
    const page = await run(SCHEMA.statementTextsPage, { after, limit: pageArticles });
    const sentences: string[] = [];
    const quotes: string[] = [];
    for (const a of page) {
      const text = typeof a.text === 'string' ? a.text : null;
      for (const s of (Array.isArray(a.statements) ? a.statements : []) as Row[]) {
        const start = Number(s.sentenceStart);
        const end = Number(s.sentenceEnd);
        if (typeof s.sentence === 'string' && text !== null && Number.isInteger(start) && Number.isInteger(end) && text.slice(start, end) === s.sentence) {
          sentences.push(String(s.id));
        }
        if (typeof s.quote === 'string' && s.quote === s.content) quotes.push(String(s.id));
      }
    }
    if (sentences.length > 0) await run(SCHEMA.removeSentences, { ids: sentences });
    if (quotes.length > 0) await run(SCHEMA.markQuotesContent, { ids: quotes });
    if (page.length < pageArticles) return;
    after = String(page[page.length - 1]!.id);
  }
}

/** `_Band` nodes a page of the version-11 migration moves. */
export const BAND_PAGE = 5_000;

/**
 * The version-11 migration (also run after loading a cypher script written
 * before it): each `_Band` node's key appended to the `_bands` list of each
 * of its members, then the node deleted, a page at a time. A crash midway
 * leaves whole pages done; a rerun moves the rest.
 */
export async function moveBandsToMembers(
  run: (query: string, params: Record<string, unknown>) => Promise<Row[]>,
  pageBands = BAND_PAGE,
): Promise<void> {
  for (;;) {
    const page = await run(SCHEMA.bandsPage, { limit: pageBands });
    if (page.length === 0) return;
    const byMember = (field: 'articles' | 'statements') => {
      const keys = new Map<string, string[]>();
      for (const b of page) {
        for (const id of (Array.isArray(b[field]) ? b[field] : []) as unknown[]) {
          const own = keys.get(String(id));
          if (own === undefined) keys.set(String(id), [String(b.key)]);
          else own.push(String(b.key));
        }
      }
      return [...keys].map(([id, list]) => ({ id, keys: list }));
    };
    await run(SCHEMA.bandsToMembers, { articles: byMember('articles'), statements: byMember('statements'), keys: page.map((b) => String(b.key)) });
    if (page.length < pageBands) return;
  }
}
