import '../../components/shared/theme.css';
import '../../components/options/options.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createAllSitesStore } from '../../components/all-sites/all-sites-store';
import { Options } from '../../components/options/Options';
import { createOptionsStore, downloadBlob } from '../../components/options/options-store';
import { backgroundClient } from '../../components/shared/client';
import { ALL_SITES_ORIGINS } from '../../lib/all-sites/registration';
import { releasesOnlyAllSites } from '../../lib/all-sites/release';
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
const allSites = createAllSitesStore({
  lang,
  requestAccess: () => browser.permissions.request({ origins: ALL_SITES_ORIGINS }),
  releaseAccess: () => browser.permissions.remove({ origins: ALL_SITES_ORIGINS }),
  releasesOnlyAllSites: releasesOnlyAllSites(browser),
  hasOrigin: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
  hasAccess: () => browser.permissions.contains({ origins: ALL_SITES_ORIGINS }),
  watchAccess: (listener) => {
    browser.permissions.onAdded.addListener(listener);
    browser.permissions.onRemoved.addListener(listener);
    return () => {
      browser.permissions.onAdded.removeListener(listener);
      browser.permissions.onRemoved.removeListener(listener);
    };
  },
});
render(<Options store={store} allSites={allSites} />, document.getElementById('app') as HTMLElement);
void store.start();
void allSites.start();
