import { describe, expect, it } from 'vitest';
import { DATABASE_VERSION, openDigestDatabase } from '../../../lib/storage/database';
import { DigestStore } from '../../../lib/storage/digest-store';
import { itemsMatching, sameItemDates, storedDigest, testItem, uniqueDatabaseName } from './stored-digest';

/**
 * A database as an earlier version wrote it. Version 1: digests by date, items by [date, position] with key and
 * date indexes, no primary key. Version 2 added the documents store and the primary-key index (a repo's key for a
 * GitHub item).
 */
function writeOldVersion(version: 1 | 2, name: string, digests: unknown[], items: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('digests', { keyPath: 'date' });
      const itemStore = db.createObjectStore('items', { keyPath: ['date', 'position'] });
      itemStore.createIndex('byKey', 'keys', { multiEntry: true });
      itemStore.createIndex('byDate', 'date');
      if (version === 2) {
        db.createObjectStore('documents', { keyPath: 'url' });
        itemStore.createIndex('byPrimaryKey', 'primaryKey');
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(['digests', 'items'], 'readwrite');
      for (const digest of digests) tx.objectStore('digests').put(digest);
      for (const item of items) tx.objectStore('items').put(item);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('database upgrades', () => {
  it('opens a version 1 database and upgrades it with nothing lost', async () => {
    const name = uniqueDatabaseName();
    const older = storedDigest('2026-11-20', {
      items: [
        testItem('news', 1, ['https://x.com/a/status/501']),
        testItem('tools', 1, ['https://github.com/acme/widget']),
      ],
    });
    const newer = storedDigest('2026-11-21', {
      items: [testItem('news', 1, ['https://x.com/a/status/501'])],
    });
    await writeOldVersion(
      1,
      name,
      [older, newer],
      [
        { date: '2026-11-20', position: 0, keys: ['x:status:501'] },
        { date: '2026-11-20', position: 1, keys: ['gh:repo:acme/widget'] },
        { date: '2026-11-21', position: 0, keys: ['x:status:501'] },
      ],
    );

    const db = await openDigestDatabase(name);
    expect(db.version).toBe(DATABASE_VERSION);
    const store = new DigestStore(db);
    expect(await store.readAll()).toEqual([newer, older]);
    expect((await itemsMatching(store, ['gh:repo:acme/widget'])).map((record) => record.date)).toEqual([
      '2026-11-20',
    ]);
    expect(await sameItemDates(store, 'x:status:501')).toEqual(['2026-11-20', '2026-11-21']);
    expect(await store.document('https://example.com/none.md')).toBeUndefined();
    db.close();
  });

  it('upgrades a version 2 database: two pull requests of one repo stop counting as one story', async () => {
    const name = uniqueDatabaseName();
    const pull = (date: string, number: number) =>
      storedDigest(date, {
        items: [testItem('tools', 1, [`https://github.com/acme/widget/pull/${number}`])],
      });
    const first = pull('2026-11-20', 1);
    const second = pull('2026-11-21', 2);
    const record = (date: string) => ({
      date,
      position: 0,
      keys: ['gh:repo:acme/widget'],
      primaryKey: 'gh:repo:acme/widget',
    });
    await writeOldVersion(2, name, [first, second], [record('2026-11-20'), record('2026-11-21')]);

    const db = await openDigestDatabase(name);
    const store = new DigestStore(db);
    expect(await store.readAll()).toEqual([second, first]);
    const found = await store.findItems(['gh:repo:acme/widget']);
    expect(found.map((item) => [item.record.date, [...item.sameItemDates]])).toEqual([
      ['2026-11-20', ['2026-11-20']],
      ['2026-11-21', ['2026-11-21']],
    ]);
    db.close();
  });

  it('creates an empty database at the current version', async () => {
    const db = await openDigestDatabase(uniqueDatabaseName());
    expect([...db.objectStoreNames].sort()).toEqual(['digests', 'documents', 'items']);
    db.close();
  });
});
