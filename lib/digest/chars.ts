/** Character tests by code, cheaper than a regex per character in the scanning loops. */
export function isWhitespace(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000;
}

export function isAsciiAlphanumeric(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** The index of the first character that is not a space or a tab. */
export function indentEnd(text: string): number {
  let index = 0;
  while (text[index] === ' ' || text[index] === '\t') index++;
  return index;
}
