import type { Config } from '../config.js';
import { rerunIdentity } from '../actors/index.js';
import { parseFlags, RerunIdentityFlags } from './options.js';
import { withStore } from './query.js';

/**
 * `claimgraph rerun-identity`: re-runs actor identity over the stored graph
 * after a rule change (server/claims/rerun.ts): rebuilds the alias index and
 * merges actors the current rules find to be one, never against a user's
 * merge or split. `--dry-run` reports and writes nothing.
 */
export async function runRerunIdentity(config: Config, flags: Record<string, unknown>): Promise<number> {
  const opts = parseFlags(RerunIdentityFlags, flags);
  const { summary, backend } = await withStore(config, async (store) => ({
    summary: await rerunIdentity(store, { dryRun: opts.dryRun === true }),
    backend: store.backend,
  }));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return 0;
  }
  const verb = summary.dryRun ? 'would merge' : 'merged';
  for (const m of summary.merges) process.stdout.write(`${verb} "${m.fromName}" (${m.from}) into "${m.intoName}" (${m.into}): ${m.reason}\n`);
  process.stdout.write(
    `${summary.actors} actors in the ${backend} store; alias keys ${summary.aliasKeysBefore} -> ${summary.aliasKeysAfter}${summary.dryRun ? ' (dry run: nothing written)' : ''}; `
    + `${summary.merges.length} ${verb}; ${summary.keptForUser} left as users decided\n`,
  );
  return 0;
}
