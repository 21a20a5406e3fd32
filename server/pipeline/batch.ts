import type { ExtractedEvent, Extraction } from '../extract/index.js';
import type { IngestedArticle } from '../ingest/index.js';
import { articleStates, serialWrite, type ArticleGraph, type ArticleState, type GraphStore } from '../graph/index.js';
import { AppError, normalizeError } from '../errors.js';
import { sourceId } from '../ids.js';
import { resolveActorsBatch } from '../claims/index.js';
import { attempt, DERIVED_STEPS, runDerivedStepsBatch } from './steps.js';
import { buildArticleGraph } from './build.js';
import { crashPoint } from './crash-point.js';
import { copyId, storedOrCopy } from './republish.js';
import { extractArticle } from './statements.js';
import { extractForIngest } from './pool.js';
import { writePrepared, type PreparedArticle, type ProcessedArticle } from './run.js';
import type { ArticleExtraction, ExtractPool } from './pool.js';

/**
 * Ingest in batches (issue 19): many articles per write transaction and a
 * handful of store reads per batch instead of some thirty round trips per
 * article, with what a sequential run (processArticle, one article after
 * the other) stores, exactly:
 *
 * - one read of every article's state (stored? its origin for
 *   republication, its steps' marks) for the whole batch, with the batch's
 *   own articles kept in memory so a later duplicate or copy in the batch is
 *   decided as if the earlier one were stored;
 * - actor identity for the whole batch (claims/batch.ts: the batch's own
 *   alias keys in memory beside the store's);
 * - one transaction writing every new article of the batch (writeArticles:
 *   all or nothing, so after a crash each article is whole or absent);
 * - then each article's claims and events steps, in input order, as the
 *   sequential run does them (their lookups read only keys and links those
 *   steps write, so running them after the batch's write reads what the
 *   sequential run reads).
 *
 * An article already stored whose steps are not done, a duplicate inside
 * the batch, and every article of a batch whose write failed (a bad article
 * rolls the whole transaction back) go through the one-article path, so a
 * bad article is reported alone and the others are stored.
 */

/** Articles written per transaction by default (CLAIMGRAPH_INGEST_BATCH). */
export const DEFAULT_INGEST_BATCH = 64;

export type Settled = { ok: true; value: ProcessedArticle } | { ok: false; error: AppError };

/**
 * Checks a batch against the store (one read) and extracts the articles not
 * stored (in worker threads when a pool is given). An article whose
 * extraction throws is passed on unextracted: its write unit extracts it
 * again and reports the error for it alone.
 */
export async function prepareBatch(store: GraphStore, inputs: readonly IngestedArticle[], pool: ExtractPool | null = null): Promise<PreparedArticle[]> {
  const states = await articleStates(store, idsToCheck(inputs));
  return Promise.all(
    inputs.map(async (input): Promise<PreparedArticle> => {
      const article = storedOrCopy(input, states.get(input.id) ?? null);
      if (states.has(article.id)) return { input, extracted: null };
      try {
        return { input, extracted: pool ? await pool.article(input) : extractForIngest(input) };
      } catch {
        return { input, extracted: null };
      }
    }),
  );
}

/** Writes a prepared batch as one unit of the store's write queue; each article's outcome in input order. */
export function writePreparedBatch(store: GraphStore, prepared: readonly PreparedArticle[]): Promise<Settled[]> {
  return serialWrite(store, async () => {
    const states = await articleStates(store, idsToCheck(prepared.map((p) => p.input)));
    const results: Settled[] = new Array(prepared.length);
    /** Articles this batch writes, by id, with their origin: what a later article of the batch sees as stored. */
    const written = new Map<string, ArticleState>();
    let segment: Array<{ index: number; prepared: PreparedArticle; article: IngestedArticle }> = [];
    const flush = async () => {
      if (segment.length > 0) await writeSegment(store, segment, results);
      segment = [];
    };
    for (const [index, p] of prepared.entries()) {
      const origin = (id: string) => written.get(id) ?? states.get(id) ?? null;
      const article = storedOrCopy(p.input, origin(p.input.id));
      const state = states.get(article.id);
      if (state === undefined && !written.has(article.id)) {
        segment.push({ index, prepared: p, article });
        const src = article.source ? sourceId(article.source) : null;
        written.set(article.id, { url: article.url, sourceId: src, claimsVersion: 0, eventsVersion: 0 });
      } else if (state !== undefined && stepsDone(state)) {
        results[index] = { ok: true, value: { article, status: 'unchanged', extraction: { statements: [], actors: [] }, skipped: null } };
      } else {
        // Stored with a step to finish, or written earlier in this batch: the one-article path, after what precedes it.
        await flush();
        results[index] = await settle(writePrepared(store, p));
      }
    }
    await flush();
    return results;
  });
}

/** Writes new articles (absent at the check, distinct ids) in one transaction, then runs their steps in order. */
async function writeSegment(
  store: GraphStore,
  segment: ReadonlyArray<{ index: number; prepared: PreparedArticle; article: IngestedArticle }>,
  results: Settled[],
): Promise<void> {
  const items: Array<{
    index: number;
    article: IngestedArticle;
    extraction: Extraction;
    events: ExtractedEvent[];
    skipped: string | null;
    articleKeys: ArticleExtraction['articleKeys'];
    prepared: PreparedArticle;
  }> = [];
  for (const s of segment) {
    try {
      const { extraction, events, skipped, articleKeys }: ArticleExtraction = s.prepared.extracted ?? extractArticle(s.article);
      items.push({ index: s.index, article: s.article, extraction, events, skipped, articleKeys, prepared: s.prepared });
    } catch (error) {
      results[s.index] = { ok: false, error: normalizeError(error) };
    }
  }
  if (items.length === 0) return;
  const graphs: ArticleGraph[] = await resolveActorsBatch(store, items.map((it) => buildArticleGraph(it.article, it.extraction)));
  try {
    await attempt(() => store.writeArticles(graphs));
  } catch (error) {
    if (items.length === 1) {
      results[items[0]!.index] = { ok: false, error: normalizeError(error) };
      return;
    }
    // Nothing of the batch was written: one article at a time, so the bad one fails alone and the others are stored.
    for (const it of items) results[it.index] = await settle(writePrepared(store, it.prepared));
    return;
  }
  crashPoint('after-article-commit');
  try {
    await runDerivedStepsBatch(store, items.map((it, k) => ({ graph: graphs[k]!, events: it.events, articleKeys: it.articleKeys })), { retry: true });
    for (const it of items) results[it.index] = { ok: true, value: { article: it.article, status: 'created', extraction: it.extraction, skipped: it.skipped } };
  } catch (error) {
    // The articles are stored, their steps pending: each reports the error; re-ingest finishes them.
    const failed = normalizeError(error);
    for (const it of items) results[it.index] = { ok: false, error: failed };
  }
}

/** Whether every derived step (pipeline/steps.ts) is done at its version for a stored article. */
function stepsDone(state: ArticleState): boolean {
  const marks = { claims: state.claimsVersion, events: state.eventsVersion };
  return DERIVED_STEPS.every((step) => marks[step.name] >= step.version);
}

/** Every id a batch's articles may be stored under: their own, and the id of their copy from another outlet. */
function idsToCheck(inputs: readonly IngestedArticle[]): string[] {
  return [...new Set(inputs.flatMap((a) => (a.source || a.url ? [a.id, copyId(a)] : [a.id])))];
}

function settle<T>(work: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: AppError }> {
  return work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error: normalizeError(error) }),
  );
}
