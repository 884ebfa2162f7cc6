import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { backgroundClient } from '../../components/shared/client';
import { withEarlyAnswer } from '../../components/shared/early-answer';
import { createPanelStore } from '../../components/sidepanel/panel-store';
import { SidePanel } from '../../components/sidepanel/SidePanel';
import { uiLanguage } from '../../lib/i18n';
import type { PageMessage } from '../../lib/protocol';

const lang = uiLanguage();
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
const store = createPanelStore({
  client: withEarlyAnswer(backgroundClient),
  lang,
  search: location.search,
  windowId: async () => (await browser.windows.getCurrent()).id,
  navigate: (tabId, url) =>
    tabId === undefined ? browser.tabs.create({ url }) : browser.tabs.update(tabId, { url }),
  onPageMessage: (listener) => {
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id) listener(message as PageMessage);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  },
});
// The day's digest is asked for before the first render. When the early script's answer is already here, the store
// takes it in the microtask queued first, and the page is drawn once, with its items (components/shared/early-answer).
void store.start();
queueMicrotask(() =>
  render(
    <SidePanel store={store} openOptions={() => void browser.runtime.openOptionsPage()} />,
    document.getElementById('app') as HTMLElement,
  ),
);
