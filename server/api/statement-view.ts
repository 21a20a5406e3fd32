/**
 * The one mapper from a statement record (server/graph records.ts: a row of
 * any statement query, checked against StatementRecordSchema, or a record
 * built from an extraction) to the API's view (schemas.ts
 * StatementViewSchema). With an ActorMap the speaker, addressee, via and
 * about actors are made canonical (merges applied; about deduplicated and
 * ordered by name); without one (an extraction previewed, not stored) they
 * are shown as extracted, about in the extraction's order.
 */
import type { StatementRecord } from '../graph/index.js';
import type { ActorMap } from '../actors/index.js';
import type { ActorRef, StatementView } from './schemas.js';

export function statementView(r: StatementRecord, actors: ActorMap | null): StatementView {
  const ref = (id: string, name: string): ActorRef => (actors ? actors.ref(id, name) : { id, name });
  const actor = (id: string | null, name: string | null) => {
    if (id === null) return { id: null, name: null };
    if (!actors) return { id, name };
    return ref(id, name ?? '');
  };
  const speaker = actor(r.speakerId, r.speaker);
  const addressee = actor(r.addresseeId, r.addressee);
  const via = actor(r.viaId, r.via);
  let about: ActorRef[];
  if (actors) {
    const folded = new Map<string, ActorRef>();
    for (const x of r.about) {
      const c = ref(x.id, x.name);
      folded.set(c.id, c);
    }
    about = [...folded.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  } else {
    about = r.about.map((x) => ({ id: x.id, name: x.name }));
  }
  return {
    id: r.id,
    content: r.content,
    quote: r.quote,
    direct: r.direct,
    cue: r.cue,
    cueLemma: r.cueLemma,
    cueClass: r.cueClass,
    saidAt: r.saidAt,
    saidAtPrecision: r.saidAtPrecision,
    timeText: r.timeText,
    sentence: r.sentence,
    sentenceStart: r.sentenceStart,
    sentenceEnd: r.sentenceEnd,
    start: r.start,
    end: r.end,
    confidence: r.confidence,
    speakerMention: r.speakerMention,
    speakerId: speaker.id,
    speaker: speaker.name,
    addresseeId: addressee.id,
    addressee: addressee.name,
    viaId: via.id,
    via: via.name,
    about,
    articleId: r.articleId,
    articleTitle: r.articleTitle,
    articleUrl: r.articleUrl,
    publishedAt: r.publishedAt,
    sourceId: r.sourceId,
    source: r.source,
  };
}
