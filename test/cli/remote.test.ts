import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from '../utils/cli.js';

/**
 * One store, many clients: while `claimgraph serve` holds a data directory,
 * the CLI's ingest, query, stats and export on the same directory go through
 * that server instead of failing on the store's lock; commands that need the
 * store to themselves say which server holds it.
 */
const ARTICLES: Record<string, string> = {
  'harbour.txt':
    'Harbour board approves dredging plan\n\n"The channel has to be deeper by spring," harbour master Ilse Varga said on Tuesday. ' +
    'Councillor Tomas Brenner said the cost would fall on ratepayers.',
  'library.txt':
    'Library hours cut in Eastfield\n\n"We had no other way to balance the budget," library director Amara Osei told reporters on Monday.',
};

/** Each test spawns the real CLI one to three times; on a loaded 2-core machine a spawn can take 10-20 s. A deadline guard only. */
const SPAWNS = 120_000;

describe('the CLI while a server holds the store', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let data: string;
  let folder: string;
  let server: ChildProcess;
  let url = '';
  let output = '';
  const env = () => ({ CLAIMGRAPH_DATA: data });

  beforeAll(async () => {
    tmp = await tempDir('claimgraph-remote-');
    data = join(tmp.dir, 'data');
    folder = join(tmp.dir, 'inbox');
    await mkdir(folder, { recursive: true });
    for (const [name, text] of Object.entries(ARTICLES)) await writeFile(join(folder, name), text);
    const childEnv: NodeJS.ProcessEnv = { ...process.env, CLAIMGRAPH_DATA: data, CLAIMGRAPH_PORT: '0' };
    delete childEnv.NEO4J_URI;
    delete childEnv.CLAIMGRAPH_TOKEN;
    server = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    url = await new Promise<string>((resolve, reject) => {
      // A deadline guard only: it stops a server that never starts.
      const timer = setTimeout(() => reject(new Error(`no URL printed within 120 s:\n${output}`)), 120_000);
      server.stdout!.on('data', (d: Buffer) => {
        output += d.toString();
        const m = /serving on (http:\/\/\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
  }, 150_000);

  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await tmp.cleanup();
  });

  test('when serving an embedded store, then the server announces itself in the data directory', () => {
    expect(existsSync(join(data, 'server.json'))).toBe(true);
  }, SPAWNS);

  test('when a folder is ingested, then it goes through the server and the API shows the new articles', async () => {
    const r = await runCli(['ingest', folder, '--published-at', '2026-03-03T00:00:00Z', '--json'], { env: env() });
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { ingested: number; unchanged: number; failed: number; statements: number };
    expect(summary).toMatchObject({ ingested: 2, unchanged: 0, failed: 0 });
    // The server extracts what the local extractor finds in the same files.
    const local = await runCli(['extract', ...Object.keys(ARTICLES).map((f) => join(folder, f)), '--published-at', '2026-03-03T00:00:00Z', '--json']);
    expect(local.code).toBe(0);
    const extracted = local.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { articles: { statements: unknown[] }[] })
      .reduce((n, f) => n + f.articles.reduce((m, a) => m + a.statements.length, 0), 0);
    expect(extracted).toBeGreaterThan(0);
    expect(summary.statements).toBe(extracted);
    const list = (await (await fetch(`${url}/api/articles`)).json()) as { total: number; items: { title: string }[] };
    expect(list.total).toBe(2);
    expect(list.items.map((a) => a.title).sort()).toEqual(['Harbour board approves dredging plan', 'Library hours cut in Eastfield']);
  }, SPAWNS);

  test('when the same folder is ingested again, then nothing changes', async () => {
    const r = await runCli(['ingest', folder, '--published-at', '2026-03-03T00:00:00Z', '--json'], { env: env() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ingested: 0, unchanged: 2, failed: 0 });
  }, SPAWNS);

  test('when a query and stats are asked for, then they answer from the served store', async () => {
    const q = await runCli(['query', 'MATCH (a:Article) RETURN a.title AS title ORDER BY title', '--json'], { env: env() });
    expect(q.code).toBe(0);
    expect((JSON.parse(q.stdout) as { title: string }[]).map((r) => r.title)).toEqual([
      'Harbour board approves dredging plan',
      'Library hours cut in Eastfield',
    ]);
    const s = await runCli(['stats', '--json'], { env: env() });
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ backend: 'embedded', articles: 2 });
  }, SPAWNS);

  test('when a write is hidden in a query, then the server refuses it as the local store would', async () => {
    const q = await runCli(['query', "CREATE (:Article {title: 'x'})"], { env: env() });
    expect(q.code).not.toBe(0);
    expect(q.stderr).toMatch(/read-only|not allowed|refus|CREATE/i);
  }, SPAWNS);

  test('when exported as jsonl, then every stored article is a line of the export', async () => {
    const r = await runCli(['export', '--format', 'jsonl'], { env: env() });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines[0]).toMatchObject({ type: 'header' });
    expect(lines.filter((l) => l.type === 'article')).toHaveLength(2);
  }, SPAWNS);

  test.each([
    { command: 'import', args: ['import', 'graph.jsonl'] },
    { command: 'backfill-events', args: ['backfill-events'] },
  ])('when $command is run, then it refuses and names the server that holds the store', async ({ command, args }) => {
    const r = await runCli(args, { env: env() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`\`claimgraph ${command}\` needs it to itself`);
    expect(r.stderr).toMatch(/held by the claimgraph server at http:\/\/127\.0\.0\.1:\d+/);
  }, SPAWNS);

  test('when the server stops, then it withdraws its announcement and the CLI opens the store itself', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(data, 'server.json'))).toBe(false);
    const s = await runCli(['stats', '--json'], { env: env() });
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ articles: 2 });
  }, SPAWNS);
});
