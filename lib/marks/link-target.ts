/**
 * Which link of a list entry carries the mark. A tweet in a timeline links to itself several times (its time, "show
 * more", each photo, its analytics) and to its author; a repository or model entry links its title, its stars, its
 * owner. The mark goes on the one link that names the thing: the tweet's permalink (the link around its time), a
 * repo's or model's title link (its bare path), once per entry.
 */
import { identityKeys } from '../links';

/** What the rule reads of a link: its address and whether it wraps a `<time>` (a tweet's permalink does). */
export interface LinkFacts {
  href: string;
  /** The href's path (an anchor has it parsed already). */
  pathname: string;
  /** Asked only of links to a tweet. */
  hasTime: () => boolean;
}

/**
 * Keys of people and places (an account, an owner, an org) and whole-URL keys get no mark: a timeline links each
 * author on every tweet, and a whole-URL key would send the page's every link to the background.
 */
const UNMARKED_KEY = /^(url|x:user|gh:owner|hf:org):/;

/** How many path segments a bare link of each key kind has; one with more is a deep link (a photo, the stars). */
const BARE_SEGMENTS: Record<string, number> = {
  'gh:repo': 2,
  'hf:model': 2,
  'hf:dataset': 3,
  'hf:space': 3,
  'hf:collection': 3,
  paper: 2,
};

/** A status route without anything after the id: `/user/status/1`, `/i/web/status/1`, `/statuses/1`. */
const BARE_STATUS = /^\/(?:[^/]+\/status(?:es)?|i\/web\/status|statuses)\/\d+\/?$/;

function segmentCount(pathname: string): number {
  return pathname.split('/').filter(Boolean).length;
}

/**
 * Each href's markable key (or none), kept: a page links the same addresses many times (an author on every tweet, a
 * topic on every result), and parsing each of a list's thousands of links again was most of the marks' time.
 * Bounded: dropped whole past 5,000 addresses.
 */
const candidates = new Map<string, string | undefined>();

function candidateKey(href: string): string | undefined {
  if (candidates.has(href)) return candidates.get(href);
  if (candidates.size > 5000) candidates.clear();
  const key = identityKeys(href).find((candidate) => !UNMARKED_KEY.test(candidate));
  candidates.set(href, key);
  return key;
}

/** The key a link carries a mark for, or null: only the link that names its entry, never a deep link. */
export function markKeyOf(link: LinkFacts): string | null {
  const key = candidateKey(link.href);
  if (key === undefined) return null;
  const { pathname } = link;
  if (key.startsWith('x:status:')) return link.hasTime() || BARE_STATUS.test(pathname) ? key : null;
  const bare = BARE_SEGMENTS[key.slice(0, key.lastIndexOf(':'))];
  return bare === undefined || segmentCount(pathname) === bare ? key : null;
}
