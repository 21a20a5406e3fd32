import { describe, expect, test } from 'vitest';
import type { ArticleGraph } from '../../server/graph/types.js';
import { sourceId, stableId } from '../../server/ids.js';
import { actor, statement } from '../utils/graph-fixtures.js';
import { browserSuite } from './harness.js';

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
  // The store: the seed page and 1,000 articles of 10 statements.
  const b = browserSuite({
    setup: async (ui) => {
      for (let n = 0; n < ARTICLES; n++) await ui.store.writeArticle(graphOf(n));
    },
    setupTimeoutMs: 300_000,
  });

  test('the store holds more than 10,000 statements and Ada Quill said a third of them', async () => {
    const stats = (await (await fetch(`${b.ui.server.url}/api/stats`)).json()) as { statements: number };
    expect(stats.statements).toBeGreaterThanOrEqual(ARTICLES * PER_ARTICLE);
    const actor = (await (await fetch(`${b.ui.server.url}/api/actors/${speakers[0]!.id}?statements=0`)).json()) as { actor: { said: number } };
    expect(actor.actor.said).toBe(Math.ceil((ARTICLES * PER_ARTICLE) / 3));
  });

  test('the most active actor\'s page is under three screens tall, and its statements page and filter', async () => {
    const page = await b.fresh();
    await page.setViewportSize(VIEWPORT);
    await b.open(`#/actor/${speakers[0]!.id}`);
    const said = page.locator('.actor-said');
    await expect.poll(() => said.locator('.paged-status').textContent()).toBe('1–10 of 3,334');
    expect(await said.locator('.statement').count()).toBe(10);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(3 * VIEWPORT.height);

    // Next page, then back.
    await said.locator('.paged-next').click();
    await expect.poll(() => said.locator('.paged-status').textContent()).toBe('11–20 of 3,334');
    await said.locator('.paged-prev').click();
    await expect.poll(() => said.locator('.paged-status').textContent()).toBe('1–10 of 3,334');

    // Filter: Ada Quill's ferry statements are those with i % 100 == 0 and i % 3 == 0, i.e. i % 300 == 0: 34 of 10,000.
    await said.locator('.paged-filter').fill('ferry');
    await said.locator('.paged-filter').press('Enter');
    await expect.poll(() => said.locator('.paged-status').textContent()).toBe('1–10 of 34');
    for (const text of await said.locator('.statement blockquote').allTextContents()) expect(text).toContain('ferry');

    // Oldest first, then the statements about the Harbour Authority on its own page: every statement is about it.
    await said.locator('.paged-order').selectOption('asc');
    await expect.poll(() => said.locator('.paged-status').textContent()).toBe('1–10 of 34');
    await b.open(`#/actor/${target.id}`);
    await expect.poll(() => page.locator('.actor-about .paged-status').textContent()).toBe('1–10 of 10,000');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3 * VIEWPORT.height);
  }, 120_000);

  test('the article list and search results page and filter on the server', async () => {
    const page = await b.fresh();
    await page.setViewportSize(VIEWPORT);
    const stats = (await (await fetch(`${b.ui.server.url}/api/stats`)).json()) as { articles: number };
    await b.open('#/article');
    await expect.poll(() => page.locator('.paged-status').textContent()).toBe(`1–25 of ${stats.articles.toLocaleString('en')}`);
    await page.locator('.paged-next').click();
    await expect.poll(() => page.locator('.paged-status').textContent()).toBe(`26–50 of ${stats.articles.toLocaleString('en')}`);
    // "Harbour report 99" and "Harbour report 990" to "…999": eleven titles.
    await page.locator('.paged-filter').fill('report 99');
    await page.locator('.paged-filter').press('Enter');
    await expect.poll(() => page.locator('.paged-status').textContent()).toBe('1–11 of 11');

    // Search: one statement in 100 mentions the ferry, 100 in all, ten a page.
    await b.open('#/search?q=ferry');
    await expect.poll(() => page.locator('.paged-status').textContent()).toBe('1–10 of 100');
    await page.locator('.paged-next').click();
    await expect.poll(() => page.locator('.paged-status').textContent()).toBe('11–20 of 100');
    for (const text of await page.locator('.statement blockquote').allTextContents()) expect(text).toContain('ferry');
  }, 120_000);

  // The scale store's statement days: article n is dated month 1 + n % 12, day 1 + n % 28 of 2025 (graphOf).
  const fixtureDays = [...new Set(Array.from({ length: ARTICLES }, (_, n) => `2025-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`))];
  /** The Monday that starts `day`'s week (the API's week buckets start on Mondays). */
  const monday = (day: string) => {
    const t = new Date(`${day}T00:00:00Z`);
    return new Date(+t - ((t.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  };

  test('the timeline of 10,000 statements is drawn as weekly counts, and a week clicked loads its statements one by one', async () => {
    const page = await b.fresh();
    await page.setViewportSize(VIEWPORT);
    await b.open('#/timeline');
    const status = page.locator('main .status').first();
    await expect.poll(() => status.textContent()).toMatch(/^\d+ statements: too many to draw one by one, shown as counts per period\. Click a period to load its statements\./);
    // Ten thousand from the articles above, and the seed page's dated statements.
    expect(Number(/^(\d+)/.exec((await status.textContent())!)![1])).toBeGreaterThanOrEqual(ARTICLES * PER_ARTICLE);
    // The whole of 2025 spans more than three months: one mark per week, none for a single statement.
    const marks = await page.locator('.cg-timeline g.mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    expect(marks.filter((id) => !id.startsWith('bucket:'))).toEqual([]);
    expect(marks).toEqual(expect.arrayContaining([...new Set(fixtureDays.map(monday))].map((w) => `bucket:${w}`)));

    // The week of Monday 30 December 2024 holds 1 and 5 January: month 1 with day 1 is n % 84 == 0, with day 5 n % 84 == 60;
    // both residues occur 12 times in 0..999, so 24 articles of 10 statements.
    const week = page.locator('.cg-timeline g.mark[data-id="bucket:2024-12-30"]');
    await week.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/^240 statements\./);
    await expect.poll(() => page.locator('.cg-timeline').getAttribute('data-marks')).toBe('240');
    const loaded = await page.locator('.cg-timeline g.mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    expect(loaded.filter((id) => id.startsWith('bucket:'))).toEqual([]);
  }, 120_000);

  test.each([
    // Fewer than the chart's 1,500-mark limit: every statement is its own mark.
    { n: 1000, marks: '1000', binned: false },
    // More: the full view aggregates them into bins, which split back into marks when zoomed in.
    { n: 3000, marks: '0', binned: true },
  ])('the timeline demo with $n synthetic statements and 40 events draws them (marks or bins) and its event band', async ({ n, marks, binned }) => {
    const page = await b.fresh();
    await page.setViewportSize(VIEWPORT);
    await page.goto(`${b.ui.server.url}/?demo=timeline&n=${n}&ev=40`);
    await page.waitForSelector('.cg-timeline[data-ready="true"]', { timeout: 20_000 });
    await expect(page.locator('h1').textContent()).resolves.toBe(`Demo: timeline with ${n} synthetic statements`);
    const chart = page.locator('.cg-timeline');
    await expect.poll(() => chart.getAttribute('data-marks')).toBe(marks);
    // Every synthetic event starts within the statements' 600 days: all 40 are in the band at the full view.
    expect(await chart.getAttribute('data-band')).toBe('40');
    if (!binned) {
      expect(await chart.getAttribute('data-bins')).toBe('0');
      return;
    }
    expect(Number(await chart.getAttribute('data-bins'))).toBeGreaterThan(0);
    // Zoomed in 16 times: about 190 of the 3,000 statements in view, under the limit, so drawn one by one.
    await chart.locator('.zoom-surface').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('+');
    await expect.poll(async () => Number(await chart.getAttribute('data-marks'))).toBeGreaterThan(0);
    expect(Number(await chart.getAttribute('data-marks'))).toBeLessThanOrEqual(1500);
    expect(await chart.getAttribute('data-bins')).toBe('0');
  }, 60_000);
});
