import { describe, expect, it } from 'vitest';
import { dateChoices, groupDateChoices } from '../../../lib/ui/date-choices';

/** `count` consecutive dates, newest first, ending at 2026-01-10. */
function storedDates(count: number): string[] {
  const newest = Date.UTC(2026, 0, 10);
  return Array.from({ length: count }, (_, index) =>
    new Date(newest - index * 86_400_000).toISOString().slice(0, 10),
  );
}

describe('the date picker’s choices', () => {
  it('lists every date when there are few', () => {
    const dates = ['2026-01-10', '2026-01-09', '2026-01-08'];
    expect(dateChoices(dates, '2026-01-10')).toEqual(dates.map((date) => ({ kind: 'date', date })));
  });

  it('with many, lists the shown month’s dates and one choice per other month, newest first, each opening its day nearest the shown month', () => {
    const dates = storedDates(80);
    const choices = dateChoices(dates, '2025-12-15');
    const months = choices.filter((choice) => choice.kind === 'month');
    expect(months).toEqual([
      { kind: 'month', month: '2026-01', date: '2026-01-01', count: 10 },
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

  it('marks the shown month’s days without a digest, within the stored span only', () => {
    // Stored: 01-10, 01-07, 01-06 and 2025-12-30; shown: January. 01-09 and 01-08 are gaps; 01-05 … 01-01 too, as
    // December holds an older digest. Nothing after 01-10, the newest: a day not yet published is not a gap.
    const dates = ['2026-01-10', '2026-01-07', '2026-01-06', '2025-12-30'];
    const choices = dateChoices(dates, '2026-01-07');
    const summary = choices.map((choice) => `${choice.kind === 'missing' ? '-' : '+'}${choice.date}`);
    expect(summary).toEqual([
      '+2026-01-10',
      '-2026-01-09',
      '-2026-01-08',
      '+2026-01-07',
      '+2026-01-06',
      '-2026-01-05',
      '-2026-01-04',
      '-2026-01-03',
      '-2026-01-02',
      '-2026-01-01',
      '+2025-12-30',
    ]);
    // December is not shown: its days are listed as stored, its gaps not filled.
    expect(dateChoices(dates, '2026-01-10').filter((choice) => choice.kind === 'missing')).toHaveLength(7);
  });

  it('fills a shown past month to its last day, and not before the oldest stored date', () => {
    const dates = ['2026-01-02', '2025-12-29', '2025-12-27'];
    const days = dateChoices(dates, '2025-12-29').map(
      (choice) => `${choice.kind === 'missing' ? '-' : '+'}${choice.date}`,
    );
    expect(days).toEqual([
      '+2026-01-02',
      '-2025-12-31',
      '-2025-12-30',
      '+2025-12-29',
      '-2025-12-28',
      '+2025-12-27',
    ]);
  });

  it('marks gaps in the shown month when the other months are one choice each, still bounded', () => {
    const dates = storedDates(1800).filter((date) => date !== '2025-12-15' && date !== '2025-12-01');
    const choices = dateChoices(dates, '2025-12-20');
    expect(choices.filter((choice) => choice.kind === 'missing').map((choice) => choice.date)).toEqual([
      '2025-12-15',
      '2025-12-01',
    ]);
    expect(choices.filter((choice) => choice.kind !== 'month')).toHaveLength(31);
    expect(choices.length).toBeLessThanOrEqual(60 + 31);
  });

  it('groups the choices: each month’s days, and the month choices by year', () => {
    const groups = groupDateChoices(dateChoices(storedDates(80), '2025-12-15'));
    expect(
      groups.map((group) => (group.kind === 'month' ? `month ${group.month}` : `year ${group.year}`)),
    ).toEqual(['year 2026', 'month 2025-12', 'year 2025']);
    expect(groups.map((group) => group.choices.length)).toEqual([1, 31, 2]);
    const few = groupDateChoices(dateChoices(['2026-01-02', '2026-01-01', '2025-12-31'], '2026-01-02'));
    expect(few.map((group) => group.kind === 'month' && group.month)).toEqual(['2026-01', '2025-12']);
  });
});
