import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './harness.js';

/**
 * Republication in the browser: the same text from two outlets shows on the
 * claim page as two reports, each with its outlet, speaker and article, the
 * copy marked as republishing the first; the copy's article page says so.
 */
const TEXT =
  'Ferry service to Marlow Island suspended\n\n' +
  '"The pier is not safe for passengers until the storm damage is repaired," Ines Falk said on Monday. ' +
  'The operator said repairs would take at least three weeks. Islanders who commute to the mainland will be offered places on a ' +
  'smaller boat that can land at the fishing harbour, and the council plans to publish a timetable for it by Wednesday evening.';

describe('republication on the claim and article pages (real server, headless chromium)', () => {
  const b = browserSuite();
  let page: Page;
  const ids: string[] = [];
  beforeAll(async () => {
    for (const source of ['Island Courier', 'Coast Wire']) {
      const res = await fetch(`${b.ui.server.url}/api/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ records: [{ text: TEXT, publishedAt: source === 'Island Courier' ? '2026-02-09' : '2026-02-10', source }] }),
      });
      ids.push(((await res.json()) as { articles: { id: string }[] }).articles[0]!.id);
    }
  }, 120_000);

  test('the claim page lists each report with its outlet and speaker, and marks the copy', async () => {
    page = await b.fresh();
    const claims = (await (await fetch(`${b.ui.server.url}/api/claims?q=${encodeURIComponent('pier is not safe')}`)).json()) as { items: { id: string }[] };
    expect(claims.items).toHaveLength(1);
    await b.open(`#/claim/${claims.items[0]!.id}`);
    const rows = page.locator('.reports-table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(cells.map((c) => c[0]).sort()).toEqual(['Coast Wire', 'Island Courier']);
    for (const c of cells) expect(c[3]).toBe('Ines Falk');
    const copyRow = cells.find((c) => c[0] === 'Coast Wire')!;
    expect(copyRow[5]).toBe('republishes Ferry service to Marlow Island suspended');
    expect(cells.find((c) => c[0] === 'Island Courier')![5]).toBe('');
  });

  test('the copy\'s article page names the article it republishes, and the first names its copy', async () => {
    page = await b.fresh();
    await b.open(`#/article/${ids[1]}`);
    expect(await page.locator('.republication').textContent()).toContain('Republishes Ferry service to Marlow Island suspended (Island Courier)');
    await b.open(`#/article/${ids[0]}`);
    expect(await page.locator('.republication').textContent()).toContain('Republished by 1 other article: Ferry service to Marlow Island suspended (Coast Wire)');
  });
});
