// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings, saveSettings } from '../../../lib/settings';
import { interact } from '../ui/render';
import { mountOptions, type OptionsKit } from './options-test-kit';

let kit: OptionsKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

function input(selector: string): HTMLInputElement {
  const element = kit?.container.querySelector<HTMLInputElement>(selector);
  if (!element) throw new Error(`no input ${selector}`);
  return element;
}

async function check(element: HTMLInputElement, checked: boolean) {
  await interact(async () => {
    element.checked = checked;
    element.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('the options page’s side panel choices', () => {
  it('offers the side panel as where page summaries show, naming the shortcut that opens it', async () => {
    kit = await mountOptions({ shortcut: 'Alt+Shift+D' });
    const panel = input('[name="sidebar-mode"][value="panel"]');
    expect(panel.closest('label')?.textContent).toBe(
      ' 只在侧边栏中显示（页面上不显示卡片，工具栏徽标照常计数；Alt+Shift+D 打开侧边栏）',
    );
    await check(panel, true);
    expect((await loadSettings()).sidebarMode).toBe('panel');
  });

  it('makes the toolbar button open the panel, and says what it does in Firefox', async () => {
    kit = await mountOptions({ lang: 'en', firefox: true });
    const toolbar = input('[name="toolbar-opens-panel"]');
    expect(toolbar.checked).toBe(false);
    expect(kit.container.querySelector('#panel-heading')?.textContent).toBe('Side panel');
    expect(kit.container.textContent).toContain(
      'Firefox: the toolbar button then opens and closes the sidebar',
    );
    await check(toolbar, true);
    expect((await loadSettings()).toolbarOpensPanel).toBe(true);
  });

  it('shows the stored choice', async () => {
    await saveSettings({ toolbarOpensPanel: true, sidebarMode: 'panel' });
    kit = await mountOptions();
    expect(input('[name="toolbar-opens-panel"]').checked).toBe(true);
    expect(input('[name="sidebar-mode"][value="panel"]').checked).toBe(true);
  });
});
