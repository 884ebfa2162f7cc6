/**
 * The browser's side of `ScriptRegistry`. Chrome (MV3): `scripting.registerContentScripts`, kept across sessions by
 * the browser. Firefox (MV2): `contentScripts.register`, which lives as long as the background page that made it, so
 * the background registers again at each start (lib/all-sites/start-all-sites.ts).
 */
import { browser } from 'wxt/browser';
import { ALL_SITES_SCRIPT_ID, type PageScriptRegistration, type ScriptRegistry } from './registration';

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
