/**
 * The page script on every https site, once the user allowed it: what is registered, and bringing the browser's
 * registration in line with the setting and the granted access. The browser's own API is behind `ScriptRegistry`
 * (lib/all-sites/browser-registry.ts), so this runs in unit tests as it does in Chrome and Firefox.
 */
import type { Settings } from '../schema';

/** The optional host access the option asks for (declared in wxt.config.ts): https pages only. */
export const ALL_SITES_ORIGINS = ['https://*/*'];
export const ALL_SITES_SCRIPT_ID = 'digest-lens-all-sites';
/** The lean page script as WXT writes it (entrypoints/page-script, an unlisted script). */
export const PAGE_SCRIPT_FILE = 'page-script.js';

export interface PageScriptRegistration {
  id: string;
  matches: string[];
  excludeMatches: string[];
  js: string[];
  runAt: 'document_start';
  allFrames: false;
}

export interface ScriptRegistry {
  /** What is registered now under `ALL_SITES_SCRIPT_ID`, if anything. */
  registered(): Promise<PageScriptRegistration | undefined>;
  register(registration: PageScriptRegistration): Promise<void>;
  unregister(): Promise<void>;
}

/** `on`: registered; `off`: not asked for; `noAccess`: asked for, but the browser has not granted all-sites access. */
export type AllSitesState = 'on' | 'off' | 'noAccess';

/**
 * Every https page but the served sites (their own content script runs there already) and the excluded sites (a host
 * pattern `*.host` covers the host and its subdomains). Extension pages are never https: never matched.
 */
export function registrationFor(
  excluded: readonly string[],
  servedMatches: readonly string[],
): PageScriptRegistration {
  return {
    id: ALL_SITES_SCRIPT_ID,
    matches: ALL_SITES_ORIGINS,
    excludeMatches: [...servedMatches, ...excluded.map((host) => `*://*.${host}/*`)],
    js: [PAGE_SCRIPT_FILE],
    runAt: 'document_start',
    allFrames: false,
  };
}

/** Register, re-register (the exclusions changed) or unregister, so the browser does what the setting and access say. */
export async function applyAllSites(
  allSites: Settings['allSites'],
  granted: boolean,
  servedMatches: readonly string[],
  registry: ScriptRegistry,
): Promise<AllSitesState> {
  const current = await registry.registered();
  if (!allSites.enabled || !granted) {
    if (current) await registry.unregister();
    return allSites.enabled ? 'noAccess' : 'off';
  }
  const wanted = registrationFor(allSites.excluded, servedMatches);
  if (current && sameRegistration(current, wanted)) return 'on';
  if (current) await registry.unregister();
  await registry.register(wanted);
  return 'on';
}

function sameRegistration(a: PageScriptRegistration, b: PageScriptRegistration): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((value, index) => value === y[index]);
  return same(a.matches, b.matches) && same(a.excludeMatches, b.excludeMatches) && same(a.js, b.js);
}
