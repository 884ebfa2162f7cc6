import { isAsciiAlphanumeric } from './chars';

/**
 * True for an absolute http(s) URL with a host and no whitespace; `javascript:`, `data:`, relative and fake targets
 * are not. Checked by hand rather than with `new URL`, which is slow enough to matter on a line of 100,000 links.
 */
export function isHttpUrl(candidate: string): boolean {
  if (!startsWithHttpScheme(candidate, 0)) return false;
  const authorityStart = candidate.indexOf('//') + 2;
  let authorityEnd = authorityStart;
  for (; authorityEnd < candidate.length; authorityEnd++) {
    const code = candidate.charCodeAt(authorityEnd);
    if (code <= 0x20 || code === 0x7f) return false;
    const char = candidate[authorityEnd];
    if (char === '/' || char === '?' || char === '#') break;
  }
  if (!isValidHost(candidate.slice(authorityStart, authorityEnd))) return false;
  for (let index = authorityEnd; index < candidate.length; index++) {
    const code = candidate.charCodeAt(index);
    if (code <= 0x20 || code === 0x7f) return false;
  }
  return true;
}

/** `user@host:port` → the host must be a name (letters, digits, `-`, `.`, `_`, non-ASCII) or `[IPv6]`. */
function isValidHost(authority: string): boolean {
  let host = authority.slice(authority.lastIndexOf('@') + 1);
  const port = /:\d*$/.exec(host);
  if (port !== null && !host.endsWith(']')) host = host.slice(0, port.index);
  if (host.startsWith('[') && host.endsWith(']')) return /^\[[0-9A-Fa-f:.]+\]$/.test(host);
  if (host === '' || host.startsWith('.') || host.startsWith('-')) return false;
  for (const char of host) {
    const code = char.charCodeAt(0);
    if (code >= 0x80) continue;
    if (isAsciiAlphanumeric(char) || char === '-' || char === '.' || char === '_') continue;
    return false;
  }
  return true;
}

/** Whether `http://` or `https://` (any case) starts at `index`. */
export function startsWithHttpScheme(text: string, index: number): boolean {
  const head = text.slice(index, index + 8).toLowerCase();
  return head.startsWith('http://') || head.startsWith('https://');
}

const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*', '_', '~']);

/**
 * The end (exclusive) of a bare URL starting at `start`. A URL stops at whitespace, at a character outside printable
 * ASCII (Chinese punctuation follows URLs directly in the digests), at `<`, `>`, `"` or a backtick, and at a `)` or `]`
 * that closes nothing inside the URL; trailing sentence punctuation is not part of it.
 */
export function bareUrlEnd(text: string, start: number): number {
  let end = start;
  let parens = 0;
  let brackets = 0;
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end);
    if (code <= 0x20 || code >= 0x7f) break;
    const char = text[end];
    if (char === '<' || char === '>' || char === '"' || char === '`') break;
    if (char === '(') parens++;
    else if (char === '[') brackets++;
    else if (char === ')') {
      if (parens === 0) break;
      parens--;
    } else if (char === ']') {
      if (brackets === 0) break;
      brackets--;
    }
  }
  while (end > start && TRAILING_PUNCTUATION.has(text[end - 1] ?? '')) end--;
  return end;
}
