import { extractArticle } from './statements.js';
import type { Extraction } from '../extract/index.js';
import type { IngestedArticle, IngestItem } from '../ingest/index.js';
import type { GraphStore, WriteStatus } from '../graph/index.js';
import { normalizeError, type AppError } from '../errors.js';
import { buildArticleGraph } from './build.js';
import { claimsState, resolveActors } from '../claims/index.js';
import { attempt, finishDerivedSteps, runDerivedSteps } from './steps.js';
import { serialWrite, withWritePriority } from '../graph/index.js';
import { crashPoint } from './crash-point.js';
import { asStoredOrCopy } from './republish.js';
import { extractForIngest } from './ingest-extraction.js';
import type { ArticleExtraction, ExtractPool } from './pool.js';
import { DEFAULT_INGEST_BATCH, PIPELINE_PART, prepareBatch, writePreparedBatch, type Settled } from './batch.js';

export interface ProcessedArticle {
  article: IngestedArticle;
  status: WriteStatus;
  extraction: Extraction;
  /** Why statements were not extracted (non-English text), else null. */
  skipped: string | null;
}

/** An article checked against the store and, when absent, extracted: ready for its write unit. */
export interface PreparedArticle {
  input: IngestedArticle;
  /** Null when the article (or its copy) was already stored at the check: nothing to extract. */
  extracted: ArticleExtraction | null;
}

/**
 * The part of an article's ingest that needs no write queue: is it stored
 * already, and if not its extraction (CPU only: in a worker thread when a
 * pool is given, else in this thread). Re-ingest must be cheap and change
 * nothing, so a stored article is not extracted; the extraction depends
 * only on the article's text and dates, not on its id.
 */
export function prepareArticle(store: GraphStore, input: IngestedArticle, pool: ExtractPool | null = null): Promise<PreparedArticle> {
  // The ingest's own reads: ahead of the UI's in a hosted store's write-priority queue, as its unit's are.
  return withWritePriority(async () => {
    const stored = (await claimsState(store, (await asStoredOrCopy(store, input)).id)) !== 'absent';
    if (stored) return { input, extracted: null };
    return { input, extracted: pool ? await pool.article(input) : extractForIngest(input) };
  });
}

/**
 * Extracts and writes one article in one transaction, then runs its derived
 * steps (claims, events); "unchanged" when it was already stored. The
 * extraction (CPU only) runs outside the write queue; everything from the
 * "is it stored?" check to the last derived step runs as one unit of the
 * store's write queue (server/graph/write-queue.ts), so concurrent ingests
 * give exactly what a sequential run gives and never conflict. The same text
 * from another outlet (or URL) is another Article, a republication
 * (pipeline/republish.ts), decided inside the unit too.
 */
export async function processArticle(store: GraphStore, input: IngestedArticle, pool: ExtractPool | null = null): Promise<ProcessedArticle> {
  return writePrepared(store, await prepareArticle(store, input, pool));
}

/** The write unit of a prepared article (processArticle's second half). */
export function writePrepared(store: GraphStore, prepared: PreparedArticle): Promise<ProcessedArticle> {
  const { input, extracted } = prepared;
  return serialWrite(store, async () => {
    // Checked again inside the queue: a concurrent request may have stored it (or another outlet's copy) meanwhile.
    const article = await asStoredOrCopy(store, input);
    const state = await claimsState(store, article.id);
    if (state !== 'absent') {
      // Stored without its claims or events step (a crash in between, or stored before the step existed):
      // finished from what the article's own write stored, exactly as the clean run would have done it.
      await finishDerivedSteps(store, article.id, { known: { claims: state } });
      return { article, status: 'unchanged' as const, extraction: { statements: [], actors: [] }, skipped: null };
    }
    const { extraction, events, skipped, articleKeys }: ArticleExtraction = extracted ?? extractArticle(article);
    // Actor identity before the write, so statements land on actors stored under other names (server/claims).
    const graph = await resolveActors(store, buildArticleGraph(article, extraction));
    // The article was absent when this unit began and the queue lets no other writer in: an "unchanged" here can
    // only be a failed attempt of this unit that had committed before it failed. Either way this request created it.
    await attempt(() => store.writeArticle(graph));
    crashPoint('after-article-commit');
    // The derived steps (pipeline/steps.ts): claims, republication and contradiction candidates, then events (from
    // the same parse as the statements); incremental, a fixed number of indexed lookups; each marks the article when done.
    await runDerivedSteps(store, { graph, events, articleKeys }, { retry: true });
    return { article, status: 'created' as const, extraction, skipped };
  });
}

export interface IngestSummary {
  ingested: number;
  unchanged: number;
  failed: number;
  statements: number;
  errors: { origin: string; code: string; message: string }[];
}

export type ProgressEvent =
  | { kind: 'article'; origin: string; title: string; status: WriteStatus; statements: number }
  | { kind: 'error'; origin: string; error: AppError };

/**
 * A batch's summary and how a failing item is counted in it and reported
 * (ingestInputs here, and the CLI's ingest through a running server).
 */
export function batchTally(onProgress: (event: ProgressEvent) => void): { summary: IngestSummary; fail: (origin: string, error: AppError) => void } {
  const summary: IngestSummary = { ingested: 0, unchanged: 0, failed: 0, statements: 0, errors: [] };
  const fail = (origin: string, error: AppError) => {
    summary.failed += 1;
    summary.errors.push({ origin, code: error.code, message: error.message });
    onProgress({ kind: 'error', origin, error });
  };
  return { summary, fail };
}

/**
 * Runs a batch: every item from the ingest reader is extracted and written;
 * a failing item is recorded and the batch goes on. Articles are taken
 * `batchSize` at a time (one unit of the store's write queue; 1 writes them
 * one by one) and written `partSize` to a transaction, each part's write
 * beside the steps of the part before it (pipeline/batch.ts), and reported
 * in input order. The next batch is checked and extracted (in worker
 * threads with a pool) while this one is written.
 */
export async function ingestInputs(
  store: GraphStore,
  items: AsyncIterable<IngestItem>,
  onProgress: (event: ProgressEvent) => void = () => {},
  pool: ExtractPool | null = null,
  batchSize: number = DEFAULT_INGEST_BATCH,
  partSize: number = PIPELINE_PART,
): Promise<IngestSummary> {
  const { summary, fail } = batchTally(onProgress);
  type Entry = { origin: string; title: string };
  let chunk: Array<Entry & { article: IngestedArticle }> = [];
  let writing: Promise<void> = Promise.resolve();
  const report = (entries: Entry[], results: Settled[]) => {
    entries.forEach(({ origin, title }, i) => {
      const r = results[i]!;
      if (!r.ok) return fail(`${origin} (${title})`, r.error);
      const { status, extraction } = r.value;
      if (status === 'created') {
        summary.ingested += 1;
        summary.statements += extraction.statements.length;
      } else {
        summary.unchanged += 1;
      }
      onProgress({ kind: 'article', origin, title, status, statements: extraction.statements.length });
    });
  };
  const flush = async () => {
    if (chunk.length === 0) return;
    const entries = chunk;
    chunk = [];
    // Checked and extracted now, written after the batch before it: at most one batch ahead of the writer.
    const prepared = prepareBatch(store, entries.map((e) => e.article), pool);
    prepared.catch(() => undefined); // awaited (and reported) in order below
    const previous = writing;
    writing = (async () => {
      await previous;
      let results: Settled[];
      try {
        results = await writePreparedBatch(store, await prepared, partSize);
      } catch (error) {
        const e = normalizeError(error);
        results = entries.map(() => ({ ok: false as const, error: e }));
      }
      report(entries, results);
    })();
    await previous;
  };
  for await (const item of items) {
    if (!item.ok) {
      // Reported where it stands in the input: after the articles before it.
      await flush();
      await writing;
      fail(item.origin, item.error);
      continue;
    }
    for (const article of item.articles) {
      chunk.push({ origin: item.origin, title: article.title, article });
      if (chunk.length >= batchSize) await flush();
    }
  }
  await flush();
  await writing;
  return summary;
}
