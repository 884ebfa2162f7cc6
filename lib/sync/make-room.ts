/**
 * What a sync (or an archive import run) does when the browser says storage is full: make room once, by removing
 * the oldest tenth of the digests the sync gathered by itself, and retry; when that is not enough, stop removing and
 * say once that storage is full. Digests the user brought in on purpose (the archive import, an imported file) are
 * never removed to make room: they cannot be fetched back by the next sync, and removing them to store more of their
 * kind would only trade one for another. Without this, every failing document removed another tenth (seen
 * 2026-11: one sync removed 68 of 100 digests and stored nothing).
 */
import type { LocalizedText } from '../i18n';
import { DIGEST_KINDS } from '../storage/database';
import type { DigestStore } from '../storage/digest-store';
import { localized } from './words';

/** The share of synced digests removed, oldest first, when the browser says storage is full. */
const SHARE_TO_REMOVE = 0.1;

/** Where imported digests come from: kept by retention, never removed to make room. */
export const KEPT_SOURCES: ReadonlySet<string> = new Set(['archive', 'import']);

export function isQuotaExceeded(error: unknown): boolean {
  return error instanceof Error && error.name === 'QuotaExceededError';
}

/** A write that failed because storage is full, after room was made (or there was none to make). */
export class StorageFullError extends Error {
  constructor() {
    super('storage is full');
    this.name = 'StorageFullError';
  }
}

export class RoomMaker {
  /** The dates removed, oldest first (at most one removal). */
  removed: string[] = [];
  private making: Promise<void> | undefined;
  private notStored = 0;
  /** A retry failed even after room was made: no document is retried again. */
  private full = false;

  constructor(private readonly store: DigestStore) {}

  /** Run `write` (of the digest dated `date`); when storage is full, make room the first time and retry once. */
  async write<T>(date: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!isQuotaExceeded(error)) throw error;
    }
    this.making ??= this.makeRoom(date);
    await this.making;
    if (this.full || this.removed.length === 0) return this.giveUp();
    try {
      return await write();
    } catch (error) {
      if (!isQuotaExceeded(error)) throw error;
      this.full = true;
      return this.giveUp();
    }
  }

  /** What happened, in words: the digests removed, and how many were not stored; null when storage never filled. */
  notice(): LocalizedText | null {
    const { removed, notStored } = this;
    if (removed.length === 0 && notStored === 0) return null;
    return localized((words) =>
      [
        removed.length > 0 ? words.storageFull(removed.length, removed[0] ?? '', removed.at(-1) ?? '') : '',
        notStored > 0 ? words.storageStillFull(notStored) : '',
      ]
        .filter((part) => part !== '')
        .join(' '),
    );
  }

  private giveUp(): never {
    this.notStored += 1;
    throw new StorageFullError();
  }

  /** The oldest tenth of the synced digests of every kind, the day being written excepted. */
  private async makeRoom(date: string): Promise<void> {
    // From the summaries: a full disk is no time to read back and validate every stored digest.
    const summaries = await Promise.all(
      DIGEST_KINDS.map(async (kind) =>
        (await this.store.summaries(kind)).map((summary) => ({ kind, date: summary.date, summary })),
      ),
    );
    const syncedOldestFirst = summaries
      .flat()
      .filter(({ summary }) => !KEPT_SOURCES.has(summary.sourceId) && summary.date !== date)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const oldest = syncedOldestFirst.slice(0, Math.ceil(syncedOldestFirst.length * SHARE_TO_REMOVE));
    for (const kind of DIGEST_KINDS) {
      const dates = oldest.filter((entry) => entry.kind === kind).map((entry) => entry.date);
      if (dates.length > 0) await this.store.delete(dates, kind);
    }
    this.removed = oldest.map((entry) => entry.date);
  }
}
