import { indentEnd } from './chars';

export interface Heading {
  level: number;
  text: string;
}

const BOM = '\uFEFF';

/** The document's lines (line `n` is at index `n - 1`), with a BOM dropped and CRLF or CR line endings accepted. */
export function splitLines(document: string): string[] {
  const text = document.startsWith(BOM) ? document.slice(BOM.length) : document;
  return (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
}

/** ``` or ~~~ lines: the publisher sometimes wraps whole sections in fences, balanced or not, so fences are ignored. */
export function isFence(text: string): boolean {
  const start = indentEnd(text);
  return text.startsWith('```', start) || text.startsWith('~~~', start);
}

/** `---`, `***`, `___` (spaces allowed between and around), the separator between items. */
export function isThematicBreak(text: string): boolean {
  const first = text[indentEnd(text)];
  if (first !== '-' && first !== '*' && first !== '_') return false;
  const compact = text.replace(/[ \t]/g, '');
  if (compact.length < 3) return false;
  const marker = compact[0];
  if (marker !== '-' && marker !== '*' && marker !== '_') return false;
  for (const char of compact) if (char !== marker) return false;
  return true;
}

/** An ATX heading (`## text`): up to three spaces of indent, 1–6 `#`, then a space or the end of the line. */
export function readHeading(text: string): Heading | null {
  let index = 0;
  while (index < 3 && text[index] === ' ') index++;
  let level = 0;
  while (text[index + level] === '#') level++;
  if (level === 0 || level > 6) return null;
  const after = text[index + level];
  if (after !== undefined && after !== ' ' && after !== '\t') return null;
  const body = text
    .slice(index + level)
    .trim()
    .replace(/[ \t]#+$/, '')
    .trim();
  return { level, text: body === '#'.repeat(body.length) ? '' : body };
}

/** Removes leading blockquote markers (`>`, `> >`) and returns the rest, left-trimmed. */
export function stripQuoteMarkers(text: string): { text: string; quoted: boolean } {
  let index = 0;
  let quoted = false;
  for (;;) {
    while (text[index] === ' ' || text[index] === '\t') index++;
    if (text[index] !== '>') break;
    quoted = true;
    index++;
  }
  return { text: text.slice(index), quoted };
}

/** Removes a leading list marker (`- `, `* `, `+ `) and returns the rest. */
export function stripBulletMarker(text: string): { text: string; bulleted: boolean } {
  const first = text[0];
  if ((first === '-' || first === '*' || first === '+') && (text[1] === ' ' || text[1] === '\t')) {
    return { text: text.slice(2).trimStart(), bulleted: true };
  }
  return { text, bulleted: false };
}
