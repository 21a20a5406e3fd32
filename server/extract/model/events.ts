/**
 * Event trigger words and their types: data only, applied by
 * server/extract/events/*.ts (docs/extraction.md, "Events").
 */

export const EVENT_TYPES = ['meeting', 'summit', 'call', 'visit', 'talks', 'announcement', 'military action', 'other'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Nouns that name an event ("the Alaska summit", "a meeting with X").
 * Lowercase; a two-word entry ("phone call") is matched on its last word with
 * the first word before it.
 */
export const EVENT_NOUNS: Record<string, EventType> = {
  summit: 'summit',
  meeting: 'meeting',
  encounter: 'meeting',
  talks: 'talks',
  negotiations: 'talks',
  call: 'call',
  'phone call': 'call',
  'telephone call': 'call',
  'phone conversation': 'call',
  'video call': 'call',
  visit: 'visit',
  trip: 'visit',
  announcement: 'announcement',
  strike: 'military action',
  strikes: 'military action',
  airstrike: 'military action',
  airstrikes: 'military action',
  offensive: 'military action',
  invasion: 'military action',
  bombing: 'military action',
  raid: 'military action',
  conference: 'other',
  ceremony: 'other',
  rally: 'other',
};

/**
 * Verbs that report an event, by inflected form: "met", "hosted", "visited".
 * `object`: the actor right after the verb is a participant ("met Putin"),
 * a place after it is the place ("visited Kyiv").
 */
export const EVENT_VERBS: Record<string, EventType> = {
  met: 'meeting',
  meets: 'meeting',
  hosted: 'meeting',
  hosts: 'meeting',
  visited: 'visit',
  visits: 'visit',
  arrived: 'visit',
  arrives: 'visit',
  phoned: 'call',
  telephoned: 'call',
  // "Trump later briefed Putin": between leaders not in one place, a briefing is a call in news usage.
  briefed: 'call',
  struck: 'military action',
  attacked: 'military action',
  shelled: 'military action',
  invaded: 'military action',
};

/**
 * Types that can be one event told in other words: a summit is a meeting,
 * the talks held at it, and the visit that brought a leader there.
 */
export const TYPE_GROUPS: Record<EventType, string> = {
  meeting: 'in-person',
  summit: 'in-person',
  talks: 'in-person',
  visit: 'in-person',
  call: 'call',
  announcement: 'announcement',
  'military action': 'military action',
  other: 'other',
};

/** When mentions of one event disagree on the type, the more specific wins (lower index first). */
export const TYPE_PRIORITY: EventType[] = ['summit', 'visit', 'meeting', 'talks', 'call', 'announcement', 'military action', 'other'];

/**
 * Words within a few tokens before a trigger that make it hypothetical or
 * demanded, not reported: "insisted on a direct Putin-Zelensky meeting",
 * "has not ruled out a meeting".
 */
export const HYPOTHETICAL_WORDS = new Set([
  'insisted', 'insists', 'insist', 'demanded', 'demands', 'proposed', 'proposes', 'propose', 'ruled', 'rule', 'possible',
  'potential', 'future', 'planned', 'planning', 'plans', 'upcoming', 'prospective', 'hypothetical', 'would', 'could', 'might',
  'should', 'next', 'new', 'urged', 'urges', 'seek', 'seeks', 'sought', 'wants', 'want', 'hope', 'hopes', 'ready', 'another',
  'no', 'any',
]);

/** Words before a trigger that put a statement in the same sentence at the event ("Speaking ... following the meeting, X said"). */
export const FRAME_WORDS = new Set(['at', 'during', 'after', 'following', 'on the sidelines of', 'sidelines']);

/** Words after which a sentence's event takes the previous event's time ("Trump later briefed Putin"). */
export const SEQUENCE_WORDS = new Set(['later', 'afterwards', 'afterward', 'subsequently', 'then']);

/** Place names as their wider area, so "Anchorage" and "Alaska", "the White House" and "Washington" are compatible. */
export const PLACE_AREAS: Record<string, string> = {
  anchorage: 'alaska',
  'joint base elmendorf-richardson': 'alaska',
  'white house': 'washington',
  'oval office': 'washington',
  'washington dc': 'washington',
  'washington d.c.': 'washington',
  kremlin: 'moscow',
  elysee: 'paris',
  'elysee palace': 'paris',
  'élysée': 'paris',
  'downing street': 'london',
  'camp david': 'washington',
};

/** Plural subjects that stand for the participants of the event told just before ("The two presidents met in Anchorage"). */
export const PLURAL_SUBJECTS = new Set(['they', 'both', 'the two', 'the leaders', 'the two leaders', 'the two presidents', 'the presidents', 'the pair']);

/** "-ing" forms that act as the verb after "after", "before", "while" ("after meeting Japanese Economy Minister Kenji Sato"). */
export const EVENT_GERUNDS: Record<string, EventType> = { meeting: 'meeting', visiting: 'visit', hosting: 'meeting' };

/** Words right after a trigger (and its "with ..." list) that make it expected, not reported: "talks ... were likely to follow". */
export const HYPOTHETICAL_AFTER = new Set(['likely', 'expected', 'would', 'could', 'will', 'may', 'might', 'planned', 'scheduled', 'set', 'due']);
