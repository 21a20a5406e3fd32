import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './harness.js';

/**
 * The actor network view's "met with" edges (issue 10) and its layout worker
 * (issue 5), in headless chromium over the real server and the seed page.
 * From reading the seed page: Trump and Putin met at the Alaska summit
 * (Fri 15 Aug) and spoke on the phone in the week of 18 Aug, so their pair
 * has two shared events, and one after 16 Aug.
 */
type ChartHandle = {
  positionOf(id: string): [number, number] | null;
  overlayPointOf(a: string, b: string): [number, number] | null;
  layoutState(): { ticks: number; running: boolean; worker: boolean };
  drawn(): { overlay: number };
};

describe('actor network: met-with edges and the layout worker', () => {
  const b = browserSuite();
  let page: Page;
  let trump: string;
  let putin: string;

  beforeAll(async () => {
    const res = await fetch(`${b.ui.server.url}/api/network/met-with`);
    const body = (await res.json()) as { nodes: Array<{ id: string; name: string }> };
    trump = body.nodes.find((n) => n.name === 'Donald Trump')!.id;
    putin = body.nodes.find((n) => n.name === 'Vladimir Putin')!.id;
  }, 120_000);

  // Every test gets a fresh page; afterwards nothing may have thrown, logged an error,
  // violated the Content-Security-Policy (the worker script included) or opened a dialog.
  const fresh = async () => {
    page = await b.fresh();
  };

  const chartCall = <T>(expr: string, ...args: string[]) =>
    page.evaluate(
      ([e, a]) => {
        const c = (document.querySelector('.cg-network') as HTMLElement & { __chart: ChartHandle }).__chart as unknown as Record<string, (...x: string[]) => unknown>;
        return c[e!]!(...(a as unknown as string[])) as T;
      },
      [expr, args] as const,
    ) as Promise<T>;
  const settled = () =>
    page.waitForFunction(() => !(document.querySelector('.cg-network') as HTMLElement & { __chart: ChartHandle }).__chart.layoutState().running, null, { timeout: 20_000 });
  const pairButton = () => page.locator(`.met-index button[data-pair="${[trump, putin].sort().join(',')}"]`);
  /** Pixels of the overlay's neutral grey (#404040) on the canvas: the dashed curves, nothing else is that grey. */
  const overlayPixels = () =>
    page.evaluate(() => {
      const c = document.querySelector('.cg-network canvas') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        const [r, g, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
        if (Math.abs(r - 64) <= 2 && Math.abs(g - 64) <= 2 && Math.abs(b - 64) <= 2) n++;
      }
      return n;
    });

  test('when the toggle is off, then no met-with edge is drawn; turned on with the keyboard, the Trump-Putin edge appears, dashed and in the legend', async () => {
    await fresh();
    await b.open('#/network');
    const toggle = page.getByLabel('Show met-with edges');
    expect(await toggle.isChecked()).toBe(false);
    expect(await chartCall<number | null>('overlayPointOf', trump, putin)).toBeNull();
    expect(await pairButton().count()).toBe(0);
    expect(await page.locator('.cg-network .cg-legend').last().textContent()).not.toContain('met with');
    // At rest the last frame is drawn: no overlay grey in it (the same check finds the edge once turned on, below).
    await settled();
    expect(await overlayPixels()).toBe(0);

    // Keyboard: focus the checkbox and press Space.
    await toggle.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => Number((document.querySelector('.cg-network') as HTMLElement | null)?.dataset.overlay ?? 0) > 0);
    expect(page.url()).toContain('met=1');
    expect(await toggle.isChecked()).toBe(true);
    expect(await chartCall<[number, number] | null>('overlayPointOf', trump, putin)).not.toBeNull();
    expect(await pairButton().textContent()).toMatch(/^(Donald Trump — Vladimir Putin|Vladimir Putin — Donald Trump) \(2\)$/);
    expect(await page.locator('.cg-network .cg-legend').last().textContent()).toContain('met with (same event)');
    await expect.poll(overlayPixels, { timeout: 10_000 }).toBeGreaterThan(50);

    // And off again.
    await toggle.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (document.querySelector('.cg-network') as HTMLElement).dataset.overlay === '0');
    expect(page.url()).not.toContain('met=1');
    expect(await chartCall<number | null>('overlayPointOf', trump, putin)).toBeNull();
    expect(await pairButton().count()).toBe(0);
  }, 60_000);

  test('when the Trump-Putin met-with edge is clicked on the canvas, then the panel lists the two shared events', async () => {
    await fresh();
    await b.open('#/network?met=1');
    await settled();
    const box = (await page.locator('.cg-network canvas').boundingBox())!;
    const pair = `pair=${encodeURIComponent([trump, putin].sort().join(','))}`;
    // Aim at the middle of the curve (retried in case a late tick moved it).
    for (let attempt = 0; attempt < 5 && !page.url().includes(pair); attempt++) {
      const at = (await chartCall<[number, number]>('overlayPointOf', trump, putin))!;
      await page.mouse.click(box.x + at[0], box.y + at[1]);
      await page.waitForURL((url) => url.href.includes(pair), { timeout: 1000 }).catch(() => undefined);
    }
    expect(page.url()).toContain(pair);
    const items = await page.locator('.panel .met-events li').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[0]).toBe('Alaska summit (summit, 2025-08-15)');
    expect(items[1]).toMatch(/^call: .+ \(call, 2025-08-18\)$/);
    expect(await page.locator('.panel .met-events a').first().getAttribute('href')).toMatch(/^#\/event\/evt_/);
  }, 60_000);

  test('when opened from a shared URL with the toggle, a window and a pair, then all three are restored and the window applies', async () => {
    await fresh();
    const pair = [trump, putin].sort().join(',');
    await b.open(`#/network?met=1&from=2025-08-16&to=2025-08-31&pair=${encodeURIComponent(pair)}`);
    expect(await page.getByLabel('Show met-with edges').isChecked()).toBe(true);
    // After 16 August only the call is left.
    expect(await pairButton().textContent()).toMatch(/\(1\)$/);
    await page.waitForSelector('.panel .met-events li');
    expect(await page.locator('.panel .met-events li').allTextContents()).toHaveLength(1);
    expect(await page.locator('.panel p').first().textContent()).toBe('Took part in 1 event together, 2025-08-18.');
  });

  test('when the 10,000-edge demo is zoomed, then it draws only the heaviest 1,500 edges while moving and every edge in view once at rest', async () => {
    await fresh();
    await page.goto(`${b.ui.server.url}/?demo=network&n=2000&e=10000`);
    await page.waitForSelector('.cg-network[data-ready]', { timeout: 30_000 });
    await settled();
    await page.waitForFunction(() => (document.querySelector('.cg-network') as HTMLElement).dataset.detail === 'full');
    const atRest = (await chartCall<{ edgesDrawn: number }>('drawn')).edgesDrawn;
    // The fitted view shows the whole graph: every edge is in it.
    expect(atRest).toBeGreaterThan(9900);
    const box = (await page.locator('.cg-network canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -120);
    // Read the count in the same evaluation that sees the moving state: the full frame 300 ms later must not win the race.
    const moving = await page.waitForFunction(() => {
      const el = document.querySelector('.cg-network') as HTMLElement & { __chart: { drawn(): { edgesDrawn: number } } };
      return el.dataset.detail === 'moving' ? el.__chart.drawn().edgesDrawn : false;
    });
    expect(await moving.jsonValue()).toBeLessThanOrEqual(1500);
    await page.waitForFunction(() => (document.querySelector('.cg-network') as HTMLElement).dataset.detail === 'full');
    expect((await chartCall<{ edgesDrawn: number }>('drawn')).edgesDrawn).toBeGreaterThan(1500);
  }, 60_000);

  test('when a node is dragged, then it follows the pointer while the worker keeps the layout moving, and lands where dropped', async () => {
    await fresh();
    await b.open('#/network');
    expect((await chartCall<{ worker: boolean }>('layoutState')).worker).toBe(true);
    // Let the layout settle so only the drag moves things.
    await settled();
    const box = (await page.locator('.cg-network canvas').boundingBox())!;
    const start = (await chartCall<[number, number]>('positionOf', trump))!;
    const ticksBefore = (await chartCall<{ ticks: number }>('layoutState')).ticks;
    await page.mouse.move(box.x + start[0], box.y + start[1]);
    await page.mouse.down();
    const target: [number, number] = [Math.min(box.width - 30, start[0] + 80), Math.min(box.height - 30, start[1] + 50)];
    await page.mouse.move(box.x + target[0], box.y + target[1], { steps: 10 });
    // While held, the node comes to where the pointer is, and the layout runs again (reheated).
    const distanceTo = async (p: [number, number]) => {
      const at = (await chartCall<[number, number]>('positionOf', trump))!;
      return Math.hypot(at[0] - p[0], at[1] - p[1]);
    };
    await expect.poll(() => distanceTo(target), { timeout: 10_000 }).toBeLessThan(2);
    expect((await chartCall<{ running: boolean }>('layoutState')).running).toBe(true);
    await page.mouse.up();
    await expect.poll(async () => (await chartCall<{ ticks: number }>('layoutState')).ticks, { timeout: 10_000 }).toBeGreaterThan(ticksBefore);
    // Released, it stays near the drop point once the layout is at rest (its neighbours pull it a little).
    await settled();
    const after = (await chartCall<[number, number]>('positionOf', trump))!;
    expect(Math.hypot(after[0] - target[0], after[1] - target[1])).toBeLessThan(60);
  }, 60_000);
});
