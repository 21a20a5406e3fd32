/**
 * Crash safety of a bulk ingest (issue 9): `claimgraph ingest` is killed with
 * SIGKILL in the middle of 300 articles; after the kill the store opens,
 * and every article in it carries exactly the statements and relationships a
 * fresh extraction of its text gives (a write is one transaction: all of an
 * article or nothing of it). Running the same ingest again completes the
 * rest, with no duplicates.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { corpus } from '../../bench/corpus.js';
import { embeddedStorePath, openStore } from '../../server/graph/index.js';
import type { GraphStore } from '../../server/graph/types.js';
import { readInputs } from '../../server/ingest/index.js';
import { buildArticleGraph, extractArticle } from '../../server/pipeline/index.js';
import { BIN, ROOT, runCli, tempDir, errorLines } from '../utils/cli.js';

// Enough that the kill (after about 60) lands mid-way with room to spare on a loaded machine; the rerun writes the rest.
const ARTICLES = 300;
/**
 * Bytes the store (file plus write-ahead log) must grow by, after the child
 * opened it, before the kill: about 60 articles of these (~16 KB each), a
 * fifth of the ~5 MB the whole run writes, so the kill lands early in
 * the run whatever the machine's speed, yet after many commits. Polled every
 * 20 ms (about one commit), so the kill falls at a random point of a write.
 */
const GROWTH_BEFORE_KILL = 1_000_000;

/** What one article must look like in the store: its statement ids and relationship counts. */
interface Expected {
  statements: string[];
  rels: { mentions: number; published: number; said: number; about: number; addressed: number; via: number };
}

let data: Awaited<ReturnType<typeof tempDir>>;
let input: string;
let storePath: string;
const expected = new Map<string, Expected>();

beforeAll(async () => {
  data = await tempDir('claimgraph-crash-');
  input = join(data.dir, 'articles.jsonl');
  storePath = embeddedStorePath(join(data.dir, 'data'));
  const gen = corpus({ seed: 9, statementsPerArticle: 5 });
  const lines: string[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const { text, title, source, publishedAt } = gen.nextText();
    lines.push(JSON.stringify({ text, title, source, publishedAt }));
  }
  writeFileSync(input, `${lines.join('\n')}\n`);
});

afterAll(async () => {
  await data?.cleanup();
});

describe('a bulk ingest killed with SIGKILL', () => {
  test('when the ingest is killed mid-way, then each article is stored whole or not at all, and a rerun completes the rest without duplicates', async () => {
    // The expectation is computed while the child runs (it yields between articles, so the kill is not delayed).
    const expecting = computeExpected();
    await killMidway(GROWTH_BEFORE_KILL);
    await expecting;
    expect(expected.size).toBe(ARTICLES); // 300 distinct texts, so 300 distinct article ids

    const storedBefore = await checkWholeOrAbsent();
    expect(storedBefore).toBeGreaterThan(0);
    expect(storedBefore).toBeLessThan(ARTICLES);

    const rerun = await runCli(['ingest', input, '--data', join(data.dir, 'data'), '--json']);
    expect(errorLines(rerun.stderr)).toEqual([]);
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout) as { ingested: number; unchanged: number; failed: number; statements: number };
    const missing = [...expected.keys()].filter((id) => !storedIds.has(id));
    expect(summary).toMatchObject({ ingested: ARTICLES - storedBefore, unchanged: storedBefore, failed: 0 });
    expect(summary.statements).toBe(missing.reduce((n, id) => n + expected.get(id)!.statements.length, 0));

    expect(await checkWholeOrAbsent()).toBe(ARTICLES);
    const store = await openStore({ backend: 'embedded', path: storePath });
    try {
      const total = [...expected.values()].reduce((n, e) => n + e.statements.length, 0);
      expect(await store.stats()).toMatchObject({ articles: ARTICLES, statements: total });
      for (const label of ['Article', 'Statement', 'Actor', 'Source']) {
        const [row] = await store.run(`MATCH (n:${label}) RETURN count(n) AS n, count(DISTINCT n.id) AS ids`);
        expect(row, `${label} ids are unique`).toEqual({ n: row!.ids, ids: row!.ids });
      }
      // A relationship MERGEd twice would show as two edges between the same pair.
      const [rels] = await store.run('MATCH (x)-[r]->(y) WITH x, y, type(r) AS t, count(r) AS n WHERE n > 1 RETURN count(*) AS duplicated');
      expect(rels).toEqual({ duplicated: 0 });
      // The derived steps after each write (claims, events) mark the article when done; a kill between the write and
      // them leaves the mark missing, and the rerun's re-ingest of that article finishes them: none is left unmarked.
      const [unfinished] = await store.run('MATCH (a:Article) WHERE a.claimsVersion IS NULL OR a.eventsVersion IS NULL RETURN count(a) AS n');
      expect(unfinished).toEqual({ n: 0 });
    } finally {
      await store.close();
    }
  }, 600_000); // two child-process ingests of up to 300 articles; a deadline guard only
});

/**
 * What each article must look like once stored, from the same reader and
 * extractor the CLI runs, in this process.
 */
async function computeExpected(): Promise<void> {
  for await (const item of readInputs([input])) {
    if (!item.ok) throw item.error;
    for (const article of item.articles) {
      await new Promise((resolve) => setImmediate(resolve));
      const graph = buildArticleGraph(article, extractArticle(article).extraction);
      const s = graph.statements;
      expected.set(article.id, {
        statements: s.map((x) => x.id).sort(),
        rels: {
          mentions: graph.mentions.length,
          published: graph.source ? 1 : 0,
          said: s.filter((x) => x.speakerId !== null).length,
          about: s.reduce((n, x) => n + x.aboutIds.length, 0),
          addressed: s.filter((x) => x.addresseeId !== null).length,
          via: s.filter((x) => x.viaId !== null).length,
        },
      });
    }
  }
}

/** Article ids found by the last checkWholeOrAbsent. */
let storedIds = new Set<string>();

/**
 * Starts the ingest as a child process, waits until the store has grown by
 * `growth` bytes since it was created (commits reached the write-ahead log),
 * then SIGKILLs it. Fails if the run ends by itself first.
 */
async function killMidway(growth: number): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NEO4J_URI;
  const child = spawn(process.execPath, [BIN, 'ingest', input, '--data', join(data.dir, 'data'), '--json'], { cwd: ROOT, env, stdio: 'ignore' });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let baseline: number | null = null;
  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the ingest finished (exit ${child.exitCode}) before it could be killed mid-way`);
      if (Date.now() > deadline) throw new Error('the store did not grow within 90 s');
      const size = storeBytes();
      // The baseline is taken once the child has the store open (its write-ahead log exists).
      if (baseline === null && existsSync(`${storePath}.wal`)) baseline = size;
      if (baseline !== null && size - baseline >= growth) break;
      await sleep(20);
    }
  } finally {
    killNow(child);
  }
  expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
}

function killNow(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Size of the store file and its write-ahead log directory. */
function storeBytes(): number {
  let total = existsSync(storePath) ? statSync(storePath).size : 0;
  const wal = `${storePath}.wal`;
  if (existsSync(wal)) {
    for (const name of readdirSync(wal)) {
      try {
        total += statSync(join(wal, name)).size;
      } catch {
        // a segment removed between the listing and the stat (a checkpoint)
      }
    }
  }
  return total;
}

/**
 * Opens the store (as a restart does) and compares every stored article
 * with its expectation: the same statement ids, the same relationships; no
 * statement without its article. Returns the number of articles stored.
 */
async function checkWholeOrAbsent(): Promise<number> {
  const store = await openStore({ backend: 'embedded', path: storePath });
  try {
    const rows = await articleShapes(store);
    storedIds = new Set(rows.map((r) => r.id));
    const mismatched = rows.filter((r) => {
      const want = expected.get(r.id);
      return !want || JSON.stringify(r.statements) !== JSON.stringify(want.statements) || JSON.stringify(r.rels) !== JSON.stringify(want.rels);
    });
    expect(mismatched.slice(0, 3), `${mismatched.length} articles stored partly or wrongly`).toEqual([]);
    const [orphans] = await store.run('MATCH (s:Statement) WHERE NOT EXISTS { MATCH (:Article)-[:CONTAINS]->(s) } RETURN count(s) AS n');
    expect(orphans).toEqual({ n: 0 });
    return rows.length;
  } finally {
    await store.close();
  }
}

async function articleShapes(store: GraphStore): Promise<Array<{ id: string } & Expected>> {
  const rows = await store.run(`MATCH (a:Article)
OPTIONAL MATCH (a)-[:CONTAINS]->(s:Statement)
WITH a, collect(s.id) AS statements
RETURN a.id AS id, statements,
  COUNT { MATCH (a)-[:MENTIONS]->(:Actor) } AS mentions,
  COUNT { MATCH (:Source)-[:PUBLISHED]->(a) } AS published,
  COUNT { MATCH (a)-[:CONTAINS]->(:Statement)<-[:SAID]-(:Actor) } AS said,
  COUNT { MATCH (a)-[:CONTAINS]->(:Statement)-[:ABOUT]->(:Actor) } AS about,
  COUNT { MATCH (a)-[:CONTAINS]->(:Statement)-[:ADDRESSED_TO]->(:Actor) } AS addressed,
  COUNT { MATCH (a)-[:CONTAINS]->(:Statement)-[:VIA]->(:Actor) } AS via`);
  return rows.map((r) => ({
    id: String(r.id),
    statements: (r.statements as string[]).map(String).sort(),
    rels: {
      mentions: Number(r.mentions),
      published: Number(r.published),
      said: Number(r.said),
      about: Number(r.about),
      addressed: Number(r.addressed),
      via: Number(r.via),
    },
  }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
