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
import { extractForIngest } from './ingest-extraction.js';
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
 * - the new articles written in parts of PIPELINE_PART, one transaction
 *   each (writeArticles: all or nothing, so after a crash each article is
 *   whole or absent);
 * - each part's claims and events steps after its write, in input order,
 *   as the sequential run does them (their lookups read only keys and links
 *   those steps write, so running them after the part's write, and beside
 *   the next part's, reads what the sequential run reads).
 *
 * An article already stored whose steps are not done, a duplicate inside
 * the batch, and every article of a part whose write failed (a bad article
 * rolls the whole transaction back) go through the one-article path, so a
 * bad article is reported alone and the others are stored. After a part's
 * steps failed, the later parts are written without their steps (pending,
 * finished by a re-ingest in order), and a later part whose write fails is
 * reported failed whole (nothing of it stored).
 */

/** Articles written per batch (one unit of the store's write queue) by default (CLAIMGRAPH_INGEST_BATCH). */
export const DEFAULT_INGEST_BATCH = 256;

/**
 * Articles per write transaction inside a batch: the batch's new articles are written in parts of this many, and
 * each part's write runs in the engine (on its own thread) while the part before it has its claims and events steps
 * read and decided in this thread; the steps' own writes wait for it, so no two writes run side by side
 * (write-queue.ts). Every part is written before its steps run, in input order, so the store ends as a sequential
 * run leaves it: the steps of a part read only keys and links that earlier parts' steps wrote.
 */
export const PIPELINE_PART = 64;

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
export function writePreparedBatch(store: GraphStore, prepared: readonly PreparedArticle[], partSize: number = PIPELINE_PART): Promise<Settled[]> {
  return serialWrite(store, async () => {
    const states = await articleStates(store, idsToCheck(prepared.map((p) => p.input)));
    const results: Settled[] = new Array(prepared.length);
    /** Articles this batch writes, by id, with their origin: what a later article of the batch sees as stored. */
    const written = new Map<string, ArticleState>();
    let segment: Array<{ index: number; prepared: PreparedArticle; article: IngestedArticle }> = [];
    const flush = async () => {
      if (segment.length > 0) await writeSegment(store, segment, results, partSize);
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

/**
 * Writes new articles (absent at the check, distinct ids) in transactions of `partSize` (PIPELINE_PART), each
 * part's steps run after its write and beside the next part's, in input order.
 */
async function writeSegment(
  store: GraphStore,
  segment: ReadonlyArray<{ index: number; prepared: PreparedArticle; article: IngestedArticle }>,
  results: Settled[],
  partSize: number,
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
  const parts: Array<Array<(typeof items)[number] & { graph: ArticleGraph }>> = [];
  items.forEach((it, k) => {
    if (k % partSize === 0) parts.push([]);
    parts[parts.length - 1]!.push({ ...it, graph: graphs[k]! });
  });
  /** One part's write transaction: null when it committed, else its error (nothing of the part was written). */
  const write = (part: (typeof parts)[number]): Promise<AppError | null> =>
    attempt(() => store.writeArticles(part.map((it) => it.graph))).then(
      () => null,
      (error: unknown) => normalizeError(error),
    );
  let stepsFailed: AppError | null = null;
  let writing: Promise<AppError | null> = write(parts[0]!);
  for (const [i, part] of parts.entries()) {
    const failed = await writing;
    if (failed !== null) {
      // After a step failed, the one-article path would run these articles' steps without the failed ones'.
      if (part.length === 1 || stepsFailed !== null) for (const it of part) results[it.index] = { ok: false, error: failed };
      // Nothing of the part was written: one article at a time, so the bad one fails alone and the others are stored.
      else for (const it of part) results[it.index] = await settle(writePrepared(store, it.prepared));
      writing = i + 1 < parts.length ? write(parts[i + 1]!) : Promise.resolve(null);
      continue;
    }
    crashPoint('after-article-commit');
    // The next part's write runs in the engine while this part's steps read and decide; their writes wait for it.
    writing = i + 1 < parts.length ? write(parts[i + 1]!) : Promise.resolve(null);
    const next = writing;
    if (stepsFailed === null) {
      try {
        const inputs = part.map((it) => ({ graph: it.graph, events: it.events, articleKeys: it.articleKeys }));
        await runDerivedStepsBatch(store, inputs, { retry: true, beforeWrites: () => next });
      } catch (error) {
        stepsFailed = normalizeError(error);
      }
    }
    for (const it of part) {
      // After a step failed, this part's and the later parts' articles are stored with their steps pending (their
      // steps would otherwise run without the failed ones'): each reports the error; re-ingest finishes them in order.
      results[it.index] =
        stepsFailed === null
          ? { ok: true, value: { article: it.article, status: 'created', extraction: it.extraction, skipped: it.skipped } }
          : { ok: false, error: stepsFailed };
    }
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
