import { afterEach, describe, expect, test } from 'vitest';
import { openStore } from '../../server/graph/index.js';
import { EVENTS } from '../../server/graph/queries/events.js';
import type { GraphStore } from '../../server/graph/types.js';
import { ingestText } from '../../server/ingest/index.js';
import { ingestInputs, processArticle } from '../../server/pipeline/index.js';
import type { IngestedArticle, IngestItem } from '../../server/ingest/index.js';

/**
 * The events step through the real pipeline: one Event node for one event
 * told by several articles, found through its keys with a fixed number of
 * queries whatever the store holds.
 */
const THU = '2025-08-21T12:00:00Z';
const article = (title: string, text: string, publishedAt = THU) =>
  ingestText(text, { origin: title, title, retrievedAt: THU, publishedAt, source: 'Test Wire' });

let store: GraphStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

/** Counts the queries the store runs while `fn` does. */
async function counting(s: GraphStore, fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const run = s.run.bind(s);
  s.run = async (q, p) => {
    seen.push(q);
    return run(q, p);
  };
  try {
    await fn();
  } finally {
    s.run = run;
  }
  return seen;
}

describe('the events step', () => {
  test('two articles telling one summit in other words make one Event reported by both', async () => {
    store = await openStore({ backend: 'embedded', path: null });
    const a = article('Leaders meet', 'US President Donald Trump met Russian President Vladimir Putin on Friday in Anchorage, officials said.');
    const b = article('Summit aftermath', 'Last week, US President Donald Trump hosted Russian President Vladimir Putin in Alaska for talks, a spokesman said.');
    for (const x of [...a, ...b]) await processArticle(store, x);
    const rows = await store.run(EVENTS.evalEvents);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ date: '2025-08-15', datePrecision: 'day' });
    expect((rows[0]!.articles as string[]).sort()).toEqual(['Leaders meet', 'Summit aftermath']);
  });

  test('a call is never merged into a meeting of the same people and day', async () => {
    store = await openStore({ backend: 'embedded', path: null });
    const a = article('Meeting', 'US President Donald Trump met Russian President Vladimir Putin on Friday in Anchorage.');
    const b = article('Call', 'US President Donald Trump briefed Russian President Vladimir Putin on Friday.');
    for (const x of [...a, ...b]) await processArticle(store, x);
    expect((await store.run(EVENTS.evalEvents)).map((r) => r.type).sort()).toEqual(['call', 'meeting']);
  });

  test('the events step runs the same number of queries into a store of many events as into an empty one', async () => {
    store = await openStore({ backend: 'embedded', path: null });
    const probe = (n: number) => article(`Probe ${n}`, `US President Donald Trump met Russian President Vladimir Putin on Friday in Anchorage, officials said (${n}).`);
    const first = await counting(store, async () => { for (const x of probe(0)) await processArticle(store!, x); });
    // 30 more meetings of the same president, on other days: under his other keys, never read by the probe
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'September', 'October', 'November'];
    for (let i = 1; i <= 30; i++) {
      const other = article(`Filler ${i}`, `US President Donald Trump met Prime Minister Guest${i} Visitor on ${months[i % 10]} ${1 + (i % 27)}, 2024 in Paris, aides said.`);
      for (const x of other) await processArticle(store, x);
    }
    expect((await store.run(EVENTS.evalEvents)).length).toBeGreaterThan(30);
    let candidates = -1;
    const later = await counting(store, async () => {
      const s = store!;
      const inner = s.run;
      s.run = async (q, p) => {
        const rows = await inner(q, p);
        if (q === EVENTS.keyMembers) candidates = new Set(rows.map((r) => (r as { id: string }).id)).size;
        return rows;
      };
      try { for (const x of probe(31)) await processArticle(s, x); } finally { s.run = inner; }
    });
    const events = (qs: string[]) => qs.filter((q) => Object.values(EVENTS).includes(q as never)).length;
    expect(events(later)).toBe(events(first));
    expect(events(later)).toBeLessThanOrEqual(6);
    expect(candidates).toBe(1); // only the probe's own earlier event
  });
});

/** Every node and relationship with every property, keys sorted at every depth (the schema version's time left out). */
async function wholeGraph(s: GraphStore): Promise<string[]> {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sorted)
      : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
        : v;
  const nodes = await s.run(`MATCH (n) WHERE NOT n:_SchemaVersion RETURN labels(n) AS labels, properties(n) AS props`);
  const rels = await s.run(`MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.key) AS from, type(r) AS type, coalesce(b.id, b.key) AS to, properties(r) AS props`);
  return [...nodes, ...rels].map((r) => JSON.stringify(sorted(r))).sort();
}

describe('the events step in batches', () => {
  /**
   * Invented reports, written for this test: a meeting told five times, where the later articles need what the
   * earlier ones of the same batch wrote: "this week" then "on Monday" (the stored event takes the finer date), a
   * third person joining (the next report names two of the three, so it finds the event only through the person
   * the batch added), an earlier week's meeting and a call kept apart.
   */
  const TALKS: Array<[string, string]> = [
    ['Talks 1', 'Foreign Minister Anna Holm met Defence Minister Karl Berg in Oslo last week, officials said.'],
    ['Talks 2', 'Foreign Minister Anna Holm met Defence Minister Karl Berg in Oslo this week, officials said.'],
    ['Talks 3', 'Anna Holm met Karl Berg on Monday in Oslo, a spokesman said.'],
    ['Talks 4', 'Anna Holm, Karl Berg and Prime Minister Lise Dahl met on Monday in Oslo, aides said.'],
    ['Call', 'Karl Berg briefed Anna Holm by phone on Tuesday.'],
    ['Talks 5', 'Anna Holm met Lise Dahl on Monday in Oslo, her office said.'],
  ];
  const list = (): IngestedArticle[] => TALKS.flatMap(([title, text]) => article(title, text));
  async function* asItems(as: IngestedArticle[]): AsyncIterable<IngestItem> {
    for (const a of as) yield { ok: true, origin: a.title, articles: [a] };
  }

  test('one batch stores, property for property, what the articles one by one store, reading the keys once', async () => {
    store = await openStore({ backend: 'embedded', path: null });
    for (const a of list()) await processArticle(store, a);
    const oneByOne = await wholeGraph(store);
    // The Monday meeting: one event (the "this week" one, made finer), told by four reports, with three people.
    const monday = (await store.run(EVENTS.evalEvents)).filter((r) => r.date === '2025-08-18');
    expect(monday).toHaveLength(1);
    expect(monday[0]).toMatchObject({ type: 'meeting', datePrecision: 'day', place: 'Oslo' });
    expect((monday[0]!.articles as string[]).sort()).toEqual(['Talks 2', 'Talks 3', 'Talks 4', 'Talks 5']);
    expect((monday[0]!.participants as string[]).sort()).toEqual(['Anna Holm', 'Karl Berg', 'Lise Dahl']);
    await store.close();

    store = await openStore({ backend: 'embedded', path: null });
    const s = store;
    const queries = await counting(s, () => ingestInputs(s, asItems(list()), () => undefined, null, 16));
    expect(await wholeGraph(s)).toEqual(oneByOne);
    expect(queries.filter((q) => q === EVENTS.keyMembers)).toHaveLength(1);
    expect(queries.filter((q) => q === EVENTS.upsertEvents)).toHaveLength(1);
  });
});

describe('where an article tells an event (REPORTS spans)', () => {
  test.each([
    {
      name: 'one sentence',
      text: 'US President Donald Trump met Russian President Vladimir Putin on Friday in Anchorage, officials said.',
      // The whole text is the one sentence: offsets 0 to 102.
      sentences: ['US President Donald Trump met Russian President Vladimir Putin on Friday in Anchorage, officials said.'],
    },
    {
      name: 'two sentences of one meeting, with an unrelated one between',
      text: 'US President Donald Trump met Russian President Vladimir Putin on Friday in Anchorage. Markets were calm. Both described the talks as constructive.',
      sentences: ['US President Donald Trump met Russian President Vladimir Putin on Friday in Anchorage.', 'Both described the talks as constructive.'],
    },
  ])('$name: REPORTS keeps the first sentence as start/end and every sentence as starts/ends', async ({ text, sentences }) => {
    store = await openStore({ backend: 'embedded', path: null });
    for (const x of article('Spans', text)) await processArticle(store, x);
    const rows = await store.run(`MATCH (art:Article)-[rep:REPORTS]->(e:Event)
RETURN art.text AS text, rep.start AS start, rep.end AS end, rep.starts AS starts, rep.ends AS ends`);
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    const starts = sentences.map((s) => text.indexOf(s));
    if (sentences.length === 1) expect([starts[0], starts[0]! + sentences[0]!.length]).toEqual([0, 102]);
    else expect(starts).toEqual([0, 106]); // "US President ... Anchorage. " is 87 characters, "Markets were calm. " 19
    expect(r).toMatchObject({ start: starts[0], end: starts[0]! + sentences[0]!.length, starts, ends: sentences.map((s, i) => starts[i]! + s.length) });
    expect((r.starts as number[]).map((a, i) => (r.text as string).slice(a, (r.ends as number[])[i]))).toEqual(sentences);
  });
});
