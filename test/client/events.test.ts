import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { EventDetail, EventSummary } from '../../server/api/events-schemas.js';
import type { ArticleDetail, TimelineResponse } from '../../server/api/schemas.js';
import { browserSuite } from './harness.js';

/** Centre of an element on the page, in CSS pixels. */
const centre = async (page: Page, selector: string) => {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, selector).not.toBeNull();
  return { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2, width: box!.width };
};

describe('events on the timeline and the event page (real server, seeded store, headless chromium)', () => {
  const b = browserSuite();
  let page: Page;
  // The seed page's three events, found through the API by what the seed text says about them.
  let alaska: EventSummary;
  let whiteHouse: EventSummary;
  let call: EventSummary;

  beforeAll(async () => {
    const res = await fetch(`${b.ui.server.url}/api/events?limit=500`);
    const items = ((await res.json()) as { items: EventSummary[] }).items;
    const named = (n: string) => items.find((e) => e.name === n);
    alaska = named('Alaska summit')!;
    whiteHouse = named('White House summit')!;
    call = items.find((e) => e.type === 'call' && ['Donald Trump', 'Vladimir Putin'].every((p) => e.participants.some((x) => x.name === p)))!;
  }, 120_000);

  const fresh = async () => {
    page = await b.fresh();
  };

  const shot = (name: string) => b.shot(name);
  const api = <T>(path: string) => b.api<T>(path);
  const mark = (id: string) => `.cg-timeline g.band-mark[data-id="${id}"]`;

  test('the seed page yields the Alaska summit, the White House summit and the Trump-Putin call', () => {
    // What test/fixtures/seed-page.txt says: the Alaska summit on Friday 15 August, the White House summit
    // on Monday 18 August, and a Trump-Putin call "this week" (the week of the 18th).
    expect(alaska).toMatchObject({ type: 'summit', date: '2025-08-15', datePrecision: 'day' });
    expect(whiteHouse).toMatchObject({ type: 'summit', date: '2025-08-18', datePrecision: 'day' });
    expect(call).toMatchObject({ type: 'call', date: '2025-08-18', datePrecision: 'week' });
  });

  describe('timeline', () => {
    test('when opened, then every event is a mark in a band above the lanes: points for days, a bar for a week', async () => {
      await fresh();
      await b.open('#/timeline');
      for (const e of [alaska, whiteHouse, call]) await page.waitForSelector(mark(e.id));
      // The band is above the first statement lane.
      const lane = await page.locator('.cg-timeline .lane').first().boundingBox();
      for (const e of [alaska, whiteHouse, call]) expect((await centre(page, mark(e.id))).y).toBeLessThan(lane!.y);
      expect(await page.locator(mark(alaska.id)).getAttribute('class')).not.toContain('is-range');
      expect(await page.locator(mark(call.id)).getAttribute('class')).toContain('is-range');
      // Scale check by hand: the summits are 3 days apart, so the week-long call's bar is 7/3 of that distance.
      const a = await centre(page, `${mark(alaska.id)} .band-symbol`);
      const w = await centre(page, `${mark(whiteHouse.id)} .band-symbol`);
      const bar = Number(await page.locator(`${mark(call.id)} .band-span`).getAttribute('width'));
      const perDay = (w.x - a.x) / 3;
      expect(perDay).toBeGreaterThan(5);
      expect(bar).toBeCloseTo(7 * perDay, 0);
      // Shaped and coloured by type: the two summits alike, the call different.
      const shape = (id: string) => page.locator(`${mark(id)} .band-symbol`).evaluate((el) => `${el.getAttribute('d')} ${el.getAttribute('fill')}`);
      expect(await shape(alaska.id)).toBe(await shape(whiteHouse.id));
      expect(await shape(call.id)).not.toBe(await shape(alaska.id));
      // A legend for the band, with a swatch per event type present and one for week/month bars.
      const legend = page.locator('.cg-legend', { has: page.locator('.cg-legend-title', { hasText: 'Events' }) });
      expect(await legend.locator('.cg-legend-item').allTextContents()).toEqual(['call', 'summit', 'known to week/month']);
      expect(await legend.locator('svg.cg-swatch-symbol path').count()).toBe(2);
      expect(await page.locator('.status').textContent()).toContain('3 events');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      await shot('timeline-events');
    });

    test('when an event is hovered, then its type, name, date, place and participants show as text', async () => {
      await fresh();
      await b.open('#/timeline');
      await page.locator(`${mark(alaska.id)} .band-symbol`).hover();
      const tip = page.locator('.cg-timeline .cg-tooltip');
      await expect.poll(() => tip.isVisible()).toBe(true);
      const lines = await tip.locator('div').allTextContents();
      expect(lines[0]).toBe('Alaska summit');
      expect(lines).toContain('type: summit');
      expect(lines.some((l) => l.startsWith('2025-08-15'))).toBe(true);
      expect(lines).toContain('place: Alaska');
      const who = lines.find((l) => l.startsWith('participants: '))!;
      expect(who).toContain('Donald Trump');
      expect(who).toContain('Vladimir Putin');
    });

    test('when zoomed with the keyboard or brushed, then the events move with the statements', async () => {
      await fresh();
      await b.open('#/timeline');
      // A day-precise statement on 18 August and the White House summit on the same day share an x.
      const tl = await api<TimelineResponse>('/api/timeline');
      expect(tl.mode).toBe('statements');
      const sameDay = tl.mode === 'statements' ? tl.statements.find((s) => s.saidAt === '2025-08-18' && s.saidAtPrecision === 'day') : undefined;
      expect(sameDay).toBeDefined();
      const stmt = `.cg-timeline g.mark[data-id="${sameDay!.id}"]`;
      const gap = async () => (await centre(page, `${mark(whiteHouse.id)} .band-symbol`)).x - (await centre(page, stmt)).x;
      const before = await centre(page, `${mark(whiteHouse.id)} .band-symbol`);
      expect(Math.abs(await gap())).toBeLessThan(1.5);
      await page.locator('.cg-timeline .zoom-surface').focus();
      await page.keyboard.press('+');
      await page.keyboard.press('ArrowLeft');
      const after = await centre(page, `${mark(whiteHouse.id)} .band-symbol`);
      expect(Math.abs(after.x - before.x)).toBeGreaterThan(20);
      expect(Math.abs(await gap())).toBeLessThan(1.5);
      // Brushing a window around 14–20 August on the context strip.
      await page.getByRole('button', { name: 'Show all' }).click();
      const strip = (await page.locator('.cg-timeline .brush .overlay').boundingBox())!;
      const a = await centre(page, `${mark(alaska.id)} .band-symbol`);
      const w = await centre(page, `${mark(whiteHouse.id)} .band-symbol`);
      const focusBox = (await page.locator('.cg-timeline .zoom-surface').boundingBox())!;
      // The strip and the focus share an x range when not zoomed, so the marks' x are the strip's x.
      expect(Math.abs(strip.x - focusBox.x)).toBeLessThan(1);
      await page.mouse.move(a.x - 20, strip.y + strip.height / 2);
      await page.mouse.down();
      await page.mouse.move(w.x + 40, strip.y + strip.height / 2, { steps: 5 });
      await page.mouse.up();
      const a2 = await centre(page, `${mark(alaska.id)} .band-symbol`);
      const w2 = await centre(page, `${mark(whiteHouse.id)} .band-symbol`);
      expect(w2.x - a2.x).toBeGreaterThan(2 * (w.x - a.x));
      expect(Math.abs(await gap())).toBeLessThan(1.5);
    });

    test('when an event mark is reached with Tab and Enter is pressed, then its page opens', async () => {
      await fresh();
      await b.open('#/timeline');
      await page.locator('.cg-timeline .zoom-surface').focus();
      let focused: string | null = null;
      for (let i = 0; i < 10 && !focused; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => (document.activeElement?.classList.contains('band-mark') ? document.activeElement.getAttribute('data-id') : null));
      }
      expect(focused).not.toBeNull();
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`#/event/${focused}$`));
      await page.waitForSelector('main[data-ready="true"] .event-view');
    });
  });

  describe('event page', () => {
    test('when the Alaska summit is clicked, then its page lists Trump and Putin and the articles reporting it', async () => {
      await fresh();
      await b.open('#/timeline');
      await page.locator(`${mark(alaska.id)} .band-symbol`).click();
      await page.waitForURL(new RegExp(`#/event/${alaska.id}$`));
      await page.waitForSelector('main[data-ready="true"] .event-view');
      expect(await page.locator('h1').textContent()).toBe('Alaska summit');
      const detail = await api<EventDetail>(`/api/events/${alaska.id}`);
      const people = page.locator('.event-participants a');
      const names = await people.allTextContents();
      expect(names).toEqual(expect.arrayContaining(['Donald Trump', 'Vladimir Putin']));
      const trump = detail.participants.find((p) => p.name === 'Donald Trump')!;
      expect(await page.getByRole('link', { name: 'Donald Trump', exact: true }).getAttribute('href')).toBe(`#/actor/${trump.id}`);
      const reports = page.locator('.event-reports a');
      expect(await reports.count()).toBe(detail.reports.length);
      expect(detail.reports.length).toBeGreaterThanOrEqual(1);
      expect(await reports.first().getAttribute('href')).toBe(`#/article/${detail.reports[0]!.id}?event=${alaska.id}`);
      expect(await page.locator('.event-facts').textContent()).toContain('Alaska');
      // A week either side of 15 August (the window's end is exclusive): 8 to 23 August.
      expect(await page.getByRole('link', { name: 'Show on the timeline' }).getAttribute('href')).toBe('#/timeline?from=2025-08-08&to=2025-08-23');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      await shot('event');
    });

    test('when a reporting article is opened from the event page, then the stored sentences telling the event are highlighted', async () => {
      await fresh();
      const detail = await api<EventDetail>(`/api/events/${alaska.id}`);
      // The sentences telling the Alaska summit in each article, in text order, as the extractor finds them,
      // copied from test/fixtures/seed-page.txt (each occurs there once) and read there by hand.
      const expected: Record<string, string[]> = {
        "Don't worry about WW3": [
          'Last week, Trump hosted Putin in Alaska for the first face-to-face talks between the American and Russian leaders since the escalation of the Ukraine conflict in February 2022.',
          "Trump described his talks with Putin as 'very productive' and said the meetings have made a settlement more realistic.",
        ],
        'Trump envoy tells Alaska summit critics to shut up': [
          "The Alaska summit between US President Donald Trump and his Russian counterpart Vladimir Putin was a historic step toward ending the Ukraine conflict, Trump's special envoy Keith Kellogg has said, telling critics to just 'shut up.'",
          'The two presidents met in Anchorage last week and expressed hope that progress had been made toward a peace deal.',
          'Trump met Putin on Friday in their first face-to-face encounter since 2019.',
          'Both described the talks as constructive and warm.',
        ],
      };
      expect(detail.reports.map((r) => r.title).sort()).toEqual(Object.keys(expected).sort());
      for (const r of detail.reports) {
        await b.open(`#/event/${alaska.id}`);
        await page.locator(`.event-reports a[data-article="${r.id}"]`).click();
        await page.waitForURL(/#\/article\//);
        await page.waitForSelector('main[data-ready="true"] .article-view');
        await page.waitForSelector('.hl-sentence.is-selected');
        // The highlighted pieces, in document order, are exactly the stored sentences: nothing between them, nothing more.
        const selected = (await page.locator('.hl-sentence.is-selected').allTextContents()).join('');
        expect(selected, r.title).toBe(expected[r.title]!.join(''));
        // The first one is scrolled into the 1280×800 viewport.
        const box = await page.locator('.hl-sentence.is-selected').first().boundingBox();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y).toBeLessThan(800);
        const n = expected[r.title]!.length;
        expect(await page.locator('.event-note').textContent()).toContain(`the ${n} sentences telling it are highlighted`);
        // The text is the article's, character for character: highlighting added no markup of its own.
        const article = await api<ArticleDetail>(`/api/articles/${r.id}`);
        expect(await page.locator('.article-text').textContent()).toBe(article.article.text);
      }
    });

    test('when an article is opened for an event it has no stored sentence of, then nothing is highlighted and the note says so', async () => {
      await fresh();
      // The call is told by the envoy article only; the "Don't worry" article does not report it.
      const other = (await api<EventDetail>(`/api/events/${alaska.id}`)).reports.find((r) => r.title === "Don't worry about WW3")!;
      expect((await api<EventDetail>(`/api/events/${call.id}`)).reports.map((r) => r.id)).not.toContain(other.id);
      await b.open(`#/article/${other.id}?event=${call.id}`);
      await page.waitForSelector('.event-note');
      expect(await page.locator('.event-note').textContent()).toContain('this article has no stored sentence for it');
      expect(await page.locator('.hl-sentence.is-selected').count()).toBe(0);
    });

    test('when the White House summit is opened, then the statements made at it are listed with links', async () => {
      await fresh();
      const detail = await api<EventDetail>(`/api/events/${whiteHouse.id}`);
      expect(detail.statements.length).toBeGreaterThan(0);
      await b.open(`#/event/${whiteHouse.id}`);
      const items = page.locator('.event-statements li.statement');
      expect(await items.count()).toBe(detail.statements.length);
      const first = detail.statements[0]!;
      expect(await items.first().textContent()).toContain(first.content);
      expect(await items.first().getByRole('link', { name: 'in the article' }).getAttribute('href')).toBe(`#/article/${first.articleId}?s=${first.id}`);
    });

    test('when #/event is opened, then every event is listed with a link to its page', async () => {
      await fresh();
      await b.open('#/event');
      const links = await page.locator('.event-list a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      expect(links).toEqual(expect.arrayContaining([`#/event/${alaska.id}`, `#/event/${whiteHouse.id}`, `#/event/${call.id}`]));
    });
  });

  describe('actor page', () => {
    test("when Trump's page is opened, then the events he took part in are in its timeline's band and listed", async () => {
      await fresh();
      const trump = alaska.participants.find((p) => p.name === 'Donald Trump')!;
      // He takes part in all three seed events (see the first test); the list is the API's participant filter.
      const mine = await api<{ items: EventSummary[] }>(`/api/events?participant=${trump.id}`);
      expect(mine.items.map((e) => e.id).sort()).toEqual([alaska.id, whiteHouse.id, call.id].sort());
      await b.open(`#/actor/${trump.id}`);
      for (const e of [alaska, whiteHouse, call]) await page.waitForSelector(mark(e.id));
      const links = await page.locator('.actor-events a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      expect(links.sort()).toEqual([alaska.id, whiteHouse.id, call.id].map((id) => `#/event/${id}`).sort());
      await page.locator(`${mark(call.id)} .band-symbol`).click();
      await page.waitForURL(new RegExp(`#/event/${call.id}$`));
      await page.waitForSelector('main[data-ready="true"] .event-view');
      expect(await page.locator('h1').textContent()).toBe('call: Trump–Putin');
    });
  });

  // Writes to the store, so it runs last.
  describe('hostile input', () => {
    test('when an event name and place hold markup, then the timeline and the event page show it as text', async () => {
      await fresh();
      // The extractor never yields markup in a name; a store edited by someone else can hold anything.
      const name = 'Summit <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
      const place = '<b>Anchorage</b><svg onload="window.__pwned=3"></svg>';
      await b.ui.store.run('MATCH (e:Event {id: $id}) SET e.name = $name, e.place = $place RETURN e.id AS id', { id: alaska.id, name, place });
      await b.open('#/timeline');
      await page.locator(`${mark(alaska.id)} .band-symbol`).hover();
      await expect.poll(() => page.locator('.cg-timeline .cg-tooltip').isVisible()).toBe(true);
      expect(await page.locator('.cg-timeline .cg-tooltip div').first().textContent()).toBe(name);
      await page.locator(`${mark(alaska.id)} .band-symbol`).click();
      await page.waitForSelector('main[data-ready="true"] .event-view');
      expect(await page.locator('h1').textContent()).toBe(name);
      expect(await page.locator('.event-facts').textContent()).toContain(place);
      expect(await page.locator('main img, main script, main b, main svg[onload]').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    });
  });
});
