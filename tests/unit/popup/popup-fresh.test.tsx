// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { storedDigest, syncStatus } from '../ui/fake-client';
import { interact, textOf } from '../ui/render';
import { mountPopup, NOW, type PopupKit, until } from './popup-test-kit';

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
