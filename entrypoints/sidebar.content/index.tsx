import { defineContentScript } from 'wxt/utils/define-content-script';

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
  cssInjectionMode: 'ui',
  main() {
    // Filled in by the sidebar issue.
  },
});
