import { isAsciiAlphanumeric, isWhitespace } from './chars';

const isSpace = (char: string | undefined): boolean => char === undefined || isWhitespace(char);

/**
 * Removes markdown emphasis markers in one linear pass: every run of two or more `*` (bold), and single `*` that
 * open and close a span (`*word*`, not `2*3`). Underscores are left alone: they appear inside names (`__init__`).
 */
export function stripEmphasis(text: string): string {
  if (!text.includes('*')) return text;
  const removed = new Uint8Array(text.length);
  let pendingOpener = -1;
  let index = 0;
  while (index < text.length) {
    if (text[index] !== '*') {
      index++;
      continue;
    }
    let runEnd = index;
    while (text[runEnd] === '*') runEnd++;
    if (runEnd - index >= 2) {
      removed.fill(1, index, runEnd);
    } else {
      const before = text[index - 1];
      const after = text[index + 1];
      const canClose = !isSpace(before) && (isSpace(after) || isPunctuation(after));
      const canOpen = !isSpace(after) && (isSpace(before) || isPunctuation(before));
      if (canClose && pendingOpener >= 0) {
        removed[pendingOpener] = 1;
        removed[index] = 1;
        pendingOpener = -1;
      } else if (canOpen) {
        pendingOpener = index;
      }
    }
    index = runEnd;
  }
  let result = '';
  let sliceStart = 0;
  for (let position = 0; position < text.length; position++) {
    if (removed[position] === 0) continue;
    result += text.slice(sliceStart, position);
    sliceStart = position + 1;
  }
  return result + text.slice(sliceStart);
}

function isPunctuation(char: string | undefined): boolean {
  if (char === undefined) return true;
  const code = char.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 0x80) return !isAsciiAlphanumeric(char) && !isWhitespace(char);
  return /[\p{P}\p{S}]/u.test(char);
}
