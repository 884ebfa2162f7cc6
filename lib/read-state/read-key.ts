/**
 * Which read an item is (issue 13). An item is read by its story (lib/story.ts): the same story summarised again on
 * another day was read too, and visiting the page of a story reads every item whose story it is — and no other item
 * of the same repository or account. An item without a story (its first link names no page of its own) is read by
 * itself: its date, section and rank.
 */
import { identityKeys } from '../links';
import type { Item } from '../schema';
import { storyKey } from '../story';

/** An item's read key; `item:` keys never clash with story keys (lib/links: site prefixes and `url:`). */
export function readKeyOf(date: string, item: Pick<Item, 'section' | 'rank' | 'links'>): string {
  return storyKey(item.links[0]) ?? `item:${date}/${item.section}/${item.rank}`;
}

/** A GitHub repository's or owner's key; their stories are their pages' URLs (lib/story.ts). */
const GITHUB_KEY = /^gh:(?:repo|owner):(.+)$/;

/**
 * The story of the page a lookup came from, from what the content script sent (never its URL): `pageStory` when it
 * sent one (a pull request, release or file: a page narrower than its keys, lib/sidebar/page-keys.ts `ownStoryKey`),
 * else the page's one key when the page is what that key names (a tweet, a model, a paper; a repository's or owner's
 * key is the story of its root page). A page with several keys and no story of its own reads nothing.
 */
export function visitedStory(keys: readonly string[], pageStory?: string): string | null {
  if (pageStory !== undefined) return pageStory;
  const [key] = keys;
  if (keys.length !== 1 || key === undefined) return null;
  const github = GITHUB_KEY.exec(key);
  return github ? `url:https://github.com/${github[1]}` : key;
}

/**
 * The identity keys the items of story `story` are indexed under (lib/storage/item-records.ts `keys`): a GitHub or
 * other page's story is its URL, whose keys are its link's (a repository's `gh:repo:`); any other story is a key.
 */
export function storyLookupKeys(story: string): string[] {
  return story.startsWith('url:') ? identityKeys(story.slice('url:'.length)) : [story];
}
