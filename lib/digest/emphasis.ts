import { isAsciiAlphanumeric, isWhitespace } from './chars';

const STAR = 0x2a;

/** Past either end counts as space: NaN. */
const isSpace = (code: number): boolean => Number.isNaN(code) || isWhitespace(code);

/**
 * Removes markdown emphasis markers in one linear pass: every run of two or more `*` (bold), and single `*` that
 * open and close a span (`*word*`, not `2*3`). Underscores are left alone: they appear inside names (`__init__`).
 */
export function stripEmphasis(text: string): string {
  if (!text.includes('*')) return text;
  const removed = new Uint8Array(text.length);
  let pendingOpener = -1;
  for (let index = text.indexOf('*'); index >= 0; ) {
    let runEnd = index + 1;
    while (text.charCodeAt(runEnd) === STAR) runEnd++;
    if (runEnd - index >= 2) {
      removed.fill(1, index, runEnd);
    } else {
      const before = text.charCodeAt(index - 1);
      const after = text.charCodeAt(index + 1);
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
    index = text.indexOf('*', runEnd);
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

function isPunctuation(code: number): boolean {
  if (Number.isNaN(code)) return true;
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 0x80) return !isAsciiAlphanumeric(code) && !isWhitespace(code);
  return /[\p{P}\p{S}]/u.test(String.fromCharCode(code));
}
