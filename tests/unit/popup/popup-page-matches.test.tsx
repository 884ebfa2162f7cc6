// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageMatchesAnswer } from '../../../lib/protocol';
import type { Match, Section } from '../../../lib/schema';
import { activeTabId } from '../../../lib/ui/active-tab';
import { item } from '../ui/fake-client';
import { press } from '../ui/render';
import { mountPopup, type PopupKit, until } from './popup-test-kit';

let kit: PopupKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

const TAB = 41;
const LONG = '这是一段很长的摘要，'.repeat(12);

function match(date: string, rank: number, alsoIn: number, title: string, section: Section = 'tools'): Match {
  return {
    date,
    issueUrl: null,
    item: item(section, rank, { title, summary: LONG, links: [`https://github.com/lens-org/tool-${rank}`] }),
    alsoIn,
    story: `gh:repo:lens-org/tool-${rank}`,
  };
}

const PAGE = {
  matches: [match('2026-01-10', 1, 0, 'Deep Repo 今日'), match('2026-01-08', 4, 2, 'Old Tool 早先')],
  total: 2,
};

function mountWithPage(page: PageMatchesAnswer, options: Parameters<typeof mountPopup>[0] = {}) {
  const asked: number[] = [];
  return mountPopup({
    activeTab: async () => TAB,
    handlers: {
      pageMatches: ({ tabId }) => {
        asked.push(tabId);
        return page;
      },
    },
    ...options,
  }).then((mounted) => ({ ...mounted, asked }));
}

const section = () => document.querySelector<HTMLElement>('section.page-matches');

describe('本页相关: the active tab’s matches lead the popup', () => {
  it('asks for the active tab’s matches and lists them before the day’s digest, with dates and 另见 N 期', async () => {
    const mounted = await mountWithPage(PAGE);
    kit = mounted;
    expect(mounted.asked).toEqual([TAB]);
    await until(() => expect(section()).not.toBeNull());
    expect(section()?.querySelector('h2')?.textContent).toBe('本页相关');
    expect(section()?.getAttribute('aria-labelledby')).toBe(section()?.querySelector('h2')?.id);
    const titles = [...(section()?.querySelectorAll('.item-title') ?? [])].map((node) => node.textContent);
    expect(titles).toEqual(['Deep Repo 今日', 'Old Tool 早先']);
    const metas = [...(section()?.querySelectorAll('.page-match-meta') ?? [])].map(
      (node) => node.textContent,
    );
    expect(metas).toEqual([
      '2026-01-10 今天 · 周六 · 工具 第 1 条',
      '2026-01-08 周四 · 工具 第 4 条 · 另见 2 期',
    ]);
    expect(section()?.querySelector('time')?.getAttribute('datetime')).toBe('2026-01-10');
    // Before the digest, in document order.
    const digest = document.querySelector('.digest');
    expect(digest).not.toBeNull();
    expect(section()?.compareDocumentPosition(digest as Node) ?? 0).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  it('names a GitHub 热门 match’s section as the search results and tabs do', async () => {
    const trending = match('2026-01-10', 2, 0, 'lens-org/tool-2', 'trending');
    kit = await mountWithPage({ matches: [trending], total: 1 });
    await until(() => expect(section()).not.toBeNull());
    expect(section()?.querySelector('.page-match-meta')?.textContent).toBe(
      '2026-01-10 今天 · 周六 · GitHub 热门 第 2 名',
    );
  });

  it('shows no section when the tab matched nothing, when there is no tab, or when asking fails', async () => {
    kit = await mountWithPage({ matches: [], total: 0 });
    expect(section()).toBeNull();
    kit.store.dispose();
    kit.cleanup();

    kit = await mountPopup({ handlers: { pageMatches: () => PAGE } });
    expect(kit.fake.calls.some((call) => call.type === 'pageMatches')).toBe(false);
    expect(section()).toBeNull();
    kit.store.dispose();
    kit.cleanup();

    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    kit = await mountPopup({
      activeTab: async () => TAB,
      handlers: {
        pageMatches: () => {
          throw new Error('the background is asleep');
        },
      },
    });
    expect(section()).toBeNull();
    expect(document.querySelector('.digest')).not.toBeNull();
  });

  it('keeps ids and expansion apart from the same item in the digest below; hides while searching', async () => {
    // The shown digest's news #1, whose card is also below (the news tab is open).
    kit = await mountWithPage({ matches: [match('2026-01-10', 1, 0, 'Deep Repo 今日', 'news')], total: 1 });
    await until(() => expect(section()).not.toBeNull());
    expect(document.querySelectorAll('.item[data-rank="1"]')).toHaveLength(2);
    const ids = [...document.querySelectorAll('[id]')].map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    section()?.querySelector<HTMLButtonElement>('.link-button')?.click();
    await until(() => expect(section()?.querySelector('.summary.clamped')).toBeNull());
    kit.store.setQuery('Deep');
    await until(() => expect(section()).toBeNull());
  });

  it('is reached by keyboard: its cards are the first stops of the arrow-key list', async () => {
    kit = await mountWithPage(PAGE);
    await until(() => expect(section()).not.toBeNull());
    const [first, second] = [...(section()?.querySelectorAll<HTMLElement>('.item') ?? [])];
    expect(first?.tabIndex).toBe(0);
    first?.focus();
    press(first as HTMLElement, 'ArrowDown');
    expect(document.activeElement).toBe(second);
    press(first as HTMLElement, 'Enter');
    expect(kit.openUrl).toHaveBeenCalledWith('https://github.com/lens-org/tool-1');
  });

  it('says how many the page has beyond those shown, and speaks English', async () => {
    kit = await mountWithPage({ ...PAGE, total: 5 }, { lang: 'en' });
    await until(() => expect(section()).not.toBeNull());
    expect(section()?.querySelector('h2')?.textContent).toBe('On this page');
    expect(section()?.textContent).toContain('Also in 2 other digests');
    expect(section()?.textContent).toContain('3 more not shown here');
  });
});

describe('which tab the popup is about', () => {
  it.each([
    ['?tab=17', 17],
    ['?tab=abc', undefined],
    ['?tab=-1', undefined],
    ['', 5],
    ['?other=1', 5],
  ])('from %j: %s', async (search, expected) => {
    expect(await activeTabId(search, async () => [{ id: 5 }])).toBe(expected);
  });

  it('has none when the window has no active tab', async () => {
    expect(await activeTabId('', async () => [])).toBeUndefined();
  });

  it('shows a page’s own items open and folds the others under “同一仓库的其他 N 条”, as the card does', async () => {
    const pullRequest: PageMatchesAnswer = {
      matches: [
        match('2026-01-10', 2, 0, 'The PR 本页'),
        match('2026-01-09', 5, 0, 'Repo news one'),
        match('2026-01-08', 7, 0, 'Repo news two'),
      ],
      total: 13,
      own: 1,
      related: 'repo',
    };
    kit = await mountWithPage(pullRequest);
    await until(() => expect(section()).not.toBeNull());
    const fold = section()?.querySelector('details.page-matches-related');
    expect(fold?.hasAttribute('open')).toBe(false);
    expect(fold?.querySelector('summary')?.textContent).toBe('同一仓库的其他 12 条');
    const open = [...(section()?.querySelectorAll(':scope > ol .item-title') ?? [])].map(
      (node) => node.textContent,
    );
    expect(open).toEqual(['The PR 本页']);
    const folded = [...(fold?.querySelectorAll('.item-title') ?? [])].map((node) => node.textContent);
    expect(folded).toEqual(['Repo news one', 'Repo news two']);
  });

  it('steps over the folded items with the arrows, to the day’s list, and through them once unfolded', async () => {
    const pullRequest: PageMatchesAnswer = {
      matches: [match('2026-01-10', 2, 0, 'The PR 本页'), match('2026-01-09', 5, 0, 'Repo news one')],
      total: 2,
      own: 1,
      related: 'repo',
    };
    kit = await mountWithPage(pullRequest);
    await until(() => expect(section()?.querySelector('details')).not.toBeNull());
    const own = section()?.querySelector<HTMLElement>('.item') as HTMLElement;
    own.focus();
    press(own, 'ArrowDown');
    expect(document.activeElement).toBe(kit.container.querySelector('.digest .item'));
    section()?.querySelector('details')?.setAttribute('open', '');
    own.focus();
    press(own, 'ArrowDown');
    expect(document.activeElement).toBe(section()?.querySelector('details .item'));
  });
});
