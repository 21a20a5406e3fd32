/**
 * Canonical folding: merged actors as the API and the exports show them. `(a)-[:SAME_AS]->(b)` says a was
 * merged into b (always one hop: see ./merge.ts); queries return raw actor
 * ids and these helpers fold them into canonical actors. The map is loaded
 * per request: merges are few, so it is one small query.
 */
import { sameAsLinks, type GraphStore, type SameAsRow } from '../graph/index.js';

/** An actor as a reference: its canonical id and name. */
export interface ActorRef {
  id: string;
  name: string;
}

export class ActorMap {
  private readonly into = new Map<string, { id: string; name: string; kind: string }>();
  private readonly members = new Map<string, string[]>();

  constructor(rows: SameAsRow[]) {
    for (const { from, into, name, kind } of rows) {
      this.into.set(from, { id: into, name: name ?? '', kind: kind ?? '' });
      this.members.set(into, [...(this.members.get(into) ?? []), from]);
    }
  }

  get empty(): boolean {
    return this.into.size === 0;
  }

  /** The canonical id of an actor id (itself unless merged). */
  canon(id: string): string {
    return this.into.get(id)?.id ?? id;
  }

  /** The canonical {id, name} of a raw actor; `name` is the raw name, used when the actor is not merged. */
  ref(id: string, name: string): ActorRef {
    const c = this.into.get(id);
    return c ? { id: c.id, name: c.name } : { id, name };
  }

  kindOf(id: string, kind: string): string {
    return this.into.get(id)?.kind ?? kind;
  }

  /** Every raw id that shows as `id`'s canonical actor: the canonical id and those merged into it. */
  group(id: string): string[] {
    const c = this.canon(id);
    return [c, ...(this.members.get(c) ?? [])];
  }

  /** Every id of a merged group (canonical actors with members, and the members): the ids whose rows fold. */
  groupedIds(): string[] {
    return [...this.members].flatMap(([into, from]) => [into, ...from]);
  }

  /** Expands a filter list of actor ids (canonical or merged) to every raw id of their groups; null stays null. */
  expand(ids: string[] | undefined): string[] | null {
    if (!ids || ids.length === 0) return null;
    return [...new Set(ids.flatMap((id) => this.group(id)))];
  }

}

export async function loadActorMap(store: GraphStore): Promise<ActorMap> {
  return new ActorMap(await sameAsLinks(store));
}
