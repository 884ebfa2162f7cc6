import { describe, expect, it } from 'vitest';
import { cardLabel } from '../../../lib/sidebar/digest-label';
import { SIDEBAR_STRINGS } from '../../../lib/sidebar/strings';

const trending = { section: 'trending', rank: 3, date: '2026-06-01', alsoIn: 4 } as const;
const news = { section: 'news', rank: 2, date: '2026-06-02', alsoIn: 0 } as const;

describe('what a card says of its digest', () => {
  it('names GitHub 热门 with the rank, the day and how many days the repository trended', () => {
    expect(cardLabel(trending, SIDEBAR_STRINGS.zh)).toEqual({
      kind: 'trending',
      digest: 'GitHub 热门',
      rank: '第 3 名',
      date: '2026-06-01 上榜',
      recurs: '上榜 5 次',
    });
    expect(cardLabel({ ...trending, alsoIn: 0 }, SIDEBAR_STRINGS.en)).toEqual({
      kind: 'trending',
      digest: 'GitHub trending',
      rank: '#3',
      date: 'Trending on 2026-06-01',
      recurs: 'Trending on 1 day',
    });
  });

  it('names the AI digest, keeping its section, date and "also in" words', () => {
    expect(cardLabel(news, SIDEBAR_STRINGS.zh)).toEqual({
      kind: 'ainews',
      digest: 'AI 日报',
      rank: '新闻 #2',
      date: '2026-06-02',
      recurs: null,
    });
    expect(cardLabel({ ...news, alsoIn: 2 }, SIDEBAR_STRINGS.en)).toMatchObject({
      digest: 'AI digest',
      rank: 'News #2',
      recurs: 'Also in 2 other digests',
    });
  });
});
