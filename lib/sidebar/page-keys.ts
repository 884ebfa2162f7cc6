/** What the sidebar tells the background about the page it is on: identity keys, never the URL itself. */
import { identityKeys } from '../links';
import { storyKey } from '../story';

/**
 * A whole-URL key of a page named by its query alone, which digest items link as such: a Hacker News thread
 * (`item?id=…`). Nothing the user typed is in it.
 */
const NAMED_BY_QUERY = /^url:https:\/\/news\.ycombinator\.com\/item\?id=\d+$/;

/** A whole-URL key with a query the page's own lookup leaves out (see `lookupKeys`). */
const typedQuery = (key: string) => key.startsWith('url:') && key.includes('?') && !NAMED_BY_QUERY.test(key);

/**
 * The page's identity keys, less a whole-URL key that carries a query: such a page is a search or a filtered
 * list (`github.com/search?q=…`, `huggingface.co/models?search=…`), which no digest item is, and its key would
 * hand what the user typed to the background. A page named by its query alone (a Hacker News thread) keeps it. An
 * empty list still asks: the badge of the page before clears.
 */
export function lookupKeys(pageUrl: string): string[] {
  return identityKeys(pageUrl).filter((key) => !typedQuery(key));
}

/** A pull request's tabs (files, commits, checks) are the pull request's page: its items are theirs too. */
const PULL_REQUEST_TAB = /^(url:https:\/\/github\.com\/[^/]+\/[^/]+\/pull\/\d+)\/(?:files|commits|checks)$/;

/**
 * The page's story (lib/story.ts): the items whose first link is this page (the same tweet under another handle, a
 * pull request from any of its tabs) are about this page. A whole-URL story loses its query, as in `lookupKeys`
 * (a Hacker News thread keeps it: it is the thread).
 */
export function pageStoryKey(pageUrl: string): string | null {
  const story = storyKey(pageUrl);
  if (story === null) return null;
  const bare = typedQuery(story) ? story.replace(/\?.*$/, '') : story;
  return bare.replace(PULL_REQUEST_TAB, '$1');
}

/**
 * The page's story when the page is narrower than what its keys name (a pull request, issue, commit, release or
 * file of a repo): its own items are marked 本页, the repo's others folded, and the badge counts the own ones. None
 * on a page that is what its key names (a repo's root, a model, a tweet, a profile): every item is about it.
 * Sent beside the keys, a key like them.
 */
export function ownStoryKey(pageUrl: string): string | null {
  const story = pageStoryKey(pageUrl);
  const keys = lookupKeys(pageUrl);
  if (story === null || keys.length === 0 || keys.includes(story)) return null;
  const roots = keys.flatMap((key) =>
    key.startsWith('gh:repo:') ? [`url:https://github.com/${key.slice(8)}`] : [],
  );
  return roots.includes(story) ? null : story;
}
