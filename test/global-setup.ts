// Builds the UI once before the suite when client/dist is missing or stale,
// so `npm install && npm test` works on a fresh clone.
import { ensureClientBuilt } from '../scripts/ensure-client.mjs';

export default async function setup(): Promise<void> {
  await ensureClientBuilt({ quiet: true });
}
