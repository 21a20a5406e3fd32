import { allMergeDecisions, clearAliasKeys, countAliasKeys, identityActorsPage, indexActorKeys, type ActorNode, type GraphStore, type IdentityActorRow } from '../graph/index.js';
import { indexKeys, isArticleScoped, lookupKeys, resolveActor, type StoredActor } from './identity.js';
import { mergeActors } from './merge.js';

/**
 * Re-runs actor identity over a whole store after a rule change
 * (`claimgraph rerun-identity`, docs/actors.md):
 * 1. the alias index is rebuilt from every actor's name and aliases under
 *    the current rules (keys the rules no longer make, such as titles
 *    "r:us president" or generic "o:organization:police", are gone);
 * 2. each actor not merged is resolved against the rebuilt index like a
 *    new article's actor; two that resolve to each other are merged through
 *    a merge decision noted "identity re-run: <reason>", which a user can
 *    split like any other.
 * User decisions are never undone: an actor a user merged stays merged as
 * the user said, and two actors with any user decision between them (a
 * merge, or a merge later split) are never merged by the re-run. Statements
 * are not moved: a node that an older rule filled with two people keeps
 * them (re-ingest from an export re-extracts).
 */

/** Notes of the merge decisions the re-run makes; any other decision is a user's. */
export const RERUN_NOTE = 'identity re-run';

export interface RerunSummary {
  actors: number;
  aliasKeysBefore: number;
  aliasKeysAfter: number;
  /** Merges made (or, in a dry run, that would be made). */
  merges: Array<{ from: string; into: string; fromName: string; intoName: string; reason: string }>;
  /** Pairs the rules would merge, left alone because a user decided about the pair or merged one of them. */
  keptForUser: number;
  dryRun: boolean;
}

const PAGE = 1000;

function toActor(r: IdentityActorRow): StoredActor & { mergedInto: string | null } {
  return { id: r.id, name: r.name, kind: r.kind, aliases: [...(r.aliases ?? [])], roles: [...(r.roles ?? [])], mergedInto: r.mergedInto };
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Re-runs identity over the store; with `dryRun`, reports what would change and writes nothing. */
export async function rerunIdentity(store: GraphStore, opts: { dryRun?: boolean; now?: Date } = {}): Promise<RerunSummary> {
  const dryRun = opts.dryRun === true;
  const actors: Array<StoredActor & { mergedInto: string | null }> = [];
  for (let after = ''; ;) {
    const rows = await identityActorsPage(store, after, PAGE);
    actors.push(...rows.map(toActor));
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  const aliasKeysBefore = await countAliasKeys(store);

  // 1. the index under the current rules (in memory, then written unless dry)
  const index = new Map<string, StoredActor[]>();
  const rows: Array<{ actorId: string; keys: string[] }> = [];
  for (const a of actors) {
    const keys = indexKeys({ name: a.name, kind: a.kind as ActorNode['kind'], aliases: a.aliases });
    if (keys.length > 0) rows.push({ actorId: a.id, keys });
    for (const k of keys) index.set(k, [...(index.get(k) ?? []), a]);
  }
  const aliasKeysAfter = index.size;
  if (!dryRun) {
    while ((await clearAliasKeys(store, 5000)) > 0) { /* until none is left */ }
    for (let i = 0; i < rows.length; i += 500) await indexActorKeys(store, rows.slice(i, i + 500));
  }

  // 2. merges the current rules make, never against a user's decision
  const userPairs = new Set<string>();
  const userMerged = new Set<string>();
  for (const d of await allMergeDecisions(store)) {
    if (d.note !== null && d.note.startsWith(RERUN_NOTE)) continue;
    userPairs.add(pairKey(d.from, d.into));
    if (d.undoneAt === null) userMerged.add(d.from);
  }
  const byId = new Map(actors.map((a) => [a.id, a]));
  const merges: RerunSummary['merges'] = [];
  const taken = new Set<string>();
  const keptForUser = new Set<string>();
  for (const a of actors) {
    if (a.mergedInto !== null || taken.has(a.id)) continue;
    const node: ActorNode = { id: a.id, name: a.name, kind: a.kind as ActorNode['kind'], aliases: a.aliases, roles: a.roles };
    if (isArticleScoped(node)) continue;
    const found = new Map<string, StoredActor[]>();
    for (const k of lookupKeys(node)) found.set(k, (index.get(k) ?? []).filter((x) => x.id !== a.id));
    const res = resolveActor(node, found);
    if (res === null) continue;
    const target = byId.get(res.actor.id);
    if (!target) continue;
    const into = target.mergedInto ?? target.id;
    if (into === a.id || taken.has(into)) continue;
    if (userPairs.has(pairKey(a.id, target.id)) || userPairs.has(pairKey(a.id, into)) || userMerged.has(a.id)) { keptForUser.add(pairKey(a.id, into)); continue; }
    // merge the later-sorting id into the earlier one, so the result does not depend on page order
    const [from, to] = a.id < into ? [into, a.id] : [a.id, into];
    if (byId.get(from)?.mergedInto) continue;
    merges.push({ from, into: to, fromName: byId.get(from)?.name ?? from, intoName: byId.get(to)?.name ?? to, reason: res.reason });
    taken.add(from);
    if (!dryRun) await mergeActors(store, from, to, `${RERUN_NOTE}: ${res.reason}`, opts.now);
  }
  return { actors: actors.length, aliasKeysBefore, aliasKeysAfter, merges, keptForUser: keptForUser.size, dryRun };
}
