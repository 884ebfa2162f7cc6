/**
 * How large a parsed digest may be. What goes past a limit is cut and said as a problem, so no digest can make the
 * popup, a lookup or the store slow (issue 17: 29,422 items, 50,001 links in one item).
 *
 * Measured over the real corpus (239 archive digests, 11 homepage versions, 239 GitHub trending digests): at most
 * 20 items a digest (10 a section), 3 links an item, a title of 90 characters and a summary of 299. Each limit
 * leaves a wide margin over that (10× and more), so no real digest is ever cut. The sync and the store may reuse
 * them to refuse or bound what they keep.
 */
export const DIGEST_LIMITS = {
  /** Items in one digest, both sections together. */
  items: 200,
  /** Distinct links of one item. */
  linksPerItem: 50,
  /** Characters (UTF-16 code units) of an item's title. */
  titleLength: 1_000,
  /** Characters (UTF-16 code units) of an item's summary. */
  summaryLength: 5_000,
  /** Problems reported for one document; the last one says how many more there were. */
  problems: 100,
} as const;

/** A count as the problems write it: `20,000` (by hand: `toLocaleString` first loads the locale data, ~20 ms). */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** `text` cut to at most `maxLength` characters, ending in `…`, never inside a surrogate pair; null when it fits. */
export function cutText(text: string, maxLength: number): string | null {
  if (text.length <= maxLength) return null;
  let end = maxLength - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}
