import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { articlePageRows, getArticle, openStore, readArticleGraph, statementById } from '../../server/graph/index.js';
import { SCHEMA } from '../../server/graph/queries/schema.js';
import { compactStatementTexts, SCHEMA_VERSION } from '../../server/graph/schema.js';
import type { ArticleGraph, GraphStore, StatementNode } from '../../server/graph/types.js';
import { exportStatements } from '../../server/exchange/index.js';
import { sourceId, stableId } from '../../server/ids.js';
import { actor, statement } from '../utils/graph-fixtures.js';
import { storeSandbox } from '../utils/stores.js';

/**
 * A statement stores only the texts it cannot be read back from
 * (server/graph/write.ts storedStatementProps, issue 19's serving memory):
 * no sentence when it is the article's text between its offsets, no quote
 * when it is the content. Every read puts them back (records.ts
 * statementTexts), and schema version 10 compacts statements stored before.
 */

const SPEAKER = actor('Ada Quill');
// An emoji before the sentences: two UTF-16 code units, one code point, so offsets counted as JavaScript counts them matter.
const TEXT = 'Intro \u{1F600} line.\n"Rates will fall," Ada Quill said.\nShe added that taxes rise.\n';
const at = (s: string) => [TEXT.indexOf(s), TEXT.indexOf(s) + s.length] as const;

function article(): ArticleGraph {
  const id = stableId('art', 'statement texts');
  const [s1, e1] = at('"Rates will fall," Ada Quill said.');
  const [c1, d1] = at('Rates will fall');
  const [s2, e2] = at('She added that taxes rise.');
  const [c2, d2] = at('taxes rise');
  const statements: StatementNode[] = [
    // Direct, quote = content, sentence = the text at its offsets: neither is stored.
    statement(id, c1, d1, { content: 'Rates will fall', quote: 'Rates will fall', direct: true, sentence: TEXT.slice(s1, e1), sentenceStart: s1, sentenceEnd: e1, speakerId: SPEAKER.id }),
    // Indirect, no quote: nothing to mark, the sentence is not stored.
    statement(id, c2, d2, { content: 'taxes rise', quote: null, direct: false, sentence: TEXT.slice(s2, e2), sentenceStart: s2, sentenceEnd: e2, speakerId: SPEAKER.id }),
    // Direct without a quote (an import may bring one), and a sentence that is not the text at its offsets: both kept.
    statement(id, 0, 5, { content: 'Intro', quote: null, direct: true, sentence: 'A sentence of its own.', sentenceStart: 0, sentenceEnd: 5, speakerId: SPEAKER.id }),
    // A quote that differs from the content is kept.
    statement(id, 6, 8, { content: 'an emoji', quote: '\u{1F600}', direct: true, sentence: TEXT.slice(0, 15), sentenceStart: 0, sentenceEnd: 15, speakerId: SPEAKER.id }),
  ];
  return {
    source: { id: sourceId('Texts Daily'), name: 'Texts Daily', domain: null },
    article: {
      id, url: null, title: 'Texts', publishedAt: '2024-03-04T10:00:00.000Z', publishedAtPrecision: 'minute',
      retrievedAt: '2024-03-05T00:00:00.000Z', contentHash: stableId('sha', 'statement texts'), language: 'en', text: TEXT,
    },
    actors: [SPEAKER],
    statements,
    mentions: [SPEAKER.id],
  };
}

const GRAPH = article();
const texts = (s: { id: string; quote: string | null; sentence: string | null }) => ({ id: s.id, quote: s.quote, sentence: s.sentence });
const WRITTEN = GRAPH.statements.map(texts).sort((a, b) => (a.id < b.id ? -1 : 1));
const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

/** What the statement nodes store of their texts. */
async function stored(store: GraphStore) {
  const rows = await store.run('MATCH (s:Statement) RETURN s.id AS id, s.quote AS quote, s.quoteIsContent AS quoteIsContent, s.sentence AS sentence ORDER BY id');
  return rows.map((r) => ({ id: String(r.id), quote: r.quote ?? null, quoteIsContent: r.quoteIsContent ?? null, sentence: r.sentence ?? null }));
}

/** Every read of a statement's texts, each as {id, quote, sentence} sorted by id. */
async function everyRead(store: GraphStore) {
  const id = GRAPH.article.id;
  const exported: Array<{ id: string; sentence: string | null }> = [];
  await exportStatements(store, async (line) => void exported.push(JSON.parse(line)));
  return {
    article: byId((await getArticle(store, id))!.statements.map(texts)),
    page: byId((await articlePageRows(store, id))!.statements.map(texts)),
    one: byId(await Promise.all(GRAPH.statements.map(async (s) => texts((await statementById(store, s.id))!)))),
    graph: byId((await readArticleGraph(store, id))!.statements.map(texts)),
    // The flat export has sentences, not quotes.
    flat: byId(exported.map((r) => ({ id: r.id, sentence: r.sentence }))),
  };
}

const EXPECTED = {
  article: WRITTEN, page: WRITTEN, one: WRITTEN, graph: WRITTEN,
  flat: WRITTEN.map(({ id, sentence }) => ({ id, sentence })),
};

describe('statement texts stored once', () => {
  const { tempDir, open } = storeSandbox('claimgraph-texts-');
  let store: GraphStore;
  beforeAll(async () => {
    store = await openStore({ backend: 'embedded', path: null });
    await store.writeArticle(GRAPH);
  });
  afterAll(() => store.close());

  test('a written statement stores its sentence only when the article text at its offsets differs, its quote only when it is not the content', async () => {
    const [direct, indirect, quoteless, emoji] = GRAPH.statements.map((s) => s.id);
    expect(await stored(store)).toEqual(byId([
      { id: direct!, quote: null, quoteIsContent: true, sentence: null },
      { id: indirect!, quote: null, quoteIsContent: null, sentence: null },
      { id: quoteless!, quote: null, quoteIsContent: null, sentence: 'A sentence of its own.' },
      { id: emoji!, quote: '\u{1F600}', quoteIsContent: null, sentence: null },
    ]));
  });

  test('every read gives the quote and sentence that were written', async () => {
    expect(await everyRead(store)).toEqual(EXPECTED);
  });

  test('when a version-9 store (texts stored whole) is opened, then the migration compacts it, the reads are unchanged, and a rerun changes nothing', async () => {
    const path = join(tempDir(), 'store.grafeo');
    const old = await openStore({ backend: 'embedded', path });
    await old.writeArticle(GRAPH);
    // Put back the texts as a version-9 write stored them.
    for (const s of GRAPH.statements) {
      await old.run('MATCH (s:Statement {id: $id}) SET s.quote = $quote, s.sentence = $sentence REMOVE s.quoteIsContent', { id: s.id, quote: s.quote, sentence: s.sentence });
    }
    await old.run(SCHEMA.writeVersion, { version: 9, updatedAt: '2026-01-01T00:00:00.000Z' });
    expect((await stored(old)).filter((s) => s.sentence !== null)).toHaveLength(4);
    expect(await everyRead(old)).toEqual(EXPECTED);
    await old.close();

    const migrated = await open(path);
    const [version] = await migrated.run(SCHEMA.readVersion);
    expect(Number(version?.version)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(11);
    expect(await stored(migrated)).toEqual(await stored(store));
    expect(await everyRead(migrated)).toEqual(EXPECTED);
    // Pages of one article, run again: nothing more to remove.
    await compactStatementTexts((q, p) => migrated.run(q, p), 1);
    expect(await stored(migrated)).toEqual(await stored(store));
  });
});
