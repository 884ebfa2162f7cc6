/**
 * The cards of a page's identity keys: one per story (the newest digest's; it says in how many other stored digests
 * the story recurs), every item of that digest, newest first. The story is the first link's (lib/story.ts): the
 * publisher summarises one story again on later days under the same source link, while two different stories may
 * share a secondary link (a repo both mention), or one repo (two pull requests), and stay different.
 * The answer is bounded: a store with thousands of items about one page answers `limit` cards and how many in all.
 */
import { newestPerStory } from '../match-order';
import { LOOKUP_CARD_LIMIT } from '../protocol';
import type { Match } from '../schema';
import type { DigestStore } from '../storage/digest-store';

export interface LookupAnswer {
  /** The first `limit` cards, in the order the sidebar shows them. */
  matches: Match[];
  /** How many cards there are in all. */
  total: number;
}

export async function lookupMatches(
  store: Pick<DigestStore, 'findItems'>,
  keys: readonly string[],
  limit = LOOKUP_CARD_LIMIT,
): Promise<LookupAnswer> {
  if (keys.length === 0) return { matches: [], total: 0 };
  const matches: Match[] = [];
  for (const { record, digest, sameItemDates } of await store.findItems(keys)) {
    const item = digest?.items[record.position];
    if (!digest || !item) continue;
    // Counted, not listed: one story's set is shared by all its items, and may hold thousands of dates.
    const alsoIn = sameItemDates.size - (sameItemDates.has(digest.date) ? 1 : 0);
    matches.push({
      date: digest.date,
      issueUrl: digest.issueUrl,
      item,
      alsoIn,
      story: record.primaryKey ?? null,
    });
  }
  const cards = newestPerStory(matches);
  return { matches: cards.slice(0, limit), total: cards.length };
}
