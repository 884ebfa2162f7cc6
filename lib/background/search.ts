/**
 * Case-insensitive substring search over the titles and summaries of stored digests (Chinese included: a substring
 * needs no word boundaries). Newest digest first, items in digest order; one hit per item, the title before the summary.
 */
import type { SearchHit, StoredDigest } from '../schema';

export const DEFAULT_SEARCH_LIMIT = 50;

export function searchDigests(
  digests: readonly StoredDigest[],
  query: string,
  limit = DEFAULT_SEARCH_LIMIT,
): { hits: SearchHit[]; total: number } {
  const needle = foldCase(query.trim());
  if (!needle) return { hits: [], total: 0 };
  const newestFirst = [...digests].sort((a, b) => b.date.localeCompare(a.date));
  const hits: SearchHit[] = [];
  let total = 0;
  for (const digest of newestFirst) {
    for (const item of digest.items) {
      const hit = findIn('title', item.title, needle) ?? findIn('summary', item.summary, needle);
      if (!hit) continue;
      total += 1;
      if (hits.length < limit) hits.push({ date: digest.date, item, ...hit });
    }
  }
  return { hits, total };
}

function findIn(field: SearchHit['field'], text: string, needle: string) {
  const start = foldedText(text).indexOf(needle);
  return start < 0 ? undefined : { field, start, end: start + needle.length };
}

/**
 * Folded texts of the stored titles and summaries: the store keeps its digests in memory, so the same strings come
 * back search after search and folding them once keeps a search over a year of digests to a few milliseconds.
 */
const folded = new Map<string, string>();
const FOLDED_LIMIT = 50_000;

function foldedText(text: string): string {
  let value = folded.get(text);
  if (value === undefined) {
    if (folded.size >= FOLDED_LIMIT) folded.clear();
    value = foldCase(text);
    folded.set(text, value);
  }
  return value;
}

/** Lower case that keeps every offset: a character whose lower case has another length is left as it is. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let result = '';
  for (const char of text) {
    const lowerChar = char.toLowerCase();
    result += lowerChar.length === char.length ? lowerChar : char;
  }
  return result;
}
