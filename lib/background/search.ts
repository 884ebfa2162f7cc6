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
  const start = foldCase(text).indexOf(needle);
  return start < 0 ? undefined : { field, start, end: start + needle.length };
}

/** Lower case that keeps every offset: a character whose lower case has another length is left as it is. */
function foldCase(text: string): string {
  let folded = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    folded += lower.length === char.length ? lower : char;
  }
  return folded;
}
