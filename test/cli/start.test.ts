import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, ROOT, tempDir } from '../utils/cli.js';

/**
 * `npm start` is `claimgraph start`: on an empty data directory it ingests the
 * bundled samples, then serves the API and the UI and prints the URL.
 */
describe('claimgraph start', () => {
  let child: ChildProcess;
  let url: string;
  let output = '';
  let data: { dir: string; cleanup: () => Promise<void> };

  beforeAll(async () => {
    data = await tempDir();
    const env: NodeJS.ProcessEnv = { ...process.env, CLAIMGRAPH_DATA: data.dir, CLAIMGRAPH_PORT: '0' };
    delete env.NEO4J_URI;
    child = spawn(process.execPath, [BIN, 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within 60 s; output so far:\n${output}`)), 60_000);
      child.stdout!.on('data', (d: Buffer) => {
        output += d.toString();
        const m = /serving on (http:\/\/\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code} before serving:\n${output}`)));
    });
  }, 90_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await data.cleanup();
  });

  test('when the data directory is empty, then the sample articles are ingested before serving', () => {
    expect(output).toContain('ingesting the bundled sample articles');
    expect(output).toMatch(/sample seed-page\.txt: 4 articles ingested/);
  });

  test('when serving, then the API lists the four seed articles', async () => {
    const res = await fetch(`${url}/api/articles`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; items: { title: string }[] };
    expect(body.total).toBe(6); // the seed page's four, the wire story and the long-quotes story
    expect(body.items.map((a) => a.title)).toContain('Netanyahu accuses Macron of fueling anti-Semitism');
  });

  test('when the root is asked for, then the UI page is served', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/claimgraph/i);
  });

  test('when stopped with SIGTERM, then it shuts down cleanly', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('shutting down');
  });
});
