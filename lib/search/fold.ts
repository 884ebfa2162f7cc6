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
