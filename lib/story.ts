/**
 * The story an item is about, from its first link: the same story summarised again on another day is one card in
 * the sidebar and counts for "also in N other digests". A tweet, a paper or a Hugging Face repo is its identity
 * (whatever the handle or URL spelling); a GitHub link is its whole normalised URL, because one repo is the
 * subject of many different stories (a pull request, a release, the launch).
 */
import { identityKeys } from './links';
import { pageKey } from './links/generic';

export function storyKey(link: string | undefined): string | null {
  if (link === undefined) return null;
  const [key] = identityKeys(link);
  if (!key?.startsWith('gh:')) return key ?? null;
  const url = new URL(link);
  return pageKey(url, url.host.replace(/^www\./, '')).toLowerCase();
}
