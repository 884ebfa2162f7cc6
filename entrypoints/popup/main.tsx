import '../../components/shared/theme.css';
import '../../components/popup/popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import { createPopupStore } from '../../components/popup/popup-store';
import { backgroundClient } from '../../components/shared/client';
import { withEarlyAnswer } from '../../components/shared/early-answer';
import { createPanelOpener, type PanelOpenApis } from '../../components/sidepanel/open-panel';
import { uiLanguage } from '../../lib/i18n';
import { activeTabId } from '../../lib/ui/active-tab';

const lang = uiLanguage();
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
const store = createPopupStore({
  client: withEarlyAnswer(backgroundClient),
  lang,
  openUrl: (url) => void browser.tabs.create({ url }),
  activeTab: () =>
    activeTabId(location.search, () => browser.tabs.query({ active: true, currentWindow: true })),
});
// The side panel opens beside the page; the popup, having handed over, closes.
const openPanel = createPanelOpener(
  browser as unknown as PanelOpenApis,
  () => browser.windows.getCurrent(),
  () => window.close(),
);
// The day's digest is asked for before the first render: its round trip runs while the page draws its frame.
void store.start();
render(
  <Popup store={store} openOptions={() => void browser.runtime.openOptionsPage()} openPanel={openPanel} />,
  document.getElementById('app') as HTMLElement,
);
