/**
 * Chrome runs a manifest content script on the pages loaded after the install only: a new user going back to the
 * tweet, repository or model page they had open saw no card and no marks until they reloaded it (Firefox injects
 * them into the matching open tabs itself); after an update or a reload the same tabs kept the old version's dead
 * card and marks. So, once installed or updated, the tabs open on the served sites get the page script as the
 * all-sites grant gives it to its own (lib/all-sites/browser-registry.ts), planned from the manifest's content
 * scripts. The all-sites registration excludes the served sites: no tab is reached by both. Its own tabs need nothing
 * here after an update: Chromium 156 drops the registration then, and the background, registering it anew at its
 * start, reaches them (lib/all-sites/start-all-sites.ts; seen in tests/e2e/update).
 */
import { browser } from 'wxt/browser';
import { reachOpenTabs } from '../all-sites/browser-registry';
import type { ScriptScope } from '../all-sites/open-tabs';
import { PAGE_SCRIPT_FILE } from '../all-sites/registration';

type Manifest = ReturnType<typeof browser.runtime.getManifest>;

/**
 * When the open tabs get the page script, by `runtime.onInstalled`'s reason. A first install waits for the first sync
 * (before it the library is empty). An update (a new version, or Chrome's reload of an unpacked folder, which it also
 * reports as `update`: seen in the e2e test) leaves the old version's copies orphaned in the open tabs, their card and
 * marks dead: the new copy goes at once, the library being there already, and the orphan goes as it starts
 * (entrypoints/page-script/lifetime.ts). Never after the browser's own update (its tabs loaded with the script) nor in
 * Firefox, which runs the manifest's content scripts in the open tabs itself, at an install and an update.
 */
export function reachOpenTabsWhen(
  reason: string,
  firefox = import.meta.env.FIREFOX,
): 'after the first sync' | 'now' | 'never' {
  if (firefox) return 'never';
  if (reason === 'install') return 'after the first sync';
  return reason === 'update' ? 'now' : 'never';
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
