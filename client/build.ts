/**
 * Node-side helper (not part of the bundle): builds client/dist with Vite's
 * API when it is missing or older than any source file, for the browser
 * tests and the UI benchmark. A lock directory keeps two processes from
 * building into the same folder at once.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLIENT_ROOT = fileURLToPath(new URL('.', import.meta.url));
export const CLIENT_DIST = join(CLIENT_ROOT, 'dist');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when client/dist/index.html exists and is newer than every client source. */
export function clientBuildIsFresh(): boolean {
  const index = join(CLIENT_DIST, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newestSource(CLIENT_ROOT);
}

/** Builds the client unless the build is fresh; returns the dist directory. */
export async function ensureClientBuild(): Promise<string> {
  if (clientBuildIsFresh()) return CLIENT_DIST;
  const lock = join(CLIENT_ROOT, '..', '.tmp', 'client-build.lock');
  mkdirSync(join(CLIENT_ROOT, '..', '.tmp'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`client build lock held too long: ${lock}`);
      await new Promise((r) => setTimeout(r, 250));
      if (clientBuildIsFresh()) return CLIENT_DIST;
    }
  }
  try {
    if (!clientBuildIsFresh()) {
      const { build } = await import('vite');
      await build({ configFile: join(CLIENT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
    }
  } finally {
    rmdirSync(lock);
  }
  return CLIENT_DIST;
}
