import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openStore, type GraphStore } from '../../server/graph/index.js';
import { API } from '../../server/graph/queries/api.js';
import { CLAIM_TEST_READS } from './reads.js';
import { CLAIMS } from '../../server/graph/queries/claims.js';
import { ingestText, readInputs } from '../../server/ingest/index.js';
import { buildArticleGraph, extractArticle, ingestInputs, processArticle } from '../../server/pipeline/index.js';
import { claimsState, resolveActors } from '../../server/claims/index.js';
import { mergeActors } from '../../server/actors/index.js';

/**
 * The claims step on a real in-memory store through the real pipeline
 * (ingest -> extract -> identity -> write -> claims).
 */
const SEED = fileURLToPath(new URL('../fixtures/seed-page.txt', import.meta.url));
const RETRIEVED = '2025-08-21T12:00:00Z';
const PAGE = readFileSync(SEED, 'utf8');
const KELLOGG = PAGE.split('\n').find((l) => l.startsWith('The Alaska summit'))!;

let store: GraphStore;
beforeEach(async () => {
  store = await openStore({ backend: 'embedded', path: null });
});
afterEach(async () => {
  await store.close();
});

const ingestSeed = () => ingestInputs(store, readInputs([SEED], { retrievedAt: RETRIEVED }));

/** Ingests one text as an article of `source`. */
async function ingest(text: string, meta: { title: string; source: string; publishedAt?: string }) {
  for (const article of ingestText(text, { origin: meta.title, retrievedAt: RETRIEVED, ...meta })) await processArticle(store, article);
}

/** Everything countable in the store: nodes per label, relationships per type, and every claim's properties. */
async function snapshot() {
  const nodes = await store.run('MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label');
  const rels = await store.run('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
  const claims = await store.run(CLAIM_TEST_READS.listClaims, { skip: 0, limit: 1000 });
  return { nodes, rels, claims };
}

async function putinClaim() {
  const claims = await store.run(CLAIM_TEST_READS.listClaims, { skip: 0, limit: 100 });
  const c = claims.find((x) => String(x.text).includes("'sincere' desire to achieve peace"));
  expect(c, 'the "sincere desire" claim').toBeDefined();
  return { claim: c!, statements: await store.run(CLAIM_TEST_READS.claimStatements, { id: c!.id }) };
}

describe('claims on the seed page', () => {
  test('the Putin "sincere desire" statements of two articles are one claim', async () => {
    await ingestSeed();
    const { claim, statements } = await putinClaim();
    expect(statements.map((s) => s.speaker)).toEqual(['Vladimir Putin', 'Vladimir Putin']);
    expect(new Set(statements.map((s) => s.articleId)).size).toBe(2);
    expect(statements.map((s) => s.content).sort()).toEqual(["Trump's 'sincere' desire to achieve peace", "the US president's 'sincere' desire to achieve peace"]);
    // Both pieces are Russia Today's and neither copies the other.
    expect(claim).toMatchObject({ statements: 2, articles: 2, sources: 1, origins: 2 });
  });

  test('it is the only claim of the page (no false cross-article pairs)', async () => {
    await ingestSeed();
    expect(await store.run(CLAIM_TEST_READS.listClaims, { skip: 0, limit: 100 })).toHaveLength(1);
  });

  test('when the page is ingested again, then nothing changes', async () => {
    await ingestSeed();
    const before = await snapshot();
    const again = await ingestSeed();
    expect(again).toMatchObject({ ingested: 0, unchanged: 4, failed: 0 });
    expect(await snapshot()).toEqual(before);
  });

  test('actors named differently across the page are one actor (Trump, Putin, Zelensky)', async () => {
    await ingestSeed();
    const names = (await store.run('MATCH (a:Actor) RETURN a.name AS name')).map((r) => String(r.name));
    for (const n of ['Trump', 'Putin', 'Zelensky']) expect(names.filter((x) => x.includes(n))).toHaveLength(1);
  });
});

describe('republication', () => {
  test('a lightly edited copy republishes the original, counts as a copy in the claim, and a different article does not', async () => {
    await ingestSeed();
    const edited = KELLOGG.replace('historic step', 'major step').replace('last week', 'on Friday') + ' The Kremlin has not commented.';
    await ingest(edited, { title: 'Kellogg: critics should shut up', source: 'News Aggregator', publishedAt: '2025-08-21T11:30:00Z' });
    await ingest(
      'Oil prices rose on Thursday after the energy ministers of several producing countries met in Vienna to discuss output. ' +
        'Analysts said the market remained tight and that demand from Asia was expected to grow through the winter, while stocks in the United States fell for a third week. ' +
        'The ministers will meet again next month to review the agreement and decide whether to extend it into the spring.',
      { title: 'Oil prices rise', source: 'Energy Wire', publishedAt: '2025-08-21T09:00:00Z' },
    );
    const links = await store.run('MATCH (c:Article)-[r:REPUBLISHES]->(o:Article) RETURN c.title AS copy, o.title AS original, r.reason AS reason');
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ copy: 'Kellogg: critics should shut up', original: 'Trump envoy tells Alaska summit critics to shut up' });
    const { claim } = await putinClaim();
    // Three articles now carry it, from two outlets, but the aggregator's copy is not an independent origin.
    expect(claim).toMatchObject({ articles: 3, sources: 2, origins: 2 });
  });

  test('when the copy is stored before its original, then the original makes it a copy and the claim counts as in the other order', async () => {
    // The copy first: its claim counts are refreshed when the earlier original arrives (CLAIMS.claimsOfArticles).
    const edited = KELLOGG.replace('historic step', 'major step').replace('last week', 'on Friday') + ' The Kremlin has not commented.';
    await ingest(edited, { title: 'Kellogg: critics should shut up', source: 'News Aggregator', publishedAt: '2025-08-21T11:30:00Z' });
    await ingestSeed();
    const links = await store.run('MATCH (c:Article)-[r:REPUBLISHES]->(o:Article) RETURN c.title AS copy, o.title AS original');
    expect(links).toEqual([{ copy: 'Kellogg: critics should shut up', original: 'Trump envoy tells Alaska summit critics to shut up' }]);
    const { claim } = await putinClaim();
    expect(claim).toMatchObject({ articles: 3, sources: 2, origins: 2 });
  });
});

describe('actor identity across articles', () => {
  test('two people sharing a surname are not merged; a spelling variant is', async () => {
    await ingest('Former US President Joe Biden said on Monday that the economy was stronger than critics claimed and that wages had grown for two years.', { title: 'Biden on the economy', source: 'Wire A', publishedAt: '2025-08-18T10:00:00Z' });
    await ingest('Hunter Biden said on Tuesday that he would publish a memoir next spring about his years in business and his family.', { title: 'Hunter Biden memoir', source: 'Wire B', publishedAt: '2025-08-19T10:00:00Z' });
    await ingest('Ukrainian President Volodymyr Zelenskyy said on Monday that Kyiv was ready for talks on a ceasefire with Russia.', { title: 'Zelenskyy ready', source: 'Wire A', publishedAt: '2025-08-18T10:00:00Z' });
    await ingest("Ukraine's Volodymyr Zelensky said on Tuesday that Ukraine needed security guarantees before any ceasefire.", { title: 'Zelensky guarantees', source: 'Wire B', publishedAt: '2025-08-19T10:00:00Z' });
    const names = (await store.run("MATCH (a:Actor {kind: 'person'}) RETURN a.name AS name ORDER BY name")).map((r) => String(r.name));
    expect(names.filter((n) => n.includes('Biden')).sort()).toEqual(['Hunter Biden', 'Joe Biden']);
    expect(names.filter((n) => n.startsWith('Volodymyr Zelensk'))).toHaveLength(1);
    const said = await store.run("MATCH (p:Actor)-[:SAID]->(s:Statement) WHERE p.name STARTS WITH 'Volodymyr Zelensk' RETURN count(s) AS n");
    expect(said[0]!.n).toBe(2);
  });

  test('the aliases and roles an article gave an actor are kept with that article', async () => {
    await ingestSeed();
    const [trump] = await store.run("MATCH (a:Actor {name: 'Donald Trump'}) RETURN a.id AS id");
    const namings = await store.run(CLAIM_TEST_READS.actorNamings, { id: trump!.id, limit: 10 });
    expect(namings.length).toBeGreaterThanOrEqual(2);
    expect(namings.flatMap((n) => n.aliases as string[])).toContain('US President Donald Trump');
  });

  test("a user's merge decision holds for articles ingested after it", async () => {
    // A nickname the rules cannot tie to the full name: two actors until a user merges them.
    await ingest('Maria Zakharova said on Monday that the talks had failed because London kept raising the stakes.', { title: 'Zakharova on talks', source: 'Wire A', publishedAt: '2025-08-18T10:00:00Z' });
    await ingest('Masha Zakharova said on Tuesday that Moscow would answer any new sanctions.', { title: 'Sanctions answer', source: 'Wire B', publishedAt: '2025-08-19T10:00:00Z' });
    const ids = await store.run("MATCH (a:Actor) WHERE a.name CONTAINS 'Zakharova' RETURN a.id AS id, a.name AS name ORDER BY name");
    expect(ids.map((r) => r.name)).toEqual(['Maria Zakharova', 'Masha Zakharova']);
    const [maria, masha] = ids.map((r) => String(r.id));
    await mergeActors(store, masha!, maria!, 'same person');
    await ingest('Masha Zakharova said on Wednesday that the new proposal was a provocation aimed at Moscow.', { title: 'Proposal provocation', source: 'Wire C', publishedAt: '2025-08-20T10:00:00Z' });
    const speaker = await store.run("MATCH (p:Actor)-[:SAID]->(s:Statement) WHERE s.content CONTAINS 'provocation' RETURN p.id AS id");
    expect(speaker.map((r) => r.id)).toEqual([maria]);
  });
});

describe('incremental safety', () => {
  test('when an article was written without its claims step (a crash), then re-ingest finishes it', async () => {
    const articles = [];
    for await (const item of readInputs([SEED], { retrievedAt: RETRIEVED })) if (item.ok) articles.push(...item.articles);
    // Write every article the way a crash after the article write would leave it: no claims step.
    for (const a of articles) await store.writeArticle(await resolveActors(store, buildArticleGraph(a, extractArticle(a).extraction)));
    expect(await claimsState(store, articles[1]!.id)).toBe('pending');
    expect(await store.run(CLAIM_TEST_READS.listClaims, { skip: 0, limit: 10 })).toEqual([]);
    for (const a of articles) expect((await processArticle(store, a)).status).toBe('unchanged');
    expect(await claimsState(store, articles[1]!.id)).toBe('done');
    const { claim } = await putinClaim();
    expect(claim).toMatchObject({ statements: 2, articles: 2 });
  });
});

describe('same-claim pairs on the annotated fixtures (npm run eval)', () => {
  test('the seed page pair is found, and the cross-source fixture has no wrong pair', async () => {
    const { evalClaims } = await import('../../scripts/eval-claims.js');
    const { fixtures } = await evalClaims(['seed-page', 'claims-cross']);
    expect(fixtures['seed-page']).toMatchObject({ predictedPairs: 1, goldPairs: 1, correctPairs: 1, precision: 1, recall: 1 });
    expect(fixtures['claims-cross']).toMatchObject({ goldPairs: 12, precision: 1, wrong: [] });
    // Zakharova's "a provocation" is not extracted today, so its pair is the only one allowed to be missed.
    expect(fixtures['claims-cross']!.missed.filter(([a, b]) => !(a === 'x0-4' && b === 'x2-4'))).toEqual([]);
  });
});

describe('claims on real-reporting phenomena (test/fixtures/claims-real, invented text)', () => {
  const REAL = fileURLToPath(new URL('../fixtures/claims-real.jsonl', import.meta.url));

  test('a figure written three ways, a trimmed quote, a speaker-less quote and a late report each join their claim, and nothing else does', async () => {
    const { evalClaims } = await import('../../scripts/eval-claims.js');
    const { fixtures } = await evalClaims(['claims-real']);
    // Floor: 6 of the 7 gold pairs (1 of 7 before issue 21); no wrong pair: the reversal and the new figure stay out.
    // The one left out is the paraphrase by a surname-only speaker ("Brandt said workers would reject ..." against
    // "Oskar Brandt said the unions would not accept ..."): identity no longer joins a bare surname to a stored person
    // without evidence (issue 16, docs/actors.md), and names only alike admit a claim on words repeated word for word,
    // never on a paraphrase (speakers.ts). Both rules are deliberate; docs/claims.md says what this costs.
    expect(fixtures['claims-real']).toMatchObject({ goldPairs: 7, correctPairs: 6, precision: 1, wrong: [], missed: [['r0-3', 'r1-3']] });
  });

  test('the union leader\'s reversal six weeks on is a contradiction candidate of his first statement, not part of its claim', async () => {
    await ingestInputs(store, readInputs([REAL], { retrievedAt: '2025-04-14T12:00:00Z' }));
    // The pairs as GET /api/contradictions reads them: the links, then their statements' contents.
    const links = await store.run(API.listContradictions, { skip: 0, limit: 50, q: null });
    const contents = new Map((await store.run(API.statementsByIds, { ids: links.flatMap((l) => [l.fromId, l.toId]) })).map((s) => [String(s.id), String(s.content)]));
    const pairs = links.map((r) => [contents.get(String(r.fromId)), contents.get(String(r.toId)), String(r.reason)]);
    expect(pairs).toContainEqual([
      'the unions would accept the new shift rules for tunnel crews after all',
      'the unions would not accept the new shift rules for tunnel crews',
      'opposite polarity ("not"); same speaker at different times',
    ]);
  });
});
