import { describe, expect, it, vi } from 'vitest';
import { type DocumentRecord, openDigestDatabase } from '../../../lib/storage/database';
import { storedItem } from '../../../lib/storage/digest-record';
import { ClearedDuringWriteError, DigestStore, NOT_FOUND_KEPT_MS } from '../../../lib/storage/digest-store';
import type { ItemRecord } from '../../../lib/storage/item-records';
import { readStateOf } from '../../../lib/storage/read-state-store';
import {
  failPuts,
  itemsMatching,
  openTestStore,
  sameItemDates,
  storedDigest,
  testItem,
  uniqueDatabaseName,
} from './stored-digest';

describe('DigestStore', () => {
  it('writes a digest and reads it back, newest first', async () => {
    const store = await openTestStore();
    await store.write(storedDigest('2026-11-27'));
    await store.write(storedDigest('2026-11-28'));
    expect((await store.read('2026-11-27'))?.date).toBe('2026-11-27');
    expect((await store.readAll()).map((digest) => digest.date)).toEqual(['2026-11-28', '2026-11-27']);
    expect((await store.latest())?.date).toBe('2026-11-28');
    expect(await store.read('2026-01-01')).toBeNull();
  });

  it('indexes items by the identity keys of their links', async () => {
    const store = await openTestStore();
    await store.write(
      storedDigest('2026-11-28', {
        items: [
          testItem('news', 1, ['https://twitter.com/Someone/status/42?s=46']),
          testItem('tools', 1, ['https://github.com/Owner/Repo', 'https://x.com/owner/status/43']),
        ],
      }),
    );
    const byTweet = await itemsMatching(store, ['x:status:42']);
    expect(byTweet.map((record) => record.position)).toEqual([0]);
    const both = await itemsMatching(store, ['x:status:43', 'gh:repo:owner/repo']);
    expect(both.map((record) => record.position)).toEqual([1]);
  });

  it('replaces a digest together with its index entries', async () => {
    const store = await openTestStore();
    await store.write(
      storedDigest('2026-11-28', { items: [testItem('news', 1, ['https://x.com/a/status/1'])] }),
    );
    await store.write(
      storedDigest('2026-11-28', { items: [testItem('news', 1, ['https://x.com/a/status/2'])] }),
    );
    expect(await itemsMatching(store, ['x:status:1'])).toEqual([]);
    expect(await itemsMatching(store, ['x:status:2'])).toHaveLength(1);
  });

  it('keeps the old version when a write fails in the middle', async () => {
    const store = await openTestStore();
    await store.write(storedDigest('2026-11-28', { contentHash: 'old' }));
    const itemPut = failPuts('items', () => new DOMException('disk went away', 'UnknownError'));
    await expect(
      store.write(
        storedDigest('2026-11-28', {
          contentHash: 'new',
          items: [testItem('news', 1, ['https://x.com/a/status/9'])],
        }),
      ),
    ).rejects.toThrow('disk went away');
    itemPut.mockRestore();
    expect((await store.read('2026-11-28'))?.contentHash).toBe('old');
    expect(await itemsMatching(store, ['x:status:9'])).toEqual([]);
    expect(await itemsMatching(store, ['x:status:2026112801'])).toHaveLength(1);
  });

  it('never interleaves two writes of one date: each decides on what the one before it wrote', async () => {
    const store = await openTestStore();
    // An import and a sync (or two sources) writing the same day at once; the newer fetch must win either way.
    const versions = [3_000, 1_000, 2_000].map((fetchedAt) =>
      storedDigest('2026-11-28', { fetchedAt, contentHash: `fetched-${fetchedAt}` }),
    );
    const results = await Promise.all(
      versions.map((incoming) =>
        store.writeUnless(incoming, (stored) => stored.fetchedAt >= incoming.fetchedAt),
      ),
    );
    expect(results.map((result) => [result.written, result.previous?.fetchedAt ?? null])).toEqual([
      [true, null],
      [false, 3_000],
      [false, 3_000],
    ]);
    expect((await store.read('2026-11-28'))?.contentHash).toBe('fetched-3000');
  });

  it('reports a corrupt record and skips it', async () => {
    const reports: string[] = [];
    const store = await openTestStore((description) => reports.push(description));
    await store.write(storedDigest('2026-11-27'));
    await store.db.put('digests', { date: '2026-11-28', items: 'not a list' });
    expect((await store.readAll()).map((digest) => digest.date)).toEqual(['2026-11-27']);
    expect(await store.read('2026-11-28')).toBeNull();
    expect(reports[0]).toMatch(/digest 2026-11-28 is corrupt/);
  });

  it('passes over a damaged index entry (a key a real browser would refuse to look up)', async () => {
    const store = await openTestStore();
    await store.write(
      storedDigest('2026-11-27', { items: [testItem('news', 1, ['https://x.com/a/status/3'])] }),
    );
    await store.db.put('items', {
      date: '2026-11-28',
      position: 0,
      keys: ['x:status:3'],
      primaryKey: { not: 'a key' },
    } as unknown as ItemRecord);
    expect((await itemsMatching(store, ['x:status:3'])).map((record) => record.date)).toEqual(['2026-11-27']);
  });

  it('deletes digests with their index entries, and clears everything', async () => {
    const store = await openTestStore();
    await store.write(storedDigest('2026-11-27'));
    await store.write(storedDigest('2026-11-28'));
    await store.saveDocument({ url: 'https://example.com/a.md', etag: '"v1"' });
    await store.delete(['2026-11-27']);
    expect(await store.dates()).toEqual(['2026-11-28']);
    expect(await itemsMatching(store, ['x:status:2026112701'])).toEqual([]);
    await readStateOf(store).add([{ key: 'x:status:2026112801', readAt: 5 }]);
    expect(await store.clear()).toBe(1);
    expect(await store.dates()).toEqual([]);
    expect(await store.document('https://example.com/a.md')).toBeUndefined();
    expect(await readStateOf(store).all()).toEqual([]);
  });

  it('finds the digests that hold the same item by its primary key', async () => {
    const store = await openTestStore();
    const repeated = testItem('news', 1, ['https://x.com/a/status/77']);
    await store.write(storedDigest('2026-11-27', { items: [repeated] }));
    await store.write(storedDigest('2026-11-28', { items: [repeated] }));
    expect(await sameItemDates(store, 'x:status:77')).toEqual(['2026-11-27', '2026-11-28']);
    // Given every entry of the story, the index only counts them: no entry is read twice.
    const entries = await itemsMatching(store, ['x:status:77']);
    const getAllKeys = vi.spyOn(IDBIndex.prototype, 'getAllKeys');
    const dates = await store.readItems((reader) => reader.storyDates('x:status:77', entries));
    expect([...dates].sort()).toEqual(['2026-11-27', '2026-11-28']);
    expect(getAllKeys).not.toHaveBeenCalled();
  });

  it('reads a damaged fetch record as nothing remembered, keeping its valid fields', async () => {
    const store = await openTestStore();
    await store.db.put('documents', {
      url: 'https://a.example/x.md',
      etag: 42,
      notFoundAt: 'yesterday',
      digestDate: '2026-11-28',
    } as unknown as DocumentRecord);
    expect(await store.document('https://a.example/x.md')).toEqual({
      url: 'https://a.example/x.md',
      digestDate: '2026-11-28',
    });
  });

  it('never keeps in its cache a version read while it was being replaced', async () => {
    const db = await openDigestDatabase(uniqueDatabaseName());
    let answerSlowRead: (() => void) | undefined;
    const slowFirstGet = async (...args: Parameters<typeof db.get>) => {
      const value = await db.get(...args);
      await new Promise<void>((resolve) => {
        answerSlowRead = resolve;
      });
      return value;
    };
    let slow = false;
    const slowDb = new Proxy(db, {
      get(target, property) {
        if (property === 'get' && slow) return slowFirstGet;
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const store = new DigestStore(slowDb);
    await store.write(storedDigest('2026-11-28', { contentHash: 'old' }));
    slow = true;
    const slowRead = store.read('2026-11-28');
    slow = false;
    await vi.waitFor(() => expect(answerSlowRead).toBeDefined());
    await store.write(storedDigest('2026-11-28', { contentHash: 'new' }));
    answerSlowRead?.();
    expect((await slowRead)?.contentHash).toBe('old');
    expect((await store.read('2026-11-28'))?.contentHash).toBe('new');
  });
});

describe('DigestStore reading back', () => {
  it('drops only a damaged item, and finds the others at their positions in the digest it answers', async () => {
    const reports: string[] = [];
    const store = await openTestStore((description) => reports.push(description));
    const digest = storedDigest('2026-11-28', {
      items: [
        testItem('news', 1, ['https://x.com/a/status/1']),
        testItem('news', 2, ['https://x.com/a/status/2']),
        testItem('tools', 1, ['https://x.com/a/status/3']),
      ],
    });
    await store.write(digest);
    await store.db.put('digests', { ...digest, items: [digest.items[0], { title: 42 }, digest.items[2]] });

    const [read] = await store.readAll();
    expect(read?.items.map((item) => item.title)).toEqual(['条目 1', '条目 1']);
    expect(reports).toEqual([expect.stringMatching(/digest 2026-11-28: item 2 is damaged and was skipped/)]);
    const readBack = await store.readItems((reader) => reader.digest('2026-11-28'));
    const found = await itemsMatching(store, ['x:status:2', 'x:status:3']);
    expect(found.map((record) => readBack && storedItem(readBack, record.position)?.links)).toEqual([
      undefined,
      ['https://x.com/a/status/3'],
    ]);
    expect(await store.latest()).toEqual({ ...digest, items: [digest.items[0], digest.items[2]] });
  });

  it('answers the latest digest without reading back the older ones', async () => {
    const reports: string[] = [];
    const store = await openTestStore((description) => reports.push(description));
    await store.write(storedDigest('2026-11-28'));
    await store.db.put('digests', { date: '2026-11-01', items: 'damaged' });
    await store.db.put('digests', { date: '2026-11-29', items: 'damaged' });
    expect((await store.latest())?.date).toBe('2026-11-28');
    // The newest record (damaged) was read back and reported; the older damaged one was never read.
    expect(reports).toEqual([expect.stringContaining('digest 2026-11-29 is corrupt')]);
  });

  it('counts and lists only valid digests, from summaries written with them', async () => {
    const store = await openTestStore(() => undefined);
    await store.write(storedDigest('2026-11-27'));
    await store.write(
      storedDigest('2026-11-28', { items: [testItem('tools', 1, ['https://github.com/a/b'])] }),
    );
    await store.db.put('digests', { date: '2026-11-29', items: 'damaged' });
    expect(await store.dates()).toEqual(['2026-11-27', '2026-11-28']);
    expect(await store.summaries()).toEqual([
      { date: '2026-11-28', sourceId: 'dated', fetchedAt: 1_000, news: 0, tools: 1 },
      { date: '2026-11-27', sourceId: 'dated', fetchedAt: 1_000, news: 1, tools: 1 },
    ]);
    expect(await store.clear()).toBe(2);
    expect(await store.summaries()).toEqual([]);
  });
});

describe('DigestStore bookkeeping', () => {
  it('deletes the fetch record of a document with the digest it describes', async () => {
    const store = await openTestStore();
    await store.write(storedDigest('2026-11-27'));
    await store.write(storedDigest('2026-11-28'));
    await store.saveDocument({ url: 'https://e.example/27.md', etag: '"27"', digestDate: '2026-11-27' });
    await store.saveDocument({ url: 'https://e.example/28.md', etag: '"28"', digestDate: '2026-11-28' });
    await store.delete(['2026-11-27']);
    expect(await store.document('https://e.example/27.md')).toBeUndefined();
    expect(await store.document('https://e.example/28.md')).toMatchObject({ etag: '"28"' });
    expect(await store.summaries()).toEqual([expect.objectContaining({ date: '2026-11-28' })]);
  });

  it('forgets a remembered 404 once it is old, when a new one is remembered', async () => {
    const store = await openTestStore();
    const now = Date.UTC(2026, 10, 28);
    await store.saveDocument({ url: 'https://e.example/old.md', notFoundAt: now - NOT_FOUND_KEPT_MS - 1 });
    await store.saveDocument({ url: 'https://e.example/recent.md', notFoundAt: now - NOT_FOUND_KEPT_MS + 1 });
    await store.saveDocument({ url: 'https://e.example/kept.md', etag: '"v"', digestDate: '2026-01-01' });
    await store.saveDocument({ url: 'https://e.example/new.md', notFoundAt: now });
    expect(await store.document('https://e.example/old.md')).toBeUndefined();
    expect(await store.document('https://e.example/recent.md')).toBeDefined();
    expect(await store.document('https://e.example/kept.md')).toBeDefined();
    expect(await store.document('https://e.example/new.md')).toBeDefined();
  });
});

describe('DigestStore.writeMany', () => {
  it('writes every digest or, when one write fails, none', async () => {
    const store = await openTestStore();
    await store.write(storedDigest('2026-11-01'));
    const failing = failPuts(
      'digests',
      () => new DOMException('disk went away', 'UnknownError'),
      (value) => (value as { date?: string }).date === '2026-11-03',
    );
    const dates = ['2026-11-02', '2026-11-03', '2026-11-04'];
    await expect(
      store.writeMany(
        dates.map((date) => storedDigest(date)),
        () => false,
      ),
    ).rejects.toThrow('disk went away');
    failing.mockRestore();
    expect(await store.dates()).toEqual(['2026-11-01']);
    expect(await itemsMatching(store, ['x:status:2026110201'])).toEqual([]);
  });

  it('decides each digest on the stored version, or on one written earlier in the same call', async () => {
    const store = await openTestStore();
    await store.write(storedDigest('2026-11-01', { fetchedAt: 5_000 }));
    const outcomes = await store.writeMany(
      [
        storedDigest('2026-11-01', { fetchedAt: 4_000 }),
        storedDigest('2026-11-02', { fetchedAt: 1_000 }),
        storedDigest('2026-11-02', { fetchedAt: 2_000, contentHash: 'second' }),
      ],
      (stored, incoming) => stored.fetchedAt >= incoming.fetchedAt,
    );
    expect(outcomes.map(({ written, previous }) => [written, previous?.fetchedAt ?? null])).toEqual([
      [false, 5_000],
      [true, null],
      [true, 1_000],
    ]);
    expect((await store.read('2026-11-02'))?.contentHash).toBe('second');
  });

  it('is aborted by clear, which leaves an empty library', async () => {
    const store = await openTestStore();
    await store.write(storedDigest('2026-10-01'));
    const dates = Array.from(
      { length: 50 },
      (_, day) => `2026-11-${String((day % 28) + 1).padStart(2, '0')}`,
    );
    const writing = store.writeMany(
      dates.map((date, index) => storedDigest(date, { fetchedAt: index })),
      () => false,
    );
    const clearing = store.clear();
    await expect(writing).rejects.toBeInstanceOf(ClearedDuringWriteError);
    expect(await clearing).toBe(1);
    expect(await store.dates()).toEqual([]);
    expect(await store.readAll()).toEqual([]);
  });
});
