import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { ensureClientBuild } from '../../client/build.js';
import { loadConfig } from '../../server/config.js';
import { openStore } from '../../server/graph/index.js';
import type { GraphStore } from '../../server/graph/types.js';
import { readInputs } from '../../server/ingest/index.js';
import { startServer, type RunningServer } from '../../server/main.js';
import { ingestInputs } from '../../server/pipeline/index.js';

/**
 * The browser-test harness: the real server on port 0 over a real in-memory
 * store seeded through the real pipeline, the built client, and Debian's
 * chromium driven by playwright-core (never a downloaded browser).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const ROOT = new URL('../../', import.meta.url).pathname;
export const SEED = join(ROOT, 'test/fixtures/seed-page.txt');
export const SCREENSHOTS = join(ROOT, '.tmp/screenshots');
export const hasChromium = existsSync(CHROMIUM);

export interface Ui {
  server: RunningServer;
  store: GraphStore;
  browser: Browser;
  close(): Promise<void>;
}

/** `token`: the server requires it for writes (CLAIMGRAPH_TOKEN), as a deployment open to a network does. */
export async function startUi(opts: { token?: string } = {}): Promise<Ui> {
  const clientDir = await ensureClientBuild();
  const store = await openStore({ backend: 'embedded', path: null });
  await ingestInputs(store, readInputs([SEED], { retrievedAt: '2025-08-21T12:00:00Z' }));
  const env = opts.token ? { CLAIMGRAPH_PORT: '0', CLAIMGRAPH_TOKEN: opts.token } : { CLAIMGRAPH_PORT: '0' };
  const server = await startServer({ store, config: loadConfig(env), clientDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    store,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await store.close();
    },
  };
}

/** What went wrong on a page: uncaught errors, console errors, CSP violations, dialogs. */
export interface PageProblems {
  errors: string[];
  csp: string[];
  dialogs: string[];
}

/**
 * Closes a test's page and fails the test if it threw, logged an error,
 * violated the Content-Security-Policy or opened a dialog; `ignoreErrors`
 * lets through console errors a test provoked on purpose (HTTP 4xx answers).
 */
export async function closeCleanly(page: Page | undefined, problems: () => Promise<PageProblems>, ignoreErrors?: RegExp): Promise<void> {
  if (!page) return;
  const p = await problems();
  await page.close();
  expect(p.csp, 'CSP violations').toEqual([]);
  expect(p.dialogs, 'dialogs').toEqual([]);
  expect(ignoreErrors ? p.errors.filter((e) => !ignoreErrors.test(e)) : p.errors, 'page errors').toEqual([]);
}

// A string, not a function: the test transform may add helpers that do not exist in the page.
const RECORD_CSP = `window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });`;

/** A 1280x800 page that records problems; `problems()` includes CSP violations seen by the page. */
export async function newPage(ui: Ui): Promise<{ page: Page; problems: () => Promise<PageProblems> }> {
  const page = await ui.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(RECORD_CSP);
  return {
    page,
    problems: async () => ({ errors, dialogs, csp: page.isClosed() ? [] : await page.evaluate<string[]>('window.__csp || []') }),
  };
}

/** Opens a hash route and waits for the view to finish loading. */
export async function openView(ui: Ui, page: Page, hash: string): Promise<void> {
  await page.goto(`${ui.server.url}/${hash}`);
  await page.waitForSelector('main[data-ready="true"]', { timeout: 20_000 });
}

/** What a browser test file gets from browserSuite(): the running UI and each test's fresh page. */
export interface BrowserSuite {
  /** The server, store and browser of this describe block (set once its beforeAll ran). */
  readonly ui: Ui;
  /** The page of the running test (set by `fresh`). */
  readonly page: Page;
  /**
   * A new page for this test, closed after it; the test then fails if the page threw, logged an error,
   * violated the Content-Security-Policy or opened a dialog. `allowErrors` lets through console errors the
   * test provokes on purpose (chromium logs every non-2xx answer as one).
   */
  fresh(opts?: { allowErrors?: RegExp }): Promise<Page>;
  /** Opens a hash route on the current page and waits for the view to be ready. */
  open(hash: string): Promise<void>;
  /** GET (or POST `body`) on the server through the page's request context; fails the test on a non-2xx answer. */
  api<T>(path: string, body?: unknown): Promise<T>;
  /** A screenshot of the viewport to .tmp/screenshots/<name>.png (for people, never compared). */
  shot(name: string): Promise<void>;
}

/** Browser answers that are 4xx: what a test that provokes client errors on purpose lets through. */
export const HTTP_4XX = /Failed to load resource: the server responded with a status of 4\d\d/;

/**
 * The scaffolding every browser test file repeats: call it inside `describe`.
 * Fails (rather than skips) without Debian's chromium; starts the UI before
 * the block (`token`: the server requires it for writes; `setup` adds data),
 * closes it after; each test's page is checked and closed after the test.
 */
export function browserSuite(opts: { token?: string; setup?: (ui: Ui) => Promise<void>; setupTimeoutMs?: number } = {}): BrowserSuite {
  // Without Debian's chromium the tests fail with this message rather than skip (a skipped suite would hide
  // the UI going untested) or download a browser of their own; .ci/run installs it.
  if (!hasChromium) throw new Error('browser tests need /usr/bin/chromium: apt-get install chromium (.ci/run does)');
  let ui: Ui | undefined;
  let page: Page | undefined;
  let problems: () => Promise<PageProblems> = async () => ({ errors: [], csp: [], dialogs: [] });
  let allowErrors: RegExp | undefined;
  beforeAll(async () => {
    ui = await startUi({ token: opts.token });
    await opts.setup?.(ui);
  }, opts.setupTimeoutMs ?? 120_000);
  afterAll(async () => {
    await ui?.close();
  });
  afterEach(async () => {
    const p = page;
    page = undefined;
    await closeCleanly(p, problems, allowErrors);
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`browserSuite: no ${what} yet (${what === 'page' ? 'call fresh() first' : 'used before beforeAll ran'})`);
    return value;
  };
  const suite: BrowserSuite = {
    get ui() {
      return need(ui, 'ui');
    },
    get page() {
      return need(page, 'page');
    },
    async fresh(o = {}) {
      allowErrors = o.allowErrors;
      ({ page, problems } = await newPage(suite.ui));
      return page;
    },
    open: (hash) => openView(suite.ui, suite.page, hash),
    async api<T>(path: string, body?: unknown): Promise<T> {
      const url = `${suite.ui.server.url}${path}`;
      const res = body === undefined ? await suite.page.request.get(url) : await suite.page.request.post(url, { data: body as object });
      expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
      return (await res.json()) as T;
    },
    async shot(name) {
      await suite.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
    },
  };
  return suite;
}
