// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { MatchCard } from '../../../components/sidebar/match-card';
import { matchViews } from '../../../lib/sidebar/match-view';
import { sidebarStrings } from '../../../lib/sidebar/strings';
import { mount, textOf } from '../ui/render';
import { makeMatch } from './fixtures';

const trendingMatch = makeMatch({
  date: '2026-11-28',
  issueUrl: null,
  alsoIn: 3,
  story: 'gh:repo:acme/rocket',
  item: { section: 'trending', rank: 5, title: 'acme/rocket', links: ['https://github.com/acme/rocket'] },
});

async function cardOf(match: ReturnType<typeof makeMatch>) {
  const [view] = matchViews([match], () => false);
  if (!view) throw new Error('no view');
  return mount(<MatchCard view={view} strings={sidebarStrings('zh')} copyText={vi.fn(async () => true)} />);
}

describe('a card names its digest', () => {
  it('labels a GitHub 热门 item with its rank, the day it trended and on how many days', async () => {
    const { container, cleanup } = await cardOf(trendingMatch);
    expect(textOf(container.querySelector('.dl-digest'))).toBe('GitHub 热门');
    expect(textOf(container.querySelector('.dl-rank'))).toBe('第 5 名');
    expect(textOf(container.querySelector('.dl-date'))).toBe('2026-11-28 上榜');
    expect(textOf(container.querySelector('.dl-also'))).toBe('上榜 4 次');
    cleanup();
  });

  it('labels an AI digest item AI 日报, keeping its section, rank and date', async () => {
    const { container, cleanup } = await cardOf(makeMatch());
    expect(textOf(container.querySelector('.dl-digest'))).toBe('AI 日报');
    expect(textOf(container.querySelector('.dl-rank'))).toBe('新闻 #3');
    expect(textOf(container.querySelector('.dl-date'))).toBe('2026-11-20 日报');
    expect(container.querySelector('.dl-also')).toBeNull();
    cleanup();
  });
});
