import { describe, expect, it } from 'vitest';
import { FOLLOWED_DATES_MAX, followedDates } from '../../../lib/read-state/followed-dates';

describe('followedDates', () => {
  const stored = ['2026-12-01', '2026-11-30', '2026-11-02', '2026-11-01', '2026-10-31'];

  it("follows the shown day, the page's items' days and the shown day's month, each once", () => {
    expect(followedDates('2026-11-30', stored, ['2026-10-31', '2026-11-02'])).toEqual([
      '2026-11-30',
      '2026-10-31',
      '2026-11-02',
      '2026-11-01',
    ]);
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
