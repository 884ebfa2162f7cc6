/**
 * The cards of a page's identity keys: one per story (the newest digest's; it says in how many other stored digests
 * the story recurs), every item of that digest, newest first. The story is the first link's (lib/story.ts): the
 * publisher summarises one story again on later days under the same source link, while two different stories may
 * share a secondary link (a repo both mention), or one repo (two pull requests), and stay different.
 * The answer is bounded: a store with thousands of items about one page answers `limit` cards and how many in all.
 * The page's own story (`pageStory`: the pull request, release or tweet being viewed) comes first, so a bounded answer
 * always holds it, and `own` says how many of the cards are about it (the badge counts those when there are any).
 * The AI digest's cards come before GitHub 热门's (lib/match-order.ts): a repository that trended is one card of
 * its newest day, and its `alsoIn` counts the other days it trended (上榜 N 次); the badge counts it as a card.
 */
import { compareMatches } from '../match-order';
import { LOOKUP_CARD_LIMIT } from '../protocol';
import type { DigestKind, Match } from '../schema';
import { type ReadBackDigest, storedItem } from '../storage/digest-record';
import type { DigestStore, ItemReader } from '../storage/digest-store';
import type { ItemRecord } from '../storage/item-records';

export interface LookupAnswer {
  /** The first `limit` cards, in the order the sidebar shows them. */
  matches: Match[];
  /** How many cards there are in all. */
  total: number;
  /** How many of those cards are the page's own story. */
  own: number;
}

/**
 * The cards are chosen from the index entries alone (each says its date and story); only the digests of the first
 * `limit` cards are read, and a story's repeats are counted, not read (review 2026-11: a story on 12,000 days read
 * 12,000 digests for one card). A digest found corrupt, or an item damaged, gives way to the next one, as if it were
 * not stored; `total` only knows this of the digests read.
 */
export async function lookupMatches(
  store: Pick<DigestStore, 'readItems'>,
  keys: readonly string[],
  limit = LOOKUP_CARD_LIMIT,
  pageStory?: string,
  onEntries?: () => void,
): Promise<LookupAnswer> {
  if (keys.length === 0) return { matches: [], total: 0, own: 0 };
  let told = false;
  const entriesFound = () => {
    if (told) return;
    told = true;
    onEntries?.();
  };
  // Both kinds at once (the page waits for this answer); the trending cards fill what the AI digest's leave of the
  // limit, and are counted either way.
  const [ai, trending] = await Promise.all([
    lookupKind(store, 'ainews', keys, limit, pageStory, entriesFound),
    lookupKind(store, 'github-trending', keys, limit, pageStory, entriesFound),
  ]);
  return {
    matches: [...ai.matches, ...trending.matches.slice(0, limit - ai.matches.length)],
    total: ai.total + trending.total,
    own: ai.own + trending.own,
  };
}

async function lookupKind(
  store: Pick<DigestStore, 'readItems'>,
  kind: DigestKind,
  keys: readonly string[],
  limit: number,
  pageStory: string | undefined,
  onEntries: () => void,
): Promise<LookupAnswer> {
  const isOwn = (story: string | null | undefined) => pageStory !== undefined && story === pageStory;
  return store.readItems(async (reader) => {
    const records = await reader.itemsWith(keys);
    if (records.length > 0) onEntries();
    const digests = new Map<string, ReadBackDigest | null>();
    const unreadable = new Set<ItemRecord>();
    const storyDates = storyDatesOnce(reader, records);
    for (;;) {
      const cards = cardsOf(
        records.filter((record) => !unreadable.has(record)),
        isOwn,
      );
      const shown = cards.slice(0, limit);
      const unread = [...new Set(shown.map(({ date }) => date))].filter((date) => !digests.has(date));
      if (unread.length === 0) {
        const matches = await matchesOf(cards, digests, limit, isOwn, storyDates);
        const own = cards.filter(({ primaryKey }) => isOwn(primaryKey)).length;
        return { matches, total: cards.length, own };
      }
      // The shown cards' stories are counted while their digests are read (a damaged digest, rare, may show
      // another card, whose story is counted after).
      for (const { primaryKey } of shown)
        if (primaryKey !== undefined) void storyDates(primaryKey).catch(() => undefined);
      const read = await Promise.all(unread.map((date) => reader.digest(date)));
      for (const [index, date] of unread.entries()) digests.set(date, read[index] ?? null);
      for (const record of cards) if (isUnreadable(record, digests)) unreadable.add(record);
    }
  }, kind);
}

/** Whether a card's story is the page's own. */
type IsOwn = (story: string | null | undefined) => boolean;

/**
 * The entries shown as cards, the page's own story first, then newest date first: one story's entries of its
 * newest date (a story summarised again is one card, saying in how many others it is; lib/match-order.ts), every
 * entry without a story.
 */
function cardsOf(records: readonly ItemRecord[], isOwn: IsOwn): ItemRecord[] {
  const newest = new Map<string, string>();
  for (const { primaryKey, date } of records) {
    if (primaryKey !== undefined && date > (newest.get(primaryKey) ?? '')) newest.set(primaryKey, date);
  }
  return records
    .filter(({ primaryKey, date }) => primaryKey === undefined || newest.get(primaryKey) === date)
    .sort(
      (a, b) =>
        Number(isOwn(b.primaryKey)) - Number(isOwn(a.primaryKey)) ||
        (a.date === b.date ? 0 : a.date < b.date ? 1 : -1),
    );
}

/** Whether the digest of `record` was read and found corrupt, or without the item (damaged). */
function isUnreadable(record: ItemRecord, digests: ReadonlyMap<string, ReadBackDigest | null>): boolean {
  const digest = digests.get(record.date);
  return digest === null || (digest !== undefined && storedItem(digest, record.position) === undefined);
}

/**
 * The dates of a story's digests (`ItemReader.storyDates` of its entries among `records`), each story read once; the
 * entries are grouped by story in one pass, as before the counts were started early (one per shown card).
 */
function storyDatesOnce(reader: ItemReader, records: readonly ItemRecord[]) {
  const read = new Map<string, Promise<Set<string>>>();
  let entries: Map<string, ItemRecord[]> | undefined;
  const entriesOf = (story: string) => {
    if (!entries) {
      entries = new Map();
      for (const record of records)
        if (record.primaryKey !== undefined) {
          const group = entries.get(record.primaryKey);
          if (group) group.push(record);
          else entries.set(record.primaryKey, [record]);
        }
    }
    return entries.get(story) ?? [];
  };
  return (story: string) => {
    let dates = read.get(story);
    if (!dates) {
      dates = reader.storyDates(story, entriesOf(story));
      read.set(story, dates);
    }
    return dates;
  };
}

/** The first `limit` cards as the sidebar shows them: the digests of their dates are in `digests`. */
async function matchesOf(
  cards: readonly ItemRecord[],
  digests: ReadonlyMap<string, ReadBackDigest | null>,
  limit: number,
  isOwn: IsOwn,
  storyDates: (story: string) => Promise<Set<string>>,
): Promise<Match[]> {
  const matches: Match[] = [];
  for (const record of cards) {
    const read = digests.get(record.date);
    const item = read ? storedItem(read, record.position) : undefined;
    if (!read || !item) continue;
    const { date, issueUrl } = read.digest;
    matches.push({ date, issueUrl, item, alsoIn: 0, story: record.primaryKey ?? null });
  }
  const shown = matches
    .sort((a, b) => Number(isOwn(b.story)) - Number(isOwn(a.story)) || compareMatches(a, b))
    .slice(0, limit);
  const stories = new Set(shown.flatMap(({ story }) => (story === null ? [] : [story])));
  const datesOf = new Map(
    await Promise.all([...stories].map(async (story) => [story, await storyDates(story)] as const)),
  );
  return shown.map((match) => {
    const dates = match.story === null ? undefined : datesOf.get(match.story);
    // Counted, not listed: a story may be in thousands of digests.
    return dates ? { ...match, alsoIn: dates.size - (dates.has(match.date) ? 1 : 0) } : match;
  });
}
