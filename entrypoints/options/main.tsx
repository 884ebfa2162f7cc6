import '../../components/shared/theme.css';
import '../../components/options/options.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '../../components/options/Options';
import { createOptionsStore, downloadBlob } from '../../components/options/options-store';
import { backgroundClient } from '../../components/shared/client';
import { uiLanguage } from '../../lib/i18n';

const lang = uiLanguage();
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
const store = createOptionsStore({
  client: backgroundClient,
  lang,
  requestPermission: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
  hasPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
  download: downloadBlob,
});
render(<Options store={store} />, document.getElementById('app') as HTMLElement);
void store.start();
