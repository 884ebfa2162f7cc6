import type { ParseResult } from '../schema';
import { parseDocument } from './parse-document';

/** Parse the text of one published document into a digest and the problems found on the way. Never throws. */
export function parseDigest(text: string): ParseResult {
  try {
    return parseDocument(typeof text === 'string' ? text : '');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { digest: null, problems: [{ line: 1, message: `the parser failed: ${reason}` }] };
  }
}
