import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { assertSafeExposure, type Config } from '../config.js';
import { openStoreFromConfig, warmUpReadOnlyCheck } from '../graph/index.js';
import type { GraphStore } from '../graph/index.js';
import { readInputs } from '../ingest/index.js';
import { ingestInputs, type ProgressEvent } from '../pipeline/index.js';
import { progressBar } from './progress.js';
import { announceServer, localUrl } from './remote.js';
import { ServeOptions, parseFlags } from './options.js';
import { fromZod } from '../errors.js';

const SAMPLES_DIR = fileURLToPath(new URL('../../samples/', import.meta.url));

const ManifestSchema = z.object({
  items: z.array(
    z.object({
      file: z.string().min(1),
      retrievedAt: z.string().datetime().optional(),
      publishedAt: z.string().datetime().optional(),
      source: z.string().min(1).optional(),
      /** Licence and attribution of the file's texts, for the log; the article page shows it by source. */
      licence: z.string().min(1).optional(),
    }),
  ),
});

/** How many articles a sample file holds, as far as can be told before reading it: a JSONL file's lines, else one. */
async function expectedArticles(file: string): Promise<number> {
  if (!file.endsWith('.jsonl')) return 1;
  const text = await readFile(`${SAMPLES_DIR}${file}`, 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '').length;
}

/**
 * Ingests the bundled samples (samples/manifest.json) into the store, with a
 * progress bar on a terminal; returns the number of new articles.
 */
export async function ingestSamples(store: GraphStore, log: (line: string) => void, showProgress = true): Promise<number> {
  const parsed = ManifestSchema.safeParse(JSON.parse(await readFile(`${SAMPLES_DIR}manifest.json`, 'utf8')));
  if (!parsed.success) throw fromZod('samples/manifest.json', parsed.error);
  const items = parsed.data.items;
  const total = (await Promise.all(items.map((item) => expectedArticles(item.file)))).reduce((a, b) => a + b, 0);
  const bar = progressBar('samples', showProgress);
  let done = 0;
  const onProgress = (event: ProgressEvent) => {
    done += 1;
    bar.update(done, Math.max(total, done), event.kind === 'article' ? event.title.slice(0, 40) : 'failed');
  };
  let created = 0;
  try {
    for (const item of items) {
      const summary = await ingestInputs(
        store,
        readInputs([`${SAMPLES_DIR}${item.file}`], {
          retrievedAt: item.retrievedAt,
          publishedAt: item.publishedAt,
          source: item.source,
        }),
        onProgress,
      );
      created += summary.ingested;
      bar.stop();
      const licence = item.licence ? ` (${item.licence})` : '';
      log(`sample ${item.file}: ${summary.ingested} articles ingested, ${summary.statements} statements${licence}`);
    }
  } finally {
    bar.stop();
  }
  return created;
}

async function serveUntilSignal(store: GraphStore, config: Config): Promise<number> {
  // Loaded here so commands that never serve (ingest, query...) do not load express and the UI.
  const { startServer } = await import('../main.js');
  // The console's first query would otherwise pay the parser's warm-up (docs/security.md).
  warmUpReadOnlyCheck();
  const running = await startServer({ store, config });
  // The CLI on the same data directory goes through this server while it holds the embedded store.
  const withdraw = store.backend === 'embedded' ? await announceServer(config.dataDir, localUrl(config.host, running.port)) : async () => {};
  process.stdout.write(`claimgraph is serving on ${running.url} (${store.backend} store)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('claimgraph: shutting down\n');
  await withdraw();
  await running.close();
  await store.close();
  return 0;
}

/** The configuration with --host/--port applied; refuses a non-loopback host without a token before anything is opened. */
function applyServeFlags(config: Config, flags: Record<string, unknown>): Config {
  const opts = parseFlags(ServeOptions, flags);
  const cfg = { ...config, host: opts.host ?? config.host, port: opts.port ?? config.port };
  assertSafeExposure(cfg);
  return cfg;
}

/** `claimgraph serve`. */
export async function runServe(config: Config, flags: Record<string, unknown>): Promise<number> {
  const cfg = applyServeFlags(config, flags);
  return serveUntilSignal(await openStoreFromConfig(cfg, { hosted: true }), cfg);
}

/** `claimgraph start` (npm start): seeds an empty graph with the samples, then serves. */
export async function runStart(config: Config, flags: Record<string, unknown>): Promise<number> {
  const cfg = applyServeFlags(config, flags);
  const store = await openStoreFromConfig(cfg, { hosted: true });
  const stats = await store.stats();
  if (stats.articles === 0) {
    process.stdout.write('claimgraph: the graph is empty; ingesting the bundled sample articles\n');
    await ingestSamples(store, (line) => process.stdout.write(`  ${line}\n`));
  }
  return serveUntilSignal(store, cfg);
}
