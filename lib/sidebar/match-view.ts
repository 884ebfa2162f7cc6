/**
 * What the sidebar lists, from the background's matches: newest digest first, each item once, links only
 * http(s), and the item's sources other than the page itself.
 */
import { newestPerStory } from '../match-order';
import { withoutBidiControls } from '../plain-text';
import type { Match, Section } from '../schema';
import { safeHttpUrl } from '../ui/safe-url';

export interface SourceLink {
  href: string;
  /** Host and path without the scheme and `www.`, what the link reads as. */
  label: string;
}

export interface MatchView {
  id: string;
  date: string;
  section: Section;
  rank: number;
  title: string;
  summary: string;
  sources: SourceLink[];
  issueUrl: string | null;
  alsoIn: number;
  /** The item's own link is the page being viewed (marked 本页, listed first). */
  thisPage: boolean;
}

export function linkLabel(href: string): string {
  const url = new URL(href);
  // Decoded, a path may hold bidirectional controls (%E2%80%AE) that make `gnp.exe` read as `exe.png`: removed.
  const path =
    url.pathname === '/' ? '' : withoutBidiControls(decodeURIComponentSafe(url.pathname.replace(/\/$/, '')));
  return `${url.host.replace(/^www\./, '')}${path}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The matches as the sidebar shows them: one card per story (lib/match-order.ts), and a card whose own story is
 * the page being viewed first. `isThisPage(url)` says whether a link is that page: it is left out of the card's
 * sources (the user is already there). With `marksOwn` (a page narrower than its repo: lib/sidebar/page-keys.ts
 * `ownStoryKey`) those cards are also marked `thisPage`; on a repo's root every card is about the page alike.
 */
export function matchViews(
  matches: readonly Match[],
  isThisPage: (href: string) => boolean,
  marksOwn = true,
): MatchView[] {
  const seen = new Set<string>();
  const views: MatchView[] = [];
  const aboutThisPage: MatchView[] = [];
  for (const match of newestPerStory(matches)) {
    const id = `${match.date}/${match.item.section}/${match.item.rank}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const hrefs = new Set<string>();
    for (const link of match.item.links) {
      const href = safeHttpUrl(link);
      if (href && !isThisPage(href)) hrefs.add(href);
    }
    const firstLink = match.item.links[0];
    const thisPage = firstLink !== undefined && isThisPage(firstLink);
    (thisPage ? aboutThisPage : views).push({
      id,
      date: match.date,
      section: match.item.section,
      rank: match.item.rank,
      title: match.item.title,
      summary: match.item.summary,
      sources: [...hrefs].map((href) => ({ href, label: linkLabel(href) })),
      issueUrl: safeHttpUrl(match.issueUrl),
      alsoIn: match.alsoIn,
      thisPage: thisPage && marksOwn,
    });
  }
  return [...aboutThisPage, ...views];
}

/** What the page's other items share with it, named in the fold: "同一仓库的其他 N 条". */
export const RELATED_KINDS = ['repo', 'model', 'dataset', 'space', 'account', 'page'] as const;
export type RelatedKind = (typeof RELATED_KINDS)[number];

const RELATED_KIND_OF_KEY: [prefix: string, kind: RelatedKind][] = [
  ['gh:repo:', 'repo'],
  ['hf:model:', 'model'],
  ['hf:dataset:', 'dataset'],
  ['hf:space:', 'space'],
  ['x:', 'account'],
];

/** The kind of the page's first identity key (lib/sidebar/page-keys.ts), which the other items matched. */
export function relatedKind(pageKeys: readonly string[]): RelatedKind {
  const [key = ''] = pageKeys;
  return RELATED_KIND_OF_KEY.find(([prefix]) => key.startsWith(prefix))?.[1] ?? 'page';
}

export interface MatchGroups {
  /** The page's own items, shown open; empty when the page has none (then `others` is every item, not folded). */
  own: MatchView[];
  others: MatchView[];
  /** How many other cards there are in all, loaded or behind "more": the fold's N. */
  othersTotal: number;
}

/**
 * The cards as the panel groups them: the page's own items first, the others under a fold when there are own ones.
 * `total` is the lookup's (more than `views` when it was bounded); the background answers the own cards first.
 */
export function groupViews(views: readonly MatchView[], total: number): MatchGroups {
  const own = views.filter((view) => view.thisPage);
  const others = views.filter((view) => !view.thisPage);
  return { own, others, othersTotal: Math.max(total, views.length) - own.length };
}
