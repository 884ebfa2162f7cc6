/**
 * Read state as the reader shows it (issue 13): per stored day, how many of its items are unread and which are read;
 * and the three ways an item becomes read — opened from the reader, every item of the shown day ("全部标为已读"),
 * or its page visited (learnt from the content script's lookup). Items are read by story (./read-key.ts).
 */
import type { DayReadState, ItemRef, StoredDigest } from '../schema';
import type { DigestStore } from '../storage/digest-store';
import type { ReadStateStore } from '../storage/read-state-store';
import { readKeyOf, visitedStory } from './read-key';

type Digests = Pick<DigestStore, 'read'>;

/** The read state of each stored day of `dates` (a day not stored is left out), in the order asked. */
export async function readStateOfDays(
  digests: Digests,
  reads: ReadStateStore,
  dates: readonly string[],
): Promise<DayReadState[]> {
  const stored = await storedDigests(digests, dates);
  const keyed = stored.map((digest) => ({
    digest,
    keys: digest.items.map((item) => readKeyOf(digest.date, item)),
  }));
  const read = await reads.readAmong(keyed.flatMap(({ keys }) => keys));
  return keyed.map(({ digest, keys }) => {
    const readItems = digest.items
      .filter((_, index) => read.has(keys[index] as string))
      .map(({ section, rank }) => ({ section, rank }));
    return {
      date: digest.date,
      total: digest.items.length,
      unread: digest.items.length - readItems.length,
      read: readItems,
    };
  });
}

/** Mark the items opened from the reader; an item no longer stored is passed over. Answers how many became read. */
export async function markItemsRead(
  digests: Digests,
  reads: ReadStateStore,
  items: readonly ItemRef[],
  now: number,
): Promise<number> {
  const stored = await storedDigests(
    digests,
    items.map(({ date }) => date),
  );
  const byDate = new Map(stored.map((digest) => [digest.date, digest]));
  const keys = items.flatMap(({ date, section, rank }) => {
    const item = byDate.get(date)?.items.find((each) => each.section === section && each.rank === rank);
    return item ? [readKeyOf(date, item)] : [];
  });
  return reads.add(keys.map((key) => ({ key, readAt: now })));
}

/** "全部标为已读": every item of the day `date` (the day the reader shows). */
export async function markDayRead(
  digests: Digests,
  reads: ReadStateStore,
  date: string,
  now: number,
): Promise<number> {
  const digest = await digests.read(date);
  if (!digest) return 0;
  return reads.add(digest.items.map((item) => ({ key: readKeyOf(date, item), readAt: now })));
}

/**
 * A page was looked up: the items whose story is that page are read (not every item of its repository). Only a story
 * some stored item has is kept, so a page (a content script is an untrusted caller) cannot fill the store.
 */
export async function markVisitedRead(
  library: Pick<DigestStore, 'readItems'>,
  reads: ReadStateStore,
  keys: readonly string[],
  pageStory: string | undefined,
  now: number,
): Promise<number> {
  const story = visitedStory(keys, pageStory);
  if (story === null) return 0;
  const dates = await library.readItems((reader) => reader.storyDates(story, []));
  return dates.size === 0 ? 0 : reads.add([{ key: story, readAt: now }]);
}

async function storedDigests(digests: Digests, dates: readonly string[]): Promise<StoredDigest[]> {
  const found = await Promise.all([...new Set(dates)].map((date) => digests.read(date)));
  return found.filter((digest) => digest !== null);
}
