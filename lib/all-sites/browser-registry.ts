/**
 * The browser's side of `ScriptRegistry`. Chrome (MV3): `scripting.registerContentScripts`, kept across sessions by
 * the browser. Firefox (MV2): `contentScripts.register`, which lives as long as the background page that made it, so
 * the background registers again at each start (lib/all-sites/start-all-sites.ts). Both run a registered script on
 * new loads only: `reachOpenTabs` gives it to the tabs already open.
 */
import { browser } from 'wxt/browser';
import { executeFile } from '../background/page-ui-loader';
import { type ScriptScope, tabsToInject } from './open-tabs';
import {
  ALL_SITES_SCRIPT_ID,
  PAGE_SCRIPT_FILE,
  type PageScriptRegistration,
  type ScriptRegistry,
} from './registration';

interface FirefoxContentScripts {
  register(options: {
    matches: string[];
    excludeMatches: string[];
    js: { file: string }[];
    runAt: 'document_start';
    allFrames: boolean;
  }): Promise<{ unregister(): Promise<void> }>;
}

export function browserScriptRegistry(): ScriptRegistry {
  const firefox = (browser as unknown as { contentScripts?: FirefoxContentScripts }).contentScripts;
  return firefox ? firefoxRegistry(firefox) : chromeRegistry();
}

function chromeRegistry(): ScriptRegistry {
  return {
    async registered() {
      const [script] = await browser.scripting.getRegisteredContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
      if (!script) return undefined;
      return {
        id: script.id,
        matches: script.matches ?? [],
        excludeMatches: script.excludeMatches ?? [],
        js: script.js ?? [],
        runAt: 'document_start',
        allFrames: false,
      };
    },
    async register(registration) {
      await browser.scripting.registerContentScripts([{ ...registration, persistAcrossSessions: true }]);
    },
    async unregister() {
      await browser.scripting.unregisterContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
    },
  };
}

function firefoxRegistry(contentScripts: FirefoxContentScripts): ScriptRegistry {
  let current: { registration: PageScriptRegistration; unregister: () => Promise<void> } | undefined;
  return {
    async registered() {
      return current?.registration;
    },
    async register(registration) {
      const { matches, excludeMatches, js, runAt, allFrames } = registration;
      const handle = await contentScripts.register({
        matches,
        excludeMatches,
        js: js.map((file) => ({ file: `/${file}` })),
        runAt,
        allFrames,
      });
      current = { registration, unregister: () => handle.unregister() };
    },
    async unregister() {
      const registered = current;
      current = undefined;
      await registered?.unregister();
    },
  };
}

/**
 * Run the page script now in the top frame of each open tab `scope` covers (lib/all-sites/open-tabs.ts), as if the
 * page loaded after it was registered (or, for the served sites, after the install: lib/background/reach-on-install).
 * `tabs.query` needs no `tabs` permission, and the injection no more than the host access the scope's sites have. A tab the browser refuses (the Web Store, a page closed meanwhile) is skipped
 * silently; so is everything when the tabs can't be listed: they get the script at their next load, as before. The
 * tabs of `except` are known to run it already.
 */
export async function reachOpenTabs(scope: ScriptScope, except: readonly number[] = []): Promise<void> {
  try {
    const tabIds = tabsToInject(await browser.tabs.query({}), scope).filter(
      (tabId) => !except.includes(tabId),
    );
    await Promise.allSettled(
      tabIds.map((tabId) => executeFile({ tabId, frameId: 0 }, `/${PAGE_SCRIPT_FILE}` as const)),
    );
  } catch {
    // Nothing to reach: the registration stands all the same.
  }
}
