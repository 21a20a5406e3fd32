import { describe, expect, test } from 'vitest';
import { extractEvents, extractEventsStrict, type ExtractedEvent } from '../../server/extract/index.js';
import { ExtractedEventSchema, compatible, eventKeys, lookupKeys, placeArea, timesCompatible } from '../../server/extract/events/index.js';

/** Thursday 21 August 2025: "on Monday" is the 18th, "on Friday" the 15th, "last week" the week of the 11th. */
const THU = '2025-08-21T12:00:00Z';

const names = (e: ExtractedEvent) => e.participants.map((p) => p.name).sort();

interface Case {
  behaviour: string;
  text: string;
  /** Expected events, in text order; every listed field is checked, participants as a sorted set. */
  events: { type: string; participants?: string[]; place?: string; name?: string; date?: string | null; precision?: string; mentions?: number }[];
}

// Expectations written by hand from the sentences, before running the extractor on them.
const CASES: Case[] = [
  {
    behaviour: 'a summit with a list of participants takes its day and its place from the noun phrase',
    text: 'Macron made the comments in Washington after a White House summit on Monday with US President Donald Trump, Ukraine\'s Vladimir Zelensky, and several European leaders.',
    events: [{ type: 'summit', participants: ['Donald Trump', 'European leaders', 'Vladimir Zelensky'], place: 'White House', name: 'White House summit', date: '2025-08-18', precision: 'day' }],
  },
  {
    behaviour: 'a verb with subject and object gives a meeting with both as participants',
    text: 'US President Donald Trump met Russian President Vladimir Putin on Friday in Anchorage.',
    events: [{ type: 'meeting', participants: ['Donald Trump', 'Vladimir Putin'], place: 'Anchorage', date: '2025-08-15', precision: 'day' }],
  },
  {
    behaviour: 'a named summit, "the two presidents met" and a dated meeting in later sentences are one event with the finest date',
    text: 'The Alaska summit between US President Donald Trump and his Russian counterpart Vladimir Putin was historic, an envoy said. The two presidents met in Anchorage last week. Trump met Putin on Friday in their first face-to-face encounter since 2019.',
    events: [{ type: 'summit', participants: ['Donald Trump', 'Vladimir Putin'], place: 'Alaska', name: 'Alaska summit', date: '2025-08-15', precision: 'day', mentions: 4 }],
  },
  {
    behaviour: '"later briefed" is a call that takes the time of the event told before, and "the call" refers back to it',
    text: 'During a meeting with Ukraine\'s Vladimir Zelensky this week, US President Donald Trump declared that NATO membership was out of the question. Trump later briefed Russian President Vladimir Putin on the discussions. According to aide Yury Ushakov, the call lasted 40 minutes.',
    events: [
      { type: 'meeting', participants: ['Donald Trump', 'Vladimir Zelensky'], date: '2025-08-18', precision: 'week' },
      { type: 'call', participants: ['Donald Trump', 'Vladimir Putin'], date: '2025-08-18', precision: 'week', mentions: 2 },
    ],
  },
  {
    behaviour: 'an arrival for talks is one visit with the hosts and the visitors, dated by a sentence-initial time',
    text: 'On Monday, Ukraine\'s Vladimir Zelensky and several European leaders arrived in Washington for talks with US President Donald Trump.',
    events: [{ type: 'visit', participants: ['Donald Trump', 'European leaders', 'Vladimir Zelensky'], place: 'Washington', date: '2025-08-18', precision: 'day' }],
  },
  {
    behaviour: 'a demanded or ruled-out meeting is not an event',
    text: 'US President Donald Trump insisted on a direct Putin-Zelensky meeting. Russian President Vladimir Putin has not ruled out a meeting with Zelensky in principle.',
    events: [],
  },
  {
    behaviour: 'a time on the far side of a speech cue and "that" dates the saying, not the event',
    text: 'Russian Foreign Minister Sergey Lavrov announced on Wednesday that Moscow is ready to talk, an idea floated by Russian President Vladimir Putin after the call with US President Donald Trump in Anchorage.',
    events: [{ type: 'call', participants: ['Donald Trump'], place: 'Anchorage', date: null }],
  },
  {
    behaviour: 'an event word inside a quotation is not extracted',
    text: 'Macron said: \'We will need a summit with Russian President Vladimir Putin on Monday.\'',
    events: [],
  },
  {
    behaviour: 'an unresolved "the meeting" with nothing else known is dropped',
    text: 'The meeting was described as constructive.',
    events: [],
  },
  {
    behaviour: 'a verb use of an event noun ("to call") is not an event',
    text: 'Zelensky plans to call Trump on Friday.',
    events: [],
  },
  {
    behaviour: 'a word every JavaScript object has ("constructor") is no event noun (a plain-object lookup took it for one)',
    text: 'The constructor between Anna Holm and Karl Berg took place in Oslo on Monday.',
    events: [],
  },
];

describe('extractEvents', () => {
  test.each(CASES)('$behaviour', ({ text, events }) => {
    const got = extractEventsStrict(text, { publishedAt: THU });
    expect(got.map((e) => `${e.type}: ${names(e).join(', ')}`)).toHaveLength(events.length);
    events.forEach((want, k) => {
      const e = got[k]!;
      expect(e.type).toBe(want.type);
      if (want.participants) expect(names(e)).toEqual([...want.participants].sort());
      if (want.place !== undefined) expect(e.place).toBe(want.place);
      if (want.name !== undefined) expect(e.name).toBe(want.name);
      if (want.date !== undefined) expect(e.time.value).toBe(want.date);
      if (want.precision !== undefined) expect(e.time.precision).toBe(want.precision);
      if (want.mentions !== undefined) expect(e.mentions).toHaveLength(want.mentions);
    });
  });

  test('every event satisfies the schema and its spans slice the text it names', () => {
    const text = CASES.map((c) => c.text).join('\n');
    for (const e of extractEventsStrict(text, { publishedAt: THU })) {
      expect(ExtractedEventSchema.safeParse(e).success).toBe(true);
      expect(text.slice(...e.trigger.span)).toBe(e.trigger.text);
      expect(text.slice(...e.sentence.span)).toContain(e.trigger.text);
    }
  });

  test('a statement made at the event ("Speaking ... following the meeting, X said") is linked, with its continuation, and its speaker takes part', () => {
    const text = 'Macron made the comments after a White House summit on Monday with US President Donald Trump and Ukraine\'s Vladimir Zelensky.\n'
      + 'Speaking to reporters following the meeting, Macron said that Ukraine must have a strong army. He added, \'We will need peacekeeping operations.\'';
    const [e, ...rest] = extractEventsStrict(text, { publishedAt: THU });
    expect(rest).toEqual([]);
    expect(names(e!)).toEqual(['Donald Trump', 'Macron', 'Vladimir Zelensky']);
    expect(e!.statementsAt.map((s) => text.slice(...s))).toEqual(['Ukraine must have a strong army', 'We will need peacekeeping operations.']);
    expect(e!.mentions.map((m) => m.frame)).toEqual([true, true]);
  });

  test('without an article date, relative times stay unknown', () => {
    const [e] = extractEvents('US President Donald Trump met Russian President Vladimir Putin on Friday in Anchorage.');
    expect(e!.time).toEqual({ value: null, precision: 'unknown', text: 'on Friday' });
  });

  test.each([
    ['empty text', ''],
    ['control characters', '\u0000\u0001 met \u0002'],
    ['unbalanced quotes', "'Trump met Putin on Friday"],
    ['a megabyte line', 'Trump met Putin. '.repeat(60_000)],
    ['a megabyte line of meetings', 'Trump met Putin on Friday. '.repeat(40_000)],
  ])('with %s, the strict extractor does not throw and every event it returns is valid and inside the text', (_name, text) => {
    // extractEventsStrict lets a rule's crash through (extractEvents would swallow it into no events).
    const events = extractEventsStrict(text, { publishedAt: THU });
    const inside = ([a, b]: [number, number]) => 0 <= a && a <= b && b <= text.length;
    for (const e of events) {
      expect(ExtractedEventSchema.safeParse(e).success).toBe(true);
      expect(text.slice(...e.trigger.span)).toBe(e.trigger.text);
      expect([e.sentence.span, ...e.statementsAt, ...e.mentions.flatMap((m) => [m.trigger.span, m.sentence.span])].every(inside)).toBe(true);
    }
  });
});

describe('event keys and cross-article compatibility', () => {
  const base = { type: 'summit' as const, name: null, participantIds: ['act_t', 'act_p'], time: { value: '2025-08-15', precision: 'day' } };

  test.each([
    ['a day inside a week', { value: '2025-08-15', precision: 'day' }, { value: '2025-08-11', precision: 'week' }, true],
    ['a day outside a week', { value: '2025-08-18', precision: 'day' }, { value: '2025-08-11', precision: 'week' }, false],
    ['a day inside a month', { value: '2025-08-18', precision: 'day' }, { value: '2025-08-01', precision: 'month' }, true],
    ['two different days', { value: '2025-08-18', precision: 'day' }, { value: '2025-08-15', precision: 'day' }, false],
    ['an undated one', { value: null, precision: 'unknown' }, { value: '2025-08-15', precision: 'day' }, true],
  ])('times: %s -> %s', (_n, a, b, ok) => {
    expect(timesCompatible(a, b)).toBe(ok);
  });

  test('a new day-precision event looks up the key a stored week-precision event of the same week was indexed under', () => {
    const stored = eventKeys({ ...base, time: { value: '2025-08-11', precision: 'week' } });
    expect(lookupKeys(base).some((k) => stored.includes(k))).toBe(true);
  });

  test('a month-precision newcomer finds day events of that month; a day in another month is not looked up', () => {
    expect(lookupKeys({ ...base, time: { value: '2025-08-01', precision: 'month' } }).some((k) => eventKeys(base).includes(k))).toBe(true);
    expect(lookupKeys({ ...base, time: { value: '2025-09-01', precision: 'month' } }).some((k) => eventKeys(base).includes(k))).toBe(false);
  });

  test('keys grow with participants and date buckets, not with anything stored', () => {
    expect(eventKeys(base)).toHaveLength(4); // 2 participants x (week, month list)
  });

  test.each([
    ['the same participants on a compatible date', {}, true],
    ['a call is not a summit', { type: 'call' }, false],
    ['one shared participant of two', { participantIds: ['act_t', 'act_z'] }, false],
    ['another area', { place: 'Washington' }, false],
  ])('compatible: %s', (_n, over, ok) => {
    const candidate = { id: 'evt_1', type: 'meeting' as const, name: null, place: 'Anchorage', date: '2025-08-11', datePrecision: 'week', participantIds: ['act_t', 'act_p'] };
    expect(compatible({ ...base, place: 'Alaska', ...over } as Parameters<typeof compatible>[0], candidate)).toBe(ok);
  });

  test('places resolve to their area', () => {
    expect([placeArea('Anchorage'), placeArea('Alaska'), placeArea('the White House'), placeArea('Washington')]).toEqual(['alaska', 'alaska', 'washington', 'washington']);
  });
});
