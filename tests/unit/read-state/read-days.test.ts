import { describe, expect, it } from 'vitest';
import {
  markDayRead,
  markItemsRead,
  markVisitedRead,
  readStateOfDays,
} from '../../../lib/read-state/read-days';
import type { DigestStore } from '../../../lib/storage/digest-store';
import { MemoryDigestStore } from '../../../lib/storage/memory-digest-store';
import { readStateOf } from '../../../lib/storage/read-state-store';
import { openTestStore, storedDigest, testItem, trendingDigest } from '../storage/stored-digest';

const tweet = (rank: number, status: number) =>
  testItem('news', rank, [`https://x.com/someone/status/${status}`]);
const pull = (rank: number, number: number) =>
  testItem('tools', rank, [`https://github.com/acme/widget/pull/${number}`]);
const repo = (rank: number) => testItem('tools', rank, ['https://github.com/acme/widget']);
const unlinked = (rank: number) => testItem('news', rank, []);

/** Two days: the tweet 501 told on both, a repository and its pull request, an item without a link. */
async function library(open: () => Promise<DigestStore>) {
  const store = await open();
  await store.write(storedDigest('2026-11-20', { items: [tweet(1, 501), tweet(2, 502), repo(1)] }));
  await store.write(storedDigest('2026-11-21', { items: [tweet(1, 501), unlinked(2), pull(1, 7), repo(2)] }));
  return { store, reads: readStateOf(store) };
}

const unreadOf = async (store: DigestStore, dates = ['2026-11-21', '2026-11-20']) =>
  (await readStateOfDays(store, readStateOf(store), dates)).map(({ date, unread }) => [date, unread]);

describe.each([
  ['IndexedDB', () => openTestStore()],
  ['memory', async () => new MemoryDigestStore() as DigestStore],
])('read state on the %s library', (_name, open) => {
  it('counts every item unread at first, and leaves out a day not stored', async () => {
    const { store, reads } = await library(open);
    expect(await readStateOfDays(store, reads, ['2026-11-21', '2026-11-19', '2026-11-20'])).toEqual([
      {
        date: '2026-11-21',
        total: 4,
        unread: 4,
        read: [],
        sections: { news: { total: 2, unread: 2 }, tools: { total: 2, unread: 2 } },
      },
      {
        date: '2026-11-20',
        total: 3,
        unread: 3,
        read: [],
        sections: { news: { total: 2, unread: 2 }, tools: { total: 1, unread: 1 } },
      },
    ]);
  });

  it('reads an opened item by its story: the same story on another day is read there too', async () => {
    const { store, reads } = await library(open);
    expect(await markItemsRead(store, reads, [{ date: '2026-11-21', section: 'news', rank: 1 }], 5_000)).toBe(
      1,
    );
    expect(await readStateOfDays(store, reads, ['2026-11-21', '2026-11-20'])).toEqual([
      {
        date: '2026-11-21',
        total: 4,
        unread: 3,
        read: [{ section: 'news', rank: 1 }],
        sections: { news: { total: 2, unread: 1 }, tools: { total: 2, unread: 2 } },
      },
      {
        date: '2026-11-20',
        total: 3,
        unread: 2,
        read: [{ section: 'news', rank: 1 }],
        sections: { news: { total: 2, unread: 1 }, tools: { total: 1, unread: 1 } },
      },
    ]);
    expect(await reads.all()).toEqual([{ key: 'x:status:501', readAt: 5_000 }]);
  });

  it('reads an item without a story by itself, and passes over an item not stored', async () => {
    const { store, reads } = await library(open);
    const marked = await markItemsRead(
      store,
      reads,
      [
        { date: '2026-11-21', section: 'news', rank: 2 },
        { date: '2026-11-21', section: 'news', rank: 9 },
        { date: '2026-11-22', section: 'news', rank: 1 },
      ],
      5_000,
    );
    expect(marked).toBe(1);
    expect(await unreadOf(store)).toEqual([
      ['2026-11-21', 3],
      ['2026-11-20', 3],
    ]);
  });

  it('marks every item of one day read (全部标为已读), and of that day only but for stories told again', async () => {
    const { store, reads } = await library(open);
    expect(await markDayRead(store, reads, '2026-11-20', 5_000)).toBe(3);
    expect(await unreadOf(store)).toEqual([
      // The tweet 501 and the repository were told again on the 21st; the item without a link and the pull are not.
      ['2026-11-21', 2],
      ['2026-11-20', 0],
    ]);
    expect(await markDayRead(store, reads, '2026-11-19', 5_000)).toBe(0);
  });

  it("reads on a visit only the items whose story is the page: a pull request's, not its repository's", async () => {
    const { store, reads } = await library(open);
    // A pull request's page: the content script sends the repository's key and the pull request as the page's story.
    await markVisitedRead(
      store,
      reads,
      ['gh:repo:acme/widget'],
      'url:https://github.com/acme/widget/pull/7',
      9,
    );
    expect((await readStateOfDays(store, reads, ['2026-11-21']))[0]?.read).toEqual([
      { section: 'tools', rank: 1 },
    ]);
    // The repository's own page: its items, on both days.
    await markVisitedRead(store, reads, ['gh:repo:acme/widget'], undefined, 9);
    expect(await unreadOf(store)).toEqual([
      ['2026-11-21', 2],
      ['2026-11-20', 2],
    ]);
  });

  it('keeps nothing for a page no stored item is about', async () => {
    const { store, reads } = await library(open);
    expect(await markVisitedRead(store, reads, ['x:status:999'], undefined, 9)).toBe(0);
    expect(
      await markVisitedRead(
        store,
        reads,
        ['gh:repo:acme/widget'],
        'url:https://github.com/acme/widget/pull/8',
        9,
      ),
    ).toBe(0);
    expect(await markVisitedRead(store, reads, [], undefined, 9)).toBe(0);
    expect(await reads.all()).toEqual([]);
  });

  describe('with a GitHub 热门 digest on the same day', () => {
    /** The 21st's AI digest (above) and its 热门: acme/widget (also an AI item's repository) and acme/rocket. */
    async function withTrending() {
      const day = await library(open);
      await day.store.write(trendingDigest('2026-11-21', ['acme/widget', 'acme/rocket']));
      return day;
    }
    const sectionsOf = async (store: DigestStore) =>
      (await readStateOfDays(store, readStateOf(store), ['2026-11-21']))[0]?.sections;

    it('counts the 热门 items in the day, and on their own section', async () => {
      const { store, reads } = await withTrending();
      expect(await readStateOfDays(store, reads, ['2026-11-21'])).toEqual([
        {
          date: '2026-11-21',
          total: 6,
          unread: 6,
          read: [],
          sections: {
            news: { total: 2, unread: 2 },
            tools: { total: 2, unread: 2 },
            trending: { total: 2, unread: 2 },
          },
        },
      ]);
    });

    it('marks a 热门 item opened from the reader read: the kind follows the section', async () => {
      const { store, reads } = await withTrending();
      expect(
        await markItemsRead(store, reads, [{ date: '2026-11-21', section: 'trending', rank: 2 }], 5_000),
      ).toBe(1);
      expect(await readStateOfDays(store, reads, ['2026-11-21'])).toMatchObject([
        { total: 6, unread: 5, read: [{ section: 'trending', rank: 2 }] },
      ]);
      expect((await sectionsOf(store))?.trending).toEqual({ total: 2, unread: 1 });
      expect(await reads.all()).toEqual([{ key: 'url:https://github.com/acme/rocket', readAt: 5_000 }]);
    });

    it('marks the day read, or only the tab shown (全部标为已读 on 热门)', async () => {
      const { store, reads } = await withTrending();
      expect(await markDayRead(store, reads, '2026-11-21', 5_000, 'trending')).toBe(2);
      // The repository acme/widget is also the 21st's tools item 2: one story, read on both.
      expect(await sectionsOf(store)).toEqual({
        news: { total: 2, unread: 2 },
        tools: { total: 2, unread: 1 },
        trending: { total: 2, unread: 0 },
      });
      expect(await markDayRead(store, reads, '2026-11-21', 5_000)).toBe(3);
      expect(await unreadOf(store, ['2026-11-21'])).toEqual([['2026-11-21', 0]]);
    });

    it('a day with only its 热门 digest is a day too', async () => {
      const { store, reads } = await withTrending();
      await store.write(trendingDigest('2026-11-22', ['acme/rocket']));
      expect(await readStateOfDays(store, reads, ['2026-11-22'])).toEqual([
        {
          date: '2026-11-22',
          total: 1,
          unread: 1,
          read: [],
          sections: { trending: { total: 1, unread: 1 } },
        },
      ]);
      expect(await markDayRead(store, reads, '2026-11-22', 5_000)).toBe(1);
      expect(await unreadOf(store, ['2026-11-22'])).toEqual([['2026-11-22', 0]]);
    });

    it('reads on a visit a repository told only in 热门', async () => {
      const { store, reads } = await withTrending();
      expect(await markVisitedRead(store, reads, ['gh:repo:acme/rocket'], undefined, 9)).toBe(1);
      expect((await sectionsOf(store))?.trending).toEqual({ total: 2, unread: 1 });
      // A pull request of a repository in 热门 reads no 热门 item.
      expect(
        await markVisitedRead(
          store,
          reads,
          ['gh:repo:acme/rocket'],
          'url:https://github.com/acme/rocket/pull/3',
          9,
        ),
      ).toBe(0);
    });
  });
});
