// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ARCHIVE_IMPORT_KEY } from '../../../components/options/options-store';
import { SYNC_STATUS_KEY } from '../../../components/popup/popup-store';
import type { SyncStatus } from '../../../lib/schema';
import {
  ARCHIVE_IMPORT_KEY as BACKGROUND_ARCHIVE_IMPORT_KEY,
  SYNC_STATUS_KEY as BACKGROUND_SYNC_STATUS_KEY,
} from '../../../lib/sync/status-store';
import { storedDigest, syncStatus } from '../ui/fake-client';
import { interact, textOf } from '../ui/render';
import { mountPopup, NOW, type PopupKit, until } from './popup-test-kit';

let kit: PopupKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

const failedSource = (sourceId: string, lastError: string) => ({
  sourceId,
  lastAttemptAt: NOW,
  lastSuccessAt: null,
  lastError,
  counts: { stored: 0, unchanged: 0, notFound: 0, failed: 1 },
});

describe('the popup’s sync status', () => {
  it('says when it last synced', async () => {
    kit = await mountPopup();
    expect(textOf(kit.container.querySelector('.status-text'))).toBe('上次同步：5 分钟前');
    expect(kit.container.querySelector('.status-errors')).toBeNull();
  });

  it('counts the last sync from the newest success, not from an attempt where everything failed', async () => {
    kit = await mountPopup({
      status: {
        lastSyncAt: NOW,
        sources: [
          { ...failedSource('dated', 'answered HTTP 500'), lastSuccessAt: NOW - 2 * 3_600_000 },
          failedSource('homepage', 'answered HTTP 500'),
        ],
      },
    });
    expect(textOf(kit.container.querySelector('.status-text'))).toBe('上次同步：2 小时前');
  });

  it('names each failed source and its error in words, and still shows what is stored', async () => {
    kit = await mountPopup({
      status: {
        sources: [
          failedSource('dated', 'HTTP 500 Internal Server Error'),
          failedSource('homepage', '网络连接失败'),
          failedSource('trending', '返回的是网页，不是摘要'),
        ],
      },
    });
    const errors = kit.container.querySelector('.status-errors');
    expect(errors?.getAttribute('role')).toBe('alert');
    expect(textOf(errors?.querySelector('strong'))).toBe('同步失败');
    expect([...(errors?.querySelectorAll('li') ?? [])].map(textOf)).toEqual([
      '每日文件：HTTP 500 Internal Server Error',
      '主页：网络连接失败',
      // Named as the options page names it, not by its id (a QA pass read "trending: …").
      'GitHub 热门：返回的是网页，不是摘要',
    ]);
    expect(kit.container.querySelectorAll('.item')).toHaveLength(10);
  });

  it('says "some sources failed" when another source synced fine', async () => {
    kit = await mountPopup({
      status: {
        sources: [
          { ...failedSource('dated', ''), lastError: null, lastSuccessAt: NOW },
          failedSource('homepage', '服务器返回 HTTP 404'),
        ],
      },
    });
    expect(textOf(kit.container.querySelector('.status-errors strong'))).toBe('部分来源同步失败');
    expect(textOf(kit.container.querySelector('.status-errors li'))).toBe('主页：服务器返回 HTTP 404');
  });

  it('says in words what the last sync had to do besides fetching (storage full, pruning failed)', async () => {
    const notice = '存储空间已满：删除了最早的 3 期摘要（2025-01-01 至 2025-01-03）以腾出空间。';
    kit = await mountPopup({
      status: { sources: [{ ...failedSource('dated', ''), lastError: null, lastSuccessAt: NOW }], notice },
    });
    expect(textOf(kit.container.querySelector('.status-note'))).toBe(notice);
    expect(kit.container.querySelector('.status-errors')).toBeNull();
  });

  it('says so when every source is switched off, instead of only "synced just now"', async () => {
    kit = await mountPopup({ status: { lastSyncAt: NOW, sources: [] } });
    expect(textOf(kit.container.querySelector('.status-note'))).toBe('没有启用任何来源，不会同步新的摘要。');
  });

  it('offers the options page, not a useless retry, when nothing is stored and every source is off', async () => {
    const openOptions = vi.fn();
    kit = await mountPopup({ digests: [], status: { lastSyncAt: NOW, sources: [] }, openOptions });
    expect(kit.container.querySelector('.empty .retry')).toBeNull();
    const button = kit.container.querySelector<HTMLButtonElement>('.empty .open-options');
    expect(textOf(button)).toBe('打开设置，启用来源');
    button?.click();
    expect(openOptions).toHaveBeenCalled();
  });

  it('names the failed sources in English words in an English browser', async () => {
    kit = await mountPopup({
      lang: 'en',
      status: {
        sources: [
          failedSource('homepage', 'raw.githubusercontent.com: answered HTTP 404'),
          failedSource('trending', 'static.zou8944.com: could not be reached'),
        ],
      },
    });
    expect([...(kit.container.querySelectorAll('.status-errors li') ?? [])].map(textOf)).toEqual([
      'Homepage: raw.githubusercontent.com: answered HTTP 404',
      'GitHub trending: static.zou8944.com: could not be reached',
    ]);
  });

  it('syncs on request, shows progress while it runs, then shows the newer digest', async () => {
    let finish: (status: SyncStatus) => void = () => {};
    const digests = [storedDigest('2026-01-09')];
    let statusNow = syncStatus({ lastSyncAt: NOW - 3_600_000 });
    kit = await mountPopup({
      digests,
      handlers: {
        status: () => statusNow,
        syncNow: () =>
          new Promise<SyncStatus>((resolve) => {
            finish = resolve;
          }),
      },
    });
    const button = kit.container.querySelector<HTMLButtonElement>('.sync-button');
    statusNow = syncStatus({ running: true, progress: { done: 3, total: 14 } });
    await interact(() => button?.click());
    await until(() => expect(textOf(kit?.container.querySelector('.status-text'))).toBe('正在同步 3/14'));
    expect(button?.getAttribute('aria-disabled')).toBe('true');
    expect(button?.disabled).toBe(false);
    await interact(() => button?.click());
    expect(kit.fake.calls.filter((call) => call.type === 'syncNow')).toHaveLength(1);
    expect(kit.container.querySelector('progress.sync-progress')).not.toBeNull();

    digests.unshift(storedDigest('2026-01-10'));
    statusNow = syncStatus({ lastSyncAt: NOW, digestCount: 2 });
    await interact(() => finish(statusNow));
    await until(() =>
      expect(kit?.container.querySelector<HTMLElement>('.digest')?.dataset.date).toBe('2026-01-10'),
    );
    expect(textOf(kit.container.querySelector('.status-text'))).toBe('上次同步：刚刚');
    expect(button?.getAttribute('aria-disabled')).toBe('false');
    expect(kit.container.querySelector('progress.sync-progress')).toBeNull();
  });

  it('shows a failed sync request in words', async () => {
    kit = await mountPopup({
      handlers: {
        syncNow: () => {
          throw new Error('后台没有响应');
        },
      },
    });
    await interact(() => kit?.container.querySelector<HTMLButtonElement>('.sync-button')?.click());
    await until(() =>
      expect(textOf(kit?.container.querySelector('.status-errors'))).toContain('后台没有响应'),
    );
  });

  it('ends the running state when the worker stops before the sync answers, says so, and lets the user sync again', async () => {
    let statusNow = syncStatus({ lastSyncAt: NOW - 3_600_000 });
    let stop: (error: Error) => void = () => {};
    kit = await mountPopup({
      handlers: {
        status: () => statusNow,
        syncNow: () =>
          new Promise<SyncStatus>((_, reject) => {
            stop = reject;
          }),
      },
    });
    const button = kit.container.querySelector<HTMLButtonElement>('.sync-button');
    statusNow = syncStatus({ running: true, progress: { done: 12, total: 29 } });
    await interact(() => button?.click());
    await until(() => expect(textOf(kit?.container.querySelector('.status-text'))).toBe('正在同步 12/29'));
    // The worker is stopped: the sync's answer never comes, and the restarted worker runs none.
    statusNow = syncStatus({ lastSyncAt: NOW - 3_600_000 });
    await interact(() =>
      stop(
        new Error(
          'A listener indicated an asynchronous response by returning true, but the message channel closed',
        ),
      ),
    );
    await until(() => expect(button?.getAttribute('aria-disabled')).toBe('false'));
    expect(textOf(kit.container.querySelector('.status-errors'))).toContain('后台');
    expect(kit.container.querySelector('progress.sync-progress')).toBeNull();
  });

  it('ends the running state after a lost sync even when the status cannot be read either', async () => {
    let statusFails = false;
    let running = false;
    let stop: (error: Error) => void = () => {};
    kit = await mountPopup({
      handlers: {
        status: () => {
          if (statusFails) throw new Error('Could not establish connection. Receiving end does not exist.');
          return syncStatus(running ? { running, progress: { done: 2, total: 29 } } : {});
        },
        syncNow: () =>
          new Promise<SyncStatus>((_, reject) => {
            stop = reject;
          }),
      },
    });
    const button = kit.container.querySelector<HTMLButtonElement>('.sync-button');
    running = true;
    await interact(() => button?.click());
    await until(() => expect(textOf(kit?.container.querySelector('.status-text'))).toBe('正在同步 2/29'));
    statusFails = true;
    await interact(() => stop(new Error('The message channel closed before a response was received.')));
    await until(() => expect(button?.getAttribute('aria-disabled')).toBe('false'));
    expect(kit.container.querySelector('progress.sync-progress')).toBeNull();
  });
});

describe('the popup’s empty state', () => {
  it('is honest on first run: nothing stored yet, and a retry that syncs', async () => {
    kit = await mountPopup({
      digests: [],
      status: { lastSyncAt: null },
      handlers: { syncNow: () => syncStatus() },
    });
    const empty = kit.container.querySelector('.empty');
    expect(textOf(empty)).toContain('还没有保存任何摘要');
    expect(textOf(empty)).toContain('摘要会在后台按时自动同步');
    expect(textOf(kit.container.querySelector('.status-text'))).toBe('尚未同步');
    await interact(() => empty?.querySelector<HTMLButtonElement>('.retry')?.click());
    expect(kit.fake.calls.some((call) => call.type === 'syncNow')).toBe(true);
  });

  it('says it is still fetching while the first sync runs, and shows the digest when it ends', async () => {
    const digests: ReturnType<typeof storedDigest>[] = [];
    let statusNow = syncStatus({ running: true, progress: { done: 1, total: 14 } });
    kit = await mountPopup({ digests, handlers: { status: () => statusNow } });
    expect(textOf(kit.container.querySelector('.empty'))).toContain('正在获取最近的摘要');
    expect(kit.container.querySelector('.retry')?.getAttribute('aria-disabled')).toBe('true');
    digests.push(storedDigest('2026-01-10'));
    statusNow = syncStatus({ lastSyncAt: NOW, digestCount: 1 });
    await until(() => expect(kit?.container.querySelector('.digest')).not.toBeNull());
    expect(kit.container.querySelector('.empty')).toBeNull();
  });

  it('says why when offline: the sources failed, with a retry', async () => {
    kit = await mountPopup({
      digests: [],
      status: { sources: [failedSource('dated', 'Failed to fetch')] },
    });
    expect(textOf(kit.container.querySelector('.empty'))).toContain('没能获取摘要，可能是离线');
    expect(textOf(kit.container.querySelector('.status-text'))).toBe('尚未成功同步');
    expect(textOf(kit.container.querySelector('.status-errors'))).toContain('每日文件：Failed to fetch');
    expect(kit.container.querySelector('.retry')?.getAttribute('aria-disabled')).toBe('false');
  });

  it('shows an error reading the store in words, never claims a first run, and reads the store again on retry', async () => {
    let broken = true;
    kit = await mountPopup({
      handlers: {
        latestDigest: () => {
          if (broken) throw new Error('IndexedDB 打不开');
          return { digest: storedDigest('2026-01-10') };
        },
      },
    });
    expect(textOf(kit.container.querySelector('.notice.error'))).toBe(
      '读取已保存的摘要失败：IndexedDB 打不开',
    );
    const empty = textOf(kit.container.querySelector('.empty'));
    expect(empty).toContain('已保存的摘要可能仍在');
    expect(empty).not.toContain('还没有保存任何摘要');
    broken = false;
    await interact(() => kit?.container.querySelector<HTMLButtonElement>('.retry')?.click());
    await until(() => expect(kit?.container.querySelector('.digest')).not.toBeNull());
    expect(kit.container.querySelector('.notice.error')).toBeNull();
    expect(kit.fake.calls.some((call) => call.type === 'syncNow')).toBe(false);
  });

  it('still shows the stored digest when the status cannot be read, and says so', async () => {
    kit = await mountPopup({
      handlers: {
        status: () => {
          throw new Error('存储不可用');
        },
      },
    });
    expect(kit.container.querySelectorAll('.item')).toHaveLength(10);
    expect(textOf(kit.container.querySelector('.status-text'))).toBe('无法读取同步状态：存储不可用');
  });
});

describe('the popup following the background’s stored status', () => {
  it('uses the key the background writes', () => {
    expect(SYNC_STATUS_KEY).toBe(BACKGROUND_SYNC_STATUS_KEY);
    expect(ARCHIVE_IMPORT_KEY).toBe(BACKGROUND_ARCHIVE_IMPORT_KEY);
  });

  /** The status as the background answers it: the stored one (a sync the worker runs writes it as it goes). */
  const storedStatus = async () =>
    ((await fakeBrowser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY] as SyncStatus | undefined) ??
    syncStatus({ lastSyncAt: null });

  it('shows a sync the popup did not start, and the new digest when it ends', async () => {
    const digests: ReturnType<typeof storedDigest>[] = [];
    kit = await mountPopup({ digests, status: { lastSyncAt: null }, handlers: { status: storedStatus } });
    expect(textOf(kit.container.querySelector('.empty'))).toContain('按时自动同步');
    await interact(() =>
      fakeBrowser.storage.local.set({
        syncStatus: syncStatus({ running: true, progress: { done: 2, total: 14 } }),
      }),
    );
    expect(textOf(kit.container.querySelector('.status-text'))).toBe('正在同步 2/14');
    digests.push(storedDigest('2026-01-10'));
    await interact(() => fakeBrowser.storage.local.set({ syncStatus: syncStatus({ lastSyncAt: NOW }) }));
    await until(() => expect(kit?.container.querySelector('.digest')).not.toBeNull());
    expect(textOf(kit.container.querySelector('.status-text'))).toBe('上次同步：刚刚');
  });

  it('does not say 正在同步 for good when the worker running that sync was stopped: it asks the background (QA)', async () => {
    kit = await mountPopup({ digests: [storedDigest('2026-01-10')], handlers: { status: storedStatus } });
    const button = kit.container.querySelector<HTMLButtonElement>('.sync-button');
    // The worker's own sync (an alarm's) writes its progress, then Chrome stops the worker: nothing more is written,
    // and the restarted worker runs no sync.
    const lastWrite = syncStatus({ running: true, progress: { done: 28, total: 29 } });
    await interact(() => fakeBrowser.storage.local.set({ [SYNC_STATUS_KEY]: lastWrite }));
    expect(textOf(kit.container.querySelector('.status-text'))).toBe('正在同步 28/29');
    kit.fake.handlers.status = () => ({ ...lastWrite, running: false, progress: null });
    await until(() => expect(button?.getAttribute('aria-disabled')).toBe('false'));
    expect(kit.container.querySelector('progress.sync-progress')).toBeNull();
  });
});
