/**
 * Giving back the all-sites access when the option is turned off. `permissions.remove({ origins: ['https://*\/*'] })`
 * does not give back that pattern alone in Chrome: it takes every https host it covers, the manifest's feed hosts and
 * the custom sources' hosts included (checked in Chromium with this extension: afterwards `permissions.getAll` lacked
 * static.zou8944.com and raw.githubusercontent.com and the sync read nothing, "no permission"; asking again needs the
 * user's yes in a prompt). So the access is given back only in a browser whose remove takes the named pattern only:
 * Firefox (checked in Firefox ESR: a host granted by name before or while all sites were on stays, the feeds' too).
 * Elsewhere it stays granted and unused: the page script is unregistered all the same (lib/all-sites/registration.ts).
 */
import type { CustomSource } from '../schema';
import { customSourceOrigin } from '../ui/custom-source';

/** The origins the custom sources read from (a paused one's too: it reads again when resumed), each once. */
export function customSourceOrigins(sources: readonly CustomSource[]): string[] {
  const origins = sources.flatMap((source) => {
    const origin = customSourceOrigin(source.url);
    return origin ? [origin] : [];
  });
  return [...new Set(origins)];
}

/** Whether this browser's `permissions.remove` of all sites gives back that pattern alone: Firefox's (MV2) does. */
export function releasesOnlyAllSites(api: object): boolean {
  return 'contentScripts' in api;
}
