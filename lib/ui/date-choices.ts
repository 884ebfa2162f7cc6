/**
 * The choices of the popup's date picker, bounded however many digests are stored: every date when there are few;
 * otherwise the dates of the shown digest's month, and one choice per other month that opens its newest digest.
 * Five years stored (about 1,800 digests) is then some 60 months and at most 31 days, not 1,800 options.
 */

/** Up to this many stored dates, every one is a choice of its own. */
export const FLAT_DATE_CHOICES = 62;

export type DateChoice =
  | { kind: 'date'; date: string }
  /** A whole month: choosing it opens `date`, the month's newest digest. */
  | { kind: 'month'; month: string; date: string; count: number };

/** `dates` newest first, as the background lists them; `shown` the date of the digest on screen. */
export function dateChoices(
  dates: readonly string[],
  shown: string,
  flatMax = FLAT_DATE_CHOICES,
): DateChoice[] {
  if (dates.length <= flatMax) return dates.map((date) => ({ kind: 'date', date }));
  const shownMonth = monthOf(shown);
  const choices: DateChoice[] = [];
  let lastMonth: Extract<DateChoice, { kind: 'month' }> | undefined;
  for (const date of dates) {
    const month = monthOf(date);
    if (month === shownMonth) {
      choices.push({ kind: 'date', date });
    } else if (lastMonth?.month === month) {
      lastMonth.count++;
    } else {
      lastMonth = { kind: 'month', month, date, count: 1 };
      choices.push(lastMonth);
    }
  }
  return choices;
}

function monthOf(date: string): string {
  return date.slice(0, 7);
}
