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
      // A deadline guard only (the bundled 243 Wikinews articles take ~10 s on a quiet machine): it stops a hung start.
      const timer = setTimeout(() => reject(new Error(`no URL printed within 240 s; output so far:\n${output}`)), 240_000);
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
  }, 300_000);

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
    // The bundled Wikinews corpus: one article per line of samples/wikinews-2019-2020.jsonl, with its licence.
    expect(output).toMatch(/sample wikinews-2019-2020\.jsonl: 243 articles ingested, \d+ statements \(CC BY 2\.5/);
  });

  test('when serving, then the API lists the seed articles and the 243 Wikinews articles', async () => {
    const res = await fetch(`${url}/api/articles?q=${encodeURIComponent('Netanyahu accuses Macron')}`);
    expect(res.status).toBe(200);
    const found = (await res.json()) as { items: { title: string }[] };
    expect(found.items.map((a) => a.title)).toContain('Netanyahu accuses Macron of fueling anti-Semitism');
    const all = (await (await fetch(`${url}/api/articles`)).json()) as { total: number };
    // the seed page's four, the wire story, the long-quotes story and the Wikinews corpus's 243
    expect(all.total).toBe(6 + 243);
  });

  test('when serving, then the timeline spans 2019 and 2020 from the Wikinews articles', async () => {
    for (const year of ['2019', '2020']) {
      const res = await fetch(`${url}/api/articles?from=${year}-01-01&to=${year}-12-31`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { total: number }).total).toBeGreaterThan(50);
    }
  });

  test('when a Wikinews article is opened, then its original URL and CC BY 2.5 licence are given', async () => {
    const list = (await (await fetch(`${url}/api/articles?q=${encodeURIComponent('116th U.S. Congress')}`)).json()) as { items: { id: string }[] };
    expect(list.items.length).toBeGreaterThan(0);
    const detail = (await (await fetch(`${url}/api/articles/${encodeURIComponent(list.items[0]!.id)}`)).json()) as {
      article: { url: string | null; licence: { name: string; attribution: string } | null };
    };
    expect(detail.article.url).toMatch(/^https:\/\/en\.wikinews\.org\/wiki\//);
    expect(detail.article.licence).toMatchObject({ name: 'CC BY 2.5', attribution: 'Wikinews contributors' });
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
