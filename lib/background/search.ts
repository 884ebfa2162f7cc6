/**
 * Case-insensitive substring search over the titles and summaries of stored digests (Chinese included: a substring
 * needs no word boundaries). Newest digest first, items in digest order; one hit per item, the title before the summary.
 * A query of several words ("Qwen 模型") also finds items holding every word, wherever each one is; the first word
 * found is the one highlighted.
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
  const words = needle.split(/\s+/);
  const newestFirst = [...digests].sort((a, b) => b.date.localeCompare(a.date));
  const hits: SearchHit[] = [];
  let total = 0;
  for (const digest of newestFirst) {
    for (const item of digest.items) {
      const hit =
        findIn('title', item.title, needle) ??
        findIn('summary', item.summary, needle) ??
        (words.length > 1 ? findEveryWord(item, words) : undefined);
      if (!hit) continue;
      total += 1;
      if (hits.length < limit) hits.push({ date: digest.date, item, ...hit });
    }
  }
  return { hits, total };
}

/** Where the first word is, when every word is in the title or the summary. */
function findEveryWord(item: { title: string; summary: string }, words: string[]) {
  const found = words.map(
    (word) => findIn('title', item.title, word) ?? findIn('summary', item.summary, word),
  );
  return found.every((place) => place !== undefined) ? found[0] : undefined;
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
