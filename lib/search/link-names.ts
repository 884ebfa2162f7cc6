/**
 * The names in an item's links that a reader may search for: the account of a tweet (x.com/<account>/status/…), the
 * owner and repo of a GitHub link, the namespace and name of a Hugging Face repo. A plain pattern, not `new URL`:
 * this runs over every item of five years on the first search.
 */

import { foldInPlace } from './fold';

export interface LinkNames {
  /** The link as shown to the reader: host and path, no scheme, no `www.`, no query. */
  shown: string;
  /** Where each name is in `shown`, as [start, end) offsets. */
  names: [number, number][];
}

const SITE_LINK =
  /^https?:\/\/(?:www\.|mobile\.)?(x\.com|twitter\.com|github\.com|huggingface\.co|hf\.co)((?:\/[^/?#]+)*)/i;

/** First path segments that are a site's own pages, not an account or an owner. */
const NOT_A_NAME = new Set([
  'i',
  'intent',
  'home',
  'search',
  'hashtag',
  'orgs',
  'topics',
  'features',
  'sponsors',
  'papers',
  'blog',
  'docs',
  'models',
  'datasets',
  'spaces',
  'collections',
]);
const HF_KINDS = new Set(['datasets', 'spaces', 'collections', 'models']);

export function linkNames(link: string): LinkNames | null {
  const match = SITE_LINK.exec(link);
  if (!match) return null;
  const host = (match[1] as string).toLowerCase();
  const segments = (match[2] ?? '').split('/').filter(Boolean);
  const shown = [host, ...segments].join('/');
  const named = namedSegments(host, segments);
  if (named.length === 0) return null;
  const names: [number, number][] = [];
  let offset = host.length;
  segments.forEach((segment, index) => {
    offset += 1;
    if (named.includes(index)) names.push([offset, offset + segment.length]);
    offset += segment.length;
  });
  return { shown, names };
}

/** Which path segments are names, by their index. */
function namedSegments(host: string, segments: string[]): number[] {
  const first = segments[0]?.toLowerCase();
  if (first === undefined) return [];
  if (host === 'x.com' || host === 'twitter.com') return NOT_A_NAME.has(first) ? [] : [0];
  if (host === 'github.com') return NOT_A_NAME.has(first) ? [] : segments.length > 1 ? [0, 1] : [0];
  const skip = HF_KINDS.has(first) ? 1 : 0;
  if (skip === 0 && NOT_A_NAME.has(first)) return [];
  return [skip, skip + 1].filter((index) => index < segments.length);
}

export interface NamedLink extends LinkNames {
  /** `shown` folded (same length and offsets). */
  folded: string;
}

/** The links among these that carry names. */
export function namedLinks(links: readonly string[]): NamedLink[] {
  const named: NamedLink[] = [];
  for (const link of links) {
    const names = linkNames(link);
    if (names) named.push({ ...names, folded: foldInPlace(names.shown) });
  }
  return named;
}

/** The sites whose links' names are their identity (a repository, a model): a tweet's name is its account only. */
const NAMED_BY_IDENTITY = /^(github\.com|huggingface\.co|hf\.co)\//;

/**
 * A query that is one pasted link to a GitHub or Hugging Face repository (with or without its scheme:
 * `github.com/owner/repo`), as the names it carries (`owner/repo`), which is what an item's links are searched by;
 * null for any other query. Not a tweet's: its only name, the account, would find the account's every item.
 */
export function pastedLinkNames(query: string): string | null {
  if (/\s/.test(query)) return null;
  const named = linkNames(/^https?:/i.test(query) ? query : `https://${query}`);
  if (!named || !NAMED_BY_IDENTITY.test(named.shown)) return null;
  const [first] = named?.names ?? [];
  const last = named?.names[named.names.length - 1];
  return named && first && last ? named.shown.slice(first[0], last[1]) : null;
}
