import type { DigestStore } from '../storage/digest-store';
import { addDays, shanghaiToday } from './dates';

/**
 * Digests the user brought in on purpose (the archive import, an imported file) are kept whatever their age:
 * retention only cleans up what syncing gathered by itself. Storage pressure still removes them, oldest first.
 */
const KEPT_SOURCES = new Set(['archive', 'import']);

/** Delete synced digests dated more than `retentionDays` before today; answers the deleted dates. */
export async function pruneExpired(
  store: DigestStore,
  retentionDays: number,
  now: number,
): Promise<string[]> {
  const cutoff = retentionCutoff(retentionDays, now);
  const expired = (await store.readAll())
    .filter((digest) => digest.date < cutoff && !KEPT_SOURCES.has(digest.sourceId))
    .map((digest) => digest.date);
  await store.delete(expired);
  return expired;
}

/** The oldest date a synced digest is kept for. */
export function retentionCutoff(retentionDays: number, now: number): string {
  return addDays(shanghaiToday(now), -retentionDays);
}
