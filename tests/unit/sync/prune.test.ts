/** Retention chooses what goes from the summaries: 5 years of digests are not read back on every sync. */
import { describe, expect, it } from 'vitest';
import { markDayRead, markItemsRead } from '../../../lib/read-state/read-days';
import type { DigestStore } from '../../../lib/storage/digest-store';
import { MemoryDigestStore } from '../../../lib/storage/memory-digest-store';
import { readStateOf } from '../../../lib/storage/read-state-store';
import { pruneExpired } from '../../../lib/sync/prune';
import {
  countDigestReads,
  openTestStore,
  storedDigest,
  testItem,
  trendingDigest,
} from '../storage/stored-digest';

const NOON_2026_11_29 = Date.UTC(2026, 10, 29, 4);
const day = (index: number) => new Date(Date.UTC(2026, 9, 1) + index * 86_400_000).toISOString().slice(0, 10);

describe('pruneExpired', () => {
  it('deletes the synced digests past the retention, keeps imported ones, and reads no digest back', async () => {
    const store = await openTestStore();
    const dates = Array.from({ length: 60 }, (_, index) => day(index));
    await store.writeMany(
      dates.map((date, index) => storedDigest(date, { sourceId: index < 4 ? 'import' : 'dated' })),
      () => false,
    );
    const reads = countDigestReads();

    const deleted = await pruneExpired(store, 30, NOON_2026_11_29);

    expect(reads.digests).toBe(0);
    // 2026-11-29 less 30 days is 2026-10-30: what is older goes, unless the user imported it.
    expect(deleted).toEqual(dates.slice(4, 29).reverse());
    expect(await store.dates()).toEqual([...dates.slice(0, 4), ...dates.slice(29)]);
  });

  describe.each([
    ['IndexedDB', () => openTestStore()],
    ['memory', async () => new MemoryDigestStore() as DigestStore],
  ])('what was read, on the %s library', (_name, open) => {
    const READ_THEN = Date.UTC(2026, 9, 2, 4);
    const tweet = (status: number) => testItem('news', 1, [`https://x.com/someone/status/${status}`]);

    it('goes with the pruned digests: a read whose story no stored item has is forgotten', async () => {
      const store = await open();
      await store.write(storedDigest('2026-10-02', { items: [tweet(501), testItem('tools', 1, [])] }));
      await store.write(trendingDigest('2026-10-02', ['acme/rocket']));
      await store.write(storedDigest('2026-11-28'));
      await store.write(trendingDigest('2026-11-28', ['acme/other']));
      await markDayRead(store, readStateOf(store), '2026-10-02', READ_THEN);
      expect(await readStateOf(store).all()).toHaveLength(3);

      expect(await pruneExpired(store, 30, NOON_2026_11_29)).toEqual(['2026-10-02', '2026-10-02']);
      expect(await readStateOf(store).all()).toEqual([]);
    });

    it('keeps a read whose story a stored day still tells, and a read since the cutoff', async () => {
      const store = await open();
      await store.write(storedDigest('2026-10-02', { items: [tweet(501), tweet(502)] }));
      await store.write(storedDigest('2026-11-28', { items: [tweet(501)] }));
      await store.write(trendingDigest('2026-10-02', ['acme/rocket']));
      await store.write(trendingDigest('2026-11-28', ['acme/rocket']));
      // A day the user imported is kept whatever its age, and so is what was read of it (an item with no story).
      await store.write(storedDigest('2026-10-01', { sourceId: 'import', items: [testItem('news', 1, [])] }));
      await markDayRead(store, readStateOf(store), '2026-10-02', READ_THEN);
      await markDayRead(store, readStateOf(store), '2026-10-01', READ_THEN);
      // An import brought a read of a day not stored (yet) after the cutoff.
      await readStateOf(store).add([{ key: 'x:status:777', readAt: NOON_2026_11_29 - 86_400_000 }]);

      await pruneExpired(store, 30, NOON_2026_11_29);
      expect((await readStateOf(store).all()).map(({ key }) => key)).toEqual([
        'item:2026-10-01/news/1',
        'url:https://github.com/acme/rocket',
        'x:status:501',
        'x:status:777',
      ]);
      // Still read where the story is still told.
      await markItemsRead(store, readStateOf(store), [{ date: '2026-11-28', section: 'news', rank: 1 }], 1);
      expect(await readStateOf(store).all()).toHaveLength(4);
    });

    it('is left alone when nothing was pruned', async () => {
      const store = await open();
      await readStateOf(store).add([{ key: 'x:status:1', readAt: 1 }]);
      await store.write(storedDigest('2026-11-28'));
      expect(await pruneExpired(store, 30, NOON_2026_11_29)).toEqual([]);
      expect(await readStateOf(store).all()).toEqual([{ key: 'x:status:1', readAt: 1 }]);
    });
  });
});
