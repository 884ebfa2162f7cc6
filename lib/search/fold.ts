/**
 * What a search compares: the text without its invisible format characters, full-width forms as their ASCII (a
 * Chinese input method types ＧＰＴ and （）; titles write both brackets), then lower case.
 *
 * Invisible characters (Unicode's format characters: zero-width space and joiners, word joiner, soft hyphen, BOM,
 * bidi controls) are dropped only here, at search time: a title pasted with them ("G\u200bPT", "Open\u00adAI") reads
 * as it looks, typed either way. The stored text keeps them, since it is what is shown: a soft hyphen is where a
 * long word may break, a zero-width joiner holds an emoji sequence together.
 *
 * Dropping them moves offsets: `shownSpan` maps a span of the folded text back onto the text as written. Nothing
 * else moves one: each full-width form is one code unit, as is its ASCII; a character whose lower case has another
 * length is left as it is.
 */

/** Format characters (Cf), less the visible ones: the Arabic and Syriac signs written before a number. */
const INVISIBLE = /[\p{Cf}--[\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u{110bd}\u{110cd}]]/v;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gv');
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_ALL = new RegExp(FULL_WIDTH.source, 'g');
/** U+FF01–FF5E are U+0021–007E moved by FEE0; the ideographic space is a space. */
const ascii = (char: string) => (char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0));

/** The text folded for search, invisible characters dropped. */
export function foldCase(written: string): string {
  return foldInPlace(INVISIBLE.test(written) ? written.replace(INVISIBLE_ALL, '') : written);
}

/** The text folded for search with every offset kept (invisible characters kept too): for names found by offset. */
export function foldInPlace(written: string): string {
  const text = FULL_WIDTH.test(written) ? written.replace(FULL_WIDTH_ALL, ascii) : written;
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let result = '';
  for (const char of text) {
    const lowerChar = char.toLowerCase();
    result += lowerChar.length === char.length ? lowerChar : char;
  }
  return result;
}

/**
 * The span of `written` that folds to [start, end) of `foldCase(written)`: from its first visible character to just
 * after its last, holding the invisible ones between them.
 */
export function shownSpan(written: string, start: number, end: number): { start: number; end: number } {
  if (!INVISIBLE.test(written)) return { start, end };
  let dropped = 0;
  let shownStart = start;
  let shownEnd = end;
  // Each invisible run shifts every folded offset after it; a span starting or ending at it stays on its visible side.
  for (const run of written.matchAll(INVISIBLE_ALL)) {
    const foldedAt = run.index - dropped;
    if (foldedAt <= start) shownStart = start + dropped + run[0].length;
    if (foldedAt < end) shownEnd = end + dropped + run[0].length;
    dropped += run[0].length;
  }
  return { start: shownStart, end: shownEnd };
}
