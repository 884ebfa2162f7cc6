/**
 * The words a folded query is searched by. A Chinese input method types a mixed query with no space ("agent框架",
 * "gpt-5发布"), while the digests write "Agent 框架": a word is also split where Latin letters or digits meet
 * Chinese (or Japanese, Korean) characters, and each part is a word of its own. Nothing else splits a word: "深度求索",
 * "gpt-5" and "v2.5" stay whole.
 */

const LATIN_OR_DIGIT = String.raw`[\p{Script=Latin}0-9]`;
const CJK = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]`;
const SCRIPT_CHANGE = new RegExp(`(?<=${LATIN_OR_DIGIT})(?=${CJK})|(?<=${CJK})(?=${LATIN_OR_DIGIT})`, 'u');
/** Plain ASCII holds no CJK: most queries skip the split. */
const ASCII = /^[\x20-\x7e]*$/;

const ONE_LATIN_OR_DIGIT = new RegExp(`^${LATIN_OR_DIGIT}$`, 'u');

/**
 * A word as the parts it is searched by: itself, unless it runs Latin into CJK or back. A single letter or digit stays
 * with the characters after it (before it, at the word's end): "a股", "b站", "x光" are words of their own, and "a"
 * alone would be found in nearly every item (review 2026-12-01).
 */
export function wordParts(word: string): string[] {
  if (ASCII.test(word)) return [word];
  const parts: string[] = [];
  let glued = '';
  for (const part of word.split(SCRIPT_CHANGE)) {
    if (ONE_LATIN_OR_DIGIT.test(part)) glued += part;
    else {
      parts.push(glued + part);
      glued = '';
    }
  }
  // A letter or digit last: with the characters before it.
  if (glued && parts.length > 0) parts[parts.length - 1] += glued;
  else if (glued) parts.push(glued);
  return parts;
}

/** The words of a folded query: split at spaces, then at each meeting of Latin and CJK. */
export function queryParts(needle: string): string[] {
  return needle.split(/\s+/).flatMap(wordParts);
}
