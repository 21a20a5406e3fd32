import { claimActorsByIds, lookupAliases, type ArticleGraph } from '../graph/index.js';
import { applyIdentity, indexKeys, lookupKeys, resolveActor, type StoredActor } from '../actors/index.js';
import { ALIAS_CAP, type ClaimsStore } from './update.js';

/**
 * Actor identity for a batch of articles written together (issue 19):
 * what resolveActors gives when each article is resolved, written and has
 * its claims step run before the next one is resolved, with two store reads
 * for the whole batch instead of one or two per article.
 *
 * One article's resolution reads what the articles before it wrote: the
 * alias keys their claims step adds (`(:Alias)-[:OF]->(:Actor)`, from
 * indexKeys of the resolved actors) and the aliases and roles their write
 * unions into the actor nodes. So the batch keeps its own keys and actor
 * states in memory, beside the store's as read once at the start, and each
 * article's lookup consults both exactly as the store would answer it then:
 * a key's actors are the store's (at most ALIAS_CAP, by id) and the batch's
 * added ones, a key with ALIAS_CAP or more is left out, and every actor is
 * seen with the lists gathered up to that article.
 *
 * It assumes every article of the batch is written and its claims step
 * runs; when one fails (reported by the caller) the later articles of the
 * batch were resolved as if it had not.
 */
export async function resolveActorsBatch(store: ClaimsStore, graphs: readonly ArticleGraph[]): Promise<ArticleGraph[]> {
  const keys = [...new Set(graphs.flatMap((g) => g.actors.flatMap(lookupKeys)))];
  const index = new BatchAliasIndex();
  // What the store says at the start: the actors under the keys, every actor the batch names, and merge targets.
  for (const r of keys.length > 0 ? await lookupAliases(store, keys, ALIAS_CAP) : []) index.storeKey(r.key, actorState(r));
  const named = [...new Set(graphs.flatMap((g) => g.actors.map((a) => a.id)))].filter((id) => !index.known(id));
  for (const r of named.length > 0 ? await claimActorsByIds(store, named) : []) index.storeActor(actorState(r));
  const targets = index.unknownMergeTargets();
  for (const r of targets.length > 0 ? await claimActorsByIds(store, targets) : []) index.storeActor(actorState(r));

  const out: ArticleGraph[] = [];
  for (const graph of graphs) {
    const resolved = resolveOne(graph, index);
    index.written(resolved);
    out.push(resolved);
  }
  return out;
}

/** resolveActors' decision for one article, over the batch's view of the alias index. */
function resolveOne(graph: ArticleGraph, index: BatchAliasIndex): ArticleGraph {
  const keys = [...new Set(graph.actors.flatMap(lookupKeys))];
  if (keys.length === 0) return graph;
  const found = new Map<string, StoredActor[]>();
  for (const key of keys) {
    const actors = index.lookup(key);
    if (actors !== null && actors.length > 0) found.set(key, actors);
  }
  const mapping = new Map<string, StoredActor>();
  for (const a of graph.actors) {
    const res = resolveActor(a, found);
    if (res !== null && res.actor.id !== a.id) mapping.set(a.id, res.actor);
  }
  return applyIdentity(graph, mapping);
}

interface ActorState extends StoredActor {
  mergedInto: string | null;
}

/** The alias index and actor nodes as the store holds them plus what the batch's articles have written so far. */
class BatchAliasIndex {
  /** Actor ids under a key in the store at the start (at most ALIAS_CAP were read). */
  private readonly storeKeys = new Map<string, string[]>();
  /** Actor ids the batch's claims steps add under a key. */
  private readonly batchKeys = new Map<string, Set<string>>();
  /** Every actor known: its node as it stands after the batch's articles so far. Absent: not in the store. */
  private readonly actors = new Map<string, ActorState>();
  storeKey(key: string, actor: ActorState): void {
    this.storeKeys.set(key, [...(this.storeKeys.get(key) ?? []), actor.id]);
    if (!this.actors.has(actor.id)) this.actors.set(actor.id, actor);
  }

  storeActor(actor: ActorState): void {
    if (!this.actors.has(actor.id)) this.actors.set(actor.id, actor);
  }

  known(id: string): boolean {
    return this.actors.has(id);
  }

  unknownMergeTargets(): string[] {
    const ids = new Set<string>();
    for (const a of this.actors.values()) if (a.mergedInto !== null && !this.actors.has(a.mergedInto)) ids.add(a.mergedInto);
    return [...ids];
  }

  /** The actors under a key as the store would answer lookupAliases now (merged ones as their target); null: left out. */
  lookup(key: string): StoredActor[] | null {
    const ids = new Set([...(this.storeKeys.get(key) ?? []), ...(this.batchKeys.get(key) ?? [])]);
    if (ids.size >= ALIAS_CAP) return null;
    return [...ids].sort().map((id) => {
      const actor = this.actors.get(id)!;
      const target = actor.mergedInto !== null ? this.actors.get(actor.mergedInto) : undefined;
      return plain(target ?? actor);
    });
  }

  /** What an article's write (upsertActors) and its claims step (alias keys) change. */
  written(graph: ArticleGraph): void {
    for (const a of graph.actors) {
      const node = this.actors.get(a.id);
      if (node === undefined) {
        this.actors.set(a.id, { id: a.id, name: a.name, kind: a.kind, aliases: [...new Set(a.aliases)], roles: [...new Set(a.roles)], mergedInto: null });
      } else {
        node.aliases = [...node.aliases, ...new Set(a.aliases.filter((x) => !node.aliases.includes(x)))];
        node.roles = [...node.roles, ...new Set(a.roles.filter((x) => !node.roles.includes(x)))];
      }
    }
    for (const a of graph.actors) {
      for (const key of indexKeys(a)) {
        const ids = this.batchKeys.get(key) ?? new Set<string>();
        ids.add(a.id);
        this.batchKeys.set(key, ids);
      }
    }
  }
}

function plain(a: ActorState): StoredActor {
  return { id: a.id, name: a.name, kind: a.kind, aliases: [...a.aliases], roles: [...a.roles] };
}

function actorState(r: { id: string; name: string; kind: string; aliases: string[] | null; roles: string[] | null; mergedInto: string | null }): ActorState {
  return { id: r.id, name: r.name, kind: r.kind, aliases: r.aliases ?? [], roles: r.roles ?? [], mergedInto: r.mergedInto };
}
