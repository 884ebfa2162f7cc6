import { describe, expect, it } from 'vitest';
import type { DigestStore } from '../../../lib/storage/digest-store';
import { MemoryDigestStore } from '../../../lib/storage/memory-digest-store';
import { itemsMatching, openTestStore, storedDigest, trendingDigest } from './stored-digest';

const ai = storedDigest('2026-11-20');
const trending = trendingDigest('2026-11-20', ['acme/rocket', 'Other/Thing']);
const trendingUrl = trending.sourceUrl;

describe.each([
  ['IndexedDB', () => openTestStore()],
  ['memory', async () => new MemoryDigestStore() as DigestStore],
])('GitHub 热门 beside the AI digest (%s)', (_name, open) => {
  it('keeps a trending digest and the AI digest of the same date apart', async () => {
    const store = await open();
    await store.writeMany([ai, trending], () => false);

    expect(await store.read('2026-11-20')).toEqual(ai);
    expect(await store.read('2026-11-20', 'github-trending')).toEqual(trending);
    expect(await store.readAll()).toEqual([ai]);
    expect(await store.readAll('github-trending')).toEqual([trending]);
    expect(await store.latest('github-trending')).toEqual(trending);
    expect(await store.dates('github-trending')).toEqual(['2026-11-20']);
    expect(await store.summaries('github-trending')).toEqual([
      { date: '2026-11-20', sourceId: 'trending', fetchedAt: 1_000, news: 0, tools: 2 },
    ]);
    // The AI digest's list and counts are what they were: the popup's 新闻 and 工具 see no trending item.
    expect(await store.dates()).toEqual(['2026-11-20']);
  });

  it('finds a trending item by its repository, in its own index, keyed by the repository', async () => {
    const store = await open();
    await store.writeMany([ai, trending], () => false);
    const found = await store.readItems(
      (reader) => reader.itemsWith(['gh:repo:other/thing']),
      'github-trending',
    );
    expect(found).toEqual([
      { date: '2026-11-20', position: 1, keys: ['gh:repo:other/thing'], primaryKey: 'gh:repo:other/thing' },
    ]);
    expect(await itemsMatching(store, ['gh:repo:other/thing'])).toEqual([]);
  });

  it('deletes one kind of a date with its bookkeeping, and leaves the other kind', async () => {
    const store = await open();
    await store.writeMany([ai, trending], () => false);
    await store.saveDocument({ url: ai.sourceUrl, etag: '"a"', digestDate: ai.date });
    await store.saveDocument({
      url: trendingUrl,
      etag: '"t"',
      digestDate: trending.date,
      digestKind: 'github-trending',
    });

    await store.delete(['2026-11-20'], 'github-trending');
    expect(await store.read('2026-11-20', 'github-trending')).toBeNull();
    expect(await store.document(trendingUrl)).toBeUndefined();
    expect(await store.read('2026-11-20')).toEqual(ai);
    expect(await store.document(ai.sourceUrl)).toEqual({
      url: ai.sourceUrl,
      etag: '"a"',
      digestDate: ai.date,
    });
  });

  it('clears both kinds and counts them', async () => {
    const store = await open();
    await store.writeMany([ai, trending], () => false);
    expect(await store.clear()).toBe(2);
    expect(await store.dates()).toEqual([]);
    expect(await store.dates('github-trending')).toEqual([]);
    expect(
      await store.readItems((reader) => reader.itemsWith(['gh:repo:acme/rocket']), 'github-trending'),
    ).toEqual([]);
  });

  it('replaces a trending day by its date and kind only, keeping the choice to keep the stored one', async () => {
    const store = await open();
    await store.writeMany([ai, trending], () => false);
    const corrected = trendingDigest('2026-11-20', ['acme/rocket'], { contentHash: 'other' });
    const [outcome] = await store.writeMany([corrected], (stored) => stored.kind !== 'github-trending');
    expect(outcome).toEqual({ written: true, previous: trending });
    expect(await store.read('2026-11-20', 'github-trending')).toEqual(corrected);
    expect(await store.read('2026-11-20')).toEqual(ai);
  });
});
