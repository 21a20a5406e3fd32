import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { runCli, runCliInProcess, tempDir, SEED_PAGE, errorLines } from '../utils/cli.js';
import { embeddedStorePath, openStore } from '../../server/graph/index.js';
import { mergeActors, splitActor } from '../../server/actors/index.js';
import { actorId } from '../../server/ids.js';

// The four titles on the seed page, read off test/fixtures/seed-page.txt by hand.
const SEED_TITLES = [
  'Macron wants ‘boots on the ground\' in Ukraine',
  'Trump envoy tells Alaska summit critics to shut up',
  'Netanyahu accuses Macron of fueling anti-Semitism',
  "Don't worry about WW3",
];

// Most cases run the CLI's main() in this process (runCliInProcess); a few start the real binary as a
// child process (runCli: --help, the first ingest, the stdin cases), which costs 1-2 s each, far more on a
// loaded machine. The timeout is a deadline guard for that load.
const SLOW = { timeout: 180_000 };

describe('claimgraph CLI on the seed page', SLOW, () => {
  let data: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    data = await tempDir();
  });
  afterAll(async () => {
    await data.cleanup();
  });

  test('when --help is asked, then every command is listed', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'ingest', 'extract', 'query', 'stats', 'export', 'start']) expect(r.stdout).toContain(cmd);
  });

  test('when the seed page is ingested, then 4 articles are created and stats counts them', async () => {
    const r = await runCli(['ingest', SEED_PAGE, '--retrieved-at', '2025-08-21T12:00:00Z', '--data', data.dir, '--json']);
    expect(errorLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { ingested: number; unchanged: number; failed: number; statements: number };
    expect(summary).toMatchObject({ ingested: 4, unchanged: 0, failed: 0 });
    expect(summary.statements).toBeGreaterThan(15);

    const stats = await runCliInProcess(['stats', '--data', data.dir, '--json']);
    expect(stats.code).toBe(0);
    const counts = JSON.parse(stats.stdout) as Record<string, number>;
    expect(counts).toMatchObject({ backend: 'embedded', articles: 4, statements: summary.statements });
    expect(counts.actors).toBeGreaterThan(10);
  });

  test('when the same page is ingested again, then it is reported unchanged and the counts stay the same', async () => {
    const before = JSON.parse((await runCliInProcess(['stats', '--data', data.dir, '--json'])).stdout) as Record<string, number>;
    const r = await runCliInProcess(['ingest', SEED_PAGE, '--retrieved-at', '2025-08-21T12:00:00Z', '--data', data.dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ingested 0, unchanged 4, failed 0');
    const after = JSON.parse((await runCliInProcess(['stats', '--data', data.dir, '--json'])).stdout) as Record<string, number>;
    expect(after).toEqual(before);
  });

  test('when stats is asked without --json, then a table of counts is printed', async () => {
    const r = await runCliInProcess(['stats', '--data', data.dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/articles\s*│\s*4/);
  });

  test('when the titles are queried, then the four titles are printed in order', async () => {
    const r = await runCliInProcess(['query', 'MATCH (a:Article) RETURN a.title AS title ORDER BY title', '--data', data.dir, '--json']);
    expect(r.code).toBe(0);
    const titles = (JSON.parse(r.stdout) as { title: string }[]).map((row) => row.title);
    expect(titles).toHaveLength(4);
    expect(titles).toEqual([...titles].sort());
    expect([...titles].sort()).toEqual([...SEED_TITLES].sort());

    const table = await runCliInProcess(['query', 'MATCH (a:Article) RETURN a.title AS title ORDER BY title', '--data', data.dir]);
    expect(table.code).toBe(0);
    for (const t of titles) expect(table.stdout).toContain(t);
    expect(table.stdout).toContain('4 rows');
  });

  test('when a write is sent to query, then it is refused and nothing changes', async () => {
    const r = await runCliInProcess(['query', 'MATCH (a:Article) DETACH DELETE a', '--data', data.dir]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/read-only|not allowed|refused/i);
    const stats = JSON.parse((await runCliInProcess(['stats', '--data', data.dir, '--json'])).stdout) as Record<string, number>;
    expect(stats.articles).toBe(4);
  });

  test('when exported as statements, then every statement is one line with its article and span', async () => {
    const stats = JSON.parse((await runCliInProcess(['stats', '--data', data.dir, '--json'])).stdout) as Record<string, number>;
    const r = await runCliInProcess(['export', '--format', 'statements', '--data', data.dir]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(stats.statements!);
    for (const l of lines) {
      expect(typeof l.articleId).toBe('string');
      expect(l.start).toBeTypeOf('number');
    }
  });
});

describe('claimgraph export and import', SLOW, () => {
  test('when a jsonl export with a merge and a split is imported into an empty store and exported again, then both exports are identical', async () => {
    const a = await tempDir();
    const b = await tempDir();
    const [macron, france, whiteHouse, us] = [actorId('person', 'Macron'), actorId('country', 'France'), actorId('organization', 'White House'), actorId('country', 'United States')];
    const canonicalIn = async (dir: string, id: string) =>
      (JSON.parse((await runCliInProcess(['query', 'MATCH (a:Actor {id: $id}) OPTIONAL MATCH (a)-[:SAME_AS]->(c:Actor) RETURN c.id AS c', '--param', `id=${id}`, '--json', '--data', dir])).stdout) as { c: string | null }[])[0]!.c;
    const eventsIn = async (dir: string) =>
      (await runCliInProcess(['query', 'MATCH (e:Event) RETURN e.id AS id, e.date AS date, size([(art:Article)-[:REPORTS]->(e) | art]) AS reports ORDER BY id', '--json', '--data', dir])).stdout;
    try {
      await runCliInProcess(['ingest', SEED_PAGE, '--retrieved-at', '2025-08-21T12:00:00Z', '--data', a.dir]);
      // The user's decisions, as the HTTP API makes them: Macron merged into France; the White House merged into the US, then split.
      const store = await openStore({ backend: 'embedded', path: embeddedStorePath(a.dir) });
      try {
        await mergeActors(store, macron, france, 'kept');
        await mergeActors(store, whiteHouse, us, undefined);
        await splitActor(store, whiteHouse, 'undone');
      } finally {
        await store.close();
      }
      const file = `${a.dir}/export.jsonl`;
      const first = await runCliInProcess(['export', '--format', 'jsonl', '--out', file, '--data', a.dir]);
      expect(first.code).toBe(0);
      const imported = await runCliInProcess(['import', file, '--data', b.dir, '--json']);
      expect(imported.code).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ created: 4, unchanged: 0, failed: 0 });
      const again = await runCliInProcess(['export', '--format', 'jsonl', '--data', b.dir]);
      expect(again.stdout).toBe(await readFile(file, 'utf8'));
      const statsA = (await runCliInProcess(['stats', '--json', '--data', a.dir])).stdout;
      const statsB = (await runCliInProcess(['stats', '--json', '--data', b.dir])).stdout;
      expect(statsB).toBe(statsA);
      const rerun = await runCliInProcess(['import', file, '--data', b.dir, '--json']);
      expect(JSON.parse(rerun.stdout)).toMatchObject({ created: 0, unchanged: 4, failed: 0 });
      expect(JSON.parse(imported.stdout)).toMatchObject({ decisions: 2 });
      expect(await canonicalIn(b.dir, macron)).toBe(france);
      expect(await canonicalIn(b.dir, whiteHouse)).toBeNull();
      expect(JSON.parse(await eventsIn(b.dir))).toHaveLength(3); // the seed page's three gold events (test/fixtures/seed-page.gold.json)
      expect(await eventsIn(b.dir)).toBe(await eventsIn(a.dir));
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  });
});

describe('claimgraph backfill-events', SLOW, () => {
  test('when a store has articles without events, then the backfill adds them, and a second run changes nothing', async () => {
    const a = await tempDir();
    try {
      await runCliInProcess(['ingest', SEED_PAGE, '--retrieved-at', '2025-08-21T12:00:00Z', '--data', a.dir]);
      const count = async () => (JSON.parse((await runCliInProcess(['query', 'MATCH (e:Event) RETURN count(e) AS n', '--json', '--data', a.dir])).stdout) as { n: number }[])[0]!.n;
      const events = await count();
      expect(events).toBe(3); // the seed page's three gold events
      // A store from before the events step: no events, no marks.
      const store = await openStore({ backend: 'embedded', path: embeddedStorePath(a.dir) });
      try {
        await store.run('MATCH (e:Event) DETACH DELETE e');
        await store.run('MATCH (k:_EventKey) DETACH DELETE k');
        await store.run('MATCH (a:Article) REMOVE a.eventsVersion');
      } finally {
        await store.close();
      }
      expect(await count()).toBe(0);
      const first = await runCliInProcess(['backfill-events', '--json', '--data', a.dir]);
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ articles: 4, failed: 0 });
      expect(await count()).toBe(events);
      const stats = (await runCliInProcess(['stats', '--json', '--data', a.dir])).stdout;
      const second = await runCliInProcess(['backfill-events', '--data', a.dir]);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('events step run for 0 articles (0 event writes), failed 0');
      expect((await runCliInProcess(['stats', '--json', '--data', a.dir])).stdout).toBe(stats);
    } finally {
      await a.cleanup();
    }
  });
});

describe('claimgraph extract', SLOW, () => {
  test('when a file is extracted with --json, then spans index into the file text', async () => {
    const text = await readFile(SEED_PAGE, 'utf8');
    const r = await runCliInProcess(['extract', SEED_PAGE, '--retrieved-at', '2025-08-21T12:00:00Z', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      id: string;
      articles: { title: string; span: [number, number]; statements: { content: { text: string; span: [number, number]; parts?: [number, number][] }; cue: { text: string; span: [number, number] } }[] }[];
    };
    expect(out.articles).toHaveLength(4);
    for (const a of out.articles) {
      for (const s of a.statements) {
        // a content interrupted by its attribution ("'A,' she said. 'B.'") is its parts joined by a space
        const parts = s.content.parts ?? [s.content.span];
        expect(parts.map((p) => text.slice(...p)).join(' ')).toBe(s.content.text);
        expect(text.slice(...s.cue.span)).toBe(s.cue.text);
        expect(s.content.span[0]).toBeGreaterThanOrEqual(a.span[0]);
        expect(s.content.span[1]).toBeLessThanOrEqual(a.span[1]);
      }
    }
  });

  test('when JSON lines come on stdin, then one line comes out per line in order, errors included', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: '"We will win," the minister said on Monday.', publishedAt: '2025-08-20' }),
      '{not json',
      JSON.stringify({ id: 'c', title: 'no text' }),
      JSON.stringify({ id: 'd', text: 'Nothing is quoted here.' }),
    ].join('\n');
    const r = await runCli(['extract', '--jsonl'], { stdin: `${input}\n` });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; error?: string; articles?: unknown[] });
    expect(lines.map((l) => l.id)).toEqual(['a', 'line 2', 'c', 'd']);
    expect(lines[0]!.articles).toHaveLength(1);
    expect(lines[1]!.error).toMatch(/JSON/);
    expect(lines[2]!.error).toMatch(/text/);
    expect(lines[3]!.error).toBeUndefined();
  });

  test('when 1,000 records come on stdin, then 1,000 lines come out', async () => {
    const input = Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify({ id: `r${i}`, text: `"Talks will continue," spokesman Ivan Petrov${i} said on Tuesday.` }),
    ).join('\n');
    const r = await runCli(['extract', '--jsonl'], { stdin: input });
    expect(r.code).toBe(0);
    const ids = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toHaveLength(1000);
    expect(ids[999]).toBe('r999');
  });

  test.each([
    { name: 'a bad --retrieved-at', args: ['extract', SEED_PAGE, '--retrieved-at', 'yesterday-ish'], message: /retrievedAt.*ISO-8601/ },
    { name: 'no files and no --jsonl', args: ['extract'], message: /expected at least one file/ },
  ])('when given $name, then it exits 2 naming what was expected', async ({ args, message }) => {
    const r = await runCliInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });
});

describe('claimgraph rerun-identity', SLOW, () => {
  test('when run on an ingested store, then a dry run writes nothing and a second real run merges nothing more', async () => {
    const a = await tempDir();
    try {
      await runCli(['ingest', SEED_PAGE, '--retrieved-at', '2025-08-21T12:00:00Z', '--data', a.dir]);
      const stats = (await runCli(['stats', '--json', '--data', a.dir])).stdout;
      const dry = await runCli(['rerun-identity', '--dry-run', '--json', '--data', a.dir]);
      expect(dry.code).toBe(0);
      const summary = JSON.parse(dry.stdout) as { dryRun: boolean; actors: number };
      expect(summary.dryRun).toBe(true);
      expect(summary.actors).toBeGreaterThan(10);
      expect((await runCli(['stats', '--json', '--data', a.dir])).stdout).toBe(stats);
      expect((await runCli(['rerun-identity', '--data', a.dir])).code).toBe(0);
      const second = await runCli(['rerun-identity', '--json', '--data', a.dir]);
      expect(JSON.parse(second.stdout)).toMatchObject({ merges: [], dryRun: false });
    } finally {
      await a.cleanup();
    }
  });
});
