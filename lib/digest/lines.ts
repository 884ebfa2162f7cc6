import { indentEnd } from './chars';

export interface Heading {
  level: number;
  text: string;
}

const BOM = '\uFEFF';
const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const DASH = 0x2d;
const STAR = 0x2a;
const PLUS = 0x2b;
const UNDERSCORE = 0x5f;
const QUOTE_MARKER = 0x3e;

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
  const marker = text.charCodeAt(indentEnd(text));
  if (marker !== DASH && marker !== STAR && marker !== UNDERSCORE) return false;
  let markers = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === marker) markers++;
    else if (code !== SPACE && code !== TAB) return false;
  }
  return markers >= 3;
}

/** An ATX heading (`## text`): up to three spaces of indent, 1–6 `#`, then a space or the end of the line. */
export function readHeading(text: string): Heading | null {
  let index = 0;
  while (index < 3 && text.charCodeAt(index) === SPACE) index++;
  let level = 0;
  while (text.charCodeAt(index + level) === HASH) level++;
  if (level === 0 || level > 6) return null;
  const after = text.charCodeAt(index + level);
  if (index + level < text.length && after !== SPACE && after !== TAB) return null;
  return { level, text: headingText(text.slice(index + level)) };
}

/** The heading's text without a closing sequence (`## title ##` → `title`); only `#` is no text. */
function headingText(afterMarker: string): string {
  let text = afterMarker.trim();
  let closingStart = text.length;
  while (closingStart > 0 && text.charCodeAt(closingStart - 1) === HASH) closingStart--;
  const before = text.charCodeAt(closingStart - 1);
  if (closingStart < text.length && (before === SPACE || before === TAB))
    text = text.slice(0, closingStart - 1).trim();
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) !== HASH) return text;
  }
  return '';
}

/** Removes leading blockquote markers (`>`, `> >`) and returns the rest, left-trimmed. */
export function stripQuoteMarkers(text: string): { text: string; quoted: boolean } {
  let index = 0;
  let quoted = false;
  for (;;) {
    index = indentEnd(text, index);
    if (text.charCodeAt(index) !== QUOTE_MARKER) break;
    quoted = true;
    index++;
  }
  return { text: text.slice(index), quoted };
}

/** Removes a leading list marker (`- `, `* `, `+ `) and returns the rest. */
export function stripBulletMarker(text: string): { text: string; bulleted: boolean } {
  const first = text.charCodeAt(0);
  const second = text.charCodeAt(1);
  if ((first === DASH || first === STAR || first === PLUS) && (second === SPACE || second === TAB)) {
    return { text: text.slice(2).trimStart(), bulleted: true };
  }
  return { text, bulleted: false };
}
