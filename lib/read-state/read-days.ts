/**
 * Read state as the reader shows it (issue 13): per stored day, how many of its items are unread and which are read;
 * and the three ways an item becomes read — opened from the reader, every item of the shown day or tab ("全部标为已读"),
 * or its page visited (learnt from the content script's lookup). Items are read by story (./read-key.ts). A day is
 * both its digests: the AI digest (sections 新闻 and 工具) and GitHub 热门 (section `trending`), each in its own
 * stores (lib/storage/database.ts `KIND_STORES`); an item's section says which.
 */
import type { DayReadState, DigestKind, ItemRef, Section, StoredDigest } from '../schema';
import { DIGEST_KINDS } from '../storage/database';
import { storedItem } from '../storage/digest-record';
import type { DigestStore, ItemReader } from '../storage/digest-store';
import type { ReadStateStore } from '../storage/read-state-store';
import { readKeyOf, storyLookupKeys, visitedStory } from './read-key';

type Digests = Pick<DigestStore, 'read'>;

/** The kind of digest an item of `section` is in: 热门's own, else the AI digest. */
export function kindOfSection(section: Section): DigestKind {
  return section === 'trending' ? 'github-trending' : 'ainews';
}

/** A stored day's items of both kinds (the AI digest's first), each with its read key. */
interface StoredDay {
  date: string;
  items: { section: Section; rank: number; key: string }[];
}

/**
 * The read state of each stored day of `dates` (a day with neither digest stored is left out), in the order asked:
 * `total`, `unread` and `read` over both kinds, and `sections` per section (the popup's tabs: 热门's own count).
 */
export async function readStateOfDays(
  digests: Digests,
  reads: ReadStateStore,
  dates: readonly string[],
): Promise<DayReadState[]> {
  const days = await storedDays(digests, dates);
  const read = await reads.readAmong(days.flatMap(({ items }) => items.map(({ key }) => key)));
  return days.map(({ date, items }) => {
    const sections: DayReadState['sections'] = {};
    const readItems: DayReadState['read'] = [];
    for (const { section, rank, key } of items) {
      const count = sections[section] ?? { total: 0, unread: 0 };
      sections[section] = count;
      count.total += 1;
      if (read.has(key)) readItems.push({ section, rank });
      else count.unread += 1;
    }
    return { date, total: items.length, unread: items.length - readItems.length, read: readItems, sections };
  });
}

/** Mark the items opened from the reader; an item no longer stored is passed over. Answers how many became read. */
export async function markItemsRead(
  digests: Digests,
  reads: ReadStateStore,
  items: readonly ItemRef[],
  now: number,
): Promise<number> {
  const days = new Map(
    (
      await storedDays(
        digests,
        items.map(({ date }) => date),
      )
    ).map((day) => [day.date, day]),
  );
  const keys = items.flatMap(({ date, section, rank }) => {
    const item = days.get(date)?.items.find((each) => each.section === section && each.rank === rank);
    return item ? [item.key] : [];
  });
  return reads.add(keys.map((key) => ({ key, readAt: now })));
}

/** "全部标为已读": every item of the day `date` (the day the reader shows), or of its `section` only (the tab shown). */
export async function markDayRead(
  digests: Digests,
  reads: ReadStateStore,
  date: string,
  now: number,
  section?: Section,
): Promise<number> {
  const [day] = await storedDays(digests, [date]);
  const items = (day?.items ?? []).filter((item) => section === undefined || item.section === section);
  return reads.add(items.map(({ key }) => ({ key, readAt: now })));
}

/**
 * A page was looked up: the items whose story is that page are read (not every item of its repository), in either
 * kind of digest. Only a story some stored item has is kept, so a page (a content script is an untrusted caller)
 * cannot fill the store.
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
  const held = await storedReadKeys(library, [story]);
  return held.size === 0 ? 0 : reads.add([{ key: story, readAt: now }]);
}

/**
 * Which of the read keys `keys` some stored item of either kind still has. An AI item's story is its index entry's
 * primary key; a 热门 item's primary key is its repository's (`gh:repo:`), so its story is checked on the items its
 * key lookup finds; an item without a story is looked for at its date, section and rank. Reads only the digests of
 * the 热门 items found and of the dates of `item:` keys.
 */
export async function storedReadKeys(
  library: Pick<DigestStore, 'readItems'>,
  keys: readonly string[],
): Promise<Set<string>> {
  const unique = [...new Set(keys)];
  const found = await Promise.all(
    DIGEST_KINDS.map((kind) => library.readItems((reader) => heldIn(reader, kind, unique), kind)),
  );
  return new Set(found.flat());
}

/** Which of `keys` an item of kind `kind` has, over one read transaction (`reader` is all it awaits). */
async function heldIn(reader: ItemReader, kind: DigestKind, keys: readonly string[]): Promise<string[]> {
  const itemHas = async (date: string, position: number, key: string) => {
    const digest = await reader.digest(date);
    const item = digest ? storedItem(digest, position) : undefined;
    return item !== undefined && readKeyOf(date, item) === key;
  };
  const answers = await Promise.all(
    keys.map(async (key): Promise<boolean> => {
      const place = itemPlace(key);
      if (place) {
        if (kindOfSection(place.section) !== kind) return false;
        const digest = await reader.digest(place.date);
        return digest?.digest.items.some((item) => readKeyOf(place.date, item) === key) ?? false;
      }
      if (kind === 'ainews') return (await reader.storyDates(key, [])).size > 0;
      const records = await reader.itemsWith(storyLookupKeys(key));
      return (await Promise.all(records.map(({ date, position }) => itemHas(date, position, key)))).includes(
        true,
      );
    }),
  );
  return keys.filter((_, index) => answers[index]);
}

/** The date, section and rank of an `item:` key (./read-key.ts), or null for a story key. */
function itemPlace(key: string): { date: string; section: Section } | null {
  const match = /^item:(\d{4}-\d{2}-\d{2})\/(news|tools|trending)\/\d+$/.exec(key);
  return match ? { date: match[1] as string, section: match[2] as Section } : null;
}

/** The stored days of `dates`, each with the items of both its digests, in the order asked (each once). */
async function storedDays(digests: Digests, dates: readonly string[]): Promise<StoredDay[]> {
  const unique = [...new Set(dates)];
  const found = await Promise.all(
    unique.map((date) => Promise.all(DIGEST_KINDS.map((kind) => digests.read(date, kind)))),
  );
  return unique.flatMap((date, index) => {
    const stored = (found[index] ?? []).filter((digest): digest is StoredDigest => digest !== null);
    if (stored.length === 0) return [];
    const items = stored.flatMap((digest) =>
      digest.items.map((item) => ({ section: item.section, rank: item.rank, key: readKeyOf(date, item) })),
    );
    return [{ date, items }];
  });
}
