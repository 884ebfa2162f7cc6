/**
 * Which of a mark's items are about the linked thing itself, known from the link's key alone (the link's address
 * never travels to the background): QA (2026-12-02) saw a repository's mark on a search list name a pull request's
 * item (日报 · 新闻 #3) and list it first, while the repository's own page led with the item about the repository.
 */
import type { Match } from '../schema';
import { type MatchView, matchViews } from '../sidebar/match-view';
import { storyKey } from '../story';

/**
 * The story a page at the link would have (lib/story.ts `storyKey`): a tweet, a model or a paper is its key; a
 * GitHub link's story is its whole URL, so a repository's is its root page's.
 */
export function linkStory(key: string): string {
  if (!key.startsWith('gh:repo:')) return key;
  return storyKey(`https://github.com/${key.slice('gh:repo:'.length)}`) ?? key;
}

/**
 * A mark's cards: the items about the linked thing first, then the others, each part in the page card's order. The
 * link's own address stays among each item's sources (the user is not there yet).
 */
export function markViews(key: string, matches: readonly Match[]): MatchView[] {
  const story = linkStory(key);
  const own = matches.filter((match) => match.story === story);
  const others = matches.filter((match) => match.story !== story);
  const noPage = () => false;
  return [...matchViews(own, noPage, false), ...matchViews(others, noPage, false)];
}
