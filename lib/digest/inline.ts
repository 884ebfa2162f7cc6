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

const BACKTICK = 0x60;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const BANG = 0x21;

/**
 * Renders one line of inline markdown to plain text by hand-written scanning (no backtracking regex): links become
 * their label and give their URL, images their alt text, code spans their content, bare URLs stay as text and give
 * their URL, emphasis markers go. HTML is left as it is: it is text.
 */
export function renderInline(source: string): InlineText {
  return new InlineRenderer(source).render();
}

class InlineRenderer {
  readonly #source: string;
  /** Closer index + 1 of each `[` and `(` (0: unmatched); null when the line holds no `](`, so no link. */
  readonly #pairs: Int32Array | null;
  readonly #links: string[] = [];
  #text = '';
  #hasOtherText = false;
  #hasCutOffLink = false;
  /** Where the plain text not yet kept starts. */
  #textStart = 0;
  #noMoreBackticks = false;
  /** Start and end in the text of each bare URL holding `*` or `_`, which are not emphasis there (rare: lazy). */
  #urlRanges: number[] | null = null;

  constructor(source: string) {
    this.#source = source;
    this.#pairs = source.includes('](') ? matchPairs(source) : null;
  }

  render(): InlineText {
    const source = this.#source;
    let index = nextSpecial(source, 0);
    while (index >= 0) {
      const code = source.charCodeAt(index);
      let next = -1;
      if (code === BACKTICK) next = this.#codeSpan(index);
      else if (code === OPEN_BRACKET) next = this.#link(index);
      else next = this.#bareUrl(index);
      index = nextSpecial(source, next < 0 ? index + 1 : next);
    }
    this.#keepText(source.length);
    return {
      text: stripEmphasis(this.#text, this.#urlRanges ?? undefined),
      links: this.#links,
      hasOtherText: this.#hasOtherText,
      hasCutOffLink: this.#hasCutOffLink,
    };
  }

  /** A code span keeps its content as text; returns where to go on, or -1 when the backtick is plain text. */
  #codeSpan(open: number): number {
    if (this.#noMoreBackticks) return -1;
    const close = this.#source.indexOf('`', open + 1);
    if (close < 0) {
      this.#noMoreBackticks = true;
      return -1;
    }
    this.#keepText(open);
    const code = this.#source.slice(open + 1, close);
    if (code.trim() !== '') this.#hasOtherText = true;
    this.#text += code;
    return this.#skipTo(close + 1);
  }

  /** `[label](target)` or `![alt](target)`; returns where to go on, or -1 when the bracket is plain text. */
  #link(open: number): number {
    const source = this.#source;
    const labelEnd = this.#closerOf(open);
    if (labelEnd < 0 || source.charCodeAt(labelEnd + 1) !== OPEN_PAREN) return -1;
    const isImage = source.charCodeAt(open - 1) === BANG;
    const label = source.slice(open + 1, labelEnd);
    const targetEnd = this.#closerOf(labelEnd + 1);
    this.#keepText(isImage ? open - 1 : open);
    this.#text += renderLabel(label);
    if (targetEnd < 0) {
      this.#hasCutOffLink = true;
      let rest = labelEnd + 2;
      while (rest < source.length && !isWhitespace(source.charCodeAt(rest))) rest++;
      return this.#skipTo(rest);
    }
    const url = isImage ? null : targetUrl(source.slice(labelEnd + 2, targetEnd));
    if (url !== null) this.#links.push(url);
    else if (label.trim() !== '') this.#hasOtherText = true;
    return this.#skipTo(targetEnd + 1);
  }

  /** A bare `http(s)://` URL stays as text and gives a link; returns where to go on, or -1 when there is none. */
  #bareUrl(start: number): number {
    const source = this.#source;
    if (!startsWithHttpScheme(source, start) || isAsciiAlphanumeric(source.charCodeAt(start - 1))) return -1;
    const end = bareUrlEnd(source, start);
    const url = source.slice(start, end);
    if (isHttpUrl(url)) {
      this.#keepText(start);
      if (url.includes('*') || url.includes('_')) {
        this.#urlRanges ??= [];
        this.#urlRanges.push(this.#text.length, this.#text.length + url.length);
      }
      this.#text += url;
      this.#links.push(url);
      this.#textStart = end;
    }
    // Not a URL: the whole run is plain text, and skipping it keeps the scan linear.
    return Math.max(end, start + 1);
  }

  #closerOf(open: number): number {
    return this.#pairs === null ? -1 : (this.#pairs[open] ?? 0) - 1;
  }

  /** Keeps the plain text from the last construct up to `end`. */
  #keepText(end: number): void {
    const start = this.#textStart;
    if (!this.#hasOtherText && hasNonSeparator(this.#source, start, end)) this.#hasOtherText = true;
    this.#text += this.#source.slice(start, end);
  }

  #skipTo(index: number): number {
    this.#textStart = index;
    return index;
  }
}

/** Where something may start that is not plain text: a code span, a link, a bare URL. */
const SPECIAL = /[`[hH]/g;

function nextSpecial(text: string, from: number): number {
  SPECIAL.lastIndex = from;
  return SPECIAL.test(text) ? SPECIAL.lastIndex - 1 : -1;
}

/**
 * Lines up to this length share one table (rendering never nests, and only openers' entries are read, each written
 * on the way): allocating a table per line was the parser's largest cost.
 */
const SHARED_PAIRS_LENGTH = 4096;
const sharedPairs = new Int32Array(SHARED_PAIRS_LENGTH);

/** For every `[` and `(`, its closer's index + 1, found with one stack pass per kind so link scanning stays linear. */
function matchPairs(text: string): Int32Array {
  const match = text.length <= SHARED_PAIRS_LENGTH ? sharedPairs : new Int32Array(text.length);
  const brackets: number[] = [];
  const parens: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === OPEN_BRACKET) {
      match[index] = 0;
      brackets.push(index);
    } else if (code === OPEN_PAREN) {
      match[index] = 0;
      parens.push(index);
    } else if (code === CLOSE_BRACKET && brackets.length > 0) match[brackets.pop() as number] = index + 1;
    else if (code === CLOSE_PAREN && parens.length > 0) match[parens.pop() as number] = index + 1;
  }
  return match;
}

/**
 * The URL inside a link target: `<url>` unwrapped, an optional `"title"`, `'title'` or `(title)` after whitespace
 * dropped. Anything else after whitespace (`(https://exa mple.com)`) makes it no link, not a cut-short URL.
 */
function targetUrl(target: string): string | null {
  let url = target.trim();
  if (url.startsWith('<') && url.endsWith('>')) url = url.slice(1, -1).trim();
  const space = url.search(/\s/);
  if (space >= 0) {
    if (!isLinkTitle(url.slice(space).trim())) return null;
    url = url.slice(0, space);
  }
  return isHttpUrl(url) ? url : null;
}

const TITLE_CLOSERS: Record<string, string> = { '"': '"', "'": "'", '(': ')' };

function isLinkTitle(text: string): boolean {
  const closer = TITLE_CLOSERS[text[0] ?? ''];
  return closer !== undefined && text.length >= 2 && text.endsWith(closer);
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

/** Whether `text[start, end)` holds more than separators, emphasis and quote markers, and whitespace. */
function hasNonSeparator(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    if (!isSeparator(text.charCodeAt(index))) return true;
  }
  return false;
}

/** What may sit between links on a line of links: `[a](u)，[b](v)`, `(https://…)`, `- 演示：…`. */
const SEPARATORS = new Set(Array.from(',，、;；|/()（）.。：:-*>', (char) => char.charCodeAt(0)));

function isSeparator(code: number): boolean {
  return isWhitespace(code) || SEPARATORS.has(code);
}
