/**
 * URL ingest is no way into the server's own network (issue 14, defect 8):
 * loopback, link-local, private and other special-purpose addresses are
 * refused, after DNS resolution, for IPv4 and IPv6 (mapped and compatible
 * forms included), on every redirect hop, unless a setting allows them;
 * and failures read the same whether a port is closed, resets, or never
 * answers. Real local HTTP servers count the requests that reach them: a
 * refused URL must reach none.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fetchUrl, specialRange } from '../../server/ingest/fetch.js';
import { readInputs, type IngestItem, type IngestOptions } from '../../server/ingest/index.js';
import { startApi, type TestApi } from '../api/helpers.js';

async function collect(inputs: string[], opts: IngestOptions = {}): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs, opts)) items.push(item);
  return items;
}

async function listen(host: string, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, base: `http://${host}:${(server.address() as AddressInfo).port}` };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe('specialRange: which addresses are refused', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['198.18.0.1', 'benchmarking'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['2002:7f00:1::', '6to4'],
    ['2001::1', 'teredo'],
    ['2001:db8::1', 'reserved'],
    ['fec0::1', 'site-local'],
    ['100::1', 'discard-only'],
  ])('%s is refused as %s', (address, range) => {
    expect(specialRange(address)).toBe(range);
  });

  test.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4001::1'])('%s is public: fetched', (address) => {
    expect(specialRange(address)).toBeNull();
  });
});

describe('URL ingest without the setting', () => {
  let hits = 0;
  let local: { server: Server; base: string };
  let port: number;
  beforeAll(async () => {
    local = await listen('127.0.0.1', (_req, res) => {
      hits += 1;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('Secret headline\nThe internal body.');
    });
    port = Number(new URL(local.base).port);
  });
  afterAll(() => close(local.server));

  test.each([
    { name: 'a loopback address', url: () => `http://127.0.0.1:${port}/`, range: 'loopback' },
    { name: 'a host name that resolves to loopback', url: () => `http://localhost:${port}/`, range: 'loopback' },
    { name: 'IPv6 loopback', url: () => `http://[::1]:${port}/`, range: 'loopback' },
    { name: 'an IPv4-mapped IPv6 loopback', url: () => `http://[::ffff:127.0.0.1]:${port}/`, range: 'loopback' },
    { name: 'loopback written as one hex number', url: () => `http://0x7f000001:${port}/`, range: 'loopback' },
    { name: 'loopback written as one decimal number', url: () => `http://2130706433:${port}/`, range: 'loopback' },
    { name: 'the cloud metadata address', url: () => 'http://169.254.169.254/latest/meta-data/', range: 'linkLocal' },
    { name: 'a private address', url: () => 'http://10.255.255.1/', range: 'private' },
  ])('when the URL is $name, then FETCH_FAILED naming the range, and no request is sent', async ({ url, range }) => {
    hits = 0;
    const [item] = await collect([url()]);
    expect(item!.ok).toBe(false);
    if (!item!.ok) {
      expect(item!.error.code).toBe('FETCH_FAILED');
      expect(item!.error.message).toContain(`is a ${range} address, which the server does not fetch`);
    }
    expect(hits).toBe(0);
  });

  test('when the setting allows private addresses, then the same loopback URL is fetched', async () => {
    const [item] = await collect([`${local.base}/`], { allowPrivateAddresses: true });
    expect(item!.ok && item!.articles[0]!.title).toBe('Secret headline');
  });
});

describe('redirects are checked hop by hop', () => {
  // The "public" site is on 127.0.0.2, allowed by address for this test; its redirects point at 127.0.0.1, which is not.
  let inner = 0;
  let target: { server: Server; base: string };
  let site: { server: Server; base: string };
  beforeAll(async () => {
    target = await listen('127.0.0.1', (_req, res) => {
      inner += 1;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('Internal headline\nInternal body.');
    });
    site = await listen('127.0.0.2', (req, res) => {
      const to: Record<string, string> = {
        '/to-loopback': `${target.base}/`,
        '/to-localhost': `http://localhost:${new URL(target.base).port}/`,
        '/chain': '/chain-2',
        '/chain-2': `${target.base}/`,
        '/to-file': 'file:///etc/passwd',
        '/fine': '/page',
      };
      if (req.url === '/page') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('Public headline\nPublic body.');
        return;
      }
      res.writeHead(302, { location: to[req.url ?? ''] ?? '/page' });
      res.end();
    });
  });
  afterAll(async () => {
    await close(site.server);
    await close(target.server);
  });
  const policy = { allowPrivate: false, allowAddresses: ['127.0.0.2'], timeoutMs: 5_000, maxBytes: 100_000 };

  test.each([
    { name: 'straight to a loopback address', path: '/to-loopback', message: /127\.0\.0\.1 is a loopback address/ },
    { name: 'to a name that resolves to loopback', path: '/to-localhost', message: /localhost is a loopback address/ },
    { name: 'to loopback on the second hop', path: '/chain', message: /127\.0\.0\.1 is a loopback address/ },
    { name: 'to a file: URL', path: '/to-file', message: /a redirect to a file: URL/ },
  ])('when the page redirects $name, then FETCH_FAILED and the target gets no request', async ({ path, message }) => {
    inner = 0;
    await expect(fetchUrl(`${site.base}${path}`, policy)).rejects.toMatchObject({ code: 'FETCH_FAILED', message });
    expect(inner).toBe(0);
  });

  test('when the page redirects within the allowed site, then the final page is read', async () => {
    const fetched = await fetchUrl(`${site.base}/fine`, policy);
    expect(fetched).toMatchObject({ url: `${site.base}/page`, contentType: 'text/plain' });
    expect(fetched.body.toString()).toBe('Public headline\nPublic body.');
  });
});

describe('failures do not tell what listens', () => {
  let closedUrl: string;
  let resetting: { server: Server; base: string };
  let silent: { server: Server; base: string };
  beforeAll(async () => {
    const probe = await listen('127.0.0.1', () => {});
    closedUrl = `${probe.base}/`;
    await close(probe.server);
    resetting = await listen('127.0.0.1', (req) => req.socket.destroy());
    silent = await listen('127.0.0.1', () => {});
  });
  afterAll(async () => {
    await close(resetting.server);
    await close(silent.server);
  });

  test('when a port is closed, resets the connection, or never answers, then the message is the same but for the URL', async () => {
    const opts = { allowPrivateAddresses: true, fetchTimeoutMs: 500 };
    const urls = [closedUrl, `${resetting.base}/`, `${silent.base}/`];
    const items = await collect(urls, opts);
    const messages = items.map((item, i) => (item.ok ? 'fetched' : item.error.message.replace(urls[i]!, '<url>')));
    expect(messages).toEqual(urls.map(() => 'could not fetch <url>: no answer (the connection was refused, closed or timed out)'));
  });
});

describe('URL ingest through the API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ seedPage: false });
  });
  afterAll(() => api?.close());

  test.each([
    { name: 'its own API', path: '/api/stats' },
    { name: 'its own Cypher endpoint', path: '/api/cypher' },
  ])('when asked to ingest $name, then 502 FETCH_FAILED saying the address is refused, and no article is stored', async ({ path }) => {
    const res = await api.post('/api/articles', { url: `${api.base}${path}` });
    expect(res.status, res.text).toBe(502);
    expect(res.body).toMatchObject({ code: 'FETCH_FAILED', message: expect.stringContaining('is a loopback address, which the server does not fetch') });
    const stats = await api.get('/api/stats');
    expect(stats.body.articles).toBe(0);
  });
});
