/**
 * Chrome runs a manifest content script on the pages loaded after the install only: a new user going back to the
 * tweet, repository or model page they had open saw no card and no marks until they reloaded it (Firefox injects
 * them into the matching open tabs itself). So, once installed, the tabs open on the served sites get the page script
 * as the all-sites grant gives it to its own (lib/all-sites/browser-registry.ts), planned from the manifest's
 * content scripts. The all-sites registration excludes the served sites: no tab is reached by both.
 */
import { browser } from 'wxt/browser';
import { reachOpenTabs } from '../all-sites/browser-registry';
import type { ScriptScope } from '../all-sites/open-tabs';
import { PAGE_SCRIPT_FILE } from '../all-sites/registration';

type Manifest = ReturnType<typeof browser.runtime.getManifest>;

/**
 * Only a first install. An update (or the browser's own) leaves the old version's copies orphaned in the open tabs,
 * with the old card UI chunk still registered in their isolated world; whether a new copy beside them behaves can't be
 * tested here (no e2e updates an installed extension), so those tabs wait for their next load, as before. Not in
 * Firefox, which has already run the manifest's content scripts in them.
 */
export function reachesOpenTabsOn(reason: string, firefox = import.meta.env.FIREFOX): boolean {
  return reason === 'install' && !firefox;
}

/** Where the manifest runs the page script: the served sites. */
export function servedScopes(manifest: Manifest): ScriptScope[] {
  return (manifest.content_scripts ?? []).flatMap(({ matches, exclude_matches, js }) =>
    matches && js?.includes(PAGE_SCRIPT_FILE) ? [{ matches, excludeMatches: exclude_matches ?? [] }] : [],
  );
}

/**
 * Give the page script to the tabs open on the served sites but those of `running` (their page looked up: the script
 * runs there); one that can't be reached gets it at its next load.
 */
export async function reachServedTabs(running: readonly number[] = []): Promise<void> {
  try {
    for (const scope of servedScopes(browser.runtime.getManifest())) await reachOpenTabs(scope, running);
  } catch (error) {
    console.warn('[digest-lens] could not reach the tabs open at install', error);
  }
}
