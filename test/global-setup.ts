// Builds the UI once before the suite when client/dist is missing or stale,
// so `npm install && npm test` works on a fresh clone; and turns on the record
// of executed query texts (test/utils/record-queries.mjs) for every Node
// process the run starts, read by test/meta/queries-executed.test.ts.
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureClientBuilt } from '../scripts/ensure-client.mjs';

const RECORDER = new URL('./utils/record-queries.mjs', import.meta.url).href;
const LOGS = fileURLToPath(new URL('../.tmp/executed-queries/', import.meta.url));

export default async function setup(): Promise<() => void> {
  await ensureClientBuilt({ quiet: true });
  // One folder per run, removed when the run ends: the check reads only what this run recorded, and two
  // runs at once (a browser file beside the suite) do not mix or delete each other's records. A caller that
  // splits the suite into several runs (.ci/run) names one fresh folder for all of them in
  // CLAIMGRAPH_QUERY_LOG and removes it itself.
  const given = process.env.CLAIMGRAPH_QUERY_LOG;
  const dir = given ?? `${LOGS}${Date.now()}-${process.pid}`;
  mkdirSync(dir, { recursive: true });
  process.env.CLAIMGRAPH_QUERY_LOG = dir;
  // Workers are started after this returns and inherit the environment; so do the processes they start.
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import ${RECORDER}`.trim();
  return () => {
    if (given === undefined) rmSync(dir, { recursive: true, force: true });
  };
}
