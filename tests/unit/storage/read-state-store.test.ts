import { describe, expect, it } from 'vitest';
import type { DigestStore } from '../../../lib/storage/digest-store';
import { MemoryDigestStore } from '../../../lib/storage/memory-digest-store';
import {
  IdbReadStateStore,
  MemoryReadStateStore,
  type ReadStateStore,
  readStateOf,
} from '../../../lib/storage/read-state-store';
import { openTestStore } from './stored-digest';

/** The same behaviours asked of the reads kept in IndexedDB and of those kept in memory. */
describe.each([
  ['IndexedDB', async () => readStateOf(await openTestStore())],
  ['memory', async () => readStateOf(new MemoryDigestStore() as DigestStore)],
])('the %s reads', (_name, open: () => Promise<ReadStateStore>) => {
  it('answers which keys are read, and counts only keys not read before', async () => {
    const reads = await open();
    expect(await reads.readAmong(['x:status:1'])).toEqual(new Set());
    expect(await reads.add([{ key: 'x:status:1', readAt: 100 }])).toBe(1);
    expect(
      await reads.add([
        { key: 'x:status:1', readAt: 200 },
        { key: 'paper:2401.00001', readAt: 200 },
      ]),
    ).toBe(1);
    expect(await reads.readAmong(['x:status:1', 'x:status:2', 'paper:2401.00001', 'x:status:1'])).toEqual(
      new Set(['x:status:1', 'paper:2401.00001']),
    );
    expect(await reads.readAmong([])).toEqual(new Set());
  });

  it('keeps when a key was first read: marking again or an older time never moves it later', async () => {
    const reads = await open();
    await reads.add([{ key: 'b', readAt: 300 }]);
    await reads.add([
      { key: 'b', readAt: 500 },
      { key: 'a', readAt: 50 },
      { key: 'a', readAt: 40 },
    ]);
    await reads.add([{ key: 'b', readAt: 200 }]);
    expect(await reads.all()).toEqual([
      { key: 'a', readAt: 40 },
      { key: 'b', readAt: 200 },
    ]);
  });

  it('forgets the reads of the keys it is given, and says how many there were', async () => {
    const reads = await open();
    await reads.add([
      { key: 'a', readAt: 1 },
      { key: 'b', readAt: 2 },
    ]);
    expect(await reads.delete(['a', 'c', 'a'])).toBe(1);
    expect(await reads.delete([])).toBe(0);
    expect(await reads.all()).toEqual([{ key: 'b', readAt: 2 }]);
  });

  it('forgets every read on clear and says how many there were', async () => {
    const reads = await open();
    await reads.add([
      { key: 'a', readAt: 1 },
      { key: 'b', readAt: 2 },
    ]);
    expect(await reads.clear()).toBe(2);
    expect(await reads.all()).toEqual([]);
    expect(await reads.readAmong(['a', 'b'])).toEqual(new Set());
  });
});

describe('readStateOf', () => {
  it('keeps the reads where the library keeps its digests, one store per library', async () => {
    const library = await openTestStore();
    const memory = new MemoryDigestStore();
    expect(readStateOf(library)).toBeInstanceOf(IdbReadStateStore);
    expect(readStateOf(library)).toBe(readStateOf(library));
    expect(readStateOf(memory)).toBeInstanceOf(MemoryReadStateStore);
    expect(readStateOf(memory)).toBe(readStateOf(memory));
  });

  it('passes over a damaged row of the reads store when exporting', async () => {
    const library = await openTestStore();
    await library.db.put('reads', { key: 'good', readAt: 5 });
    await library.db.put('reads', { key: 'no-time' } as never);
    await library.db.put('reads', { key: 'bad-time', readAt: 'yesterday' } as never);
    expect(await readStateOf(library).all()).toEqual([{ key: 'good', readAt: 5 }]);
  });
});
