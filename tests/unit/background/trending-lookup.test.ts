import { describe, expect, it } from 'vitest';
import { lookupMatches } from '../../../lib/background/lookup';
import type { DigestStore } from '../../../lib/storage/digest-store';
import { MemoryDigestStore } from '../../../lib/storage/memory-digest-store';
import { openTestStore, storedDigest, testItem, trendingDigest } from '../storage/stored-digest';

const REPO = 'gh:repo:acme/rocket';

/** The AI digest told a story about the repo once; the repo trended on three days, with another summary each. */
async function library(open: () => Promise<DigestStore>) {
  const store = await open();
  await store.writeMany(
    [
      storedDigest('2026-11-10', {
        items: [testItem('tools', 4, ['https://github.com/acme/rocket/releases/tag/v2'], 'Rocket 2')],
      }),
      trendingDigest('2026-11-12', ['someone/else', 'acme/rocket']),
      trendingDigest('2026-11-20', ['Acme/Rocket']),
      trendingDigest('2026-11-15', ['acme/rocket/']),
      trendingDigest('2026-11-21', ['only/trending']),
    ],
    () => false,
  );
  return store;
}

describe.each([
  ['IndexedDB', () => openTestStore()],
  ['memory', async () => new MemoryDigestStore() as DigestStore],
])('a repository page with GitHub 热门 (%s)', (_name, open) => {
  it("shows the AI digest's item first, then one trending card of the newest day, counting the other days", async () => {
    const store = await library(open);
    const { matches, total } = await lookupMatches(store, [REPO]);
    expect(total).toBe(2);
    expect(matches.map((match) => [match.date, match.item.section, match.item.rank, match.alsoIn])).toEqual([
      ['2026-11-10', 'tools', 4, 0],
      // Trended on 11-12, 11-15 and 11-20 (however the link was spelled): 上榜 3 次, the newest summary.
      ['2026-11-20', 'trending', 1, 2],
    ]);
    expect(matches[1]?.story).toBe(REPO);
  });

  it('gives the limit to the AI digest first and still counts the trending card', async () => {
    const store = await library(open);
    const { matches, total } = await lookupMatches(store, [REPO], 1);
    expect(matches.map((match) => match.item.section)).toEqual(['tools']);
    expect(total).toBe(2);
  });

  it('shows a repository that only trended as its one trending card', async () => {
    const store = await library(open);
    const { matches, total } = await lookupMatches(store, ['gh:repo:only/trending']);
    expect(total).toBe(1);
    expect(matches).toEqual([
      {
        date: '2026-11-21',
        issueUrl: null,
        item: testItem('trending', 1, ['https://github.com/only/trending'], 'only/trending'),
        alsoIn: 0,
        story: 'gh:repo:only/trending',
      },
    ]);
  });
});
