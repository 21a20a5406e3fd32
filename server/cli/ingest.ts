import type { Config } from '../config.js';
import { openStoreFromConfig } from '../graph/index.js';
import { readInputs } from '../ingest/index.js';
import { ingestInputs, type ProgressEvent } from '../pipeline/index.js';
import { IngestFlags, parseFlags } from './options.js';
import { progressBar } from './progress.js';

/** `claimgraph ingest INPUT...`: progress on stderr, a summary (counts and failures) on stdout. */
export async function runIngest(config: Config, flags: Record<string, unknown>, inputs: unknown): Promise<number> {
  const opts = parseFlags(IngestFlags, flags);
  const store = await openStoreFromConfig(config);
  const bar = progressBar('ingest', opts.progress !== false && !opts.json);
  const counts = { created: 0, unchanged: 0, failed: 0 };
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
    bar.update(counts.created + counts.unchanged + counts.failed, null, `${counts.created} new, ${counts.unchanged} unchanged, ${counts.failed} failed | ${origin}`);
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
        allowPrivateAddresses: config.fetchAllowPrivate,
      }),
      onProgress,
    );
    bar.stop();
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      process.stdout.write(
        `ingested ${summary.ingested}, unchanged ${summary.unchanged}, failed ${summary.failed} ` +
          `(${summary.statements} statements extracted) into the ${store.backend} store\n`,
      );
    }
    return summary.failed > 0 ? 1 : 0;
  } finally {
    bar.stop();
    await store.close();
  }
}
