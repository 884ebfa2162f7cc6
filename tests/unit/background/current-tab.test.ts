import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type CurrentTabDeps, createCurrentTab, RECENT_TABS_KEY } from '../../../lib/background/current-tab';

const WINDOW = 1;
const OTHER_WINDOW = 2;

function tracker(overrides: Partial<CurrentTabDeps> = {}) {
  return createCurrentTab({
    area: fakeBrowser.storage.session,
    extensionTabs: async () => new Set(),
    activeTabOf: async () => undefined,
    ...overrides,
  });
}

describe('current tab: which web page the side panel follows', () => {
  it('is the tab last switched to in the panel’s window', async () => {
    const tabs = tracker();
    await tabs.activated({ tabId: 10, windowId: WINDOW });
    await tabs.activated({ tabId: 20, windowId: OTHER_WINDOW });
    await tabs.activated({ tabId: 11, windowId: WINDOW });
    expect(await tabs.current(WINDOW, undefined)).toBe(11);
    expect(await tabs.current(OTHER_WINDOW, undefined)).toBe(20);
    expect(await tabs.current(undefined, undefined)).toBe(11);
  });

  it('skips the asking page’s own tab and tabs showing the extension’s pages', async () => {
    const tabs = tracker({ extensionTabs: async () => new Set([12]) });
    await tabs.activated({ tabId: 10, windowId: WINDOW });
    await tabs.activated({ tabId: 12, windowId: WINDOW });
    await tabs.activated({ tabId: 13, windowId: WINDOW });
    expect(await tabs.current(WINDOW, 13)).toBe(10);
  });

  it('forgets a closed tab, then follows the one before it', async () => {
    const tabs = tracker();
    await tabs.activated({ tabId: 10, windowId: WINDOW });
    await tabs.activated({ tabId: 11, windowId: WINDOW });
    await tabs.forget(11);
    expect(await tabs.current(WINDOW, undefined)).toBe(10);
  });

  it('asks the browser for the window’s active tab when no switch was seen', async () => {
    const tabs = tracker({ activeTabOf: async (windowId) => ({ tabId: 30, windowId: windowId ?? WINDOW }) });
    expect(await tabs.current(WINDOW, undefined)).toBe(30);
    expect(await tabs.current(WINDOW, 30)).toBeUndefined();
  });

  it('survives a worker restart (storage.session), and drops what it did not write', async () => {
    await tracker().activated({ tabId: 10, windowId: WINDOW });
    expect(await tracker().current(WINDOW, undefined)).toBe(10);

    await fakeBrowser.storage.session.set({ [RECENT_TABS_KEY]: [{ tabId: 'evil' }] });
    expect(await tracker().current(WINDOW, undefined)).toBeUndefined();
  });
});
