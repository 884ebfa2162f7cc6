/**
 * The side panel's state: the popup's reader (popup-store.ts), following the tab. The tab is the one the user is on
 * in the panel's window, as the background learnt it (`currentTab`: ids only, no `tabs` permission); the panel reads
 * its 本页相关 again when the background says the user switched tabs or that tab's page matches changed (a lookup
 * after a load or an in-app navigation). An item's link opens in that tab, so the panel stays beside it.
 */
import type { UiLanguage } from '../../lib/i18n';
import type { PageMessage } from '../../lib/protocol';
import { activeTabId } from '../../lib/ui/active-tab';
import { createPopupStore, type PopupDeps } from '../popup/popup-store';
import type { BackgroundClient } from '../shared/client';

export interface PanelDeps {
  client: BackgroundClient;
  lang: UiLanguage;
  /** `location.search`: `?tab=<id>` names the tab instead (the same test hook as the popup's, lib/ui/active-tab). */
  search: string;
  /** The panel's window (`windows.getCurrent`). */
  windowId: () => Promise<number | undefined>;
  /** Open `url` in the tab (`tabs.update`), or in a new tab when there is none. */
  navigate: (tabId: number | undefined, url: string) => Promise<unknown>;
  /** Listen to the background's messages to pages; returns the function that stops listening. */
  onPageMessage: (listener: (message: PageMessage) => void) => () => void;
  now?: () => number;
  /** When the first items are painted (the popup's reader asks for the rest then; after-paint.ts by default). */
  afterFirstPaint?: PopupDeps['afterFirstPaint'];
  recordsReads?: PopupDeps['recordsReads'];
}

export type PanelStore = ReturnType<typeof createPanelStore>;

export function createPanelStore(deps: PanelDeps) {
  /** The tab last followed: a change of another tab's matches needs no new reading. */
  let followed: number | undefined;
  const currentTab = async () => {
    followed = await activeTabId(deps.search, async () => {
      const { tabId } = await deps.client('currentTab', { windowId: await deps.windowId() });
      return tabId === null ? [] : [{ id: tabId }];
    });
    return followed;
  };
  const reader = createPopupStore({
    client: deps.client,
    lang: deps.lang,
    now: deps.now,
    afterFirstPaint: deps.afterFirstPaint,
    recordsReads: deps.recordsReads,
    activeTab: currentTab,
    openUrl: (url) => {
      void currentTab()
        .then((tabId) => deps.navigate(tabId, url))
        .catch((error: unknown) => console.warn('[digest-lens] could not open the link', error));
    },
  });
  let stopListening: (() => void) | undefined;

  return {
    ...reader,
    async start(): Promise<void> {
      stopListening = deps.onPageMessage((message) => {
        if (message.type === 'activeTabChanged') void reader.refreshPageMatches();
        else if (message.type === 'pageMatchesChanged') {
          if (message.tabId === followed) void reader.refreshPageMatches();
        } else reader.heard(message);
      });
      await reader.start();
    },
    dispose(): void {
      stopListening?.();
      reader.dispose();
    },
  };
}
