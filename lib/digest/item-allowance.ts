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

/**
 * A section's item numbers as they are read: an item's own number, or, when an item of its section had that number
 * already (a malformed file), the number after the highest one read, so each item keeps a place of its own (read
 * state, notes and keys go by section and rank: two items of one rank shared them, QA 2026-12-01). Constant time
 * per item, whatever the file repeats.
 */
export class SectionRanks {
  readonly #used = new Set<number>();
  #highest = 0;

  /** The rank the item numbered `rank` is read at, and the problem that says it was moved, or null. */
  place(sectionName: string, rank: number): { rank: number; problem: string | null } {
    const free = this.#used.has(rank) ? this.#highest + 1 : rank;
    this.#used.add(free);
    this.#highest = Math.max(this.#highest, free);
    return {
      rank: free,
      problem:
        free === rank ? null : `${sectionName}: item number ${rank} was already taken: read as item ${free}`,
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
