// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { MatchCard } from '../../../components/sidebar/match-card';
import { SidebarPanel } from '../../../components/sidebar/sidebar-panel';
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
    // The digest is named once: its date follows alone.
    expect(textOf(container.querySelector('.dl-date'))).toBe('2026-11-20');
    expect(container.querySelector('.dl-also')).toBeNull();
    cleanup();
  });
});

describe("the card's heading names what it shows (issue 16)", () => {
  const aiMatch = makeMatch();

  async function panelOf(matches: ReturnType<typeof makeMatch>[], language: 'zh' | 'en') {
    const views = matchViews(matches, () => false);
    return mount(
      <SidebarPanel
        views={views}
        strings={sidebarStrings(language)}
        theme="light"
        collapsed={false}
        total={views.length}
        nextBatch={0}
        onCollapse={vi.fn()}
        onExpand={vi.fn()}
        onClose={vi.fn()}
        onMore={vi.fn()}
        copyText={vi.fn(async () => true)}
        layout="over"
        saveLayout={vi.fn()}
      />,
    );
  }

  const headingOf = (container: Element) => container.querySelector('.dl-heading')?.firstChild?.textContent;
  const nameOf = (container: Element) => container.querySelector('aside')?.getAttribute('aria-label');

  it('says GitHub 热门, not AI 日报摘要, when every card is a trending one', async () => {
    const zh = await panelOf([trendingMatch], 'zh');
    expect(headingOf(zh.container)).toBe('GitHub 热门');
    expect(nameOf(zh.container)).toBe('Digest Lens：GitHub 热门');
    zh.cleanup();
    const en = await panelOf([trendingMatch], 'en');
    expect(headingOf(en.container)).toBe('GitHub trending');
    expect(nameOf(en.container)).toBe('Digest Lens: GitHub trending');
    en.cleanup();
  });

  it('keeps AI 日报摘要 for AI digest cards and names both when both are shown', async () => {
    const ai = await panelOf([aiMatch], 'zh');
    expect(headingOf(ai.container)).toBe('AI 日报摘要');
    expect(nameOf(ai.container)).toBe('Digest Lens：AI 日报摘要');
    ai.cleanup();
    const both = await panelOf([aiMatch, trendingMatch], 'en');
    expect(headingOf(both.container)).toBe('Summaries');
    expect(nameOf(both.container)).toBe('Digest Lens: AI digest and GitHub trending');
    both.cleanup();
  });
});
