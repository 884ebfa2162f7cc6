/** Retention chooses what goes from the summaries: 5 years of digests are not read back on every sync. */
import { describe, expect, it } from 'vitest';
import { pruneExpired } from '../../../lib/sync/prune';
import { countDigestReads, openTestStore, storedDigest } from '../storage/stored-digest';

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
});
