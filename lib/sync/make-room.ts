import type { DigestStore } from '../storage/digest-store';

/** The share of stored digests removed, oldest first, when the browser says storage is full. */
const SHARE_TO_REMOVE = 0.1;

export function isQuotaExceeded(error: unknown): boolean {
  return error instanceof Error && error.name === 'QuotaExceededError';
}

/** Run `write` (of the digest dated `date`); when storage is full, remove the oldest digests, tell which, and retry once. */
export async function makeRoomAndRetry<T>(
  store: DigestStore,
  date: string,
  write: () => Promise<T>,
  onStorageFull: (removedDates: string[]) => void = () => undefined,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isQuotaExceeded(error)) throw error;
    const candidates = (await store.dates()).filter((stored) => stored !== date);
    if (candidates.length === 0) throw error;
    const oldest = candidates.slice(0, Math.max(1, Math.ceil(candidates.length * SHARE_TO_REMOVE)));
    await store.delete(oldest);
    onStorageFull(oldest);
  }
  return write();
}
