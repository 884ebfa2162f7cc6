import { storedReadKeys } from '../read-state/read-days';
import type { DigestKind } from '../schema';
import { DIGEST_KINDS } from '../storage/database';
import type { DigestStore } from '../storage/digest-store';
import { readStateOf } from '../storage/read-state-store';
import { addDays, shanghaiToday } from './dates';
import { KEPT_SOURCES } from './make-room';

/**
 * Delete synced digests dated more than `retentionDays` before the retention's reference day; answers the deleted
 * dates. Digests the user brought in on purpose (the archive import, an imported file) are kept whatever their age:
 * retention only cleans up what syncing gathered by itself.
 *
 * The reference day is today, but never later than the day after the newest synced digest: a clock far ahead (two
 * years fast, seen in review 2026-11) would otherwise make every stored digest look expired and delete them all.
 * Each kind of digest is pruned on its own, against its own newest synced digest. What was read of the pruned
 * digests goes with them (`pruneReads`).
 */
export async function pruneExpired(
  store: DigestStore,
  retentionDays: number,
  now: number,
): Promise<string[]> {
  const deleted: string[] = [];
  const cutoffs: string[] = [];
  for (const kind of DIGEST_KINDS) {
    const { expired, cutoff } = await pruneKind(store, kind, retentionDays, now);
    deleted.push(...expired);
    if (expired.length > 0) cutoffs.push(cutoff);
  }
  const [earliest] = cutoffs.sort();
  if (earliest !== undefined) await pruneReads(store, earliest);
  return deleted;
}

async function pruneKind(
  store: DigestStore,
  kind: DigestKind,
  retentionDays: number,
  now: number,
): Promise<{ expired: string[]; cutoff: string }> {
  // The summaries say each digest's date and source: 5 years of digests are not read back to choose what goes.
  const synced = (await store.summaries(kind)).filter((summary) => !KEPT_SOURCES.has(summary.sourceId));
  const today = shanghaiToday(now);
  const newest = synced[0]?.date;
  if (newest === undefined) return { expired: [], cutoff: today };
  const reference = [today, addDays(newest, 1)].sort()[0] ?? today;
  const cutoff = addDays(reference, -retentionDays);
  const expired = synced.filter(({ date }) => date < cutoff).map(({ date }) => date);
  await store.delete(expired, kind);
  return { expired, cutoff };
}

/**
 * Once digests were pruned, forget what was read before `cutoff` (the earliest cutoff of the kinds pruned, a Shanghai
 * date) when no stored item has its key anymore: the reads stay bounded by the library. A read since the cutoff
 * stays (an imported file may bring its digests next), and so does one whose story is still told on a stored day.
 */
async function pruneReads(store: DigestStore, cutoff: string): Promise<void> {
  const reads = readStateOf(store);
  const before = Date.parse(`${cutoff}T00:00:00+08:00`);
  const old = (await reads.all()).filter(({ readAt }) => readAt < before).map(({ key }) => key);
  if (old.length === 0) return;
  const held = await storedReadKeys(store, old);
  await reads.delete(old.filter((key) => !held.has(key)));
}

/** The oldest date a synced digest fetched now is kept for. */
export function retentionCutoff(retentionDays: number, now: number): string {
  return addDays(shanghaiToday(now), -retentionDays);
}
