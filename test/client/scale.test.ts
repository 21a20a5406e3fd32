import { describe, expect, test } from 'vitest';
import type { ArticleGraph } from '../../server/graph/types.js';
import { sourceId, stableId } from '../../server/ids.js';
import { ingestRecord } from '../../server/ingest/index.js';
import { processArticle } from '../../server/pipeline/index.js';
import { actor, statement } from '../utils/graph-fixtures.js';
import { browserSuite } from './harness.js';

/**
 * The UI at real scale: on a store of more than 10,000 statements the most
 * active actor's page stays under three screens tall (statements are paged on
 * the server), and every list view (actor statements, articles, search,
 * claims, events, contradictions) pages and filters on the server; the
 * timeline's lanes can be opened and pinned, and the network labels its hub
 * without overlapping labels.
 */
const ARTICLES = 1000;
const PER_ARTICLE = 10;
const VIEWPORT = { width: 1440, height: 900 };

// 40 speakers; one of them ("Ada Quill") says every third statement, the rest share the others.
const speakers = Array.from({ length: 40 }, (_, i) => actor(i === 0 ? 'Ada Quill' : `Speaker Number${i}`));
const target = actor('Harbour Authority', 'organization');

function graphOf(n: number): ArticleGraph {
  const articleId = stableId('art', `scale ${n}`);
  const day = `2025-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
  const statements = Array.from({ length: PER_ARTICLE }, (_, k) => {
    const i = n * PER_ARTICLE + k;
    const who = i % 3 === 0 ? speakers[0]! : speakers[1 + (i % (speakers.length - 1))]!;
    // One statement in 100 mentions the ferry: the filter's needle.
    const content = i % 100 === 0 ? `the ferry timetable changes in week ${i}` : `the harbour budget item ${i} is approved`;
    return statement(articleId, 10 + k * 100, 10 + k * 100 + content.length, {
      content, quote: content, cueClass: 'say', speakerId: who.id, speakerMention: who.name, aboutIds: [target.id], saidAt: day,
    });
  });
  const used = [...new Map([target, ...statements.map((s) => speakers.find((a) => a.id === s.speakerId)!)].map((a) => [a.id, a])).values()];
  return {
    source: { id: sourceId('Harbour Gazette'), name: 'Harbour Gazette', domain: null },
    article: {
      id: articleId, url: null, title: `Harbour report ${n}`, publishedAt: `${day}T08:00:00.000Z`, publishedAtPrecision: 'day',
      retrievedAt: '2026-01-01T00:00:00.000Z', contentHash: stableId('sha', `scale ${n}`), language: 'en', text: 'x'.repeat(10 + PER_ARTICLE * 100),
    },
    actors: used,
    statements,
    mentions: used.map((a) => a.id),
  };
}

// Thirty short stories written for this test, each through the real pipeline: a minister says a
// country will accept an agreement and meets someone in a town (an event); an opposition leader
// says it will not (a contradiction candidate); a third outlet repeats the minister (a claim).
// Dated February to December 2025: January's weeks and window are counted by the tests below.
const FIRST = ['Alma', 'Bruno', 'Carla', 'Dario', 'Elin', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas'];
const SUFFIX = ['', 'sen', 'ova', 'ini', 'aro', 'ez'];
// Every surname distinct across stories, so no two stories share a person.
const surname = (stems: string[], i: number) => `${stems[i % 5]}${SUFFIX[Math.floor(i / 5)]}`;
const COUNTRIES = ['Norway', 'Portugal', 'Chile', 'Kenya', 'Canada', 'Ireland'];
const TOPICS = ['fishing quota', 'rail freight', 'water sharing', 'border toll', 'grain export', 'airspace'];
const TOWNS = ['Tromso', 'Braga', 'Arica', 'Kisumu', 'Regina', 'Galway', 'Bergen', 'Porto', 'Temuco', 'Nakuru'];
const STORIES = 30;
function storyRecords(i: number) {
  const minister = `${FIRST[i % 10]} ${surname(['Berg', 'Costa', 'Duval', 'Ekman', 'Ferro'], i)}`;
  const host = `${FIRST[(i + 3) % 10]} ${surname(['Lind', 'Holm', 'Vik', 'Strand', 'Dahl'], i)}`;
  const opponent = `${FIRST[(i + 6) % 10]} ${surname(['Moen', 'Rask', 'Tveit', 'Aas', 'Nygard'], i)}`;
  const country = COUNTRIES[i % 6]!;
  const topic = `${TOPICS[Math.floor(i / 5) % 6]} plan number ${i + 1}`;
  const town = TOWNS[i % 10]!;
  const day = (k: number) => `2025-${String(2 + (i % 11)).padStart(2, '0')}-${String(3 + k + (i % 20)).padStart(2, '0')}`;
  const claim = `${country} will accept the ${topic} agreement`;
  return [
    { id: `story-${i}-a`, source: 'Daily Wire Service', title: `${country} weighs the ${topic}`, publishedAt: day(0),
      text: `Foreign Minister ${minister} said on Monday that ${claim}. ${minister.split(' ')[1]} met Prime Minister ${host} in ${town} on Monday to discuss it.` },
    { id: `story-${i}-b`, source: 'Evening Courier', title: `${topic} deal rejected`, publishedAt: day(2),
      text: `Opposition leader ${opponent} said on Wednesday that ${country} will not accept the ${topic} agreement.` },
    { id: `story-${i}-c`, source: 'Morning Ledger', title: `Talks on the ${topic}`, publishedAt: day(3),
      text: `Foreign Minister ${minister} said that ${claim}. Negotiators will meet again next month.` },
  ];
}

describe('the UI on a store of 10,000 statements (real server, headless chromium)', () => {
  // The store: the seed page, 1,000 articles of 10 statements and 30 stories through the pipeline.
  const b = browserSuite({
    setup: async (ui) => {
      for (let n = 0; n < ARTICLES; n++) await ui.store.writeArticle(graphOf(n));
      for (let i = 0; i < STORIES; i++) for (const r of storyRecords(i)) for (const a of ingestRecord(r, r.id)) await processArticle(ui.store, a);
    },
    setupTimeoutMs: 400_000,
  });

  test('the store holds more than 10,000 statements and Ada Quill said a third of them', async () => {
    const stats = (await (await fetch(`${b.ui.server.url}/api/stats`)).json()) as { statements: number };
    expect(stats.statements).toBeGreaterThanOrEqual(ARTICLES * PER_ARTICLE);
    const actor = (await (await fetch(`${b.ui.server.url}/api/actors/${speakers[0]!.id}?statements=0`)).json()) as { actor: { said: number } };
    expect(actor.actor.said).toBe(Math.ceil((ARTICLES * PER_ARTICLE) / 3));
  });

  test('the most active actor\'s page is under three screens tall, and its statements page and filter', async () => {
    const page = await b.fresh();
    await page.setViewportSize(VIEWPORT);
    await b.open(`#/actor/${speakers[0]!.id}`);
    const said = page.locator('.actor-said');
    await expect.poll(() => said.locator('.paged-status').textContent()).toBe('1–10 of 3,334');
    expect(await said.locator('.statement').count()).toBe(10);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(3 * VIEWPORT.height);

    // Next page, then back.
    await said.locator('.paged-next').click();
    await expect.poll(() => said.locator('.paged-status').textContent()).toBe('11–20 of 3,334');
    await said.locator('.paged-prev').click();
    await expect.poll(() => said.locator('.paged-status').textContent()).toBe('1–10 of 3,334');

    // Filter: Ada Quill's ferry statements are those with i % 100 == 0 and i % 3 == 0, i.e. i % 300 == 0: 34 of 10,000.
    await said.locator('.paged-filter').fill('ferry');
    await said.locator('.paged-filter').press('Enter');
    await expect.poll(() => said.locator('.paged-status').textContent()).toBe('1–10 of 34');
    for (const text of await said.locator('.statement blockquote').allTextContents()) expect(text).toContain('ferry');

    // Oldest first, then the statements about the Harbour Authority on its own page: every statement is about it.
    await said.locator('.paged-order').selectOption('asc');
    await expect.poll(() => said.locator('.paged-status').textContent()).toBe('1–10 of 34');
    await b.open(`#/actor/${target.id}`);
    await expect.poll(() => page.locator('.actor-about .paged-status').textContent()).toBe('1–10 of 10,000');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3 * VIEWPORT.height);
  }, 120_000);

  test('the article list and search results page and filter on the server', async () => {
    const page = await b.fresh();
    await page.setViewportSize(VIEWPORT);
    const stats = (await (await fetch(`${b.ui.server.url}/api/stats`)).json()) as { articles: number };
    await b.open('#/article');
    await expect.poll(() => page.locator('.paged-status').textContent()).toBe(`1–25 of ${stats.articles.toLocaleString('en')}`);
    await page.locator('.paged-next').click();
    await expect.poll(() => page.locator('.paged-status').textContent()).toBe(`26–50 of ${stats.articles.toLocaleString('en')}`);
    // "Harbour report 99" and "Harbour report 990" to "…999": eleven titles.
    await page.locator('.paged-filter').fill('report 99');
    await page.locator('.paged-filter').press('Enter');
    await expect.poll(() => page.locator('.paged-status').textContent()).toBe('1–11 of 11');

    // Search: one statement in 100 mentions the ferry, 100 in all, ten a page.
    await b.open('#/search?q=ferry');
    await expect.poll(() => page.locator('.paged-status').textContent()).toBe('1–10 of 100');
    await page.locator('.paged-next').click();
    await expect.poll(() => page.locator('.paged-status').textContent()).toBe('11–20 of 100');
    for (const text of await page.locator('.statement blockquote').allTextContents()) expect(text).toContain('ferry');
  }, 120_000);

  // The scale store's statement days: article n is dated month 1 + n % 12, day 1 + n % 28 of 2025 (graphOf).
  const fixtureDays = [...new Set(Array.from({ length: ARTICLES }, (_, n) => `2025-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`))];
  /** The Monday that starts `day`'s week (the API's week buckets start on Mondays). */
  const monday = (day: string) => {
    const t = new Date(`${day}T00:00:00Z`);
    return new Date(+t - ((t.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  };

  test('the timeline of 10,000 statements is drawn as weekly counts, and a week clicked loads its statements one by one', async () => {
    const page = await b.fresh();
    await page.setViewportSize(VIEWPORT);
    await b.open('#/timeline');
    const status = page.locator('main .status').first();
    await expect.poll(() => status.textContent()).toMatch(/^\d+ statements: too many to draw one by one, shown as counts per period\. Click a period to load its statements\./);
    // Ten thousand from the articles above, and the seed page's dated statements.
    expect(Number(/^(\d+)/.exec((await status.textContent())!)![1])).toBeGreaterThanOrEqual(ARTICLES * PER_ARTICLE);
    // The whole of 2025 spans more than three months: one mark per week, none for a single statement.
    const marks = await page.locator('.cg-timeline g.mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    expect(marks.filter((id) => !id.startsWith('bucket:'))).toEqual([]);
    expect(marks).toEqual(expect.arrayContaining([...new Set(fixtureDays.map(monday))].map((w) => `bucket:${w}`)));

    // The week of Monday 30 December 2024 holds 1 and 5 January: month 1 with day 1 is n % 84 == 0, with day 5 n % 84 == 60;
    // both residues occur 12 times in 0..999, so 24 articles of 10 statements.
    const week = page.locator('.cg-timeline g.mark[data-id="bucket:2024-12-30"]');
    await week.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/^240 statements\./);
    await expect.poll(() => page.locator('.cg-timeline').getAttribute('data-marks')).toBe('240');
    const loaded = await page.locator('.cg-timeline g.mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    expect(loaded.filter((id) => id.startsWith('bucket:'))).toEqual([]);
  }, 120_000);

  test.each([
    // Fewer than the chart's 1,500-mark limit: every statement is its own mark.
    { n: 1000, marks: '1000', binned: false },
    // More: the full view aggregates them into bins, which split back into marks when zoomed in.
    { n: 3000, marks: '0', binned: true },
  ])('the timeline demo with $n synthetic statements and 40 events draws them (marks or bins) and its event band', async ({ n, marks, binned }) => {
    const page = await b.fresh();
    await page.setViewportSize(VIEWPORT);
    await page.goto(`${b.ui.server.url}/?demo=timeline&n=${n}&ev=40`);
    await page.waitForSelector('.cg-timeline[data-ready="true"]', { timeout: 20_000 });
    await expect(page.locator('h1').textContent()).resolves.toBe(`Demo: timeline with ${n} synthetic statements`);
    const chart = page.locator('.cg-timeline');
    await expect.poll(() => chart.getAttribute('data-marks')).toBe(marks);
    // Every synthetic event starts within the statements' 600 days: all 40 are in the band at the full view.
    expect(await chart.getAttribute('data-band')).toBe('40');
    if (!binned) {
      expect(await chart.getAttribute('data-bins')).toBe('0');
      return;
    }
    expect(Number(await chart.getAttribute('data-bins'))).toBeGreaterThan(0);
    // Zoomed in 16 times: about 190 of the 3,000 statements in view, under the limit, so drawn one by one.
    await chart.locator('.zoom-surface').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('+');
    await expect.poll(async () => Number(await chart.getAttribute('data-marks'))).toBeGreaterThan(0);
    expect(Number(await chart.getAttribute('data-marks'))).toBeLessThanOrEqual(1500);
    expect(await chart.getAttribute('data-bins')).toBe('0');
  }, 60_000);
  const totalOf = async (path: string) => ((await (await fetch(`${b.ui.server.url}${path}`)).json()) as { total: number }).total;
  const status = () => b.page.locator('.paged-status').textContent();
  const filterBy = async (words: string) => {
    const page = b.page;
    await page.locator('.paged-filter').fill(words);
    await page.locator('.paged-filter').press('Enter');
  };

  test('the claim, event and contradiction lists page and filter on the server', async () => {
    const page = await b.fresh();
    await page.setViewportSize(VIEWPORT);
    // Each story makes one claim (the minister's sentence in two outlets), one meeting, one opposed pair.
    for (const [hash, path, size, words, count] of [
      ['#/claim', '/api/claims?limit=1', 25, 'number 17 agreement', 1],
      // Temuco is the town of stories 8, 18 and 28.
      ['#/event', '/api/events?limit=1', 25, 'temuco', 3],
      // The opposition leader of story 7 (surname Rask + "sen") contradicts both reports of the minister: two pairs.
      ['#/contradictions', '/api/contradictions?limit=1', 20, 'Rasksen', 2],
    ] as const) {
      const total = await totalOf(path);
      expect(total, hash).toBeGreaterThanOrEqual(STORIES);
      await b.open(hash);
      await expect.poll(status).toBe(`1–${size} of ${total}`);
      await page.locator('.paged-next').click();
      await expect.poll(status).toBe(`${size + 1}–${Math.min(total, 2 * size)} of ${total}`);
      await filterBy(words);
      await expect.poll(status).toBe(`1–${count} of ${count}`);
      for (const text of await page.locator('.paged > ol > li').allTextContents()) expect(text.toLowerCase(), hash).toContain(words.toLowerCase());
    }
  }, 180_000);

  test('the timeline folds quiet lanes into Others, which opens 20 more; a pinned speaker gets the first lane; marks of a day do not cover each other', async () => {
    const page = await b.fresh();
    await page.setViewportSize(VIEWPORT);
    // January: too many statements for the whole span, so the window loads statement by statement.
    await b.open('#/timeline?from=2025-01-01&to=2025-02-01');
    const lanes = page.locator('.cg-timeline g.lane');
    await expect.poll(() => lanes.count()).toBe(14);
    const others = page.locator('.cg-timeline g.lane.is-others');
    const folded = Number((await others.textContent())!.match(/Others \((\d+)\)/)![1]);
    expect(folded).toBeGreaterThan(1);
    await others.locator('text').click();
    // 13 lanes and Others, then 20 more lanes: all of them when 34 hold every lane, else 33 and Others again.
    const all = 13 + folded;
    await expect.poll(() => lanes.count()).toBe(Math.min(all, 34));
    if (all > 34) expect(await others.textContent()).toBe(`Others (${all - 33}) ▸`);
    else expect(await others.count()).toBe(0);
    await expect.poll(() => new URL(page.url()).hash).toContain('nl=34');

    // Marks in each speaker's lane (a few a day): no two centres closer than a mark's radius.
    const crowded = await page.evaluate((ids) => {
      const out: string[] = [];
      for (const lane of document.querySelectorAll<SVGGElement>('.cg-timeline g.lane')) {
        if (!ids.includes(lane.dataset.lane ?? '')) continue;
        const box = lane.getBoundingClientRect();
        const marks = [...document.querySelectorAll<SVGGElement>('.cg-timeline g.mark:not(.is-range)')]
          .map((m) => m.getBoundingClientRect())
          .filter((b) => b.top >= box.top - 0.5 && b.bottom <= box.bottom + 0.5)
          .map((b) => [b.left + b.width / 2, b.top + b.height / 2, b.width / 2] as const);
        for (let i = 0; i < marks.length; i++)
          for (let j = i + 1; j < marks.length; j++)
            if (Math.hypot(marks[i]![0] - marks[j]![0], marks[i]![1] - marks[j]![1]) < marks[i]![2] - 0.01) out.push(`${lane.dataset.lane} ${marks[i]} ${marks[j]}`);
      }
      return out;
    }, speakers.slice(1).map((a) => a.id));
    expect(crowded).toEqual([]);

    // Speaker Number7 says nothing in January (i % 39 = 6 there needs i % 3 = 0: Ada's turn): the reader is told so.
    await page.locator('#lane-pin').fill('Speaker Number7');
    await page.locator('#lane-pin').press('Enter');
    await expect.poll(() => page.locator('.pin-note').textContent()).toContain('No speaker named “Speaker Number7”');
    // Speaker Number2 speaks in January (statement 1 of article 0).
    await page.locator('#lane-pin').fill('Speaker Number2');
    await page.locator('#lane-pin').press('Enter');
    await expect.poll(() => page.locator('.cg-timeline g.lane').first().getAttribute('data-lane')).toBe(speakers[2]!.id);
    expect(await page.locator('.cg-timeline g.lane').first().getAttribute('class')).toContain('is-pinned');
    expect(await page.locator('.pins .chip').textContent()).toContain('Speaker Number2');
  }, 120_000);

  test('on the whole span (drawn as counts) a pinned speaker gets a lane of their own statements', async () => {
    const page = await b.fresh();
    await page.setViewportSize(VIEWPORT);
    await b.open(`#/timeline?pin=${speakers[0]!.id}`);
    const first = page.locator('.cg-timeline g.lane').first();
    await expect.poll(() => first.getAttribute('data-lane')).toBe(speakers[0]!.id);
    expect(await first.textContent()).toBe('Ada Quill');
    // Her 3,334 statements are more than the chart's 1,500 marks: binned in her lane, the counts in the other.
    const inLane = await page.evaluate((id) => {
      const lane = document.querySelector<SVGGElement>(`.cg-timeline g.lane[data-lane="${id}"]`)!.getBoundingClientRect();
      return [...document.querySelectorAll('.cg-timeline rect.bin, .cg-timeline g.mark')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= lane.top - 0.5 && r.bottom <= lane.bottom + 0.5;
      }).length;
    }, speakers[0]!.id);
    expect(inLane).toBeGreaterThan(0);
  }, 120_000);

  test('the network labels its hub and no two labels overlap', async () => {
    const page = await b.fresh();
    await page.setViewportSize(VIEWPORT);
    await b.open('#/network');
    type Probe = { layoutState(): { running: boolean }; labels(): { id: string; x: number; y: number; w: number; h: number }[] };
    await page.waitForFunction(() => {
      const el = document.querySelector('.cg-network') as (HTMLElement & { __probe?: Probe }) | null;
      return el?.__probe ? !el.__probe.layoutState().running : false;
    }, null);
    const labels = await page.evaluate(() => (document.querySelector('.cg-network') as HTMLElement & { __probe: Probe }).__probe.labels());
    expect(labels.map((l) => l.id)).toContain(target.id);
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i]!, labels[j]!];
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, `${a.id} and ${b.id}`).toBe(false);
      }
  }, 120_000);
});
