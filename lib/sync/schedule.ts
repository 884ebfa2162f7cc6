/**
 * When to look for today's digest. Pure: the clock, whether today's digest is stored and when the last sync
 * attempt was in, the time of the next check out. The publisher's job runs at 00:00 UTC (08:00 in Shanghai) and its
 * commits land between 00:39 and 01:05 UTC: the first check is soon after that, then one every 30 minutes until
 * today's digest is stored, at most until 06:00 UTC. Outside that window the user's interval (the periodic alarm)
 * is all there is, and the next check is the next day's first.
 */
import type { SyncStatus } from '../schema';
import { addDays, msToNextShanghaiDay, shanghaiMinutes, shanghaiToday } from './dates';

const MINUTE_MS = 60_000;
/** The first check after the publication hour: 00:45 UTC, 08:45 in Shanghai. */
export const FIRST_CHECK_UTC_MINUTES = 45;
/** Checks stop at 06:00 UTC (14:00 in Shanghai): a digest later than that waits for the user's interval. */
export const LAST_CHECK_UTC_MINUTES = 6 * 60;
export const RECHECK_MS = 30 * MINUTE_MS;
/** The popup syncs on opening when today's digest is missing and the last attempt is older than this. */
export const STALE_AFTER_MS = 5 * MINUTE_MS;

export interface ScheduleInput {
  now: number;
  /** Today's (Shanghai date) digest is stored. */
  todayStored: boolean;
  /** When the last sync attempt ended (or began), or null for never. */
  lastAttemptAt: number | null;
}

/** The UTC instant of `minutes` after 00:00 UTC on the calendar day `date` (a Shanghai date: its publication day). */
function utcMinutesOf(date: string, minutes: number): number {
  return Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
}

/** The window in which the digest of the Shanghai day `date` is looked for. */
export function publicationWindow(date: string): { start: number; end: number } {
  return {
    start: utcMinutesOf(date, FIRST_CHECK_UTC_MINUTES),
    end: utcMinutesOf(date, LAST_CHECK_UTC_MINUTES),
  };
}

/** When the next check for a new digest is due; always later than `now`. */
export function nextFreshCheck({ now, todayStored, lastAttemptAt }: ScheduleInput): number {
  const today = shanghaiToday(now);
  const tomorrow = publicationWindow(addDays(today, 1)).start;
  if (todayStored) return tomorrow;
  const { start, end } = publicationWindow(today);
  if (now < start) return start;
  const due = lastAttemptAt === null ? now : Math.max(now, lastAttemptAt + RECHECK_MS);
  // Chrome runs an alarm no sooner than 30 s after it is set.
  const next = Math.max(due, now + MINUTE_MS);
  return next <= end ? next : tomorrow;
}

/**
 * Opening the popup syncs at once when today's digest is missing and nobody tried for it in the last minutes, from
 * the start of today's publication window on: before it (from 00:00 in Shanghai to 08:45) nothing new can be there.
 */
export function shouldSyncOnOpen({ now, todayStored, lastAttemptAt }: ScheduleInput): boolean {
  if (todayStored || now < publicationWindow(shanghaiToday(now)).start) return false;
  return lastAttemptAt === null || now - lastAttemptAt > STALE_AFTER_MS;
}

/** A sync that failed is tried again on opening a reader once its last attempt is this old. */
export const RETRY_FAILED_AFTER_MS = MINUTE_MS;

/**
 * Opening a reader tries a sync that failed again (a source's last attempt ended in an error), when the browser is
 * online and the attempt is a minute old: a reader is opened by the user, seldom, and a dead source answers fast. QA
 * (2026-12-02) saw an offline error stay after the network came back: the worker, asleep then, heard no `online`
 * event, and with today's digest stored nothing asked again until the next alarm, hours later.
 */
export function shouldRetryOnOpen({
  now,
  status,
  online,
}: {
  now: number;
  status: Pick<SyncStatus, 'sources'>;
  online: boolean;
}): boolean {
  return online && failedBefore(status, now - RETRY_FAILED_AFTER_MS);
}

/** Whether a source's last attempt failed, and ended (or began) at `instant` or before. */
export function failedBefore(status: Pick<SyncStatus, 'sources'>, instant: number): boolean {
  return status.sources.some(
    ({ lastError, lastAttemptAt }) =>
      lastError !== null && (lastAttemptAt === null || lastAttemptAt <= instant),
  );
}

/** Whether a source's last attempt failed, whenever it was. */
export function hasFailure(status: Pick<SyncStatus, 'sources'>): boolean {
  return failedBefore(status, Number.POSITIVE_INFINITY);
}

/** The longest wait between an open reader's own retries of a failed sync: the publication window's recheck. */
export const RETRY_BACKOFF_MAX_MS = RECHECK_MS;

/** The wait before an open reader's retry after `retries` of its own failed: 1, 2, 4, 8, 16, then 30 minutes. */
export function retryBackoffMs(retries: number): number {
  return Math.min(RETRY_FAILED_AFTER_MS * 2 ** Math.max(0, retries), RETRY_BACKOFF_MAX_MS);
}

/**
 * What makes an open reader look at a failed sync again: the page heard the browser come back `online`, it was
 * `shown` again (a docked side panel made visible), or its periodic `tick`.
 */
export type RetryCause = 'online' | 'shown' | 'tick';

/**
 * Whether a reader left open tries a failed sync again. QA (2026-12-02) saw a docked Chrome side panel keep an offline
 * error, and an empty library after an HTTP 500 at install, until the next alarm (30 minutes to 6 hours): the worker,
 * stopped, hears no `online` event; the panel page does. Never offline. Back `online`: at once, the failure was most
 * likely the network's. Shown again: as on opening (`shouldRetryOnOpen`). On the tick: after a backoff from the later
 * of the failed attempt and the reader's own last retry, doubling with each of its retries that failed too, so a dead
 * publisher is asked at most every 30 minutes (conditional requests, but still requests).
 */
export function shouldRetryWhileOpen({
  now,
  status,
  online,
  cause,
  retries,
  lastRetryAt,
}: {
  now: number;
  status: Pick<SyncStatus, 'sources'>;
  online: boolean;
  cause: RetryCause;
  /** The reader's own retries since the failure (reset when a sync succeeds or the browser comes back online). */
  retries: number;
  /** When the reader last retried by itself, or null. */
  lastRetryAt: number | null;
}): boolean {
  if (!online) return false;
  if (cause === 'online') return hasFailure(status);
  if (cause === 'shown') return shouldRetryOnOpen({ now, status, online });
  const wait = retryBackoffMs(retries);
  return failedBefore(status, now - wait) && (lastRetryAt === null || now - lastRetryAt >= wait);
}

/** How many times in a row an open reader makes a retry again at once when the worker stopped before answering it. */
export const LOST_RETRY_REDO_MAX = 1;

/**
 * Whether an open reader makes its retry of a failed sync again at once, its answer lost: the worker stopped during
 * it. QA (2026-12-02, p2) stopped the worker just as the page came back online, in the page's `online` retry: the
 * offline error stayed, with "the background stopped", until the failure was a minute old and the next tick came (a
 * probe read 121 s). The lost retry learnt nothing of the publisher, and a new worker has answered the status since.
 * Not offline, not while a sync runs, only while a failure shows, and once in a row (`lostInARow` counts this loss): a
 * sync that stops its worker every time waits for the backoff (`shouldRetryWhileOpen`) like any failure.
 */
export function shouldRedoLostRetry({
  status,
  online,
  lostInARow,
}: {
  status: Pick<SyncStatus, 'running' | 'sources'>;
  online: boolean;
  lostInARow: number;
}): boolean {
  return online && !status.running && lostInARow <= LOST_RETRY_REDO_MAX && hasFailure(status);
}

/** From 01:00 UTC (09:00 in Shanghai), past every landing seen (00:39–01:05 UTC, most before 01:00), today's is late. */
export const LATE_FROM_UTC_MINUTES = 60;
/** The same hour on the publisher's clock: minutes past midnight in Shanghai (UTC+8). */
const LATE_FROM_SHANGHAI_MINUTES = 8 * 60 + LATE_FROM_UTC_MINUTES;

/** Whether today's digest, not stored at `now`, is late (the readers say it is not in yet, not when it comes). */
export function todayIsLate(now: number): boolean {
  return shanghaiMinutes(now) >= LATE_FROM_SHANGHAI_MINUTES;
}

/**
 * Milliseconds from `now` to the next moment a reader's words of the day change: the hour today's digest becomes
 * late (`todayIsLate`), else the next midnight in Shanghai (今天 becomes 昨天).
 */
export function msToNextDayTurn(now: number): number {
  const toMidnight = msToNextShanghaiDay(now);
  // The late hour, counted from the next midnight back to today's.
  const toLate = toMidnight - (24 * 60 - LATE_FROM_SHANGHAI_MINUTES) * MINUTE_MS;
  return toLate > 0 ? toLate : toMidnight;
}

/**
 * Whether the reader's words of the day changed between `then` and `now`: the Shanghai date, or whether today's digest
 * is late. Browser timers do not count time asleep (QA 2026-12-02: a panel docked at 23:50 still said 今天 at 10:30
 * the next day), so a reader compares the clock with the last turn it counted when shown, focused, and now and then.
 */
export function dayTurnedBetween(then: number, now: number): boolean {
  return shanghaiToday(then) !== shanghaiToday(now) || todayIsLate(then) !== todayIsLate(now);
}

/** Whether the newest stored date is today's in Shanghai. */
export function isTodayStored(newestDate: string | null | undefined, now: number): boolean {
  return !!newestDate && newestDate >= shanghaiToday(now);
}

/**
 * Whether today's digests are all in, so the look for them may stop until tomorrow's window: today's AI digest, and
 * today's GitHub 热门 (`todaysTrendingIn`).
 */
export function todaysDigestsIn(
  status: Pick<SyncStatus, 'newestDate' | 'newestTrendingDate' | 'sources'>,
  now: number,
): boolean {
  return isTodayStored(status.newestDate, now) && todaysTrendingIn(status, now);
}

/**
 * Whether today's GitHub 热门 is in, or not looked for: its source was not synced, or the status is from before its
 * date was kept. It is published apart from the AI digest and may come after it (QA 2026-12-01 saw it wait for the
 * 6-hour sync once the AI digest was in).
 */
export function todaysTrendingIn(
  status: Pick<SyncStatus, 'newestTrendingDate' | 'sources'>,
  now: number,
): boolean {
  const trendingSynced = status.sources.some(({ sourceId }) => sourceId === 'trending');
  return (
    !trendingSynced ||
    status.newestTrendingDate === undefined ||
    isTodayStored(status.newestTrendingDate, now)
  );
}
