/**
 * Actor merges, kept as decisions and applied as pointers.
 *
 * A merge writes a `(:MergeDecision {id, from, into, at, note})` node; a split
 * marks it `undoneAt`. The decisions are the truth; `(a)-[:SAME_AS]->(b)`
 * relationships are derived from the active ones (each merged actor points
 * straight at its canonical actor, one hop) and rebuilt after every change.
 * Nothing is moved or deleted: the merged actor keeps its own SAID/ABOUT
 * edges, and the read queries fold it into its canonical actor. That is what
 * survives re-ingest: the writer MERGEs actors by id, so an article that
 * names the old actor again attaches to the old node, which still carries
 * its SAME_AS pointer, and shows as merged. A split is exact for the same
 * reason: no edge was ever moved, so there is nothing to move back.
 * Merged actors also carry `mergedInto` (the canonical id), which the claims
 * step's actor identity follows, so statements of later articles are written
 * straight onto the canonical actor; those stay there after a split.
 * A merge or split is one unit of the store's write queue
 * (server/graph/write-queue.ts): never interleaved with an article's steps.
 */
import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../errors.js';
import { activeMergeDecisions, actorWithCanonical, createMergeDecision, serialWrite, setSameAsLinks, undoMergeDecision, type GraphStore, type MergeDecisionRecord, type MergeDecisionRow } from '../graph/index.js';

/** A merge decision as the API shows it (api/schemas.ts MergeDecisionSchema describes the same shape): the stored record, and when a split undid it. */
export interface MergeDecision extends MergeDecisionRecord {
  undoneAt: string | null;
}

/** A stored decision row as the API shows it (its fields alone, in the view's order). */
export function toDecision(r: MergeDecisionRow): MergeDecision {
  return { id: r.id, from: r.from, into: r.into, fromName: r.fromName, intoName: r.intoName, at: r.at, note: r.note, undoneAt: r.undoneAt };
}

async function actorInfo(store: GraphStore, id: string): Promise<{ id: string; name: string; canonicalId: string | null }> {
  const actor = await actorWithCanonical(store, id);
  if (!actor) throw notFound('actor', id);
  return actor;
}

/**
 * Merges actor `from` into `into` (or into the actor `into` was merged
 * into). Refuses (CONFLICT) when `from` is already merged (split it first)
 * or both are already the same actor. Actors earlier merged into `from`
 * follow it.
 */
export function mergeActors(store: GraphStore, from: string, into: string, note: string | undefined, now = new Date()): Promise<MergeDecision> {
  return serialWrite(store, async () => {
    const a = await actorInfo(store, from);
    const b = await actorInfo(store, into);
    if (a.canonicalId !== null) {
      throw new AppError('CONFLICT', `actor "${from}" is already merged into "${a.canonicalId}"; split it first`, {
        details: [{ path: 'body.from', message: `already merged into ${a.canonicalId}` }],
      });
    }
    const target = b.canonicalId ?? b.id;
    if (target === a.id) {
      throw new AppError('CONFLICT', `"${from}" and "${into}" are already the same actor`, { details: [{ path: 'body.into', message: 'same actor as body.from' }] });
    }
    // The decisions are the truth, SAME_AS only derived: a merge stored by a request whose answer was lost (the store
    // process died before the links were made) is found here, so the client's retry is that merge, not a second one.
    const stored = (await activeMergeDecisions(store)).map(toDecision).find((d) => d.from === a.id);
    if (stored) {
      if (stored.into !== target) throw new AppError('CONFLICT', `actor "${from}" is already merged into "${stored.into}"; split it first`, { details: [{ path: 'body.from', message: `already merged into ${stored.into}` }] });
      await applyDecisions(store);
      return stored;
    }
    const targetName = target === b.id ? b.name : (await actorInfo(store, target)).name;
    const decision: MergeDecision = {
      id: `mrg_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      from: a.id,
      into: target,
      fromName: a.name,
      intoName: targetName,
      at: now.toISOString(),
      note: note ?? null,
      undoneAt: null,
    };
    await createMergeDecision(store, decision);
    await applyDecisions(store);
    return decision;
  });
}

/** Undoes the active merge of `id` into another actor; CONFLICT when `id` is not merged. */
export function splitActor(store: GraphStore, id: string, note: string | undefined, now = new Date()): Promise<MergeDecision> {
  return serialWrite(store, async () => {
    await actorInfo(store, id);
    const active = (await activeMergeDecisions(store)).map(toDecision);
    // One active decision per actor; should a store hold more (written before merges found the stored one), undo them all.
    const mine = active.filter((d) => d.from === id);
    const decision = mine[0];
    if (!decision) {
      const members = active.filter((d) => d.into === id).map((d) => d.from);
      throw new AppError('CONFLICT', `actor "${id}" is not merged into another actor${members.length ? `; split the actors merged into it instead: ${members.join(', ')}` : ''}`);
    }
    const at = now.toISOString();
    for (const d of mine) await undoMergeDecision(store, d.id, at, note ?? null);
    await applyDecisions(store);
    return { ...decision, undoneAt: at };
  });
}

/**
 * Rebuilds SAME_AS from the active decisions: each merged actor points at
 * the root of its chain. Links no decision wants are pruned before the
 * wanted ones are (re)linked, both idempotent, so a crash between the two
 * steps leaves no wrong merge and the next merge or split repairs the rest.
 */
export async function applyDecisions(store: GraphStore): Promise<void> {
  const active = (await activeMergeDecisions(store)).map(toDecision);
  const into = new Map(active.map((d) => [d.from, d.into]));
  const root = (id: string): string => {
    const seen = new Set<string>();
    let cur = id;
    while (into.has(cur) && !seen.has(cur)) {
      seen.add(cur);
      cur = into.get(cur)!;
    }
    return cur;
  };
  const links = [...into.keys()].map((from) => ({ from, into: root(from) })).filter((l) => l.from !== l.into);
  await setSameAsLinks(store, links);
}
