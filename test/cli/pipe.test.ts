import { spawn } from 'node:child_process';
import { expect, test } from 'vitest';
import { BIN, ROOT, SEED_PAGE } from '../utils/cli.js';

/**
 * A reader that stops early (`claimgraph extract ... | head -c 100`) closes the
 * pipe while the command still writes: the command ends quietly, with no
 * "write EPIPE" stack trace, as Unix tools do.
 */
test('when stdout is closed by the reader mid-output, then the command exits 0 without a stack trace', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NEO4J_URI;
  // Enough output that the pipe fills: the seed page's statements, twenty times over.
  const args = [BIN, 'extract', ...Array.from({ length: 20 }, () => SEED_PAGE), '--json'];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
  expect(stderr).not.toMatch(/EPIPE|at .*\.ts:\d+/);
  expect(code).toBe(0);
});
