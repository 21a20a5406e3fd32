import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore } from '../../server/graph/index.js';
import { API } from '../../server/graph/queries/api.js';
import type { GraphStore, Row } from '../../server/graph/types.js';
import { ingestText, readInputs } from '../../server/ingest/index.js';
import { backfillEvents, eventsState, ingestInputs, processArticle } from '../../server/pipeline/index.js';
import { exportJsonl, importJsonl } from '../../server/exchange/index.js';
import type { EventRecord } from '../../server/exchange/schema.js';
import { mergeActors, splitActor } from '../../server/actors/index.js';
import { actorId } from '../../server/ids.js';
import { ROOT, SEED_PAGE, tempDir } from '../utils/cli.js';
import { eventGraph } from '../utils/event-graph.js';

/**
 * The jsonl round trip (issue 7) with what is not part of any one article:
 * the events (shared by articles, merged in ingest order) and the users'
 * merge and split decisions. export -> import into an empty store -> export
 * must give the same text, and the imported store the same events and merges.
 */
const RETRIEVED = '2025-08-21T12:00:00Z';
const MACRON = actorId('person', 'Macron');
const FRANCE = actorId('country', 'France');
const WHITE_HOUSE = actorId('organization', 'White House');
const US = actorId('country', 'United States');

async function jsonl(store: GraphStore): Promise<string> {
  let out = '';
  await exportJsonl(store, (s) => {
    out += s;
  });
  return out;
}

const canonical = async (store: GraphStore, id: string) => (await store.run(API.actorExists, { id }))[0]?.canonicalId ?? null;

let source: GraphStore;
let dir: { dir: string; cleanup: () => Promise<void> };
let file: string;
let exported: string;

beforeAll(async () => {
  dir = await tempDir();
  source = await openStore({ backend: 'embedded', path: null });
  // Short reports of the Alaska summit first, the seed page later: the shared event's id and date come from ingest order, not id order.
  const short = (title: string, text: string) => ingestText(text, { origin: title, title, retrievedAt: RETRIEVED, publishedAt: RETRIEVED, source: 'Test Wire' });
  for (const a of short('Summit aftermath', 'Last week, US President Donald Trump hosted Russian President Vladimir Putin in Alaska for talks, a spokesman said.')) await processArticle(source, a);
  await ingestInputs(source, readInputs([SEED_PAGE, join(ROOT, 'test/fixtures/wire-story.txt')], { retrievedAt: RETRIEVED }));
  await mergeActors(source, MACRON, FRANCE, 'test: a merge that stays', new Date('2025-08-22T10:00:00Z'));
  await mergeActors(source, WHITE_HOUSE, US, undefined, new Date('2025-08-22T10:01:00Z'));
  await splitActor(source, WHITE_HOUSE, 'test: a merge that was split', new Date('2025-08-22T10:02:00Z'));
  file = join(dir.dir, 'graph.jsonl');
  exported = await jsonl(source);
  await writeFile(file, exported);
});
afterAll(async () => {
  await source.close();
  await dir.cleanup();
});

describe('jsonl export and import with events and merge decisions', () => {
  test('the export holds a header, the articles, the events and both decisions, in that order', () => {
    const types = exported.trim().split('\n').map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types[0]).toBe('header');
    expect(JSON.parse(exported.split('\n')[0]!)).toEqual({ type: 'header', format: 'claimgraph-jsonl', version: 2 });
    const firstOf = (t: string) => types.indexOf(t);
    expect(types.filter((t) => t === 'article')).toHaveLength(6); // 4 seed articles, the wire story, the short report
    expect(types.filter((t) => t === 'mergeDecision')).toHaveLength(2);
    expect(types.filter((t) => t === 'event').length).toBeGreaterThan(2);
    expect(firstOf('article')).toBeLessThan(firstOf('event'));
    expect(types.lastIndexOf('article')).toBeLessThan(firstOf('event'));
    expect(types.lastIndexOf('event')).toBeLessThan(firstOf('mergeDecision'));
  });

  test('export -> import into an empty store -> export gives the same text, the same events and the same merges', async () => {
    const target = await openStore({ backend: 'embedded', path: null });
    try {
      const summary = await importJsonl(target, file);
      expect(summary).toMatchObject({ created: 6, unchanged: 0, failed: 0, decisions: 2, errors: [] });
      expect(await jsonl(target)).toBe(exported);
      expect(await eventGraph(target)).toEqual(await eventGraph(source));
      expect(await canonical(target, MACRON)).toBe(FRANCE);
      expect(await canonical(target, WHITE_HOUSE)).toBeNull();
      const mergedInto = await target.run('MATCH (a:Actor) WHERE a.mergedInto IS NOT NULL RETURN a.id AS id, a.mergedInto AS into');
      expect(mergedInto).toEqual([{ id: MACRON, into: FRANCE }]);
      // The imported articles' events came from the file: their events step is marked done.
      const [first] = await target.run('MATCH (a:Article) RETURN a.id AS id ORDER BY id LIMIT 1');
      expect(await eventsState(target, String(first!.id))).toBe('done');

      const again = await importJsonl(target, file);
      expect(again).toMatchObject({ created: 0, unchanged: 6, failed: 0 });
      expect(await jsonl(target)).toBe(exported);
    } finally {
      await target.close();
    }
  }, 120_000);

  test('each event line carries, per reporting article, the spans of the sentences that tell it', () => {
    const lines = exported.trim().split('\n').map((l) => JSON.parse(l) as { type: string; graph?: { article: { id: string; text: string } }; event?: EventRecord });
    const texts = new Map(lines.filter((l) => l.type === 'article').map((l) => [l.graph!.article.id, l.graph!.article.text]));
    const events = lines.filter((l) => l.type === 'event').map((l) => l.event!);
    for (const e of events) expect(Object.keys(e.reportSpans ?? {}).sort(), e.id).toEqual(e.articleIds);
    const alaska = events.find((e) => e.props.name === 'Alaska summit')!;
    const short = [...texts].find(([, t]) => t.startsWith('Last week, US President'))![0];
    // The short report is one sentence: the whole text, 115 characters (counted with the fixture string).
    expect(alaska.reportSpans![short]).toEqual([[0, 115]]);
    // In each article, the first sentence telling it names the place or Putin (later ones may say only "the talks").
    for (const [id, spans] of Object.entries(alaska.reportSpans!)) expect(texts.get(id)!.slice(...spans[0]!), id).toMatch(/Alaska|Anchorage|Putin/);
  });

  test('a version-2 file written before the spans were kept imports, and backfill-events adds the spans', async () => {
    const old = exported.trim().split('\n').map((l) => {
      const line = JSON.parse(l) as { type: string; event?: EventRecord };
      if (line.event) delete line.event.reportSpans;
      return JSON.stringify(line);
    });
    const path = join(dir.dir, 'v2-without-spans.jsonl');
    await writeFile(path, `${old.join('\n')}\n`);
    const target = await openStore({ backend: 'embedded', path: null });
    try {
      expect(await importJsonl(target, path)).toMatchObject({ created: 6, failed: 0, decisions: 2, errors: [] });
      const noSpans = await eventGraph(target);
      expect(noSpans.flatMap((e) => e.spans as Row[]).every((sp) => sp.starts === null)).toBe(true);
      // Its articles that report events are left pending, so the backfill gives them their spans.
      const reporting = [...new Set(noSpans.flatMap((e) => e.reports as string[]))];
      for (const id of reporting) expect(await eventsState(target, id)).toBe('pending');
      expect(await backfillEvents(target)).toMatchObject({ articles: reporting.length, failed: 0 });
      expect(await eventGraph(target)).toEqual(await eventGraph(source));
      expect(await jsonl(target)).toBe(exported);
    } finally {
      await target.close();
    }
  }, 120_000);

  test('a version-1 file (no header, articles only) still imports, with the events step run on each article', async () => {
    const v1 = exported.split('\n').filter((l) => l.startsWith('{"type":"article"')).join('\n');
    const path = join(dir.dir, 'v1.jsonl');
    await writeFile(path, `${v1}\n`);
    const target = await openStore({ backend: 'embedded', path: null });
    try {
      expect(await importJsonl(target, path)).toMatchObject({ created: 6, failed: 0, events: 0, decisions: 0 });
      const events = await eventGraph(target);
      expect(events.length).toBeGreaterThan(2);
      // The Alaska summit, told by the short report and two seed articles, is one event there too.
      expect(events.filter((e) => (e.props as Row).name === 'Alaska summit')).toHaveLength(1);
      expect(await target.run('MATCH (d:MergeDecision) RETURN d.id AS id')).toEqual([]);
    } finally {
      await target.close();
    }
  }, 120_000);

  test.each([
    { name: 'a header of a newer version', header: { type: 'header', format: 'claimgraph-jsonl', version: 3 }, first: true, message: /expected a jsonl version this claimgraph reads \(1 to 2\)/ },
    { name: 'a header after the first line', header: { type: 'header', format: 'claimgraph-jsonl', version: 2 }, first: false, message: /expected the header on the first line, found it later/ },
    { name: 'an unknown record kind', header: { type: 'claim', id: 'x' }, first: true, message: /type/ },
  ])('when a file has $name, then that line is reported and the articles still import', async ({ header, first, message }) => {
    const articles = exported.split('\n').filter((l) => l.startsWith('{"type":"article"'));
    const lines = first ? [JSON.stringify(header), ...articles] : [articles[0]!, JSON.stringify(header), ...articles.slice(1)];
    const path = join(dir.dir, 'bad.jsonl');
    await writeFile(path, `${lines.join('\n')}\n`);
    const target = await openStore({ backend: 'embedded', path: null });
    try {
      const summary = await importJsonl(target, path);
      expect(summary).toMatchObject({ created: 6, failed: 1 });
      expect(summary.errors[0]!.where).toBe(`${path} line ${first ? 1 : 2}`);
      expect(summary.errors[0]!.message).toMatch(message);
    } finally {
      await target.close();
    }
  }, 120_000);
});
