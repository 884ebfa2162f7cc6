// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveSettings } from '../../../lib/settings';
import { interact } from '../ui/render';
import { mountOptions, type OptionsKit } from './options-test-kit';

let kit: OptionsKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

const shortcutLine = () => kit?.container.querySelector('.shortcut');
const badgeOption = () =>
  kit?.container.querySelector('[name="sidebar-mode"][value="badge"]')?.closest('label')?.textContent;

describe('the options page names the card’s keyboard shortcut', () => {
  it('as the browser has it, with a button that opens Chrome’s shortcut settings in a tab', async () => {
    const openTab = vi.fn(async () => undefined);
    kit = await mountOptions({ shortcut: 'Ctrl+Shift+K', openTab });
    expect(shortcutLine()?.textContent).toContain('键盘快捷键：Ctrl+Shift+K');
    const button = shortcutLine()?.querySelector('button');
    expect(button?.textContent).toBe('更改快捷键');
    await interact(async () => {
      button?.click();
    });
    expect(openTab).toHaveBeenCalledWith('chrome://extensions/shortcuts');
  });

  it('says in words when the shortcut page could not be opened', async () => {
    kit = await mountOptions({
      shortcut: 'Alt+Shift+D',
      openTab: async () => {
        throw new Error('tabs refused');
      },
    });
    await interact(async () => {
      shortcutLine()?.querySelector('button')?.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(kit.container.querySelector('[data-notice="shortcut"]')?.textContent).toBe(
      '操作失败：tabs refused',
    );
  });

  it('in Firefox, says where to change it (its page cannot be opened)', async () => {
    kit = await mountOptions({ shortcut: 'Alt+Shift+D', firefox: true, lang: 'en' });
    expect(shortcutLine()?.textContent).toBe(
      'Keyboard shortcut: Alt+Shift+D Change it in about:addons → ⚙ → Manage Extension Shortcuts.',
    );
    expect(shortcutLine()?.querySelector('button')).toBeNull();
  });

  it('says when it has none (Chrome leaves it unassigned when another extension has the key)', async () => {
    kit = await mountOptions({ shortcut: null });
    expect(shortcutLine()?.textContent).toContain('键盘快捷键：未设置');
    expect(badgeOption()).toBe(' 只在工具栏图标上显示数量');
  });

  it('in the badge-only option, which opens the card only by the shortcut', async () => {
    await saveSettings({ sidebarMode: 'badge' });
    kit = await mountOptions({ shortcut: 'Alt+Shift+D' });
    expect(badgeOption()).toBe(' 只在工具栏图标上显示数量（按 Alt+Shift+D 打开摘要卡片）');
  });
});
