/** A line of summary text, or the end of a paragraph (a blank line). */
export type SummaryPart = { text: string; bulleted: boolean } | 'paragraph-break';

const CJK_OR_FULLWIDTH = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/;

/**
 * Joins summary lines the way a reader sees them: lines of one paragraph run together (with a space between Latin
 * words, nothing between Chinese characters), paragraphs and list entries each start a new line. The pieces are
 * collected and joined once, and only the last character of the line so far is kept: reading the end of a string
 * grown by `+=` flattens it, which made an item of 150,000 short lines take minutes (issue 17).
 */
export function joinSummary(parts: readonly SummaryPart[]): string {
  const pieces: string[] = [];
  /** The last character of the line being built, or '' when no line is open. */
  let lastChar = '';
  for (const part of parts) {
    if (part === 'paragraph-break') {
      lastChar = '';
      continue;
    }
    const text = part.text;
    if (text === '') continue;
    if (lastChar === '') {
      if (pieces.length > 0) pieces.push('\n');
    } else if (part.bulleted) {
      pieces.push('\n');
    } else if (needsSpace(lastChar, text)) {
      pieces.push(' ');
    }
    pieces.push(text);
    lastChar = text[text.length - 1] ?? '';
  }
  return pieces.join('');
}

function needsSpace(lastChar: string, after: string): boolean {
  return !CJK_OR_FULLWIDTH.test(lastChar) && !CJK_OR_FULLWIDTH.test(after[0] ?? '');
}
