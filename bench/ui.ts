/**
 * UI benchmark: frame times of the timeline with 100,000 statements and of
 * the actor network with 2,000 actors and 10,000 edges, in headless Debian
 * chromium, during a scripted zoom and drag. Uses the client's synthetic
 * demo pages (`/?demo=timeline&n=...`, `/?demo=network&n=...&e=...`), so no
 * store or API is involved: this measures drawing only.
 *
 * Two numbers per interaction:
 * - `*_frame_*`: intervals between animation frames while interacting (what
 *   the user feels; ~16.7 ms is a steady 60 fps);
 * - `*_render_*`: time spent inside the chart's render per frame, from the
 *   `timeline:render` / `network:render` performance measures.
 *
 * Run alone: `npx tsx bench/ui.ts` (prints JSON).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { ensureClientBuild } from '../client/build.js';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** Serves client/dist read-only; the demo pages need nothing else. */
async function serveDist(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function stats(prefix: string, xs: number[]): Record<string, number> {
  const s = [...xs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  const p95 = s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
  return { [`${prefix}_mean_ms`]: round(mean), [`${prefix}_p95_ms`]: round(p95), [`${prefix}_n`]: s.length };
}
const round = (x: number) => Math.round(x * 100) / 100;

/** Starts recording frame intervals and clears earlier render measures. */
async function startRecording(page: Page, measure: string) {
  // A string, not a function: tsx's transform adds helpers (__name) that do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__rec = true;
    performance.clearMeasures(${JSON.stringify(measure)});
    let last = performance.now();
    function loop(t) {
      window.__frames.push(t - last);
      last = t;
      if (window.__rec) requestAnimationFrame(loop);
    }
    requestAnimationFrame(function (t) { last = t; requestAnimationFrame(loop); });
  })()`);
}

async function stopRecording(page: Page, measure: string): Promise<{ frames: number[]; renders: number[] }> {
  return page.evaluate(`(() => {
    window.__rec = false;
    return { frames: window.__frames.slice(1), renders: performance.getEntriesByName(${JSON.stringify(measure)}).map(function (e) { return e.duration; }) };
  })()`);
}

async function zoomAndDrag(page: Page, cx: number, cy: number, steps: number) {
  await page.mouse.move(cx, cy);
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(16);
  }
  await page.mouse.down();
  for (let i = 0; i < steps * 2; i++) {
    await page.mouse.move(cx - i * 6, cy + ((i % 10) - 5) * 2);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(16);
  }
}

/** Measures both charts; keys are `timeline_*` and `network_*`, values in ms (and counts). */
export async function benchUi(opts: { timelineStatements?: number; actors?: number; edges?: number } = {}): Promise<Record<string, number>> {
  const n = opts.timelineStatements ?? 100_000;
  const actors = opts.actors ?? 2000;
  const edges = opts.edges ?? 10_000;
  const dist = await ensureClientBuild();
  const { url, server } = await serveDist(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const out: Record<string, number> = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The charts' probes (client/charts/probe.ts): node positions for the drag below.
    await page.addInitScript('window.__claimgraphProbes = true;');

    // Timeline: 100k statements; initial draw, then zoom in/out and pan.
    let t0 = Date.now();
    await page.goto(`${url}/?demo=timeline&n=${n}`);
    await page.waitForSelector('.cg-timeline[data-ready]', { timeout: 120_000 });
    out.timeline_load_ms = Date.now() - t0;
    const tbox = (await page.locator('.cg-timeline .zoom-surface').boundingBox())!;
    await startRecording(page, 'timeline:render');
    await zoomAndDrag(page, tbox.x + tbox.width / 2, tbox.y + tbox.height / 2, 20);
    const tl = await stopRecording(page, 'timeline:render');
    Object.assign(out, stats('timeline_frame', tl.frames), stats('timeline_render', tl.renders));
    out.timeline_statements = n;

    // Network: 2,000 actors, 10,000 edges on canvas; zoom, pan, then drag a node while the simulation runs.
    t0 = Date.now();
    await page.goto(`${url}/?demo=network&n=${actors}&e=${edges}`);
    await page.waitForSelector('.cg-network[data-ready]', { timeout: 120_000 });
    out.network_load_ms = Date.now() - t0;
    await page.waitForTimeout(1000);
    const nbox = (await page.locator('.cg-network canvas').boundingBox())!;
    await startRecording(page, 'network:render');
    await zoomAndDrag(page, nbox.x + nbox.width / 2, nbox.y + nbox.height / 2, 15);
    const pos = await page.evaluate<[number, number] | null>(`document.querySelector('.cg-network').__probe.positionOf('act_0')`);
    if (pos) {
      await page.mouse.move(nbox.x + pos[0], nbox.y + pos[1]);
      await page.mouse.down();
      for (let i = 0; i < 30; i++) {
        await page.mouse.move(nbox.x + pos[0] + i * 5, nbox.y + pos[1] + i * 3);
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
    }
    const nw = await stopRecording(page, 'network:render');
    Object.assign(out, stats('network_frame', nw.frames), stats('network_render', nw.renders));
    const drawn = await page.getAttribute('.cg-network', 'data-links');
    out.network_actors = actors;
    out.network_edges = Number(drawn ?? edges);
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchUi().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}

export const BENCH_UI_FILE = fileURLToPath(import.meta.url);
