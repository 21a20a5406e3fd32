import { afterEach, describe, expect, test } from 'vitest';
import { openStore } from '../../server/graph/index.js';
import type { GraphStore, Row } from '../../server/graph/types.js';
import { ingestText, readInputs } from '../../server/ingest/index.js';
import type { IngestedArticle } from '../../server/ingest/types.js';
import { resolveActors, updateClaims } from '../../server/claims/index.js';
import { backfillEvents, buildArticleGraph, eventsState, extractArticle, processArticle } from '../../server/pipeline/index.js';
import { SEED_PAGE, ROOT } from '../utils/cli.js';
import { eventGraph } from '../utils/event-graph.js';

/**
 * The events step for articles stored without it (issue 10): stored before
 * the step existed, or a crash between the article write and the step. The
 * backfill and re-ingest run it from what the store holds.
 */
const RETRIEVED = '2025-08-21T12:00:00Z';

/** The whole graph: every node's labels and properties, every relationship. */
async function wholeGraph(store: GraphStore): Promise<{ nodes: Row[]; rels: Row[] }> {
  return {
    nodes: await store.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY coalesce(n.id, n.key)'),
    rels: await store.run('MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.key) AS from, type(r) AS type, coalesce(b.id, b.key) AS to ORDER BY from, type, to'),
  };
}

/** The seed page, the wire story and two short reports of the Alaska summit, in id order (the order the backfill takes). */
async function articles(): Promise<IngestedArticle[]> {
  const out: IngestedArticle[] = [];
  for await (const item of readInputs([SEED_PAGE, `${ROOT}test/fixtures/wire-story.txt`], { retrievedAt: RETRIEVED })) if (item.ok) out.push(...item.articles);
  const short = (title: string, text: string) => ingestText(text, { origin: title, title, retrievedAt: RETRIEVED, publishedAt: RETRIEVED, source: 'Test Wire' });
  out.push(...short('Leaders meet', 'US President Donald Trump met Russian President Vladimir Putin on Friday in Anchorage, officials said.'));
  out.push(...short('Summit aftermath', 'Last week, US President Donald Trump hosted Russian President Vladimir Putin in Alaska for talks, a spokesman said.'));
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Writes the articles the way claimgraph did before the events step existed: article and claims, no events. */
async function storeWithoutEvents(list: IngestedArticle[]): Promise<GraphStore> {
  const store = await openStore({ backend: 'embedded', path: null });
  for (const a of list) {
    const graph = await resolveActors(store, buildArticleGraph(a, extractArticle(a).extraction));
    await store.writeArticle(graph);
    await updateClaims(store, graph);
  }
  return store;
}

const open: GraphStore[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

describe('backfilling the events step', () => {
  test('articles stored without events get the events an ingest gives them, and every article is marked done', async () => {
    const list = await articles();
    const old = await storeWithoutEvents(list);
    const fresh = await openStore({ backend: 'embedded', path: null });
    open.push(old, fresh);
    for (const a of list) await processArticle(fresh, a);
    const expected = await eventGraph(fresh);
    // The two short reports and the seed page tell the Alaska summit: one shared event at least, so merging is exercised.
    expect(expected.some((e) => (e.reports as string[]).length >= 3)).toBe(true);
    expect(await eventGraph(old)).toEqual([]);
    expect(await eventsState(old, list[0]!.id)).toBe('pending');

    const summary = await backfillEvents(old);
    expect(summary).toMatchObject({ articles: list.length, failed: 0, errors: [] });
    expect(await eventGraph(old)).toEqual(expected);
    for (const a of list) expect(await eventsState(old, a.id)).toBe('done');
  }, 120_000);

  test('a second backfill finds nothing to do and changes nothing', async () => {
    const list = await articles();
    const store = await storeWithoutEvents(list);
    open.push(store);
    const progress: [number, number][] = [];
    await backfillEvents(store, (done, total) => progress.push([done, total]));
    expect(progress.at(-1)).toEqual([list.length, list.length]);
    const before = await wholeGraph(store);
    expect(await backfillEvents(store)).toEqual({ articles: 0, events: 0, failed: 0, errors: [] });
    expect(await wholeGraph(store)).toEqual(before);
  }, 120_000);

  test('a store written at events version 1 (REPORTS without sentence spans) gets the spans from the backfill, and nothing else changes', async () => {
    const list = await articles();
    const store = await openStore({ backend: 'embedded', path: null });
    open.push(store);
    for (const a of list) await processArticle(store, a);
    const expected = await eventGraph(store);
    const before = await wholeGraph(store);
    // Every REPORTS of the current step has its spans.
    for (const e of expected) for (const sp of e.spans as Row[]) expect((sp.starts as number[]).length).toBeGreaterThan(0);
    // Back to what version 1 wrote: no spans, the articles marked 1.
    await store.run('MATCH (:Article)-[r:REPORTS]->(:Event) REMOVE r.start, r.end, r.starts, r.ends RETURN count(*) AS n');
    await store.run('MATCH (a:Article) SET a.eventsVersion = 1 RETURN count(*) AS n');
    expect((await eventGraph(store)).flatMap((e) => e.spans as Row[]).every((sp) => sp.starts === null && sp.start === null)).toBe(true);
    expect(await eventsState(store, list[0]!.id)).toBe('pending');

    expect(await backfillEvents(store)).toMatchObject({ articles: list.length, failed: 0 });
    expect(await eventGraph(store)).toEqual(expected);
    expect(await wholeGraph(store)).toEqual(before);
    for (const a of list) expect(await eventsState(store, a.id)).toBe('done');
  }, 120_000);

  test('re-ingesting an article stored without its events step runs the step; ingesting it again changes nothing', async () => {
    const list = (await articles()).filter((a) => a.title === 'Leaders meet');
    const store = await storeWithoutEvents(list);
    open.push(store);
    expect((await processArticle(store, list[0]!)).status).toBe('unchanged');
    const events = await eventGraph(store);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ props: { type: 'meeting', date: '2025-08-15', datePrecision: 'day', place: 'Anchorage' }, reports: [list[0]!.id] });
    expect(await eventsState(store, list[0]!.id)).toBe('done');
    const before = await wholeGraph(store);
    expect((await processArticle(store, list[0]!)).status).toBe('unchanged');
    expect(await wholeGraph(store)).toEqual(before);
  }, 60_000);
});
