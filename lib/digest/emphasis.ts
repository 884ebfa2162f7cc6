import { isAsciiAlphanumeric, isWhitespace } from './chars';

const STAR = 0x2a;
const UNDERSCORE = 0x5f;
const NO_RANGES: readonly number[] = [];

/** Past either end counts as space: NaN. */
const isSpace = (code: number): boolean => Number.isNaN(code) || isWhitespace(code);

/**
 * Removes markdown emphasis markers in one linear pass per marker: every run of two or more `*` (bold), single `*`
 * that open and close a span (`*word*`, not `2*3`), and `_` / `__` spans by CommonMark's flanking rules (never
 * inside a word: `snake_case`, `数据_集`). A span of only identifier characters (`__init__`, `_v2_`) is a name, not
 * emphasis. `keptRanges` (start, end pairs) are bare URLs: their `*` and `_` are part of the address.
 */
export function stripEmphasis(text: string, keptRanges: readonly number[] = NO_RANGES): string {
  const hasStar = text.includes('*');
  const hasUnderscore = text.includes('_');
  if (!hasStar && !hasUnderscore) return text;
  const removed = new Uint8Array(text.length);
  for (let index = 0; index < keptRanges.length; index += 2) {
    removed.fill(KEPT, keptRanges[index], keptRanges[index + 1]);
  }
  if (hasStar) markStars(text, removed);
  if (hasUnderscore) markUnderscores(text, removed);
  let result = '';
  let sliceStart = 0;
  for (let position = 0; position < text.length; position++) {
    if (removed[position] !== REMOVED) continue;
    result += text.slice(sliceStart, position);
    sliceStart = position + 1;
  }
  return result + text.slice(sliceStart);
}

/** Marks in `removed`: a marker to drop, or a character of a bare URL that no marker run may start in. */
const REMOVED = 1;
const KEPT = 2;

function markStars(text: string, removed: Uint8Array): void {
  let pendingOpener = -1;
  for (let index = text.indexOf('*'); index >= 0; ) {
    let runEnd = index + 1;
    while (text.charCodeAt(runEnd) === STAR) runEnd++;
    if (removed[index] === KEPT) {
      // Inside a bare URL.
    } else if (runEnd - index >= 2) {
      removed.fill(REMOVED, index, runEnd);
    } else {
      const before = text.charCodeAt(index - 1);
      const after = text.charCodeAt(index + 1);
      const canClose = !isSpace(before) && (isSpace(after) || isStarPunctuation(after));
      const canOpen = !isSpace(after) && (isSpace(before) || isStarPunctuation(before));
      if (canClose && pendingOpener >= 0) {
        removed[pendingOpener] = REMOVED;
        removed[index] = REMOVED;
        pendingOpener = -1;
      } else if (canOpen) {
        pendingOpener = index;
      }
    }
    index = text.indexOf('*', runEnd);
  }
}

function markUnderscores(text: string, removed: Uint8Array): void {
  let openerStart = -1;
  let openerEnd = -1;
  for (let index = text.indexOf('_'); index >= 0; ) {
    let runEnd = index + 1;
    while (text.charCodeAt(runEnd) === UNDERSCORE) runEnd++;
    if (removed[index] !== KEPT) {
      const before = text.charCodeAt(index - 1);
      const after = text.charCodeAt(runEnd);
      const leftFlanking =
        !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
      const rightFlanking =
        !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
      if (rightFlanking && (!leftFlanking || isPunctuation(after)) && openerStart >= 0) {
        if (!isIdentifier(text, openerEnd, index)) {
          const length = Math.min(openerEnd - openerStart, runEnd - index);
          removed.fill(REMOVED, openerEnd - length, openerEnd);
          removed.fill(REMOVED, index, index + length);
        }
        openerStart = -1;
      } else if (leftFlanking && (!rightFlanking || isPunctuation(before))) {
        openerStart = index;
        openerEnd = runEnd;
      }
    }
    index = text.indexOf('_', runEnd);
  }
}

/** Whether `text[start, end)` is only ASCII letters, digits and `_`: a name such as `init` in `__init__`. */
function isIdentifier(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (!isAsciiAlphanumeric(code) && code !== UNDERSCORE) return false;
  }
  return true;
}

/** For `*`, Chinese characters count as punctuation, so `中文**强调**中文` is emphasis as the publisher meant. */
function isStarPunctuation(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || isPunctuation(code);
}

/** ASCII or Unicode punctuation and symbols (CommonMark's definition); past either end counts too. */
function isPunctuation(code: number): boolean {
  if (Number.isNaN(code)) return true;
  if (code < 0x80) return !isAsciiAlphanumeric(code) && !isWhitespace(code);
  return /[\p{P}\p{S}]/u.test(String.fromCharCode(code));
}
