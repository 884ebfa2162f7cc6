import '../../components/shared/theme.css';
import '../../components/popup/popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import { createPopupStore } from '../../components/popup/popup-store';
import { backgroundClient } from '../../components/shared/client';
import { uiLanguage } from '../../lib/i18n';
import { activeTabId } from '../../lib/ui/active-tab';

const lang = uiLanguage();
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
const store = createPopupStore({
  client: backgroundClient,
  lang,
  openUrl: (url) => void browser.tabs.create({ url }),
  activeTab: () =>
    activeTabId(location.search, () => browser.tabs.query({ active: true, currentWindow: true })),
});
render(
  <Popup store={store} openOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app') as HTMLElement,
);
void store.start();
