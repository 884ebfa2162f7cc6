import { afterEach, describe, expect, it, vi } from 'vitest';
import { DigestStore, NOT_FOUND_KEPT_MS } from '../../../lib/storage/digest-store';
import { MemoryDigestStore } from '../../../lib/storage/memory-digest-store';
import { openDigestStore } from '../../../lib/storage/open-store';
import { readStateOf } from '../../../lib/storage/read-state-store';
import {
  failPuts,
  itemsMatching,
  openTestStore,
  sameItemDates,
  storedDigest,
  testItem,
  uniqueDatabaseName,
} from './stored-digest';

afterEach(() => vi.restoreAllMocks());

const refused = () =>
  new DOMException(
    'A mutation operation was attempted on a database that did not allow mutations.',
    'InvalidStateError',
  );

/** The same behaviours asked of the IndexedDB store and of the memory one. */
describe.each([
  ['IndexedDB', () => openTestStore()],
  ['memory', async () => new MemoryDigestStore() as DigestStore],
])('the %s store', (_name, open) => {
  it('writes digests and reads them back, newest first, with their summaries and dates', async () => {
    const store = await open();
    await store.write(storedDigest('2026-11-28'));
    await store.write(storedDigest('2026-11-27'));
    expect((await store.read('2026-11-27'))?.date).toBe('2026-11-27');
    expect(await store.read('2026-01-01')).toBeNull();
    expect((await store.readAll()).map(({ date }) => date)).toEqual(['2026-11-28', '2026-11-27']);
    expect((await store.latest())?.date).toBe('2026-11-28');
    expect((await store.summaries()).map(({ date, news, tools }) => [date, news, tools])).toEqual([
      ['2026-11-28', 1, 1],
      ['2026-11-27', 1, 1],
    ]);
    expect(await store.dates()).toEqual(['2026-11-27', '2026-11-28']);
  });

  it('finds items by identity key, replaces them with their digest, and finds a story’s dates', async () => {
    const store = await open();
    const tweet = 'https://x.com/a/status/1';
    await store.write(storedDigest('2026-11-27', { items: [testItem('news', 1, [tweet])] }));
    await store.write(
      storedDigest('2026-11-28', { items: [testItem('news', 1, ['https://x.com/a/status/2'])] }),
    );
    await store.write(
      storedDigest('2026-11-28', {
        items: [testItem('tools', 1, ['https://github.com/o/r']), testItem('news', 1, [tweet])],
      }),
    );
    expect(await itemsMatching(store, ['x:status:2'])).toEqual([]);
    const found = await itemsMatching(store, ['x:status:1', 'x:status:1']);
    expect(found.map(({ date, position }) => `${date}#${position}`)).toEqual([
      '2026-11-27#0',
      '2026-11-28#1',
    ]);
    expect(await sameItemDates(store, 'x:status:1')).toEqual(['2026-11-27', '2026-11-28']);
    const title = await store.readItems(
      async (reader) => (await reader.digest('2026-11-28'))?.digest.items[0]?.title,
    );
    expect(title).toBe('条目 1');
  });

  it('keeps the stored version when asked, deciding on one written earlier in the same call', async () => {
    const store = await open();
    await store.write(storedDigest('2026-11-28', { contentHash: 'stored' }));
    const outcomes = await store.writeMany(
      [
        storedDigest('2026-11-28', { contentHash: 'first' }),
        storedDigest('2026-11-28', { contentHash: 'second' }),
      ],
      (stored) => stored.contentHash === 'first',
    );
    expect(outcomes.map(({ written, previous }) => [written, previous?.contentHash])).toEqual([
      [true, 'stored'],
      [false, 'first'],
    ]);
    expect((await store.read('2026-11-28'))?.contentHash).toBe('first');
  });

  it('writes all of an import or, when one digest is invalid, none', async () => {
    const store = await open();
    const broken = { ...storedDigest('2026-11-28'), date: 'yesterday' };
    await expect(store.writeMany([storedDigest('2026-11-27'), broken], () => false)).rejects.toThrow();
    expect(await store.dates()).toEqual([]);
  });

  it('deletes digests with their items and documents, forgets old 404s, and clears everything', async () => {
    const store = await open();
    await store.write(storedDigest('2026-11-27'));
    await store.write(storedDigest('2026-11-28'));
    await store.saveDocument({ url: 'https://a/27', etag: 'e', digestDate: '2026-11-27' });
    await store.saveDocument({ url: 'https://a/old', notFoundAt: 1_000 });
    await store.saveDocument({ url: 'https://a/new', notFoundAt: 1_000 + NOT_FOUND_KEPT_MS });
    expect(await store.document('https://a/old')).toBeUndefined();
    expect(await store.document('https://a/new')).toEqual({
      url: 'https://a/new',
      notFoundAt: 1_000 + NOT_FOUND_KEPT_MS,
    });
    await store.delete(['2026-11-27']);
    expect(await store.document('https://a/27')).toBeUndefined();
    expect(await store.dates()).toEqual(['2026-11-28']);
    expect(await itemsMatching(store, ['x:status:2026112701'])).toEqual([]);
    await readStateOf(store).add([{ key: 'x:status:2026112801', readAt: 5 }]);
    expect(await store.clear()).toBe(1);
    expect(await store.latest()).toBeNull();
    expect(await store.document('https://a/new')).toBeUndefined();
    // What was read goes with the digests, as IndexedDB's clear does in its one transaction.
    expect(await readStateOf(store).all()).toEqual([]);
  });
});

describe('MemoryDigestStore', () => {
  it('has its own version of every method that reads or writes the database', () => {
    const inherited = Object.getOwnPropertyNames(DigestStore.prototype).filter(
      (name) => !Object.hasOwn(MemoryDigestStore.prototype, name),
    );
    // `write` and `writeUnless` call `writeMany`; the rest are the IndexedDB store's private helpers.
    expect(inherited.sort()).toEqual(
      ['forgetCached', 'remember', 'validated', 'write', 'writeTransaction', 'writeUnless'].sort(),
    );
  });
});

describe('openDigestStore', () => {
  it('opens IndexedDB when it takes writes, leaving nothing behind', async () => {
    const store = await openDigestStore(uniqueDatabaseName());
    expect(store.memoryOnly).toBe(false);
    expect(store).not.toBeInstanceOf(MemoryDigestStore);
    expect(await store.db.getAll('documents')).toEqual([]);
  });

  it('keeps the digests in memory when every IndexedDB write throws InvalidStateError (Firefox private browsing)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw refused();
    });
    const store = await openDigestStore(uniqueDatabaseName());
    expect(store.memoryOnly).toBe(true);
    await store.write(storedDigest('2026-11-28'));
    expect((await store.latest())?.date).toBe('2026-11-28');
    expect((await itemsMatching(store, ['x:status:2026112801'])).map(({ position }) => position)).toEqual([
      0,
    ]);
  });

  it('keeps the digests in memory when IndexedDB cannot even be opened', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException(
        'The operation failed for reasons unrelated to the database itself',
        'UnknownError',
      );
    });
    const store = await openDigestStore(uniqueDatabaseName());
    expect(store.memoryOnly).toBe(true);
    await store.write(storedDigest('2026-11-28'));
    expect(await store.dates()).toEqual(['2026-11-28']);
  });

  it('throws any other failure: a real error is not hidden behind memory', async () => {
    failPuts('documents', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(openDigestStore(uniqueDatabaseName())).rejects.toThrow('quota');
  });
});
