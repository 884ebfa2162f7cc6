import { defineConfig } from 'wxt';
import { devBrowserBinaries } from './lib/build/dev-browsers';
import { leanPageScript } from './lib/build/lean-page-script';
import { noEmptyPageScript } from './lib/build/no-empty-page-script';
import { zodWithoutEval } from './lib/build/zod-without-eval';

/** The publisher's hosts, fetched by the default sources. A user-added source asks for its host when added. */
const FEED_HOSTS = ['https://static.zou8944.com/*', 'https://raw.githubusercontent.com/*'];
/** The served sites: the page script runs on every page of these, and the card's UI may be injected there. */
const PAGE_SCRIPT_SITES = [
  'https://x.com/*',
  'https://twitter.com/*',
  'https://mobile.twitter.com/*',
  'https://mobile.x.com/*',
  'https://github.com/*',
  'https://huggingface.co/*',
];
/**
 * What a custom source may be granted, and what the all-sites option asks for (lib/all-sites): https sites only
 * (lib/ui/custom-source.ts refuses http).
 */
const ANY_HOST = ['https://*/*'];
/**
 * Test builds only: `WXT_GRANT_ALL_SITES=1` makes the all-sites access an install-time host permission, so end-to-end
 * tests reach the option's granted state without a prompt. The ordinary build asks for no broad access at install.
 */
const GRANT_ALL_SITES = process.env.WXT_GRANT_ALL_SITES === '1';

export default defineConfig({
  imports: false,
  publicDir: 'assets/public',
  // Lets parallel work build into separate folders (e.g. WXT_OUT_DIR=.output/mine); the default is .output.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  // No bundle holds the Function constructor: no CSP report in Firefox, no DANGEROUS_EVAL from web-ext lint.
  // The every-page script without WXT's logging wrapper (nothing to print in production): lib/build/lean-page-script.ts.
  // Pages without WXT's empty plugin script (lib/build/no-empty-page-script.ts).
  vite: () => ({ plugins: [zodWithoutEval(), leanPageScript(), noEmptyPageScript()] }),
  // `npm run dev` / `dev:firefox` open a browser with the extension loaded: Debian's when Chrome isn't installed.
  webExt: { binaries: devBrowserBinaries() },
  zip: {
    // The Firefox sources zip is for reviewers: the code, not the screenshots and test artifacts.
    excludeSources: ['assets/screenshots/**', 'tests/e2e/artifacts/**', 'tests/bench/tmp/**'],
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `scripting` loads the card's UI into a served-site tab after its lookup matched (lib/background/page-ui-loader):
    // it grants no site access of its own.
    permissions: ['storage', 'alarms', 'scripting'],
    // The served sites again: `scripting` injects only where the extension has host access (the content script's
    // matches do not count for it). The same sites, so the same install warning.
    host_permissions: [...FEED_HOSTS, ...PAGE_SCRIPT_SITES, ...(GRANT_ALL_SITES ? ANY_HOST : [])],
    // MV2 (Firefox) has no optional_host_permissions: there, hosts are optional permissions.
    ...(GRANT_ALL_SITES
      ? {}
      : manifestVersion === 3
        ? { optional_host_permissions: ANY_HOST }
        : { optional_permissions: ANY_HOST }),
    action: { default_title: '__MSG_extName__' },
    // The lean page script (entrypoints/page-script): an unlisted script, so no WXT content-script runtime is
    // bundled into what every page of these sites runs. The card's UI is injected only on a match.
    content_scripts: [
      { matches: PAGE_SCRIPT_SITES, js: ['page-script.js'], run_at: 'document_start', all_frames: false },
    ],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    // Chrome warns about keys it does not know: the gecko block goes to Firefox only.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'digest-lens@digest-lens.dev',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
