import { vi } from 'vitest';
import type { Item, StoredDigest } from '../../../lib/schema';
import { openDigestDatabase } from '../../../lib/storage/database';
import { DigestStore } from '../../../lib/storage/digest-store';
import type { ItemRecord } from '../../../lib/storage/item-records';

let databaseCount = 0;

/** fake-indexeddb keeps databases for the whole test file: every test gets its own. */
export function uniqueDatabaseName(): string {
  databaseCount += 1;
  return `digest-lens-test-${databaseCount}-${Math.random().toString(36).slice(2)}`;
}

export async function openTestStore(reportCorrupt?: (description: string) => void): Promise<DigestStore> {
  return new DigestStore(await openDigestDatabase(uniqueDatabaseName()), reportCorrupt);
}

export function testItem(
  section: Item['section'],
  rank: number,
  links: string[],
  title = `条目 ${rank}`,
): Item {
  return { section, rank, title, summary: `${title}的中文摘要`, links };
}

export function storedDigest(date: string, overrides: Partial<StoredDigest> = {}): StoredDigest {
  const tag = date.replaceAll('-', '');
  return {
    kind: 'ainews',
    date,
    issueUrl: `https://news.smol.ai/issues/${date.slice(2)}-test/`,
    items: [
      testItem('news', 1, [`https://x.com/someone/status/${tag}01`]),
      testItem('tools', 1, [`https://github.com/test-owner/tool-${tag}`]),
    ],
    sourceId: 'dated',
    sourceUrl: `https://static.zou8944.com/newsletter/${date}/ai_news_summary_${date}.md`,
    fetchedAt: 1_000,
    contentHash: `hash-${date}`,
    problems: [],
    ...overrides,
  };
}

/** The index entries a lookup for `keys` finds. */
export function itemsMatching(store: DigestStore, keys: string[]): Promise<ItemRecord[]> {
  return store.readItems((reader) => reader.itemsWith(keys));
}

/** The dates of the digests holding the story of the item found by `key`, sorted. */
export function sameItemDates(store: DigestStore, key: string): Promise<string[]> {
  return store.readItems(async (reader) => {
    const [record] = await reader.itemsWith([key]);
    if (record?.primaryKey === undefined) return record ? [record.date] : [];
    return [...(await reader.storyDates(record.primaryKey, []))].sort();
  });
}

/**
 * Make IndexedDB's `put` into `storeName` throw `error()` while `when(value)` holds; every other put goes through.
 * Returns the spy, so a test can restore `put` before the next sync.
 */
export function failPuts(
  storeName: string,
  error: () => DOMException,
  when: (value: unknown) => boolean = () => true,
) {
  const originalPut = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    if (this.name === storeName && when(args[0])) throw error();
    return originalPut.apply(this, args);
  });
}

/** The first put of a digest fails as a full disk does; the retry succeeds. */
export function quotaExceededOnce() {
  let thrown = false;
  return failPuts(
    'digests',
    () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    () => {
      if (thrown) return false;
      thrown = true;
      return true;
    },
  );
}

/** Counts the digests read back from IndexedDB, one by one, all at once or by a cursor. */
export function countDigestReads() {
  const counted = { digests: 0 };
  for (const method of ['get', 'getAll', 'openCursor'] as const) {
    const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => unknown;
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: unknown[]
    ) {
      if (this.name === 'digests') counted.digests += 1;
      return original.apply(this, args) as never;
    });
  }
  return counted;
}

/** A stored GitHub 热门 digest of `date`: one `trending` item per repository, ranked in order. */
export function trendingDigest(
  date: string,
  repos: readonly string[],
  overrides: Partial<StoredDigest> = {},
): StoredDigest {
  return storedDigest(date, {
    kind: 'github-trending',
    issueUrl: null,
    items: repos.map((repo, index) => testItem('trending', index + 1, [`https://github.com/${repo}`], repo)),
    sourceId: 'trending',
    sourceUrl: `https://static.zou8944.com/newsletter/${date}/github_trending_${date}.md`,
    ...overrides,
  });
}
