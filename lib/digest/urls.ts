import { isAsciiAlphanumeric } from './chars';

/**
 * True for an absolute http(s) URL with a host and no whitespace; `javascript:`, `data:`, relative and fake targets
 * are not. Checked by hand rather than with `new URL`, which is slow enough to matter on a line of 100,000 links.
 */
export function isHttpUrl(candidate: string): boolean {
  if (!startsWithHttpScheme(candidate, 0) || CONTROL_OR_SPACE.test(candidate)) return false;
  const authorityStart = candidate.indexOf('//') + 2;
  let authorityEnd = authorityStart;
  while (authorityEnd < candidate.length && !isAuthorityEnd(candidate.charCodeAt(authorityEnd)))
    authorityEnd++;
  return isValidHost(candidate.slice(authorityStart, authorityEnd));
}

/** One character class, so linear; native scanning beats a loop in JavaScript on every link. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a URL must not hold
const CONTROL_OR_SPACE = /[\x00-\x20\x7f]/;

/** `/`, `?` or `#`. */
function isAuthorityEnd(code: number): boolean {
  return code === 0x2f || code === 0x3f || code === 0x23;
}

const MAX_PORT = 65535;

/**
 * `user@host:port` → the host must be a name (letters, digits, `-`, `.`, `_`, non-ASCII) without empty labels, or
 * `[IPv6]`; a port must be a number a URL can hold (`new URL` rejects `:99999`).
 */
function isValidHost(authority: string): boolean {
  let host = authority.slice(authority.lastIndexOf('@') + 1);
  const port = /:\d*$/.exec(host);
  if (port !== null && !host.endsWith(']')) {
    if (Number(port[0].slice(1)) > MAX_PORT) return false;
    host = host.slice(0, port.index);
  }
  if (host.startsWith('[') && host.endsWith(']')) return /^\[[0-9A-Fa-f:.]+\]$/.test(host);
  if (host === '' || host.startsWith('.') || host.startsWith('-') || host.includes('..')) return false;
  let isAscii = true;
  for (let index = 0; index < host.length; index++) {
    const code = host.charCodeAt(index);
    if (code >= 0x80) isAscii = false;
    else if (!isAsciiAlphanumeric(code) && !isHostPunctuation(code)) return false;
  }
  return isAscii || isInternationalHost(host);
}

/** `-`, `.` or `_`. */
function isHostPunctuation(code: number): boolean {
  return code === 0x2d || code === 0x2e || code === 0x5f;
}

/**
 * A non-ASCII host is checked by the URL parser itself (rare, so its cost does not matter): international names map
 * some characters away or onto delimiters (`：` → `:`, `／` → `/`, a soft hyphen → nothing), which would leave no host.
 */
function isInternationalHost(host: string): boolean {
  try {
    return new URL(`http://${host}/`).hostname !== '';
  } catch {
    return false;
  }
}

const SCHEME_LETTERS = [0x68, 0x74, 0x74, 0x70]; // `http`

/** Whether `http://` or `https://` (any case) starts at `index`. */
export function startsWithHttpScheme(text: string, index: number): boolean {
  for (let offset = 0; offset < SCHEME_LETTERS.length; offset++) {
    if ((text.charCodeAt(index + offset) | 0x20) !== SCHEME_LETTERS[offset]) return false;
  }
  let colon = index + SCHEME_LETTERS.length;
  if ((text.charCodeAt(colon) | 0x20) === 0x73) colon++; // `s`
  return text.startsWith('://', colon);
}

const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*', '_', '~']);

/**
 * The end (exclusive) of a bare URL starting at `start`. A URL stops at whitespace, at a character outside printable
 * ASCII (Chinese punctuation follows URLs directly in the digests), at `<`, `>`, `"` or a backtick, at a `,`, `;` or
 * `|` that joins it to the next URL, and at a `)` or `]` that closes nothing inside the URL; trailing sentence
 * punctuation is not part of it.
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
    if ((char === ',' || char === ';' || char === '|') && startsWithHttpScheme(text, end + 1)) break;
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
