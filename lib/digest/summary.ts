/** A line of summary text, or the end of a paragraph (a blank line). */
export type SummaryPart = { text: string; bulleted: boolean } | 'paragraph-break';

const CJK_OR_FULLWIDTH = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/;

/**
 * Joins summary lines the way a reader sees them: lines of one paragraph run together (with a space between Latin
 * words, nothing between Chinese characters), paragraphs and list entries each start a new line.
 */
export function joinSummary(parts: readonly SummaryPart[]): string {
  const lines: string[] = [];
  let current: string | null = null;
  for (const part of parts) {
    if (part === 'paragraph-break') {
      if (current !== null) lines.push(current);
      current = null;
      continue;
    }
    if (part.text === '') continue;
    if (current === null) {
      current = part.text;
    } else if (part.bulleted) {
      lines.push(current);
      current = part.text;
    } else {
      current += needsSpace(current, part.text) ? ` ${part.text}` : part.text;
    }
  }
  if (current !== null) lines.push(current);
  return lines.join('\n');
}

function needsSpace(before: string, after: string): boolean {
  return !CJK_OR_FULLWIDTH.test(before.slice(-1)) && !CJK_OR_FULLWIDTH.test(after.slice(0, 1));
}
