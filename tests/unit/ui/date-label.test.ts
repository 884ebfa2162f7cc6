import { describe, expect, it } from 'vitest';
import { dateLabel, relativeDay, weekdayName } from '../../../lib/ui/date-label';

/** Shanghai midnight of 2026-11-30 is 2026-11-29 16:00 UTC. */
const at = (iso: string) => Date.parse(iso);

describe('the label beside the shown date', () => {
  it.each([
    // now (UTC)                  shown date     zh               en
    ['2026-11-29T15:59:59Z', '2026-11-29', '今天 · 周日', 'Today · Sun'],
    ['2026-11-29T15:59:59Z', '2026-11-28', '昨天 · 周六', 'Yesterday · Sat'],
    ['2026-11-29T15:59:59Z', '2026-11-27', '周五', 'Fri'],
    ['2026-11-29T16:00:00Z', '2026-11-30', '今天 · 周一', 'Today · Mon'],
    ['2026-11-29T16:00:00Z', '2026-11-29', '昨天 · 周日', 'Yesterday · Sun'],
    ['2026-11-29T16:00:00Z', '2026-11-28', '周六', 'Sat'],
    // Before 08:00 in Shanghai the UTC date is still the day before: Shanghai's date is the one that counts.
    ['2026-11-29T23:30:00Z', '2026-11-30', '今天 · 周一', 'Today · Mon'],
    // Across a month and a year.
    ['2026-12-31T16:00:00Z', '2026-12-31', '昨天 · 周四', 'Yesterday · Thu'],
    ['2026-12-31T16:00:00Z', '2027-01-01', '今天 · 周五', 'Today · Fri'],
    // A date after today (a clock running behind) is neither today nor yesterday.
    ['2026-11-29T12:00:00Z', '2026-11-30', '周一', 'Mon'],
  ])('at %s, %s reads %s / %s', (now, date, zh, en) => {
    expect(dateLabel(date, at(now), 'zh').text).toBe(zh);
    expect(dateLabel(date, at(now), 'en').text).toBe(en);
  });

  it('says which day it is relative to today, and the weekday of the date itself', () => {
    expect(relativeDay('2026-11-29', at('2026-11-29T00:00:00Z'))).toBe('today');
    expect(relativeDay('2026-11-28', at('2026-11-29T00:00:00Z'))).toBe('yesterday');
    expect(relativeDay('2026-11-27', at('2026-11-29T00:00:00Z'))).toBeNull();
    expect(dateLabel('2026-11-29', at('2026-11-29T00:00:00Z'), 'zh').weekday).toBe(0);
    expect(weekdayName('2024-02-29', 'en')).toBe('Thu');
    expect(weekdayName('2024-02-29', 'zh')).toBe('周四');
  });
});
