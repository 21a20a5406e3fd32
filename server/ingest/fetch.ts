/**
 * The URL fetcher (issue 14, defect 8: SSRF). A server reachable by others
 * must not become their way into its own network: URL ingest refuses
 * loopback, link-local, private and other special-purpose addresses, after
 * DNS resolution, for IPv4 and IPv6 (IPv4-mapped and -compatible forms
 * included), on the first request and on every redirect hop, unless
 * `allowPrivate` is set (CLAIMGRAPH_FETCH_ALLOW_PRIVATE=1: a newsroom's
 * intranet, the tests' local servers).
 *
 * The check is on the address the socket connects to, not on a separate
 * lookup: node:http(s) is given a `lookup` that resolves, checks every
 * address and hands only a checked one to the connection, so a DNS answer
 * that changes between a check and the connect (rebinding) gains nothing.
 * Global fetch (undici) takes no per-request lookup, hence node:http(s),
 * with redirects, decompression, the size cap and the time limit done here.
 *
 * Failures say nothing about what listens where: a refused, reset, closed
 * or silent connection, and a time-out, all read "no answer". Only what the
 * server did answer (an HTTP status, a content type) is named.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import ipaddr from 'ipaddr.js';
import { AppError, unsupportedInput } from '../errors.js';
import { streamTooLarge, tooLarge } from './guards.js';

export interface FetchPolicy {
  /** Fetch private, loopback and other special-purpose addresses too (default false). */
  allowPrivate: boolean;
  /** Special-purpose addresses fetched all the same, exactly as written ("10.0.0.5", "::1"): one intranet host, not its network. */
  allowAddresses?: readonly string[];
  /** For the whole fetch: connection, redirects and body. */
  timeoutMs: number;
  maxBytes: number;
}

export interface Fetched {
  /** The URL that answered, after redirects. */
  url: string;
  contentType: string;
  body: Buffer;
}

/** Redirects followed at most (browsers allow 20; a news page needs a few). */
export const MAX_REDIRECTS = 5;

const USER_AGENT = 'claimgraph/0.1 (news statement research)';
const ACCEPT =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5';
const BINARY_TYPES = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-gzip|octet-stream|x-tar|msword|vnd\.)/i;

const v4 = (cidr: string) => ipaddr.IPv4.parseCIDR(cidr);
const v6 = (cidr: string) => ipaddr.IPv6.parseCIDR(cidr);
/** Special-purpose blocks ipaddr.js 1.9 calls unicast (IANA special-purpose registries). */
const EXTRA_V4: Array<[string, [ipaddr.IPv4, number]]> = [['benchmarking', v4('198.18.0.0/15')]];
const EXTRA_V6: Array<[string, [ipaddr.IPv6, number]]> = [
  ['IPv4-compatible', v6('::/96')],
  ['discard-only', v6('100::/64')],
  ['IETF protocol assignments', v6('2001::/23')],
  ['site-local', v6('fec0::/10')],
];
const GLOBAL_UNICAST_V6 = v6('2000::/3');

/**
 * Why an IP address may not be fetched (the name of its special-purpose
 * range: "loopback", "private", "linkLocal", ...), or null for a public
 * unicast address. An IPv4-mapped IPv6 address is judged as its IPv4 address.
 */
export function specialRange(address: string): string | null {
  // ipaddr.js 1.9 does not read IPv6 with a dotted tail other than ::ffff: ("::127.0.0.1"); the URL parser writes it in hex.
  const written = isIP(address) === 6 && !ipaddr.isValid(address) ? new URL(`http://[${address}]/`).hostname.slice(1, -1) : address;
  if (!ipaddr.isValid(written)) return 'not an IP address';
  let addr = ipaddr.parse(written);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  const range = addr.range();
  if (range !== 'unicast') return range;
  if (addr.kind() === 'ipv4') {
    const hit = EXTRA_V4.find(([, cidr]) => (addr as ipaddr.IPv4).match(cidr));
    return hit ? hit[0] : null;
  }
  const a6 = addr as ipaddr.IPv6;
  const hit = EXTRA_V6.find(([, cidr]) => a6.match(cidr));
  if (hit) return hit[0];
  return a6.match(GLOBAL_UNICAST_V6) ? null : 'not global unicast';
}

function allowedAddress(policy: FetchPolicy, address: string): boolean {
  return policy.allowAddresses?.includes(address) ?? false;
}

/** The error for an address the policy refuses: names the host and the range, which DNS tells anyone anyway. */
function refused(url: string, host: string, range: string): AppError {
  return new AppError(
    'FETCH_FAILED',
    `could not fetch ${url}: ${host} is a ${range} address, which the server does not fetch (set CLAIMGRAPH_FETCH_ALLOW_PRIVATE=1 to allow private and local addresses)`,
    { expose: true },
  );
}

const fetchError = (url: string, reason: string, cause?: unknown, retriable = true) =>
  new AppError('FETCH_FAILED', `could not fetch ${url}: ${reason}`, { cause, retriable, expose: true });

/** One message for every way a connection can fail to give an answer, so errors do not map the network. */
const NO_ANSWER = 'no answer (the connection was refused, closed or timed out)';

/** A lookup that resolves every address of the host and refuses the connection if any is special (unless allowed). */
function guardedLookup(policy: FetchPolicy, url: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      if (!policy.allowPrivate) {
        for (const a of list) {
          const range = allowedAddress(policy, a.address) ? null : specialRange(a.address);
          if (range !== null) return callback(refused(url, hostname, range) as unknown as NodeJS.ErrnoException, '', 0);
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * GETs a URL under the policy: http and https only, every hop's address
 * checked, at most MAX_REDIRECTS redirects, gzip/deflate/br decoded, the
 * body cut at maxBytes (decoded size), everything within timeoutMs.
 * Throws FETCH_FAILED, PAYLOAD_TOO_LARGE or UNSUPPORTED_INPUT.
 */
export async function fetchUrl(url: string, policy: FetchPolicy): Promise<Fetched> {
  const deadline = Date.now() + policy.timeoutMs;
  let current = url;
  for (let hop = 0; ; hop++) {
    const response = await requestOnce(url, current, policy, deadline);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location !== undefined) {
      response.destroy();
      if (hop >= MAX_REDIRECTS) throw fetchError(url, `more than ${MAX_REDIRECTS} redirects`, undefined, false);
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw fetchError(url, 'a redirect to an invalid URL', undefined, false);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw fetchError(url, `a redirect to a ${next.protocol} URL (only http and https are fetched)`, undefined, false);
      current = next.href;
      continue;
    }
    try {
      if (status < 200 || status >= 300) throw fetchError(url, `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`);
      const contentType = String(response.headers['content-type'] ?? '');
      if (BINARY_TYPES.test(contentType)) throw unsupportedInput(`${url}: binary content (${contentType.split(';')[0]}), expected text, HTML, a feed or JSON`);
      const declared = Number(response.headers['content-length']);
      const encoding = String(response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
      if (encoding === 'identity' && Number.isFinite(declared) && declared > policy.maxBytes) throw tooLarge(url, policy.maxBytes, declared);
      const body = await readBody(url, response, encoding, policy.maxBytes, deadline);
      return { url: current, contentType, body };
    } finally {
      response.destroy();
    }
  }
}

/** One request, resolved with the response head; the socket's address is checked by the guarded lookup. */
function requestOnce(origin: string, target: string, policy: FetchPolicy, deadline: number): Promise<IncomingMessage> {
  const u = new URL(target);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowPrivate && isIP(host) !== 0) {
    // A literal address never reaches the lookup: checked here.
    const range = allowedAddress(policy, host) ? null : specialRange(host);
    if (range !== null) return Promise.reject(refused(origin, host, range));
  }
  const client = u.protocol === 'https:' ? https : http;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(fetchError(origin, NO_ANSWER));
    const req = client.request(
      u,
      {
        method: 'GET',
        lookup: guardedLookup(policy, origin),
        headers: { 'user-agent': USER_AGENT, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' },
        // No keep-alive pool: each fetch owns its sockets, closed when it ends.
        agent: false,
      },
      (res) => {
        clearTimeout(timer);
        resolve(res);
      },
    );
    const timer = setTimeout(() => req.destroy(new Error('timed out')), remaining);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(asFetchError(origin, error));
    });
    req.end();
  });
}

/** What a failed connection tells the client: a policy refusal or a missing host by name, anything else as "no answer". */
function asFetchError(origin: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return fetchError(origin, 'host not found', error);
  if (typeof code === 'string' && /^ERR_TLS|CERT|SSL/.test(code)) return fetchError(origin, 'the TLS connection could not be verified', error, false);
  return fetchError(origin, NO_ANSWER, error);
}

/** Reads the body, decoded, up to maxBytes, before the deadline. */
async function readBody(origin: string, response: IncomingMessage, encoding: string, maxBytes: number, deadline: number): Promise<Buffer> {
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip()
    : encoding === 'deflate' ? createInflate()
    : encoding === 'br' ? createBrotliDecompress()
    : encoding === 'identity' ? null
    : undefined;
  if (decoder === undefined) throw unsupportedInput(`${origin}: the page is sent with a content encoding this server does not read (${encoding})`);
  const stream: NodeJS.ReadableStream = decoder ? response.pipe(decoder) : response;
  response.on('error', (e) => decoder?.destroy(e));
  const timer = setTimeout(() => {
    const e = new Error('timed out');
    response.destroy(e);
    decoder?.destroy(e);
  }, Math.max(0, deadline - Date.now()));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
      total += buf.length;
      if (total > maxBytes) throw streamTooLarge(origin, maxBytes);
      chunks.push(buf);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^(Z_|ERR_BROTLI|ERR__)/.test(code)) throw fetchError(origin, `the body does not decode as its content encoding (${encoding}) says`, error, false);
    throw fetchError(origin, NO_ANSWER, error);
  } finally {
    clearTimeout(timer);
    decoder?.destroy();
  }
  return Buffer.concat(chunks);
}
