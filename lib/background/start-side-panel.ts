/**
 * The side panel's wiring in the background: which tab it follows (tab switches, closed tabs), telling it when that
 * tab's matches change, what the toolbar button opens, and the shortcut in panel mode. Listeners are registered
 * synchronously, like the rest of the worker's (start-background.ts).
 */
import { browser } from 'wxt/browser';
import type { PageMessage } from '../protocol';
import type { Settings } from '../schema';
import { createCurrentTab, type TabActivation } from './current-tab';
import { applyToolbarBehavior, openPanelFromUserAction, type PanelApis, tellPages } from './side-panel';

export function startSidePanel(settings: Promise<Settings>) {
  /** The settings once read, for listeners that must act before their first await (opening the panel). */
  let known: Settings | undefined;
  const apis = sidePanelApis();
  const tell = (message: PageMessage) => tellPages((sent) => browser.runtime.sendMessage(sent), message);
  const currentTab = createCurrentTab({
    area: browser.storage.session,
    extensionTabs: extensionPageTabs,
    activeTabOf,
  });

  browser.tabs.onRemoved.addListener((tabId) => void currentTab.forget(tabId));
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    void currentTab.activated({ tabId, windowId }).then(() => tell({ type: 'activeTabChanged' }));
  });
  // An active tab has loaded: said again, because a tab opened on one of this extension's pages (the options page,
  // from the panel's ⚙) is not yet known as one when it is switched to (Firefox), and the panel then followed it, an
  // empty 本页相关, instead of the web page before it (Firefox QA, 2026-12-01).
  browser.tabs.onUpdated.addListener((_, change, tab) => {
    if (change.status === 'complete' && tab.active) tell({ type: 'activeTabChanged' });
  });
  // Firefox: with the toolbar set to open the panel there is no popup, so the click arrives here.
  if (apis.sidebarAction)
    browser.browserAction.onClicked.addListener(() => {
      openPanelFromUserAction(apis, undefined).catch(warn);
    });

  const started = settings
    .then((loaded) => {
      known ??= loaded;
      return applyToolbarBehavior(apis, loaded.toolbarOpensPanel);
    })
    .catch(warn);

  return {
    currentTab,
    started,
    /** A tab's page matches changed (tab-matches.ts): the panel following it reads them again. */
    pageMatchesChanged(tabId: number): void {
      tell({ type: 'pageMatchesChanged', tabId });
    },
    /** The library was cleared or imported: an open reader (the panel, the popup) reads it again. */
    libraryReplaced(): void {
      tell({ type: 'libraryReplaced' });
    },
    /** The archive import stored days: an open reader lists its days again, staying on the one it shows. */
    digestsAdded(): void {
      tell({ type: 'digestsAdded' });
    },
    /** Some item became read: every open reader asks its days again, whichever reader or page read it. */
    readStateChanged(): void {
      tell({ type: 'readStateChanged' });
    },
    /**
     * The card's shortcut was pressed: in panel mode it opens the panel, at once, while the key press still counts
     * as a user action. Says whether it did (otherwise the card toggles as before).
     */
    openOnShortcut(tab: { windowId?: number }): boolean {
      if (known?.sidebarMode !== 'panel') return false;
      openPanelFromUserAction(apis, tab.windowId).catch(warn);
      return true;
    },
    settingsChanged(changed: Settings): void {
      const opensPanelBefore = known?.toolbarOpensPanel;
      known = changed;
      if (changed.toolbarOpensPanel !== opensPanelBefore)
        applyToolbarBehavior(apis, changed.toolbarOpensPanel).catch(warn);
    },
  };
}

/** Chrome's `sidePanel` and `action`, or Firefox's `sidebarAction` and MV2's `browserAction`. */
function sidePanelApis(): PanelApis {
  const apis = browser as unknown as {
    sidePanel?: PanelApis['sidePanel'];
    sidebarAction?: PanelApis['sidebarAction'];
  };
  return import.meta.env.FIREFOX
    ? { sidebarAction: apis.sidebarAction, toolbar: browser.browserAction }
    : { sidePanel: apis.sidePanel, toolbar: browser.action };
}

function warn(error: unknown): void {
  console.warn('[digest-lens] side panel', error);
}

/** Tabs showing this extension's own pages (Chrome 116+, Firefox 127+); empty where the browser cannot say. */
async function extensionPageTabs(): Promise<ReadonlySet<number>> {
  const runtime = browser.runtime as {
    getContexts?: (filter: { contextTypes: string[] }) => Promise<{ tabId: number }[]>;
  };
  if (typeof runtime.getContexts !== 'function') return new Set();
  try {
    const contexts = await runtime.getContexts({ contextTypes: ['TAB'] });
    return new Set(contexts.map((context) => context.tabId).filter((tabId) => tabId >= 0));
  } catch {
    return new Set();
  }
}

/** A window's active tab, its ids only (`tabs.query` needs no permission for that). */
async function activeTabOf(windowId: number | undefined): Promise<TabActivation | undefined> {
  const [tab] = await browser.tabs.query(
    windowId === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId },
  );
  return tab?.id === undefined ? undefined : { tabId: tab.id, windowId: tab.windowId ?? -1 };
}
