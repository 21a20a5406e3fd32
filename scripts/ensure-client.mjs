#!/usr/bin/env node
// Builds the browser UI (client/ -> client/dist) when dist is missing or older
// than any client source, so `npm start` and `npm test` work on a fresh clone
// without a separate build step. Used by "prestart" and by vitest's globalSetup.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLIENT = join(ROOT, 'client');
const DIST_INDEX = join(CLIENT, 'dist', 'index.html');

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules') continue;
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestSource(p) : st.mtimeMs);
  }
  return newest;
}

/** Builds the client if needed; returns true when a build ran. */
export async function ensureClientBuilt({ quiet = false } = {}) {
  if (!existsSync(join(CLIENT, 'index.html'))) return false;
  if (existsSync(DIST_INDEX) && statSync(DIST_INDEX).mtimeMs >= newestSource(CLIENT)) return false;
  const { build } = await import('vite');
  if (!quiet) process.stderr.write('claimgraph: building the UI (client/dist)...\n');
  await build({ configFile: join(CLIENT, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await ensureClientBuilt();
}
