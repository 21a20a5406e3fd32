import { describe, expect, test } from 'vitest';
import { dateMatches, FIXTURE_NAMES, isoWeek, scoreFixture, speakerMatches, tokenF1, type Gold } from '../../scripts/eval-lib.js';
import type { Statement } from '../../server/extract/index.js';

describe('extraction quality on the gold fixtures', () => {
  test.each(FIXTURE_NAMES.map((name) => ({ name })))('$name: precision and recall >= 0.85, dates >= 0.85', ({ name }) => {
    const s = scoreFixture(name);
    const detail = JSON.stringify({
      missed: s.articles.flatMap((a) => a.missed.map((g) => g.id)),
      wrong: s.articles.flatMap((a) => a.wrong.map((p) => `${p.speaker?.name}: ${p.content.text.slice(0, 60)}`)),
      dates: s.dateErrors,
    });
    expect(s.precision, detail).toBeGreaterThanOrEqual(0.85);
    expect(s.recall, detail).toBeGreaterThanOrEqual(0.85);
    expect(s.dateAccuracy, detail).toBeGreaterThanOrEqual(0.85);
  });
});

describe('scoring rules', () => {
  const gold: Gold = {
    document: 'x', retrievedAt: '2025-08-21T12:00:00Z', articles: [],
    actors: [{ name: 'Russia', kind: 'country', aliases: ['Moscow'] }],
  };
  const g = { id: 'g', required: true, speaker: 'Russia', speakerAlt: ['Russian officials'], cue: 'say', direct: false, content: 'x', about: [], date: null };

  test.each([
    { name: 'canonical name, any case', predicted: 'russia', ok: true },
    { name: 'an alias', predicted: 'Moscow', ok: true },
    { name: 'an accepted alternative', predicted: 'Russian officials', ok: true },
    { name: 'another actor', predicted: 'Ukraine', ok: false },
    { name: 'no speaker', predicted: null, ok: false },
  ])('speakerMatches: $name', ({ predicted, ok }) => {
    expect(speakerMatches(gold, g, predicted)).toBe(ok);
  });

  test.each([
    { name: 'identical up to case and punctuation', a: "We're ready,", b: "we're ready", f1: 1 },
    { name: 'disjoint', a: 'alpha beta', b: 'gamma delta', f1: 0 },
    { name: 'half overlap', a: 'alpha beta', b: 'alpha gamma', f1: 0.5 },
  ])('tokenF1: $name', ({ a, b, f1 }) => {
    expect(tokenF1(a, b)).toBeCloseTo(f1);
  });

  const said = (value: string | null, precision: Statement['saidAt']['precision'], text: string | null): Statement =>
    ({ saidAt: { value, precision, text } }) as Statement;
  test.each([
    { name: 'day matches day', gold: '2025-08-18', st: said('2025-08-18', 'day', 'on Monday'), ok: true },
    { name: 'month needs month precision', gold: '2025-08', st: said('2025-08-01', 'month', 'earlier this month'), ok: true },
    { name: 'month does not accept a day', gold: '2025-08', st: said('2025-08-01', 'day', 'August 1'), ok: false },
    { name: 'ISO week', gold: '2025-W39', st: said('2025-09-22', 'week', 'last week'), ok: true },
    { name: 'null gold means no time expression', gold: null, st: said('2025-08-21', 'article', null), ok: true },
    { name: 'null gold rejects a found time', gold: null, st: said('2025-08-18', 'day', 'on Monday'), ok: false },
  ])('dateMatches: $name', ({ gold: gd, st, ok }) => {
    expect(dateMatches(gd, st)).toBe(ok);
  });

  test('isoWeek uses the ISO rule (week of the Thursday)', () => {
    expect([isoWeek('2025-09-22'), isoWeek('2025-09-28'), isoWeek('2024-12-30')]).toEqual(['2025-W39', '2025-W39', '2025-W01']);
  });
});
