/**
 * Which days' read state a reader asks for (issue 13): the day it shows, the other stored days of that day's month
 * (the date list shows those days one by one, lib/ui/date-choices.ts) and the days of the page's items (本页相关);
 * bounded, so five years stored asks for one month, not 1,800 days.
 */

/** The most days asked at once (the `readState` message allows 400). */
export const FOLLOWED_DATES_MAX = 100;

export function followedDates(
  shown: string | null | undefined,
  stored: readonly string[],
  pageDates: readonly string[] = [],
): string[] {
  const month = shown?.slice(0, 7);
  const sameMonth = month === undefined ? [] : stored.filter((date) => date.startsWith(month));
  const dates = [...(shown ? [shown] : []), ...pageDates, ...sameMonth];
  return [...new Set(dates)].slice(0, FOLLOWED_DATES_MAX);
}
