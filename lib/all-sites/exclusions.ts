/**
 * The sites where the page script never runs, as the user types them (one a line: `example.com`, `*.example.com`,
 * `https://www.example.com/some/page`): each becomes a host name, which covers its subdomains too.
 */
import { siteOf } from '../links';

export const MAX_EXCLUDED_SITES = 500;

const HOST_NAME = /^(?=.{1,253}$)([a-z\d]([a-z\d-]{0,61}[a-z\d])?\.)+[a-z\d-]{2,63}$/;

export type ExclusionsResult =
  | { ok: true; hosts: string[] }
  | { ok: false; badLine: string }
  | { ok: false; servedLine: string }
  | { ok: false; tooMany: number };

/** The host name of one line, or null when it names no site (an IP address or a single word is no site here). */
export function excludedHost(line: string): string | null {
  const entry = line.trim().replace(/^\*\./, '');
  let host: string;
  try {
    host = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(entry) ? entry : `https://${entry}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '');
  return HOST_NAME.test(host) && !/^[\d.]+$/.test(host) ? host : null;
}

/** Every line's host, without repeats; the first line that names no site is the error. */
export function parseExclusions(text: string): ExclusionsResult {
  const hosts = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const host = excludedHost(line);
    if (host === null) return { ok: false, badLine: line.trim() };
    // X, GitHub and Hugging Face have their own switches (Options → 网站): the list does not reach them.
    if (siteOf(`https://${host}/`) !== null) return { ok: false, servedLine: line.trim() };
    hosts.add(host);
  }
  if (hosts.size > MAX_EXCLUDED_SITES) return { ok: false, tooMany: hosts.size };
  return { ok: true, hosts: [...hosts] };
}

/**
 * Whether a web page off the served sites is still to be answered: all sites on, and its host not excluded (an
 * excluded host covers its subdomains). A tab opened while the page script ran there keeps it after the user unticks
 * the option or excludes the site; the background answers it "off" from then on (QA, 2026-12-01).
 */
export function allSitesAnswer(
  allSites: { enabled: boolean; excluded: readonly string[] },
  pageUrl: string,
): boolean {
  if (!allSites.enabled) return false;
  // The page's host as the list writes its hosts (no www.); none for an address the list could not name (an IP).
  const host = excludedHost(pageUrl);
  return !host || !allSites.excluded.some((excluded) => host === excluded || host.endsWith(`.${excluded}`));
}
