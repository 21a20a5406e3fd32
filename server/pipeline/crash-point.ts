import { z } from 'zod';
import { fromZod } from '../errors.js';

/**
 * A deterministic crash for the crash-recovery tests (issue 14, defect 4):
 * `CLAIMGRAPH_TEST_CRASH=<point>:<n>` makes the process SIGKILL itself the
 * n-th time it reaches `<point>`, so a test can stop an ingest exactly
 * between an article's commit and its derived steps (`after-article-commit`),
 * or inside a batch's claims step after its links are written and before
 * its counts and marks (`claims-after-links`), instead of hoping a timed
 * kill lands there. Unset (always, outside tests) it costs one
 * comparison. Documented in docs/security.md ("Crash recovery").
 */
export type CrashPointName = 'after-article-commit' | 'claims-after-links';

const CRASH_ENV = 'CLAIMGRAPH_TEST_CRASH';
const CrashSpec = z
  .string()
  .regex(/^(?:after-article-commit|claims-after-links):[1-9]\d{0,6}$/, 'expected after-article-commit:<n> or claims-after-links:<n>, n >= 1')
  .transform((s) => {
    const [point, n] = s.split(':') as [CrashPointName, string];
    return { point, n: Number(n) };
  });

let spec: { point: CrashPointName; n: number } | null | undefined;
const reached = new Map<CrashPointName, number>();

function crashSpec(): { point: CrashPointName; n: number } | null {
  if (spec !== undefined) return spec;
  const raw = process.env[CRASH_ENV];
  if (raw === undefined || raw === '') return (spec = null);
  const parsed = CrashSpec.safeParse(raw);
  if (!parsed.success) throw fromZod(`environment ${CRASH_ENV}`, parsed.error);
  return (spec = parsed.data);
}

/** Kills this process with SIGKILL (no cleanup, as a power cut would) when the test hook asks for this point now. */
export function crashPoint(point: CrashPointName): void {
  const want = crashSpec();
  if (want === null || want.point !== point) return;
  const n = (reached.get(point) ?? 0) + 1;
  reached.set(point, n);
  if (n === want.n) process.kill(process.pid, 'SIGKILL');
}
