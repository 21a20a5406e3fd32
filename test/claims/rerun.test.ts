import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rerunIdentity, RERUN_NOTE } from '../../server/actors/index.js';
import { mergeActors, splitActor } from '../../server/actors/index.js';
import { ingestText } from '../../server/ingest/index.js';
import { processArticle } from '../../server/pipeline/index.js';
import type { GraphStore } from '../../server/graph/types.js';
import { actorId } from '../../server/ids.js';
import { storeSandbox } from '../utils/stores.js';

/**
 * `claimgraph rerun-identity` on a real embedded store (a file in a temporary
 * directory, written through the real pipeline), after a rule change: the
 * store also holds what older rules left (a title key, a second node for one
 * person), and a user's merge and a user's split that the re-run must keep.
 * The articles are invented.
 */
const sandbox = storeSandbox('claimgraph-rerun-');
const RETRIEVED = '2025-03-14T09:00:00Z';

async function ingest(store: GraphStore, title: string, text: string) {
  for (const a of ingestText(text, { origin: title, title, source: 'Harbour Gazette', retrievedAt: RETRIEVED, publishedAt: '2025-03-13' })) await processArticle(store, a);
}

const aliasKeys = async (store: GraphStore) => (await store.run('MATCH (al:_Alias) RETURN al.key AS key ORDER BY key')).map((r) => String(r.key));
const mergedInto = async (store: GraphStore, id: string) => (await store.run('MATCH (a:Actor {id: $id}) RETURN a.mergedInto AS m', { id }))[0]?.m ?? null;

/** A node for a person as an older rule could have made it: same name, another id. */
async function legacyActor(store: GraphStore, id: string, name: string, aliases: string[]) {
  await store.run('CREATE (a:Actor {id: $id, name: $name, kind: "person", aliases: $aliases, roles: []})', { id, name, aliases });
}

describe('rerunIdentity on an embedded store', () => {
  test('rebuilds the alias index, merges what the rules now join, and never goes against a user decision', async () => {
    const store = await sandbox.open(join(sandbox.tempDir(), 'store'));
    await ingest(store, 'Quay', 'Mara Ellison, the harbour master, said the quay would reopen on Friday. Police said the road was closed.');
    await ingest(store, 'Ferry', 'Alexandra Brant said the ferry would run again. Tariq Olsen said the timetable was ready.');
    await ingest(store, 'Nickname', 'Sasha Brant said the crew was tired. Police said two boats were stuck.');
    const ellison = actorId('person', 'Mara Ellison');
    const alexandra = actorId('person', 'Alexandra Brant');
    const sasha = actorId('person', 'Sasha Brant');
    const olsen = actorId('person', 'Tariq Olsen');
    // "Police" in two articles: two actors, no key (generic, article-scoped)
    expect((await store.run('MATCH (a:Actor {name: "Police"}) RETURN count(a) AS n'))[0]!.n).toBe(2);
    expect(await aliasKeys(store)).not.toContain('o:organization:police');

    // what older rules left: a title key on Mara Ellison, a second Mara Ellison node, a second Tariq Olsen node
    await store.run('MERGE (al:_Alias {key: "r:harbour master"}) WITH al MATCH (a:Actor {id: $id}) MERGE (al)-[:OF]->(a)', { id: ellison });
    await legacyActor(store, 'act_legacy_ellison', 'Mara Ellison', ['Ellison']);
    await legacyActor(store, 'act_legacy_olsen', 'Tariq Olsen', []);
    // a user merged the nickname into the full name (the rules would not), and merged then split the two Olsens
    await mergeActors(store, sasha, alexandra, 'same person, nickname');
    await mergeActors(store, 'act_legacy_olsen', olsen, undefined);
    await splitActor(store, 'act_legacy_olsen', 'two different men');

    const dry = await rerunIdentity(store, { dryRun: true });
    expect(dry.merges.map((m) => [m.from, m.into].sort())).toEqual([[ellison, 'act_legacy_ellison'].sort()]);
    expect(await aliasKeys(store)).toContain('r:harbour master'); // a dry run writes nothing

    const run = await rerunIdentity(store);
    expect(run.merges).toHaveLength(1);
    expect(run.keptForUser).toBe(1); // the split Olsens
    const keys = await aliasKeys(store);
    expect(keys).not.toContain('r:harbour master');
    expect(keys).toEqual(expect.arrayContaining(['p:mara ellison', 's:ellison', 'p:alexandra brant', 'p:sasha brant', 'p:tariq olsen']));
    // the two Mara Ellison nodes are one, through a decision a user can split
    const [m] = run.merges;
    expect(await mergedInto(store, m!.from)).toBe(m!.into);
    const decisions = await store.run('MATCH (d:MergeDecision) WHERE d.undoneAt IS NULL RETURN d.from AS from, d.note AS note ORDER BY from');
    expect(decisions.map((d) => String(d.note)).filter((n) => n.startsWith(RERUN_NOTE))).toHaveLength(1);
    // the user's merge stands, the user's split stands
    expect(await mergedInto(store, sasha)).toBe(alexandra);
    expect(await mergedInto(store, 'act_legacy_olsen')).toBeNull();

    // a second run finds nothing more to do
    const again = await rerunIdentity(store);
    expect(again.merges).toEqual([]);
    expect(await aliasKeys(store)).toEqual(keys);
  });
});
