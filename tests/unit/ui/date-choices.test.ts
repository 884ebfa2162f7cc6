import { describe, expect, it } from 'vitest';
import { dateChoices } from '../../../lib/ui/date-choices';

/** `count` consecutive dates, newest first, ending at 2026-01-10. */
function storedDates(count: number): string[] {
  const newest = Date.UTC(2026, 0, 10);
  return Array.from({ length: count }, (_, index) =>
    new Date(newest - index * 86_400_000).toISOString().slice(0, 10),
  );
}

describe('the date picker’s choices', () => {
  it('lists every date when there are few', () => {
    const dates = ['2026-01-10', '2026-01-09', '2025-12-30'];
    expect(dateChoices(dates, '2026-01-10')).toEqual(dates.map((date) => ({ kind: 'date', date })));
  });

  it('with many, lists the shown month’s dates and one choice per other month, newest first', () => {
    const dates = storedDates(80);
    const choices = dateChoices(dates, '2025-12-15');
    const months = choices.filter((choice) => choice.kind === 'month');
    expect(months).toEqual([
      { kind: 'month', month: '2026-01', date: '2026-01-10', count: 10 },
      { kind: 'month', month: '2025-11', date: '2025-11-30', count: 30 },
      { kind: 'month', month: '2025-10', date: '2025-10-31', count: 9 },
    ]);
    const days = choices.filter((choice) => choice.kind === 'date').map((choice) => choice.date);
    expect(days).toHaveLength(31);
    expect(days[0]).toBe('2025-12-31');
    expect(choices[0]?.kind).toBe('month');
    expect(choices[1]).toEqual({ kind: 'date', date: '2025-12-31' });
    expect(choices[32]?.kind).toBe('month');
  });

  it('stays bounded with five years stored: months plus one month of days', () => {
    const choices = dateChoices(storedDates(1800), '2026-01-10');
    expect(choices.length).toBeLessThanOrEqual(60 + 31);
    expect(choices.length).toBeGreaterThan(50);
  });
});
