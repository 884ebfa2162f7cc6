import { describe, expect, it } from 'vitest';
import { makeRoomAndRetry } from '../../../lib/sync/make-room';
import { openTestStore, storedDigest } from '../storage/stored-digest';

const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('makeRoomAndRetry', () => {
  it('removes the oldest tenth (at least one), never the date being written, and retries once', async () => {
    const store = await openTestStore();
    const dates = Array.from({ length: 12 }, (_, index) => `2026-10-${String(index + 1).padStart(2, '0')}`);
    for (const date of dates) await store.write(storedDigest(date));
    const removals: string[][] = [];
    let attempts = 0;
    const result = await makeRoomAndRetry(
      store,
      '2026-10-01',
      async () => {
        attempts += 1;
        if (attempts === 1) throw quotaExceeded();
        return 'written';
      },
      (removed) => removals.push(removed),
    );
    expect(result).toBe('written');
    expect(await store.dates()).toEqual(['2026-10-01', ...dates.slice(3)]);
    expect(removals).toEqual([['2026-10-02', '2026-10-03']]);
  });

  it('gives up when storage is still full after making room', async () => {
    const store = await openTestStore();
    await store.write(storedDigest('2026-10-01'));
    await expect(
      makeRoomAndRetry(store, '2026-11-01', async () => {
        throw quotaExceeded();
      }),
    ).rejects.toThrow('quota');
  });

  it('passes any other error through without removing anything', async () => {
    const store = await openTestStore();
    await store.write(storedDigest('2026-10-01'));
    await expect(
      makeRoomAndRetry(store, '2026-11-01', async () => {
        throw new Error('disk on fire');
      }),
    ).rejects.toThrow('disk on fire');
    expect(await store.dates()).toEqual(['2026-10-01']);
  });
});
