/**
 * Validation of a custom source typed on the options page: either a URL template containing `{date}` (in the path or
 * query, never the host) or the URL of one document, over https only (a digest read over http could be rewritten on
 * the way). Pure, so the click handler can validate synchronously and still call `permissions.request` inside the
 * user gesture. Also which host permission a removed source no longer needs.
 */
export type CustomSourceProblem =
  | 'empty'
  | 'notUrl'
  | 'notHttps'
  | 'credentials'
  | 'dateInHost'
  | 'duplicate';

export type CustomSourceCheck =
  | { ok: true; url: string; origin: string; isTemplate: boolean }
  | { ok: false; problem: CustomSourceProblem };

const SAMPLE_DATE = '2025-01-01';

export function checkCustomSource(input: string, existing: readonly string[]): CustomSourceCheck {
  const url = input.trim();
  if (!url) return { ok: false, problem: 'empty' };
  if (/\s/.test(url)) return { ok: false, problem: 'notUrl' };
  const isTemplate = url.includes('{date}');
  let parsed: URL;
  try {
    parsed = new URL(url.replaceAll('{date}', SAMPLE_DATE));
  } catch {
    return { ok: false, problem: 'notUrl' };
  }
  if (parsed.protocol !== 'https:') return { ok: false, problem: 'notHttps' };
  if (!/^https:\/\//i.test(url)) return { ok: false, problem: 'notUrl' };
  // The browser's fetch refuses an address holding a user name or password: the source could never be read.
  if (parsed.username || parsed.password) return { ok: false, problem: 'credentials' };
  if (parsed.hostname.includes(SAMPLE_DATE)) return { ok: false, problem: 'dateInHost' };
  // As the browser reads them: HTTPS://Static.Example.com/… is the same source as https://static.example.com/….
  if (existing.some((other) => sameAddress(other, parsed.href))) return { ok: false, problem: 'duplicate' };
  return { ok: true, url, origin: parsed.origin, isTemplate };
}

/** Whether the source `url` reads the address `href` (a parsed one, with the sample date for `{date}`). */
function sameAddress(url: string, href: string): boolean {
  try {
    return new URL(url.replaceAll('{date}', SAMPLE_DATE)).href === href;
  } catch {
    return false;
  }
}

/** The origin a stored custom source reads from (its host permission), or null for a URL that no longer parses. */
export function customSourceOrigin(url: string): string | null {
  try {
    return new URL(url.replaceAll('{date}', SAMPLE_DATE)).origin;
  } catch {
    return null;
  }
}

/**
 * The host permission (`<origin>/*`) to give back when the source `removedUrl` goes, or null when it is still needed:
 * by a remaining source of the same origin, or by the extension itself (a manifest host permission covering it,
 * which the browser would refuse to remove anyway).
 */
export function permissionToRelease(
  removedUrl: string,
  remainingUrls: readonly string[],
  requiredHosts: readonly string[],
): string | null {
  const origin = customSourceOrigin(removedUrl);
  if (!origin) return null;
  if (remainingUrls.some((url) => customSourceOrigin(url) === origin)) return null;
  if (requiredHosts.some((pattern) => patternCovers(pattern, origin))) return null;
  return `${origin}/*`;
}

/** Whether a match pattern (`https://*.example.com/*`, `<all_urls>`) covers every URL of `origin`. */
function patternCovers(pattern: string, origin: string): boolean {
  if (pattern === '<all_urls>') return true;
  const match = /^(\*|https?):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!match) return false;
  const [, scheme, host] = match as unknown as [string, string, string];
  const url = new URL(origin);
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) return url.host === host.slice(2) || url.host.endsWith(host.slice(1));
  return url.host === host;
}
