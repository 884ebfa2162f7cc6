// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SYNC_STATUS_KEY } from '../../../components/popup/popup-store';
import type { SyncStatus } from '../../../lib/schema';
import { storedDigest, syncStatus } from '../ui/fake-client';
import { interact, textOf } from '../ui/render';
import { type KitOptions, mountPopup, NOW, type PopupKit, until } from './popup-test-kit';

// NOW is 2026-01-10 12:00 UTC, 20:00 in Shanghai: today is 2026-01-10.
const TODAY = '2026-01-10';
const YESTERDAY = '2026-01-09';
const MIN = 60_000;

let kit: PopupKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

/** The popup over yesterday's digest; a sync brings today's. */
async function mountYesterday(lastSyncAt: number, lang: 'zh' | 'en' = 'zh', now?: () => number) {
  const digests = [storedDigest(YESTERDAY)];
  const status = { lastSyncAt, newestDate: YESTERDAY, digestCount: 1 };
  return mountPopup({
    digests,
    status,
    lang,
    ...(now && { now }),
    handlers: {
      syncNow: () => {
        digests.unshift(storedDigest(TODAY));
        return syncStatus({ lastSyncAt: NOW, newestDate: TODAY, digestCount: 2 });
      },
    },
  });
}

/** The day's turns the popup asks for, kept to be run by the test. */
function dayTurns() {
  const turns: { turn: () => void; delayMs: number }[] = [];
  const whenDayTurns = (turn: () => void, delayMs: number) => {
    turns.push({ turn, delayMs });
    return () => undefined;
  };
  return { turns, whenDayTurns };
}

const syncs = (popup: PopupKit) => popup.fake.calls.filter((call) => call.type === 'syncNow').length;

describe('the popup looking for today’s digest', () => {
  it('syncs on opening when today’s is missing and the last attempt is over 5 minutes old; today’s replaces it', async () => {
    kit = await mountYesterday(NOW - 10 * MIN);
    await until(() => expect(kit?.container.querySelector('.digest')?.getAttribute('data-date')).toBe(TODAY));
    expect(syncs(kit)).toBe(1);
    expect(kit.container.querySelector('.today-note')).toBeNull();
  });

  it('does not sync again right after an attempt, and says when today’s usually arrives', async () => {
    // 07:00 in Shanghai.
    const early = NOW - 13 * 60 * MIN;
    kit = await mountYesterday(early - 2 * MIN, 'zh', () => early);
    expect(syncs(kit)).toBe(0);
    expect(kit.container.querySelector('.digest')?.getAttribute('data-date')).toBe(YESTERDAY);
    expect(textOf(kit.container.querySelector('.today-note'))).toBe('今天的日报通常在北京时间 8:40 左右发布');
    // In the status box, with its padding and small type, not a bare line between the header and the list.
    expect(kit.container.querySelector('.status .today-note')).not.toBeNull();
  });

  it('says it is not in yet once its usual hour is past (20:00 in Shanghai)', async () => {
    kit = await mountYesterday(NOW - 2 * MIN);
    expect(textOf(kit.container.querySelector('.today-note'))).toBe(
      '今天的日报还没到，通常在北京时间 8:40 左右发布',
    );
  });

  it('says it in English too', async () => {
    kit = await mountYesterday(NOW - 2 * MIN, 'en');
    expect(textOf(kit.container.querySelector('.today-note'))).toBe(
      "Today's digest isn't in yet; it usually arrives around 08:40 Beijing time",
    );
  });

  it('neither syncs nor shows the note when today’s is stored', async () => {
    kit = await mountPopup({
      digests: [storedDigest(TODAY)],
      status: { lastSyncAt: NOW - 60 * MIN, newestDate: TODAY },
    });
    expect(syncs(kit)).toBe(0);
    expect(kit.container.querySelector('.today-note')).toBeNull();
  });

  it('tries a failed sync again on opening, online, once its attempt is a minute old, even with today’s stored', async () => {
    const failedAt = (minutesAgo: number) => ({
      lastSyncAt: NOW - minutesAgo * MIN,
      newestDate: TODAY,
      sources: [
        {
          sourceId: 'ainews',
          lastAttemptAt: NOW - minutesAgo * MIN,
          lastSuccessAt: NOW - 60 * MIN,
          lastError: '离线：未连接网络',
          counts: { stored: 0, unchanged: 0, notFound: 0, failed: 1 },
        },
      ],
    });
    kit = await mountPopup({ digests: [storedDigest(TODAY)], status: failedAt(2) });
    await until(() => expect(syncs(kit as PopupKit)).toBe(1));
    kit.store.dispose();
    kit.cleanup();
    // Right after the attempt: not again.
    kit = await mountPopup({ digests: [storedDigest(TODAY)], status: failedAt(0.5) });
    expect(syncs(kit)).toBe(0);
    kit.store.dispose();
    kit.cleanup();
    // Offline still: nothing to try.
    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    try {
      kit = await mountPopup({ digests: [storedDigest(TODAY)], status: failedAt(2) });
      expect(syncs(kit)).toBe(0);
    } finally {
      Reflect.deleteProperty(navigator, 'onLine');
      expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')).toEqual(online);
    }
  });

  it('keeps the note on today’s GitHub 热门 digest while today’s AI digest is missing', async () => {
    kit = await mountPopup({
      digests: [storedDigest(YESTERDAY)],
      trending: [storedDigest(TODAY, { kind: 'github-trending', issueUrl: null })],
      status: { lastSyncAt: NOW - 2 * MIN, newestDate: YESTERDAY },
    });
    await until(() => expect(kit?.container.querySelector('.today-note')).not.toBeNull());
    await kit.store.showDate(TODAY);
    await until(() => expect(kit?.store.digest.value?.kind).toBe('github-trending'));
    expect(textOf(kit.container.querySelector('.today-note'))).toBe(
      '今天的日报还没到，通常在北京时间 8:40 左右发布',
    );
  });

  it('turns 今天 into 昨天 at midnight in Shanghai while it stays open, and says today’s is still to come', async () => {
    let clock = NOW;
    const { turns, whenDayTurns } = dayTurns();
    kit = await mountPopup({
      digests: [storedDigest(TODAY)],
      status: { lastSyncAt: NOW - 2 * MIN, newestDate: TODAY },
      now: () => clock,
      whenDayTurns,
    });
    const label = () => textOf(kit?.container.querySelector('.date-label'));
    expect(label()).toBe('今天 · 周六');
    expect(kit.container.querySelector('.today-note')).toBeNull();
    // 20:00 in Shanghai: the day turns in four hours (and a second).
    expect(turns.map(({ delayMs }) => delayMs)).toEqual([4 * 60 * MIN + 1000]);
    clock = NOW + 4 * 60 * MIN + 1000;
    await interact(() => turns[0]?.turn());
    expect(label()).toBe('昨天 · 周六');
    expect(textOf(kit.container.querySelector('.today-note'))).toBe('今天的日报通常在北京时间 8:40 左右发布');
    // And it goes on following the day: next, the hour today's is late (09:00 there).
    expect(turns[1]?.delayMs).toBe(9 * 60 * MIN);
  });

  it('says today’s is not in yet once its usual hour passes while it stays open', async () => {
    // 07:00 in Shanghai: today's is late from 09:00, in two hours.
    let clock = NOW - 13 * 60 * MIN;
    const { turns, whenDayTurns } = dayTurns();
    kit = await mountPopup({
      digests: [storedDigest(YESTERDAY)],
      status: { lastSyncAt: clock - 2 * MIN, newestDate: YESTERDAY },
      now: () => clock,
      whenDayTurns,
    });
    const note = () => textOf(kit?.container.querySelector('.today-note'));
    await until(() => expect(note()).toBe('今天的日报通常在北京时间 8:40 左右发布'));
    expect(turns.map(({ delayMs }) => delayMs)).toEqual([2 * 60 * MIN + 1000]);
    clock += 2 * 60 * MIN + 1000;
    await interact(() => turns[0]?.turn());
    expect(note()).toBe('今天的日报还没到，通常在北京时间 8:40 左右发布');
    // Then midnight, fifteen hours on.
    expect(turns[1]?.delayMs).toBe(15 * 60 * MIN);
  });

  it('syncs on opening when today’s AI digest is in but today’s GitHub 热门 is not, and only if that source is synced', async () => {
    const trendingSource = {
      sourceId: 'trending',
      lastAttemptAt: NOW - 10 * MIN,
      lastSuccessAt: NOW - 10 * MIN,
      lastError: null,
      counts: { stored: 0, unchanged: 0, notFound: 1, failed: 0 },
    };
    const open = (sources: (typeof trendingSource)[]) =>
      mountPopup({
        digests: [storedDigest(TODAY)],
        status: { lastSyncAt: NOW - 10 * MIN, newestDate: TODAY, newestTrendingDate: YESTERDAY, sources },
        handlers: { syncNow: () => syncStatus({ lastSyncAt: NOW, newestDate: TODAY }) },
      });
    kit = await open([trendingSource]);
    await until(() => expect(syncs(kit as PopupKit)).toBe(1));
    kit.store.dispose();
    kit.cleanup();
    kit = await open([]);
    expect(syncs(kit)).toBe(0);
  });
});

/**
 * Sleep, as the browser lives it: the wall clock jumps (`vi.setSystemTime`) and no timer runs for the time asleep; the
 * reader's own periodic look (a faked `setInterval`) is run by hand. Other timers stay real (the kit waits on them).
 */
function fakeClock(now: number) {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now });
}

/** navigator.onLine, as the test says; restored after. */
function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { value: online, configurable: true });
}

describe('a reader left open', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'onLine');
    vi.useRealTimers();
  });

  const failing = (at: number, lastError: string | null = '离线：未连接网络') =>
    syncStatus({
      lastSyncAt: at,
      newestDate: TODAY,
      digestCount: 1,
      sources: [
        {
          sourceId: 'ainews',
          lastAttemptAt: at,
          lastSuccessAt: NOW - 60 * MIN,
          lastError,
          counts: { stored: 0, unchanged: 0, notFound: 0, failed: lastError ? 1 : 0 },
        },
      ],
    });

  /**
   * Opens over today's digest and a failed sync, on the faked clock; each sync asked for answers `after`, or what
   * `after` answers for it (the first is 1).
   */
  async function openFailed(
    status: ReturnType<typeof failing>,
    after: string | null | ((count: number) => SyncStatus),
    options: KitOptions = {},
  ) {
    const syncTimes: number[] = [];
    const popup = await mountPopup({
      digests: [storedDigest(TODAY)],
      status,
      now: () => Date.now(),
      handlers: {
        syncNow: () => {
          syncTimes.push(Date.now());
          return typeof after === 'function' ? after(syncTimes.length) : failing(Date.now(), after);
        },
      },
      ...options,
    });
    return { popup, syncTimes };
  }

  /** The worker was stopped before it answered: the browser's words. */
  const lost = (): never => {
    throw new Error(
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
    );
  };

  it('tries a failed sync again at once when the page hears the browser come back online, not while offline', async () => {
    fakeClock(NOW);
    setOnline(false);
    const opened = await openFailed(failing(NOW - 10 * MIN), null);
    kit = opened.popup;
    const { syncTimes } = opened;
    // Offline: opening, and the periodic look, leave it alone.
    await vi.advanceTimersByTimeAsync(5 * MIN);
    expect(syncTimes).toEqual([]);
    setOnline(true);
    await interact(() => window.dispatchEvent(new Event('online')));
    await until(() => expect(syncTimes).toEqual([NOW + 5 * MIN]));
    await until(() =>
      expect(kit?.container.querySelector('.status-text')?.textContent).not.toContain('离线'),
    );
    // It went well: nothing more.
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(syncTimes).toHaveLength(1);
  });

  it('tries again when shown again (a docked side panel made visible) as on opening', async () => {
    fakeClock(NOW);
    const opened = await openFailed(failing(NOW - 0.5 * MIN), null, { lookAgainMs: 60 * MIN });
    kit = opened.popup;
    const { syncTimes } = opened;
    expect(syncTimes).toEqual([]);
    vi.setSystemTime(NOW + 2 * MIN);
    await interact(() => document.dispatchEvent(new Event('visibilitychange')));
    await until(() => expect(syncTimes).toEqual([NOW + 2 * MIN]));
  });

  it('while the failure lasts, tries now and then with a backoff (1, 2, 4, 8, 16, 30 minutes), and stops when closed', async () => {
    fakeClock(NOW);
    const opened = await openFailed(failing(NOW - 0.5 * MIN, 'HTTP 500'), 'HTTP 500');
    kit = opened.popup;
    const { syncTimes } = opened;
    await vi.advanceTimersByTimeAsync(62 * MIN);
    expect(syncTimes.map((at) => (at - NOW) / MIN)).toEqual([1, 3, 7, 15, 31, 61]);
    kit.store.dispose();
    await vi.advanceTimersByTimeAsync(120 * MIN);
    expect(syncTimes).toHaveLength(6);
  });

  it('does not lengthen the wait for a retry the worker stopped in before answering', async () => {
    fakeClock(NOW);
    const opened = await openFailed(failing(NOW - 0.5 * MIN), (count) =>
      count === 1 ? lost() : failing(Date.now(), 'HTTP 500'),
    );
    kit = opened.popup;
    await vi.advanceTimersByTimeAsync(4 * MIN);
    // Lost at 1 minute, made again at once; that one failed at the publisher: two minutes more.
    expect(opened.syncTimes.map((at) => (at - NOW) / MIN)).toEqual([1, 1, 3]);
  });

  it('makes a retry the worker stopped in again at once: back online, the offline error goes with no tick awaited (QA p2)', async () => {
    fakeClock(NOW);
    setOnline(false);
    // The first is lost with the worker, stopped as the page came back online; the new worker's goes well.
    const opened = await openFailed(failing(NOW - 0.5 * MIN), (count) =>
      count === 1 ? lost() : failing(Date.now(), null),
    );
    kit = opened.popup;
    setOnline(true);
    await interact(() => window.dispatchEvent(new Event('online')));
    await until(() => expect(opened.syncTimes).toEqual([NOW, NOW]));
    await until(() => expect(kit?.container.querySelector('.status-errors')).toBeNull());
  });

  it('makes it again once in a row only: a sync that stops its worker every time waits for the backoff', async () => {
    fakeClock(NOW);
    const opened = await openFailed(failing(NOW - 0.5 * MIN), lost);
    kit = opened.popup;
    await interact(() => window.dispatchEvent(new Event('online')));
    await until(() => expect(opened.syncTimes).toEqual([NOW, NOW]));
    await vi.advanceTimersByTimeAsync(3 * MIN);
    expect(opened.syncTimes.map((at) => (at - NOW) / MIN)).toEqual([0, 0, 1, 2, 3]);
    expect(textOf(kit.container.querySelector('.status-errors'))).toContain('后台');
  });

  it('makes a sync it only followed again at once when the worker running it was stopped, its end never written', async () => {
    fakeClock(NOW);
    const failed = failing(NOW - 0.5 * MIN);
    const opened = await openFailed(failed, null);
    kit = opened.popup;
    // The worker's own sync, on the network's return, seen in storage before the page's online event: let be.
    const running = { ...failed, running: true, progress: { done: 3, total: 29 } };
    kit.fake.handlers.status = () => running;
    await interact(() => fakeBrowser.storage.local.set({ [SYNC_STATUS_KEY]: running }));
    await interact(() => window.dispatchEvent(new Event('online')));
    expect(opened.syncTimes).toEqual([]);
    // Stopped in it: nothing more is written, and the new worker runs none.
    kit.fake.handlers.status = () => failed;
    // The status is polled every 5 ms (the faked interval): the next poll learns it, not the next minute's look.
    await vi.advanceTimersByTimeAsync(50);
    await until(() => expect(opened.syncTimes).toEqual([NOW + 5]));
    await until(() => expect(kit?.container.querySelector('.status-errors')).toBeNull());
  });

  it('counts the losses in a row anew once a sync is seen through, even one it did not start', async () => {
    fakeClock(NOW);
    const failed = failing(NOW - 0.5 * MIN);
    const opened = await openFailed(failed, lost);
    kit = opened.popup;
    await interact(() => window.dispatchEvent(new Event('online')));
    await until(() => expect(opened.syncTimes).toEqual([NOW, NOW]));
    // The worker's own sync (an alarm's) runs and writes its end, still failing.
    await interact(() => fakeBrowser.storage.local.set({ [SYNC_STATUS_KEY]: { ...failed, running: true } }));
    await interact(() => fakeBrowser.storage.local.set({ [SYNC_STATUS_KEY]: failing(NOW) }));
    // A later loss is made again at once, as the first was.
    await interact(() => window.dispatchEvent(new Event('online')));
    await until(() => expect(opened.syncTimes).toEqual([NOW, NOW, NOW, NOW]));
  });

  it('does not try while a sync runs', async () => {
    fakeClock(NOW);
    kit = await mountPopup({
      digests: [storedDigest(TODAY)],
      status: { ...failing(NOW - 10 * MIN), running: true },
      now: () => Date.now(),
      handlers: { syncNow: () => failing(Date.now(), null) },
    });
    await interact(() => window.dispatchEvent(new Event('online')));
    // A minute and more (the status is polled every 5 ms meanwhile, as the sync is followed).
    await vi.advanceTimersByTimeAsync(70_000);
    expect(syncs(kit)).toBe(0);
  });

  it('notices the day turned after the computer slept: 昨天, the late note, and a look for today’s', async () => {
    // Opened at 23:50 in Shanghai on the 10th over the 10th's digest; the day-turn timer never runs (asleep).
    const evening = Date.UTC(2026, 0, 10, 15, 50);
    fakeClock(evening);
    const { whenDayTurns } = dayTurns();
    kit = await mountPopup({
      digests: [storedDigest(TODAY)],
      status: { lastSyncAt: evening - 2 * MIN, newestDate: TODAY },
      now: () => Date.now(),
      whenDayTurns,
    });
    const label = () => textOf(kit?.container.querySelector('.date-label'));
    const note = () => textOf(kit?.container.querySelector('.today-note'));
    expect(label()).toBe('今天 · 周六');
    // Woken at 07:30 the next morning: shown again, it says 昨天 and when today's comes; nothing to look for yet.
    vi.setSystemTime(Date.UTC(2026, 0, 10, 23, 30));
    await interact(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(label()).toBe('昨天 · 周六');
    expect(note()).toBe('今天的日报通常在北京时间 8:40 左右发布');
    expect(syncs(kit)).toBe(0);
    // Asleep again, woken at 10:30, not shown again: within a minute it says today's is late, and looks for it.
    vi.setSystemTime(Date.UTC(2026, 0, 11, 2, 30));
    await vi.advanceTimersByTimeAsync(60_000);
    await until(() => expect(note()).toBe('今天的日报还没到，通常在北京时间 8:40 左右发布'));
    expect(syncs(kit)).toBe(1);
  });

  it('notices it on focus too', async () => {
    const evening = Date.UTC(2026, 0, 10, 15, 50);
    fakeClock(evening);
    kit = await mountPopup({
      digests: [storedDigest(TODAY)],
      status: { lastSyncAt: evening - 2 * MIN, newestDate: TODAY },
      now: () => Date.now(),
      whenDayTurns: dayTurns().whenDayTurns,
    });
    vi.setSystemTime(Date.UTC(2026, 0, 10, 23, 30));
    await interact(() => window.dispatchEvent(new Event('focus')));
    expect(textOf(kit.container.querySelector('.date-label'))).toBe('昨天 · 周六');
  });
});
