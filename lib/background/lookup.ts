/**
 * The items matching a page's identity keys: each matching item once per digest, newest digest first, with
 * `alsoIn` = how many other stored digests hold the same story. The story is the first link's (lib/story.ts): the
 * publisher summarises one story again on later days under the same source link, while two different stories may
 * share a secondary link (a repo both mention), or one repo (two pull requests), and stay different.
 */
import { compareMatches } from '../match-order';
import type { Match } from '../schema';
import type { DigestStore } from '../storage/digest-store';

export async function lookupMatches(store: DigestStore, keys: readonly string[]): Promise<Match[]> {
  if (keys.length === 0) return [];
  const matches: Match[] = [];
  for (const { record, digest, sameItemDates } of await store.findItems(keys)) {
    const item = digest?.items[record.position];
    if (!digest || !item) continue;
    const alsoIn = [...sameItemDates].filter((date) => date !== digest.date).length;
    matches.push({
      date: digest.date,
      issueUrl: digest.issueUrl,
      item,
      alsoIn,
      story: record.primaryKey ?? null,
    });
  }
  return matches.sort(compareMatches);
}
