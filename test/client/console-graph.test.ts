import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cellText, resultCsv } from '../../client/views/console-result.js';
import { withQuery, withSaved, HISTORY_MAX } from '../../client/views/console-history.js';
import { browserSuite } from './harness.js';

/** The console's table cells, CSV and history, as pure functions. */
describe('console result helpers', () => {
  const macron = { _id: '1', _labels: ['Actor'], id: 'act_1', name: 'Emmanuel Macron', kind: 'person' };
  const statement = { _id: '2', _labels: ['Statement'], id: 'stm_1', content: 'We will stand by our partners' };
  const said = { _id: '9', _type: 'SAID', _source: '1', _target: '2' };
  test.each([
    { name: 'a node reads as its label and caption', value: macron, text: 'Actor · Emmanuel Macron' },
    { name: 'a statement node by its content', value: statement, text: 'Statement · We will stand by our partners' },
    { name: 'a relationship by its type', value: said, text: '[:SAID]' },
    { name: 'a path as its steps', value: { nodes: [macron, statement], edges: [said] }, text: '(Actor · Emmanuel Macron)-[:SAID]-(Statement · We will stand by our partners)' },
    { name: 'a list item by item', value: ['a', 1, null], text: '[a, 1, null]' },
    { name: 'a map as JSON', value: { n: 1 }, text: '{"n":1}' },
  ])('$name', ({ value, text }) => {
    expect(cellText(value)).toBe(text);
  });

  test('the CSV quotes commas, quotes and line breaks and leaves nulls empty', () => {
    expect(resultCsv(['who', 'said'], [{ who: 'Lund, Pia', said: 'She said "no"\nthen left' }, { who: null, said: 'x' }])).toBe(
      'who,said\r\n"Lund, Pia","She said ""no""\nthen left"\r\n,x\r\n',
    );
  });

  test('the history keeps a query once, newest first, at most HISTORY_MAX long', () => {
    const full = Array.from({ length: HISTORY_MAX }, (_, i) => `q${i}`);
    const next = withQuery(full, 'q7');
    expect(next[0]).toBe('q7');
    expect(next.filter((q) => q === 'q7')).toHaveLength(1);
    expect(withQuery(full, 'new')).toHaveLength(HISTORY_MAX);
    expect(withQuery(full, 'new').at(-1)).toBe(`q${HISTORY_MAX - 2}`);
  });

  test('a saved query replaces one of the same name', () => {
    expect(withSaved([{ name: 'b', query: '1' }, { name: 'a', query: '2' }], { name: 'b', query: '3' })).toEqual([
      { name: 'a', query: '2' },
      { name: 'b', query: '3' },
    ]);
  });
});

interface ChartHandle {
  positionOf(id: string): [number, number] | null;
  layoutState(): { running: boolean };
}

describe('Cypher console as a graph (real server, headless chromium)', () => {
  const b = browserSuite();
  let page: Page;

  const nodeCount = async () => Number(await page.locator('#result-graph').getAttribute('data-nodes'));
  const settled = () =>
    page.waitForFunction(() => {
      const el = document.querySelector('#result-graph .cg-network') as (HTMLElement & { __chart?: ChartHandle }) | null;
      return el?.__chart ? !el.__chart.layoutState().running : false;
    }, null, { timeout: 30_000 });
  /** The canvas position of a drawn node (by its graph id), null before the layout's first answer. */
  const nodePosition = (graphId: string) =>
    page.evaluate((id) => {
      const el = document.querySelector('#result-graph .cg-network') as HTMLElement & { __chart: ChartHandle };
      return el.__chart.positionOf(id);
    }, graphId);

  test('when a path query runs, then it is drawn as a graph; a click shows the node\'s properties; a double-click adds its neighbours', async () => {
    page = await b.fresh();
    await b.open('#/console');
    // One speaker's path to one statement and what it is about.
    const q = 'MATCH p = (a:Actor)-[:SAID]->(s:Statement)-[:ABOUT]->(t:Actor) RETURN p LIMIT 1';
    await page.locator('#cypher-input').fill(q);
    await page.locator('#cypher-input').press('Control+Enter');
    await page.waitForSelector('#result-graph .cg-network');
    // Graph first: the table is behind its tab.
    expect(await page.locator('#tab-graph').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#result-table').isHidden()).toBe(true);
    expect(await nodeCount()).toBe(3);
    await settled();

    // The ids of the drawn nodes, from the same query through the API (the graph form the console draws).
    const res = await fetch(`${b.ui.server.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) });
    const graph = ((await res.json()) as { graph: { nodes: { id: string; labels: string[]; properties: Record<string, unknown> }[] } }).graph;
    const speaker = graph.nodes.find((n) => n.labels.includes('Actor') && n.properties.name)!;
    const box = (await page.locator('#result-graph canvas').boundingBox())!;
    await expect
      .poll(async () => {
        const pos = await nodePosition(speaker.id);
        if (pos) await page.mouse.click(box.x + pos[0], box.y + pos[1]);
        return page.locator('#result-panel h3').textContent();
      }, { timeout: 20_000 })
      .toContain(String(speaker.properties.name));
    // Every property of the node is listed, and its page is linked.
    expect(await page.locator('#result-panel .props th').allTextContents()).toEqual(expect.arrayContaining(['id', 'kind', 'name']));
    await page.waitForSelector('#result-panel a[href*="#/actor/"]');

    // Double-click: the speaker's other neighbours (its other statements, its articles) join the graph.
    const before = await nodeCount();
    await expect
      .poll(async () => {
        const pos = await nodePosition(speaker.id);
        if (pos) await page.mouse.dblclick(box.x + pos[0], box.y + pos[1]);
        return nodeCount();
      }, { timeout: 20_000 })
      .toBeGreaterThan(before);
    expect(await page.locator('.result-messages').textContent()).toMatch(/Added \d+ nodes and relationships around/);

    // The table is one click away, with readable cells.
    await page.locator('#tab-table').click();
    expect(await page.locator('#result-table td').first().textContent()).toMatch(/^\(Actor · .+\)-\[:SAID\]-\(Statement · .+\)-\[:ABOUT\]-\(Actor · .+\)$/);
  }, 90_000);

  test('when a query runs, then it joins the history; a saved query refills the editor', async () => {
    page = await b.fresh();
    await b.open('#/console');
    await page.locator('#cypher-input').fill('MATCH (a:Article) RETURN count(a) AS articles');
    await page.locator('#cypher-input').press('Control+Enter');
    await page.waitForSelector('.result-table tbody tr');
    await expect.poll(() => page.locator('.query-history li').first().textContent()).toBe('MATCH (a:Article) RETURN count(a) AS articles');
    await page.locator('#save-query-name').fill('Article count');
    await page.locator('#save-query').click();
    await page.locator('#cypher-input').fill('');
    await page.locator('.saved-queries button', { hasText: 'Article count' }).click();
    expect(await page.locator('#cypher-input').inputValue()).toBe('MATCH (a:Article) RETURN count(a) AS articles');
    // Export links carry the result.
    expect(await page.locator('.result-export a[download="result.csv"]').count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.locator('.result-export a[download="result.csv"]').click();
    const file = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(file!, 'utf8')).toBe('articles\r\n4\r\n');
  }, 60_000);
});
