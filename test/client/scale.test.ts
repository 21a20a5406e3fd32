import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ArticleGraph } from '../../server/graph/types.js';
import { sourceId, stableId } from '../../server/ids.js';
import { actor, statement } from '../utils/graph-fixtures.js';
import { closeCleanly, hasChromium, newPage, openView, startUi, type PageProblems, type Ui } from './harness.js';

/** A deadline guard for polled conditions (not a measure): a slow, busy machine still gets there. */
const POLL = { timeout: 30_000 };

if (!hasChromium) throw new Error('browser tests need /usr/bin/chromium: apt-get install chromium (.ci/run does)');

/**
 * The actor page at real scale: on a store of more than 10,000 statements the
 * most active actor's page stays under three screens tall (statements are
 * paged on the server), and its lists page and filter.
 */
const ARTICLES = 1000;
const PER_ARTICLE = 10;
const VIEWPORT = { width: 1440, height: 900 };

// 40 speakers; one of them ("Ada Quill") says every third statement, the rest share the others.
const speakers = Array.from({ length: 40 }, (_, i) => actor(i === 0 ? 'Ada Quill' : `Speaker Number${i}`));
const target = actor('Harbour Authority', 'organization');

function graphOf(n: number): ArticleGraph {
  const articleId = stableId('art', `scale ${n}`);
  const day = `2025-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
  const statements = Array.from({ length: PER_ARTICLE }, (_, k) => {
    const i = n * PER_ARTICLE + k;
    const who = i % 3 === 0 ? speakers[0]! : speakers[1 + (i % (speakers.length - 1))]!;
    // One statement in 100 mentions the ferry: the filter's needle.
    const content = i % 100 === 0 ? `the ferry timetable changes in week ${i}` : `the harbour budget item ${i} is approved`;
    return statement(articleId, 10 + k * 100, 10 + k * 100 + content.length, {
      content, quote: content, cueClass: 'say', speakerId: who.id, speakerMention: who.name, aboutIds: [target.id], saidAt: day,
    });
  });
  const used = [...new Map([target, ...statements.map((s) => speakers.find((a) => a.id === s.speakerId)!)].map((a) => [a.id, a])).values()];
  return {
    source: { id: sourceId('Harbour Gazette'), name: 'Harbour Gazette', domain: null },
    article: {
      id: articleId, url: null, title: `Harbour report ${n}`, publishedAt: `${day}T08:00:00.000Z`, publishedAtPrecision: 'day',
      retrievedAt: '2026-01-01T00:00:00.000Z', contentHash: stableId('sha', `scale ${n}`), language: 'en', text: 'x'.repeat(10 + PER_ARTICLE * 100),
    },
    actors: used,
    statements,
    mentions: used.map((a) => a.id),
  };
}

describe('the actor page on a store of 10,000 statements (real server, headless chromium)', () => {
  let ui: Ui;
  let page: Page;
  let problems: () => Promise<PageProblems>;
  beforeAll(async () => {
    ui = await startUi();
    for (let n = 0; n < ARTICLES; n++) await ui.store.writeArticle(graphOf(n));
  }, 300_000);
  afterAll(async () => {
    await ui?.close();
  });
  afterEach(() => closeCleanly(page, problems));

  test('the store holds more than 10,000 statements and Ada Quill said a third of them', async () => {
    const stats = (await (await fetch(`${ui.server.url}/api/stats`)).json()) as { statements: number };
    expect(stats.statements).toBeGreaterThanOrEqual(ARTICLES * PER_ARTICLE);
    const actor = (await (await fetch(`${ui.server.url}/api/actors/${speakers[0]!.id}?statements=0`)).json()) as { actor: { said: number } };
    expect(actor.actor.said).toBe(Math.ceil((ARTICLES * PER_ARTICLE) / 3));
  });

  test('the most active actor\'s page is under three screens tall, and its statements page and filter', async () => {
    ({ page, problems } = await newPage(ui));
    await page.setViewportSize(VIEWPORT);
    await openView(ui, page, `#/actor/${speakers[0]!.id}`);
    const said = page.locator('.actor-said');
    await expect.poll(() => said.locator('.paged-status').textContent(), POLL).toBe('1–10 of 3,334');
    expect(await said.locator('.statement').count()).toBe(10);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(3 * VIEWPORT.height);

    // Next page, then back.
    await said.locator('.paged-next').click();
    await expect.poll(() => said.locator('.paged-status').textContent(), POLL).toBe('11–20 of 3,334');
    await said.locator('.paged-prev').click();
    await expect.poll(() => said.locator('.paged-status').textContent(), POLL).toBe('1–10 of 3,334');

    // Filter: Ada Quill's ferry statements are those with i % 100 == 0 and i % 3 == 0, i.e. i % 300 == 0: 34 of 10,000.
    await said.locator('.paged-filter').fill('ferry');
    await said.locator('.paged-filter').press('Enter');
    await expect.poll(() => said.locator('.paged-status').textContent(), POLL).toBe('1–10 of 34');
    for (const text of await said.locator('.statement blockquote').allTextContents()) expect(text).toContain('ferry');

    // Oldest first, then the statements about the Harbour Authority on its own page: every statement is about it.
    await said.locator('.paged-order').selectOption('asc');
    await expect.poll(() => said.locator('.paged-status').textContent(), POLL).toBe('1–10 of 34');
    await openView(ui, page, `#/actor/${target.id}`);
    await expect.poll(() => page.locator('.actor-about .paged-status').textContent(), POLL).toBe('1–10 of 10,000');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3 * VIEWPORT.height);
  }, 120_000);

  test('the article list and search results page and filter on the server', async () => {
    ({ page, problems } = await newPage(ui));
    await page.setViewportSize(VIEWPORT);
    const stats = (await (await fetch(`${ui.server.url}/api/stats`)).json()) as { articles: number };
    await openView(ui, page, '#/article');
    await expect.poll(() => page.locator('.paged-status').textContent(), POLL).toBe(`1–25 of ${stats.articles.toLocaleString('en')}`);
    await page.locator('.paged-next').click();
    await expect.poll(() => page.locator('.paged-status').textContent(), POLL).toBe(`26–50 of ${stats.articles.toLocaleString('en')}`);
    // "Harbour report 99" and "Harbour report 990" to "…999": eleven titles.
    await page.locator('.paged-filter').fill('report 99');
    await page.locator('.paged-filter').press('Enter');
    await expect.poll(() => page.locator('.paged-status').textContent(), POLL).toBe('1–11 of 11');

    // Search: one statement in 100 mentions the ferry, 100 in all, ten a page.
    await openView(ui, page, '#/search?q=ferry');
    await expect.poll(() => page.locator('.paged-status').textContent(), POLL).toBe('1–10 of 100');
    await page.locator('.paged-next').click();
    await expect.poll(() => page.locator('.paged-status').textContent(), POLL).toBe('11–20 of 100');
    for (const text of await page.locator('.statement blockquote').allTextContents()) expect(text).toContain('ferry');
  }, 120_000);
});
