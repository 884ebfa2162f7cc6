/**
 * Which days' read state a reader asks for (issue 13): the day it shows, the days its date list shows one by one
 * (lib/ui/date-choices.ts: every stored day while there are few, else the shown day's month) and the days of the
 * page's items (本页相关); bounded, so five years stored asks for one month, not 1,800 days.
 */
import { FLAT_DATE_CHOICES } from '../ui/date-choices';

/** The most days asked at once (the `readState` message allows 400). */
export const FOLLOWED_DATES_MAX = 100;

export function followedDates(
  shown: string | null | undefined,
  stored: readonly string[],
  pageDates: readonly string[] = [],
): string[] {
  const month = shown?.slice(0, 7);
  // A list of few days spans months (14 days from the 1st of a month): each of its days has its count.
  const listed =
    month === undefined
      ? []
      : stored.length <= FLAT_DATE_CHOICES
        ? stored
        : stored.filter((date) => date.startsWith(month));
  const dates = [...(shown ? [shown] : []), ...pageDates, ...listed];
  return [...new Set(dates)].slice(0, FOLLOWED_DATES_MAX);
}
