/** The toolbar popup's reader, drawn into the page by the reader's script (entrypoints/reader). */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import { createPopupStore } from '../../components/popup/popup-store';
import { drawWhenAnswered, type EarlyClient } from '../../components/shared/early-answer';
import { onPageMessage } from '../../components/shared/page-messages';
import { readerInOwnWindow } from '../../components/shared/reader-window';
import { createPanelOpener, type PanelOpenApis } from '../../components/sidepanel/open-panel';
import type { UiLanguage } from '../../lib/i18n';
import { activeTabId } from '../../lib/ui/active-tab';

/** `client` has asked for the latest digest already (components/shared/early-answer). */
export function mountPopup(app: HTMLElement, early: EarlyClient, lang: UiLanguage): void {
  // Links open in the popup's own window, and a private window's reading is not kept (components/shared/reader-window).
  const { own: ownWindow, client } = readerInOwnWindow(early);
  const store = createPopupStore({
    client,
    lang,
    openUrl: (url) => void ownWindow.openTab(url),
    // Not shown read in a private window either (until the window is known, the client keeps the mark back).
    recordsReads: () => ownWindow.privateNow() !== true,
    activeTab: () =>
      activeTabId(location.search, () => browser.tabs.query({ active: true, currentWindow: true })),
  });
  // The side panel opens beside the page; the popup, having handed over, closes.
  const openPanel = createPanelOpener(
    browser as unknown as PanelOpenApis,
    () => browser.windows.getCurrent(),
    () => window.close(),
  );
  // The options page cleared the library or imported a file, or another reader (the side panel) or a visited page
  // read items, while the popup is open.
  onPageMessage(store.heard);
  void store.start();
  // A first screen drawn from the last open that the worker answers otherwise: read the newest again.
  client.whenDifferent(() => void store.newestChanged());
  drawWhenAnswered(store.firstAnswered, () =>
    render(
      <Popup
        store={store}
        openOptions={() => void browser.runtime.openOptionsPage()}
        openPanel={openPanel}
      />,
      app,
    ),
  );
}
