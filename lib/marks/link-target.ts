/**
 * Which link of a list entry carries the mark. A tweet in a timeline links to itself several times (its time, "show
 * more", each photo, its analytics) and to its author; a repository or model entry links its title, its stars, its
 * owner. The mark goes on the one link that names the thing: the tweet's permalink (the link around its time), a
 * repo's or model's title link (its bare path), once per entry.
 */
import { identityKeys, rulesOf } from '../links';
import { githubKeys } from '../links/github';
import { huggingfaceKeys } from '../links/huggingface';

/**
 * What an address alone says of a link to it: the key the link is marked for; `[key]`, a tweet's deep link (its
 * photo, its analytics) that is marked only when it wraps a `<time>` (a tweet's permalink does); or null.
 */
export type AddressVerdict = string | [tweetKey: string] | null;

/**
 * Keys of people and places (an account, an owner, an org) and whole-URL keys get no mark: a timeline links each
 * author on every tweet, and a whole-URL key would send the page's every link to the background.
 */
const UNMARKED_KEY = /^(url|x:user|gh:owner|hf:org):/;

/**
 * How many path segments a bare link of a key has: 2 for a repository, a model or a paper, 3 for a dataset, Space
 * or collection (`/datasets/<ns>/<name>`); one with more is a deep link (a photo, the stars). 0: any (a thread, a video).
 */
const bareSegments = (key: string) => (/^(gh:repo|hf:model|paper):/.test(key) ? 2 : /^hf:/.test(key) ? 3 : 0);

/** A status route without anything after the id: `/user/status/1`, `/i/web/status/1`, `/statuses/1`. */
const BARE_STATUS = /^\/(?:[^/]+\/status(?:es)?|i\/web\/status|statuses)\/\d+\/?$/;

/**
 * An http(s) or protocol-relative address with a plain host (no port, user or encoding), or a path from the root;
 * its path of plain characters and no segment starting with a dot (nothing the URL parser would rewrite or encode:
 * no `.` or `..`), and no query.
 */
const PLAIN_ADDRESS = /^(?:(?:https?:)?\/\/([\w.-]+)|(?=\/(?!\/)))((?:\/(?!\.)[\w.-]*)*)(?=#|$)/i;

/** A path of exactly two segments. */
const TWO_SEGMENTS = /^\/+[^/]+\/+[^/]+\/*$/;
/** A path of exactly three segments. */
const THREE_SEGMENTS = /^\/+[^/]+\/+[^/]+\/+[^/]+\/*$/;

/** What the site rules read of a plain address's URL: its query, and it has none. */
const NO_QUERY = new URL('https://0');

function verdictOf(
  keys: string[] | undefined,
  pathname: string,
  depth = pathname.split('/').filter(Boolean).length,
): AddressVerdict {
  for (const key of keys ?? []) {
    if (UNMARKED_KEY.test(key)) continue;
    if (key.startsWith('x:status:')) return BARE_STATUS.test(pathname) ? key : [key];
    const bare = bareSegments(key);
    return !bare || depth === bare ? key : null;
  }
  return null;
}

/** The last host's rules: a list links a few hosts (most often its own) thousands of times. */
let lastHost: string | undefined;
let lastRules: ReturnType<typeof rulesOf>;

/**
 * The verdict on a link's href attribute as `written`, read without parsing it as a URL (a page's thousands of
 * links cost a URL parse each, most of the marks' time): by the site's own rules (lib/links) when the address is
 * plain. `pageHost` is the host its paths from the root resolve against. `undefined` for anything else (a relative
 * path, dot segments, a port, a query, another scheme): `addressVerdict` judges it resolved.
 */
export function plainVerdict(written: string, pageHost: string): AddressVerdict | undefined {
  const plain = PLAIN_ADDRESS.exec(written);
  if (!plain) return undefined;
  const host = plain[1] ?? pageHost;
  const path = plain[2] as string;
  if (host !== lastHost) {
    lastHost = host;
    lastRules = rulesOf(host.toLowerCase());
  }
  const siteKeys = lastRules?.[0];
  // Where every marked key has a bare depth (bareSegments), a link of another depth is judged without the site's
  // rules: on GitHub a repo's title (2 segments), on Hugging Face a model's or paper's (2), a dataset's or Space's (3).
  // Most of a list's links are such (stars, forks, files, owners): tested, not matched (no match array made).
  if (
    !siteKeys ||
    (siteKeys === githubKeys
      ? !TWO_SEGMENTS.test(path)
      : siteKeys === huggingfaceKeys && !TWO_SEGMENTS.test(path) && !THREE_SEGMENTS.test(path))
  )
    return null;
  const segments = path.split('/').filter(Boolean);
  return verdictOf(siteKeys(segments, NO_QUERY), path, segments.length);
}

/** The verdict on a link's resolved address (an anchor parses it: its `href` and `pathname`). */
export function addressVerdict(link: Pick<HTMLAnchorElement, 'href' | 'pathname'>): AddressVerdict {
  return verdictOf(identityKeys(link.href), link.pathname);
}
