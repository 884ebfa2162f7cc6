/**
 * The tabs already open when the page script is registered for all sites (the access granted or granted again, the
 * option ticked, a site taken off the exclusions, Firefox's background started): the browser runs a registered script
 * on new loads only, so these are given it at once, as if loaded then (lib/all-sites/browser-registry.ts). Which ones,
 * from what `tabs.query` says without the `tabs` permission: a tab's address only where the extension has host
 * access, so a tab without one (chrome://, another extension's page, about:blank, a file) is never a candidate.
 * A tab that runs the script already (a served site's, or one loaded while it was registered) keeps its one copy:
 * the script refuses a second (entrypoints/page-script/lifetime.ts). The same planner gives it to the tabs open on the
 * served sites when the extension is installed (lib/background/reach-on-install.ts).
 */
import type { PageScriptRegistration } from './registration';

/** What `tabs.query({})` tells of a tab. */
export interface OpenTab {
  id?: number;
  url?: string;
  /** Unloaded from memory: it loads (and gets the registered script) when the user goes back to it. */
  discarded?: boolean;
}

/** Where a script runs, as a registration or a manifest's content script says it: all a plan reads of either. */
export type ScriptScope = Pick<PageScriptRegistration, 'matches' | 'excludeMatches'>;

/** The open tabs `scope` covers: their top frames get the page script. */
export function tabsToInject(tabs: readonly OpenTab[], scope: ScriptScope): number[] {
  return tabs.flatMap(({ id, url, discarded }) =>
    id !== undefined && id >= 0 && !discarded && url !== undefined && covers(scope, url) ? [id] : [],
  );
}

/** Whether the script runs on `url`: one of its matches, none of its exclusions. */
function covers(registration: ScriptScope, url: string): boolean {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return false;
  }
  const matches = (pattern: string) => matchesPattern(pattern, page);
  return registration.matches.some(matches) && !registration.excludeMatches.some(matches);
}

const MATCH_PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/;

/**
 * A match pattern as the browsers read one (`https://*\/*`, `https://github.com/*`, `*://*.example.com/*`): `*` as
 * the scheme is http or https, `*.host` is the host and its subdomains, the path's `*` anything (query included).
 * A pattern of another form matches nothing.
 */
export function matchesPattern(pattern: string, page: URL): boolean {
  const parts = MATCH_PATTERN.exec(pattern);
  if (!parts) return false;
  const [, scheme = '', host = '', path = ''] = parts;
  const protocol = page.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  if (host !== '*') {
    const domain = host.replace(/^\*\./, '');
    const isSubdomain = host.startsWith('*.') && page.hostname.endsWith(`.${domain}`);
    if (page.hostname !== domain && !isSubdomain) return false;
  }
  const pathPattern = path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${pathPattern.join('.*')}$`).test(page.pathname + page.search);
}
