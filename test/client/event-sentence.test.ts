import { describe, expect, test } from 'vitest';
import { locateEventSentence, sentenceSpans } from '../../client/views/event-sentence.js';
import { eventBandItem } from '../../client/views/timeline.js';

const slices = (text: string) => sentenceSpans(text).map(([a, b]) => text.slice(a, b));

describe('sentenceSpans', () => {
  test.each([
    { name: 'full stops', text: 'One. Two two. Three', out: ['One.', 'Two two.', 'Three'] },
    { name: 'closing quotes stay with their sentence', text: "He said 'shut up.' Then left!", out: ["He said 'shut up.'", 'Then left!'] },
    { name: 'line breaks end a sentence (titles)', text: 'A title\nBody text. More', out: ['A title', 'Body text.', 'More'] },
    { name: 'a full stop inside a word does not', text: 'Version 2.5 shipped. Done.', out: ['Version 2.5 shipped.', 'Done.'] },
  ])('$name', ({ text, out }) => {
    expect(slices(text)).toEqual(out);
  });
});

describe('locateEventSentence', () => {
  const alaska = { name: 'Alaska summit', type: 'summit', place: 'Alaska', dateText: 'on Friday', participants: [{ name: 'Donald Trump' }, { name: 'Vladimir Putin' }] };
  const call = { name: null, type: 'call', place: null, dateText: 'this week', participants: [{ name: 'Donald Trump' }, { name: 'Vladimir Putin' }] };
  test.each([
    {
      name: 'the name wins over a sentence with only a type word',
      e: alaska,
      text: 'Trump met reporters. The Alaska summit was historic, Kellogg said.',
      want: 'The Alaska summit was historic, Kellogg said.',
    },
    {
      name: 'without the name: a type word with participants and place',
      e: alaska,
      text: 'Markets fell. Last week, Trump hosted Putin in Alaska for talks.',
      want: 'Last week, Trump hosted Putin in Alaska for talks.',
    },
    { name: 'a call told by a verb, participants by last name', e: call, text: 'Talks ended. Trump later briefed Putin on the discussions.', want: 'Trump later briefed Putin on the discussions.' },
    { name: 'a type word alone is not enough', e: call, text: 'The call was dropped.', want: null },
    { name: 'whole words only: "recall" is not a call', e: call, text: 'Trump and Putin recall the past.', want: null },
    { name: 'participants without a type word are not enough', e: alaska, text: 'Donald Trump and Vladimir Putin in Alaska on Friday.', want: null },
  ])('$name', ({ e, text, want }) => {
    const r = locateEventSentence(text, e);
    expect(r ? text.slice(r.start, r.end) : null).toBe(want);
  });
});

describe('eventBandItem', () => {
  const base = { id: 'evt_1', type: 'call' as const, name: null, place: null, dateText: null, participants: [{ id: 'a', name: 'Donald Trump' }, { id: 'b', name: 'Vladimir Putin' }], reports: 1, statements: 0 };
  test.each([
    { name: 'a day is a point', date: '2025-08-15', precision: 'day', start: '2025-08-15T00:00:00.000Z', end: null },
    { name: 'a week is a 7-day range', date: '2025-08-18', precision: 'week', start: '2025-08-18T00:00:00.000Z', end: '2025-08-25T00:00:00.000Z' },
    { name: 'a month runs to the first of the next', date: '2025-08-01', precision: 'month', start: '2025-08-01T00:00:00.000Z', end: '2025-09-01T00:00:00.000Z' },
  ])('$name', ({ date, precision, start, end }) => {
    const b = eventBandItem({ ...base, date, datePrecision: precision })!;
    expect(b.start.toISOString()).toBe(start);
    expect(b.end?.toISOString() ?? null).toBe(end);
  });

  test('an undated event is not drawn; an unnamed one is labelled by type and last names', () => {
    expect(eventBandItem({ ...base, date: null, datePrecision: 'unknown' })).toBeNull();
    const b = eventBandItem({ ...base, date: '2025-08-18', datePrecision: 'week', dateText: 'this week' })!;
    expect(b.label).toBe('call: Trump–Putin');
    expect(b.lines).toEqual(['Call', 'type: call', 'week of 2025-08-18 (“this week”)', 'place: not given', 'participants: Donald Trump, Vladimir Putin']);
  });
});
