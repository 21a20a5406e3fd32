import { describe, expect, test } from 'vitest';
import { parseIsoDate, parseLooseDate, resolveRelativeTime } from '../../server/ingest/index.js';

const RETRIEVED = new Date('2025-08-21T12:00:00Z');

describe('resolveRelativeTime', () => {
  test.each([
    { name: 'an hour ago', phrase: 'an hour ago', value: '2025-08-21T11:00:00.000Z', precision: 'hour' },
    { name: '2 hours ago', phrase: '2 hours ago', value: '2025-08-21T10:00:00.000Z', precision: 'hour' },
    { name: '5 minutes ago', phrase: '5 minutes ago', value: '2025-08-21T11:55:00.000Z', precision: 'minute' },
    { name: 'just now', phrase: 'just now', value: '2025-08-21T12:00:00.000Z', precision: 'minute' },
    { name: 'yesterday (a UTC day)', phrase: 'yesterday', value: '2025-08-20T00:00:00.000Z', precision: 'day' },
    { name: '3 days ago', phrase: '3 days ago', value: '2025-08-18T00:00:00.000Z', precision: 'day' },
    { name: 'two days ago (number word)', phrase: 'Two days ago', value: '2025-08-19T00:00:00.000Z', precision: 'day' },
    { name: '2 weeks ago', phrase: '2 weeks ago', value: '2025-08-07T00:00:00.000Z', precision: 'week' },
    { name: 'a month ago', phrase: 'a month ago', value: '2025-07-01T00:00:00.000Z', precision: 'month' },
    { name: 'last year', phrase: 'last year', value: '2024-01-01T00:00:00.000Z', precision: 'year' },
  ])('when given "$name", then it resolves against the retrieval time with its precision', ({ phrase, value, precision }) => {
    expect(resolveRelativeTime(phrase, RETRIEVED)).toEqual({ value, precision });
  });

  test.each([{ name: 'someday' }, { name: 'an hour' }, { name: 'on Monday' }])('when given "$name", then it is not a relative time (null)', ({ name }) => {
    expect(resolveRelativeTime(name, RETRIEVED)).toBeNull();
  });
});

describe('parseIsoDate (strict: caller-given dates)', () => {
  test.each([
    { name: 'a year', input: '2025', value: '2025-01-01T00:00:00.000Z', precision: 'year' },
    { name: 'a month', input: '2025-08', value: '2025-08-01T00:00:00.000Z', precision: 'month' },
    { name: 'a day', input: '2025-08-21', value: '2025-08-21T00:00:00.000Z', precision: 'day' },
    { name: 'minutes in UTC', input: '2025-08-21T12:00Z', value: '2025-08-21T12:00:00.000Z', precision: 'minute' },
    { name: 'seconds with an offset', input: '2025-08-21T12:00:05+02:00', value: '2025-08-21T10:00:05.000Z', precision: 'second' },
    { name: 'no offset, read as UTC', input: '2025-08-21T12:00', value: '2025-08-21T12:00:00.000Z', precision: 'minute' },
  ])('when given $name, then it is normalised to ISO UTC with that precision', ({ input, value, precision }) => {
    expect(parseIsoDate(input)).toEqual({ value, precision });
  });

  test.each([
    { name: 'an impossible day', input: '2025-02-30' },
    { name: 'words', input: 'yesterday-ish' },
    { name: 'a day-first date', input: '21/08/2025' },
    { name: 'RFC 822', input: 'Tue, 19 Aug 2025 10:15:00 GMT' },
  ])('when given $name, then it is refused (null)', ({ input }) => {
    expect(parseIsoDate(input)).toBeNull();
  });
});

describe('parseLooseDate (web metadata)', () => {
  test.each([
    { name: 'RFC 822 (RSS pubDate)', input: 'Tue, 19 Aug 2025 10:15:00 GMT', value: '2025-08-19T10:15:00.000Z', precision: 'second' },
    { name: 'a month-name date', input: 'August 19, 2025', value: '2025-08-19T00:00:00.000Z', precision: 'day' },
    { name: 'a day-first month-name date', input: '19 August 2025', value: '2025-08-19T00:00:00.000Z', precision: 'day' },
    { name: 'ISO', input: '2025-08-19', value: '2025-08-19T00:00:00.000Z', precision: 'day' },
  ])('when given $name, then it is read', ({ input, value, precision }) => {
    expect(parseLooseDate(input)).toEqual({ value, precision });
  });

  test.each([{ name: 'a weekday without a year', input: 'Monday' }, { name: 'an empty string', input: '' }, { name: 'garbage', input: 'soon' }])(
    'when given $name, then no date is guessed (null)',
    ({ input }) => {
      expect(parseLooseDate(input)).toBeNull();
    },
  );
});
