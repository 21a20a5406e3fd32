import { afterAll, describe, expect, test } from 'vitest';
import { jsonlLine } from '../../server/cli/extract.js';
import { openStore } from '../../server/graph/index.js';
import type { GraphStore } from '../../server/graph/types.js';
import { ingestText, type IngestItem } from '../../server/ingest/index.js';
import { articleKeys } from '../../server/claims/index.js';
import { ExtractPool, extractArticle, extractForIngest, ingestInputs } from '../../server/pipeline/index.js';

/**
 * Extraction in worker threads (issue 19): the pool gives exactly what the
 * extractor gives in this thread, and an ingest fed by it stores what a
 * sequential ingest stores, in input order.
 */
const AT = '2025-08-21T12:00:00Z';
/** The module whose line function `extract --jsonl` runs in the threads. */
const EXTRACT_CLI = new URL('../../server/cli/extract.ts', import.meta.url).href;
const TEXTS: Array<[title: string, text: string]> = [
  ['Port deal', 'Mayor Lena Ortiz said on Tuesday that the port deal "will bring jobs to the coast". The union warned that wages would fall.'],
  ['Rail strike', 'Transport minister Omar Haddad told reporters the rail strike must end. He added: "We will meet the drivers on Friday."'],
  ['Budget', 'The finance committee met in Lisbon on Monday. Its chair, Ines Duarte, said the budget was balanced.'],
  ['German note', 'Der Bürgermeister sagte am Dienstag, dass der neue Hafen in der Stadt viele Arbeitsplätze bringen werde. Die Gewerkschaft warnte, dass die Löhne sinken würden, und die Regierung will am Freitag mit den Fahrern sprechen. Das ist nicht das erste Mal, dass sich die Stadt mit dem Hafen beschäftigt.'],
];
const articles = TEXTS.map(([title, text]) => ingestText(text, { origin: title, title, retrievedAt: AT, publishedAt: AT, source: 'Test Wire' })[0]!);

const pool = new ExtractPool(2);
afterAll(() => pool.close());

describe('the extraction pool', () => {
  test('gives, for each article, the statements, events and skip reason extractArticle gives in this thread, and the claims step\'s article keys of its text', async () => {
    const fromPool = await Promise.all(articles.map((a) => pool.article(a)));
    expect(fromPool).toEqual(articles.map((a) => ({ ...extractArticle(a), articleKeys: { text: a.text, keys: articleKeys(a.text) } })));
    // The German note is long enough to have keys (MinHash bands of its words; the short ones have none), so the
    // comparison is not only of empty lists.
    expect(fromPool.map((r) => r.articleKeys!.keys.length > 0)).toEqual([false, false, false, true]);
    // The English ones say something, so the comparison is not of empty results; the German one is skipped.
    expect(fromPool.slice(0, 3).every((r) => r.extraction.statements.length > 0)).toBe(true);
    expect(fromPool[3]!.skipped).toMatch(/not English/);
  }, 60_000);

  test('a pool told to extract its first articles in this thread starts its threads only after them, with the same results', async () => {
    const lazy = new ExtractPool(1, { inThreadFirst: 2 });
    try {
      const got = [];
      const threads: number[] = [lazy.threads];
      for (const a of articles) {
        got.push(await lazy.article(a));
        threads.push(lazy.threads);
      }
      // None during the first article, one from the second on (the third and fourth go to the thread).
      expect(threads).toEqual([0, 0, 1, 1, 1]);
      expect(got).toEqual(articles.map((a) => extractForIngest(a)));
    } finally {
      await lazy.close();
    }
    expect(new ExtractPool(0, { inThreadFirst: 2 }).threads).toBe(0);
    const eager = new ExtractPool(1);
    expect(eager.threads).toBe(1);
    await eager.close();
  }, 60_000);

  test.each([
    ['a record', JSON.stringify({ id: 'r1', text: TEXTS[0]![1], publishedAt: AT })],
    ['invalid JSON', '{"id": "r2", "text": '],
    ['a record without text', JSON.stringify({ id: 'r3' })],
  ])('called with a jsonl line holding %s, gives the output line jsonlLine gives in this thread', async (_name, line) => {
    expect(await pool.call(EXTRACT_CLI, 'jsonlLine', [line, 7, {}])).toBe(jsonlLine(line, 7, {}));
  }, 60_000);

  test('an ingest fed by the pool stores and reports what a sequential ingest does, in input order', async () => {
    const ingest = async (withPool: ExtractPool | null) => {
      const store: GraphStore = await openStore({ backend: 'embedded', path: null });
      try {
        async function* items(): AsyncIterable<IngestItem> {
          yield { ok: true, origin: 'first', articles: articles.slice(0, 2) };
          yield { ok: false, origin: 'broken', error: new (await import('../../server/errors.js')).AppError('BAD_INPUT', 'expected text, found none') };
          yield { ok: true, origin: 'second', articles: [...articles.slice(2), articles[0]!] };
        }
        const order: string[] = [];
        const summary = await ingestInputs(store, items(), (e) => order.push(e.kind === 'article' ? `${e.title}:${e.status}` : `error:${e.origin}`), withPool);
        const rows = await store.run('MATCH (s:Statement) RETURN s.id AS id ORDER BY id');
        return { summary, order, statements: rows.map((r) => r.id) };
      } finally {
        await store.close();
      }
    };
    const sequential = await ingest(null);
    const pooled = await ingest(pool);
    expect(pooled).toEqual(sequential);
    expect(sequential.order).toEqual(['Port deal:created', 'Rail strike:created', 'error:broken', 'Budget:created', 'German note:created', 'Port deal:unchanged']);
  }, 120_000);
});
