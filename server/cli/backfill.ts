import type { Config } from '../config.js';
import { backfillEvents } from '../pipeline/index.js';
import { BackfillFlags, parseFlags } from './options.js';
import { progressBar } from './progress.js';
import { withStore } from './query.js';
import { refuseWhileServed } from './remote.js';

/**
 * `claimgraph backfill-events`: runs the events step for every stored article
 * that lacks its mark (stored before the step existed, or a crash between the
 * article write and the step). Idempotent: a second run finds nothing to do.
 */
export async function runBackfillEvents(config: Config, flags: Record<string, unknown>): Promise<number> {
  const opts = parseFlags(BackfillFlags, flags);
  await refuseWhileServed(config, 'backfill-events');
  const bar = progressBar('events', opts.progress !== false && !opts.json);
  const { summary, backend } = await withStore(config, async (store) => ({
    summary: await backfillEvents(store, (done, total) => bar.update(done, total)),
    backend: store.backend,
  }));
  bar.stop();
  if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    for (const e of summary.errors) process.stderr.write(`error: ${e.where}: ${e.message}\n`);
    process.stdout.write(`events step run for ${summary.articles} articles (${summary.events} event writes), failed ${summary.failed}, in the ${backend} store\n`);
  }
  return summary.failed > 0 ? 1 : 0;
}
