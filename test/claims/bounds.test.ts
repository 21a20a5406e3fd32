import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openStore, type GraphStore } from '../../server/graph/index.js';
import type { ArticleGraph } from '../../server/graph/types.js';
import { CLAIM_TEST_READS } from './reads.js';
import { CLAIMS } from '../../server/graph/queries/claims.js';
import { ALIAS_CAP, BAND_MEMBERS_CAP, CANDIDATE_BUDGET, claimsState, resolveActors, updateClaims, type ClaimsStore } from '../../server/claims/index.js';
import { anchorKeys } from '../../server/claims/keys.js';
import { actorId, stableId, statementId } from '../../server/ids.js';

/**
 * The claims step's per-article work is bounded whatever the store holds:
 * candidates per statement, namesakes per alias key; and its single last
 * write completes articles that have nothing to index. Real in-memory store,
 * real step.
 */
let store: GraphStore;
beforeEach(async () => {
  store = await openStore({ backend: 'embedded', path: null });
});
afterEach(async () => {
  await store.close();
});

const SPEAKER = { id: actorId('person', 'Anna Berg'), name: 'Anna Berg' };

/** A one-statement article by Anna Berg (or the given actors), dated on `day` of August 2025. */
function article(n: number, content: string, day = 10, actors = [{ ...SPEAKER, kind: 'person' as const, aliases: [] as string[], roles: ['Ruritania Foreign Minister'] }]): ArticleGraph {
  const id = stableId('art', 'bounds', String(n));
  const date = `2025-08-${String(day).padStart(2, '0')}T12:00:00Z`;
  return {
    source: { id: stableId('src', `outlet ${n % 5}`), name: `Outlet ${n % 5}`, domain: null },
    article: { id, url: null, title: `Report ${n}`, publishedAt: date, publishedAtPrecision: 'day', retrievedAt: date, contentHash: id, language: 'eng', text: content },
    actors,
    statements: content === '' ? [] : [{
      id: statementId(id, 0, content.length), content, quote: content, direct: true, cue: 'said', cueLemma: 'say', cueClass: 'say',
      saidAt: null, saidAtPrecision: 'unknown', timeText: null, sentence: content, sentenceStart: 0, sentenceEnd: content.length,
      start: 0, end: content.length, confidence: 0.9, speakerId: actors[0]?.id ?? null, speakerMention: actors[0]?.name ?? null,
      aboutIds: [], addresseeId: null, viaId: null,
    }],
    mentions: actors.map((a) => a.id),
  };
}

/** Writes an article and runs the claims step, counting the candidate rows each statement lookup returned. */
async function ingest(g: ArticleGraph, rows: number[] = []) {
  const counting: ClaimsStore = {
    run: async (q, p) => {
      const r = await store.run(q, p);
      if (q === CLAIMS.statementCandidates) rows.push(r.length);
      return r;
    },
  };
  const resolved = await resolveActors(counting, g);
  await store.writeArticle(resolved);
  return updateClaims(counting, resolved);
}

const TOPICS = ['the ceasefire', 'the trade deal', 'the sanctions', 'the border talks', 'the energy pact', 'the peace plan'];
const VERBS = ['stalling', 'escalating', 'hesitating', 'lying'];
/** Templated sentences of one speaker that collide on many band keys but are different utterances (different figures). */
const template = (i: number) => `We will not accept ${TOPICS[i % 6]} as long as Freedonia keeps ${VERBS[i % 4]} on ${TOPICS[(i + 1) % 6]} number ${100 + i}`;

describe('bounds of the claims step', () => {
  test(`a speaker with many colliding statements in one period: at most ${CANDIDATE_BUDGET} candidates per statement, and a repeat still finds its twin`, async () => {
    const twin = 'The blockade of the northern ports must end before any talks on grain exports begin';
    // The twin is stored last, behind 60 colliding templated statements of the same speaker and period.
    for (let i = 0; i < 60; i++) await ingest(article(i, template(i)));
    await ingest(article(100, twin));
    const rows: number[] = [];
    const crowdedRows: number[] = [];
    const repeat = await ingest(article(101, twin, 12), rows);
    await ingest(article(102, template(7).replace('number 107', 'number 999'), 12), crowdedRows);
    expect(repeat.claims).toHaveLength(1);
    const members = await store.run(CLAIM_TEST_READS.claimStatements, { id: repeat.claims[0] });
    expect(members.map((m) => m.articleId).sort()).toEqual([stableId('art', 'bounds', '100'), stableId('art', 'bounds', '101')].sort());
    // The templated statement collides with many stored ones: the budget, not the crowd, decides how many are read.
    expect(crowdedRows[0]).toBe(CANDIDATE_BUDGET);
    expect(rows[0]).toBeLessThanOrEqual(CANDIDATE_BUDGET);
  });

  test(`a band key takes at most ${BAND_MEMBERS_CAP} members, so no lookup expands more however often a phrase recurs`, async () => {
    // The same sentence 30 times by one speaker in one period: every statement shares all of its band keys.
    const phrase = 'The blockade of the northern ports must end before any talks on grain exports begin';
    for (let i = 0; i < 30; i++) await ingest(article(200 + i, phrase, 10 + (i % 3)));
    // Each key's members, from the keys each statement was admitted under (`_bands`): every key of the phrase is full.
    const [widest] = await store.run('MATCH (s:Statement) UNWIND s._bands AS key WITH key, count(s) AS n RETURN min(n) AS low, max(n) AS high, count(key) AS keys');
    expect(widest).toEqual({ low: BAND_MEMBERS_CAP, high: BAND_MEMBERS_CAP, keys: expect.any(Number) });
    expect(Number(widest!.keys)).toBeGreaterThan(8);
    // The first statements took the keys; the later ones were admitted under none.
    const admitted = await store.run('MATCH (s:Statement) RETURN count(s._bands) AS withKeys, count(s) AS statements');
    expect(admitted).toEqual([{ withKeys: BAND_MEMBERS_CAP, statements: 30 }]);
    // The 30 reports are still one claim: a repeat finds the key's first members, which are in it.
    const claims = await store.run('MATCH (c:Claim)<-[:INSTANCE_OF]-(s:Statement) RETURN c.id AS id, count(s) AS n');
    expect(claims).toEqual([{ id: expect.any(String), n: 30 }]);
  });

  test.each([
    { namesakes: 2, resolves: true, why: 'two Smiths, one sharing the role: settled by role' },
    { namesakes: ALIAS_CAP, resolves: false, why: `${ALIAS_CAP} Smiths: the surname key is full, too ambiguous to settle` },
  ])('a bare surname with $namesakes stored namesakes: $why', async ({ namesakes, resolves }) => {
    const firsts = ['Adam', 'Beth', 'Carl', 'Dora', 'Emil', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jan', 'Kai', 'Lea', 'Max', 'Nia', 'Otto', 'Pia', 'Rui', 'Sol'];
    for (let i = 0; i < namesakes; i++) {
      const name = `${firsts[i]} Smith`;
      const roles = i === 0 ? ['Finance Minister'] : [`Mayor of Town ${i}`];
      await ingest(article(200 + i, `${name} said the budget would be balanced by the end of the year`, 10, [{ id: actorId('person', name), name, kind: 'person', aliases: [], roles }]));
    }
    const bare = { id: actorId('person', 'Smith'), name: 'Smith', kind: 'person' as const, aliases: [], roles: ['Finance Minister'] };
    const resolved = await resolveActors(store, article(300, 'Smith said the deficit would shrink next year', 11, [bare]));
    expect(resolved.statements[0]!.speakerId).toBe(resolves ? actorId('person', 'Adam Smith') : bare.id);
  });

  test.each([
    { name: 'a short text with one statement (no article keys)', g: () => article(400, 'Prices will fall') },
    { name: 'an article without statements or actors', g: () => article(401, '', 10, []) },
    { name: 'a long article with a statement', g: () => article(402, Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ')) },
  ])('the last write marks the claims step done for $name', async ({ g }) => {
    const graph = g();
    await ingest(graph);
    expect(await claimsState(store, graph.article.id)).toBe('done');
  });

  test('the last write indexes the article, its statements and its actors', async () => {
    const graph = article(500, Array.from({ length: 50 }, (_, i) => `word${i}`).join(' '));
    await ingest(graph);
    const [r] = await store.run(
      `MATCH (a:Article {id: $id})
       RETURN size(a._bands) AS articleBands,
         reduce(n = 0, keys IN [(a)-[:CONTAINS]->(s:Statement) | s._bands] | n + size(keys)) AS statementBands,
         size([(a)-[:NAMED]->(x:Actor) | x]) AS named,
         size([(a)-[:NAMED]->(x:Actor)<-[:OF]-(al:_Alias) | al]) AS aliases`,
      { id: graph.article.id },
    );
    // 16 article bands; 8 speaker bands of the statement and its anchor keys (47 word 4-grams winnowed, capped at 24);
    // Anna Berg named with her role, under p:anna berg and s:berg.
    const anchors = anchorKeys(graph.statements[0]!.content).length;
    expect(anchors).toBeGreaterThan(10);
    expect(anchors).toBeLessThanOrEqual(24);
    expect(r).toEqual({ articleBands: 16, statementBands: 8 + anchors, named: 1, aliases: 2 });
  });
});
