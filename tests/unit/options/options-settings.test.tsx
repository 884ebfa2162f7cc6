// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../../lib/settings';
import { interact, textOf, typeInto } from '../ui/render';
import { mountOptions, type OptionsKit } from './options-test-kit';

let kit: OptionsKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

function input(name: string): HTMLInputElement {
  const element = kit?.container.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!element) throw new Error(`no input ${name}`);
  return element;
}

async function change(element: HTMLInputElement | HTMLSelectElement, value?: string | boolean) {
  await interact(async () => {
    if (typeof value === 'boolean') (element as HTMLInputElement).checked = value;
    else if (value !== undefined) element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('the options page’s settings', () => {
  it('shows the stored settings', async () => {
    await saveSettings({ sites: { x: true, github: false, huggingface: true }, sidebarMode: 'badge' });
    kit = await mountOptions();
    expect(input('source-dated').checked).toBe(true);
    expect(input('source-homepage').checked).toBe(true);
    expect(input('site-github').checked).toBe(false);
    expect(input('site-x').checked).toBe(true);
    expect(
      kit.container.querySelector<HTMLInputElement>('[name="sidebar-mode"][value="badge"]')?.checked,
    ).toBe(true);
    expect(kit.container.querySelector<HTMLSelectElement>('#sync-interval')?.value).toBe('6');
    expect(input('retention-days').value).toBe('365');
  });

  it('switches a site off, a default source off, and the sidebar to badge only', async () => {
    kit = await mountOptions();
    await change(input('site-github'), false);
    await change(input('source-homepage'), false);
    await change(
      kit.container.querySelector('[name="sidebar-mode"][value="badge"]') as HTMLInputElement,
      true,
    );
    const group = kit.container.querySelector('[role="radiogroup"]');
    expect(textOf(kit.container.querySelector(`#${group?.getAttribute('aria-labelledby')}`))).toBe(
      '页面摘要',
    );
    const stored = await loadSettings();
    expect(stored.sites).toEqual({ x: true, github: false, huggingface: true });
    expect(stored.sources).toEqual({ dated: true, homepage: false, trending: true });
    expect(stored.sidebarMode).toBe('badge');
  });

  it('saves the sync interval', async () => {
    kit = await mountOptions();
    await change(kit.container.querySelector('#sync-interval') as HTMLSelectElement, '24');
    expect((await loadSettings()).syncIntervalHours).toBe(24);
  });

  it('validates the retention days and saves a valid value', async () => {
    kit = await mountOptions();
    await change(input('retention-days'), '3');
    expect(textOf(kit.container.querySelector('[data-notice="retention"]'))).toBe(
      '保留天数须为 7 到 3650 之间的整数。',
    );
    expect((await loadSettings()).retentionDays).toBe(DEFAULT_SETTINGS.retentionDays);
    await change(input('retention-days'), '12.5');
    expect(kit.container.querySelector('[data-notice="retention"]')).not.toBeNull();
    await change(input('retention-days'), '30');
    expect(kit.container.querySelector('[data-notice="retention"]')).toBeNull();
    expect((await loadSettings()).retentionDays).toBe(30);
  });

  it('keeps retention days as typed, unsaved and said so, until Enter or leaving the field', async () => {
    kit = await mountOptions();
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    const unsaved = () => kit?.container.querySelector('#retention-unsaved');
    // Typing 180 passes through 1 and 18: a sync would prune to 18 days had it been saved.
    for (const typed of ['1', '18', '180']) await interact(() => typeInto(input('retention-days'), typed));
    expect(writes).not.toHaveBeenCalled();
    expect(textOf(unsaved())).toBe('未保存：按 Enter 或离开此栏即保存');
    expect(input('retention-days').getAttribute('aria-describedby')).toBe('retention-unsaved');
    // Another setting saved meanwhile re-renders the section: what was typed stays in the field.
    await change(input('site-x'), false);
    expect(input('retention-days').value).toBe('180');
    expect((await loadSettings()).retentionDays).toBe(DEFAULT_SETTINGS.retentionDays);
    await change(input('retention-days'));
    expect((await loadSettings()).retentionDays).toBe(180);
    expect(unsaved()).toBeNull();
    expect(input('retention-days').value).toBe('180');
  });

  it('saves valid retention days typed and not saved when the page goes away, as leaving the field would', async () => {
    kit = await mountOptions({ handlers: { saveRetention: (payload) => payload } });
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    await interact(() => typeInto(input('retention-days'), '5'));
    window.dispatchEvent(new Event('pagehide'));
    expect(writes).not.toHaveBeenCalled();
    expect(kit.fake.calls.map(({ type }) => type)).not.toContain('saveRetention');
    await interact(() => typeInto(input('retention-days'), '90'));
    reads.mockClear();
    window.dispatchEvent(new Event('pagehide'));
    // Asked for at once, with nothing read first: a closing page may run nothing after its pagehide. The background
    // is sent the days too (Firefox drops an object a closing page writes).
    expect(writes).toHaveBeenCalledTimes(1);
    expect(reads).not.toHaveBeenCalled();
    expect(kit.fake.calls.filter(({ type }) => type === 'saveRetention')).toEqual([
      { type: 'saveRetention', payload: { retentionDays: 90 } },
    ]);
    await interact(() => undefined);
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, retentionDays: 90 });
  });

  it('says "saved" for a moment, and keeps an error until the next change', async () => {
    // The notice's own timer is held and run by hand: a 20 ms notice once faded before a loaded machine looked.
    const NOTICE_MS = 987_654;
    const realSetTimeout = globalThis.setTimeout;
    const fades: (() => void)[] = [];
    const timers = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
      run: () => void,
      ms?: number,
      ...rest: unknown[]
    ) => {
      if (ms !== NOTICE_MS) return realSetTimeout(run, ms, ...rest);
      fades.push(run);
      return 0;
    }) as typeof setTimeout);
    try {
      kit = await mountOptions({ savedNoticeMs: NOTICE_MS });
      await change(input('site-x'), false);
      const notice = () => kit?.container.querySelector('[data-notice="settings"]');
      expect(textOf(notice())).toBe('已保存');
      expect(notice()?.getAttribute('role')).toBe('status');
      expect(fades).toHaveLength(1);
      await interact(() => fades[0]?.());
      expect(notice()).toBeNull();
    } finally {
      timers.mockRestore();
    }
  });

  it('follows settings changed elsewhere', async () => {
    kit = await mountOptions();
    await interact(() => saveSettings({ sites: { x: false, github: true, huggingface: true } }));
    expect(input('site-x').checked).toBe(false);
  });

  it('shows a failed save in words', async () => {
    kit = await mountOptions();
    const original = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('存储空间已满'));
    try {
      await change(input('site-x'), false);
      expect(textOf(kit.container.querySelector('[data-notice="settings"]'))).toBe('操作失败：存储空间已满');
    } finally {
      fakeBrowser.storage.local.set = original;
    }
  });

  it('speaks English when the browser language is not Chinese', async () => {
    kit = await mountOptions({ lang: 'en' });
    expect(textOf(kit.container.querySelector('h1'))).toBe('Digest Lens options');
    expect(textOf(input('site-huggingface').parentElement)).toBe('Hugging Face');
  });
});
