import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../../lib/background/handlers';
import type { TabMatches } from '../../../lib/background/tab-matches';
import { MAX_IMPORTED_READS } from '../../../lib/background/transfer';
import { exportFileSchema } from '../../../lib/schema';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../lib/settings';
import { readStateOf } from '../../../lib/storage/read-state-store';
import { openTestStore, storedDigest, testItem, trendingDigest } from '../storage/stored-digest';
import { backgroundSetup, fromOurContentScript, fromOurPopup, PULL_REQUEST_LOOKUP } from './background-setup';

const DAY = '2026-11-28';
const items = [
  testItem('news', 1, ['https://x.com/someone/status/501']),
  testItem('news', 2, ['https://github.com/acme/widget/pull/7']),
  testItem('tools', 1, ['https://github.com/acme/widget']),
];

async function withDay() {
  const setup = await backgroundSetup();
  await setup.store.write(storedDigest(DAY, { items }));
  const unread = async () => {
    const reply = await setup.background.route(
      { type: 'readState', payload: { dates: [DAY] } },
      fromOurPopup,
    );
    return (reply as { value: { days: { unread: number }[] } }).value.days[0]?.unread;
  };
  return { ...setup, unread };
}

describe('read state messages', () => {
  it('marks an item opened from the reader read, and the day has one unread fewer', async () => {
    const { background, unread } = await withDay();
    expect(await unread()).toBe(3);
    const reply = await background.route(
      { type: 'markRead', payload: { items: [{ date: DAY, section: 'news', rank: 1 }] } },
      fromOurPopup,
    );
    expect(reply).toEqual({ ok: true, value: { marked: 1 } });
    expect(await background.route({ type: 'readState', payload: { dates: [DAY] } }, fromOurPopup)).toEqual({
      ok: true,
      value: {
        days: [
          {
            date: DAY,
            total: 3,
            unread: 2,
            read: [{ section: 'news', rank: 1 }],
            sections: { news: { total: 2, unread: 1 }, tools: { total: 1, unread: 1 } },
          },
        ],
      },
    });
  });

  it('marks a GitHub 热门 item read, and the day counts its AI and 热门 items', async () => {
    const { background, store, unread } = await withDay();
    await store.write(trendingDigest(DAY, ['acme/rocket', 'acme/widget']));
    expect(await unread()).toBe(5);
    const reply = await background.route(
      { type: 'markRead', payload: { items: [{ date: DAY, section: 'trending', rank: 1 }] } },
      fromOurPopup,
    );
    expect(reply).toEqual({ ok: true, value: { marked: 1 } });
    expect(await background.route({ type: 'readState', payload: { dates: [DAY] } }, fromOurPopup)).toEqual({
      ok: true,
      value: {
        days: [
          {
            date: DAY,
            total: 5,
            unread: 4,
            read: [{ section: 'trending', rank: 1 }],
            sections: {
              news: { total: 2, unread: 2 },
              tools: { total: 1, unread: 1 },
              trending: { total: 2, unread: 1 },
            },
          },
        ],
      },
    });
  });

  it('marks only the tab shown read (全部标为已读 on GitHub 热门)', async () => {
    const { background, store, unread } = await withDay();
    await store.write(trendingDigest(DAY, ['acme/rocket']));
    expect(
      await background.route(
        { type: 'markDayRead', payload: { date: DAY, section: 'trending' } },
        fromOurPopup,
      ),
    ).toEqual({ ok: true, value: { marked: 1 } });
    expect(await unread()).toBe(3);
  });

  it('marks the shown day read (全部标为已读)', async () => {
    const { background, unread } = await withDay();
    expect(await background.route({ type: 'markDayRead', payload: { date: DAY } }, fromOurPopup)).toEqual({
      ok: true,
      value: { marked: 3 },
    });
    expect(await unread()).toBe(0);
  });

  it("marks read what a page's lookup says the user visited: the pull request, not its repository", async () => {
    const { background, unread } = await withDay();
    await background.route(PULL_REQUEST_LOOKUP, fromOurContentScript());
    await vi.waitFor(async () => expect(await unread()).toBe(2));
    const state = await background.route({ type: 'readState', payload: { dates: [DAY] } }, fromOurPopup);
    expect(state).toMatchObject({ value: { days: [{ read: [{ section: 'news', rank: 2 }] }] } });
  });

  it('reads nothing on a visit to a site switched off in options', async () => {
    const { background, store, unread } = await withDay();
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: {
        ...structuredClone(DEFAULT_SETTINGS),
        sites: { x: true, github: false, huggingface: true },
      },
    });
    await background.route(
      { type: 'lookup', payload: { keys: ['gh:repo:acme/widget'], site: 'github' } },
      fromOurContentScript(),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await unread()).toBe(3);
    expect(await readStateOf(store).all()).toEqual([]);
  });

  it('reads nothing on a visit in a private window, and tells no open reader (QA 2026-12-02)', async () => {
    const { background, store, unread } = await withDay();
    const toReaders = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const privateTab = fromOurContentScript();
    const reply = await background.route(PULL_REQUEST_LOOKUP, {
      ...privateTab,
      tab: { ...privateTab.tab, incognito: true },
    });
    // The page still gets its card: only the visit goes unrecorded.
    expect(reply).toMatchObject({
      ok: true,
      value: { matches: [{ item: { section: 'news', rank: 2 } }, {}] },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await unread()).toBe(3);
    expect(await readStateOf(store).all()).toEqual([]);
    expect(toReaders.mock.calls.map(([message]) => (message as { type?: string }).type)).not.toContain(
      'readStateChanged',
    );
  });

  it('tells the open readers after each way an item becomes read, not when nothing new was read', async () => {
    const { background, unread } = await withDay();
    const toReaders = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const told = () =>
      toReaders.mock.calls.filter(([message]) => (message as { type?: string }).type === 'readStateChanged')
        .length;
    // A page visited: its own story is read (the pull request); visited again, nothing new is.
    await background.route(PULL_REQUEST_LOOKUP, fromOurContentScript());
    await vi.waitFor(() => expect(told()).toBe(1));
    expect(await unread()).toBe(2);
    await background.route(PULL_REQUEST_LOOKUP, fromOurContentScript());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(told()).toBe(1);
    // An item opened from a reader, then the same one from another reader that did not know yet.
    const openFirst = { type: 'markRead', payload: { items: [{ date: DAY, section: 'news', rank: 1 }] } };
    await background.route(openFirst, fromOurPopup);
    expect(told()).toBe(2);
    await background.route(openFirst, fromOurPopup);
    expect(told()).toBe(2);
    // 全部标为已读 (the tools tab's one item), then again with nothing left.
    await background.route({ type: 'markDayRead', payload: { date: DAY, section: 'tools' } }, fromOurPopup);
    expect(told()).toBe(3);
    expect(await unread()).toBe(0);
    await background.route({ type: 'markDayRead', payload: { date: DAY } }, fromOurPopup);
    expect(told()).toBe(3);
  });

  it('refuses every read-state message from a content script, in words', async () => {
    const { background, unread } = await withDay();
    for (const message of [
      { type: 'markRead', payload: { items: [{ date: DAY, section: 'news', rank: 1 }] } },
      { type: 'markDayRead', payload: { date: DAY } },
      { type: 'readState', payload: { dates: [DAY] } },
    ]) {
      expect(await background.route(message, fromOurContentScript())).toMatchObject({
        ok: false,
        error: expect.stringContaining('a content script may only send'),
      });
    }
    expect(await unread()).toBe(3);
  });

  it('refuses a malformed request in words', async () => {
    const { background } = await withDay();
    const reply = await background.route(
      { type: 'markRead', payload: { items: [{ date: DAY, section: 'news', rank: -1 }] } },
      fromOurPopup,
    );
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringContaining('"markRead" request is invalid'),
    });
  });
});

describe('read state in export, import and clear', () => {
  it('survives export → clear → import', async () => {
    const { background, unread } = await withDay();
    await background.route({ type: 'markDayRead', payload: { date: DAY } }, fromOurPopup);
    const exported = await background.route({ type: 'exportData' }, fromOurPopup);
    const file = (exported as { value: object }).value;
    expect(
      exportFileSchema
        .parse(file)
        .reads?.map(({ key }) => key)
        .sort(),
    ).toEqual([
      'url:https://github.com/acme/widget',
      'url:https://github.com/acme/widget/pull/7',
      'x:status:501',
    ]);

    expect(await background.route({ type: 'clearData' }, fromOurPopup)).toMatchObject({ ok: true });
    expect(await background.route({ type: 'readState', payload: { dates: [DAY] } }, fromOurPopup)).toEqual({
      ok: true,
      value: { days: [] },
    });
    // A digest stored again after the clear is unread: clear-all forgot what was read.
    await background.route({ type: 'importData', payload: { file: { ...file, reads: [] } } }, fromOurPopup);
    expect(await unread()).toBe(3);

    await background.route({ type: 'importData', payload: { file } }, fromOurPopup);
    expect(await unread()).toBe(0);
  });

  it('clears all or nothing: when clearing what was read fails, the digests and the reads are all still there', async () => {
    const { background, store, unread } = await withDay();
    await background.route(
      { type: 'markRead', payload: { items: [{ date: DAY, section: 'news', rank: 1 }] } },
      fromOurPopup,
    );
    const originalClear = IDBObjectStore.prototype.clear;
    const failing = vi.spyOn(IDBObjectStore.prototype, 'clear').mockImplementation(function (
      this: IDBObjectStore,
    ) {
      if (this.name === 'reads') throw new DOMException('The disk is gone.', 'UnknownError');
      return originalClear.call(this);
    });
    expect(await background.route({ type: 'clearData' }, fromOurPopup)).toMatchObject({ ok: false });
    failing.mockRestore();
    expect(await store.dates()).toEqual([DAY]);
    expect(await unread()).toBe(2);
  });

  it('imports a file exported before there was read state', async () => {
    const { background } = await withDay();
    const file = {
      format: 'digest-lens-export',
      version: 1,
      exportedAt: 1,
      digests: [storedDigest('2026-11-27')],
    };
    expect(await background.route({ type: 'importData', payload: { file } }, fromOurPopup)).toEqual({
      ok: true,
      value: { added: 1, updated: 0, kept: 0 },
    });
  });

  it('refuses hostile reads in words, imports the valid ones and every valid digest', async () => {
    const { background, store } = await withDay();
    const file = {
      format: 'digest-lens-export',
      version: 1,
      exportedAt: 1,
      digests: [storedDigest('2026-11-27')],
      reads: [
        { key: 'x:status:501', readAt: 10 },
        { key: 'x:status:502', readAt: 1e300 },
        { key: '', readAt: 10 },
        { key: 'x'.repeat(601), readAt: 10 },
        { key: 'x:status:503', readAt: -1 },
        { key: { toString: 'x' }, readAt: 10 },
        'x:status:504',
      ],
    };
    const reply = await background.route({ type: 'importData', payload: { file } }, fromOurPopup);
    const { value } = reply as { value: { added: number; rejected: { zh: string; en: string }[] } };
    expect(value.added).toBe(1);
    expect(value.rejected.map(({ en }) => en)).toEqual([
      'Read item 3 was not imported: the key is empty.',
      'Read item 4 was not imported: the key is longer than 600 characters.',
      'Read item 5 was not imported: the time read must be at least 0.',
      'Read item 6 was not imported: the key is not text.',
      'Read item 7 was not imported: the entry is not an object.',
    ]);
    expect(value.rejected.map(({ zh }) => zh)).toEqual([
      '第 3 条已读记录未导入：键是空的。',
      '第 4 条已读记录未导入：键超过 600 个字符。',
      '第 5 条已读记录未导入：阅读时间须不小于 0。',
      '第 6 条已读记录未导入：键不是文本。',
      '第 7 条已读记录未导入：这一项不是对象。',
    ]);
    // A time in the future is now: it would otherwise sort as the first read of nothing yet.
    expect(await readStateOf(store).all()).toEqual([
      { key: 'x:status:501', readAt: 10 },
      { key: 'x:status:502', readAt: expect.any(Number) },
    ]);
    expect((await readStateOf(store).all())[1]?.readAt).toBeLessThan(1e13);
  });

  it('refuses reads that are not a list, or more than any library holds, whole and in words', async () => {
    const { background, store } = await withDay();
    const base = { format: 'digest-lens-export', version: 1, exportedAt: 1, digests: [] };
    const notList = await background.route(
      { type: 'importData', payload: { file: { ...base, reads: { key: 'x:status:501' } } } },
      fromOurPopup,
    );
    expect(notList).toMatchObject({ value: { rejected: [{ en: expect.stringContaining('not a list') }] } });
    const many = Array.from({ length: MAX_IMPORTED_READS + 1 }, (_, index) => ({
      key: `k${index}`,
      readAt: 1,
    }));
    const tooMany = await background.route(
      { type: 'importData', payload: { file: { ...base, reads: many } } },
      fromOurPopup,
    );
    expect(tooMany).toMatchObject({
      value: { rejected: [{ zh: expect.stringContaining('超过最多 100,000 条') }] },
    });
    expect(await readStateOf(store).all()).toEqual([]);
  });
});

describe('a visit that reads something', () => {
  const PULL = 'url:https://github.com/acme/widget/pull/7';

  /** Handlers over a stored day whose visit write waits for `release`; `noted` says what was read when noted. */
  async function heldVisit() {
    const store = await openTestStore();
    await store.write(storedDigest(DAY, { items }));
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const noted: { read?: string[] } = {};
    const handlers = createHandlers({
      services: async () => ({ store, engine: {} as never, importer: {} as never }),
      settings: async () => structuredClone(DEFAULT_SETTINGS),
      now: () => 1_000,
      setBadge: async () => undefined,
      // Noted when the lookup starts; the answer it is given settles once what the visit read is written.
      tabMatches: {
        noteLookup: async (_sender: unknown, answer: Promise<unknown>) => {
          await answer;
          noted.read ??= (await readStateOf(store).all()).map(({ key }) => key);
        },
      } as unknown as TabMatches,
      currentTab: {} as never,
      shortcut: async () => null,
      readStateOf: (library) => {
        const reads = readStateOf(library);
        return {
          ...reads,
          all: () => reads.all(),
          add: async (entries) => {
            await held;
            return reads.add(entries);
          },
        };
      },
    });
    const lookup = () =>
      handlers.lookup(
        { keys: ['gh:repo:acme/widget'], site: 'github', pageStory: PULL },
        fromOurContentScript(),
      );
    return { store, noted, release, lookup };
  }

  it('answers the page before what the visit read is written (the card waits for nothing else)', async () => {
    const { store, release, lookup } = await heldVisit();
    const answer = await lookup();
    expect(answer.matches.length).toBeGreaterThan(0);
    expect(await readStateOf(store).all()).toEqual([]);
    release();
    await vi.waitFor(async () =>
      expect((await readStateOf(store).all()).map(({ key }) => key)).toEqual([PULL]),
    );
  });

  it("has written what it read when the tab's matches are noted (a side panel then reads them anew)", async () => {
    const { noted, release, lookup } = await heldVisit();
    await lookup();
    await Promise.resolve();
    expect(noted.read).toBeUndefined();
    release();
    await vi.waitFor(() => expect(noted.read).toEqual([PULL]));
  });
});
