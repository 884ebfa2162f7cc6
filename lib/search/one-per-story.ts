/**
 * One hit per story, as the page card shows one card per story (lib/match-order.ts): the best-ranked version is the
 * hit, the story's other matching versions on other days are counted, and every item of the shown digest stays a hit
 * of its own.
 */

export interface Candidate {
  date: string;
  story: string | null;
}

export interface Stories<C extends Candidate> {
  /** One per story, in the order given. */
  hits: C[];
  /** For a story that matched on other days too: those other dates. */
  otherDates: Map<string, Set<string>>;
}

/** Candidates best first in, one per story out (in the same order). */
export function onePerStory<C extends Candidate>(bestFirst: Iterable<C>): Stories<C> {
  const hits: C[] = [];
  const otherDates = new Map<string, Set<string>>();
  const shownOn = new Map<string, string>();
  for (const candidate of bestFirst) {
    const { story, date } = candidate;
    const shown = story === null ? undefined : shownOn.get(story);
    if (story !== null && shown !== undefined && shown !== date) {
      const dates = otherDates.get(story) ?? new Set();
      otherDates.set(story, dates.add(date));
      continue;
    }
    hits.push(candidate);
    if (story !== null && shown === undefined) shownOn.set(story, date);
  }
  return { hits, otherDates };
}
