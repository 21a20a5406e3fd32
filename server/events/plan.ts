/**
 * The events step's decisions, pure: which stored event each extracted
 * event joins (or a new one with a stable id), with the finer date, the
 * more specific type and every participant; which statements were made at
 * it and which sentences tell it. ./update.ts runs it over the graph's
 * events repository.
 */
import {
  eventsCompatible as compatible,
  eventTimesCompatible as timesCompatible,
  placeArea,
  TYPE_PRIORITY,
  type EventType,
  type ExtractedEvent,
  type StoredEventCandidate,
} from '../extract/index.js';
import type { ArticleGraph } from '../graph/index.js';
import { actorId, stableId, statementId } from '../ids.js';
import { PRECISION_RANK } from '../time/index.js';

export interface EventWrite {
  id: string;
  type: EventType;
  name: string | null;
  place: string | null;
  placeArea: string | null;
  date: string | null;
  datePrecision: string;
  dateText: string | null;
  participantIds: string[];
  statementIds: string[];
  /** [start, end) of every sentence of this article that tells the event, in text order, without repeats. */
  sentences: [number, number][];
  /** Whether it joined an event already stored (from another article). */
  merged: boolean;
}

/** The graph's actor id for an extracted participant, after actor identity may have renamed it (server/claims). */
export function participantId(graph: ArticleGraph, ref: { name: string; kind: string }): string | null {
  const id = actorId(ref.kind, ref.name);
  if (graph.actors.some((a) => a.id === id)) return id;
  const byAlias = graph.actors.find((a) => a.name === ref.name || a.aliases.includes(ref.name));
  return byAlias?.id ?? null;
}

/** Plans the article's event writes against the stored candidates (pure; exported for tests). */
export function planEvents(graph: ArticleGraph, events: ExtractedEvent[], candidates: StoredEventCandidate[]): EventWrite[] {
  const articleId = graph.article.id;
  const statementIds = new Set(graph.statements.map((s) => s.id));
  const out = new Map<string, EventWrite>();
  for (const e of events) {
    const participantIds = [...new Set(e.participants.map((p) => participantId(graph, p)).filter((x): x is string => x !== null))];
    const keyed = { type: e.type, name: e.name ?? null, participantIds, time: e.time, place: e.place ?? null };
    const hit = candidates.find((c) => compatible(keyed, c)) ?? null;
    const own = {
      type: e.type, name: e.name ?? null, place: e.place ?? null, date: e.time.value, datePrecision: e.time.precision, dateText: e.time.text,
    };
    let w: EventWrite;
    if (hit) {
      const finer = !hit.date || (e.time.value && (PRECISION_RANK[e.time.precision] ?? 9) < (PRECISION_RANK[hit.datePrecision] ?? 9)
        && timesCompatible(e.time, { value: hit.date, precision: hit.datePrecision }));
      w = {
        id: hit.id,
        type: TYPE_PRIORITY.indexOf(hit.type) <= TYPE_PRIORITY.indexOf(e.type) ? hit.type : e.type,
        name: hit.name ?? own.name,
        place: hit.place ?? own.place,
        placeArea: null,
        date: finer ? own.date : hit.date,
        datePrecision: finer ? own.datePrecision : hit.datePrecision,
        dateText: finer ? own.dateText : (hit.dateText ?? null),
        participantIds: [...new Set([...hit.participantIds, ...participantIds])],
        statementIds: [],
        sentences: [],
        merged: true,
      };
    } else {
      w = { id: stableId('evt', articleId, String(e.trigger.span[0]), String(e.trigger.span[1])), ...own, placeArea: null, participantIds, statementIds: [], sentences: [], merged: false };
    }
    const prev = out.get(w.id);
    if (prev) {
      prev.participantIds = [...new Set([...prev.participantIds, ...w.participantIds])];
      w = prev;
    } else out.set(w.id, w);
    w.placeArea = w.place ? placeArea(w.place) : null;
    for (const m of [e.sentence, ...e.mentions.map((x) => x.sentence)]) {
      const [a, b] = m.span;
      if (!w.sentences.some(([x, y]) => x === a && y === b)) w.sentences.push([a, b]);
    }
    w.sentences.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    for (const [s, t] of e.statementsAt) {
      const id = statementId(articleId, s, t);
      if (statementIds.has(id) && !w.statementIds.includes(id)) w.statementIds.push(id);
    }
  }
  return [...out.values()];
}

/** The REPORTS properties of a write: the first sentence's span, and every sentence's. */
export function reportRow(w: EventWrite) {
  const first = w.sentences[0] ?? null;
  return {
    eventId: w.id, start: first?.[0] ?? null, end: first?.[1] ?? null,
    starts: w.sentences.map(([a]) => a), ends: w.sentences.map(([, b]) => b),
  };
}
