/**
 * The one mapper from a statement record (server/graph records.ts: a row of
 * any statement query, or a record built from an extraction) to the API's
 * view (schemas.ts StatementViewSchema). With an ActorMap the speaker,
 * addressee, via and about actors are made canonical (merges applied; about
 * deduplicated and ordered by name); without one (an extraction previewed,
 * not stored) they are shown as extracted, about in the extraction's order.
 */
import type { Row } from '../graph/index.js';
import type { ActorMap } from '../actors/index.js';
import type { ActorRef, StatementView } from './schemas.js';

export function statementView(row: Row, actors: ActorMap | null): StatementView {
  const r = row as Record<string, unknown>;
  const ref = (id: string, name: string): ActorRef => (actors ? actors.ref(id, name) : { id, name });
  const actor = (idKey: string, nameKey: string) => {
    const id = r[idKey];
    if (typeof id !== 'string') return { id: null, name: null };
    if (!actors) return { id, name: typeof r[nameKey] === 'string' ? (r[nameKey] as string) : null };
    const c = ref(id, String(r[nameKey] ?? ''));
    return { id: c.id, name: c.name };
  };
  const speaker = actor('speakerId', 'speaker');
  const addressee = actor('addresseeId', 'addressee');
  const via = actor('viaId', 'via');
  const listed = Array.isArray(r.about) ? (r.about as Array<{ id: string; name: string }>) : [];
  let about: ActorRef[];
  if (actors) {
    const folded = new Map<string, ActorRef>();
    for (const x of listed) {
      const c = ref(x.id, x.name);
      folded.set(c.id, c);
    }
    about = [...folded.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  } else {
    about = listed.map((x) => ({ id: x.id, name: x.name }));
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
    about,
    articleId: str('articleId'),
    articleTitle: str('articleTitle'),
    articleUrl: str('articleUrl'),
    publishedAt: str('publishedAt'),
    sourceId: str('sourceId'),
    source: str('source'),
  };
}
