import cliProgress from 'cli-progress';
import type { Config } from '../config.js';
import { openStoreFromConfig } from '../graph/index.js';
import { readInputs } from '../ingest/index.js';
import { ingestInputs, type ProgressEvent } from '../pipeline/index.js';
import { IngestFlags, parseFlags } from './options.js';

/** `claimgraph ingest INPUT...`: progress on stderr, a summary (counts and failures) on stdout. */
export async function runIngest(config: Config, flags: Record<string, unknown>, inputs: unknown): Promise<number> {
  const opts = parseFlags(IngestFlags, flags);
  const store = await openStoreFromConfig(config);
  const showBar = opts.progress !== false && process.stderr.isTTY === true && !opts.json;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'ingest {bar} {value} articles | {created} new, {unchanged} unchanged, {failed} failed | {origin}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const counts = { created: 0, unchanged: 0, failed: 0, origin: '' };
  // The number of articles is unknown until every input is read (folders, feeds, pages that split),
  // so the bar's total grows with the count and the line shows the running numbers.
  if (showBar) bar.start(1, 0, counts);
  const onProgress = (event: ProgressEvent) => {
    if (event.kind === 'article') {
      if (event.status === 'created') counts.created += 1;
      else counts.unchanged += 1;
    } else {
      counts.failed += 1;
      if (!showBar && !opts.json) process.stderr.write(`error: ${event.origin}: ${event.error.message}\n`);
    }
    counts.origin = event.origin.length > 40 ? `…${event.origin.slice(-39)}` : event.origin;
    const done = counts.created + counts.unchanged + counts.failed;
    if (showBar) {
      bar.setTotal(Math.max(done, 1));
      bar.update(done, counts);
    }
  };
  try {
    const summary = await ingestInputs(
      store,
      readInputs(inputs as string[], {
        retrievedAt: opts.retrievedAt,
        publishedAt: opts.publishedAt,
        source: opts.source,
        maxBytes: opts.maxBytes ?? config.maxInputBytes,
        fetchTimeoutMs: config.fetchTimeoutMs,
      }),
      onProgress,
    );
    if (showBar) bar.stop();
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      if (showBar) for (const e of summary.errors) process.stderr.write(`error: ${e.origin}: ${e.message}\n`);
      process.stdout.write(
        `ingested ${summary.ingested}, unchanged ${summary.unchanged}, failed ${summary.failed} ` +
          `(${summary.statements} statements extracted) into the ${store.backend} store\n`,
      );
    }
    return summary.failed > 0 ? 1 : 0;
  } finally {
    if (showBar) bar.stop();
    await store.close();
  }
}
