import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ingestOpposed } from '../utils/contradiction-fixtures.js';
import { browserSuite, SCREENSHOTS } from './harness.js';

/**
 * Issue 6 in the browser: contradiction candidates listed as candidates to
 * review, and merging and splitting actors from the actor page (decisions
 * stored through the API). The seed page plus two opposed reports
 * (test/utils/contradiction-fixtures.ts).
 */
describe('review: contradiction candidates and actor merge and split (real server, headless chromium)', () => {
  const b = browserSuite({ setup: (ui) => ingestOpposed(b.ui.store) });
  let page: Page;
  const actorId = async (q: string): Promise<string> => {
    const res = await fetch(`${b.ui.server.url}/api/actors?q=${encodeURIComponent(q)}`);
    const items = ((await res.json()) as { items: Array<{ id: string; name: string }> }).items;
    expect(items.length, `an actor matching ${q}`).toBe(1);
    return items[0]!.id;
  };

  const fresh = async () => {
    page = await b.fresh();
  };

  test('the contradictions page lists the opposed pair as a candidate to review, with both statements and the reason', async () => {
    await fresh();
    await b.open('#/contradictions');
    await expect.poll(() => page.locator('.contradiction').count()).toBe(1);
    expect(await page.locator('.notice').innerText()).toContain('Candidates to review, not established contradictions');
    const item = page.locator('.contradiction').first();
    const text = await item.innerText();
    expect(text).toContain('Ukraine will not accept the ceasefire proposal for the eastern regions');
    expect(text).toContain('Ukraine will accept the ceasefire proposal for the eastern regions');
    expect(text).toContain('Dmitry Peskov');
    expect(text).toContain('Andrii Sybiha');
    expect(text).toContain('opposite polarity ("not"); different speakers about the same subject');
    // Each statement links to its article with the sentence selected.
    const links = await item.locator('.meta a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(2);
    for (const l of links) expect(l).toMatch(/^#\/article\/art_[^?]+\?s=stm_/);
    expect(await page.locator('nav a[data-view="contradictions"]').getAttribute('aria-current')).toBe('page');
    await page.screenshot({ path: join(SCREENSHOTS, 'contradictions.png'), fullPage: false });
  });

  test('merging an actor into another on the actor page, then splitting it off, is stored and undone', async () => {
    const sybiha = await actorId('Sybiha');
    const peskov = await actorId('Peskov');
    await fresh();
    await b.open(`#/actor/${sybiha}`);
    await page.getByLabel('Find an actor to merge into this one').fill('Peskov');
    await page.getByRole('button', { name: 'Find' }).click();
    const merge = page.locator(`button[data-merge="${peskov}"]`);
    await merge.waitFor();
    expect(await merge.innerText()).toBe('Merge into Andrii Sybiha');
    await merge.click();
    // The page mounts again: Peskov is now merged into Sybiha, with a button to split him off.
    const split = page.locator(`button[data-split="${peskov}"]`);
    await split.waitFor();
    expect(await page.locator('.merged-members').innerText()).toContain('Dmitry Peskov');
    expect(await page.locator('.merge-decisions').innerText()).toContain('Dmitry Peskov merged into Andrii Sybiha');
    const merged = (await (await fetch(`${b.ui.server.url}/api/actors/${peskov}`)).json()) as { requestedId: string; actor: { id: string; mergedFrom: Array<{ id: string }> } };
    expect(merged).toMatchObject({ requestedId: peskov, actor: { id: sybiha, mergedFrom: [{ id: peskov }] } });
    await page.screenshot({ path: join(SCREENSHOTS, 'actor-identity.png'), fullPage: true });

    await split.click();
    await page.getByText('No other actor is merged into this one.').waitFor();
    expect(await page.locator('.merge-decisions').innerText()).toMatch(/split on/);
    const apart = (await (await fetch(`${b.ui.server.url}/api/actors/${peskov}`)).json()) as { actor: { id: string } };
    expect(apart.actor.id).toBe(peskov);
  });
});

describe('a server that requires an API token for writes (CLAIMGRAPH_TOKEN)', () => {
  const TOKEN = 'browser-test-token-1234';
  const b = browserSuite({ token: TOKEN });
  let page: Page;

  test('a console query refused for want of the token asks for it, runs once it is given, and the token is kept for the tab only', async () => {
    // The refused request itself logs a 401 in the console; nothing else may.
    page = await b.fresh({ allowErrors: /Failed to load resource: the server responded with a status of 401/ });
    await b.open(`#/console?q=${encodeURIComponent('MATCH (a:Article) RETURN count(a) AS n')}`);
    await page.getByRole('button', { name: /^Run/ }).click();
    const form = page.locator('.token-form');
    await form.waitFor();
    expect(await page.locator('.error').first().innerText()).toContain('UNAUTHORIZED');
    await page.getByLabel('API token').fill(TOKEN);
    await page.getByRole('button', { name: 'Use token' }).click();
    // The query runs again with the token: the seed page's four articles.
    await expect.poll(() => page.locator('table td').first().innerText().catch(() => '')).toBe('4');
    expect(await page.locator('.token-form').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('claimgraph-token'))).toBe(TOKEN);
    // Nothing kept beyond the tab holds the token (the console's query history is in localStorage, the token never).
    expect(await page.evaluate((t) => Object.keys(localStorage).filter((k) => /token/i.test(k) || (localStorage.getItem(k) ?? '').includes(t)), TOKEN)).toEqual([]);
    expect(page.url()).not.toContain(TOKEN);
  });
});
