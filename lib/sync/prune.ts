import type { DigestKind } from '../schema';
import { DIGEST_KINDS } from '../storage/database';
import type { DigestStore } from '../storage/digest-store';
import { addDays, shanghaiToday } from './dates';
import { KEPT_SOURCES } from './make-room';

/**
 * Delete synced digests dated more than `retentionDays` before the retention's reference day; answers the deleted
 * dates. Digests the user brought in on purpose (the archive import, an imported file) are kept whatever their age:
 * retention only cleans up what syncing gathered by itself.
 *
 * The reference day is today, but never later than the day after the newest synced digest: a clock far ahead (two
 * years fast, seen in review 2026-11) would otherwise make every stored digest look expired and delete them all.
 * Each kind of digest is pruned on its own, against its own newest synced digest.
 */
export async function pruneExpired(
  store: DigestStore,
  retentionDays: number,
  now: number,
): Promise<string[]> {
  const deleted: string[] = [];
  for (const kind of DIGEST_KINDS) deleted.push(...(await pruneKind(store, kind, retentionDays, now)));
  return deleted;
}

async function pruneKind(
  store: DigestStore,
  kind: DigestKind,
  retentionDays: number,
  now: number,
): Promise<string[]> {
  // The summaries say each digest's date and source: 5 years of digests are not read back to choose what goes.
  const synced = (await store.summaries(kind)).filter((summary) => !KEPT_SOURCES.has(summary.sourceId));
  const newest = synced[0]?.date;
  if (newest === undefined) return [];
  const today = shanghaiToday(now);
  const reference = [today, addDays(newest, 1)].sort()[0] ?? today;
  const cutoff = addDays(reference, -retentionDays);
  const expired = synced.filter(({ date }) => date < cutoff).map(({ date }) => date);
  await store.delete(expired, kind);
  return expired;
}

/** The oldest date a synced digest fetched now is kept for. */
export function retentionCutoff(retentionDays: number, now: number): string {
  return addDays(shanghaiToday(now), -retentionDays);
}
