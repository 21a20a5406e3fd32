/**
 * Merged actors as the API shows them. `(a)-[:SAME_AS]->(b)` says a was
 * merged into b (always one hop: see ./merge.ts); queries return raw actor
 * ids and these helpers fold them into canonical actors. The map is loaded
 * per request: merges are few, so it is one small query.
 */
import { sameAsLinks, type GraphStore, type Row } from '../graph/index.js';
import type { ActorRef, StatementView } from './schemas.js';

export class ActorMap {
  private readonly into = new Map<string, { id: string; name: string; kind: string }>();
  private readonly members = new Map<string, string[]>();

  constructor(rows: Row[]) {
    for (const r of rows) {
      const from = String(r.from);
      const into = String(r.into);
      this.into.set(from, { id: into, name: String(r.name ?? ''), kind: String(r.kind ?? '') });
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

  /** A statement row with its speaker, addressee, via and about actors made canonical (about deduplicated, by name). */
  statement(row: Row): StatementView {
    const r = row as Record<string, unknown>;
    const actor = (idKey: string, nameKey: string) => {
      const id = r[idKey];
      if (typeof id !== 'string') return { id: null, name: null };
      const ref = this.ref(id, String(r[nameKey] ?? ''));
      return { id: ref.id, name: ref.name };
    };
    const speaker = actor('speakerId', 'speaker');
    const addressee = actor('addresseeId', 'addressee');
    const via = actor('viaId', 'via');
    const about = new Map<string, ActorRef>();
    for (const x of Array.isArray(r.about) ? (r.about as Array<{ id: string; name: string }>) : []) {
      const ref = this.ref(x.id, x.name);
      about.set(ref.id, ref);
    }
    const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : null);
    const num = (k: string) => (typeof r[k] === 'number' ? (r[k] as number) : null);
    return {
      id: String(r.id),
      content: String(r.content ?? ''),
      quote: str('quote'),
      direct: r.direct === true,
      cue: String(r.cue ?? ''),
      cueLemma: str('cueLemma'),
      cueClass: String(r.cueClass ?? 'other'),
      saidAt: str('saidAt'),
      saidAtPrecision: str('saidAtPrecision'),
      timeText: str('timeText'),
      sentence: str('sentence'),
      sentenceStart: num('sentenceStart'),
      sentenceEnd: num('sentenceEnd'),
      start: num('start'),
      end: num('end'),
      confidence: num('confidence'),
      speakerMention: str('speakerMention'),
      speakerId: speaker.id,
      speaker: speaker.name,
      addresseeId: addressee.id,
      addressee: addressee.name,
      viaId: via.id,
      via: via.name,
      about: [...about.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1)),
      articleId: str('articleId'),
      articleTitle: str('articleTitle'),
      articleUrl: str('articleUrl'),
      publishedAt: str('publishedAt'),
      sourceId: str('sourceId'),
      source: str('source'),
    };
  }
}

export async function loadActorMap(store: GraphStore): Promise<ActorMap> {
  return new ActorMap(await sameAsLinks(store));
}
