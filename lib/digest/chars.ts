/**
 * Character tests by UTF-16 code (`text.charCodeAt(index)`, NaN past either end, which every test rejects): cheaper
 * than a regex or a one-character string per character in the scanning loops.
 */
export function isWhitespace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000;
}

export function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** The index of the first character from `start` on that is not a space or a tab. */
export function indentEnd(text: string, start = 0): number {
  let index = start;
  while (isSpaceOrTab(text.charCodeAt(index))) index++;
  return index;
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
