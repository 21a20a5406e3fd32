#!/usr/bin/env node
// Builds the browser UI (client/ -> client/dist) when dist is missing or older
// than any client source, so `npm start` and `npm test` work on a fresh clone
// without a separate build step. The one place that decides whether the build
// is stale: used by "prestart", vitest's globalSetup, and (through
// client/build.ts) the browser tests and the UI benchmark. Plain JavaScript so
// `node` runs it before anything is compiled; types in ensure-client.d.mts.
// A lock directory keeps two processes from building into the same folder at once.
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const CLIENT_ROOT = join(ROOT, 'client');
export const CLIENT_DIST = join(CLIENT_ROOT, 'dist');
const DIST_INDEX = join(CLIENT_DIST, 'index.html');
const LOCK_WAIT_MS = 120_000;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when client/dist/index.html exists and is newer than every client source. */
export function clientBuildIsFresh() {
  return existsSync(DIST_INDEX) && statSync(DIST_INDEX).mtimeMs >= newestSource(CLIENT_ROOT);
}

/** Builds the client if needed, one process at a time; returns true when this call ran a build. */
export async function ensureClientBuilt({ quiet = false } = {}) {
  if (!existsSync(join(CLIENT_ROOT, 'index.html'))) return false;
  if (clientBuildIsFresh()) return false;
  const tmp = join(ROOT, '.tmp');
  const lock = join(tmp, 'client-build.lock');
  mkdirSync(tmp, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`client build lock held for over ${LOCK_WAIT_MS / 1000} s: remove ${lock} if no build is running`);
      await new Promise((r) => setTimeout(r, 250));
      if (clientBuildIsFresh()) return false;
    }
  }
  try {
    if (clientBuildIsFresh()) return false;
    const { build } = await import('vite');
    if (!quiet) process.stderr.write('claimgraph: building the UI (client/dist)...\n');
    await build({ configFile: join(CLIENT_ROOT, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
    return true;
  } finally {
    rmdirSync(lock);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await ensureClientBuilt();
}
