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
  main(ctx) {
    startSidebar(ctx, siteOf(location.href));
  },
});
