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
  const newestFirst = [...digests].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const hits: SearchHit[] = [];
  let total = 0;
  for (const digest of newestFirst) {
    const folded = foldedDigest(digest);
    // Most digests hold no word of the query: one look at all their text skips them.
    if (!words.every((word) => folded.all.includes(word))) continue;
    digest.items.forEach((item, index) => {
      const texts = folded.items[index] as FoldedItem;
      const hit =
        findIn('title', texts.title, needle) ??
        findIn('summary', texts.summary, needle) ??
        (words.length > 1 ? findEveryWord(texts, words) : undefined);
      if (!hit) return;
      total += 1;
      if (hits.length < limit) hits.push({ date: digest.date, item, ...hit });
    });
  }
  return { hits, total };
}

interface FoldedItem {
  title: string;
  summary: string;
}

/** Where the first word is, when every word is in the title or the summary. */
function findEveryWord(texts: FoldedItem, words: string[]) {
  const found = words.map(
    (word) => findIn('title', texts.title, word) ?? findIn('summary', texts.summary, word),
  );
  return found.every((place) => place !== undefined) ? found[0] : undefined;
}

function findIn(field: SearchHit['field'], foldedText: string, needle: string) {
  const start = foldedText.indexOf(needle);
  return start < 0 ? undefined : { field, start, end: start + needle.length };
}

interface FoldedDigest {
  items: FoldedItem[];
  /** Every folded title and summary, one after another. */
  all: string;
}

/**
 * The folded titles and summaries of each digest, made on its first search. The store hands out the same digest
 * objects until a write replaces them, so this holds exactly the library of the moment (5 years: 36,000 items),
 * folded once; a replaced digest's entry goes with it. (A cache of 50,000 strings cleared when full thrashed at
 * 5 years: 72,000 strings, 38–103 ms a query.)
 */
const foldedByDigest = new WeakMap<StoredDigest, FoldedDigest>();

function foldedDigest(digest: StoredDigest): FoldedDigest {
  let folded = foldedByDigest.get(digest);
  if (!folded) {
    const items = digest.items.map((item) => ({
      title: foldCase(item.title),
      summary: foldCase(item.summary),
    }));
    // The separator keeps a match from spanning two texts; a query never holds it (a false hit costs a look only).
    const all = items.map((item) => `${item.title}\u0000${item.summary}`).join('\u0000');
    folded = { items, all };
    foldedByDigest.set(digest, folded);
  }
  return folded;
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
