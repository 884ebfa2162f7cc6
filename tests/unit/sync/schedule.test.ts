import { describe, expect, it } from 'vitest';
import {
  dayTurnedBetween,
  isTodayStored,
  msToNextDayTurn,
  nextFreshCheck,
  publicationWindow,
  RECHECK_MS,
  retryBackoffMs,
  shouldRedoLostRetry,
  shouldRetryOnOpen,
  shouldRetryWhileOpen,
  shouldSyncOnOpen,
  todayIsLate,
  todaysDigestsIn,
} from '../../../lib/sync/schedule';

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;

describe('nextFreshCheck around the publication hour (00:00 UTC)', () => {
  it('waits for 00:45 UTC when the day has begun in Shanghai but the digest is not due yet', () => {
    // 23:30 UTC on the 28th is 07:30 on the 29th in Shanghai.
    expect(nextFreshCheck({ now: at('2026-11-28T23:30:00Z'), todayStored: false, lastAttemptAt: null })).toBe(
      at('2026-11-29T00:45:00Z'),
    );
    // 16:00 UTC: Shanghai's midnight, a new day whose digest comes the next UTC morning.
    expect(nextFreshCheck({ now: at('2026-11-28T16:00:00Z'), todayStored: false, lastAttemptAt: null })).toBe(
      at('2026-11-29T00:45:00Z'),
    );
  });

  it('checks every 30 minutes after the hour until today is stored', () => {
    const first = at('2026-11-29T00:45:00Z');
    let now = first;
    const checks: string[] = [];
    for (let i = 0; i < 4; i++) {
      const next = nextFreshCheck({ now, todayStored: false, lastAttemptAt: now });
      checks.push(new Date(next).toISOString().slice(11, 16));
      now = next;
    }
    expect(checks).toEqual(['01:15', '01:45', '02:15', '02:45']);
  });

  it('is due right away (in a minute) when the last attempt is older than 30 minutes', () => {
    const now = at('2026-11-29T01:30:00Z');
    expect(nextFreshCheck({ now, todayStored: false, lastAttemptAt: at('2026-11-28T20:00:00Z') })).toBe(
      now + MIN,
    );
    expect(nextFreshCheck({ now, todayStored: false, lastAttemptAt: null })).toBe(now + MIN);
  });

  it('once today is stored, the next check is tomorrow after the hour', () => {
    expect(nextFreshCheck({ now: at('2026-11-29T01:05:00Z'), todayStored: true, lastAttemptAt: null })).toBe(
      at('2026-11-30T00:45:00Z'),
    );
    // 23:59 UTC is already the 30th in Shanghai: "today" is the 30th, tomorrow's check is on the 1st.
    expect(nextFreshCheck({ now: at('2026-11-29T23:59:00Z'), todayStored: true, lastAttemptAt: null })).toBe(
      at('2026-12-01T00:45:00Z'),
    );
  });

  it('is bounded: no check after 06:00 UTC, whether offline or a source keeps failing', () => {
    // Each failed attempt (offline, or HTTP 500) moves on by 30 minutes, never faster.
    let now = at('2026-11-29T00:45:00Z');
    let count = 1;
    for (;;) {
      const next = nextFreshCheck({ now, todayStored: false, lastAttemptAt: now });
      if (next > publicationWindow('2026-11-29').end) {
        expect(next).toBe(at('2026-11-30T00:45:00Z'));
        break;
      }
      expect(next - now).toBe(RECHECK_MS);
      now = next;
      count++;
    }
    expect(count).toBe(11);
    expect(now).toBe(at('2026-11-29T05:45:00Z'));
    // Past the window with today still missing: tomorrow's first check (the user's interval covers the rest).
    expect(nextFreshCheck({ now: at('2026-11-29T09:00:00Z'), todayStored: false, lastAttemptAt: null })).toBe(
      at('2026-11-30T00:45:00Z'),
    );
  });

  it('is always in the future', () => {
    for (let minute = 0; minute < 48 * 60; minute += 7) {
      const now = at('2026-11-28T00:00:00Z') + minute * MIN;
      for (const todayStored of [true, false])
        for (const lastAttemptAt of [null, now, now - 10 * MIN])
          expect(nextFreshCheck({ now, todayStored, lastAttemptAt })).toBeGreaterThan(now);
    }
  });
});

describe('shouldSyncOnOpen', () => {
  const now = at('2026-11-29T01:00:00Z');
  it('syncs when today is missing and the last attempt is more than 5 minutes old', () => {
    expect(shouldSyncOnOpen({ now, todayStored: false, lastAttemptAt: now - 6 * MIN })).toBe(true);
    expect(shouldSyncOnOpen({ now, todayStored: false, lastAttemptAt: null })).toBe(true);
  });
  it('does not sync when the last attempt was just now, or today is stored', () => {
    expect(shouldSyncOnOpen({ now, todayStored: false, lastAttemptAt: now - 2 * MIN })).toBe(false);
    expect(shouldSyncOnOpen({ now, todayStored: true, lastAttemptAt: null })).toBe(false);
  });
  it("does not sync before today's publication window: nothing new can be published yet", () => {
    // 17:00 UTC on the 28th is 01:00 on the 29th in Shanghai: the 29th's digest comes after 00:45 UTC.
    expect(
      shouldSyncOnOpen({ now: at('2026-11-28T17:00:00Z'), todayStored: false, lastAttemptAt: null }),
    ).toBe(false);
    expect(
      shouldSyncOnOpen({ now: at('2026-11-29T00:44:00Z'), todayStored: false, lastAttemptAt: null }),
    ).toBe(false);
    // From the window's start on, and after its end (a late digest, the user's interval), as before.
    expect(
      shouldSyncOnOpen({ now: at('2026-11-29T00:45:00Z'), todayStored: false, lastAttemptAt: null }),
    ).toBe(true);
    expect(
      shouldSyncOnOpen({ now: at('2026-11-29T15:59:00Z'), todayStored: false, lastAttemptAt: null }),
    ).toBe(true);
  });
});

describe('shouldRetryOnOpen', () => {
  const now = at('2026-11-29T03:00:00Z');
  const source = (lastError: string | null, lastAttemptAt: number | null) => ({
    sourceId: 'ainews',
    lastAttemptAt,
    lastSuccessAt: null,
    lastError,
    counts: { stored: 0, unchanged: 0, notFound: 0, failed: 0 },
  });
  const retry = (sources: ReturnType<typeof source>[], online = true) =>
    shouldRetryOnOpen({ now, status: { sources }, online });

  it('tries again a source whose last attempt failed over a minute ago, online', () => {
    expect(retry([source(null, now - 10 * MIN), source('离线：未连接网络', now - 2 * MIN)])).toBe(true);
    expect(retry([source('HTTP 500', null)])).toBe(true);
  });

  it('leaves alone what went well, what failed a moment ago, and everything offline', () => {
    expect(retry([source(null, now - 60 * MIN)])).toBe(false);
    expect(retry([source('HTTP 500', now - 30_000)])).toBe(false);
    expect(retry([source('HTTP 500', now - 10 * MIN)], false)).toBe(false);
    expect(retry([])).toBe(false);
  });
});

describe('shouldRetryWhileOpen: a reader left open with a failed sync', () => {
  const now = at('2026-11-29T03:00:00Z');
  const source = (minutesAgo: number, lastError: string | null) => ({
    sourceId: 'ainews',
    lastAttemptAt: now - minutesAgo * MIN,
    lastSuccessAt: null,
    lastError,
    counts: { stored: 0, unchanged: 0, notFound: 0, failed: lastError ? 1 : 0 },
  });
  const failed = (minutesAgo: number) => ({ sources: [source(minutesAgo, '离线：未连接网络')] });
  const fine = { sources: [source(10, null)] };
  const retry = (
    status: { sources: ReturnType<typeof source>[] },
    cause: 'online' | 'shown' | 'tick',
    { retries = 0, lastRetryAt = null as number | null, online = true } = {},
  ) => shouldRetryWhileOpen({ now, status, online, cause, retries, lastRetryAt });

  it('backs off 1, 2, 4, 8, 16, then 30 minutes, never longer', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((retries) => retryBackoffMs(retries) / MIN)).toEqual([
      1, 2, 4, 8, 16, 30, 30, 30,
    ]);
  });

  it('tries at once when the browser comes back online, however recent the failure', () => {
    expect(retry(failed(0), 'online')).toBe(true);
    expect(retry(failed(0), 'online', { retries: 5, lastRetryAt: now })).toBe(true);
    expect(retry(fine, 'online')).toBe(false);
  });

  it('tries as on opening when shown again: a failure a minute old', () => {
    expect(retry(failed(2), 'shown')).toBe(true);
    expect(retry(failed(0.5), 'shown')).toBe(false);
  });

  it('tries on the tick once the backoff passed since both the failure and its own last retry', () => {
    expect(retry(failed(1.5), 'tick')).toBe(true);
    expect(retry(failed(1.5), 'tick', { retries: 1 })).toBe(false);
    expect(retry(failed(3), 'tick', { retries: 1 })).toBe(true);
    // The failed attempt is old (the worker could not be reached: the status did not change), its own retry is not.
    expect(retry(failed(60), 'tick', { retries: 3, lastRetryAt: now - 5 * MIN })).toBe(false);
    expect(retry(failed(60), 'tick', { retries: 3, lastRetryAt: now - 8 * MIN })).toBe(true);
    expect(retry(failed(29), 'tick', { retries: 9 })).toBe(false);
    expect(retry(failed(31), 'tick', { retries: 9 })).toBe(true);
  });

  it('never offline, and never when nothing failed', () => {
    for (const cause of ['online', 'shown', 'tick'] as const) {
      expect(retry(failed(60), cause, { online: false })).toBe(false);
      expect(retry(fine, cause)).toBe(false);
    }
  });
});

describe('shouldRedoLostRetry: a reader’s retry whose worker stopped before answering', () => {
  const now = at('2026-11-29T03:00:00Z');
  const status = (lastError: string | null, running = false) => ({
    running,
    sources: [
      {
        sourceId: 'ainews',
        lastAttemptAt: now - 0.5 * MIN,
        lastSuccessAt: null,
        lastError,
        counts: { stored: 0, unchanged: 0, notFound: 0, failed: lastError ? 1 : 0 },
      },
    ],
  });
  const redo = (known: ReturnType<typeof status>, { online = true, lostInARow = 1 } = {}) =>
    shouldRedoLostRetry({ status: known, online, lostInARow });

  it('makes it again at once, however recent the failure, the first time in a row', () => {
    expect(redo(status('离线：未连接网络'))).toBe(true);
    expect(redo(status('离线：未连接网络'), { lostInARow: 2 })).toBe(false);
  });

  it('not offline, not while a sync runs, not when no failure shows any more', () => {
    expect(redo(status('离线：未连接网络'), { online: false })).toBe(false);
    expect(redo(status('离线：未连接网络', true))).toBe(false);
    expect(redo(status(null))).toBe(false);
  });
});

describe('dayTurnedBetween: the clock after a sleep', () => {
  it('sees the Shanghai date change and the hour today’s digest is late pass, and nothing else', () => {
    // 23:50 in Shanghai, then 07:30 and 10:30 the next day.
    const evening = at('2026-11-28T15:50:00Z');
    expect(dayTurnedBetween(evening, at('2026-11-28T23:30:00Z'))).toBe(true);
    expect(dayTurnedBetween(at('2026-11-28T23:30:00Z'), at('2026-11-29T02:30:00Z'))).toBe(true);
    expect(dayTurnedBetween(evening, at('2026-11-28T15:59:00Z'))).toBe(false);
    expect(dayTurnedBetween(at('2026-11-29T01:00:00Z'), at('2026-11-29T15:59:00Z'))).toBe(false);
    // A whole day asleep, the same hour: still a turn.
    expect(dayTurnedBetween(evening, evening + 24 * 60 * MIN)).toBe(true);
  });
});

describe('isTodayStored', () => {
  it('compares with the Shanghai date, not the UTC one', () => {
    // 17:00 UTC on the 28th is the 29th in Shanghai.
    expect(isTodayStored('2026-11-28', at('2026-11-28T17:00:00Z'))).toBe(false);
    expect(isTodayStored('2026-11-29', at('2026-11-28T17:00:00Z'))).toBe(true);
    expect(isTodayStored('2026-11-28', at('2026-11-28T15:59:00Z'))).toBe(true);
    expect(isTodayStored(null, at('2026-11-28T15:59:00Z'))).toBe(false);
  });
});

describe('todaysDigestsIn: the look for today may stop', () => {
  const now = at('2026-11-29T04:00:00Z');
  const synced = (...ids: string[]) =>
    ids.map((sourceId) => ({
      sourceId,
      lastAttemptAt: now,
      lastSuccessAt: now,
      lastError: null,
      counts: { stored: 0, unchanged: 0, notFound: 0, failed: 0 },
    }));
  it.each([
    ['no AI digest of today', '2026-11-28', '2026-11-29', synced('dated', 'trending'), false],
    [
      'today’s AI digest, its GitHub 热门 still missing',
      '2026-11-29',
      '2026-11-28',
      synced('dated', 'trending'),
      false,
    ],
    ['both of today', '2026-11-29', '2026-11-29', synced('dated', 'trending'), true],
    ['today’s AI digest, GitHub 热门 not synced', '2026-11-29', null, synced('dated', 'homepage'), true],
    [
      'today’s AI digest, a status from before the trending date was kept',
      '2026-11-29',
      undefined,
      synced('trending'),
      true,
    ],
  ] as const)('%s → %s', (_, newestDate, newestTrendingDate, sources, expected) => {
    expect(todaysDigestsIn({ newestDate, newestTrendingDate, sources: [...sources] }, now)).toBe(expected);
  });
});

describe('todayIsLate', () => {
  it('is late from 09:00 in Shanghai (01:00 UTC) to midnight there, not before', () => {
    expect(todayIsLate(at('2026-01-10T00:59:00Z'))).toBe(false);
    expect(todayIsLate(at('2026-01-10T01:00:00Z'))).toBe(true);
    expect(todayIsLate(at('2026-01-10T15:59:00Z'))).toBe(true);
    // Midnight in Shanghai: a new day, its digest not due yet.
    expect(todayIsLate(at('2026-01-10T16:00:00Z'))).toBe(false);
  });
});

describe('msToNextDayTurn', () => {
  it('is the time to 09:00 in Shanghai before it, else to midnight there', () => {
    const hour = 3_600_000;
    // 07:00 in Shanghai: today's digest is late in two hours.
    expect(msToNextDayTurn(at('2026-01-09T23:00:00Z'))).toBe(2 * hour);
    // Midnight there, and just past it; a millisecond before 09:00.
    expect(msToNextDayTurn(at('2026-01-10T16:00:00Z'))).toBe(9 * hour);
    expect(msToNextDayTurn(at('2026-01-10T00:59:59.999Z'))).toBe(1);
    expect(msToNextDayTurn(at('2026-01-10T16:00:01Z'))).toBe(9 * hour - 1000);
    // 09:00 itself, and later: the next turn is midnight.
    expect(msToNextDayTurn(at('2026-01-10T01:00:00Z'))).toBe(15 * hour);
    expect(msToNextDayTurn(at('2026-01-10T12:00:00Z'))).toBe(4 * hour);
  });
});
