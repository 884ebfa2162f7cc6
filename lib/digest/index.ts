import type { ParseResult } from '../schema';
import { digestKindOf } from './digest-kind';
import { splitLines } from './lines';
import { parseDocument } from './parse-document';
import { parseTrending } from './trending/parse-trending';

/**
 * Parse the text of one published document — an AI digest or a GitHub 热门 digest, told apart by their headings —
 * into a digest and the problems found on the way. Never throws.
 */
export function parseDigest(text: string): ParseResult {
  try {
    const lines = splitLines(typeof text === 'string' ? text : '');
    return digestKindOf(lines) === 'github-trending' ? parseTrending(lines) : parseDocument(lines);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { digest: null, problems: [{ line: 1, message: `the parser failed: ${reason}` }] };
  }
}
