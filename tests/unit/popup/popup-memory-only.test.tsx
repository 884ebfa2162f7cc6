// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SYNC_STATUS_KEY } from '../../../components/popup/popup-store';
import { syncStatus } from '../ui/fake-client';
import { interact, textOf } from '../ui/render';
import { mountPopup, type PopupKit } from './popup-test-kit';

let kit: PopupKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

const ZH_NOTE = '隐私浏览模式：日报只保存在内存中，关闭浏览器后不会保留';
const EN_NOTE = 'Private browsing: digests are kept in memory only and are gone when the browser closes';

describe('the popup when the digests are kept in memory only (private browsing)', () => {
  it('says plainly that nothing is kept after the browser closes, beside the digests it shows', async () => {
    kit = await mountPopup({ status: { memoryOnly: true } });
    expect(textOf(kit.container.querySelector('.status .memory-only'))).toBe(ZH_NOTE);
    expect(kit.container.querySelector('.digest')).not.toBeNull();
  });

  it('keeps saying it while following the stored status, which never holds the flag', async () => {
    kit = await mountPopup({ status: { memoryOnly: true } });
    await interact(() =>
      fakeBrowser.storage.local.set({
        [SYNC_STATUS_KEY]: syncStatus({ running: true, progress: { done: 1, total: 4 } }),
      }),
    );
    expect(textOf(kit.container.querySelector('.status-text'))).toBe('正在同步 1/4');
    expect(textOf(kit.container.querySelector('.memory-only'))).toBe(ZH_NOTE);
  });

  it('says it in English in an English browser', async () => {
    kit = await mountPopup({ status: { memoryOnly: true }, lang: 'en' });
    expect(textOf(kit.container.querySelector('.status .memory-only'))).toBe(EN_NOTE);
  });

  it('says nothing of it when the digests are stored', async () => {
    kit = await mountPopup();
    expect(kit.container.querySelector('.memory-only')).toBeNull();
    expect(textOf(kit.container)).not.toContain('隐私浏览');
  });

  it('never speaks of stored digests when there are none yet', async () => {
    kit = await mountPopup({ digests: [], status: { memoryOnly: true, lastSyncAt: null } });
    const empty = textOf(kit.container.querySelector('.empty'));
    expect(empty).toContain('还没有摘要');
    expect(empty).not.toContain('保存');
    expect(textOf(kit.container.querySelector('.memory-only'))).toBe(ZH_NOTE);
  });

  it('never says stored digests "may still be there" when reading the memory fails', async () => {
    kit = await mountPopup({
      lang: 'en',
      status: { memoryOnly: true },
      handlers: {
        latestDigest: () => {
          throw new Error('the background restarted');
        },
      },
    });
    const empty = textOf(kit.container.querySelector('.empty'));
    expect(empty).toBe('The digests held in memory could not be read this time; try again.Retry');
    expect(empty).not.toContain('may still be there');
    const banner = textOf(kit.container.querySelector('.notice.error'));
    expect(banner).toBe('Could not read the digests held in memory: the background restarted');
  });
});
