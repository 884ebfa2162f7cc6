/**
 * What a card says of where its item comes from (issue 16): the digest (AI 日报 or GitHub 热门), its rank and its
 * date; and how often the story recurs: 另见于其他 N 期日报 for the AI digest, 上榜 N 次 for a repository that
 * trended on N stored days (its card is one, of the newest day).
 */
import type { MatchView } from './match-view';
import type { HeadingKind, SidebarStrings } from './strings';

export interface CardLabel {
  /** `ainews` or `trending`, for the element's class. */
  kind: 'ainews' | 'trending';
  digest: string;
  rank: string;
  date: string;
  /** Null when there is nothing to say (an AI item told on one day only). */
  recurs: string | null;
}

interface TrendingWords {
  ainews: string;
  trending: string;
  rank: (rank: number) => string;
  date: (date: string) => string;
  days: (count: number) => string;
}

const ZH: TrendingWords = {
  ainews: 'AI 日报',
  trending: 'GitHub 热门',
  rank: (rank) => `第 ${rank} 名`,
  date: (date) => `${date} 上榜`,
  days: (count) => `上榜 ${count} 次`,
};

const EN: TrendingWords = {
  ainews: 'AI digest',
  trending: 'GitHub trending',
  rank: (rank) => `#${rank}`,
  date: (date) => `Trending on ${date}`,
  days: (count) => (count === 1 ? 'Trending on 1 day' : `Trending on ${count} days`),
};

export function cardLabel(
  view: Pick<MatchView, 'section' | 'rank' | 'date' | 'alsoIn'>,
  strings: SidebarStrings,
): CardLabel {
  const words = strings.lang.startsWith('zh') ? ZH : EN;
  if (view.section === 'trending') {
    return {
      kind: 'trending',
      digest: words.trending,
      rank: words.rank(view.rank),
      date: words.date(view.date),
      recurs: words.days(view.alsoIn + 1),
    };
  }
  return {
    kind: 'ainews',
    digest: words.ainews,
    rank: strings.rankLabel(view.section, view.rank),
    // The date alone: the digest's name is said just before it (QA 2026-12-02: "AI 日报 新闻 #2 2026-12-02 日报").
    date: view.date,
    recurs: view.alsoIn > 0 ? strings.alsoIn(view.alsoIn) : null,
  };
}

/** What the card's heading names: GitHub 热门 when every item shown trended, AI 日报 when none did, else both. */
export function headingKind(views: readonly Pick<MatchView, 'section'>[]): HeadingKind {
  const trending = views.filter((view) => view.section === 'trending').length;
  if (trending === 0) return 'ainews';
  return trending === views.length ? 'trending' : 'both';
}
