import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ArticleDetail, IngestResponse, TimelineResponse } from '../../server/api/schemas.js';
import { browserSuite, HTTP_4XX } from './harness.js';

describe('browser UI (real server, seeded store, headless chromium)', () => {
  const b = browserSuite();
  let page: Page;
  // Every test gets a fresh page; afterwards nothing may have thrown, logged an error, violated the server's
  // Content-Security-Policy or opened a dialog. Chromium logs every non-2xx response as a console error; a test
  // that provokes one says so.
  const fresh = async (opts: { allowHttpErrors?: boolean } = {}) => {
    page = await b.fresh({ allowErrors: opts.allowHttpErrors ? HTTP_4XX : undefined });
  };
  const shot = (name: string) => b.shot(name);
  const api = <T>(path: string, init?: { method: string; body: unknown }): Promise<T> => b.api<T>(path, init?.body);
  const noHorizontalScroll = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

  describe('timeline', () => {
    test('when opened, then statements are drawn as marks in lanes with a cue legend', async () => {
      await fresh();
      await b.open('#/timeline');
      const marks = await page.locator('.cg-timeline g.mark').count();
      expect(marks).toBeGreaterThan(0);
      expect(await page.locator('.cg-timeline .lane-label').count()).toBeGreaterThan(0);
      await expect.poll(() => page.locator('.cg-legend .cg-legend-item').count()).toBeGreaterThan(0);
      expect(await page.locator('.cg-legend-title').first().textContent()).toBe('Cue');
      await noHorizontalScroll();
      await shot('timeline');
    });

    test('when a mark is clicked, then its article opens with the sentence highlighted', async () => {
      await fresh();
      await b.open('#/timeline');
      const ids = await page.locator('.cg-timeline g.mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      await page.locator('.cg-timeline g.mark').first().click();
      await page.waitForURL(/#\/article\/[^?]+\?s=/);
      await page.waitForSelector('main[data-ready="true"] .hl-sentence.is-selected');
      // Marks may overlap: the one on top is the one clicked; the URL names it.
      const id = new URLSearchParams(page.url().split('?')[1]).get('s');
      expect(ids).toContain(id);
      const articleId = decodeURIComponent(/#\/article\/([^?]+)/.exec(page.url())![1]!);
      const detail = await api<ArticleDetail>(`/api/articles/${encodeURIComponent(articleId)}`);
      const stmt = detail.statements.find((s) => s.id === id)!;
      expect(stmt).toBeDefined();
      const content = await page.locator(`.hl-content[data-stmt~="${id}"]`).allTextContents();
      expect(content.join('')).toBe(stmt.content);
      const selected = (await page.locator('.hl-sentence.is-selected').allTextContents()).join('');
      expect(selected).toContain(stmt.content);
      expect(page.url()).toContain(`s=${encodeURIComponent(id!)}`);
    });

    test('after a jump to a sentence, the keyboard focus is on the article title, which stays in view under the header as the page scrolls', async () => {
      await fresh();
      // A short window, so that the article scrolls.
      await page.setViewportSize({ width: 1024, height: 420 });
      await b.open('#/timeline');
      await page.locator('.cg-timeline g.mark').first().click();
      await page.waitForSelector('main[data-ready="true"] .hl-sentence.is-selected');
      // The clicked mark went with the timeline: focus is on the new view's heading, not lost to the body.
      await expect.poll(() => page.evaluate(() => document.activeElement?.className), { timeout: 20_000 }).toBe('article-title');
      const scrolled = await page.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return window.scrollY;
      });
      expect(scrolled).toBeGreaterThan(0);
      await expect.poll(() =>
        page.evaluate(() => {
          const title = document.querySelector('.article-title')!.getBoundingClientRect();
          const header = document.querySelector('.app-header')!.getBoundingClientRect();
          return title.top >= header.bottom - 1 && title.bottom <= window.innerHeight;
        }),
        { timeout: 20_000 },
      ).toBe(true);
    }, 90_000);

    test('when focused with the keyboard, then a mark opens its article with Enter', async () => {
      await fresh();
      await b.open('#/timeline');
      const mark = page.locator('.cg-timeline g.mark').first();
      const id = (await mark.getAttribute('data-id'))!;
      await mark.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/article\//);
      // The article opened is the focused mark's, with that statement selected.
      expect(new URLSearchParams(page.url().split('?')[1]).get('s')).toBe(id);
      await page.waitForSelector('.hl-sentence.is-selected');
      const content = (await page.locator(`.hl-content[data-stmt~="${id}"]`).allTextContents()).join('');
      expect(content).not.toBe('');
      expect((await page.locator('.hl-sentence.is-selected').allTextContents()).join('')).toContain(content);
    });

    test('when zoomed, then the window is in the URL and carried to the network link', async () => {
      await fresh();
      await b.open('#/timeline');
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(() => page.url(), { timeout: 5000 }).toMatch(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
      expect(await page.getByRole('link', { name: 'Network for this window' }).getAttribute('href')).toMatch(/#\/network\?from=/);
      // Opening the shared URL restores the window (and does not rewrite it).
      const url = page.url();
      const zoomed = await page.locator('.cg-timeline .axis.x').textContent();
      await page.goto('about:blank');
      await page.goto(url);
      await page.waitForSelector('main[data-ready="true"] .cg-timeline');
      // Restored: the axis shows the zoomed window again; only then is the URL checked, so a rewrite cannot slip past.
      await expect.poll(() => page.locator('.cg-timeline .axis.x').textContent()).toBe(zoomed);
      expect(page.url()).toBe(url);
      await page.getByRole('button', { name: 'Show all' }).click();
      expect(await page.locator('.cg-timeline .axis.x').textContent()).not.toBe(zoomed);
    });
  });

  describe('article page', () => {
    test('when the article list is opened, then the seed page\'s four articles are listed with source and statement count, and a title opens its article', async () => {
      await fresh();
      await b.open('#/article');
      const links = page.locator('main .plain-list li a');
      // The four titles on the seed page, read off test/fixtures/seed-page.txt by hand.
      expect((await links.allTextContents()).sort()).toEqual(
        ["Don't worry about WW3", 'Macron wants ‘boots on the ground\' in Ukraine', 'Netanyahu accuses Macron of fueling anti-Semitism', 'Trump envoy tells Alaska summit critics to shut up'].sort(),
      );
      const listed = await api<{ items: { id: string; title: string; source: string | null; statements: number }[] }>('/api/articles?limit=200');
      for (const a of listed.items) {
        const line = (await page.locator('main .plain-list li', { has: page.locator(`a[href$="${encodeURIComponent(a.id)}"]`) }).textContent())!;
        expect(line).toContain(` · ${a.source ?? 'unknown source'} · `);
        expect(line).toMatch(new RegExp(` · ${a.statements} statements$`));
      }
      await links.filter({ hasText: 'Netanyahu accuses Macron' }).click();
      await page.waitForURL(/#\/article\/art_/);
      await page.waitForSelector('main[data-ready="true"] h1.article-title');
      expect(await page.locator('h1.article-title').textContent()).toBe('Netanyahu accuses Macron of fueling anti-Semitism');
    });

    test('when the article list is sorted by title, then the server orders it and the words filter is kept', async () => {
      await fresh();
      await b.open('#/article');
      const links = page.locator('main .plain-list li a');
      await expect.poll(() => links.count()).toBe(4);
      // The seed page's four titles, case-insensitively by the alphabet (read off by hand); newest first is another order.
      const byTitle = ["Don't worry about WW3", 'Macron wants ‘boots on the ground\' in Ukraine', 'Netanyahu accuses Macron of fueling anti-Semitism', 'Trump envoy tells Alaska summit critics to shut up'];
      expect(await links.allTextContents()).not.toEqual(byTitle);
      await page.locator('.paged-order').selectOption('title');
      await expect.poll(() => links.allTextContents()).toEqual(byTitle);
      // A filter, then another order: the filter stays, the list starts again at its first page.
      await page.locator('.paged-filter').fill('macron');
      await page.locator('.paged-filter').press('Enter');
      await expect.poll(() => page.locator('.paged-status').textContent()).toBe('1–2 of 2');
      await page.locator('.paged-order').selectOption('statements');
      const counts = await api<{ items: { title: string; statements: number }[] }>('/api/articles?q=macron&sort=statements');
      await expect.poll(() => links.allTextContents()).toEqual(counts.items.map((a) => a.title));
      expect(counts.items[0]!.statements).toBeGreaterThanOrEqual(counts.items[1]!.statements);
      expect(await page.locator('.paged-status').textContent()).toBe('1–2 of 2');
    });

    test('when opened, then every statement is highlighted with its exact content, speaker and cue', async () => {
      await fresh();
      const list = await api<{ items: { id: string; statements: number }[] }>('/api/articles?limit=50');
      const target = [...list.items].sort((a, b) => b.statements - a.statements)[0]!;
      const detail = await api<ArticleDetail>(`/api/articles/${encodeURIComponent(target.id)}`);
      expect(detail.statements.length).toBeGreaterThan(0);
      await b.open(`#/article/${encodeURIComponent(target.id)}`);
      // The text on the page is the article's text, character for character.
      expect(await page.locator('.article-text').textContent()).toBe(detail.article.text);
      for (const s of detail.statements) {
        if (s.start === null || s.end === null || detail.article.text.slice(s.start, s.end) !== s.content) continue;
        const spans = await page.locator(`.hl-content[data-stmt~="${s.id}"]`).allTextContents();
        expect(spans.join(''), s.id).toBe(s.content);
      }
      expect(await page.locator('.hl-cue').count()).toBeGreaterThan(0);
      expect(await page.locator('.hl-speaker').count()).toBeGreaterThan(0);
      expect(await page.locator('.cg-legend').count()).toBeGreaterThan(0);
      await noHorizontalScroll();
      await shot('article');
    });

    test('when a statement in the side list is chosen, then its sentence is highlighted and the URL names it', async () => {
      await fresh();
      const list = await api<{ items: { id: string; statements: number }[] }>('/api/articles?limit=50');
      const target = list.items.find((a) => a.statements > 1)!;
      await b.open(`#/article/${encodeURIComponent(target.id)}`);
      const button = page.locator('.statement-button').nth(1);
      const id = (await button.getAttribute('data-id'))!;
      await button.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator(`.hl-sentence.is-selected[data-sent~="${id}"]`).count()).toBeGreaterThan(0);
      expect(page.url()).toContain(`s=${encodeURIComponent(id)}`);
    });

  });

  describe('actor network', () => {
    test('when opened, then actors are drawn on canvas with legends and a keyboard index', async () => {
      await fresh();
      await b.open('#/network');
      const net = page.locator('.cg-network');
      expect(Number(await net.getAttribute('data-nodes'))).toBeGreaterThan(1);
      expect(Number(await net.getAttribute('data-links'))).toBeGreaterThan(0);
      // Something other than the white background was painted (polled: the first frames may come later).
      const painted = () =>
        page.evaluate(() => {
          const c = document.querySelector('.cg-network canvas') as HTMLCanvasElement;
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i]! < 240 || d[i + 1]! < 240 || d[i + 2]! < 240) n++;
          return n;
        });
      await expect.poll(painted, { timeout: 10_000 }).toBeGreaterThan(200);
      expect(await page.locator('.cg-network .cg-legend').count()).toBe(2);
      await noHorizontalScroll();
      await shot('network');
      // Keyboard: an actor button opens its statements in the panel, and the URL names the actor.
      const btn = page.locator('.actor-index button').first();
      const actor = (await btn.getAttribute('data-actor'))!;
      await btn.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('.panel .statement');
      expect(page.url()).toContain(`actor=${encodeURIComponent(actor)}`);
    });

    test('when a node on the canvas is clicked, then the panel lists its statements', async () => {
      await fresh();
      await b.open('#/network');
      const id = (await page.locator('.actor-index button').first().getAttribute('data-actor'))!;
      const box = (await page.locator('.cg-network canvas').boundingBox())!;
      // The layout may still be settling: aim at the node's current position until the click lands.
      for (let attempt = 0; attempt < 8 && !page.url().includes('actor='); attempt++) {
        const pos = await page.evaluate((nodeId) => {
          const el = document.querySelector('.cg-network') as HTMLElement & { __probe: { positionOf(id: string): [number, number] | null } };
          return el.__probe.positionOf(nodeId);
        }, id);
        await page.mouse.click(box.x + pos![0], box.y + pos![1]);
        // Landed when the URL names an actor; otherwise aim again at where the node is now.
        await page.waitForURL(/actor=/, { timeout: 1000 }).catch(() => undefined);
      }
      await page.waitForSelector('.panel .statement');
      expect(page.url()).toContain('actor=');
    }, 60_000);

    test('when an edge on the canvas is clicked, then the panel lists the statements behind it', async () => {
      await fresh();
      const net = await api<{ edges: { source: string; target: string; count: number }[] }>('/api/network?limit=5000');
      const edge = [...net.edges].sort((a, b) => b.count - a.count)[0]!;
      await b.open('#/network');
      const box = (await page.locator('.cg-network canvas').boundingBox())!;
      // Aim at the middle of the edge; retry while the layout settles.
      for (let attempt = 0; attempt < 8 && !page.url().includes('edge='); attempt++) {
        const mid = await page.evaluate(([s, t]) => {
          const el = document.querySelector('.cg-network') as HTMLElement & { __probe: { positionOf(id: string): [number, number] | null } };
          const a = el.__probe.positionOf(s!)!;
          const b = el.__probe.positionOf(t!)!;
          return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        }, [edge.source, edge.target]);
        await page.mouse.click(box.x + mid[0]!, box.y + mid[1]!);
        await page.waitForURL(/edge=/, { timeout: 1000 }).catch(() => undefined);
      }
      expect(page.url()).toContain('edge=');
      await page.waitForSelector('.panel .statement');
      expect(await page.locator('.panel h2').textContent()).toContain('→');
    }, 60_000);

    test('when opened from a shared URL with filters and an actor, then both are restored', async () => {
      await fresh();
      await b.open('#/network');
      const id = (await page.locator('.actor-index button').first().getAttribute('data-actor'))!;
      await b.open(`#/network?min=1&actor=${encodeURIComponent(id)}`);
      await page.waitForSelector('.panel .statement');
      expect(await page.locator('#nf-min').inputValue()).toBe('1');
    });

    test('when the synthetic demo asks for 2,000 actors and 10,000 edges, then it draws them all on one canvas', async () => {
      await fresh();
      await page.goto(`${b.ui.server.url}/?demo=network&n=2000&e=10000`);
      await page.waitForSelector('.cg-network[data-ready]', { timeout: 30_000 });
      expect(await page.locator('.cg-network').getAttribute('data-nodes')).toBe('2000');
      expect(Number(await page.locator('.cg-network').getAttribute('data-links'))).toBeGreaterThanOrEqual(9900);
      expect(await page.locator('canvas').count()).toBe(1);
    });
  });

  describe('Cypher console', () => {
    test('when a query is run with Ctrl+Enter, then the rows show in a table and the query in the URL', async () => {
      await fresh();
      await b.open('#/console');
      const editor = page.locator('#cypher-input');
      await editor.fill('MATCH (a:Article) RETURN a.title');
      await editor.press('Control+Enter');
      await page.waitForSelector('.result-table tbody tr');
      expect(await page.locator('.result-table tbody tr').count()).toBe(4);
      await expect.poll(() => page.locator('[role=status]').allTextContents()).toContainEqual(expect.stringMatching(/^4 rows/));
      expect(new URLSearchParams(page.url().split('?')[1]).get('q')).toBe('MATCH (a:Article) RETURN a.title');
      await noHorizontalScroll();
    });

    test('when a write query is run, then the error is shown inline and nothing changes', async () => {
      await fresh({ allowHttpErrors: true });
      await b.open('#/console');
      const before = await api<{ articles: number }>('/api/stats');
      await page.locator('#cypher-input').fill("CREATE (n:Article {title: 'injected'}) RETURN n");
      await page.locator('#cypher-input').press('Control+Enter');
      await page.waitForSelector('.query-errors .error');
      expect(await page.locator('.query-errors .error').textContent()).toMatch(/\w/);
      expect(await page.locator('.result-table').count()).toBe(0);
      expect((await api<{ articles: number }>('/api/stats')).articles).toBe(before.articles);
    });

    test('when nodes and relationships come back, then they are drawn as a graph with a legend', async () => {
      await fresh();
      const q = 'MATCH (p:Actor)-[r:SAID]->(s:Statement) RETURN p, r, s LIMIT 25';
      await b.open(`#/console?q=${encodeURIComponent(q)}`);
      await page.getByRole('button', { name: /^Run/ }).click();
      await page.waitForSelector('.result-graph .cg-network');
      expect(Number(await page.locator('.result-graph .cg-network').getAttribute('data-nodes'))).toBeGreaterThan(1);
      expect(Number(await page.locator('.result-graph .cg-network').getAttribute('data-links'))).toBeGreaterThan(0);
      expect(await page.locator('.result-graph .cg-legend').count()).toBeGreaterThan(0);
      await shot('console');
    });

    test('when typing a label after a colon, then autocomplete offers it and Tab accepts it', async () => {
      await fresh();
      await b.open('#/console');
      const editor = page.locator('#cypher-input');
      await editor.fill('');
      await editor.pressSequentially('MATCH (s:Stat');
      await page.waitForSelector('.cypher-complete li');
      expect(await page.locator('.cypher-complete li').first().textContent()).toBe('Statement');
      await editor.press('Tab');
      expect(await editor.inputValue()).toBe('MATCH (s:Statement');
      // Highlighting: the keyword and the label are coloured tokens in the mirror.
      expect(await page.locator('.cypher-mirror .tok-kw').first().textContent()).toBe('MATCH');
      expect(await page.locator('.cypher-mirror .tok-label').first().textContent()).toBe('Statement');
    });

    test('when an example is chosen, then it runs', async () => {
      await fresh();
      await b.open('#/console');
      await page.getByRole('button', { name: 'Most quoted speakers' }).click();
      await page.waitForSelector('.result-table tbody tr');
      // The example's query is in the editor and the URL, and its rows are the speakers by statement count.
      const query = await page.locator('#cypher-input').inputValue();
      expect(query).toMatch(/^MATCH \(p:Actor\)-\[:SAID\]->\(s:Statement\)/);
      expect(new URLSearchParams(page.url().split('?')[1]).get('q')).toBe(query);
      const expected = await api<{ rows: Array<{ speaker: string; statements: number }> }>('/api/cypher', { method: 'POST', body: { query } });
      const shown = await page.locator('.result-table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
      expect(shown.map((cells) => cells[0])).toEqual(expected.rows.map((r) => r.speaker));
      expect(expected.rows.map((r) => r.statements)).toEqual([...expected.rows.map((r) => r.statements)].sort((a, b) => b - a));
    });
  });

  describe('ingest page', () => {
    test('when text is previewed, then the statements are highlighted before anything is saved', async () => {
      await fresh();
      await b.open('#/ingest');
      const before = await api<{ articles: number }>('/api/stats');
      await page.locator('#ingest-text').fill('"We will rebuild the bridge by spring," Mayor John Smith said on Tuesday.');
      await page.locator('#ingest-date').fill('2025-03-04');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.waitForSelector('.ingest-preview .hl-content');
      expect(await page.locator('.ingest-preview .hl-content').first().textContent()).toContain('We will rebuild the bridge by spring');
      expect((await api<{ articles: number }>('/api/stats')).articles).toBe(before.articles);
      await shot('ingest');
      await page.getByRole('button', { name: 'Save to graph' }).click();
      await page.waitForSelector('.ingest-messages .ok a');
      expect((await api<{ articles: number }>('/api/stats')).articles).toBe(before.articles + 1);
    });
  });

  describe('actor, claim and search pages', () => {
    test('when an actor is opened, then their statements and a timeline show', async () => {
      await fresh();
      const tl = await api<TimelineResponse>('/api/timeline?limit=5000');
      const speakerId = tl.mode === 'statements' ? tl.statements.find((s) => s.speakerId)?.speakerId : null;
      expect(speakerId).toBeTruthy();
      await b.open(`#/actor/${encodeURIComponent(speakerId!)}`);
      expect(await page.locator('h1').textContent()).toBeTruthy();
      expect(await page.locator('.statement').count()).toBeGreaterThan(0);
      expect(await page.locator('.cg-timeline .cg-legend').count()).toBe(1);
      await noHorizontalScroll();
      await shot('actor');
    });

    test('when the search box is used, then matching actors and statements are listed and the query is in the URL', async () => {
      await fresh();
      await b.open('#/timeline');
      await page.locator('#search-input').fill('Macron');
      await page.locator('#search-input').press('Enter');
      await page.waitForURL(/#\/search\?q=Macron/);
      await page.waitForSelector('main[data-ready="true"] .search-actors a');
      expect(await page.locator('.search-actors a').first().textContent()).toContain('Macron');
      // Statements are listed too, and each one shown is by or about Macron or mentions him.
      const statements = await page.locator('main .statement').allTextContents();
      expect(statements.length).toBeGreaterThan(0);
      for (const text of statements) expect(text).toMatch(/Macron/);
      await shot('search');
    });

    test('when a claim is opened, then its reports and propagation timeline show', async () => {
      await fresh();
      const claims = await api<{ items: { id: string }[] }>('/api/claims?limit=5');
      // The seed page carries one cross-article claim (Putin welcoming the "sincere" desire for peace).
      expect(claims.items.length).toBeGreaterThan(0);
      await b.open('#/claim');
      await page.locator('.claim-list a').first().click();
      await page.waitForURL(/#\/claim\/.+/);
      await page.waitForSelector('main[data-ready="true"] .claim-text');
      expect(await page.locator('.claim-text').textContent()).toBeTruthy();
      expect(await page.locator('.cg-timeline g.mark').count()).toBeGreaterThan(0);
      await shot('claim');
    });
  });

  describe('keyboard and layout', () => {
    test('when tabbing from the top, then the skip link, views and search are reachable in order', async () => {
      await fresh();
      await b.open('#/timeline');
      const seen: string[] = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        seen.push(await page.evaluate(() => (document.activeElement?.textContent || (document.activeElement as HTMLInputElement)?.id || '').trim()));
      }
      expect(seen[0]).toBe('Skip to content');
      for (const name of ['Timeline', 'Network', 'Articles', 'Claims', 'Console', 'Add', 'search-input']) expect(seen).toContain(name);
    });

    test('when an unknown view is asked for, then a message says so', async () => {
      await fresh();
      await page.goto(`${b.ui.server.url}/#/nope`);
      await page.waitForSelector('.error');
      expect(await page.locator('.error').textContent()).toBe('NOT_FOUND: No view called “nope”.');
      expect(await page.getByRole('link', { name: 'Go to the timeline' }).count()).toBe(1);
    });
  });

  // These write to the store, so they run after the tests that count the seed data.
  describe('hostile input', () => {
    test('when an article contains <script> and <img onerror>, then it is shown as text and nothing runs', async () => {
      await fresh({ allowHttpErrors: true }); // the test's own control image answers 404
      const hostile =
        'Attack test <script>window.__pwned = "script"; alert("script")</script> and ' +
        '<img src=x onerror="window.__pwned = \'img\'; alert(\'img\')"> end.\n' +
        '"We will never accept <b>this</b> <script>window.__pwned=1</script> deal," Foreign Minister Anna Berg said on Monday. ' +
        'Berg also warned that <img src=x onerror="window.__pwned=3"> talks could fail. ' +
        '<svg onload="window.__pwned=\'svg\'"></svg>';
      const res = await api<IngestResponse>('/api/articles', {
        method: 'POST',
        body: { text: hostile, title: 'XSS <img src=x onerror="window.__pwned=\'title\'">', source: 'Hostile <script>window.__pwned=2</script> Daily', publishedAt: '2025-08-20' },
      });
      const art = res.articles[0]!;
      await b.open(`#/article/${encodeURIComponent(art.id)}`);
      // A control: an image with a broken URL added by the test itself. Once its error event has fired, an
      // <img onerror> the page might have created from the article would have fired too.
      await page.evaluate(() => {
        const img = document.createElement('img');
        img.addEventListener('error', () => ((window as unknown as { __control?: number }).__control = 1));
        img.src = '/x-control-broken-image';
      });
      await expect.poll(() => page.evaluate(() => (window as unknown as { __control?: number }).__control)).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.locator('main script, main img, main svg[onload], main b').count()).toBe(0);
      const text = (await page.locator('.article-text').textContent())!;
      expect(text).toContain('<script>window.__pwned = "script"; alert("script")</script>');
      expect(text).toContain('<img src=x onerror=');
      expect(await page.locator('h1.article-title').textContent()).toContain('<img src=x');
      // Highlighted statements carry the markup as text as well.
      expect((await page.locator('.hl-content').allTextContents()).join('')).toContain('<script>window.__pwned=1</script>');
      // The statements list and every other view show the same data as text too.
      await b.open('#/search?q=Berg');
      await b.open('#/timeline');
      await b.open('#/console?q=' + encodeURIComponent('MATCH (a:Article) RETURN a.title, a.text'));
      await page.getByRole('button', { name: /^Run/ }).click();
      await page.waitForSelector('.result-table tbody tr');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    });
  });
});
