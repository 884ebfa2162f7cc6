/**
 * One hit per story, as the page card shows one card per story (lib/match-order.ts): the best-ranked version is the
 * hit, the story's other matching versions on other days are counted in `alsoIn`, and every item of the shown
 * digest stays a hit of its own.
 */

export interface Candidate {
  date: string;
  story: string | null;
}

export interface StoryHit<C extends Candidate> {
  candidate: C;
  /** The other dates on which the story matched (made for the first one). */
  otherDates?: Set<string>;
}

/** Candidates best first in, one per story out (in the same order). */
export function onePerStory<C extends Candidate>(bestFirst: Iterable<C>): StoryHit<C>[] {
  const hits: StoryHit<C>[] = [];
  const shown = new Map<string, StoryHit<C>>();
  for (const candidate of bestFirst) {
    const story = candidate.story;
    const first = story === null ? undefined : shown.get(story);
    if (first && first.candidate.date !== candidate.date) {
      first.otherDates ??= new Set();
      first.otherDates.add(candidate.date);
      continue;
    }
    const hit: StoryHit<C> = { candidate };
    hits.push(hit);
    if (story !== null && !first) shown.set(story, hit);
  }
  return hits;
}
