import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { mergeNetworks, within } from '../../client/views/network-focus.js';
import { browserSuite } from './harness.js';

const node = (id: string, said = 1) => ({ id, name: id.toUpperCase(), kind: 'person', said, about: 0 });
const edge = (source: string, target: string, count = 1) => ({ source, target, count, byCueClass: { say: count } as Record<string, number>, firstAt: null, lastAt: null });

/** Ego networks from two answers: merged once each, then cut to the focus's neighbourhood. */
describe('ego network helpers', () => {
  test('merging keeps each node and edge once, the first answer\'s counts winning', () => {
    const a = { nodes: [node('a'), node('b')], edges: [edge('a', 'b', 3)], truncated: false };
    const b = { nodes: [node('b'), node('c')], edges: [edge('a', 'b', 9), edge('b', 'c')], truncated: true };
    const m = mergeNetworks(a, b);
    expect(m.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(m.edges).toEqual([edge('a', 'b', 3), edge('b', 'c')]);
    expect(m.truncated).toBe(true);
  });

  test('cutting to a set keeps edges with both ends in it and the nodes they touch, and the focus', () => {
    const net = { nodes: [node('f'), node('a'), node('b'), node('z')], edges: [edge('f', 'a'), edge('a', 'b'), edge('b', 'z')], truncated: false };
    const cut = within(net, new Set(['f', 'a', 'b']), 'f');
    expect(cut.edges).toEqual([edge('f', 'a'), edge('a', 'b')]);
    expect(cut.nodes.map((n) => n.id)).toEqual(['f', 'a', 'b']);
    expect(within({ nodes: [node('f')], edges: [], truncated: false }, new Set(['f']), 'f').nodes.map((n) => n.id)).toEqual(['f']);
  });
});

/** The network view focused on one actor (reached from the actor page), and an explanation when filters leave nothing. */
describe('network focus and empty filters (real server, headless chromium)', () => {
  const b = browserSuite();
  let page: Page;
  let trump: string;
  beforeAll(async () => {
    const res = (await (await fetch(`${b.ui.server.url}/api/actors?q=${encodeURIComponent('Donald Trump')}`)).json()) as { items: { id: string; name: string }[] };
    trump = res.items.find((a) => a.name === 'Donald Trump')!.id;
  }, 120_000);

  const drawnNodes = () => page.locator('.cg-network').getAttribute('data-nodes').then(Number);

  test('from the actor page, the network shows that actor\'s neighbourhood; 2 hops shows more; "Show everyone" the whole graph', async () => {
    page = await b.fresh();
    const one = (await (await fetch(`${b.ui.server.url}/api/network?actor=${trump}&limit=5000`)).json()) as { nodes: unknown[] };
    const all = (await (await fetch(`${b.ui.server.url}/api/network?limit=5000`)).json()) as { nodes: unknown[] };
    await b.open(`#/actor/${trump}`);
    await page.getByRole('link', { name: 'Network around Donald Trump' }).click();
    await page.waitForSelector('.focus-bar strong');
    expect(await page.locator('.focus-bar strong').textContent()).toBe('Around Donald Trump: ');
    await expect.poll(drawnNodes).toBe(one.nodes.length);
    await page.getByRole('button', { name: '2 hops' }).click();
    await expect.poll(() => page.url()).toContain('hops=2');
    await expect.poll(drawnNodes).toBeGreaterThan(one.nodes.length);
    await page.getByRole('button', { name: 'Show everyone' }).click();
    await expect.poll(drawnNodes).toBe(all.nodes.length);
    expect(await page.locator('.focus-bar').textContent()).toBe('');
  }, 60_000);

  test('when a minimum leaves nothing, the page says why and what would fill it', async () => {
    page = await b.fresh();
    const all = (await (await fetch(`${b.ui.server.url}/api/network?limit=1`)).json()) as { edges: { count: number }[] };
    const busiest = all.edges[0]!.count;
    await b.open(`#/network?min=${busiest + 1}`);
    await page.waitForSelector('.empty-explanation');
    const text = await page.locator('.empty-explanation').textContent();
    expect(text).toContain(`with at least ${busiest + 1} statements between two actors`);
    expect(text).toContain(`The busiest pair here has ${busiest} statement${busiest === 1 ? '' : 's'}: lower “Min. statements” to ${busiest} or less.`);
  }, 60_000);
});
