/**
 * What the user has read (issue 13), kept beside the digests: one row per read key (lib/read-state/read-key.ts), with
 * when it was first read. IndexedDB's `reads` store (database version 5); in memory for the session when the library
 * is (lib/storage/memory-digest-store.ts), so private browsing keeps reads as long as it keeps digests.
 */
import type { DigestDatabase } from './database';
import type { DigestStore } from './digest-store';

/** One row of the `reads` store. */
export interface ReadRecord {
  key: string;
  /** When it was first read (ms since the epoch). */
  readAt: number;
}

export interface ReadStateStore {
  /** Which of `keys` are read. */
  readAmong(keys: readonly string[]): Promise<Set<string>>;
  /**
   * Add reads in one transaction; a key already read keeps the earlier of its two times (marking twice, or an import
   * of an older file, never moves it). Answers how many keys were not read before.
   */
  add(records: readonly ReadRecord[]): Promise<number>;
  /** Every read in key order (not by when it was read), for export; a damaged row is passed over. */
  all(): Promise<ReadRecord[]>;
  /** Forget the reads of `keys` (pruned with the digests that had them: lib/sync/prune.ts); answers how many were. */
  delete(keys: readonly string[]): Promise<number>;
  /** Forget every read; answers how many there were. */
  clear(): Promise<number>;
}

const stores = new WeakMap<DigestStore, ReadStateStore>();

/** The reads kept where `library` keeps its digests: its IndexedDB, or memory when it is the memory store. */
export function readStateOf(library: DigestStore): ReadStateStore {
  let reads = stores.get(library);
  if (!reads) {
    reads = library.memoryOnly ? new MemoryReadStateStore() : new IdbReadStateStore(library.db);
    stores.set(library, reads);
  }
  return reads;
}

export class IdbReadStateStore implements ReadStateStore {
  constructor(private readonly db: DigestDatabase) {}

  async readAmong(keys: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return new Set();
    const store = this.db.transaction('reads').store;
    const found = await Promise.all(unique.map((key) => store.getKey(key)));
    return new Set(unique.filter((_, index) => found[index] !== undefined));
  }

  async add(records: readonly ReadRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    const tx = this.db.transaction('reads', 'readwrite');
    const added = await Promise.all(
      earliestOf(records).map(async (record) => {
        const stored = readRecordOf(await tx.store.get(record.key));
        if (stored && stored.readAt <= record.readAt) return false;
        await tx.store.put(record);
        return stored === null;
      }),
    );
    await tx.done;
    return added.filter(Boolean).length;
  }

  async all(): Promise<ReadRecord[]> {
    return (await this.db.getAll('reads')).flatMap((row) => readRecordOf(row) ?? []);
  }

  async delete(keys: readonly string[]): Promise<number> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return 0;
    const tx = this.db.transaction('reads', 'readwrite');
    const found = await Promise.all(unique.map((key) => tx.store.getKey(key)));
    const present = unique.filter((_, index) => found[index] !== undefined);
    await Promise.all([...present.map((key) => tx.store.delete(key)), tx.done]);
    return present.length;
  }

  async clear(): Promise<number> {
    const tx = this.db.transaction('reads', 'readwrite');
    const count = await tx.store.count();
    await Promise.all([tx.store.clear(), tx.done]);
    return count;
  }
}

/** The reads of the memory library: the same rules as IndexedDB's, gone with the background page. */
export class MemoryReadStateStore implements ReadStateStore {
  private readonly reads = new Map<string, number>();

  async readAmong(keys: readonly string[]): Promise<Set<string>> {
    return new Set(keys.filter((key) => this.reads.has(key)));
  }

  async add(records: readonly ReadRecord[]): Promise<number> {
    let added = 0;
    for (const { key, readAt } of earliestOf(records)) {
      const stored = this.reads.get(key);
      if (stored === undefined) added += 1;
      if (stored === undefined || readAt < stored) this.reads.set(key, readAt);
    }
    return added;
  }

  async all(): Promise<ReadRecord[]> {
    return [...this.reads]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, readAt]) => ({ key, readAt }));
  }

  async delete(keys: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const key of new Set(keys)) if (this.reads.delete(key)) deleted += 1;
    return deleted;
  }

  async clear(): Promise<number> {
    const count = this.reads.size;
    this.reads.clear();
    return count;
  }
}

/** One record per key, the earliest time of each. */
function earliestOf(records: readonly ReadRecord[]): ReadRecord[] {
  const earliest = new Map<string, number>();
  for (const { key, readAt } of records) {
    const known = earliest.get(key);
    if (known === undefined || readAt < known) earliest.set(key, readAt);
  }
  return [...earliest].map(([key, readAt]) => ({ key, readAt }));
}

/** A row read back: a read when it has a key and a finite time, else nothing (damaged). */
function readRecordOf(row: unknown): ReadRecord | null {
  if (typeof row !== 'object' || row === null) return null;
  const { key, readAt } = row as Record<string, unknown>;
  return typeof key === 'string' && typeof readAt === 'number' && Number.isFinite(readAt)
    ? { key, readAt }
    : null;
}
