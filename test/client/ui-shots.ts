/**
 * Screenshots for docs/ui.md: every view at 1440x900 and 1024x768 over the
 * bundled Wikinews sample (243 real articles through the real pipeline),
 * in Debian's chromium. Not a test: run it by hand after a UI change,
 *   npm run build && npx tsx test/client/ui-shots.ts
 * It writes docs/ui/<view>-<width>.png scaled to SCALE in the browser
 * itself (a canvas, smoothed), each channel reduced to LEVELS values and
 * stored as an 8-bit palette PNG so the files stay small; the full-size
 * pictures go to .tmp/screenshots/ for reviewing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureClientBuild } from '../../client/build.js';
import { loadConfig } from '../../server/config.js';
import { openStore } from '../../server/graph/index.js';
import { readInputs } from '../../server/ingest/index.js';
import { startServer } from '../../server/main.js';
import { ingestInputs } from '../../server/pipeline/index.js';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from './harness.js';

const OUT = join(ROOT, 'docs/ui');
const FULL = join(ROOT, '.tmp/screenshots');
const SCALE = 0.75;
const LEVELS = 5;

/** An 8-bit palette PNG of RGBA pixels with at most 256 distinct colours (alpha ignored). */
function palettePng(width: number, height: number, rgba: Buffer): Buffer {
  const index = new Map<number, number>();
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const key = (rgba[o]! << 16) | (rgba[o + 1]! << 8) | rgba[o + 2]!;
      let i = index.get(key);
      if (i === undefined) {
        if (index.size >= 256) throw new Error(`more than 256 colours (expected at most ${LEVELS ** 3})`);
        index.set(key, (i = index.size));
      }
      raw[y * (width + 1) + 1 + x] = i;
    }
  }
  const plte = Buffer.alloc(index.size * 3);
  for (const [key, i] of index) plte.writeUIntBE(key, i * 3, 3);
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8); // 8 bits, palette, deflate, no filter method beyond 0, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('PLTE', plte), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
];

const clientDir = await ensureClientBuild();
const store = await openStore({ backend: 'embedded', path: null });
await ingestInputs(store, readInputs([join(ROOT, 'samples/wikinews-2019-2020.jsonl')], {}));
const one = async (q: string) => String(Object.values((await store.readOnly(q))[0] ?? {})[0] ?? '');
const ids = {
  actor: await one('MATCH (a:Actor)-[:SAID]->(s:Statement) WITH a, count(s) AS n RETURN a.id ORDER BY n DESC, a.id LIMIT 1'),
  article: await one('MATCH (a:Article)-[:CONTAINS]->(s:Statement) WITH a, count(s) AS n RETURN a.id ORDER BY n DESC, a.id LIMIT 1'),
  claim: await one('MATCH (s:Statement)-[:INSTANCE_OF]->(c:Claim) WITH c, count(s) AS n RETURN c.id ORDER BY n DESC, c.id LIMIT 1'),
  event: await one('MATCH (a:Article)-[:REPORTS]->(e:Event) WITH e, count(a) AS n RETURN e.id ORDER BY n DESC, e.id LIMIT 1'),
  name: await one('MATCH (a:Actor)-[:SAID]->(s:Statement) WITH a, count(s) AS n RETURN a.name ORDER BY n DESC, a.id LIMIT 1'),
};
const VIEWS: [string, string][] = [
  ['timeline', '#/timeline'],
  ['network', '#/network'],
  ['articles', '#/article'],
  ['article', `#/article/${ids.article}`],
  ['actor', `#/actor/${ids.actor}`],
  ['claims', '#/claim'],
  ['claim', `#/claim/${ids.claim}`],
  ['events', '#/event'],
  ['event', `#/event/${ids.event}`],
  ['contradictions', '#/contradictions'],
  ['console', `#/console?q=${encodeURIComponent('MATCH p = (a:Actor)-[:SAID]->(:Statement)-[:ABOUT]->(:Actor) RETURN p LIMIT 30')}`],
  ['ingest', '#/ingest'],
  ['search', `#/search?q=${encodeURIComponent(ids.name.split(' ').at(-1) ?? '')}`],
];
const server = await startServer({ store, config: loadConfig({ CLAIMGRAPH_PORT: '0' }), clientDir });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
mkdirSync(OUT, { recursive: true });
mkdirSync(FULL, { recursive: true });
const scaler = await browser.newPage();
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: size });
    await page.addInitScript('window.__claimgraphProbes = true;');
    for (const [name, hash] of VIEWS) {
      await page.goto(`${server.url}/${hash}`);
      await page.waitForSelector('main[data-ready="true"]', { timeout: 60_000 });
      if (name === 'network') await page.waitForFunction(() => document.querySelector('.cg-network canvas') !== null, null, { timeout: 60_000 });
      if (name === 'console') {
        await page.locator('button:has-text("Run")').first().click();
        await page.waitForSelector('#result-graph .cg-network', { timeout: 60_000 });
      }
      // Let the network's layout settle before the picture (a condition, polled).
      await page.waitForFunction(() => {
        const el = document.querySelector('.cg-network') as (HTMLElement & { __probe?: { layoutState(): { running: boolean } } }) | null;
        return !el?.__probe || !el.__probe.layoutState().running;
      }, null, { timeout: 60_000 });
      const file = join(OUT, `${name}-${size.width}.png`);
      const png = await page.screenshot({ path: join(FULL, `${name}-${size.width}.png`) });
      const small = await scaler.evaluate(async ([src, k, levels]) => {
        const img = new Image();
        img.src = src as string;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = Math.round(img.width * (k as number));
        c.height = Math.round(img.height * (k as number));
        const g = c.getContext('2d')!;
        g.imageSmoothingQuality = 'high';
        g.drawImage(img, 0, 0, c.width, c.height);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        const step = 255 / ((levels as number) - 1);
        for (let i = 0; i < d.length; i++) d[i] = i % 4 === 3 ? 255 : Math.round(Math.round(d[i]! / step) * step);
        let bin = '';
        for (let i = 0; i < d.length; i += 0x8000) bin += String.fromCharCode(...d.subarray(i, i + 0x8000));
        return { w: c.width, h: c.height, b64: btoa(bin) };
      }, [`data:image/png;base64,${png.toString('base64')}`, SCALE, LEVELS] as const);
      writeFileSync(file, palettePng(small.w, small.h, Buffer.from(small.b64, 'base64')));
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await store.close();
}
