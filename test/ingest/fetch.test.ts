import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readInputs } from '../../server/ingest/index.js';
import type { IngestItem, IngestOptions } from '../../server/ingest/index.js';
import { readFixture } from './fixtures.js';

/** These tests fetch from a local server: loopback is allowed here (refused by default: test/ingest/fetch-guard.test.ts). */
async function collect(inputs: string[], opts: IngestOptions = {}): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs, { allowPrivateAddresses: true, ...opts })) items.push(item);
  return items;
}

let server: Server;
let base: string;
let closedPortUrl: string;
/** Resolved when the server sees the client hang up on /endless. */
let endlessClosed: Promise<void> = Promise.resolve();
let onEndlessClosed: () => void = () => undefined;

beforeAll(async () => {
  const articleHtml = await readFixture('article.html');
  const feed = await readFixture('feed.rss');
  server = createServer((req, res) => {
    switch (req.url) {
      case '/article':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(articleHtml);
        return;
      case '/feed':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(feed);
        return;
      case '/xml-feed':
        // text/xml says nothing about what is inside: the content decides.
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(feed);
        return;
      case '/plain':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Plain headline\nThe plain body.');
        return;
      case '/latin1':
        res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' });
        res.end(Buffer.from('Caf\xe9 talks\nThe caf\xe9 owner spoke.', 'latin1'));
        return;
      case '/redirect':
        res.writeHead(302, { location: '/plain' });
        res.end();
        return;
      case '/missing':
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
        return;
      case '/image':
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
        return;
      case '/declared-big':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000' });
        res.end('x'.repeat(5000));
        return;
      case '/endless': {
        // No content-length: only counting the streamed body can stop this one.
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = 'y'.repeat(1024);
        const timer = setInterval(() => res.write(chunk), 1);
        res.on('close', () => {
          clearInterval(timer);
          onEndlessClosed();
        });
        return;
      }
      case '/slow-body':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('Slow headline\n');
        return; // the body never finishes
      case '/hang':
        return; // no response at all
      default:
        res.writeHead(500);
        res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Port 0 cannot be listened on (binding it picks another port), so nothing ever listens there, unlike a
  // port that was just free, which another process on a busy machine may take meanwhile.
  closedPortUrl = 'http://127.0.0.1:0/';
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('readInputs on URLs (a real local http server)', () => {
  test('when a page is fetched, then it is read as HTML with the page URL as origin and the canonical URL', async () => {
    const [item] = await collect([`${base}/article`], { retrievedAt: '2025-08-21T12:00:00Z' });
    expect(item!.ok).toBe(true);
    if (item!.ok) {
      expect(item!.origin).toBe(`${base}/article`);
      expect(item!.articles[0]).toMatchObject({ title: 'Minister vows talks will go on', url: 'https://daily.example/world/minister-vows-talks', origin: `${base}/article` });
    }
  });

  test.each([
    { name: 'an RSS content type', path: '/feed' },
    { name: 'text/xml holding a feed', path: '/xml-feed' },
  ])('when $name is fetched, then each feed item is an item', async ({ path }) => {
    const items = await collect([`${base}${path}`]);
    expect(items.map((i) => [i.origin, i.ok])).toEqual([
      [`${base}${path} item 1`, true],
      [`${base}${path} item 2`, true],
      [`${base}${path} item 3`, false],
    ]);
  });

  test.each([
    { name: 'text/plain', path: '/plain', title: 'Plain headline', text: 'The plain body.', url: '/plain' },
    { name: 'a redirect', path: '/redirect', title: 'Plain headline', text: 'The plain body.', url: '/plain' },
    { name: 'a declared latin-1 charset', path: '/latin1', title: 'Café talks', text: 'The café owner spoke.', url: '/latin1' },
  ])('when $name is fetched, then it is read as text, decoded, with the final URL', async ({ path, title, text, url }) => {
    const [item] = await collect([`${base}${path}`]);
    expect(item!.ok && item!.articles[0]).toMatchObject({ title, text, url: `${base}${url}` });
  });

  test.each([
    { name: 'an HTTP 404', path: '/missing', opts: {}, code: 'FETCH_FAILED', message: /could not fetch .*\/missing: HTTP 404/ },
    { name: 'binary content', path: '/image', opts: {}, code: 'UNSUPPORTED_INPUT', message: /binary content \(image\/png\)/ },
    { name: 'a declared length over the cap', path: '/declared-big', opts: { maxBytes: 1000 }, code: 'PAYLOAD_TOO_LARGE', message: /is 5000 bytes; the limit is 1000 bytes/ },
    { name: 'an endless body', path: '/endless', opts: { maxBytes: 64 * 1024 }, code: 'PAYLOAD_TOO_LARGE', message: /is more than 65536 bytes/ },
    // A time-out reads like a refused or closed connection (issue 14, defect 8): errors do not tell what listens.
    { name: 'a body that never ends', path: '/slow-body', opts: { fetchTimeoutMs: 300 }, code: 'FETCH_FAILED', message: /no answer \(the connection was refused, closed or timed out\)/ },
    { name: 'a server that never answers', path: '/hang', opts: { fetchTimeoutMs: 300 }, code: 'FETCH_FAILED', message: /no answer \(the connection was refused, closed or timed out\)/ },
  ])('when the URL gives $name, then the item is a $code error naming the URL', async ({ path, opts, code, message }) => {
    const [item] = await collect([`${base}${path}`], opts);
    expect(item!.ok).toBe(false);
    if (!item!.ok) {
      expect(item!.origin).toBe(`${base}${path}`);
      expect(item!.error.code).toBe(code);
      expect(item!.error.message).toMatch(message);
    }
  });

  test('when the body is cut off at the size cap, then the client hangs up (the server sees the connection close)', async () => {
    endlessClosed = new Promise((resolve) => {
      onEndlessClosed = resolve;
    });
    const [item] = await collect([`${base}/endless`], { maxBytes: 16 * 1024 });
    expect(item).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    // The body never ends: the server's response closes only if the client hangs up (else the test times out).
    await endlessClosed;
  });

  test('when nothing listens at the URL, then it is FETCH_FAILED (retriable) and the batch goes on', async () => {
    const items = await collect([closedPortUrl, `${base}/plain`]);
    expect(items[0]!.ok).toBe(false);
    if (!items[0]!.ok) {
      expect(items[0]!.error.code).toBe('FETCH_FAILED');
      expect(items[0]!.error.message).toBe(`could not fetch ${closedPortUrl}: no answer (the connection was refused, closed or timed out)`);
      expect(items[0]!.error.retriable).toBe(true);
    }
    expect(items[1]!.ok).toBe(true);
  });
});
