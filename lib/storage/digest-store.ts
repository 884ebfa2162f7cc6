/**
 * Reads and writes stored digests. Each digest and its index entries are written in one transaction, so a worker
 * killed mid-write leaves the old version or the new one. Every record read back is validated; a corrupt one is
 * reported and skipped.
 */
import { type StoredDigest, storedDigestSchema } from '../schema';
import type { DigestDatabase, DocumentRecord } from './database';
import { type ItemRecord, itemRecordsOf } from './item-records';

export interface FoundItem {
  record: ItemRecord;
  /** The item's digest, or null when that record is corrupt. */
  digest: StoredDigest | null;
  /** The dates of the digests holding the same item (its own date included). */
  sameItemDates: Set<string>;
}

export type CorruptRecordReporter = (description: string) => void;

const warnCorrupt: CorruptRecordReporter = (description) => console.warn(`[digest-lens] ${description}`);

export class DigestStore {
  /** Every valid digest, newest first, and single digests by date, kept until a write through this store. */
  private cachedDigests: StoredDigest[] | undefined;
  private readonly cachedByDate = new Map<string, StoredDigest | null>();
  /** Counts the writes: a read that overlapped one (and may hold the replaced version) is not cached. */
  private generation = 0;

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
  ): Promise<{ written: boolean; previous: StoredDigest | null }> {
    const record = storedDigestSchema.parse(digest);
    const tx = this.db.transaction(['digests', 'items'], 'readwrite');
    try {
      const previous = this.validated(
        await tx.objectStore('digests').get(record.date),
        `digest ${record.date}`,
      );
      if (previous && keepStored(previous)) {
        await tx.done;
        return { written: false, previous };
      }
      this.forgetCached();
      await tx.objectStore('digests').put(record);
      const items = tx.objectStore('items');
      await items.delete(itemRangeOf(record.date));
      for (const item of itemRecordsOf(record)) await items.put(item);
      await tx.done;
      // Again: a read running alongside the write may have cached the version just replaced.
      this.forgetCached();
      return { written: true, previous };
    } catch (error) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      this.forgetCached();
      throw error;
    }
  }

  async read(date: string): Promise<StoredDigest | null> {
    const cached = this.cachedByDate.get(date);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    return this.remember(date, await this.db.get('digests', date), generation);
  }

  /** Every valid stored digest, newest first. */
  async readAll(): Promise<StoredDigest[]> {
    if (this.cachedDigests) return this.cachedDigests;
    const generation = this.generation;
    const records = await this.db.getAll('digests');
    const digests = records
      .map((record) => this.validated(record, `digest ${describeKey(record)}`))
      .filter((digest) => digest !== null)
      .reverse();
    if (generation === this.generation) this.cachedDigests = digests;
    return digests;
  }

  async latest(): Promise<StoredDigest | null> {
    return (await this.readAll())[0] ?? null;
  }

  /** The dates of every stored digest, oldest first (whether or not the record is valid). */
  dates(): Promise<string[]> {
    return this.db.getAllKeys('digests');
  }

  async delete(dates: readonly string[]): Promise<void> {
    if (dates.length === 0) return;
    this.forgetCached();
    const tx = this.db.transaction(['digests', 'items'], 'readwrite');
    for (const date of dates) {
      tx.objectStore('digests').delete(date);
      tx.objectStore('items').delete(itemRangeOf(date));
    }
    await tx.done;
    this.forgetCached();
  }

  /**
   * Everything a lookup needs, in one read transaction: the items sharing one of `keys` (each once), their digests,
   * and for each item the dates of every digest holding an item with its primary key.
   */
  async findItems(keys: readonly string[]): Promise<FoundItem[]> {
    const generation = this.generation;
    const tx = this.db.transaction(['items', 'digests']);
    const items = tx.objectStore('items');
    const found = await Promise.all([...new Set(keys)].map((key) => items.index('byKey').getAll(key)));
    const records = [
      ...new Map(
        found
          .flat()
          .filter(isItemRecord)
          .map((record) => [`${record.date}#${record.position}`, record]),
      ).values(),
    ];
    const dates = [...new Set(records.map((record) => record.date))];
    const primaryKeys = [
      ...new Set(records.flatMap((record) => (record.primaryKey ? [record.primaryKey] : []))),
    ];
    const readDigest = async (date: string) =>
      this.cachedByDate.has(date)
        ? (this.cachedByDate.get(date) ?? null)
        : this.remember(date, await tx.objectStore('digests').get(date), generation);
    const [digests, sameItemKeys] = await Promise.all([
      Promise.all(dates.map(readDigest)),
      Promise.all(primaryKeys.map((primaryKey) => items.index('byPrimaryKey').getAllKeys(primaryKey))),
    ]);
    const digestByDate = new Map(dates.map((date, index) => [date, digests[index] ?? null]));
    const datesByPrimaryKey = new Map(
      primaryKeys.map((primaryKey, index) => [
        primaryKey,
        new Set(sameItemKeys[index]?.map(([date]) => date)),
      ]),
    );
    return records.map((record) => ({
      record,
      digest: digestByDate.get(record.date) ?? null,
      sameItemDates:
        (record.primaryKey && datesByPrimaryKey.get(record.primaryKey)) || new Set([record.date]),
    }));
  }

  /** What was remembered about a document URL; a damaged record counts as nothing remembered. */
  async document(url: string): Promise<DocumentRecord | undefined> {
    const record: unknown = await this.db.get('documents', url);
    if (typeof record !== 'object' || record === null) return undefined;
    const { etag, lastModified, notFoundAt, digestDate } = record as Record<string, unknown>;
    return {
      url,
      ...(typeof etag === 'string' && { etag }),
      ...(typeof lastModified === 'string' && { lastModified }),
      ...(typeof notFoundAt === 'number' && { notFoundAt }),
      ...(typeof digestDate === 'string' && { digestDate }),
    };
  }

  async saveDocument(record: DocumentRecord): Promise<void> {
    await this.db.put('documents', record);
  }

  /** Delete every digest and the fetch bookkeeping; answers how many digests there were. */
  async clear(): Promise<number> {
    this.forgetCached();
    const tx = this.db.transaction(['digests', 'items', 'documents'], 'readwrite');
    const count = await tx.objectStore('digests').count();
    await Promise.all([
      tx.objectStore('digests').clear(),
      tx.objectStore('items').clear(),
      tx.objectStore('documents').clear(),
      tx.done,
    ]);
    this.forgetCached();
    return count;
  }

  /** Validate a record read for `date` (or take the already validated digest) and keep it until the next write. */
  private remember(date: string, record: unknown, generation: number): StoredDigest | null {
    const digest = this.validated(record, `digest ${date}`);
    if (generation === this.generation) this.cachedByDate.set(date, digest);
    return digest;
  }

  private forgetCached(): void {
    this.generation += 1;
    this.cachedDigests = undefined;
    this.cachedByDate.clear();
  }

  private validated(record: unknown, description: string): StoredDigest | null {
    if (record === undefined) return null;
    const parsed = storedDigestSchema.safeParse(record);
    if (parsed.success) return parsed.data;
    this.reportCorrupt(
      `${description} is corrupt and was skipped: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
    return null;
  }
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
