import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, HTTP_4XX } from './harness.js';

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

  // Issue 18: the console shows EXPLAIN's plan, names a silent difference of the embedded engine, and explains a
  // construct the engine lacks instead of failing blind.
  test('EXPLAIN shows the plan, a silent difference a notice, and an unsupported construct is explained', async () => {
    // The explained query is answered 400, which chromium logs as a console error: this test provokes it.
    page = await b.fresh({ allowErrors: HTTP_4XX });
    const run = async (query: string) => {
      await b.open(`#/console?q=${encodeURIComponent(query)}`);
      const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cypher');
      await page.getByRole('button', { name: /^Run/ }).click();
      await answered;
    };
    await run('EXPLAIN MATCH (a:Article) RETURN count(a) AS n');
    await expect.poll(() => page.locator('.query-plan').count()).toBe(1);
    expect(await page.locator('.query-plan').innerText()).toMatch(/Article/);

    await run("RETURN 1 = '1' AS eq");
    await expect.poll(() => page.locator('.query-notice').count()).toBe(1);
    expect(await page.locator('.query-notice').innerText()).toMatch(/comparing a number with a string/);

    await run("RETURN duration.between(date('2024-01-01'), date('2024-03-15')) AS d");
    await expect.poll(() => page.locator('.query-errors').innerText()).toMatch(/valid Neo4j Cypher that the embedded store does not support: duration\.between/);
  });
});
