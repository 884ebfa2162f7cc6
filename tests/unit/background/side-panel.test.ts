import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  applyToolbarBehavior,
  openPanelFromUserAction,
  POPUP_PAGE,
} from '../../../lib/background/side-panel';
import { saveSettings } from '../../../lib/settings';
import { TOGGLE_COMMAND } from '../../../lib/sidebar/shortcut';
import { storedDigest, testItem } from '../storage/stored-digest';
import { backgroundSetup, fromOurContentScript, fromOurPopup, OUR_TAB } from './background-setup';

function chromeApis() {
  return {
    sidePanel: { setPanelBehavior: vi.fn(async () => undefined), open: vi.fn(async () => undefined) },
    toolbar: { setPopup: vi.fn(async () => undefined) },
  };
}

describe('the side panel’s ways in', () => {
  it('makes the toolbar button open the panel instead of the popup, and back', async () => {
    const apis = chromeApis();
    await applyToolbarBehavior(apis, true);
    expect(apis.sidePanel.setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: true });
    expect(apis.toolbar.setPopup).toHaveBeenLastCalledWith({ popup: '' });
    await applyToolbarBehavior(apis, false);
    expect(apis.sidePanel.setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: false });
    expect(apis.toolbar.setPopup).toHaveBeenLastCalledWith({ popup: POPUP_PAGE });
  });

  it('in Firefox, only takes the popup away (the click then toggles the sidebar)', async () => {
    const toolbar = { setPopup: vi.fn(async () => undefined) };
    const sidebarAction = { open: vi.fn(async () => undefined), toggle: vi.fn(async () => undefined) };
    await applyToolbarBehavior({ toolbar, sidebarAction }, true);
    expect(toolbar.setPopup).toHaveBeenLastCalledWith({ popup: '' });
    await openPanelFromUserAction({ toolbar, sidebarAction }, undefined);
    expect(sidebarAction.toggle).toHaveBeenCalledOnce();
  });

  it('opens Chrome’s panel in the window of the user action, and says so where there is none', async () => {
    const apis = chromeApis();
    await openPanelFromUserAction(apis, 4);
    expect(apis.sidePanel.open).toHaveBeenCalledWith({ windowId: 4 });
    await expect(openPanelFromUserAction({ toolbar: apis.toolbar }, 4)).rejects.toThrow(/no side panel/);
  });
});

describe('the background, for the side panel', () => {
  const widget = testItem('tools', 1, ['https://github.com/acme/widget'], 'Widget 发布');
  const LOOKUP = { type: 'lookup', payload: { keys: ['gh:repo:acme/widget'], site: 'github' } };

  it('in panel mode answers the page “badge” (no card), still counting the badge and keeping 本页相关', async () => {
    const { background, store } = await backgroundSetup({ sidebarMode: 'panel' });
    await store.write(storedDigest('2026-11-28', { items: [widget] }));
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const reply = await background.route(LOOKUP, fromOurContentScript());
    expect(reply).toMatchObject({ ok: true, value: { mode: 'badge', total: 1 } });
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenCalledWith({ tabId: OUR_TAB, text: '1' }));
    const page = await background.route({ type: 'pageMatches', payload: { tabId: OUR_TAB } }, fromOurPopup);
    expect(page).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('tells open pages when a tab’s matches change and when the user switches tabs', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(storedDigest('2026-11-28', { items: [widget] }));
    const told = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    await background.route(LOOKUP, fromOurContentScript());
    await vi.waitFor(() => expect(told).toHaveBeenCalledWith({ type: 'pageMatchesChanged', tabId: OUR_TAB }));
    await fakeBrowser.tabs.onActivated.trigger({ tabId: OUR_TAB, windowId: 1 });
    await vi.waitFor(() => expect(told).toHaveBeenCalledWith({ type: 'activeTabChanged' }));
  });

  it('tells them again when the active tab has loaded (an extension page known as one only then), not for another tab', async () => {
    await backgroundSetup();
    const told = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const switched = () =>
      told.mock.calls.filter(([message]) => (message as { type?: string }).type === 'activeTabChanged');
    const tab = (active: boolean) =>
      ({ id: 9, windowId: 1, active }) as Parameters<typeof fakeBrowser.tabs.onUpdated.trigger>[2];
    await fakeBrowser.tabs.onUpdated.trigger(9, { status: 'complete' }, tab(false));
    await fakeBrowser.tabs.onUpdated.trigger(9, { status: 'loading' }, tab(true));
    expect(switched()).toHaveLength(0);
    await fakeBrowser.tabs.onUpdated.trigger(9, { status: 'complete' }, tab(true));
    await vi.waitFor(() => expect(switched()).toHaveLength(1));
  });

  it('answers currentTab with the tab last switched to, never the asking page’s own tab', async () => {
    const { background } = await backgroundSetup();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 3, windowId: 1 });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 4, windowId: 1 });
    const panelInTab4 = {
      ...fromOurPopup,
      url: fromOurPopup.url.replace('popup', 'sidepanel'),
      tab: { id: 4 },
    };
    await vi.waitFor(async () =>
      expect(await background.route({ type: 'currentTab', payload: { windowId: 1 } }, panelInTab4)).toEqual({
        ok: true,
        value: { tabId: 3 },
      }),
    );
  });

  it('makes the toolbar button open the panel when the option is on, and the popup again when off', async () => {
    await backgroundSetup({ toolbarOpensPanel: true });
    expect(fakeBrowser.sidePanel.setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: true });
    expect(fakeBrowser.action.setPopup).toHaveBeenLastCalledWith({ popup: '' });
    await saveSettings({ toolbarOpensPanel: false });
    await vi.waitFor(() =>
      expect(fakeBrowser.action.setPopup).toHaveBeenLastCalledWith({ popup: POPUP_PAGE }),
    );
  });

  it('opens the panel with the card’s shortcut in panel mode, in the window it was pressed in', async () => {
    const open = vi.spyOn(fakeBrowser.sidePanel, 'open').mockResolvedValue(undefined);
    const { runCommand } = await backgroundSetup({ sidebarMode: 'panel' });
    runCommand(TOGGLE_COMMAND, { id: OUR_TAB, windowId: 2 } as { id: number });
    expect(open).toHaveBeenCalledWith({ windowId: 2 });
  });
});
