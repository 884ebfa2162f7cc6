/** Calendar dates as `YYYY-MM-DD` strings; digests are dated by the publisher's day in Asia/Shanghai (UTC+8). */

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function shanghaiToday(now: number): string {
  return new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds from `now` to the next midnight in Asia/Shanghai, when the publisher's day turns. */
export function msToNextShanghaiDay(now: number): number {
  return DAY_MS - ((now + SHANGHAI_OFFSET_MS) % DAY_MS);
}

/** The minutes past midnight in Asia/Shanghai at `now` (the publisher's clock: a digest comes out at about 8:40). */
export function shanghaiMinutes(now: number): number {
  return Math.floor(((now + SHANGHAI_OFFSET_MS) % DAY_MS) / 60_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every date from `first` to `last`, both included, oldest first. */
export function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** The last `count` Shanghai dates, today first. */
export function recentDates(now: number, count: number): string[] {
  const today = shanghaiToday(now);
  return Array.from({ length: count }, (_, index) => addDays(today, -index));
}

/** The latest date a digest may have: tomorrow in Shanghai (a publisher a few hours ahead), nothing later. */
export function latestAcceptedDate(now: number): string {
  return addDays(shanghaiToday(now), 1);
}
