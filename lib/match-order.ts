/**
 * The order of a page's matches, in the background and in the sidebar: the AI digest's items before GitHub 热门's
 * (a repo's story told by the AI digest says more than that it trended), then newest digest first, news, then rank.
 */
import type { Match, Section } from './schema';

const SECTION_ORDER: Record<Section, number> = { news: 0, tools: 1, trending: 2 };

export function compareMatches(a: Match, b: Match): number {
  const trending = Number(a.item.section === 'trending') - Number(b.item.section === 'trending');
  if (trending !== 0) return trending;
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  const section = SECTION_ORDER[a.item.section] - SECTION_ORDER[b.item.section];
  return section !== 0 ? section : a.item.rank - b.item.rank;
}

/**
 * The matches a page shows, in order: one per story (the newest digest's; it says in how many others the story
 * recurs), but every item of one digest. The sidebar lists these and the toolbar badge counts them.
 */
export function newestPerStory(matches: readonly Match[]): Match[] {
  return onePerStory([...matches].sort(compareMatches)).hits;
}

/*
 * One hit per story, for the page card and for search alike: the first (best) version is shown, the story's other
 * versions on other days are counted, and every item of the shown version's digest stays a hit of its own.
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
