// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SidebarPanel, type SidebarPanelProps } from '../../../components/sidebar/sidebar-panel';
import { matchViews } from '../../../lib/sidebar/match-view';
import { sidebarStrings } from '../../../lib/sidebar/strings';
import { storyKey } from '../../../lib/story';
import { HOSTILE_SUMMARY, HOSTILE_TITLE, makeMatch, userClick, userKey } from './fixtures';

let root: HTMLElement | undefined;

function mount(overrides: Partial<SidebarPanelProps> = {}) {
  root = document.createElement('div');
  document.body.append(root);
  const views = overrides.views ?? matchViews([makeMatch()], () => false);
  const props: SidebarPanelProps = {
    views,
    strings: sidebarStrings('zh'),
    theme: 'light',
    collapsed: false,
    total: views.length,
    nextBatch: 0,
    onCollapse: vi.fn(),
    onExpand: vi.fn(),
    onClose: vi.fn(),
    onMore: vi.fn(),
    copyText: vi.fn(async () => true),
    // The list as the user who chose "over the page" sees it; the docked presentations have their own tests.
    layout: 'over',
    saveLayout: vi.fn(),
    ...overrides,
  };
  render(<SidebarPanel {...props} />, root);
  return { root, props };
}

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  delete (globalThis as { __pwned?: unknown }).__pwned;
});

describe('SidebarPanel', () => {
  it('shows one item: summary, title, section and rank, date, other sources, 原文链接', () => {
    const views = matchViews([makeMatch({ alsoIn: 0 })], (href) => href === 'https://x.com/lab/status/1111');
    const { root } = mount({ views });
    const aside = root.querySelector('aside');
    expect(aside?.getAttribute('aria-label')).toBe('Digest Lens：AI 日报摘要');
    expect(aside?.getAttribute('lang')).toBe('zh-CN');
    expect(aside?.getAttribute('dir')).toBe('ltr');
    expect(root.querySelectorAll('.dl-card')).toHaveLength(1);
    expect(root.querySelector('.dl-summary')?.textContent).toContain('开源推理模型');
    expect(root.querySelector('.dl-item-title')?.textContent).toBe('开源推理模型发布');
    expect(root.querySelector('.dl-rank')?.textContent).toBe('新闻 #3');
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-20');
    const sources = [...root.querySelectorAll<HTMLAnchorElement>('.dl-sources a')];
    expect(sources.map((a) => a.getAttribute('href'))).toEqual(['https://github.com/lab/reasoner']);
    const issue = root.querySelector<HTMLAnchorElement>('.dl-issue');
    expect(issue?.textContent).toBe('原文链接');
    expect(issue?.getAttribute('href')).toBe('https://news.smol.ai/issues/26-11-20-fixture/');
    for (const link of root.querySelectorAll('a')) {
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.getAttribute('target')).toBe('_blank');
    }
    expect(root.querySelector('.dl-also')).toBeNull();
    expect(root.querySelector('.dl-count')?.textContent).toBe('1 条');
  });

  it('lists several items, newest digest first, with "also in N other digests"', () => {
    const views = matchViews(
      [
        makeMatch({ date: '2026-11-01', alsoIn: 2, item: { links: ['https://github.com/lab/reasoner'] } }),
        makeMatch({ date: '2026-11-20', item: { section: 'tools', rank: 1, title: '工具甲' } }),
        makeMatch({ date: '2026-11-20', item: { section: 'news', rank: 7, title: '新闻乙' } }),
      ],
      () => false,
    );
    const { root } = mount({ views });
    expect([...root.querySelectorAll('.dl-rank')].map((node) => node.textContent)).toEqual([
      '新闻 #7',
      '工具 #1',
      '新闻 #3',
    ]);
    expect([...root.querySelectorAll('time')].map((node) => node.getAttribute('datetime'))).toEqual([
      '2026-11-20',
      '2026-11-20',
      '2026-11-01',
    ]);
    expect(root.querySelectorAll('.dl-also')).toHaveLength(1);
    expect(root.querySelector('.dl-also')?.textContent).toBe('另见于其他 2 期日报');
    expect(root.querySelector('.dl-count')?.textContent).toBe('3 条');
  });

  it('uses English strings when the UI language is English', () => {
    const views = matchViews(
      [makeMatch({ alsoIn: 1 }), makeMatch({ item: { section: 'tools', rank: 1 } })],
      () => false,
    );
    const { root } = mount({ views, strings: sidebarStrings('en') });
    expect([...root.querySelectorAll('.dl-rank')].map((node) => node.textContent)).toEqual([
      'News #3',
      'Tools #1',
    ]);
    expect(root.querySelector('.dl-issue')?.textContent).toBe('Original issue');
    expect(root.querySelector('.dl-also')?.textContent).toBe('Also in 1 other digest');
    expect(root.querySelector('aside')?.getAttribute('aria-label')).toContain('Digest Lens');
    expect(root.querySelector('aside')?.getAttribute('lang')).toBe('en');
    expect(root.querySelector('.dl-collapse')?.getAttribute('aria-label')).toBe('Collapse the summary card');
    render(null, root);
    root.remove();
    const collapsed = mount({ views, strings: sidebarStrings('en'), collapsed: true }).root;
    expect(collapsed.querySelector('.dl-tab')?.getAttribute('aria-label')).toBe(
      '2 summaries: expand the Digest Lens summary card',
    );
  });

  it('shows hostile title and summary as text: no img or script element is created, nothing runs', () => {
    const views = matchViews(
      [
        makeMatch({
          issueUrl: 'javascript:alert(1)',
          item: {
            title: HOSTILE_TITLE,
            summary: HOSTILE_SUMMARY,
            links: [
              'javascript:globalThis.__pwned=3',
              'data:text/html,<script>1</script>',
              'https://ok.example/a',
            ],
          },
        }),
      ],
      () => false,
    );
    const { root } = mount({ views });
    expect(root.querySelector('img, script, b')).toBeNull();
    expect(root.querySelector('.dl-item-title')?.textContent).toBe(HOSTILE_TITLE);
    expect(root.querySelector('.dl-summary')?.textContent).toBe(HOSTILE_SUMMARY);
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://ok.example/a']);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('carries the theme it is given', () => {
    for (const theme of ['light', 'dim', 'dark'] as const) {
      const { root } = mount({ theme });
      expect(root.querySelector('.dl-root')?.getAttribute('data-theme')).toBe(theme);
      render(null, root);
      root.remove();
    }
  });

  it('has labelled buttons that collapse and close', () => {
    const { root, props } = mount();
    const collapse = root.querySelector<HTMLButtonElement>('button.dl-collapse');
    expect(collapse?.getAttribute('aria-label')).toBe('收起摘要卡片');
    expect(collapse?.getAttribute('aria-expanded')).toBe('true');
    userClick(collapse);
    expect(props.onCollapse).toHaveBeenCalledTimes(1);
    const close = root.querySelector<HTMLButtonElement>('button[aria-label="在本页关闭摘要卡片"]');
    userClick(close);
    expect(props.onClose).toHaveBeenCalledTimes(1);
    // A page script's click (isTrusted false) does nothing.
    collapse?.click();
    close?.click();
    expect(props.onCollapse).toHaveBeenCalledTimes(1);
    expect(props.onClose).toHaveBeenCalledTimes(1);
    for (const button of root.querySelectorAll('button')) expect(button.getAttribute('type')).toBe('button');
  });

  it('copies the title, summary and first source on a real click, says so, and ignores a page script click', async () => {
    const copyText = vi.fn(async () => true);
    const views = matchViews([makeMatch({ alsoIn: 0 })], () => false);
    const { root } = mount({ views, copyText });
    const copy = root.querySelector<HTMLButtonElement>('button.dl-copy');
    expect(copy?.getAttribute('aria-label')).toBe(`复制摘要：${views[0]?.title}`);
    copy?.click();
    expect(copyText).not.toHaveBeenCalled();
    userClick(copy);
    expect(copyText).toHaveBeenCalledWith(
      [views[0]?.title, views[0]?.summary, views[0]?.sources[0]?.href].join('\n'),
    );
    await vi.waitFor(() => expect(copy?.textContent).toBe('已复制'));
  });

  it('says when the browser refused to copy', async () => {
    const { root } = mount({ copyText: vi.fn(async () => false) });
    const copy = root.querySelector<HTMLButtonElement>('button.dl-copy');
    userClick(copy);
    await vi.waitFor(() => expect(copy?.textContent).toBe('无法复制'));
  });

  it('collapses on Escape pressed inside it, and leaves other keys alone', () => {
    const { root, props } = mount();
    const collapse = root.querySelector<HTMLButtonElement>('.dl-collapse');
    userKey(collapse, 'j');
    expect(props.onCollapse).not.toHaveBeenCalled();
    // A synthetic Escape (isTrusted false) is the page's, not the user's: ignored, and left to the page.
    const synthetic = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    collapse?.dispatchEvent(synthetic);
    expect(props.onCollapse).not.toHaveBeenCalled();
    expect(synthetic.defaultPrevented).toBe(false);
    const escapeKey = userKey(collapse, 'Escape');
    expect(props.onCollapse).toHaveBeenCalledTimes(1);
    expect(escapeKey.defaultPrevented).toBe(true);
  });

  it('collapsed, is only a small labelled tab with the count, which expands', () => {
    const views = matchViews([makeMatch(), makeMatch({ item: { rank: 4 } })], () => false);
    const { root, props } = mount({ views, collapsed: true });
    expect(root.querySelector('.dl-card')).toBeNull();
    expect(root.querySelector('.dl-root')?.getAttribute('data-state')).toBe('collapsed');
    const tab = root.querySelector<HTMLButtonElement>('button.dl-tab');
    expect(tab?.getAttribute('aria-label')).toBe('2 条摘要：展开 Digest Lens 摘要卡片');
    expect(tab?.getAttribute('aria-expanded')).toBe('false');
    expect(tab?.textContent).toContain('2');
    userKey(tab, 'Escape');
    expect(props.onCollapse).not.toHaveBeenCalled();
    tab?.click();
    expect(props.onExpand).not.toHaveBeenCalled();
    userClick(tab);
    expect(props.onExpand).toHaveBeenCalledTimes(1);
  });

  it('under a bounded list, counts every card and offers "更多 N 条" as a labelled, focusable button', () => {
    const views = matchViews([makeMatch(), makeMatch({ item: { rank: 4 } })], () => false);
    const { root, props } = mount({ views, total: 30, nextBatch: 28 });
    expect(root.querySelector('.dl-count')?.textContent).toBe('30 条');
    const more = root.querySelector<HTMLButtonElement>('button.dl-more');
    expect(more?.textContent).toBe('更多 28 条');
    expect(more?.getAttribute('type')).toBe('button');
    expect(more?.getAttribute('aria-label')).toBe('更多 28 条：再显示 28 条摘要');
    more?.focus();
    expect(document.activeElement).toBe(more);
    more?.click();
    expect(props.onMore).not.toHaveBeenCalled();
    userClick(more);
    expect(props.onMore).toHaveBeenCalledTimes(1);
  });

  it('says "N more" in English, and only a note when no more can be asked', () => {
    const { root } = mount({ strings: sidebarStrings('en'), total: 61, nextBatch: 50 });
    expect(root.querySelector('.dl-count')?.textContent).toBe('61 items');
    expect(root.querySelector('button.dl-more')?.textContent).toBe('60 more');
    expect(root.querySelector('button.dl-more')?.getAttribute('aria-label')).toBe(
      '60 more: show the next 50 summaries',
    );
    render(null, root);
    root.remove();
    const again = mount({ strings: sidebarStrings('en'), total: 900, nextBatch: 0 }).root;
    expect(again.querySelector('button.dl-more')).toBeNull();
    expect(again.querySelector('.dl-more-note')?.textContent).toBe('899 more not shown');
  });

  it('collapsed, the tab counts every card, not only those shown', () => {
    const { root } = mount({ collapsed: true, total: 240 });
    expect(root.querySelector('.dl-tab-count')?.textContent).toBe('240');
    expect(root.querySelector('.dl-tab')?.getAttribute('aria-label')).toBe(
      '240 条摘要：展开 Digest Lens 摘要卡片',
    );
  });
});

describe("SidebarPanel on a page with its own items (a pull request's)", () => {
  const PAGE = 'https://github.com/acme/widget/pull/7';
  const pull = (number: number, date: string) =>
    makeMatch({
      date,
      item: { rank: number, title: `PR ${number}`, links: [`https://github.com/acme/widget/pull/${number}`] },
    });
  const pullViews = () =>
    matchViews(
      [pull(9, '2026-11-28'), pull(8, '2026-11-27'), pull(7, '2026-11-01')],
      (href) => storyKey(href) === storyKey(PAGE),
    );

  it('lists the own item first, marked 本页, and folds the others under "同一仓库的其他 N 条"', () => {
    const { root } = mount({ views: pullViews(), total: 3, relatedKind: 'repo' });
    const cards = [...root.querySelectorAll('.dl-card')];
    expect(cards[0]?.querySelector('.dl-item-title')?.textContent).toBe('PR 7');
    expect(cards[0]?.querySelector('.dl-this-page')?.textContent).toBe('本页');
    expect(root.querySelectorAll('.dl-this-page')).toHaveLength(1);
    const fold = root.querySelector('details.dl-related');
    expect(fold?.hasAttribute('open')).toBe(false);
    expect(fold?.querySelector('summary')?.textContent).toBe('同一仓库的其他 2 条');
    expect([...(fold?.querySelectorAll('.dl-item-title') ?? [])].map((node) => node.textContent)).toEqual([
      'PR 9',
      'PR 8',
    ]);
    expect(cards[0]?.closest('details')).toBeNull();
  });

  it('counts the others behind "more" in the fold, which holds the "more" button', () => {
    const { root } = mount({ views: pullViews(), total: 30, nextBatch: 27, relatedKind: 'repo' });
    expect(root.querySelector('summary')?.textContent).toBe('同一仓库的其他 29 条');
    expect(root.querySelector('details button.dl-more')?.textContent).toBe('更多 27 条');
  });

  it('names what the others share per kind of page, in English too', () => {
    const { root } = mount({
      views: pullViews(),
      total: 3,
      relatedKind: 'model',
      strings: sidebarStrings('en'),
    });
    expect(root.querySelector('summary')?.textContent).toBe('2 more about this model');
    expect(root.querySelector('.dl-this-page')?.textContent).toBe('This page');
  });

  it('folds nothing on a page without its own item, nor when the own item is all there is', () => {
    const others = matchViews([pull(9, '2026-11-28'), pull(8, '2026-11-27')], () => false);
    const { root } = mount({ views: others, total: 2, relatedKind: 'repo' });
    expect(root.querySelector('details')).toBeNull();
    expect(root.querySelector('.dl-this-page')).toBeNull();
    expect(root.querySelectorAll('.dl-card')).toHaveLength(2);
    render(null, root);
    root.remove();
    const own = matchViews([pull(7, '2026-11-01')], (href) => storyKey(href) === storyKey(PAGE));
    mount({ views: own, total: 1, relatedKind: 'repo' });
    expect(document.querySelector('details')).toBeNull();
    expect(document.querySelector('.dl-this-page')?.textContent).toBe('本页');
  });
});

describe('SidebarPanel names the keyboard shortcut', () => {
  it('in the collapse button and the collapsed tab, as the browser has it', () => {
    const { root } = mount({ shortcut: 'Alt+Shift+D' });
    const collapse = root.querySelector('.dl-collapse');
    expect(collapse?.getAttribute('aria-label')).toBe('收起摘要卡片（Alt+Shift+D）');
    expect(collapse?.getAttribute('title')).toBe('收起摘要卡片（Alt+Shift+D）');
    render(null, root);
    root.remove();
    const tab = mount({
      shortcut: 'Alt+Shift+D',
      collapsed: true,
      strings: sidebarStrings('en'),
    }).root.querySelector('.dl-tab');
    // The tab's name still starts with its visible text (the count).
    expect(tab?.getAttribute('aria-label')).toBe(
      '1 summary: expand the Digest Lens summary card (Alt+Shift+D)',
    );
    expect(tab?.getAttribute('title')).toBe('1 summary: expand the Digest Lens summary card (Alt+Shift+D)');
  });

  it('not at all when the command has no key (Chrome leaves it unassigned on a clash)', () => {
    const { root } = mount({ shortcut: undefined });
    expect(root.querySelector('.dl-collapse')?.getAttribute('aria-label')).toBe('收起摘要卡片');
  });
});

describe('SidebarPanel docked (the default): the page makes room, the card covers nothing', () => {
  const html = document.documentElement;
  const windowWidth = (width: number) => vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(width);
  afterEach(() => html.removeAttribute('style'));

  it('is a full-height panel in a strip on the right that <html> leaves free, given back on collapse', () => {
    windowWidth(1280);
    const { root, props } = mount({ layout: undefined, site: 'github' });
    expect(root.querySelector('.dl-root')?.getAttribute('data-layout')).toBe('right');
    expect(root.querySelector('.dl-panel.dl-docked')).not.toBeNull();
    expect(html.style.getPropertyValue('padding-right')).toBe('360px');
    render(<SidebarPanel {...props} collapsed={true} />, root);
    expect(root.querySelector('.dl-tab')).not.toBeNull();
    expect(html.hasAttribute('style')).toBe(false);
  });

  it('draws first and looks for the page’s fixed elements after that frame; again only for a new page', async () => {
    windowWidth(1280);
    const hitTests = vi.fn(() => []);
    document.elementsFromPoint = hitTests;
    const { root, props } = mount({ layout: undefined, site: 'github' });
    expect(root.querySelector('.dl-summary')).not.toBeNull();
    expect(hitTests).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(hitTests).toHaveBeenCalled());
    const once = hitTests.mock.calls.length;
    render(<SidebarPanel {...props} />, root);
    expect(hitTests).toHaveBeenCalledTimes(once);
    render(<SidebarPanel {...props} views={matchViews([makeMatch({ alsoIn: 2 })], () => false)} />, root);
    expect(hitTests.mock.calls.length).toBeGreaterThan(once);
  });

  it('moves the page’s fixed elements out of a new strip at once when the card, already drawn, changes side', async () => {
    const width = windowWidth(1920);
    const topStrip: boolean[] = [];
    document.elementsFromPoint = vi.fn((_x: number, y: number) => {
      if (y < 64) topStrip.push(true);
      return [];
    });
    const { root } = mount({ layout: undefined, site: 'x' });
    const aside = root.querySelector('.dl-root') as HTMLElement;
    expect(aside.dataset.layout).toBe('right');
    await new Promise((resolve) => setTimeout(resolve, 50));
    topStrip.length = 0;
    // X's columns don't fit beside the panel at 1280 px: the bar, whose strip is scanned before anything else runs.
    let scannedWhenDrawn: boolean | undefined;
    const seen = new MutationObserver(() => {
      if (aside.dataset.layout === 'top' && scannedWhenDrawn === undefined)
        scannedWhenDrawn = topStrip.length > 0;
    });
    seen.observe(aside, { attributes: true });
    width.mockReturnValue(1280);
    window.dispatchEvent(new Event('resize'));
    await vi.waitFor(() => expect(aside.dataset.layout).toBe('top'));
    seen.disconnect();
    expect(scannedWhenDrawn).toBe(true);
  });

  it('is a bar above the page where its columns cannot get narrower: rank, title, the summary, "open"', () => {
    windowWidth(1280);
    const views = matchViews([makeMatch({ alsoIn: 0 })], () => false);
    const { root } = mount({ layout: undefined, site: 'x', views, total: 3 });
    expect(root.querySelector('.dl-root')?.getAttribute('data-layout')).toBe('top');
    const bar = root.querySelector('.dl-bar');
    expect(bar?.querySelector('.dl-rank')?.textContent).toBe('新闻 #3');
    expect(bar?.querySelector('.dl-item-title')?.textContent).toBe('开源推理模型发布');
    expect(bar?.querySelector('.dl-summary')?.textContent).toContain('开源推理模型');
    expect(bar?.querySelector('.dl-bar-open')?.textContent).toBe('展开全部 3 条');
    expect(bar?.querySelector('.dl-bar-open')?.getAttribute('aria-label')).toBe(
      '展开全部 3 条摘要，浮在页面上显示',
    );
    expect(bar?.querySelector('.dl-collapse')?.getAttribute('aria-label')).toBe('收起摘要卡片');
    expect(html.style.getPropertyValue('padding-top')).toBe('64px');
    expect(root.querySelector('.dl-panel')).toBeNull();
  });

  it("opens over the page on the user's click only, remembers that, and gives the page its room back", async () => {
    windowWidth(1280);
    const { root, props } = mount({ layout: undefined, site: 'x' });
    const open = root.querySelector('.dl-bar-open');
    open?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await Promise.resolve();
    expect(props.saveLayout).not.toHaveBeenCalled();
    userClick(open);
    await vi.waitFor(() => expect(root.querySelector('.dl-root')?.getAttribute('data-layout')).toBe('over'));
    expect(props.saveLayout).toHaveBeenCalledWith('over');
    expect(html.hasAttribute('style')).toBe(false);
    expect(root.querySelectorAll('.dl-card')).toHaveLength(1);
    // Over the page, the same button docks it again.
    const dock = root.querySelector('.dl-layout');
    expect(dock?.getAttribute('aria-label')).toBe('停靠在页面旁（不遮挡页面）');
    userClick(dock);
    await vi.waitFor(() => expect(root.querySelector('.dl-root')?.getAttribute('data-layout')).toBe('top'));
    expect(props.saveLayout).toHaveBeenLastCalledWith('docked');
  });

  it('starts over the page when the user chose so, and offers to dock in English too', () => {
    windowWidth(1920);
    const { root } = mount({ layout: 'over', site: 'github', strings: sidebarStrings('en') });
    expect(root.querySelector('.dl-root')?.getAttribute('data-layout')).toBe('over');
    expect(root.querySelector('.dl-layout')?.getAttribute('aria-label')).toBe(
      'Dock beside the page (covers nothing)',
    );
    expect(html.hasAttribute('style')).toBe(false);
  });
});
