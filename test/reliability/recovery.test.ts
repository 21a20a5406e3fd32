/**
 * Crash recovery rebuilds exactly what a clean run writes (issue 14,
 * defect 4). A crash between an article's commit and its claims step used
 * to make the rerun rebuild the step from the actor nodes as stored, so it
 * copied each actor's whole alias and role list (gathered from every
 * article) onto that article's NAMED edges and alias keys.
 *
 * `claimgraph ingest` is killed with SIGKILL at a chosen point, exactly
 * between one article's commit and its derived steps, through the
 * test-only hook CLAIMGRAPH_TEST_CRASH (server/pipeline/crash-point.ts);
 * the same ingest is run again; the store must then equal the store of a
 * clean run of the same input: byte for byte on the jsonl export, and node
 * for node, relationship for relationship (derived lookup nodes, NAMED
 * edges and counters included) on a dump of the whole graph.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { embeddedStorePath, openStore } from '../../server/graph/index.js';
import { fingerprint } from '../api/helpers.js';
import { runCli, tempDir } from '../utils/cli.js';

/**
 * Articles that name the same people differently: with a role and a full
 * name first, later by the plain name or the surname, so what an actor node
 * has gathered is wider than what a later article says about it (the lists
 * the old recovery copied). Meetings give the events step work, repeated
 * sentences give claims across articles.
 */
const TEXTS = [
  `Russian Foreign Ministry spokeswoman Maria Zakharova said on Monday that the talks had failed. "We are disappointed," Zakharova told reporters.`,
  `Maria Zakharova said on Tuesday that the talks had failed. French President Emmanuel Macron said the sanctions would stay in place.`,
  `Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Wednesday. "The sanctions will stay in place," Macron said.`,
  `Zakharova accused Macron of undermining the talks. Olaf Scholz said on Thursday that Germany would send more aid.`,
  `Macron met Scholz in Berlin on Wednesday, officials said. "Germany will send more aid," Scholz told reporters.`,
  `US Secretary of State Antony Blinken said on Friday that the talks had failed. Maria Zakharova said Washington was to blame.`,
  `Antony Blinken held talks with Olaf Scholz in Munich on Saturday. "We are disappointed," Zakharova said.`,
];
const ARTICLES = TEXTS.length;

let dir: Awaited<ReturnType<typeof tempDir>>;
let input: string;

beforeAll(async () => {
  dir = await tempDir('claimgraph-recovery-');
  input = join(dir.dir, 'articles.jsonl');
  const lines = TEXTS.map((text, i) =>
    JSON.stringify({ text, title: `Report ${i + 1}`, source: `Outlet ${(i % 3) + 1}`, publishedAt: `2025-03-0${i + 3}`, retrievedAt: '2025-09-01T00:00:00.000Z' }),
  );
  writeFileSync(input, `${lines.join('\n')}\n`);
});

afterAll(async () => {
  await dir?.cleanup();
});

async function ingest(data: string, env: Record<string, string> = {}) {
  return runCli(['ingest', input, '--data', data, '--json', '--no-progress'], { env });
}

async function exportJsonl(data: string): Promise<string> {
  const out = await runCli(['export', '--format', 'jsonl', '--data', data]);
  expect(out.code, out.stderr).toBe(0);
  return out.stdout;
}

/** Every node and relationship with its properties, derived ones included, sorted: one line each, so a difference reads as one. */
async function dump(data: string): Promise<string[][]> {
  const store = await openStore({ backend: 'embedded', path: embeddedStorePath(data) });
  try {
    return JSON.parse(await fingerprint(store)) as string[][];
  } finally {
    await store.close();
  }
}

describe('an ingest killed between an article commit and its derived steps, then run again', () => {
  // Crash points spread over the run, each on an article that names an actor with less than earlier articles did;
  // one article per transaction, and batches of three (issue 19: the second batch's commit, articles 4 to 6 pending).
  // Then inside the claims step of a batch, after its links and before its counts and marks (the second batch of three:
  // the links of articles 4 to 6 are stored, their marks are not).
  test.each([
    { point: 'after-article-commit', batch: 1, n: 2, stored: 2, pending: 1 },
    { point: 'after-article-commit', batch: 1, n: 4, stored: 4, pending: 1 },
    { point: 'after-article-commit', batch: 1, n: 7, stored: 7, pending: 1 },
    { point: 'after-article-commit', batch: 3, n: 2, stored: 6, pending: 3 },
    { point: 'claims-after-links', batch: 3, n: 2, stored: 6, pending: 3 },
  ])('when killed at $point $n ($batch article(s) a batch), then the rerun gives the clean run\'s graph byte for byte', async ({ point, batch, n, stored, pending }) => {
    const clean = join(dir.dir, `clean-${point}-${batch}-${n}`);
    const crashed = join(dir.dir, `crashed-${point}-${batch}-${n}`);
    const env = { CLAIMGRAPH_INGEST_BATCH: String(batch) };
    // The clean run writes one article at a time: a batched run must end in the same graph.
    const first = await ingest(clean, { CLAIMGRAPH_INGEST_BATCH: '1' });
    expect(first.code, first.stderr).toBe(0);

    const killed = await ingest(crashed, { ...env, CLAIMGRAPH_TEST_CRASH: `${point}:${n}` });
    expect(killed.code, 'the hook killed the ingest (no exit code: a signal)').toBeNull();
    // The kill left the article stored without its claims and events steps: what the rerun must finish.
    {
      const store = await openStore({ backend: 'embedded', path: embeddedStorePath(crashed) });
      try {
        const [row] = await store.run(`MATCH (a:Article) RETURN count(a) AS articles, count(CASE WHEN a.claimsVersion IS NULL AND a.eventsVersion IS NULL THEN 1 END) AS pending`);
        expect(row).toEqual({ articles: stored, pending });
      } finally {
        await store.close();
      }
    }
    const rerun = await ingest(crashed, env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ ingested: ARTICLES - stored, unchanged: stored, failed: 0 });

    expect(await exportJsonl(crashed)).toBe(await exportJsonl(clean));
    expect(await dump(crashed)).toEqual(await dump(clean));
  }, 300_000);
});
