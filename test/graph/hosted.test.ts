import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { HostedStore, openStore } from '../../server/graph/index.js';
import { smallArticle } from '../utils/graph-fixtures.js';
import { ROOT } from '../utils/cli.js';
import { alive } from '../utils/process.js';

/**
 * The hosted embedded store (server/graph/host): the store in a child
 * process, restarted when a user query overruns its limit or the process
 * crashes. The store contract itself runs on it in contract.test.ts.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempPath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-host-'));
  dirs.push(dir);
  return join(dir, 'claimgraph.grafeo');
};

async function openHosted(path = tempPath(), log?: (line: string) => void): Promise<HostedStore> {
  const store = await openStore({ backend: 'embedded', path, hosted: true, log: log ?? (() => undefined) });
  expect(store).toBeInstanceOf(HostedStore);
  return store as HostedStore;
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

/** 90 statements. */
async function seeded(log?: (line: string) => void): Promise<HostedStore> {
  const store = await openHosted(tempPath(), log);
  for (let i = 0; i < 30; i++) await store.writeArticle(smallArticle(i));
  return store;
}
/**
 * A query that cannot finish while a test runs: a cartesian product of six statement sets, 90^6 = 5.3e11
 * rows (hours of engine work), so every outcome below follows from the limit or the kill, never from how
 * fast this machine is. The hosted store kills its process, so nothing keeps computing it afterwards.
 */
const ENDLESS = 'MATCH (a:Statement), (b:Statement), (c:Statement), (d:Statement), (e:Statement), (f:Statement) RETURN count(*) AS n';

/** Resolves once the store process has taken every call sent before it: a quick read answered after them. */
async function taken(store: HostedStore): Promise<void> {
  expect(await store.run('RETURN 1 AS one')).toEqual([{ one: 1 }]);
}

describe('hosted embedded store', () => {
  test('when a user query passes its limit, then it is QUERY_TIMEOUT, its process is killed, and writes and reads made meanwhile succeed', async () => {
    const lines: string[] = [];
    const store = await seeded((l) => lines.push(l));
    const oldPid = store.pid!;
    const standbyPid = store.standbyPid;
    expect(standbyPid).not.toBeNull();
    const runaway = store.readOnly(ENDLESS, {}, { timeoutMs: 400 }).catch((e: unknown) => e);
    // Writes sent while it runs, writes sent the moment it is answered (while the process is being
    // replaced), and a user query without a limit.
    const early = Promise.all([30, 31, 32].map((i) => store.writeArticle(smallArticle(i))));
    const late = runaway.then(() => Promise.all([33, 34, 35, 36].map((i) => store.writeArticle(smallArticle(i)))));
    const other = store.readOnly('MATCH (a:Article) RETURN count(a) AS n');
    const error = await runaway;
    expect(error).toMatchObject({ code: 'QUERY_TIMEOUT' });
    expect(await early).toEqual(['created', 'created', 'created']);
    expect(await late).toEqual(['created', 'created', 'created', 'created']);
    expect((await other)[0]!.n).toBeGreaterThanOrEqual(30);
    await store.settled();
    expect(alive(oldPid)).toBe(false);
    // The standby took over, and a new standby was started.
    expect(store.pid).toBe(standbyPid);
    expect(store.standbyPid).not.toBeNull();
    expect([oldPid, standbyPid]).not.toContain(store.standbyPid);
    expect(store.restarts.map((r) => r.reason)).toEqual(['timeout']);
    expect(lines.some((l) => l.includes(`restarted after a query timeout: pid ${oldPid} -> ${store.pid}`))).toBe(true);
    expect(await store.stats()).toMatchObject({ articles: 37, statements: 111 });
    await store.close();
  }, 60_000);

  test('when two user queries time out together, then one restart serves both', async () => {
    const store = await seeded();
    const errors = await Promise.all([1, 2].map(() => store.readOnly(ENDLESS, {}, { timeoutMs: 300 }).catch((e: unknown) => e)));
    expect(errors).toMatchObject([{ code: 'QUERY_TIMEOUT' }, { code: 'QUERY_TIMEOUT' }]);
    await store.settled();
    expect(store.restarts).toHaveLength(1);
    expect(await store.hasArticle(smallArticle(0).article.id)).toBe(true);
    await store.close();
  }, 60_000);

  test('when the store process is killed (a crash), then the call it ran fails STORE_UNAVAILABLE, it is logged, and the next call succeeds on a new process', async () => {
    const lines: string[] = [];
    const store = await seeded((l) => lines.push(l));
    const oldPid = store.pid!;
    const running = store.readOnly(ENDLESS).catch((e: unknown) => e);
    await taken(store);
    process.kill(oldPid, 'SIGKILL');
    const error = await running;
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', retriable: true, message: /exited unexpectedly \(SIGKILL\)/ });
    expect(await store.stats()).toMatchObject({ articles: 30, statements: 90 });
    expect(store.pid).not.toBe(oldPid);
    expect(store.restarts.map((r) => r.reason)).toEqual(['crash']);
    expect(lines.some((l) => l.includes(`store process ${oldPid} exited unexpectedly (SIGKILL)`))).toBe(true);
    expect(await store.writeArticle(smallArticle(99))).toBe('created');
    await store.close();
  }, 60_000);

  test('when the store is closed, then its process has exited and calls are STORE_UNAVAILABLE; the file reopens with its data', async () => {
    const path = tempPath();
    const store = await openHosted(path);
    await store.writeArticle(smallArticle(1));
    const pid = store.pid!;
    const standby = store.standbyPid!;
    expect(alive(standby)).toBe(true);
    await store.close();
    await store.close(); // twice is fine
    expect(alive(pid)).toBe(false);
    expect(alive(standby)).toBe(false);
    expect(store.pid).toBeNull();
    await expect(store.stats()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    const again = await openStore({ backend: 'embedded', path });
    expect(await again.stats()).toMatchObject({ articles: 1, statements: 3 });
    await again.close();
  });

  test('when a user query is still running at close, then close does not wait for it', async () => {
    const store = await seeded();
    const pid = store.pid!;
    const running = store.readOnly(ENDLESS).catch((e: unknown) => e);
    await taken(store);
    // The query cannot finish: close returning at all (before the test's timeout) shows it did not wait.
    await store.close();
    expect(await running).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(alive(pid)).toBe(false);
  }, 30_000);

  test.each([
    [
      'the file is held by another handle',
      async (path: string) => {
        const holder = await openStore({ backend: 'embedded', path });
        return () => holder.close();
      },
      { code: 'STORE_UNAVAILABLE', message: /in use/ },
    ],
    [
      'the file is damaged',
      async (path: string) => {
        const store = await openStore({ backend: 'embedded', path });
        for (let i = 0; i < 30; i++) await store.writeArticle(smallArticle(i));
        await store.close();
        const bytes = readFileSync(path);
        writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
        return async () => undefined;
      },
      { code: 'STORE_CORRUPT', message: /restore it from a backup/i },
    ],
  ])('when %s, then opening it hosted fails as in-process opening does', async (_, prepare, expected) => {
    const path = tempPath();
    const cleanup = await prepare(path);
    await expect(openHosted(path)).rejects.toMatchObject(expected);
    await cleanup();
  });

  test('when asked to host an in-memory store, then it is refused', async () => {
    await expect(openStore({ backend: 'embedded', path: null, hosted: true })).rejects.toMatchObject({ code: 'BAD_INPUT', message: /needs a store file/ });
  });

  test('when a value cannot be passed to the store process, then it is QUERY_FAILED and nothing is sent', async () => {
    const store = await openHosted();
    await expect(store.run('RETURN $f AS f', { f: () => 1 })).rejects.toMatchObject({ code: 'QUERY_FAILED', message: /could not pass the run call/ });
    expect(await store.run('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    expect(store.restarts).toHaveLength(0);
    await store.close();
  });

  test.each([
    ['is killed with SIGKILL', 'kill'],
    ['exits without closing the store', 'exit'],
  ])('when the process that opened it %s, then the store process goes too and the file opens again', async (_, how) => {
    const path = tempPath();
    const script = join(path, '..', 'holder.mts');
    const index = pathToFileURL(join(ROOT, 'server/graph/index.ts')).href;
    writeFileSync(
      script,
      `import { openStore } from ${JSON.stringify(index)};\n` +
        `const store = await openStore({ backend: 'embedded', path: ${JSON.stringify(path)}, hosted: true });\n` +
        `await store.writeArticle(${JSON.stringify(smallArticle(7))});\n` +
        `process.stdout.write(String(store.pid) + ' ' + String(store.standbyPid) + '\\n');\n` +
        (how === 'exit' ? 'process.exit(0);\n' : 'setInterval(() => undefined, 1000);\n'),
    );
    const parent = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => parent.once('exit', resolve));
    const pids = await new Promise<number[]>((resolve, reject) => {
      let out = '';
      parent.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.trim().split(' ').map(Number));
      });
      parent.once('exit', (code) => reject(new Error(`the holder exited (${code}) before it reported its store process`)));
    });
    // The store process and the standby.
    expect(pids).toHaveLength(2);
    expect(pids.every((pid) => Number.isInteger(pid) && alive(pid))).toBe(true);
    if (how === 'kill') parent.kill('SIGKILL');
    await exited;
    expect(await waitUntil(() => pids.every((pid) => !alive(pid)), 10_000)).toBe(true);
    const again = await openStore({ backend: 'embedded', path });
    expect(await again.stats()).toMatchObject({ articles: 1 });
    await again.close();
  }, 60_000);
});
