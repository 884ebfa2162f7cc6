import { describe, expect, it } from 'vitest';
import { exportDigests, importDigests } from '../../../lib/background/transfer';
import { openTestStore, storedDigest, trendingDigest } from '../storage/stored-digest';

const NOW = Date.parse('2026-11-29T04:00:00Z');

describe('export and import with GitHub 热门', () => {
  it('exports both kinds and brings both back after clearing, each to its own kind', async () => {
    const store = await openTestStore();
    await store.writeMany(
      [storedDigest('2026-11-20'), trendingDigest('2026-11-20', ['acme/rocket'])],
      () => false,
    );
    const file = await exportDigests(store, NOW);
    expect(file.digests.map((digest) => [digest.kind, digest.date])).toEqual([
      ['ainews', '2026-11-20'],
      ['github-trending', '2026-11-20'],
    ]);

    await store.clear();
    expect(await importDigests(store, JSON.parse(JSON.stringify(file)), NOW)).toEqual({
      added: 2,
      updated: 0,
      kept: 0,
    });
    expect((await store.read('2026-11-20', 'github-trending'))?.items[0]?.title).toBe('acme/rocket');
    expect((await store.read('2026-11-20'))?.kind).toBe('ainews');
  });

  it('reads a file written before there were two kinds as AI digests', async () => {
    const store = await openTestStore();
    const { kind: _kind, ...older } = storedDigest('2026-11-21');
    const file = { format: 'digest-lens-export', version: 1, exportedAt: NOW, digests: [older] };
    expect(await importDigests(store, file, NOW)).toMatchObject({ added: 1 });
    expect(await store.dates()).toEqual(['2026-11-21']);
    expect(await store.dates('github-trending')).toEqual([]);
  });
});
