/**
 * Same-event merging.
 *
 * Within an article (`mergeArticle`): trigger mentions in one sentence with
 * compatible types are one event ("a summit ... who met"); across sentences a
 * mention joins an earlier event when their types are compatible (a summit is
 * a meeting, the talks at it, the visit that brought a leader there), their
 * times overlap and their places are in one area, and it refers back to it:
 * a definite reference ("the call", "his talks with Putin") whose named
 * participants the event has, the same name, a plural subject ("The two
 * presidents met"), two shared participants, or one shared participant and the
 * same place.
 *
 * Across articles (`eventKeys`, `lookupKeys`, `compatible`): an event is
 * indexed under keys of type group + participant + date bucket (and its name),
 * and a new one looks up only its own keys, so the cost per article does not
 * grow with the graph; candidates found are checked with `compatible`.
 */
import type { Actor } from '../doc.js';
import type { TimePrecision } from '../schema.js';
import { finerTime, mondayOf, overlaps, timeInterval } from '../../time/index.js';
import { TYPE_GROUPS, TYPE_PRIORITY, type EventType } from '../model/events.js';
import { placeArea, type RawEvent } from './find.js';

export interface EventTime {
  value: string | null;
  precision: TimePrecision;
  text: string | null;
}

export interface ArticleEvent {
  type: EventType;
  name: string | null;
  participants: Actor[];
  place: string | null;
  time: EventTime;
  mentions: RawEvent[];
}

/** Earlier events of the article a mention is compared with, most recent first. */
const LOOKBACK = 40;

/** [start, end) in ms of a time, or null when undated (server/time; an event dated by its article is on that day). */
export function timeRange(t: { value: string | null; precision: string }): [number, number] | null {
  return timeInterval(t.value, t.precision, 'day');
}

/** Times that can be the same moment: either undated, or overlapping ranges. */
export function timesCompatible(a: { value: string | null; precision: string }, b: { value: string | null; precision: string }): boolean {
  const ra = timeRange(a);
  const rb = timeRange(b);
  if (!ra || !rb) return true;
  return overlaps(ra, rb);
}

export { finerTime };

export function placesCompatible(a: string | null | undefined, b: string | null | undefined): boolean {
  return !a || !b || placeArea(a) === placeArea(b);
}

export function typesCompatible(a: EventType, b: EventType): boolean {
  return TYPE_GROUPS[a] === TYPE_GROUPS[b];
}

export function preferType(a: EventType, b: EventType): EventType {
  return TYPE_PRIORITY.indexOf(a) <= TYPE_PRIORITY.indexOf(b) ? a : b;
}

const noTime: EventTime = { value: null, precision: 'unknown', text: null };

function timeOf(r: RawEvent): EventTime {
  return r.time ? { value: r.time.value, precision: r.time.precision, text: r.time.text } : noTime;
}

function absorb(e: ArticleEvent, r: RawEvent, time: EventTime): void {
  e.type = preferType(e.type, r.type);
  if (!e.name && r.name) e.name = r.name;
  if (!e.place && r.place) e.place = r.place;
  for (const p of [...r.participants, ...r.atSpeakers]) if (!e.participants.includes(p)) e.participants.push(p);
  e.time = finerTime(e.time, time);
  e.mentions.push(r);
}

/** Merges one article's trigger mentions into its events, in text order; drops what cannot stand alone. */
export function mergeArticle(raws: RawEvent[]): ArticleEvent[] {
  // one sentence: compatible triggers are one event ("arrived in Washington for talks with Trump")
  const groups: RawEvent[][] = [];
  for (const r of raws) {
    // raws come in text order: only the trailing groups can share r's sentence
    let g: RawEvent[] | undefined;
    for (let k = groups.length - 1; k >= 0 && groups[k]![0]!.sentence === r.sentence; k--) if (typesCompatible(groups[k]![0]!.type, r.type)) g = groups[k];
    if (g) g.push(r);
    else groups.push([r]);
  }
  const events: ArticleEvent[] = [];
  let last: ArticleEvent | null = null;
  for (const g of groups) {
    const sentenceTime = g.map(timeOf).reduce((a, b) => (a.value ? a : b), noTime);
    let time = sentenceTime;
    const participants: Actor[] = [];
    for (const r of g) for (const p of r.participants) if (!participants.includes(p)) participants.push(p);
    if (!time.value && g.some((r) => r.sequence) && last) time = last.time; // "Trump later briefed Putin"
    if (participants.length === 0 && g.some((r) => r.pluralSubject) && last) participants.push(...last.participants);
    const place = g.map((r) => r.place).find((p) => p) ?? null;
    const name = g.map((r) => r.name).find((n) => n) ?? null;
    const definite = g.every((r) => r.definite);
    const type = g.map((r) => r.type).reduce(preferType);
    let target: ArticleEvent | null = null;
    // look back over the latest LOOKBACK events only: keeps long texts linear
    for (let k = events.length - 1; k >= Math.max(0, events.length - LOOKBACK) && !target; k--) {
      const e = events[k]!;
      if (!typesCompatible(e.type, type) || !timesCompatible(e.time, time) || !placesCompatible(e.place, place)) continue;
      const shared = participants.filter((p) => e.participants.includes(p)).length;
      const anaphor = definite && participants.every((p) => e.participants.includes(p));
      const sameName = !!name && !!e.name && name.toLowerCase() === e.name.toLowerCase();
      const plural = g.some((r) => r.pluralSubject) && e === last;
      const samePlace = !!place && !!e.place && placeArea(place) === placeArea(e.place);
      // a bare earlier mention ("agreed to accelerate negotiations") told in full later ("after meeting X in Brussels")
      const cataphor = e.participants.length === 0 && !e.name && e === last;
      if (anaphor || sameName || plural || cataphor || shared >= 2 || (shared >= 1 && samePlace) || (samePlace && participants.length === 0)) target = e;
      // a definite reference means the most recent compatible event, no further back
      if (definite && !target && participants.length === 0) break;
    }
    if (target) {
      for (const r of g) absorb(target, { ...r, participants }, time);
      last = target;
      continue;
    }
    // an unresolved "the meeting" with nothing else to go on is not an event we can tell
    if (definite && participants.length === 0 && !time.value && !place && !name) continue;
    const e: ArticleEvent = { type, name, participants: [...participants], place, time, mentions: [] };
    for (const r of g) absorb(e, r, time);
    e.participants = [...participants, ...e.participants.filter((p) => !participants.includes(p))];
    events.push(e);
    last = e;
  }
  // an event needs two participants, or one and a date, place or name, or a name and a date or place
  return events.filter((e) => {
    const n = e.participants.length;
    const facts = (e.time.value ? 1 : 0) + (e.place ? 1 : 0) + (e.name ? 1 : 0);
    return n >= 2 || (n === 1 && facts >= 1) || (e.name !== null && facts >= 2);
  });
}

export interface KeyedEvent {
  type: EventType;
  name?: string | null;
  participantIds: string[];
  time: { value: string | null; precision: string };
}

function buckets(t: { value: string | null; precision: string }): { own: string[]; lookup: string[] } {
  const r = timeRange(t);
  if (!r || !t.value) return { own: [], lookup: [] };
  const month = t.value.slice(0, 7);
  if (t.precision === 'day' || t.precision === 'week') {
    const week = `W${mondayOf(r[0])}`;
    // day/week events: in their week, and in a month list that month-precision newcomers read
    return { own: [week, `MM${month}`], lookup: [week, `M${month}`] };
  }
  if (t.precision === 'month') return { own: [`M${month}`], lookup: [`M${month}`, `MM${month}`] };
  if (t.precision === 'year') return { own: [`Y${t.value.slice(0, 4)}`], lookup: [`Y${t.value.slice(0, 4)}`] };
  return { own: [], lookup: [] };
}

function nameKey(e: KeyedEvent): string | null {
  return e.name ? `${TYPE_GROUPS[e.type]}|name|${e.name.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ')}` : null;
}

/** The keys a stored event is found under: type group + participant + date bucket, and its name. */
export function eventKeys(e: KeyedEvent): string[] {
  const g = TYPE_GROUPS[e.type];
  const keys = buckets(e.time).own.flatMap((b) => e.participantIds.map((p) => `${g}|${p}|${b}`));
  const n = nameKey(e);
  if (n) keys.push(n);
  return [...new Set(keys)];
}

/** The keys a new event looks up to find the stored events it may be. */
export function lookupKeys(e: KeyedEvent): string[] {
  const g = TYPE_GROUPS[e.type];
  const keys = buckets(e.time).lookup.flatMap((b) => e.participantIds.map((p) => `${g}|${p}|${b}`));
  const n = nameKey(e);
  if (n) keys.push(n);
  return [...new Set(keys)];
}

export interface StoredEventCandidate {
  id: string;
  type: EventType;
  name: string | null;
  place: string | null;
  date: string | null;
  datePrecision: string;
  dateText?: string | null;
  participantIds: string[];
}

/**
 * Whether a new event is a stored one told again: compatible type, time and
 * place, and two shared participants (or all of them when either has fewer), or
 * the same name.
 */
export function compatible(e: KeyedEvent & { place?: string | null }, c: StoredEventCandidate): boolean {
  if (!typesCompatible(e.type, c.type)) return false;
  if (!timesCompatible(e.time, { value: c.date, precision: c.datePrecision })) return false;
  if (!placesCompatible(e.place, c.place)) return false;
  const sameName = !!e.name && !!c.name && e.name.toLowerCase() === c.name.toLowerCase();
  const shared = e.participantIds.filter((p) => c.participantIds.includes(p)).length;
  const dated = !!e.time.value && !!c.date;
  return sameName || (dated && shared >= Math.min(2, e.participantIds.length, c.participantIds.length) && shared >= 1);
}
