/** The side panel's reader, drawn into the page by the reader's script (entrypoints/reader). */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { drawWhenAnswered, type EarlyClient } from '../../components/shared/early-answer';
import { onPageMessage } from '../../components/shared/page-messages';
import { readerInOwnWindow } from '../../components/shared/reader-window';
import { createPanelStore } from '../../components/sidepanel/panel-store';
import { SidePanel } from '../../components/sidepanel/SidePanel';
import type { UiLanguage } from '../../lib/i18n';

/** `client` has asked for the latest digest already (components/shared/early-answer). */
export function mountSidePanel(app: HTMLElement, early: EarlyClient, lang: UiLanguage): void {
  // The panel's window: the tab it follows, links opened in it, a private window's reading not kept
  // (components/shared/reader-window).
  const { own: ownWindow, client } = readerInOwnWindow(early);
  const store = createPanelStore({
    client,
    lang,
    search: location.search,
    windowId: ownWindow.id,
    // Not shown read in a private window either (until the window is known, the client keeps the mark back).
    recordsReads: () => ownWindow.privateNow() !== true,
    navigate: (tabId, url) =>
      tabId === undefined ? ownWindow.openTab(url) : browser.tabs.update(tabId, { url }),
    onPageMessage,
  });
  void store.start();
  // A first screen drawn from the last open that the worker answers otherwise: read the newest again.
  client.whenDifferent(() => void store.newestChanged());
  drawWhenAnswered(store.firstAnswered, () =>
    render(<SidePanel store={store} openOptions={() => void browser.runtime.openOptionsPage()} />, app),
  );
}
