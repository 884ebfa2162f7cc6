import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lookupMatches } from '../../../lib/background/lookup';
import { DATABASE_VERSION, openDigestDatabase } from '../../../lib/storage/database';
import { DigestStore } from '../../../lib/storage/digest-store';
import { readStateOf } from '../../../lib/storage/read-state-store';
import { sameItemDates, storedDigest, testItem, trendingDigest, uniqueDatabaseName } from './stored-digest';

type ShippedVersion = 1 | 2 | 3 | 4 | 5 | 6;

interface OldData {
  digests: unknown[];
  items: unknown[];
  documents?: unknown[];
  summaries?: unknown[];
  reads?: unknown[];
  trendingDigests?: unknown[];
  trendingItems?: unknown[];
  trendingSummaries?: unknown[];
}

/**
 * A database written as each shipped version wrote it, with raw IndexedDB (none of the new code). Version 1: digests
 * by date, items by [date, position] with key and date indexes, no primary key. Version 2 added the documents store
 * (validators with the digest's date, remembered 404s) and the primary-key index (a repo's key for a GitHub item).
 * Version 3 changed only what a GitHub item's primary key is (its link's URL). Version 4 added the summaries store
 * and the documents' byDigestDate and byNotFoundAt indexes. Version 5 added the reads store (by key), version 6 the
 * GitHub 热门 digests' own three stores (items with the same three indexes).
 */
function writeOldVersion(version: ShippedVersion, name: string, data: OldData): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('digests', { keyPath: 'date' });
      const itemStore = db.createObjectStore('items', { keyPath: ['date', 'position'] });
      itemStore.createIndex('byKey', 'keys', { multiEntry: true });
      itemStore.createIndex('byDate', 'date');
      if (version >= 2) {
        const documents = db.createObjectStore('documents', { keyPath: 'url' });
        itemStore.createIndex('byPrimaryKey', 'primaryKey');
        if (version >= 4) {
          documents.createIndex('byDigestDate', 'digestDate');
          documents.createIndex('byNotFoundAt', 'notFoundAt');
          db.createObjectStore('summaries', { keyPath: 'date' });
        }
      }
      if (version >= 5) db.createObjectStore('reads', { keyPath: 'key' });
      if (version >= 6) {
        db.createObjectStore('trendingDigests', { keyPath: 'date' });
        const trendingItems = db.createObjectStore('trendingItems', { keyPath: ['date', 'position'] });
        trendingItems.createIndex('byKey', 'keys', { multiEntry: true });
        trendingItems.createIndex('byDate', 'date');
        trendingItems.createIndex('byPrimaryKey', 'primaryKey');
        db.createObjectStore('trendingSummaries', { keyPath: 'date' });
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction([...db.objectStoreNames], 'readwrite');
      for (const digest of data.digests) tx.objectStore('digests').put(digest);
      for (const item of data.items) tx.objectStore('items').put(item);
      for (const document of data.documents ?? []) tx.objectStore('documents').put(document);
      for (const summary of data.summaries ?? []) tx.objectStore('summaries').put(summary);
      for (const read of data.reads ?? []) tx.objectStore('reads').put(read);
      for (const digest of data.trendingDigests ?? []) tx.objectStore('trendingDigests').put(digest);
      for (const item of data.trendingItems ?? []) tx.objectStore('trendingItems').put(item);
      for (const summary of data.trendingSummaries ?? []) tx.objectStore('trendingSummaries').put(summary);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

const older = storedDigest('2026-11-20', {
  items: [
    testItem('news', 1, ['https://x.com/a/status/501']),
    testItem('tools', 1, ['https://github.com/acme/widget/pull/1']),
  ],
});
const newer = storedDigest('2026-11-21', {
  items: [
    testItem('news', 1, ['https://x.com/a/status/501']),
    testItem('tools', 1, ['https://github.com/acme/widget/pull/2']),
  ],
});

/** The item records each version wrote for `older` and `newer`. */
function itemRecordsAsWrittenBy(version: ShippedVersion) {
  const primaryKey = (pull: number) =>
    version === 1
      ? {}
      : {
          primaryKey:
            version === 2 ? 'gh:repo:acme/widget' : `url:https://github.com/acme/widget/pull/${pull}`,
        };
  const tweet = (date: string) => ({
    date,
    position: 0,
    keys: ['x:status:501'],
    ...(version > 1 && { primaryKey: 'x:status:501' }),
  });
  const pull = (date: string, number: number) => ({
    date,
    position: 1,
    keys: ['gh:repo:acme/widget'],
    ...primaryKey(number),
  });
  return [tweet('2026-11-20'), pull('2026-11-20', 1), tweet('2026-11-21'), pull('2026-11-21', 2)];
}

const validators = {
  url: 'https://static.zou8944.com/newsletter/2026-11-21/ai_news_summary_2026-11-21.md',
  etag: '"v21"',
  lastModified: 'Sat, 21 Nov 2026 01:00:00 GMT',
  digestDate: '2026-11-21',
};
const remembered404 = {
  url: 'https://static.zou8944.com/newsletter/2026-11-19/ai_news_summary_2026-11-19.md',
  notFoundAt: Date.UTC(2026, 10, 21),
};

/** `older` and `newer` with their items, documents and summaries as version 4 wrote them. */
function asWrittenByVersion4(): OldData {
  return {
    digests: [older, newer],
    items: itemRecordsAsWrittenBy(3),
    documents: [validators, remembered404],
    summaries: [
      { date: '2026-11-20', sourceId: 'dated', fetchedAt: 1_000, news: 1, tools: 1 },
      { date: '2026-11-21', sourceId: 'dated', fetchedAt: 1_000, news: 1, tools: 1 },
    ],
  };
}

/** Everything each version stored must be found by the new code. */
async function expectEverythingKept(name: string, version: ShippedVersion) {
  const db = await openDigestDatabase(name);
  expect(db.version).toBe(DATABASE_VERSION);
  const store = new DigestStore(db);
  expect(await store.readAll()).toEqual([newer, older]);
  expect(await store.latest()).toEqual(newer);
  expect(await store.dates()).toEqual(['2026-11-20', '2026-11-21']);
  expect(await store.summaries()).toEqual([
    { date: '2026-11-21', sourceId: 'dated', fetchedAt: 1_000, news: 1, tools: 1 },
    { date: '2026-11-20', sourceId: 'dated', fetchedAt: 1_000, news: 1, tools: 1 },
  ]);
  // Every item is found by its keys; the same tweet on two days is one story, two pull requests are two.
  expect(await sameItemDates(store, 'x:status:501')).toEqual(['2026-11-20', '2026-11-21']);
  const { matches: pulls } = await lookupMatches(store, ['gh:repo:acme/widget']);
  expect(pulls.map((match) => [match.date, match.item.links[0], match.alsoIn])).toEqual([
    ['2026-11-21', 'https://github.com/acme/widget/pull/2', 0],
    ['2026-11-20', 'https://github.com/acme/widget/pull/1', 0],
  ]);
  if (version >= 2) {
    expect(await store.document(validators.url)).toEqual(validators);
    expect(await store.document(remembered404.url)).toEqual(remembered404);
  }
  db.close();
}

describe('database upgrades', () => {
  it.each([1, 2, 3] as const)(
    'opens a version %i database with every digest, item and document',
    async (version) => {
      const name = uniqueDatabaseName();
      await writeOldVersion(version, name, {
        digests: [older, newer],
        items: itemRecordsAsWrittenBy(version),
        ...(version >= 2 && { documents: [validators, remembered404] }),
      });
      await fakeBrowser.storage.local.set({ settings: { retentionDays: 90 } });

      await expectEverythingKept(name, version);
      // Settings live in storage.local, which no database upgrade touches.
      expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: { retentionDays: 90 } });
    },
  );

  it('opens a version 4 database as it is', async () => {
    const name = uniqueDatabaseName();
    await writeOldVersion(4, name, asWrittenByVersion4());
    await expectEverythingKept(name, 4);
  });

  it('opens a version 4 database with everything it wrote and an empty reads store (version 5)', async () => {
    const name = uniqueDatabaseName();
    await writeOldVersion(4, name, asWrittenByVersion4());
    await expectEverythingKept(name, 4);

    const db = await openDigestDatabase(name);
    expect(db.objectStoreNames.contains('reads')).toBe(true);
    const reads = readStateOf(new DigestStore(db));
    expect(await reads.all()).toEqual([]);
    await reads.add([{ key: 'x:status:501', readAt: 2_000 }]);
    db.close();
    // Reopened (the next worker start): what was read is still read, and the digests are still all there.
    await expectEverythingKept(name, 4);
    const reopened = await openDigestDatabase(name);
    expect(await readStateOf(new DigestStore(reopened)).all()).toEqual([
      { key: 'x:status:501', readAt: 2_000 },
    ]);
    reopened.close();
  });

  it('upgrades to version 4: damaged records are not counted, and bookkeeping of digests long gone goes', async () => {
    const name = uniqueDatabaseName();
    const orphan = { url: 'https://static.zou8944.com/old.md', etag: '"x"', digestDate: '2025-01-01' };
    await writeOldVersion(3, name, {
      digests: [
        older,
        { ...newer, items: [newer.items[0], { title: 42 }] },
        { date: '2026-11-22', items: 'not a list' },
      ],
      items: itemRecordsAsWrittenBy(3),
      documents: [validators, remembered404, orphan],
    });
    const db = await openDigestDatabase(name);
    const store = new DigestStore(db, () => undefined);
    expect(await store.dates()).toEqual(['2026-11-20', '2026-11-21']);
    expect((await store.summaries()).map(({ date, news, tools }) => [date, news, tools])).toEqual([
      ['2026-11-21', 1, 0],
      ['2026-11-20', 1, 1],
    ]);
    expect(await store.document(validators.url)).toEqual(validators);
    expect(await store.document(remembered404.url)).toEqual(remembered404);
    expect(await store.document(orphan.url)).toBeUndefined();
    db.close();
  });

  it('upgrades to version 7: items stored under the old link rules match under the new ones', async () => {
    const name = uniqueDatabaseName();
    const thread = 'https://www.reddit.com/r/LocalLLaMA/comments/1abc2de/qwen_release/';
    const listing = 'https://huggingface.co/OJ-1/datasets';
    const withOldKeys = storedDigest('2026-11-22', {
      items: [testItem('news', 1, [thread]), testItem('tools', 1, [listing])],
    });
    const oldThreadKey = 'url:https://reddit.com/r/LocalLLaMA/comments/1abc2de/qwen_release';
    await writeOldVersion(4, name, {
      digests: [older, newer, withOldKeys],
      items: [
        ...itemRecordsAsWrittenBy(3),
        { date: '2026-11-22', position: 0, keys: [oldThreadKey], primaryKey: oldThreadKey },
        {
          date: '2026-11-22',
          position: 1,
          keys: ['hf:model:oj-1/datasets'],
          primaryKey: 'hf:model:oj-1/datasets',
        },
      ],
      documents: [validators, remembered404],
    });
    const db = await openDigestDatabase(name);
    const store = new DigestStore(db);
    const linksFor = async (key: string) =>
      (await lookupMatches(store, [key])).matches.map((match) => match.item.links[0]);
    expect(await linksFor('reddit:1abc2de')).toEqual([thread]);
    expect(await linksFor(oldThreadKey)).toEqual([]);
    expect(await linksFor('hf:model:oj-1/datasets')).toEqual([]);
    expect(await sameItemDates(store, 'x:status:501')).toEqual(['2026-11-20', '2026-11-21']);
    expect(await store.document(validators.url)).toEqual(validators);
    db.close();
  });

  it('upgrades a version 4 database to GitHub 热门 stores of its own (version 6), every AI digest kept', async () => {
    const name = uniqueDatabaseName();
    // Version 4 wrote digests without a kind: they are AI digests.
    const withoutKind = [older, newer].map(({ kind: _kind, ...digest }) => digest);
    await writeOldVersion(4, name, { ...asWrittenByVersion4(), digests: withoutKind });
    const db = await openDigestDatabase(name);
    const store = new DigestStore(db);
    expect(await store.dates('github-trending')).toEqual([]);
    // A trending day of the same date as a stored AI digest goes beside it and replaces nothing.
    const trending = trendingDigest('2026-11-21', ['acme/rocket']);
    await store.write(trending);
    expect(await store.read('2026-11-21', 'github-trending')).toEqual(trending);
    db.close();
    await expectEverythingKept(name, 4);
  });

  it('rewrites the index entries of a version 1 or 2 database once, not once per step', async () => {
    for (const version of [1, 2] as const) {
      const name = uniqueDatabaseName();
      await writeOldVersion(version, name, {
        digests: [older, newer],
        items: itemRecordsAsWrittenBy(version),
        ...(version >= 2 && { documents: [validators, remembered404] }),
      });
      const originalPut = IDBObjectStore.prototype.put;
      const itemPuts = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['put']>
      ) {
        return originalPut.apply(this, args);
      });
      await expectEverythingKept(name, version);
      const puts = itemPuts.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'items');
      itemPuts.mockRestore();
      // Two digests of two items each: four entries written, once.
      expect(puts).toHaveLength(4);
    }
  });

  it.each([5, 6] as const)(
    'opens a version %i database with its reads (and GitHub 热门 digests) intact',
    async (version) => {
      const name = uniqueDatabaseName();
      const trending = trendingDigest('2026-11-21', ['acme/rocket']);
      const reads = [
        { key: 'item:2026-11-20/news/3', readAt: 1_500 },
        { key: 'x:status:501', readAt: 2_000 },
      ];
      await writeOldVersion(version, name, {
        ...asWrittenByVersion4(),
        reads,
        ...(version >= 6 && {
          trendingDigests: [trending],
          trendingItems: [
            {
              date: '2026-11-21',
              position: 0,
              keys: ['gh:repo:acme/rocket'],
              primaryKey: 'gh:repo:acme/rocket',
            },
          ],
          trendingSummaries: [
            { date: '2026-11-21', sourceId: 'trending', fetchedAt: 1_000, news: 0, tools: 1 },
          ],
        }),
      });
      await expectEverythingKept(name, 4);

      const db = await openDigestDatabase(name);
      const store = new DigestStore(db);
      expect(await readStateOf(store).all()).toEqual(reads);
      const rocket = await store.readItems(
        (reader) => reader.itemsWith(['gh:repo:acme/rocket']),
        'github-trending',
      );
      if (version === 5) {
        expect(await store.dates('github-trending')).toEqual([]);
        expect(rocket).toEqual([]);
      } else {
        expect(await store.read('2026-11-21', 'github-trending')).toEqual(trending);
        expect(await store.summaries('github-trending')).toEqual([
          { date: '2026-11-21', sourceId: 'trending', fetchedAt: 1_000, news: 0, tools: 1 },
        ]);
        expect(rocket).toEqual([
          {
            date: '2026-11-21',
            position: 0,
            keys: ['gh:repo:acme/rocket'],
            primaryKey: 'gh:repo:acme/rocket',
          },
        ]);
      }
      db.close();
    },
  );

  it('creates an empty database at the current version', async () => {
    const db = await openDigestDatabase(uniqueDatabaseName());
    expect(db.version).toBe(DATABASE_VERSION);
    expect([...db.objectStoreNames]).toEqual(
      expect.arrayContaining(['digests', 'documents', 'items', 'reads', 'summaries']),
    );
    expect([...db.transaction('documents').store.indexNames].sort()).toEqual([
      'byDigestDate',
      'byNotFoundAt',
    ]);
    db.close();
  });
});
