import type { ParseResult } from '../schema';

/** Reads a document one line at a time (line numbers start at 1) and says when it has ended. */
export interface LineReader {
  /** Reads one line; false when the digest has ended and no further line is read. */
  read(text: string, line: number): boolean;
  finish(lastLine: number): ParseResult;
}

export function readLines(lines: readonly string[], reader: LineReader): ParseResult {
  for (let index = 0; index < lines.length; index++) {
    if (!reader.read(lines[index] ?? '', index + 1)) break;
  }
  return reader.finish(lines.length);
}
