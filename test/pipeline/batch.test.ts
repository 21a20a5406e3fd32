import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { openStore } from '../../server/graph/index.js';
import { CLAIMS } from '../../server/graph/queries/claims.js';
import type { ArticleGraph, GraphStore, WriteStatus } from '../../server/graph/types.js';
import { ingestText, type IngestedArticle, type IngestItem } from '../../server/ingest/index.js';
import { ingestInputs, processArticle, type ProgressEvent } from '../../server/pipeline/index.js';
import { fingerprint } from '../api/helpers.js';

/**
 * Ingest in batches (issue 19, server/pipeline/batch.ts) stores exactly
 * what ingesting the same articles one by one stores: every node and
 * relationship with its properties (actors with their gathered aliases,
 * statements, claims and their counts, band and alias keys, events,
 * counters), compared on a dump of the whole graph. The articles make the
 * batch's own bookkeeping matter: people named in full, then by surname,
 * in later articles of the same batch (actor identity reads the alias keys
 * the earlier articles' claims steps wrote), repeated quotes (claims
 * across articles of a batch), the same text from a second outlet
 * (republication inside a batch), copies of one article in one batch, the
 * later-found one dated earlier (links and claims made earlier in the batch
 * read back), and an exact duplicate (unchanged).
 */
const WIKINEWS = new URL('../../bench/wikinews/wikinews-2019-2020.jsonl', import.meta.url);
const AT = '2025-09-01T00:00:00.000Z';

/** Invented reports, written for this test: one story told several times, its people named in different ways. */
const STORY = [
  `Harbour commissioner Petra Lindqvist said on Monday that the new ferry terminal "will open in the spring". Lindqvist added that the budget was safe.`,
  `Petra Lindqvist said on Tuesday that the ferry terminal will open in the spring. Mayor Tomas Okafor said the city would pay half.`,
  `Lindqvist met Okafor at the harbour on Wednesday. "The ferry terminal will open in the spring," Lindqvist told reporters.`,
  `Tomas Okafor accused Lindqvist of hiding the costs. "The budget is not safe," Okafor said on Thursday.`,
  `The harbour commissioner, Petra Lindqvist, denied on Friday that costs were hidden. Okafor said he would ask for an audit.`,
];

/**
 * Invented reports, written for this test, that make the claims a batch builds matter to its later articles: two
 * quotes by one person, then one report carrying both (it joins them into one claim), then one repeating the second
 * (it must join that claim, made earlier in the same batch); a quote by a role ("a spokesman"), the same words by a
 * named person (they join), the same words by another person (kept out: the claim now has a named speaker).
 */
const CLAIM_STORY: Array<[string, string]> = [
  ['2025-04-01', `Harbour chief Ana Costa spoke to reporters on Tuesday. "The harbour bridge will open to traffic in May," Costa said.`],
  ['2025-04-02', `Ana Costa gave an update on Wednesday. "The old ferry service will stop running at the end of June," Costa said.`],
  ['2025-04-03', `"The harbour bridge will open to traffic in May, and the old ferry service will stop running at the end of June," Ana Costa said on Thursday.`],
  ['2025-04-04', `"The old ferry service will stop running at the end of June," Ana Costa said on Friday.`],
  ['2025-05-05', `"The tunnel toll will double from next January for every lorry that uses it," a spokesman said on Monday.`],
  ['2025-05-06', `"The tunnel toll will double from next January for every lorry that uses it," harbour chief Ana Costa said on Tuesday.`],
  ['2025-05-07', `"The tunnel toll will double from next January for every lorry that uses it," haulier Bo Berg said on Wednesday.`],
];

function articles(): IngestedArticle[] {
  const records = readFileSync(WIKINEWS, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 60)
    .map((l) => JSON.parse(l) as { title: string; text: string; publishedAt: string; source?: string });
  const one = (text: string, title: string, publishedAt: string, source: string) =>
    ingestText(text, { origin: title, title, retrievedAt: AT, publishedAt, source })[0]!;
  const out: IngestedArticle[] = [];
  records.forEach((r, i) => {
    out.push(one(r.text, r.title, r.publishedAt, r.source ?? 'Wikinews'));
    // A story report every twelve articles, so the story spans several batches of 16 and sits inside them.
    if (i % 12 === 5) {
      const k = Math.floor(i / 12);
      out.push(one(STORY[k]!, `Harbour ${k + 1}`, `2025-03-0${k + 3}`, `Outlet ${(k % 2) + 1}`));
    }
  });
  // The same text from another outlet (a republication), and the same article again (unchanged), inside the batches.
  out.splice(20, 0, one(records[17]!.text, records[17]!.title, records[17]!.publishedAt, 'Another Wire'));
  out.splice(30, 0, out[25]!);
  // Copies of one article inside a batch, as wire copies come (the text with a line added): one dated as the original,
  // then one dated a day earlier, which becomes the origin of both (so the batch must know the first copy's link,
  // made earlier in the same batch, and the claims its statements joined).
  const base = records[3]!;
  const dayBefore = new Date(Date.parse(base.publishedAt) - 86_400_000).toISOString();
  out.splice(6, 0, one(`${base.text}\n\nDistributed by Wire B.`, base.title, base.publishedAt, 'Wire B'));
  out.splice(9, 0, one(`${base.text}\n\nDistributed by Wire C.`, base.title, dayBefore, 'Wire C'));
  // The claim stories inside one batch of 16 (articles 32 to 47).
  out.splice(34, 0, ...CLAIM_STORY.map(([date, text], i) => one(text, `Quay ${i + 1}`, date, `Quay Outlet ${(i % 3) + 1}`)));
  return out;
}

async function* asItems(list: IngestedArticle[]): AsyncIterable<IngestItem> {
  for (const a of list) yield { ok: true, origin: a.title, articles: [a] };
}

async function withStore<T>(work: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore({ backend: 'embedded', path: null });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

describe('ingest in batches', () => {
  test('stores, node for node and relationship for relationship, what ingesting the articles one by one stores, and reports the same', async () => {
    const list = articles();
    const oneByOne = await withStore(async (store) => {
      const statuses: string[] = [];
      for (const a of list) statuses.push((await processArticle(store, a)).status);
      return { dump: await fingerprint(store), statuses };
    });
    const run = (batchSize: number, partSize?: number) =>
      withStore(async (store) => {
        const statuses: string[] = [];
        const onProgress = (e: ProgressEvent) => statuses.push(e.kind === 'article' ? e.status : 'error');
        const summary = await ingestInputs(store, asItems(list), onProgress, null, batchSize, partSize);
        return { dump: await fingerprint(store), statuses, summary };
      });
    // One by one; batches of one transaction each; batches written in parts, each part's steps run while the next
    // part is written (parts of 5 and 7 do not divide the batches, so a batch ends with a short part).
    const runs = [await run(1), await run(16), await run(200), await run(16, 5), await run(200, 7)];
    // The comparison is of a graph with something in it: claims across articles, a republication, a resolved surname.
    const dump = JSON.parse(oneByOne.dump) as [string[], string[]];
    expect(dump[0].filter((n) => n.includes('"Claim"')).length).toBeGreaterThan(0);
    expect(dump[1].some((r) => r.includes('"REPUBLISHES"'))).toBe(true);
    expect(oneByOne.statuses.filter((s) => s === 'unchanged')).toHaveLength(1);
    for (const r of runs) {
      expect(r.statuses).toEqual(oneByOne.statuses);
      expect(r.summary.failed).toBe(0);
      expect(r.dump).toEqual(oneByOne.dump);
    }
  }, 300_000);

  test.each([
    { parts: 'one transaction for the batch', partSize: undefined },
    { parts: 'parts of three, the refused article in the second', partSize: 3 },
  ])('a batch whose write fails is written article by article ($parts): the article the store refuses is reported, the others are stored', async ({ partSize }) => {
    const list = articles().slice(0, 12);
    const refused = list[4]!.id;
    await withStore(async (real) => {
      // Fault injection over the real store: it refuses any write that contains one chosen article.
      const store: GraphStore = Object.assign(Object.create(real) as GraphStore, {
        writeArticles: (graphs: ArticleGraph[]): Promise<WriteStatus[]> =>
          graphs.some((g) => g.article.id === refused) ? Promise.reject(new Error('refused by the test')) : real.writeArticles(graphs),
        writeArticle: (graph: ArticleGraph): Promise<WriteStatus> =>
          graph.article.id === refused ? Promise.reject(new Error('refused by the test')) : real.writeArticle(graph),
      });
      const events: string[] = [];
      const onProgress = (e: ProgressEvent) => events.push(e.kind === 'article' ? `${e.title}:${e.status}` : `error:${e.origin}`);
      const summary = await ingestInputs(store, asItems(list), onProgress, null, 8, partSize);
      expect(summary).toMatchObject({ ingested: list.length - 1, failed: 1 });
      expect(events[4]).toBe(`error:${list[4]!.title} (${list[4]!.title})`);
      expect(await real.hasArticle(refused)).toBe(false);
      for (const a of list) if (a.id !== refused) expect(await real.hasArticle(a.id)).toBe(true);
    });
  }, 120_000);
  test('when a part\'s claims step fails, that part and the later ones are stored with their steps pending and reported; a rerun finishes them as one by one would', async () => {
    const list = articles().slice(0, 12);
    const oneByOne = await withStore(async (store) => {
      for (const a of list) await processArticle(store, a);
      return fingerprint(store);
    });
    await withStore(async (real) => {
      // Fault injection over the real store: the claims step's last write fails the second time (the second part's).
      let finishes = 0;
      const store: GraphStore = Object.assign(Object.create(real) as GraphStore, {
        run: (query: string, params?: Record<string, unknown>) =>
          query === CLAIMS.finishArticles && ++finishes === 2 ? Promise.reject(new Error('refused by the test')) : real.run(query, params),
      });
      const events: string[] = [];
      const onProgress = (e: ProgressEvent) => events.push(e.kind === 'article' ? e.status : 'error');
      // Twelve articles, one batch, parts of four.
      const summary = await ingestInputs(store, asItems(list), onProgress, null, 12, 4);
      expect(summary).toMatchObject({ ingested: 4, failed: 8 });
      expect(events).toEqual([...Array(4).fill('created'), ...Array(8).fill('error')]);
      for (const a of list) expect(await real.hasArticle(a.id)).toBe(true);
      expect(await fingerprint(real)).not.toEqual(oneByOne);
      // The rerun finds every article stored; the eight with pending steps are finished, in input order.
      const again = await ingestInputs(real, asItems(list), () => undefined, null, 12, 4);
      expect(again).toMatchObject({ ingested: 0, unchanged: 12, failed: 0 });
      expect(await fingerprint(real)).toEqual(oneByOne);
    });
  }, 120_000);
});
