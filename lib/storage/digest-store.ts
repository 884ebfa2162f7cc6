/**
 * Reads and writes stored digests. Each digest, its index entries and its summary are written in one transaction,
 * so a worker killed mid-write leaves the old version or the new one; an import writes all its digests in one.
 * Every record read back is validated item by item (lib/storage/digest-record.ts); a corrupt one is reported and
 * skipped, a damaged item only drops that item. Each kind of digest (lib/schema.ts `DigestKind`) has its own stores
 * (lib/storage/database.ts `KIND_STORES`): the methods that read or delete by date take the kind, the AI digest's
 * by default; a write goes to each digest's own kind.
 */
import { type DigestKind, type StoredDigest, storedDigestSchema } from '../schema';
import {
  ALL_DIGEST_STORES,
  DIGEST_KINDS,
  type DigestDatabase,
  type DocumentRecord,
  KIND_STORES,
} from './database';
import { type DigestSummaryRecord, type ReadBackDigest, readBack, summaryOf } from './digest-record';
import { type ItemRecord, itemRecordsOf } from './item-records';

export type { DigestSummaryRecord, ReadBackDigest } from './digest-record';

/**
 * What a lookup reads (lib/background/lookup.ts), in one read transaction: the index entries first, which say
 * every date and story, then only the digests it shows, so its work follows how many cards it answers.
 */
export interface ItemReader {
  /** The index entries holding one of `keys`, each once; damaged entries are passed over. */
  itemsWith(keys: readonly string[]): Promise<ItemRecord[]>;
  /**
   * The dates of the digests holding an item of story `primaryKey`. `known` are entries of that story already
   * read: when the index counts no more, the dates are theirs and nothing else is read.
   */
  storyDates(primaryKey: string, known: readonly ItemRecord[]): Promise<Set<string>>;
  /** The digest of `date` read back (its damaged items dropped: see `storedItem`); null when missing or corrupt. */
  digest(date: string): Promise<ReadBackDigest | null>;
}

export interface WriteOutcome {
  written: boolean;
  previous: StoredDigest | null;
}

export type CorruptRecordReporter = (description: string) => void;

/** A remembered 404 is forgotten this long after it was seen: the bookkeeping stays bounded (review 2026-11). */
export const NOT_FOUND_KEPT_MS = 30 * 86_400_000;

/** Thrown by `writeMany` when "clear all data" ended the import it was writing. */
export class ClearedDuringWriteError extends Error {
  constructor() {
    super('the library was cleared while this was being written');
    this.name = 'ClearedDuringWriteError';
  }
}

const warnCorrupt: CorruptRecordReporter = (description) => console.warn(`[digest-lens] ${description}`);

type DigestWriteTransaction = ReturnType<DigestStore['writeTransaction']>;

export class DigestStore {
  /** True for the store kept in memory when IndexedDB refuses writes (lib/storage/memory-digest-store.ts). */
  readonly memoryOnly: boolean = false;
  /** Every valid digest of a kind, newest first, and single digests by kind and date, kept until a write. */
  private readonly cachedDigests = new Map<DigestKind, StoredDigest[]>();
  private readonly cachedByDate = new Map<string, ReadBackDigest | null>();
  /** Counts the writes: a read that overlapped one (and may hold the replaced version) is not cached. */
  private generation = 0;
  /** The transactions of running `writeMany` calls, which `clear` aborts. */
  private readonly manyWrites = new Set<{ tx: DigestWriteTransaction; cleared: boolean }>();

  constructor(
    readonly db: DigestDatabase,
    private readonly reportCorrupt: CorruptRecordReporter = warnCorrupt,
  ) {}

  async write(digest: StoredDigest): Promise<void> {
    await this.writeUnless(digest, () => false);
  }

  /**
   * Read the stored version of `digest`'s date and write `digest` in the same transaction, unless `keepStored`
   * says the stored one stays; two sources writing the same date never interleave. Answers the stored version.
   */
  async writeUnless(
    digest: StoredDigest,
    keepStored: (stored: StoredDigest) => boolean,
  ): Promise<WriteOutcome> {
    const [outcome] = await this.writeMany([digest], (stored) => keepStored(stored));
    return outcome ?? { written: false, previous: null };
  }

  /**
   * Write `digests` in one transaction: every one of them (each unless `keepStored` keeps the stored version of its
   * date, a digest written earlier in the list included) or, when a write fails, the worker dies or the library is
   * cleared meanwhile (`ClearedDuringWriteError`), none.
   */
  async writeMany(
    digests: readonly StoredDigest[],
    keepStored: (stored: StoredDigest, incoming: StoredDigest) => boolean,
  ): Promise<WriteOutcome[]> {
    const records = digests.map((digest) => storedDigestSchema.parse(digest));
    const tx = this.writeTransaction();
    const running = { tx, cleared: false };
    this.manyWrites.add(running);
    const requests: Promise<unknown>[] = [];
    try {
      const keyed = new Map(records.map((record) => [cacheKey(record.kind, record.date), record]));
      const stored = await Promise.all(
        [...keyed.values()].map(({ kind, date }) => tx.objectStore(KIND_STORES[kind].digests).get(date)),
      );
      const current = new Map(
        [...keyed].map(([key, { date }], index) => [
          key,
          this.validated(stored[index], date)?.digest ?? null,
        ]),
      );
      this.forgetCached();
      const outcomes = records.map((record) => {
        const key = cacheKey(record.kind, record.date);
        const previous = current.get(key) ?? null;
        if (previous && keepStored(previous, record)) return { written: false, previous };
        current.set(key, record);
        putDigest(tx, record, requests);
        return { written: true, previous };
      });
      await Promise.all([...requests, tx.done]);
      return outcomes;
    } catch (error) {
      abortQuietly(tx);
      // The requests made before a put threw at once fail with the abort: nobody else waits for them.
      await Promise.allSettled([...requests, tx.done]);
      throw running.cleared ? new ClearedDuringWriteError() : error;
    } finally {
      this.manyWrites.delete(running);
      // Again: a read running alongside the write may have cached the version just replaced.
      this.forgetCached();
    }
  }

  async read(date: string, kind: DigestKind = 'ainews'): Promise<StoredDigest | null> {
    const key = cacheKey(kind, date);
    if (this.cachedByDate.has(key)) return this.cachedByDate.get(key)?.digest ?? null;
    const generation = this.generation;
    const record = await this.db.get(KIND_STORES[kind].digests, date);
    return this.remember(kind, date, record, generation)?.digest ?? null;
  }

  /** Every valid stored digest of `kind`, newest first. */
  async readAll(kind: DigestKind = 'ainews'): Promise<StoredDigest[]> {
    const cached = this.cachedDigests.get(kind);
    if (cached) return cached;
    const generation = this.generation;
    const records = await this.db.getAll(KIND_STORES[kind].digests);
    const digests = records
      .map((record) => this.remember(kind, describeKey(record), record, generation)?.digest ?? null)
      .filter((digest) => digest !== null)
      .reverse();
    if (generation === this.generation) this.cachedDigests.set(kind, digests);
    return digests;
  }

  /** The newest valid digest of `kind`, reading back only as many records as it takes to find it. */
  async latest(kind: DigestKind = 'ainews'): Promise<StoredDigest | null> {
    const cached = this.cachedDigests.get(kind);
    if (cached) return cached[0] ?? null;
    const generation = this.generation;
    let cursor = await this.db.transaction(KIND_STORES[kind].digests).store.openCursor(null, 'prev');
    while (cursor) {
      const date = cursor.key;
      const key = cacheKey(kind, date);
      const found = this.cachedByDate.has(key)
        ? this.cachedByDate.get(key)
        : this.remember(kind, date, cursor.value, generation);
      if (found) return found.digest;
      cursor = await cursor.continue();
    }
    return null;
  }

  /** The summary (date, source, item counts) of every valid stored digest of `kind`, newest first, without reading them. */
  async summaries(kind: DigestKind = 'ainews'): Promise<DigestSummaryRecord[]> {
    return (await this.db.getAll(KIND_STORES[kind].summaries)).reverse();
  }

  /** The dates of every valid stored digest of `kind`, oldest first. */
  dates(kind: DigestKind = 'ainews'): Promise<string[]> {
    return this.db.getAllKeys(KIND_STORES[kind].summaries);
  }

  /** Delete digests with their index entries, summaries and the fetch bookkeeping of the documents behind them. */
  async delete(dates: readonly string[], kind: DigestKind = 'ainews'): Promise<void> {
    if (dates.length === 0) return;
    this.forgetCached();
    const stores = KIND_STORES[kind];
    const tx = this.db.transaction(
      [stores.digests, stores.items, stores.summaries, 'documents'],
      'readwrite',
    );
    const documents = tx.objectStore('documents');
    const found = await Promise.all(dates.map((date) => documents.index('byDigestDate').getAll(date)));
    const urls = found
      .flat()
      .flatMap((record) => ((record.digestKind ?? 'ainews') === kind ? [record.url] : []));
    await Promise.all([
      ...dates.flatMap((date) => [
        tx.objectStore(stores.digests).delete(date),
        tx.objectStore(stores.items).delete(itemRangeOf(date)),
        tx.objectStore(stores.summaries).delete(date),
      ]),
      ...urls.map((url) => documents.delete(url)),
      tx.done,
    ]);
    this.forgetCached();
  }

  /**
   * Run `read` with an `ItemReader` over one read transaction, so that the index entries it finds and the digests
   * it reads belong together (a write meanwhile waits). `read` must only await the reader: a transaction whose
   * requests all finished by the end of a task closes.
   */
  async readItems<T>(read: (reader: ItemReader) => Promise<T>, kind: DigestKind = 'ainews'): Promise<T> {
    const generation = this.generation;
    const stores = KIND_STORES[kind];
    const tx = this.db.transaction([stores.items, stores.digests]);
    const items = tx.objectStore(stores.items);
    return read({
      itemsWith: async (keys) => {
        const found = await Promise.all([...new Set(keys)].map((key) => items.index('byKey').getAll(key)));
        const records = found.flat().filter(isItemRecord);
        return [...new Map(records.map((record) => [`${record.date}#${record.position}`, record])).values()];
      },
      storyDates: async (primaryKey, known) => {
        const index = items.index('byPrimaryKey');
        if ((await index.count(primaryKey)) === known.length) return new Set(known.map(({ date }) => date));
        return new Set((await index.getAllKeys(primaryKey)).map(([date]) => date));
      },
      digest: async (date) => {
        const key = cacheKey(kind, date);
        if (this.cachedByDate.has(key)) return this.cachedByDate.get(key) ?? null;
        return this.remember(kind, date, await tx.objectStore(stores.digests).get(date), generation);
      },
    });
  }

  /** What was remembered about a document URL; a damaged record counts as nothing remembered. */
  async document(url: string): Promise<DocumentRecord | undefined> {
    const record: unknown = await this.db.get('documents', url);
    if (typeof record !== 'object' || record === null) return undefined;
    const { etag, lastModified, notFoundAt, digestDate, digestKind } = record as Record<string, unknown>;
    return {
      url,
      ...(typeof etag === 'string' && { etag }),
      ...(typeof lastModified === 'string' && { lastModified }),
      ...(typeof notFoundAt === 'number' && { notFoundAt }),
      ...(typeof digestDate === 'string' && { digestDate }),
      ...(digestKind === 'github-trending' && { digestKind }),
    };
  }

  /** Remember `record`; a 404 remembered also forgets the 404s seen `NOT_FOUND_KEPT_MS` or more before it. */
  async saveDocument(record: DocumentRecord): Promise<void> {
    const tx = this.db.transaction('documents', 'readwrite');
    const requests: Promise<unknown>[] = [tx.store.put(record)];
    if (record.notFoundAt !== undefined && Number.isFinite(record.notFoundAt)) {
      const expired = IDBKeyRange.upperBound(record.notFoundAt - NOT_FOUND_KEPT_MS);
      const urls = await tx.store.index('byNotFoundAt').getAllKeys(expired);
      requests.push(...urls.map((url) => tx.store.delete(url)));
    }
    await Promise.all([...requests, tx.done]);
  }

  /**
   * Delete every digest of every kind, the fetch bookkeeping and what was read (lib/storage/read-state-store.ts), in
   * one transaction: all of it or, when one clear fails, nothing. Answers how many digests there were. A `writeMany`
   * still running is aborted, and one that committed first is cleared with the rest: the library is empty either way.
   */
  async clear(): Promise<number> {
    this.forgetCached();
    for (const running of this.manyWrites) {
      running.cleared = true;
      abortQuietly(running.tx);
    }
    const cleared = [...ALL_DIGEST_STORES, 'documents', 'reads'] as const;
    const tx = this.db.transaction(cleared, 'readwrite');
    const requests: Promise<unknown>[] = [];
    try {
      const counts = await Promise.all(
        DIGEST_KINDS.map((kind) => tx.objectStore(KIND_STORES[kind].summaries).count()),
      );
      for (const name of cleared) requests.push(tx.objectStore(name).clear());
      await Promise.all([...requests, tx.done]);
      return counts.reduce((sum, count) => sum + count, 0);
    } catch (error) {
      // A clear that threw at once leaves the ones requested before it to commit: abort them.
      abortQuietly(tx);
      await Promise.allSettled([...requests, tx.done]);
      throw error;
    } finally {
      this.forgetCached();
    }
  }

  private writeTransaction() {
    return this.db.transaction(ALL_DIGEST_STORES, 'readwrite');
  }

  /** Validate a record read for `kind` and `date` and keep it until the next write. */
  private remember(
    kind: DigestKind,
    date: string,
    record: unknown,
    generation: number,
  ): ReadBackDigest | null {
    const readBackDigest = this.validated(record, date);
    if (generation === this.generation) this.cachedByDate.set(cacheKey(kind, date), readBackDigest);
    return readBackDigest;
  }

  private forgetCached(): void {
    this.generation += 1;
    this.cachedDigests.clear();
    this.cachedByDate.clear();
  }

  private validated(record: unknown, date: string): ReadBackDigest | null {
    if (record === undefined) return null;
    const result = readBack(record);
    if (!result.ok) {
      this.reportCorrupt(`digest ${date} is corrupt and was skipped: ${result.problem}`);
      return null;
    }
    for (const problem of result.problems) this.reportCorrupt(`digest ${date}: ${problem}`);
    return result.value;
  }
}

/**
 * Request the writes of `record` with its index entries and summary, replacing what its date held, into `requests`
 * (one by one: a put that throws at once leaves the requests made before it there to be waited for).
 */
function putDigest(tx: DigestWriteTransaction, record: StoredDigest, requests: Promise<unknown>[]): void {
  const stores = KIND_STORES[record.kind];
  const items = tx.objectStore(stores.items);
  requests.push(tx.objectStore(stores.digests).put(record));
  requests.push(items.delete(itemRangeOf(record.date)));
  for (const item of itemRecordsOf(record)) requests.push(items.put(item));
  requests.push(tx.objectStore(stores.summaries).put(summaryOf(record)));
}

function cacheKey(kind: DigestKind, date: string): string {
  return `${kind}/${date}`;
}

/** An index entry as written by `itemRecordsOf`; a damaged one is passed over (its digest is what is validated). */
function isItemRecord(record: unknown): record is ItemRecord {
  if (typeof record !== 'object' || record === null) return false;
  const { date, position, primaryKey } = record as Record<string, unknown>;
  return (
    typeof date === 'string' &&
    Number.isInteger(position) &&
    (primaryKey === undefined || typeof primaryKey === 'string')
  );
}

function describeKey(record: unknown): string {
  const date =
    typeof record === 'object' && record !== null ? (record as { date?: unknown }).date : undefined;
  return typeof date === 'string' ? date : '(no date)';
}

function itemRangeOf(date: string): IDBKeyRange {
  return IDBKeyRange.bound([date, 0], [date, Number.POSITIVE_INFINITY]);
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the failing request.
  }
}
