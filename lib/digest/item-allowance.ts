import type { Problem } from '../schema';
import { DIGEST_LIMITS, formatCount } from './limits';

/** Lets through the first `DIGEST_LIMITS.items` items of a digest and counts the rest, which are not read. */
export class ItemAllowance {
  #taken = 0;
  #leftOut = 0;
  #firstLeftOutLine = 0;

  /** Whether the item starting on `line` is read. */
  take(line: number): boolean {
    if (this.#taken < DIGEST_LIMITS.items) {
      this.#taken++;
      return true;
    }
    if (this.#leftOut++ === 0) this.#firstLeftOutLine = line;
    return false;
  }

  /** The problem that says how many items were left out, or null when none were. */
  problem(): Problem | null {
    if (this.#leftOut === 0) return null;
    return {
      line: this.#firstLeftOutLine,
      message: `the digest was cut at ${formatCount(DIGEST_LIMITS.items)} items (${formatCount(this.#leftOut)} more left out)`,
    };
  }
}

/** The problem with an item's number, given the number before it in its section; null when it is the next. */
export function rankProblem(sectionName: string, rank: number, previous: number): string | null {
  if (rank < 1) return `${sectionName}: item number 0 is not a rank`;
  if (rank !== previous + 1)
    return `${sectionName}: item ${rank} follows item ${previous} (expected ${previous + 1})`;
  return null;
}
