/**
 * Screenshots for docs/ui.md: every view at 1440x900 and 1024x768 over the
 * bundled Wikinews sample (243 real articles through the real pipeline),
 * in Debian's chromium. Not a test: run it by hand after a UI change,
 *   npm run build && npx tsx test/client/ui-shots.ts
 * It writes docs/ui/<view>-<width>.png, reduced to a 64-colour palette
 * (ImageMagick's convert, when installed) so the files stay small.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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
      await page.screenshot({ path: file });
      try {
        execFileSync('convert', [file, '-colors', '64', `PNG8:${file}`]);
      } catch {
        // No ImageMagick: the full-colour file stays.
      }
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await store.close();
}
