import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './harness.js';

/**
 * Issue 14, defect 6: any web page can send the user's browser to
 * `#/console?q=...`; the console used to run that query on load (a page on
 * another origin crashed the store that way). A link now only fills the
 * editor; the query runs when the user presses Run.
 */
describe('console link (real server, headless chromium)', () => {
  const b = browserSuite();
  let page: Page;

  test('when the page is opened from a link carrying a query, then the editor holds it, nothing is sent, and it runs only when Run is pressed', async () => {
    const query = 'MATCH (a:Article) RETURN a.title AS title';
    page = await b.fresh();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/cypher') sent.push(r.postData() ?? '');
    });
    await b.open(`#/console?q=${encodeURIComponent(query)}`);
    expect(await page.locator('#cypher-input').inputValue()).toBe(query);
    expect(await page.locator('[role=status]').innerText()).toContain('press Run');
    expect(await page.locator('.result-table').count()).toBe(0);

    // The user's own action: exactly one query is sent, after the click. Had the link run it on load,
    // that request was made while the view mounted, before the click, and would be counted here too.
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cypher');
    await page.getByRole('button', { name: /^Run/ }).click();
    await answered;
    await expect.poll(() => page.locator('[role=status]').innerText()).toMatch(/rows? in/);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!)).toMatchObject({ query });
    // The seed page's four articles.
    expect(await page.locator('.result-table tbody tr').count()).toBe(4);
  });
});
