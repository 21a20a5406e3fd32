/**
 * Event extraction (issue 10): meetings, summits, calls, visits and the like,
 * with participants resolved like statement speakers, place and time resolved
 * like statement times. Reuses the statement stages (sentences, quotations,
 * cues, actors, times, statements): eventsOf() reads the Doc that
 * server/extract/parse.ts fills, so an article parsed once gives both its
 * statements and its events (analyze() in server/extract/index.ts); see
 * docs/extraction.md, "Events". Synchronous and pure; never throws.
 */
import type { Doc } from '../doc.js';
import type { ActorRef } from '../schema.js';
import { parseDoc } from '../parse.js';
import { findEvents } from './find.js';
import { mergeArticle } from './merge.js';
import type { EventExtractOptions, ExtractedEvent } from './schema.js';

export * from './schema.js';
export { compatible, eventKeys, lookupKeys, timesCompatible, type StoredEventCandidate } from './merge.js';
export { placeArea } from './find.js';

/** The stages without the safety net: throws if a rule does (for tests). */
export function extractEventsStrict(text: string, opts: EventExtractOptions = {}): ExtractedEvent[] {
  return eventsOf(parseDoc(text, opts));
}

/** The events of a Doc the statement stages have filled (server/extract/parse.ts); throws if a rule does. */
export function eventsOf(doc: Doc): ExtractedEvent[] {
  const len = doc.text.length;
  const ok = (s: [number, number]) => Number.isInteger(s[0]) && Number.isInteger(s[1]) && s[0] >= 0 && s[0] <= s[1] && s[1] <= len;
  return mergeArticle(findEvents(doc)).map((e) => {
    const head = e.mentions[0]!;
    const participants: ActorRef[] = [];
    for (const a of e.participants) if (a.kind !== 'other' && !participants.some((p) => p.name === a.name && p.kind === a.kind)) participants.push({ name: a.name, kind: a.kind });
    const statementsAt: [number, number][] = [];
    for (const m of e.mentions) for (const s of m.statementsAt) if (!statementsAt.some((x) => x[0] === s[0] && x[1] === s[1])) statementsAt.push(s);
    return {
      type: e.type,
      ...(e.name ? { name: e.name } : {}),
      participants,
      ...(e.place ? { place: e.place } : {}),
      time: e.time,
      sentence: { span: head.sentenceSpan },
      trigger: { text: head.triggerText, span: head.trigger },
      mentions: e.mentions.map((m) => ({ trigger: { text: m.triggerText, span: m.trigger }, sentence: { span: m.sentenceSpan }, frame: m.frame })),
      statementsAt: statementsAt.filter(ok),
    } satisfies ExtractedEvent;
  }).filter((e) => ok(e.sentence.span) && ok(e.trigger.span));
}

/**
 * Extracts the events one article tells. Relative times resolve against
 * `publishedAt`. Never throws: text that defeats the rules gives fewer events.
 */
export function extractEvents(text: string, opts: EventExtractOptions = {}): ExtractedEvent[] {
  try {
    return extractEventsStrict(text, opts);
  } catch {
    return [];
  }
}
