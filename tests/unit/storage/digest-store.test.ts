import { describe, expect, it, vi } from 'vitest';
import { type DocumentRecord, openDigestDatabase } from '../../../lib/storage/database';
import { DigestStore } from '../../../lib/storage/digest-store';
import type { ItemRecord } from '../../../lib/storage/item-records';
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
    expect(await store.clear()).toBe(1);
    expect(await store.dates()).toEqual([]);
    expect(await store.document('https://example.com/a.md')).toBeUndefined();
  });

  it('finds the digests that hold the same item by its primary key', async () => {
    const store = await openTestStore();
    const repeated = testItem('news', 1, ['https://x.com/a/status/77']);
    await store.write(storedDigest('2026-11-27', { items: [repeated] }));
    await store.write(storedDigest('2026-11-28', { items: [repeated] }));
    expect(await sameItemDates(store, 'x:status:77')).toEqual(['2026-11-27', '2026-11-28']);
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
