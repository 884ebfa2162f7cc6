/**
 * The background's all-sites wiring: at each start, whenever the settings change and whenever the browser grants or
 * removes host access (the user can take it back in the browser at any time), the registration is brought in line,
 * and a new registration reaches the tabs already open. One change at a time, so two quick events never register twice.
 */
import { browser } from 'wxt/browser';
import type { Settings } from '../schema';
import { watchSettings } from '../settings';
import { browserScriptRegistry, reachOpenTabs } from './browser-registry';
import {
  ALL_SITES_ORIGINS,
  type AllSitesState,
  applyAllSites,
  type PageScriptRegistration,
  type ScriptRegistry,
} from './registration';

export interface AllSitesDeps {
  settings: () => Promise<Settings>;
  registry?: ScriptRegistry;
  hasAccess?: () => Promise<boolean>;
  /** The served sites' content-script matches (from the manifest when absent). */
  servedMatches?: readonly string[];
  /** Give the page script to the tabs already open that a new registration covers (the browser's when absent). */
  reachOpenTabs?: (registration: PageScriptRegistration) => Promise<void>;
}

export function hasAllSitesAccess(): Promise<boolean> {
  return browser.permissions.contains({ origins: ALL_SITES_ORIGINS });
}

export function startAllSites(deps: AllSitesDeps): { applied: () => Promise<AllSitesState> } {
  const registry = reachingOpenTabs(
    deps.registry ?? browserScriptRegistry(),
    deps.reachOpenTabs ?? reachOpenTabs,
  );
  const hasAccess = deps.hasAccess ?? hasAllSitesAccess;
  const servedMatches =
    deps.servedMatches ??
    (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);
  let last: Promise<AllSitesState> = Promise.resolve('off');
  /** `next`: the settings just saved (the background's own copy may not have caught up yet). */
  const apply = (next?: Settings) => {
    last = last
      .catch(() => 'off' as const)
      .then(async () => {
        const { allSites } = next ?? (await deps.settings());
        return applyAllSites(allSites, await hasAccess(), servedMatches, registry);
      });
    last.catch((error: unknown) => console.error('[digest-lens] all-sites registration failed', error));
    return last;
  };
  browser.permissions.onAdded.addListener(() => void apply());
  browser.permissions.onRemoved.addListener(() => void apply());
  watchSettings((settings) => void apply(settings));
  void apply();
  return { applied: () => last };
}

/**
 * Each registration (the access granted or granted again, the option ticked, the exclusions changed, Firefox's
 * background started) also reaches the tabs already open: a user who ticks the option and goes back to the article
 * they were reading sees its card without reloading it (QA, 2026-12-02).
 */
function reachingOpenTabs(
  registry: ScriptRegistry,
  reach: (registration: PageScriptRegistration) => Promise<void>,
): ScriptRegistry {
  return {
    registered: () => registry.registered(),
    unregister: () => registry.unregister(),
    async register(registration) {
      await registry.register(registration);
      await reach(registration);
    },
  };
}
