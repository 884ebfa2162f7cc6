/**
 * The library kept in memory, for a browser that refuses IndexedDB writes (Firefox's permanent private browsing,
 * seen in ESR 153 on 2026-11-30: every write throws `InvalidStateError`). The same API as `DigestStore`, so sync,
 * popup, lookups and import work for the session; nothing outlives the background page. Every method runs without
 * awaiting in between, so a write is all or nothing and never interleaves with another.
 */
import { type StoredDigest, storedDigestSchema } from '../schema';
import type { DigestDatabase, DocumentRecord } from './database';
import { type DigestSummaryRecord, summaryOf } from './digest-record';
import { DigestStore, type ItemReader, NOT_FOUND_KEPT_MS, type WriteOutcome } from './digest-store';
import { type ItemRecord, itemRecordsOf } from './item-records';

/** What an IndexedDB-backed method inherited by mistake would touch: it fails loudly instead. */
const NO_DATABASE = new Proxy({} as DigestDatabase, {
  get() {
    throw new Error('the memory store has no IndexedDB: this DigestStore method needs a memory version');
  },
});

export class MemoryDigestStore extends DigestStore {
  override readonly memoryOnly = true;
  private readonly digests = new Map<string, StoredDigest>();
  private readonly items = new Map<string, ItemRecord[]>();
  private readonly byKey = new RecordIndex();
  private readonly byPrimaryKey = new RecordIndex();
  private readonly documents = new Map<string, DocumentRecord>();

  constructor() {
    super(NO_DATABASE);
  }

  override async writeMany(
    digests: readonly StoredDigest[],
    keepStored: (stored: StoredDigest, incoming: StoredDigest) => boolean,
  ): Promise<WriteOutcome[]> {
    const records = digests.map((digest) => structuredClone(storedDigestSchema.parse(digest)));
    const current = new Map<string, StoredDigest>();
    const outcomes = records.map((record) => {
      const previous = current.get(record.date) ?? this.digests.get(record.date) ?? null;
      if (previous && keepStored(previous, record)) return { written: false, previous };
      current.set(record.date, record);
      return { written: true, previous };
    });
    for (const record of current.values()) this.put(record);
    return outcomes;
  }

  override async read(date: string): Promise<StoredDigest | null> {
    return this.digests.get(date) ?? null;
  }

  override async readAll(): Promise<StoredDigest[]> {
    return this.newestFirst().map((date) => this.digests.get(date) as StoredDigest);
  }

  override async latest(): Promise<StoredDigest | null> {
    const [newest] = this.newestFirst();
    return newest === undefined ? null : (this.digests.get(newest) ?? null);
  }

  override async summaries(): Promise<DigestSummaryRecord[]> {
    return this.newestFirst().map((date) => summaryOf(this.digests.get(date) as StoredDigest));
  }

  override async dates(): Promise<string[]> {
    return this.newestFirst().reverse();
  }

  override async delete(dates: readonly string[]): Promise<void> {
    const deleted = new Set(dates);
    for (const date of deleted) this.remove(date);
    for (const [url, record] of this.documents) {
      if (record.digestDate !== undefined && deleted.has(record.digestDate)) this.documents.delete(url);
    }
  }

  override readItems<T>(read: (reader: ItemReader) => Promise<T>): Promise<T> {
    return read({
      itemsWith: async (keys) => {
        const found = [...new Set(keys)].flatMap((key) => this.byKey.get(key));
        return [...new Map(found.map((record) => [idOf(record), record])).values()];
      },
      storyDates: async (primaryKey) => new Set(this.byPrimaryKey.get(primaryKey).map(({ date }) => date)),
      digest: async (date) => {
        const digest = this.digests.get(date);
        return digest ? { digest, damaged: [] } : null;
      },
    });
  }

  override async document(url: string): Promise<DocumentRecord | undefined> {
    const record = this.documents.get(url);
    return record && { ...record };
  }

  override async saveDocument(record: DocumentRecord): Promise<void> {
    const { notFoundAt } = record;
    if (notFoundAt !== undefined && Number.isFinite(notFoundAt)) {
      for (const [url, known] of this.documents) {
        if (known.notFoundAt !== undefined && known.notFoundAt <= notFoundAt - NOT_FOUND_KEPT_MS) {
          this.documents.delete(url);
        }
      }
    }
    this.documents.set(record.url, { ...record });
  }

  override async clear(): Promise<number> {
    const count = this.digests.size;
    for (const date of [...this.digests.keys()]) this.remove(date);
    this.documents.clear();
    return count;
  }

  private newestFirst(): string[] {
    return [...this.digests.keys()].sort().reverse();
  }

  private put(digest: StoredDigest): void {
    this.remove(digest.date);
    const records = itemRecordsOf(digest);
    this.digests.set(digest.date, digest);
    this.items.set(digest.date, records);
    for (const record of records) {
      this.byKey.add(record, record.keys);
      if (record.primaryKey !== undefined) this.byPrimaryKey.add(record, [record.primaryKey]);
    }
  }

  private remove(date: string): void {
    for (const record of this.items.get(date) ?? []) {
      this.byKey.remove(record, record.keys);
      if (record.primaryKey !== undefined) this.byPrimaryKey.remove(record, [record.primaryKey]);
    }
    this.items.delete(date);
    this.digests.delete(date);
  }
}

/** Item records by a key they hold, answered in IndexedDB's order: by date, then position. */
class RecordIndex {
  private readonly records = new Map<string, Map<string, ItemRecord>>();

  add(record: ItemRecord, keys: readonly string[]): void {
    for (const key of keys) {
      const entries = this.records.get(key) ?? new Map<string, ItemRecord>();
      entries.set(idOf(record), record);
      this.records.set(key, entries);
    }
  }

  remove(record: ItemRecord, keys: readonly string[]): void {
    for (const key of keys) {
      const entries = this.records.get(key);
      entries?.delete(idOf(record));
      if (entries?.size === 0) this.records.delete(key);
    }
  }

  get(key: string): ItemRecord[] {
    return [...(this.records.get(key)?.values() ?? [])].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : a.position - b.position,
    );
  }
}

function idOf(record: ItemRecord): string {
  return `${record.date}#${record.position}`;
}
