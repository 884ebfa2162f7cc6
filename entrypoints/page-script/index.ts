import '../../components/sidebar/sidebar.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { siteOf } from '../../lib/links';
import { startSidebar } from './sidebar-controller';

export default defineContentScript({
  matches: [
    'https://x.com/*',
    'https://twitter.com/*',
    'https://mobile.twitter.com/*',
    'https://mobile.x.com/*',
    'https://github.com/*',
    'https://huggingface.co/*',
  ],
  allFrames: false,
  // Start the lookup while the page loads; the panel is mounted once the body exists.
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  // WXT otherwise announces every start with window.postMessage, which the page's own listeners receive
  // (with the extension's id) on every page, matched or not. Its event on `document` still stops an older copy.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startSidebar(ctx, siteOf(location.href));
  },
});
