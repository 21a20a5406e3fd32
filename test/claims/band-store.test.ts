import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { articleKeys, BAND_MEMBERS_CAP, updateClaimsBatch, type ClaimsStore } from '../../server/claims/index.js';
import { BandIndex } from '../../server/claims/bands.js';
import { bandsStored, storedBands } from '../../server/claims/band-store.js';
import type { ArticleGraph, GraphStore } from '../../server/graph/index.js';
import { SCHEMA } from '../../server/graph/queries/schema.js';
import { moveBandsToMembers, SCHEMA_VERSION } from '../../server/graph/schema.js';
import { stableId, statementId, actorId } from '../../server/ids.js';
import { storeSandbox } from '../utils/stores.js';

/**
 * The band keys live on their members (`_bands`, schema version 11) and in
 * memory (server/claims/band-store.ts): the index a process keeps while it
 * runs the claims step is the one a fresh process reads from the store; a
 * batch another writer finished is seen; a batch whose last write did not
 * return the next count is not trusted; and a store written before version
 * 11 (`_Band` nodes and IN_BAND relationships) is migrated onto the same
 * lists, finding the same candidates. Real embedded store, real step.
 */
const { tempDir, open } = storeSandbox('claimgraph-bands-');

const SPEAKER = { id: actorId('person', 'Ilse Varga'), name: 'Ilse Varga', kind: 'person' as const, aliases: [] as string[], roles: ['Port Director'] };

/** Invented sentences, several reported twice, so keys get more than one member. */
const LINES = [
  'The new container berth will be ready for the first ships in October',
  'Dredging the outer channel is the only way to keep the large ferries coming',
  'The new container berth will be ready for the first ships in October',
  'Night shifts at the grain terminal will end once the cranes are replaced',
  'Dredging the outer channel is the only way to keep the large ferries coming',
  'Fees for fishing boats will stay the same for the next two seasons',
];

function article(n: number, content: string): ArticleGraph {
  const id = stableId('art', 'band-store', String(n));
  const date = `2025-06-${String(1 + n).padStart(2, '0')}T09:00:00Z`;
  // Long enough for article keys: words of its own after the statement, so no article copies another.
  const text = `${content}. ${Array.from({ length: 40 }, (_, i) => `note${n}x${i}`).join(' ')}.`;
  return {
    source: { id: stableId('src', `outlet ${n % 3}`), name: `Outlet ${n % 3}`, domain: null },
    article: { id, url: null, title: `Harbour ${n}`, publishedAt: date, publishedAtPrecision: 'day', retrievedAt: date, contentHash: id, language: 'eng', text },
    actors: [SPEAKER],
    statements: [{
      id: statementId(id, 0, content.length), content, quote: content, direct: true, cue: 'said', cueLemma: 'say', cueClass: 'say',
      saidAt: null, saidAtPrecision: 'unknown', timeText: null, sentence: content, sentenceStart: 0, sentenceEnd: content.length,
      start: 0, end: content.length, confidence: 0.9, speakerId: SPEAKER.id, speakerMention: SPEAKER.name,
      aboutIds: [], addresseeId: null, viaId: null,
    }],
    mentions: [SPEAKER.id],
  };
}

async function ingest(store: GraphStore, graphs: ArticleGraph[]): Promise<void> {
  for (const g of graphs) await store.writeArticle(g);
  await updateClaimsBatch(store, graphs);
}

/** Each member's keys, sorted, by member id. */
async function memberKeys(store: ClaimsStore): Promise<Record<string, string[]>> {
  const rows = await store.run('MATCH (n) WHERE n._bands IS NOT NULL RETURN n.id AS id, n._bands AS keys ORDER BY id');
  return Object.fromEntries(rows.map((r) => [String(r.id), [...(r.keys as string[])].sort()]));
}

/** The store's index as a fresh process reads it (a new handle on the same store: nothing held for it). */
async function freshIndex(store: GraphStore): Promise<Record<string, string[]>> {
  return Object.fromEntries((await storedBands({ run: (q, p) => store.run(q, p) })).bands.entries());
}

describe('band keys on their members, held in memory', () => {
  test('the index a process keeps while it ingests is the one a fresh process reads from the store', async () => {
    const store = await open(null);
    await ingest(store, LINES.slice(0, 3).map((l, i) => article(i, l)));
    await ingest(store, LINES.slice(3).map((l, i) => article(3 + i, l)));
    const kept = Object.fromEntries((await storedBands(store)).bands.entries());
    expect(await freshIndex(store)).toEqual(kept);
    // Repeated sentences share their keys: some key has two members, each statement is under keys of its own too.
    const sizes = Object.values(kept).map((ids) => ids.length);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(BAND_MEMBERS_CAP);
    // Every article and statement of the six was admitted under some key.
    expect(Object.keys(await memberKeys(store))).toHaveLength(12);
    await store.close();
  });

  test('a batch another writer finished (the count moved) is read anew; without that the index in memory is used', async () => {
    const store = await open(null);
    await ingest(store, [article(0, LINES[0]!)]);
    const first = await storedBands(store);
    const other = stableId('stm', 'written by another process');
    // Another process's member, without the count moving: this process does not read it.
    await store.run("CREATE (:Statement {id: $id, _bands: ['zz-other-key']})", { id: other });
    expect((await storedBands(store)).bands.get('zz-other-key')).toBeUndefined();
    expect(await storedBands(store)).toBe(first);
    // ... and once that process's last write raised the count, it does.
    await store.run("MATCH (v:_SchemaVersion {id: 'claimgraph'}) SET v.bandSeq = v.bandSeq + 1");
    expect((await storedBands(store)).bands.get('zz-other-key')).toEqual([other]);
    await store.close();
  });

  test.each([
    { seq: 2, joins: true, why: 'the next count: the batch\'s keys join the index' },
    { seq: 3, joins: false, why: 'a count past the next (another writer finished one between): the index is read anew' },
    { seq: null, joins: false, why: 'no count returned: the index is read anew' },
  ])('a batch whose last write returned $seq: $why', async ({ seq, joins }) => {
    const store = await open(null);
    await ingest(store, [article(0, LINES[0]!)]);
    const held = await storedBands(store);
    expect(held.seq).toBe(1);
    const index = new BandIndex(held.bands, BAND_MEMBERS_CAP);
    index.addStatement('stm_zz', ['zz-key']);
    // The count the store holds after that last write (the keys themselves are left out: only the index can have them).
    if (seq !== null) await store.run("MATCH (v:_SchemaVersion {id: 'claimgraph'}) SET v.bandSeq = $seq", { seq });
    bandsStored(store, held, index, seq);
    // What the next batch starts from.
    expect((await storedBands(store)).bands.get('zz-key') !== undefined).toBe(joins);
    await store.close();
  });

  test.each([
    { given: 'for the written text', sameText: true, used: true },
    { given: 'for another text (the written article differs from the one extracted)', sameText: false, used: false },
  ])('article keys the caller computed $given: used as given: $used', async ({ sameText, used }) => {
    const store = await open(null);
    const graph = article(0, LINES[0]!);
    await store.writeArticle(graph);
    // Keys no text gives, so what the article is stored under shows which were used.
    const computed = { text: sameText ? graph.article.text : `${graph.article.text} (edited)`, keys: ['art:given-a', 'art:given-b'] };
    await updateClaimsBatch(store, [graph], {}, [computed]);
    const stored = (await memberKeys(store))[graph.article.id]!;
    expect(stored).toEqual(used ? ['art:given-a', 'art:given-b'] : [...articleKeys(graph.article.text)].sort());
    expect(stored.length).toBeGreaterThan(0);
    await store.close();
  });

  test('when a version-10 store (keys as _Band nodes) is opened, then each member holds its keys, the nodes are gone, and a new article finds the same candidates', async () => {
    const path = join(tempDir(), 'store.grafeo');
    const original = await open(path);
    await ingest(original, LINES.slice(0, 4).map((l, i) => article(i, l)));
    const expected = await memberKeys(original);
    // What version 10 stored: a `_Band` node per key with its member count, an IN_BAND relationship per member.
    await original.run('MATCH (m) WHERE m._bands IS NOT NULL UNWIND m._bands AS key MERGE (b:_Band {key: key}) CREATE (m)-[:IN_BAND]->(b)');
    await original.run('MATCH (b:_Band)<-[:IN_BAND]-(m) WITH b, count(m) AS n SET b.members = n');
    await original.run('MATCH (m) WHERE m._bands IS NOT NULL REMOVE m._bands');
    await original.run(SCHEMA.writeVersion, { version: 10, updatedAt: '2026-01-01T00:00:00.000Z' });
    expect(await memberKeys(original)).toEqual({});
    const bands = await original.run('MATCH (b:_Band) RETURN count(b) AS n');
    expect(Number(bands[0]!.n)).toBeGreaterThan(10);
    await original.close();

    const migrated = await open(path);
    expect(await migrated.run(SCHEMA.readVersion)).toEqual([{ version: SCHEMA_VERSION, formerVersion: null }]);
    expect(await memberKeys(migrated)).toEqual(expected);
    expect(await migrated.run('MATCH (b:_Band) RETURN count(b) AS n')).toEqual([{ n: 0 }]);
    expect(await migrated.run('MATCH ()-[r:IN_BAND]->() RETURN count(r) AS n')).toEqual([{ n: 0 }]);
    // A rerun (a crash after the last page) moves nothing more and adds no key twice.
    await moveBandsToMembers((q, p) => migrated.run(q, p), 1);
    expect(await memberKeys(migrated)).toEqual(expected);

    // The next article (a repeat of a stored sentence) joins the same claim on the migrated store as on one never migrated.
    const next = article(9, LINES[1]!);
    const fresh = await open(null);
    await ingest(fresh, LINES.slice(0, 4).map((l, i) => article(i, l)));
    await ingest(fresh, [next]);
    await ingest(migrated, [next]);
    const claimOf = (s: ClaimsStore) => s.run('MATCH (s:Statement)-[:INSTANCE_OF]->(c:Claim) RETURN s.id AS s, c.id AS c ORDER BY s');
    const claims = await claimOf(fresh);
    expect(claims.filter((r) => r.s === next.statements[0]!.id)).toHaveLength(1);
    expect(await claimOf(migrated)).toEqual(claims);
    await fresh.close();
    await migrated.close();
  });
});
