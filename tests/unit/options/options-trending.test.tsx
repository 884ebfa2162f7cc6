// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, SETTINGS_KEY } from '../../../lib/settings';
import { interact, textOf } from '../ui/render';
import { mountOptions, type OptionsKit } from './options-test-kit';

let kit: OptionsKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

const toggle = () => kit?.container.querySelector<HTMLInputElement>('[name="source-trending"]');

function statusWith(trending: Record<string, unknown>) {
  return {
    syncStatus: {
      running: false,
      progress: null,
      lastSyncAt: 1,
      sources: [
        {
          sourceId: 'trending',
          lastAttemptAt: 1,
          counts: { stored: 0, unchanged: 0, notFound: 0, failed: 1 },
          ...trending,
        },
      ],
      digestCount: 0,
      newestDate: null,
    },
  };
}

describe('the GitHub 热门 source in the options', () => {
  it('is on by default and switches off and on again', async () => {
    kit = await mountOptions();
    expect(textOf(toggle()?.closest('label'))).toContain('GitHub 热门');
    expect(toggle()?.checked).toBe(true);
    await interact(() => toggle()?.click());
    expect((await loadSettings()).sources).toEqual({ dated: true, homepage: true, trending: false });
    await interact(() => toggle()?.click());
    expect((await loadSettings()).sources.trending).toBe(true);
  });

  it('is on for settings stored before it existed, which keep their own choices', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { sources: { dated: false, homepage: true }, retentionDays: 90 },
    });
    expect(await loadSettings()).toMatchObject({
      sources: { dated: false, homepage: true, trending: true },
      retentionDays: 90,
    });
  });

  it('shows its own status: the last error in the page’s language', async () => {
    kit = await mountOptions({ lang: 'en' });
    await interact(() =>
      fakeBrowser.storage.local.set(
        statusWith({
          lastSuccessAt: null,
          lastError: {
            zh: 'static.zou8944.com，2026-11-29：服务器返回 HTTP 500（已尝试 3 次）',
            en: 'static.zou8944.com, 2026-11-29: answered HTTP 500 (3 attempts)',
          },
        }),
      ),
    );
    const row = toggle()?.closest('.row');
    expect(textOf(row?.querySelector('.health.error'))).toContain('answered HTTP 500 (3 attempts)');
    expect(textOf(kit.container.querySelector('[name="source-dated"]')?.closest('.row'))).not.toContain(
      'HTTP 500',
    );
  });
});
