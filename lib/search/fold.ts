/**
 * What a search compares: full-width forms as their ASCII (a Chinese input method types ＧＰＴ and （）; titles write
 * both brackets), then lower case. Every offset is kept, for the highlight: each full-width form is one code unit, as
 * is its ASCII; a character whose lower case has another length is left as it is.
 */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_ALL = new RegExp(FULL_WIDTH.source, 'g');
/** U+FF01–FF5E are U+0021–007E moved by FEE0; the ideographic space is a space. */
const ascii = (char: string) => (char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0));

export function foldCase(written: string): string {
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
