/**
 * The popup's and side panel's reader in one classic script, loaded `async` by both pages (issue 13: the first item
 * painted < 100 ms). Traced in Chromium 156 on 2026-12-01: the module scripts Vite made of each page (an entry and
 * two shared chunks, five requests with the stylesheet and an early-question script) ran only once the page's HTML had
 * finished loading and the stylesheet was in, which an extension page's loader took 30–60 ms to report under load; an
 * async script runs as soon as it has arrived. It asks for the latest digest before anything else.
 */

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { backgroundClient } from '../../components/shared/client';
import { askEarly } from '../../components/shared/early-answer';
import { pageStorage } from '../../components/shared/first-screen';
import { uiLanguage } from '../../lib/i18n';
import { mountPopup } from '../popup/mount';
import { mountSidePanel } from '../sidepanel/mount';

export default defineUnlistedScript(() => {
  const client = askEarly(backgroundClient, { kept: pageStorage(), now: Date.now() });
  const mount = () => {
    const app = document.getElementById('app') as HTMLElement;
    const lang = uiLanguage();
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    if (app.dataset.reader === 'panel') mountSidePanel(app, client, lang);
    else mountPopup(app, client, lang);
  };
  // An async script may run before the parser has reached the page's body.
  if (document.getElementById('app')) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
});
