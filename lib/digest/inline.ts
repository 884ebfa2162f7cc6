import { isAsciiAlphanumeric, isWhitespace } from './chars';
import { stripEmphasis } from './emphasis';
import { bareUrlEnd, isHttpUrl, startsWithHttpScheme } from './urls';

/** A line of markdown rendered to plain text, with the http(s) links it holds. */
export interface InlineText {
  text: string;
  links: string[];
  /** True when something other than links and separators is on the line. */
  hasOtherText: boolean;
  /** True when a `[label](` link has no closing parenthesis (a cut-off document). */
  hasCutOffLink: boolean;
}

/** What may sit between links on a line of links: `[a](u)，[b](v)`, `(https://…)`, `- 演示：…`. */
const SEPARATORS = new Set(',，、;；|/()（）.。：:-');

/** For every opener, its closer's index + 1 (0: unmatched), found with one stack pass so link scanning stays linear. */
function matchPairs(text: string, opener: string, closer: string): Int32Array {
  const first = text.indexOf(opener);
  if (first < 0) return NO_PAIRS;
  const match = new Int32Array(text.length);
  const openCode = opener.charCodeAt(0);
  const closeCode = closer.charCodeAt(0);
  const open: number[] = [];
  for (let index = first; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === openCode) open.push(index);
    else if (code === closeCode && open.length > 0) match[open.pop() as number] = index + 1;
  }
  return match;
}

const NO_PAIRS = new Int32Array(0);

/** The URL inside a link target: `<url>` unwrapped, an optional `"title"` after whitespace dropped. */
function targetUrl(target: string): string | null {
  let url = target.trim();
  if (url.startsWith('<') && url.endsWith('>')) url = url.slice(1, -1).trim();
  const space = url.search(/\s/);
  if (space >= 0) url = url.slice(0, space);
  return isHttpUrl(url) ? url : null;
}

/**
 * Renders one line of inline markdown to plain text by hand-written scanning (no backtracking regex): links become
 * their label and give their URL, images their alt text, code spans their content, bare URLs stay as text and give
 * their URL, emphasis markers go. HTML is left as it is: it is text.
 */
export function renderInline(source: string): InlineText {
  const brackets = matchPairs(source, '[', ']');
  const parens = matchPairs(source, '(', ')');
  const pieces: string[] = [];
  const links: string[] = [];
  let hasOtherText = false;
  let hasCutOffLink = false;
  let textStart = 0;
  let noMoreBackticks = false;
  let index = 0;

  const flushText = (end: number): void => {
    const piece = source.slice(textStart, end);
    if (!hasOtherText && hasNonSeparator(piece)) hasOtherText = true;
    pieces.push(piece);
  };

  while (index < source.length) {
    const char = source[index];
    if (char === '`' && !noMoreBackticks) {
      const close = source.indexOf('`', index + 1);
      if (close < 0) {
        noMoreBackticks = true;
      } else {
        flushText(index);
        const code = source.slice(index + 1, close);
        if (code.trim() !== '') hasOtherText = true;
        pieces.push(code);
        index = close + 1;
        textStart = index;
        continue;
      }
    }
    if (char === '[') {
      const isImage = source[index - 1] === '!';
      const labelEnd = (brackets[index] ?? 0) - 1;
      if (labelEnd >= 0 && source[labelEnd + 1] === '(') {
        const label = source.slice(index + 1, labelEnd);
        const targetEnd = (parens[labelEnd + 1] ?? 0) - 1;
        flushText(isImage ? index - 1 : index);
        pieces.push(renderLabel(label));
        if (targetEnd < 0) {
          hasCutOffLink = true;
          let rest = labelEnd + 2;
          while (rest < source.length && !isWhitespace(source[rest])) rest++;
          index = rest;
        } else {
          const url = isImage ? null : targetUrl(source.slice(labelEnd + 2, targetEnd));
          if (url !== null) links.push(url);
          else if (label.trim() !== '') hasOtherText = true;
          index = targetEnd + 1;
        }
        textStart = index;
        continue;
      }
    }
    if ((char === 'h' || char === 'H') && startsWithHttpScheme(source, index) && isWordStart(source, index)) {
      const end = bareUrlEnd(source, index);
      const url = source.slice(index, end);
      if (isHttpUrl(url)) {
        flushText(index);
        pieces.push(url);
        links.push(url);
        textStart = end;
      }
      // Not a URL: the whole run is plain text, and skipping it keeps the scan linear.
      index = Math.max(end, index + 1);
      continue;
    }
    index++;
  }
  flushText(source.length);
  return { text: stripEmphasis(pieces.join('')), links, hasOtherText, hasCutOffLink };
}

/** A link label as text: emphasis markers and code-span backticks go, brackets inside it stay. */
function renderLabel(label: string): string {
  if (!label.includes('`')) return stripEmphasis(label);
  const pieces: string[] = [];
  let start = 0;
  for (;;) {
    const open = label.indexOf('`', start);
    const close = open < 0 ? -1 : label.indexOf('`', open + 1);
    if (close < 0) break;
    pieces.push(stripEmphasis(label.slice(start, open)), label.slice(open + 1, close));
    start = close + 1;
  }
  pieces.push(stripEmphasis(label.slice(start)));
  return pieces.join('');
}

function isWordStart(text: string, index: number): boolean {
  return !isAsciiAlphanumeric(text[index - 1]);
}

function hasNonSeparator(piece: string): boolean {
  for (const char of piece) {
    if (char === '*' || char === '>' || isWhitespace(char) || SEPARATORS.has(char)) continue;
    return true;
  }
  return false;
}
