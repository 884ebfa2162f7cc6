/** The order of a page's matches, in the background and in the sidebar: newest digest first, news, then rank. */
import type { Match, Section } from './schema';

const SECTION_ORDER: Record<Section, number> = { news: 0, tools: 1 };

export function compareMatches(a: Match, b: Match): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  const section = SECTION_ORDER[a.item.section] - SECTION_ORDER[b.item.section];
  return section !== 0 ? section : a.item.rank - b.item.rank;
}

/**
 * The matches a page shows, in order: one per story (the newest digest's; it says in how many others the story
 * recurs), but every item of one digest. The sidebar lists these and the toolbar badge counts them.
 */
export function newestPerStory(matches: readonly Match[]): Match[] {
  const shownOn = new Map<string, string>();
  return [...matches].sort(compareMatches).filter((match) => {
    if (match.story === null) return true;
    const date = shownOn.get(match.story);
    if (date === undefined) shownOn.set(match.story, match.date);
    return date === undefined || date === match.date;
  });
}
