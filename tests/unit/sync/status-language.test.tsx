// @vitest-environment happy-dom
/**
 * Sync errors and notices are stored in every language and shown in the language of the moment they are read: a
 * status written by a worker that ran in English reads in Chinese in a Chinese popup and options page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../../lib/i18n';
import {
  loadArchiveImportStatus,
  loadSyncStatus,
  saveArchiveImportStatus,
  saveSyncStatus,
} from '../../../lib/sync/status-store';
import { localized } from '../../../lib/sync/words';
import { mountOptions, type OptionsKit } from '../options/options-test-kit';
import { mountPopup, type PopupKit } from '../popup/popup-test-kit';
import { syncStatus } from '../ui/fake-client';
import { textOf } from '../ui/render';

const http500 = localized((words) => words.failure('static.zou8944.com, 2026-01-10', words.httpStatus(500)));
const storageFull = localized((words) => words.storageFull(1, '2025-01-01', '2025-01-01'));

async function writtenStatus() {
  await saveSyncStatus(
    syncStatus({
      lastSyncAt: 1,
      sources: [
        {
          sourceId: 'dated',
          lastAttemptAt: 1,
          lastSuccessAt: null,
          lastError: http500,
          counts: { stored: 0, unchanged: 0, notFound: 0, failed: 1 },
        },
      ],
      notice: storageFull,
    }),
  );
  return loadSyncStatus();
}

let kits: (PopupKit | OptionsKit)[] = [];
afterEach(() => {
  for (const kit of kits) {
    kit.store.dispose();
    kit.cleanup();
  }
  kits = [];
});

describe('sync words shown in the language of the moment they are read', () => {
  it.each<[UiLanguage, string, string]>([
    ['zh', 'static.zou8944.com, 2026-01-10：服务器返回 HTTP 500', '存储空间已满：删除了最早同步的 1 期摘要'],
    [
      'en',
      'static.zou8944.com, 2026-01-10: answered HTTP 500',
      'Storage was full: removed the 1 oldest synced digest',
    ],
  ])('the popup shows a stored error and notice in %s', async (lang, error, notice) => {
    const status = await writtenStatus();
    // Opening tries the failed sync again (online, its attempt old): it fails the same way.
    const kit = await mountPopup({ lang, status, handlers: { syncNow: () => status } });
    kits.push(kit);
    expect(textOf(kit.container.querySelector('.status-errors li'))).toContain(error);
    expect(textOf(kit.container.querySelector('.status-note.error'))).toContain(notice);
  });

  it('the options page shows a source error and the archive import error in Chinese', async () => {
    const status = await writtenStatus();
    await saveArchiveImportStatus({
      state: 'failed',
      done: 10,
      total: 347,
      stored: 2,
      notFound: 8,
      failed: 0,
      error: localized((words) => words.importInterrupted),
    });
    const archive = await loadArchiveImportStatus();
    const kit = await mountOptions({ handlers: { status: () => status, importStatus: () => archive } });
    kits.push(kit);
    expect(textOf(kit.container.querySelector('.health.error'))).toContain('服务器返回 HTTP 500');
    expect(textOf(kit.container.querySelector('.archive-error'))).toBe('导入被中断（后台已停止）。');
  });

  it('still reads a status stored as plain strings by an earlier version', async () => {
    await saveSyncStatus(syncStatus({ notice: 'Storage was full.' }));
    expect((await loadSyncStatus()).notice).toBe('Storage was full.');
  });
});
