import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Config } from '../config.js';
import { openStoreFromConfig, warmUpReadOnlyCheck } from '../graph/index.js';
import type { GraphStore } from '../graph/types.js';
import { readInputs } from '../ingest/index.js';
import { ingestInputs } from '../pipeline/index.js';
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
    }),
  ),
});

/** Ingests the bundled samples (samples/manifest.json) into the store; returns the number of new articles. */
export async function ingestSamples(store: GraphStore, log: (line: string) => void): Promise<number> {
  const parsed = ManifestSchema.safeParse(JSON.parse(await readFile(`${SAMPLES_DIR}manifest.json`, 'utf8')));
  if (!parsed.success) throw fromZod('samples/manifest.json', parsed.error);
  let created = 0;
  for (const item of parsed.data.items) {
    const summary = await ingestInputs(store, readInputs([`${SAMPLES_DIR}${item.file}`], {
        retrievedAt: item.retrievedAt,
        publishedAt: item.publishedAt,
        source: item.source,
      }));
    created += summary.ingested;
    log(`sample ${item.file}: ${summary.ingested} articles ingested, ${summary.statements} statements`);
  }
  return created;
}

async function serveUntilSignal(store: GraphStore, config: Config): Promise<number> {
  // Loaded here so commands that never serve (ingest, query...) do not load express and the UI.
  const { startServer } = await import('../main.js');
  // The console's first query would otherwise pay the parser's warm-up (docs/security.md).
  warmUpReadOnlyCheck();
  const running = await startServer({ store, config });
  process.stdout.write(`claimgraph is serving on ${running.url} (${store.backend} store)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('claimgraph: shutting down\n');
  await running.close();
  await store.close();
  return 0;
}

function applyServeFlags(config: Config, flags: Record<string, unknown>): Config {
  const opts = parseFlags(ServeOptions, flags);
  return { ...config, host: opts.host ?? config.host, port: opts.port ?? config.port };
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
