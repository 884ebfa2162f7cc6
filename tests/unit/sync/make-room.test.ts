import { describe, expect, it, vi } from 'vitest';
import { RoomMaker, StorageFullError } from '../../../lib/sync/make-room';
import { countDigestReads, openTestStore, storedDigest } from '../storage/stored-digest';

const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const day = (index: number) => `2026-10-${String(index + 1).padStart(2, '0')}`;

describe('RoomMaker', () => {
  it('removes the oldest tenth of the synced digests (at least one), never the date being written, and retries once', async () => {
    const store = await openTestStore();
    const dates = Array.from({ length: 12 }, (_, index) => day(index));
    for (const date of dates) await store.write(storedDigest(date));
    const room = new RoomMaker(store);
    let attempts = 0;
    const result = await room.write('2026-10-01', async () => {
      attempts += 1;
      if (attempts === 1) throw quotaExceeded();
      return 'written';
    });
    expect(result).toBe('written');
    expect(await store.dates()).toEqual(['2026-10-01', ...dates.slice(3)]);
    expect(room.removed).toEqual(['2026-10-02', '2026-10-03']);
    expect(room.notice()?.en).toBe(
      'Storage was full: removed the 2 oldest synced digests (2026-10-02 to 2026-10-03) to make room.',
    );
  });

  it('chooses what to remove from the summaries, reading no digest back', async () => {
    const store = await openTestStore();
    await store.writeMany(
      Array.from({ length: 30 }, (_, index) => storedDigest(day(index))),
      () => false,
    );
    const reads = countDigestReads();
    const room = new RoomMaker(store);
    let attempts = 0;
    await room.write('2026-11-01', async () => {
      attempts += 1;
      if (attempts === 1) throw quotaExceeded();
    });
    expect(room.removed).toEqual([day(0), day(1), day(2)]);
    expect(reads.digests).toBe(0);
  });

  it('never removes imported digests, even older ones: only synced ones go', async () => {
    const store = await openTestStore();
    for (let index = 0; index < 5; index++)
      await store.write(storedDigest(day(index), { sourceId: index % 2 ? 'import' : 'archive' }));
    for (let index = 5; index < 10; index++) await store.write(storedDigest(day(index)));
    const room = new RoomMaker(store);
    let attempts = 0;
    await room.write('2026-11-01', async () => {
      attempts += 1;
      if (attempts === 1) throw quotaExceeded();
    });
    expect(room.removed).toEqual([day(5)]);
    expect(await store.dates()).toEqual(
      Array.from({ length: 10 }, (_, index) => day(index)).filter((d) => d !== day(5)),
    );
  });

  it('makes room once: a second full write, and a retry that still fails, remove nothing more', async () => {
    const store = await openTestStore();
    for (let index = 0; index < 20; index++) await store.write(storedDigest(day(index)));
    const deleteSpy = vi.spyOn(store, 'delete');
    const room = new RoomMaker(store);
    const full = async () => {
      throw quotaExceeded();
    };
    await expect(room.write('2026-11-01', full)).rejects.toBeInstanceOf(StorageFullError);
    await expect(room.write('2026-11-02', full)).rejects.toBeInstanceOf(StorageFullError);
    await expect(room.write('2026-11-03', full)).rejects.toBeInstanceOf(StorageFullError);
    expect(deleteSpy).toHaveBeenCalledTimes(1);
    expect(await store.dates()).toHaveLength(18);
    expect(room.notice()).toEqual({
      en: 'Storage was full: removed the 2 oldest synced digests (2026-10-01 to 2026-10-02) to make room. Storage is full: 3 digests were not stored. Imported digests are never removed to make room; free disk space or remove digests you no longer need.',
      zh: '存储空间已满：删除了最早同步的 2 期摘要（2026-10-01 至 2026-10-02）以腾出空间。 存储空间已满：有 3 期摘要未能保存。导入的摘要不会被自动删除；请释放磁盘空间或删除不再需要的摘要。',
    });
  });

  it('removes nothing and says storage is full when only imported digests are stored', async () => {
    const store = await openTestStore();
    await store.write(storedDigest('2026-10-01', { sourceId: 'import' }));
    const room = new RoomMaker(store);
    await expect(
      room.write('2026-11-01', async () => {
        throw quotaExceeded();
      }),
    ).rejects.toThrow('storage is full');
    expect(await store.dates()).toEqual(['2026-10-01']);
    expect(room.notice()?.en).toMatch(/^Storage is full: 1 digest was not stored\./);
  });

  it('passes any other error through without removing anything', async () => {
    const store = await openTestStore();
    await store.write(storedDigest('2026-10-01'));
    const room = new RoomMaker(store);
    await expect(
      room.write('2026-11-01', async () => {
        throw new Error('disk on fire');
      }),
    ).rejects.toThrow('disk on fire');
    expect(await store.dates()).toEqual(['2026-10-01']);
    expect(room.notice()).toBeNull();
  });
});
