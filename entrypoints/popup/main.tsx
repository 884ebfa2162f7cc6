import './style.css';
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
// The day's digest is asked for before the first render. When the early script's answer is already here, the store
// takes it in the microtask queued first, and the page is drawn once, with its items (components/shared/early-answer).
void store.start();
queueMicrotask(() =>
  render(
    <Popup store={store} openOptions={() => void browser.runtime.openOptionsPage()} openPanel={openPanel} />,
    document.getElementById('app') as HTMLElement,
  ),
);
