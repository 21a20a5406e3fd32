/**
 * No open server on the network (issue 14, defect 7): the shipped
 * docker-compose.yml bound 0.0.0.0 with an empty token, which also switched
 * off the Host check, and nothing refused or warned. `serve` and `start`
 * (the real CLI) now refuse a non-loopback address without a token, before
 * they open the store; with a token they serve and writes need it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assertSafeExposure } from '../../server/config.js';
import { BIN, ROOT, runCli, tempDir } from '../utils/cli.js';

const TOKEN = 'exposure-test-token';

describe('assertSafeExposure', () => {
  test.each([
    { host: '0.0.0.0', token: undefined, refused: true },
    { host: '::', token: undefined, refused: true },
    { host: '192.0.2.10', token: undefined, refused: true },
    { host: 'example.test', token: undefined, refused: true },
    { host: '0.0.0.0', token: TOKEN, refused: false },
    { host: '127.0.0.1', token: undefined, refused: false },
    { host: '127.0.0.2', token: undefined, refused: false },
    { host: 'localhost', token: undefined, refused: false },
    { host: '::1', token: undefined, refused: false },
  ])('host $host with token $token: refused $refused', ({ host, token, refused }) => {
    const check = () => assertSafeExposure({ host, token });
    if (refused) expect(check).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining('CLAIMGRAPH_TOKEN') }));
    else expect(check).not.toThrow();
  });
});

describe('serve and start on a network address', () => {
  let data: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    data = await tempDir('claimgraph-exposure-');
  });
  afterAll(async () => {
    await data?.cleanup();
  });

  test.each<{ name: string; args: string[]; env: Record<string, string> }>([
    { name: 'serve --host 0.0.0.0', args: ['serve', '--host', '0.0.0.0', '--port', '0'], env: {} },
    { name: 'start --host ::', args: ['start', '--host', '::', '--port', '0'], env: {} },
    { name: 'serve with CLAIMGRAPH_HOST=0.0.0.0', args: ['serve', '--port', '0'], env: { CLAIMGRAPH_HOST: '0.0.0.0' } },
    { name: 'serve with CLAIMGRAPH_HOST=0.0.0.0 and an empty token (the compose default)', args: ['serve', '--port', '0'], env: { CLAIMGRAPH_HOST: '0.0.0.0', CLAIMGRAPH_TOKEN: '' } },
  ])('when $name without a token, then it exits 2 (bad configuration) saying to set CLAIMGRAPH_TOKEN, before opening the store', async ({ name, args, env }) => {
    const dir = join(data.dir, name.replace(/\W+/g, '-'));
    const out = await runCli(args, { env: { CLAIMGRAPH_DATA: dir, ...env } as Record<string, string> });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/refusing to serve on \S+ without a token/);
    expect(out.stderr).toContain('CLAIMGRAPH_TOKEN');
    expect(out.stdout).not.toContain('serving on');
    expect(existsSync(join(dir, 'claimgraph.grafeo'))).toBe(false);
  });

  test('when the compose file\'s app environment is used as it ships (no token set), then the app refuses to start', async () => {
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    const app = compose.slice(compose.indexOf('\n  app:'));
    expect(app).toMatch(/CLAIMGRAPH_HOST: 0\.0\.0\.0/);
    // The published port is this machine's loopback only.
    expect(app).toMatch(/- "127\.0\.0\.1:3000:3000"/);
    const out = await runCli(['serve', '--port', '0'], { env: { CLAIMGRAPH_DATA: join(data.dir, 'compose'), CLAIMGRAPH_HOST: '0.0.0.0', CLAIMGRAPH_TOKEN: '' } });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/refusing to serve on 0\.0\.0\.0 without a token/);
  });

  test('when a token is set, then it serves on 0.0.0.0 and a write without the token is 401', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CLAIMGRAPH_DATA: join(data.dir, 'with-token'), CLAIMGRAPH_TOKEN: TOKEN };
    delete env.NEO4J_URI;
    const child = spawn(process.execPath, [BIN, 'serve', '--host', '0.0.0.0', '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed within 60 s:\n${output}`)), 60_000);
        const onData = (d: Buffer) => {
          output += d.toString();
          const m = /serving on (http:\/\/\S+)/.exec(output);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      const denied = await fetch(`${url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'RETURN 1 AS one' }) });
      expect(denied.status).toBe(401);
      const allowed = await fetch(`${url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query: 'RETURN 1 AS one' }) });
      expect(allowed.status).toBe(200);
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  }, 90_000);
});
