import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
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
// It also asks the charts for their test probes (client/charts/probe.ts): `el.__probe`.
const RECORD_CSP = `window.__csp = []; window.__claimgraphProbes = true;
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
