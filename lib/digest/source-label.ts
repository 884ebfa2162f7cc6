const QUALIFIER_CLOSERS: Record<string, string> = { '（': '）', '(': ')' };
const MAX_QUALIFIER_LENGTH = 30;
const SENTENCE_ENDS = new Set(['。', '！', '？', '.', '!', '?', '；', ';']);

/**
 * Whether a source label starts at `start`: `来源：…`, `来源（硬件）：…`, `**来源**：…`, `[来源](url)`,
 * `[来源：label](url)`, but not prose such as `来源于…` or `来源说明…`.
 */
export function isSourceLabelled(text: string, start = 0): boolean {
  let index = start;
  while (text[index] === '*' || text[index] === '[') index++;
  if (!text.startsWith('来源', index)) return false;
  index = afterQualifier(text, index + 2);
  while (text[index] === '*' || text[index] === ' ') index++;
  const next = text[index];
  return next === undefined || next === '：' || next === ':' || next === ']';
}

/**
 * Cuts a source attribution that ends a summary line after its last sentence (`…。来源：OpenAI 官方博客。`): it says
 * where the item comes from, it is not part of the summary.
 */
export function cutTrailingSource(text: string): string {
  for (let index = text.indexOf('来源'); index >= 0; index = text.indexOf('来源', index + 2)) {
    let before = index - 1;
    while (text[before] === ' ' || text[before] === '*') before--;
    if (SENTENCE_ENDS.has(text[before] ?? '') && isSourceLabelled(text, index))
      return text.slice(0, before + 1);
  }
  return text;
}

/** Skips a short parenthesised qualifier right after `来源`, as in `来源（越狱工具）：`. */
function afterQualifier(text: string, index: number): number {
  const closer = QUALIFIER_CLOSERS[text[index] ?? ''];
  if (closer === undefined) return index;
  const limit = Math.min(text.length, index + MAX_QUALIFIER_LENGTH);
  for (let position = index + 1; position < limit; position++) {
    if (text[position] === closer) return position + 1;
  }
  return index;
}
