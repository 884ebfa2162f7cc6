/**
 * The choices of the popup's date picker, grouped by month and bounded however many digests are stored: every date
 * when there are few; otherwise the dates of the shown digest's month, and one choice per other month that opens its
 * digest nearest the shown month (an older month's newest, a newer month's oldest: a step, not a month's leap). In the shown month, a day without a digest between the oldest and newest stored dates is a choice of
 * its own that says so (`missing`), so a gap is seen rather than guessed. Five years stored (about 1,800 digests) is
 * then some 60 month choices and at most 31 days, not 1,800 options.
 */
import { addDays } from '../sync/dates';

/** Up to this many stored dates, every one is a choice of its own. */
export const FLAT_DATE_CHOICES = 62;

export type DateChoice =
  | { kind: 'date'; date: string }
  /** A day of the shown month with no digest stored, within the stored span: shown, not choosable. */
  | { kind: 'missing'; date: string }
  /** A whole month: choosing it opens `date`, its digest nearest the shown month. */
  | { kind: 'month'; month: string; date: string; count: number };

/** The picker's groups, newest first: the days of one month, or the month choices of one year. */
export type DateChoiceGroup =
  | { kind: 'month'; month: string; choices: DateChoice[] }
  | { kind: 'year'; year: string; choices: DateChoice[] };

/** `dates` newest first, as the background lists them; `shown` the date of the digest on screen. */
export function dateChoices(
  dates: readonly string[],
  shown: string,
  flatMax = FLAT_DATE_CHOICES,
): DateChoice[] {
  const flat = dates.length <= flatMax;
  const shownMonth = monthOf(shown);
  const newest = dates[0];
  const oldest = dates[dates.length - 1];
  const choices: DateChoice[] = [];
  let lastMonth: Extract<DateChoice, { kind: 'month' }> | undefined;
  /** The day before the last date listed in the shown month: the next date listed there, unless a gap comes first. */
  let expected: string | undefined;
  /** Where the shown month's days end among the choices: its oldest days that are missing go there. */
  let shownEnd = 0;
  for (const date of dates) {
    const month = monthOf(date);
    if (month === shownMonth) {
      // Newest first: the days from the month's last stored-span day down to this date are missing, if any.
      expected ??= newest && newest < lastDayOf(month) ? newest : lastDayOf(month);
      for (; expected > date; expected = addDays(expected, -1))
        choices.push({ kind: 'missing', date: expected });
      choices.push({ kind: 'date', date });
      expected = addDays(date, -1);
      shownEnd = choices.length;
    } else if (flat) {
      choices.push({ kind: 'date', date });
    } else if (lastMonth?.month === month) {
      lastMonth.count++;
      // A month newer than the shown one opens its oldest day: the day after the shown month's, as the closed list's
      // ArrowUp steps there from the shown month's first day (ArrowDown, into an older month, meets its newest).
      if (month > shownMonth) lastMonth.date = date;
    } else {
      lastMonth = { kind: 'month', month, date, count: 1 };
      choices.push(lastMonth);
    }
  }
  // The shown month's first days, down to the oldest stored date, are missing too.
  if (expected && oldest) {
    const floor = oldest > `${shownMonth}-01` ? oldest : `${shownMonth}-01`;
    const tail: DateChoice[] = [];
    for (; expected >= floor; expected = addDays(expected, -1))
      tail.push({ kind: 'missing', date: expected });
    choices.splice(shownEnd, 0, ...tail);
  }
  return choices;
}

/** Consecutive choices grouped: days by their month, month choices by their year. Order is kept. */
export function groupDateChoices(choices: readonly DateChoice[]): DateChoiceGroup[] {
  const groups: DateChoiceGroup[] = [];
  for (const choice of choices) {
    const last = groups[groups.length - 1];
    if (choice.kind === 'month') {
      const year = choice.month.slice(0, 4);
      if (last?.kind === 'year' && last.year === year) last.choices.push(choice);
      else groups.push({ kind: 'year', year, choices: [choice] });
    } else {
      const month = monthOf(choice.date);
      if (last?.kind === 'month' && last.month === month) last.choices.push(choice);
      else groups.push({ kind: 'month', month, choices: [choice] });
    }
  }
  return groups;
}

function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The last calendar day of a `YYYY-MM` month. */
function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}
