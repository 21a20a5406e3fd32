import type { Config } from '../config.js';
import { AppError, normalizeError } from '../errors.js';
import { openStoreFromConfig } from '../graph/index.js';
import { readInputs, type IngestItem, type IngestedArticle } from '../ingest/index.js';
import { batchTally, DEFAULT_INGEST_BATCH, defaultIngestWorkers, ExtractPool, ingestInputs, type IngestSummary, type ProgressEvent } from '../pipeline/index.js';
import { IngestFlags, parseFlags } from './options.js';
import { progressBar } from './progress.js';
import { findServer, REMOTE_BATCH, serverError, type RemoteServer } from './remote.js';

/**
 * Ingest through a running server that holds the store: the CLI reads the
 * inputs, the server extracts and writes them (its write path, its claims and
 * events steps). Same summary and progress events as ingestInputs.
 */
async function ingestThroughServer(
  remote: RemoteServer,
  items: AsyncIterable<IngestItem>,
  onProgress: (event: ProgressEvent) => void,
): Promise<IngestSummary> {
  const { summary, fail } = batchTally(onProgress);
  let batch: IngestedArticle[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    let reply;
    try {
      reply = await remote.ingest(sent);
    } catch (error) {
      const e = normalizeError(error);
      for (const a of sent) fail(a.origin, e);
      return;
    }
    // The server answers its articles in the order of the records; failed records are listed as records[i].
    const failedAt = new Set<number>();
    for (const err of reply.errors) {
      const m = /^records\[(\d+)\]/.exec(err.origin);
      const i = m ? Number(m[1]) : -1;
      failedAt.add(i);
      fail(sent[i]?.origin ?? err.origin, serverError(err.code, err.message));
    }
    const stored = sent.filter((_, i) => !failedAt.has(i));
    reply.articles.forEach((a, i) => {
      const origin = stored[i]?.origin ?? remote.url;
      const created = a.status === 'created';
      if (created) {
        summary.ingested += 1;
        summary.statements += a.statements.length;
      } else summary.unchanged += 1;
      onProgress({ kind: 'article', origin, title: a.title, status: created ? 'created' : 'unchanged', statements: a.statements.length });
    });
  };
  for await (const item of items) {
    if (!item.ok) {
      fail(item.origin, item.error);
      continue;
    }
    for (const article of item.articles) {
      batch.push(article);
      if (batch.length >= REMOTE_BATCH) await flush();
    }
  }
  await flush();
  return summary;
}

/** `claimgraph ingest INPUT...`: progress on stderr, a summary (counts and failures) on stdout. */
export async function runIngest(config: Config, flags: Record<string, unknown>, inputs: unknown): Promise<number> {
  const opts = parseFlags(IngestFlags, flags);
  const remote = await findServer(config);
  const store = remote ? null : await openStoreFromConfig(config);
  if (remote && !opts.json) process.stderr.write(`the store is held by ${remote.describe()}: ingesting through it\n`);
  // Extraction in worker threads while this thread writes (issue 19): CLAIMGRAPH_EXTRACT_WORKERS, else one thread
  // where there is a second core, started once the input outgrows its first batch (pipeline/pool.ts).
  const pool = store ? new ExtractPool(config.extractWorkers ?? defaultIngestWorkers(), { inThreadFirst: config.ingestBatch ?? DEFAULT_INGEST_BATCH }) : null;
  const bar = progressBar('ingest', opts.progress !== false && !opts.json);
  const counts = { created: 0, unchanged: 0, failed: 0 };
  // A JSONL file is streamed (ingest/stream.ts): how much of it is read shows how far the ingest is.
  let read = '';
  const onBytes = (_path: string, n: number, size: number) => {
    read = ` | ${(n / 1048576).toFixed(1)} of ${(size / 1048576).toFixed(1)} MB read`;
  };
  const onProgress = (event: ProgressEvent) => {
    if (event.kind === 'article') {
      if (event.status === 'created') counts.created += 1;
      else counts.unchanged += 1;
    } else {
      counts.failed += 1;
      bar.stop();
      if (!opts.json) process.stderr.write(`error: ${event.error.message}\n`);
    }
    // The number of articles is unknown until every input is read (folders, feeds, pages that split).
    const origin = event.origin.length > 40 ? `…${event.origin.slice(-39)}` : event.origin;
    bar.update(counts.created + counts.unchanged + counts.failed, null, `${counts.created} new, ${counts.unchanged} unchanged, ${counts.failed} failed${read} | ${origin}`);
  };
  try {
    const items = readInputs(inputs as string[], {
      retrievedAt: opts.retrievedAt,
      publishedAt: opts.publishedAt,
      source: opts.source,
      maxBytes: opts.maxBytes ?? config.maxInputBytes,
      fetchTimeoutMs: config.fetchTimeoutMs,
      allowPrivateAddresses: config.fetchAllowPrivate,
      onBytes,
    });
    const summary = store ? await ingestInputs(store, items, onProgress, pool, config.ingestBatch) : await ingestThroughServer(remote!, items, onProgress);
    const backend = store ? store.backend : (await remote!.stats()).backend;
    bar.stop();
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      process.stdout.write(
        `ingested ${summary.ingested}, unchanged ${summary.unchanged}, failed ${summary.failed} ` +
          `(${summary.statements} statements extracted) into the ${backend} store${remote ? ` through ${remote.describe()}` : ''}\n`,
      );
    }
    return summary.failed > 0 ? 1 : 0;
  } finally {
    bar.stop();
    await pool?.close();
    await store?.close();
  }
}
