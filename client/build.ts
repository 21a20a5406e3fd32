/**
 * Node-side helper (not part of the bundle) for the browser tests and the UI
 * benchmark: builds client/dist when it is stale. The staleness rule and the
 * build lock live in one place, scripts/ensure-client.mjs (also `npm start`'s
 * prestart and vitest's globalSetup).
 */
import { CLIENT_DIST, ensureClientBuilt } from '../scripts/ensure-client.mjs';

export { CLIENT_DIST, CLIENT_ROOT, clientBuildIsFresh } from '../scripts/ensure-client.mjs';

/** Builds the client unless the build is fresh; returns the dist directory. */
export async function ensureClientBuild(): Promise<string> {
  await ensureClientBuilt({ quiet: true });
  return CLIENT_DIST;
}
