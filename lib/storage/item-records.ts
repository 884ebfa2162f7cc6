import { identityKeys } from '../links';
import type { DigestKind } from '../schema';
import { storyKey } from '../story';

/** The part of a digest its index entries are made from (an AI digest when `kind` is absent). */
export interface IndexableDigest {
  kind?: DigestKind;
  date: string;
  items: { links: string[] }[];
}

/**
 * One row of the `items` store: an index entry pointing at `digest.items[position]`. The item itself is read from
 * its digest, so the `digests` store stays the only copy of the data and the one thing validated on read.
 */
export interface ItemRecord {
  date: string;
  position: number;
  /** The identity keys of every link of the item (lib/links): a page matches the item when they share one. */
  keys: string[];
  /**
   * The story of the item's first link (lib/story.ts): two digests' items with the same primary key are the same
   * story summarised again (that is how `alsoIn` is counted). Absent when the item has no link with an identity.
   */
  primaryKey?: string;
}

export function itemRecordsOf(digest: IndexableDigest): ItemRecord[] {
  const primaryKeyOf = digest.kind === 'github-trending' ? trendingKey : storyKey;
  return digest.items.map((item, position) => {
    const keys = [...new Set(item.links.flatMap((link) => identityKeys(link)))];
    const primaryKey = primaryKeyOf(item.links[0]) ?? undefined;
    return primaryKey === undefined
      ? { date: digest.date, position, keys }
      : { date: digest.date, position, keys, primaryKey };
  });
}

/**
 * A GitHub 热门 item is about its repository, whatever the link's spelling: the days it trended are one card
 * (上榜 N 次). The repo's identity key never equals an AI digest's story key (a whole URL), so the two stay apart.
 */
function trendingKey(link: string | undefined): string | null {
  if (link === undefined) return null;
  return identityKeys(link).find((key) => key.startsWith('gh:repo:')) ?? storyKey(link);
}
