import { describe, expect, test } from 'vitest';
import { actorMonthSlot, dayOfSlot, MAX_WINDOW_DAYS, windowDays } from '../../server/graph/window.js';
import { statementTime } from '../../server/graph/write.js';

/**
 * windowDays lists every `timeDay` a window [from, to) can hold; the queries
 * keep the exact comparison, so the list must never miss a key (it may hold more).
 */
describe('windowDays', () => {
  test('a day-aligned window lists its days', () => {
    expect(windowDays('2025-03-01', '2025-03-04')).toEqual(['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04']);
  });

  test('coarse keys inside the window are listed, those before it are not', () => {
    expect(windowDays('2025-03', '2025-03-02')).toEqual(['2025-03', '2025-03-01', '2025-03-02']);
    expect(windowDays('2025-03-02', '2025-04-01')).not.toContain('2025-03');
    expect(windowDays('2024', '2024-01-02')).toEqual(['2024', '2024-01', '2024-01-01', '2024-01-02']);
  });

  test('no window, an unreadable bound or a very long window: null (the query without $days)', () => {
    expect(windowDays(null, '2025-03-01')).toBeNull();
    expect(windowDays('2025-03-01', undefined)).toBeNull();
    expect(windowDays('last week', '2025-03-01')).toBeNull();
    expect(windowDays('2000-01-01', '2025-01-01')).toBeNull();
    expect(windowDays('2025-01-01', '2025-01-01')?.length).toBeLessThanOrEqual(MAX_WINDOW_DAYS);
    expect(windowDays('2025-03-05', '2025-03-01')).toEqual([]);
  });

  test('every stored time inside a window has its key listed (property over many windows)', () => {
    const times = ['2025-02-28', '2025-03', '2025', '2025-03-01T00:00:00.000Z', '2025-03-15T23:59:59.999Z', '2025-03-31', '2025-04-01T12:00:00.000Z', '2024-12-31'];
    const bounds = ['2024', '2025', '2025-02-28', '2025-03', '2025-03-01', '2025-03-01T12:00', '2025-03-15', '2025-03-31', '2025-04', '2025-04-01T13:00Z'];
    for (const from of bounds) {
      for (const to of bounds) {
        const days = windowDays(from, to);
        if (days === null) continue;
        for (const t of times) {
          if (t >= from && t < to) expect(days, `${t} in [${from}, ${to})`).toContain(statementTime(t).timeDay);
        }
      }
    }
  });
});

/**
 * actorMonthSlot: where the actor page's month counters (schema version 12)
 * count a statement's `timeDay`; dayOfSlot reads the slot back as the day.
 * Cases worked out by hand from the rule: a day of a month is counted in
 * the month's node at its day number, anything else in a node of its own at 0.
 */
describe('actorMonthSlot and dayOfSlot', () => {
  test.each([
    ['2025-03-18', '2025-03-*', 18],
    ['2025-03-01', '2025-03-*', 1],
    ['2025-03-31', '2025-03-*', 31],
    ['2025-12-09', '2025-12-*', 9],
    // Coarse times are their own bucket (as the network rollups'), at slot 0.
    ['2025-03', '2025-03', 0],
    ['2025', '2025', 0],
    // Not a day number: its own node (rollupBucket's string order would take "1a" as a day).
    ['2025-03-1a', '2025-03-1a', 0],
    ['2025-03-00', '2025-03-00', 0],
  ])('%s is counted in %s at slot %i, and read back as itself', (timeDay, month, slot) => {
    expect(actorMonthSlot(timeDay)).toEqual({ month, slot });
    expect(dayOfSlot(month, slot)).toBe(timeDay);
  });
});
