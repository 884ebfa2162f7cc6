/**
 * The library kept in memory, for a browser that refuses IndexedDB writes (Firefox's permanent private browsing,
 * seen in ESR 153 on 2026-11-30: every write throws `InvalidStateError`). The same API as `DigestStore`, so sync,
 * popup, lookups and import work for the session; nothing outlives the background page. Every method runs without
 * awaiting in between, so a write is all or nothing and never interleaves with another.
 */
import { type DigestKind, type StoredDigest, storedDigestSchema } from '../schema';
import { DIGEST_KINDS, type DigestDatabase, type DocumentRecord } from './database';
import { type DigestSummaryRecord, summaryOf } from './digest-record';
import { DigestStore, type ItemReader, NOT_FOUND_KEPT_MS, type WriteOutcome } from './digest-store';
import { type ItemRecord, itemRecordsOf } from './item-records';
import { readStateOf } from './read-state-store';

/** What an IndexedDB-backed method inherited by mistake would touch: it fails loudly instead. */
const NO_DATABASE = new Proxy({} as DigestDatabase, {
  get() {
    throw new Error('the memory store has no IndexedDB: this DigestStore method needs a memory version');
  },
});

/** One kind's digests with their index entries, as its IndexedDB stores hold them. */
class KindLibrary {
  readonly digests = new Map<string, StoredDigest>();
  readonly items = new Map<string, ItemRecord[]>();
  readonly byKey = new RecordIndex();
  readonly byPrimaryKey = new RecordIndex();

  newestFirst(): string[] {
    return [...this.digests.keys()].sort().reverse();
  }

  put(digest: StoredDigest): void {
    this.remove(digest.date);
    const records = itemRecordsOf(digest);
    this.digests.set(digest.date, digest);
    this.items.set(digest.date, records);
    for (const record of records) {
      this.byKey.add(record, record.keys);
      if (record.primaryKey !== undefined) this.byPrimaryKey.add(record, [record.primaryKey]);
    }
  }

  remove(date: string): void {
    for (const record of this.items.get(date) ?? []) {
      this.byKey.remove(record, record.keys);
      if (record.primaryKey !== undefined) this.byPrimaryKey.remove(record, [record.primaryKey]);
    }
    this.items.delete(date);
    this.digests.delete(date);
  }
}

export class MemoryDigestStore extends DigestStore {
  override readonly memoryOnly = true;
  private readonly kinds = new Map<DigestKind, KindLibrary>(
    DIGEST_KINDS.map((kind) => [kind, new KindLibrary()]),
  );
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
      const key = `${record.kind}/${record.date}`;
      const previous = current.get(key) ?? this.kind(record.kind).digests.get(record.date) ?? null;
      if (previous && keepStored(previous, record)) return { written: false, previous };
      current.set(key, record);
      return { written: true, previous };
    });
    for (const record of current.values()) this.kind(record.kind).put(record);
    return outcomes;
  }

  override async read(date: string, kind: DigestKind = 'ainews'): Promise<StoredDigest | null> {
    return this.kind(kind).digests.get(date) ?? null;
  }

  override async readAll(kind: DigestKind = 'ainews'): Promise<StoredDigest[]> {
    const library = this.kind(kind);
    return library.newestFirst().map((date) => library.digests.get(date) as StoredDigest);
  }

  override async latest(kind: DigestKind = 'ainews'): Promise<StoredDigest | null> {
    const library = this.kind(kind);
    const [newest] = library.newestFirst();
    return newest === undefined ? null : (library.digests.get(newest) ?? null);
  }

  override async summaries(kind: DigestKind = 'ainews'): Promise<DigestSummaryRecord[]> {
    const library = this.kind(kind);
    return library.newestFirst().map((date) => summaryOf(library.digests.get(date) as StoredDigest));
  }

  override async dates(kind: DigestKind = 'ainews'): Promise<string[]> {
    return this.kind(kind).newestFirst().reverse();
  }

  override async delete(dates: readonly string[], kind: DigestKind = 'ainews'): Promise<void> {
    const deleted = new Set(dates);
    for (const date of deleted) this.kind(kind).remove(date);
    for (const [url, record] of this.documents) {
      const ofKind = (record.digestKind ?? 'ainews') === kind;
      if (ofKind && record.digestDate !== undefined && deleted.has(record.digestDate))
        this.documents.delete(url);
    }
  }

  override readItems<T>(read: (reader: ItemReader) => Promise<T>, kind: DigestKind = 'ainews'): Promise<T> {
    const library = this.kind(kind);
    return read({
      itemsWith: async (keys) => {
        const found = [...new Set(keys)].flatMap((key) => library.byKey.get(key));
        return [...new Map(found.map((record) => [idOf(record), record])).values()];
      },
      storyDates: async (primaryKey) => new Set(library.byPrimaryKey.get(primaryKey).map(({ date }) => date)),
      digest: async (date) => {
        const digest = library.digests.get(date);
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

  /** Every digest, the fetch bookkeeping and what was read (the memory reads: lib/storage/read-state-store.ts). */
  override async clear(): Promise<number> {
    // The memory reads clear at once (no await inside): nothing runs between it and the digests going.
    void readStateOf(this).clear();
    let count = 0;
    for (const kind of DIGEST_KINDS) {
      count += this.kind(kind).digests.size;
      this.kinds.set(kind, new KindLibrary());
    }
    this.documents.clear();
    return count;
  }

  private kind(kind: DigestKind): KindLibrary {
    return this.kinds.get(kind) as KindLibrary;
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
