import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { AppError, badInput } from '../errors.js';
import { openStore, openStoreFromConfig } from '../graph/index.js';
import {
  copyStore, exportCsv, exportStream, importCypher, importJsonl, isCypherExport, type Sink, type TransferSummary,
} from '../exchange/index.js';
import { ExportFlags, ImportFlags, MigrateFlags, parseFlags } from './options.js';
import { progressBar } from './progress.js';
import { withStore } from './query.js';
import { findServer, refuseWhileServed } from './remote.js';

/** A Sink over a file stream that respects backpressure. */
function fileSink(stream: NodeJS.WritableStream): Sink {
  return (chunk) =>
    stream.write(chunk) ? undefined : new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

const endStream = (s: WriteStream) => new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));

/** `claimgraph export --format F [--out FILE|DIR]`. */
export async function runExport(config: Config, flags: Record<string, unknown>): Promise<number> {
  const opts = parseFlags(ExportFlags, flags);
  const remote = await findServer(config);
  if (remote && opts.format === 'csv') {
    throw new AppError(
      'STORE_UNAVAILABLE',
      `the store is held by ${remote.describe()}, which serves every export format but csv (one file per table): stop the server for csv, or export jsonl`,
    );
  }
  if (opts.format === 'csv') {
    if (!opts.out) throw badInput('--format csv writes one file per table: give a directory with --out DIR', [{ path: '--out', message: 'required for csv' }]);
    const dir = opts.out;
    await mkdir(dir, { recursive: true });
    const streams: WriteStream[] = [];
    const files = await withStore(config, (store) =>
      exportCsv(store, (file) => {
        const s = createWriteStream(join(dir, file));
        streams.push(s);
        return fileSink(s);
      }),
    );
    await Promise.all(streams.map(endStream));
    process.stderr.write(`wrote ${files.length} tables to ${dir}\n`);
    return 0;
  }
  const stream = opts.out ? createWriteStream(opts.out) : undefined;
  const write = fileSink(stream ?? process.stdout);
  const format = opts.format;
  if (remote) await remote.exportTo(format, write);
  else await withStore(config, (store) => exportStream(store, format, write));
  if (stream) await endStream(stream);
  return 0;
}

function printTransfer(verb: string, summary: TransferSummary, json: boolean | undefined, target: string): number {
  if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    for (const e of summary.errors) process.stderr.write(`error: ${e.where}: ${e.message}\n`);
    process.stdout.write(
      `${verb} ${summary.created}, unchanged ${summary.unchanged}, failed ${summary.failed} into ${target}` +
        ` (with ${summary.events} events and ${summary.decisions} merge decisions)\n`,
    );
  }
  return summary.failed > 0 ? 1 : 0;
}

/** `claimgraph import FILE.jsonl`: loads a jsonl export; idempotent and resumable. */
export async function runImport(config: Config, flags: Record<string, unknown>, file: unknown): Promise<number> {
  const opts = parseFlags(ImportFlags, flags);
  await refuseWhileServed(config, 'import');
  const bar = progressBar('import', opts.progress !== false && !opts.json);
  const { summary, backend } = await withStore(config, async (store) => ({
    // A cypher export (its first line says so) or a jsonl export.
    summary: await (isCypherExport(String(file)) ? importCypher : importJsonl)(store, String(file), (done, total) => bar.update(done, total)),
    backend: store.backend,
  }));
  bar.stop();
  return printTransfer('imported', summary, opts.json, `the ${backend} store`);
}

/** `claimgraph migrate --to bolt://HOST:7687`: copies the embedded store into Neo4j; rerun to resume. */
export async function runMigrate(config: Config, flags: Record<string, unknown>): Promise<number> {
  const opts = parseFlags(MigrateFlags, flags);
  await refuseWhileServed({ ...config, neo4j: undefined }, 'migrate');
  const from = await openStoreFromConfig({ ...config, neo4j: undefined });
  try {
    const to = await openStore({
      backend: 'neo4j',
      uri: opts.to,
      user: opts.user ?? config.neo4j?.user ?? 'neo4j',
      password: opts.password ?? config.neo4j?.password ?? '',
      database: opts.database ?? config.neo4j?.database,
    });
    const bar = progressBar('migrate', opts.progress !== false && !opts.json);
    try {
      const summary = await copyStore(from, to, (done, total) => bar.update(done, total));
      bar.stop();
      return printTransfer('copied', summary, opts.json, opts.to);
    } finally {
      bar.stop();
      await to.close();
    }
  } finally {
    await from.close();
  }
}
