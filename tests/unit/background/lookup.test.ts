/**
 * A lookup stays small whatever the store holds: the adversarial review stored 26,148 items on one tweet (a 5.9 MB
 * answer, 999 cards) and 12,000 items about one repository (12,000 cards). Its work follows the cards it answers:
 * a story on 12,000 days reads one digest, not 12,000. The store is mostly a stand-in answering from memory what
 * `readItems` would, so these sizes run fast; one test stores them in IndexedDB and counts what it reads.
 */
import { describe, expect, it } from 'vitest';
import { lookupMatches } from '../../../lib/background/lookup';
import { LOOKUP_CARD_LIMIT } from '../../../lib/protocol';
import type { DigestKind, StoredDigest } from '../../../lib/schema';
import { DigestStore, type ItemReader } from '../../../lib/storage/digest-store';
import { itemRecordsOf } from '../../../lib/storage/item-records';
import { countDigestReads, openTestStore, storedDigest, testItem } from '../storage/stored-digest';

/** What `readItems` answers for a key held by every item of `digests`; `reads` counts the digests read. */
function storeOf(digests: StoredDigest[]) {
  const byDate = new Map(digests.map((digest) => [digest.date, digest]));
  const records = digests.flatMap((digest) => itemRecordsOf(digest));
  const reads = { digests: 0 };
  const reader: ItemReader = {
    itemsWith: async () => records,
    storyDates: async (story) =>
      new Set(records.filter((record) => record.primaryKey === story).map((record) => record.date)),
    digest: async (date) => {
      reads.digests += 1;
      const digest = byDate.get(date);
      return digest ? { digest, damaged: [] } : null;
    },
  };
  // The digests are AI digests: the GitHub 热门 index holds nothing.
  const noTrending: ItemReader = {
    itemsWith: async () => [],
    storyDates: async () => new Set(),
    digest: async () => null,
  };
  return {
    readItems: <T>(read: (reader: ItemReader) => Promise<T>, kind: DigestKind = 'ainews') =>
      read(kind === 'ainews' ? reader : noTrending),
    reads,
  };
}

const dateOf = (day: number) => new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
const longSummary = '这是一段很长的中文摘要，'.repeat(20);

describe('a bounded lookup', () => {
  it('answers 20 cards of 26,148 items on one tweet in one digest, and counts them all', async () => {
    const items = Array.from({ length: 26_148 }, (_, index) => ({
      ...testItem('news', index + 1, ['https://x.com/acme/status/42'], `第 ${index + 1} 条`),
      summary: longSummary,
    }));
    const store = storeOf([storedDigest('2026-11-28', { items })]);
    const { matches, total } = await lookupMatches(store, ['x:status:42']);
    expect(store.reads.digests).toBe(1);
    expect(total).toBe(26_148);
    expect(matches).toHaveLength(LOOKUP_CARD_LIMIT);
    expect(matches.map((match) => match.item.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(JSON.stringify({ matches, total }).length).toBeLessThan(20 * 1024);
  });

  it('answers the 20 newest of 12,000 stories about one repository, and counts them all', async () => {
    const digests = Array.from({ length: 600 }, (_, day) =>
      storedDigest(dateOf(day), {
        items: Array.from({ length: 20 }, (_, index) => ({
          ...testItem('tools', index + 1, [`https://github.com/acme/widget/pull/${day * 20 + index}`]),
          summary: longSummary,
        })),
      }),
    );
    const store = storeOf(digests);
    const { matches, total } = await lookupMatches(store, ['gh:repo:acme/widget'], 20);
    expect(store.reads.digests).toBe(1);
    expect(total).toBe(12_000);
    expect(matches).toHaveLength(20);
    expect(new Set(matches.map((match) => match.date))).toEqual(new Set([dateOf(599)]));
    expect(JSON.stringify({ matches, total }).length).toBeLessThan(20 * 1024);
  });

  it('answers one card for a story summarised on 12,000 days, saying in how many others it is', async () => {
    const digests = Array.from({ length: 12_000 }, (_, day) =>
      storedDigest(dateOf(day), { items: [testItem('tools', 1, ['https://github.com/acme/widget'])] }),
    );
    const store = storeOf(digests);
    const { matches, total } = await lookupMatches(store, ['gh:repo:acme/widget']);
    expect(store.reads.digests).toBe(1);
    expect(total).toBe(1);
    expect(matches).toMatchObject([{ date: dateOf(11_999), alsoIn: 11_999 }]);
  });

  it('answers as many cards as asked, up to all of them', async () => {
    const items = Array.from({ length: 30 }, (_, index) =>
      testItem('news', index + 1, [`https://x.com/acme/status/${index + 1}`]),
    );
    const store = storeOf([storedDigest('2026-11-28', { items })]);
    expect((await lookupMatches(store, ['x:status:1'], 5)).matches).toHaveLength(5);
    expect(await lookupMatches(store, ['x:status:1'], 500)).toMatchObject({ total: 30 });
    expect((await lookupMatches(store, ['x:status:1'], 500)).matches).toHaveLength(30);
    expect(await lookupMatches(store, [])).toEqual({ matches: [], total: 0, own: 0 });
  });

  it('reads the digests of the cards it answers, not of every date a key or story is on (IndexedDB)', async () => {
    const store = await openTestStore();
    // 12,000 days, each with a pull request of acme/widget and the same acme/gadget story summarised again.
    const digests = Array.from({ length: 12_000 }, (_, day) =>
      storedDigest(dateOf(day), {
        items: [
          testItem('tools', 1, [`https://github.com/acme/widget/pull/${day}`]),
          testItem('tools', 2, ['https://github.com/acme/gadget']),
        ],
      }),
    );
    await store.writeMany(digests, () => false);
    const reads = countDigestReads();

    const pulls = await lookupMatches(new DigestStore(store.db), ['gh:repo:acme/widget'], 20);
    expect(pulls.total).toBe(12_000);
    expect(pulls.matches.map((match) => match.date)).toEqual(
      Array.from({ length: 20 }, (_, index) => dateOf(11_999 - index)),
    );
    expect(reads.digests).toBe(20);

    reads.digests = 0;
    const story = await lookupMatches(new DigestStore(store.db), ['gh:repo:acme/gadget'], 20);
    expect(story).toMatchObject({ total: 1, matches: [{ date: dateOf(11_999), alsoIn: 11_999 }] });
    expect(reads.digests).toBe(1);
  }, 120_000);
});

describe('the lookup on the path to the card', () => {
  /**
   * A store whose digest reads wait for `release`, answering from `digests` for the AI digest (and the same for
   * GitHub 热门 with `trendingToo`).
   */
  function heldStore(digests: StoredDigest[], trendingToo = false) {
    const byDate = new Map(digests.map((digest) => [digest.date, digest]));
    const records = digests.flatMap((digest) => itemRecordsOf(digest));
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const calls: string[] = [];
    const reader: ItemReader = {
      itemsWith: async () => records,
      storyDates: async (story) => {
        calls.push(`storyDates ${story}`);
        return new Set(records.filter((record) => record.primaryKey === story).map((record) => record.date));
      },
      digest: async (date) => {
        calls.push(`digest ${date}`);
        await released;
        const digest = byDate.get(date);
        return digest ? { digest, damaged: [] } : null;
      },
    };
    const none: ItemReader = {
      itemsWith: async () => [],
      storyDates: async () => new Set(),
      digest: async () => null,
    };
    return {
      readItems: <T>(read: (item: ItemReader) => Promise<T>, kind: DigestKind = 'ainews') =>
        read(kind === 'ainews' || trendingToo ? reader : none),
      release: () => release(),
      calls,
    };
  }

  const twoDays = () => [
    storedDigest('2026-11-27', { items: [testItem('tools', 1, ['https://github.com/acme/widget'])] }),
    storedDigest('2026-11-28', { items: [testItem('tools', 1, ['https://github.com/acme/widget/pull/9'])] }),
  ];

  it("tells of the page's entries once, as soon as the index has them, before their digests are read", async () => {
    const store = heldStore(twoDays(), true);
    let told = 0;
    const answer = lookupMatches(store, ['gh:repo:acme/widget'], 20, undefined, () => {
      told += 1;
    });
    await expect.poll(() => told).toBe(1);
    expect(store.calls.filter((call) => call.startsWith('digest'))).toHaveLength(4);
    store.release();
    expect((await answer).total).toBe(4);
    // Both kinds found entries (the stand-in answers the same for each): told once.
    expect(told).toBe(1);
  });

  it('tells nothing when the index has no entry for the page', async () => {
    let told = 0;
    const answer = await lookupMatches(storeOf([]), ['gh:repo:nobody/nothing'], 20, undefined, () => {
      told += 1;
    });
    expect(answer.total).toBe(0);
    expect(told).toBe(0);
  });

  it("counts the shown cards' stories while their digests are read, each story once", async () => {
    const store = heldStore(twoDays());
    const answer = lookupMatches(store, ['gh:repo:acme/widget']);
    await expect
      .poll(() => store.calls.filter((call) => call.startsWith('storyDates')))
      .toEqual([
        'storyDates url:https://github.com/acme/widget/pull/9',
        'storyDates url:https://github.com/acme/widget',
      ]);
    expect(store.calls.filter((call) => call.startsWith('storyDates'))).toHaveLength(2);
    store.release();
    const { matches } = await answer;
    expect(matches.map((match) => match.alsoIn)).toEqual([0, 0]);
    expect(store.calls.filter((call) => call.startsWith('storyDates'))).toHaveLength(2);
  });
});
