import { describe, expect, it } from 'vitest';
import { FOLLOWED_DATES_MAX, followedDates } from '../../../lib/read-state/followed-dates';
import { addDays } from '../../../lib/sync/dates';
import { FLAT_DATE_CHOICES } from '../../../lib/ui/date-choices';

describe('followedDates', () => {
  const stored = ['2026-12-01', '2026-11-30', '2026-11-02', '2026-11-01', '2026-10-31'];

  it("follows the shown day, the page's items' days and every day of a short list, each once", () => {
    // Reported by a QA pass on 2026-12-01: a list of 4 days across two months counted only the shown one's.
    expect(followedDates('2026-11-30', stored, ['2026-10-31', '2026-11-02'])).toEqual([
      '2026-11-30',
      '2026-10-31',
      '2026-11-02',
      '2026-12-01',
      '2026-11-01',
    ]);
  });

  it('follows only the shown month of a long list (the others are month choices, without counts)', () => {
    const days = Array.from({ length: FLAT_DATE_CHOICES + 1 }, (_, index) => addDays('2026-12-31', -index));
    const followed = followedDates('2026-11-30', days);
    expect(followed[0]).toBe('2026-11-30');
    expect(followed).toHaveLength(30);
    expect(followed.every((date) => date.startsWith('2026-11'))).toBe(true);
  });

  it('follows only the page days before a digest is shown, and nothing at all without either', () => {
    expect(followedDates(null, stored, ['2026-12-01'])).toEqual(['2026-12-01']);
    expect(followedDates(undefined, [])).toEqual([]);
  });

  it('is bounded however many days are asked', () => {
    const many = Array.from({ length: 500 }, (_, index) => `2026-11-${String(index).padStart(3, '0')}`);
    expect(followedDates('2026-11-30', many)).toHaveLength(FOLLOWED_DATES_MAX);
  });
});
