/**
 * A `digests` row read back from IndexedDB, validated item by item: a digest whose own fields are damaged is
 * skipped, but one damaged item only drops that item (seen in review 2026-11: one bad item hid its whole digest).
 * Item records (lib/storage/item-records.ts) point at positions of the stored array, so the positions of the
 * dropped items are kept to map a stored position to the position in the validated digest.
 */
import { z } from 'zod';
import { isCalendarDate } from '../calendar-date';
import { type Item, itemSchema, type StoredDigest, storedDigestSchema } from '../schema';

/** One row of the `summaries` store (database version 4): what a list and the counts need of a valid digest. */
export interface DigestSummaryRecord {
  date: string;
  sourceId: string;
  fetchedAt: number;
  news: number;
  tools: number;
}

export interface ReadBackDigest {
  digest: StoredDigest;
  /** Stored positions of the items that were dropped as damaged, ascending. */
  damaged: number[];
}

export type ReadBack =
  | { ok: true; value: ReadBackDigest; problems: string[] }
  | { ok: false; problem: string };

const headerSchema = storedDigestSchema.extend({ items: z.array(z.unknown()) });

/** Validate a stored record; `problems` say which items were dropped, `problem` why the whole record was. */
export function readBack(record: unknown): ReadBack {
  const header = headerSchema.safeParse(record);
  if (!header.success) return { ok: false, problem: header.error.issues[0]?.message ?? 'invalid' };
  if (!isCalendarDate(header.data.date)) return { ok: false, problem: `no such day: ${header.data.date}` };
  const items: StoredDigest['items'] = [];
  const damaged: number[] = [];
  const problems: string[] = [];
  header.data.items.forEach((raw, position) => {
    const item = itemSchema.safeParse(raw);
    if (item.success) {
      items.push(item.data);
    } else {
      damaged.push(position);
      problems.push(`item ${position + 1} is damaged and was skipped: ${item.error.issues[0]?.message}`);
    }
  });
  return { ok: true, value: { digest: { ...header.data, items }, damaged }, problems };
}

/** The valid digest in `record`, its damaged items dropped; null when the record itself is damaged. */
export function validatedDigest(record: unknown): StoredDigest | null {
  const result = readBack(record);
  return result.ok ? result.value.digest : null;
}

/** The item stored at `position` of the record read back; undefined when it was dropped as damaged. */
export function storedItem(readBackDigest: ReadBackDigest, position: number): Item | undefined {
  let before = 0;
  for (const damaged of readBackDigest.damaged) {
    if (damaged === position) return undefined;
    if (damaged > position) break;
    before += 1;
  }
  return readBackDigest.digest.items[position - before];
}

export function summaryOf(digest: StoredDigest): DigestSummaryRecord {
  let news = 0;
  for (const item of digest.items) if (item.section === 'news') news += 1;
  return {
    date: digest.date,
    sourceId: digest.sourceId,
    fetchedAt: digest.fetchedAt,
    news,
    tools: digest.items.length - news,
  };
}
