import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin/claimgraph.mjs');
export const SEED_PAGE = join(ROOT, 'test/fixtures/seed-page.txt');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `claimgraph` binary as a child process (as a user would through npx). */
export function runCli(args: string[], opts: { env?: Record<string, string>; stdin?: string; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
    // The parent's NEO4J_URI must not redirect these embedded-store tests.
    delete env.NEO4J_URI;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}

let inProcessQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs the same CLI in this process: `main()` of server/cli/index.ts, the
 * function bin/claimgraph.mjs calls, with process.stdout and process.stderr
 * captured and `env` set for the call. Much cheaper than a spawn (no Node and
 * tsx start-up per case); a few cases keep the real spawn (runCli) so the
 * binary itself stays tested. Calls run one at a time (they share process
 * streams and environment). No stdin: cases that read stdin spawn.
 */
export function runCliInProcess(args: string[], opts: { env?: Record<string, string> } = {}): Promise<CliResult> {
  const run = async (): Promise<CliResult> => {
    const { main } = await import('../../server/cli/index.js');
    let stdout = '';
    let stderr = '';
    const capture = (append: (s: string) => void) =>
      ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((e?: Error | null) => void), cb?: (e?: Error | null) => void) => {
        append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
        const done = typeof encoding === 'function' ? encoding : cb;
        done?.();
        return true;
      }) as typeof process.stdout.write;
    const saved = { out: process.stdout.write, err: process.stderr.write, env: { ...process.env } };
    // As runCli: the parent's NEO4J_URI must not redirect these embedded-store runs.
    delete process.env.NEO4J_URI;
    Object.assign(process.env, opts.env ?? {});
    process.stdout.write = capture((s) => (stdout += s));
    process.stderr.write = capture((s) => (stderr += s));
    try {
      const code = await main(['node', 'claimgraph', ...args]);
      return { code, stdout, stderr };
    } finally {
      process.stdout.write = saved.out;
      process.stderr.write = saved.err;
      for (const key of Object.keys(process.env)) if (!(key in saved.env)) delete process.env[key];
      Object.assign(process.env, saved.env);
    }
  };
  const next = inProcessQueue.then(run, run);
  inProcessQueue = next.catch(() => undefined);
  return next;
}

/** A fresh temporary directory, removed by the returned cleanup function. */
export async function tempDir(prefix = 'claimgraph-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Node's own warnings ("(node:123) ExperimentalWarning: ...") and its hint line: not output of ours. */
const NODE_WARNING = /^\(node:\d+\) (\[\w+\] )?\w*Warning: |^\(Use `node --trace-/;
/** What our code prints when something failed: the CLI's error lines, an error name, a stack frame. */
const OUR_ERROR = /^claimgraph: |^error: |^\s+at |\b\w*Error\b|^Unhandled|\b[A-Z]+(_[A-Z]+)+\b/;

/**
 * The lines of a child's stderr that report an error from our code (an
 * error line, an error name or code, a stack frame), leaving out Node's own
 * warnings: a new Node deprecation warning is not a failure of ours.
 */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => !NODE_WARNING.test(line) && OUR_ERROR.test(line));
}
