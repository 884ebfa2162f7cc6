// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPanelStore, type PanelStore } from '../../../components/sidepanel/panel-store';
import { SidePanel } from '../../../components/sidepanel/SidePanel';
import type { PageMessage } from '../../../lib/protocol';
import type { Match, SyncStatus } from '../../../lib/schema';
import { until } from '../popup/popup-test-kit';
import { type FakeClient, fakeClient, item, storedDigest, syncStatus } from '../ui/fake-client';
import { interact, type Mounted, mount, press } from '../ui/render';

const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);
const TODAY = storedDigest('2026-01-10');
const WINDOW = 5;

function match(rank: number, title: string): Match {
  return {
    date: '2026-01-08',
    issueUrl: null,
    item: item('tools', rank, { title, links: [`https://github.com/lens-org/tool-${rank}`] }),
    alsoIn: 0,
    story: `gh:repo:lens-org/tool-${rank}`,
  };
}

interface PanelKit extends Mounted {
  store: PanelStore;
  fake: FakeClient;
  navigate: ReturnType<typeof vi.fn>;
  /** What the background says to open pages. */
  tell: (message: PageMessage) => void;
  /** Which tab the background says the user is on, and each tab's matches. */
  tabs: { current: number | null; matches: Map<number, Match[]> };
}

let kit: PanelKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

/** The clock and the background's sync answers, when a test says (NOW and a sync that went well by default). */
interface PanelOptions {
  now?: () => number;
  status?: () => SyncStatus;
  syncNow?: () => SyncStatus;
}

async function mountPanel(search = '', options: PanelOptions = {}): Promise<PanelKit> {
  const tabs: PanelKit['tabs'] = { current: 3, matches: new Map([[3, [match(4, 'Page Tool')]]]) };
  const fake = fakeClient({
    latestDigest: () => ({ digest: TODAY }),
    status: options.status ?? (() => syncStatus({ lastSyncAt: NOW, digestCount: 1, newestDate: TODAY.date })),
    ...(options.syncNow && { syncNow: options.syncNow }),
    listDigests: () => ({ digests: [{ date: TODAY.date, news: 10, tools: 10 }] }),
    digest: () => ({ digest: TODAY }),
    search: () => ({ hits: [], total: 0 }),
    readState: () => ({ days: [] }),
    markRead: ({ items }) => ({ marked: items.length }),
    currentTab: ({ windowId }) => ({ tabId: windowId === WINDOW ? tabs.current : null }),
    pageMatches: ({ tabId }) => {
      const matches = tabs.matches.get(tabId) ?? [];
      return { matches, total: matches.length };
    },
  });
  let listener: ((message: PageMessage) => void) | undefined;
  const navigate = vi.fn(async () => undefined);
  const store = createPanelStore({
    client: fake.client,
    lang: 'zh',
    now: options.now ?? (() => NOW),
    search,
    windowId: async () => WINDOW,
    navigate,
    onPageMessage: (listen) => {
      listener = listen;
      return () => {
        listener = undefined;
      };
    },
  });
  const mounted = await mount(<SidePanel store={store} />);
  await store.start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const tell = (message: PageMessage) => listener?.(message);
  return { ...mounted, store, fake, navigate, tell, tabs };
}

const pageTitles = () =>
  [...document.querySelectorAll('section.page-matches .item-title')].map((title) => title.textContent);
const firstDigestLink = () => document.querySelector<HTMLAnchorElement>('.digest .item-title a');

describe('the side panel follows the tab', () => {
  it('lists the day’s items, and the current tab’s items first under 本页相关', async () => {
    kit = await mountPanel();
    expect(kit.container.querySelector('.popup.panel')).not.toBeNull();
    expect(document.querySelectorAll('.digest .item')).toHaveLength(10);
    expect(pageTitles()).toEqual(['Page Tool']);
    expect(kit.fake.calls.find((call) => call.type === 'currentTab')?.payload).toEqual({ windowId: WINDOW });
  });

  it('reads them again when the user switches tabs, and clears them on a tab without matches', async () => {
    kit = await mountPanel();
    kit.tabs.current = 9;
    kit.tabs.matches.set(9, [match(2, 'Other Tool')]);
    kit.tell({ type: 'activeTabChanged' });
    await until(() => expect(pageTitles()).toEqual(['Other Tool']));
    kit.tabs.current = 10;
    kit.tell({ type: 'activeTabChanged' });
    await until(() => expect(document.querySelector('section.page-matches')).toBeNull());
  });

  it('reads them again when the followed tab’s matches change (a load, an in-app navigation), not another tab’s', async () => {
    const panel = await mountPanel();
    kit = panel;
    const asked = () => panel.fake.calls.filter((call) => call.type === 'pageMatches').length;
    const before = asked();
    panel.tell({ type: 'pageMatchesChanged', tabId: 99 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked()).toBe(before);
    panel.tabs.matches.set(3, [match(7, 'Navigated Tool'), match(4, 'Page Tool')]);
    panel.tell({ type: 'pageMatchesChanged', tabId: 3 });
    await until(() => expect(pageTitles()).toEqual(['Navigated Tool', 'Page Tool']));
  });

  it('shows what another reader read when the background says so, the tab’s items and the shown tab kept', async () => {
    const panel = await mountPanel();
    kit = panel;
    await interact(() => panel.store.setSection('tools'));
    const pageAsked = () => panel.fake.calls.filter((call) => call.type === 'pageMatches').length;
    const before = pageAsked();
    // The popup marked the day's tools read.
    const tools = TODAY.items.filter((each) => each.section === 'tools');
    panel.fake.handlers.readState = () => ({
      days: [
        {
          date: TODAY.date,
          total: 20,
          unread: 10,
          read: tools.map(({ section, rank }) => ({ section, rank })),
          sections: { news: { total: 10, unread: 10 }, tools: { total: 10, unread: 0 } },
        },
      ],
    });
    panel.tell({ type: 'readStateChanged' });
    await until(() => expect(document.querySelectorAll('.digest .item[data-read]')).toHaveLength(10));
    expect(document.querySelector('.day-read-bar .unread-count')?.textContent?.trim()).toBe('全部已读');
    expect(panel.store.section.value).toBe('tools');
    expect(pageTitles()).toEqual(['Page Tool']);
    expect(pageAsked()).toBe(before);
  });

  it('opens a clicked link in the followed tab; a click with a modifier key is left to the browser', async () => {
    kit = await mountPanel();
    const link = firstDigestLink();
    if (!link) throw new Error('no link');
    const plain = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    await interact(() => link.dispatchEvent(plain));
    expect(plain.defaultPrevented).toBe(true);
    expect(kit.navigate).toHaveBeenCalledWith(3, link.href);

    kit.navigate.mockClear();
    const withCtrl = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true });
    link.addEventListener('click', (event) => event.preventDefault(), { once: true });
    await interact(() => link.dispatchEvent(withCtrl));
    expect(kit.navigate).not.toHaveBeenCalled();
  });

  it('opens the row’s link in the followed tab on Enter, and in a new tab when there is none', async () => {
    kit = await mountPanel();
    const row = document.querySelector<HTMLElement>('.digest .item');
    if (!row) throw new Error('no row');
    await interact(() => press(row, 'Enter'));
    await until(() => expect(kit?.navigate).toHaveBeenCalledWith(3, 'https://github.com/fixture/news-1'));
    kit.tabs.current = null;
    await interact(() => press(row, 'Enter'));
    await until(() =>
      expect(kit?.navigate).toHaveBeenLastCalledWith(undefined, 'https://github.com/fixture/news-1'),
    );
  });

  it('has the popup’s keys: `/` searches, arrows step through the items', async () => {
    kit = await mountPanel();
    await interact(() => press(document.body, '/'));
    expect(document.activeElement?.className).toContain('search');
    await interact(() => press(document.activeElement as Element, 'ArrowDown'));
    const first = document.activeElement as HTMLElement;
    expect(first.closest('section.page-matches')).not.toBeNull();
    await interact(() => press(first, 'ArrowDown'));
    expect((document.activeElement as HTMLElement).closest('.digest')).not.toBeNull();
  });

  it('steps from the tabs to the nearest row: down into the day’s list, up to 本页相关 above, not round the list', async () => {
    kit = await mountPanel();
    const tab = document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]') as HTMLElement;
    tab.focus();
    press(tab, 'ArrowDown');
    expect(document.activeElement).toBe(document.querySelector('.digest .item'));
    tab.focus();
    press(tab, 'ArrowUp');
    expect(document.activeElement).toBe(document.querySelector('section.page-matches .item'));
  });

  it('follows the tab named by ?tab=<id> (the test hook the popup has)', async () => {
    kit = await mountPanel('?tab=12');
    expect(kit.fake.calls.filter((call) => call.type === 'pageMatches').map((call) => call.payload)).toEqual([
      { tabId: 12 },
    ]);
  });
});

describe('the side panel left docked', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'onLine');
    vi.useRealTimers();
  });
  const syncs = (panel: PanelKit) => panel.fake.calls.filter((call) => call.type === 'syncNow').length;

  it('tries the failed sync again when the panel page hears the browser come back online (the worker, stopped, does not)', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    const offline = syncStatus({
      lastSyncAt: NOW,
      digestCount: 1,
      newestDate: TODAY.date,
      sources: [
        {
          sourceId: 'ainews',
          lastAttemptAt: NOW,
          lastSuccessAt: NOW - 3_600_000,
          lastError: '离线：未连接网络',
          counts: { stored: 0, unchanged: 0, notFound: 0, failed: 1 },
        },
      ],
    });
    let current = offline;
    kit = await mountPanel('', {
      now: () => Date.now(),
      status: () => current,
      syncNow: () => {
        current = syncStatus({ lastSyncAt: Date.now(), digestCount: 1, newestDate: TODAY.date });
        return current;
      },
    });
    await vi.advanceTimersByTimeAsync(75_000);
    expect(syncs(kit)).toBe(0);
    Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    await interact(() => window.dispatchEvent(new Event('online')));
    await until(() => expect(syncs(kit as PanelKit)).toBe(1));
    await until(() => expect(document.querySelector('.status-text')?.textContent).not.toContain('离线'));
  });

  it('says 昨天 of the day before once shown again after the computer slept past midnight', async () => {
    // 23:50 in Shanghai; the panel's day-turn timer does not run while asleep.
    const evening = Date.UTC(2026, 0, 10, 15, 50);
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: evening });
    kit = await mountPanel('', { now: () => Date.now() });
    const label = () => document.querySelector('.digest .date-label')?.textContent;
    expect(label()).toBe('今天 · 周六');
    vi.setSystemTime(Date.UTC(2026, 0, 10, 23, 30));
    await interact(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(label()).toBe('昨天 · 周六');
  });
});
