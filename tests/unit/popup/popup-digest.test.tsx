// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { item, storedDigest } from '../ui/fake-client';
import { interact, textOf } from '../ui/render';
import { mountPopup, type PopupKit, until } from './popup-test-kit';

let kit: PopupKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

/** Replace a getter of `target` for a test; answers how to put it back. */
function stub(target: object, name: string, get: () => number): () => void {
  const own = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, { get, configurable: true });
  return () => (own ? Object.defineProperty(target, name, own) : Reflect.deleteProperty(target, name));
}

const titles = (container: HTMLElement) =>
  [...container.querySelectorAll('.item-title')].map((element) => textOf(element));

describe('the popup’s digest view', () => {
  it('opens from stored data only: latestDigest and status first, then the date list, never a sync', async () => {
    kit = await mountPopup();
    // What was read (issue 13) is asked for the shown day at once, then for its month once the dates are listed.
    expect(kit.fake.calls.map((call) => call.type)).toEqual([
      'latestDigest',
      'status',
      'readState',
      'digest',
      'listDigests',
      'readState',
    ]);
    // The shown day's GitHub 热门 digest (issue 16), for the third tab.
    expect(kit.fake.calls.find((call) => call.type === 'digest')?.payload).toEqual({
      date: '2026-01-10',
      kind: 'github-trending',
    });
  });

  it('shows the newest digest: its date, the 原文链接 link and the news titles in rank order', async () => {
    kit = await mountPopup();
    const { container } = kit;
    expect(container.querySelector<HTMLElement>('.digest')?.dataset.date).toBe('2026-01-10');
    expect(container.querySelector<HTMLSelectElement>('.date-picker')?.value).toBe('2026-01-10');
    const issue = container.querySelector<HTMLAnchorElement>('.issue-link');
    expect(textOf(issue)).toBe('原文链接');
    expect(issue?.href).toBe('https://news.smol.ai/issues/26-01-10-fixture/');
    expect(issue?.rel).toBe('noopener noreferrer');
    expect(titles(container)).toEqual(
      Array.from({ length: 10 }, (_, index) => `2026-01-10 新闻 ${index + 1}`),
    );
  });

  it('switches between the 新闻 and 工具 tabs, with their counts', async () => {
    kit = await mountPopup();
    const tabs = [...kit.container.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(tabs.map(textOf)).toEqual(['新闻 10', '工具 10', 'GitHub 热门 0']);
    expect(tabs[0]?.getAttribute('aria-selected')).toBe('true');
    await interact(() => tabs[1]?.click());
    expect(tabs[1]?.getAttribute('aria-selected')).toBe('true');
    expect(titles(kit.container)[0]).toBe('2026-01-10 工具 1');
    expect(titles(kit.container)).toHaveLength(10);
  });

  it('lists however many items a digest has, sorted by rank', async () => {
    const short = storedDigest('2026-01-10', {
      items: [item('news', 2, { title: '第二' }), item('news', 1, { title: '第一' })],
    });
    kit = await mountPopup({ digests: [short] });
    expect(titles(kit.container)).toEqual(['第一', '第二']);
    expect([...kit.container.querySelectorAll('.item .rank')].map(textOf)).toEqual(['1', '2']);
    expect(textOf(kit.container.querySelector('.item .summary'))).toBe('新闻摘要 1');
    await interact(() => kit?.container.querySelectorAll<HTMLButtonElement>('[role="tab"]')[1]?.click());
    expect(textOf(kit.container.querySelector('.content'))).toContain('这一期没有此类条目');
  });

  it('links each title to its first source in a new tab, and never links a non-http URL', async () => {
    const digest = storedDigest('2026-01-10', {
      items: [
        item('news', 1, { links: ['https://x.com/a/status/1', 'https://github.com/a/b'] }),
        item('news', 2, { title: '坏链接', links: ['javascript:alert(1)'] }),
        item('news', 3, { title: '无链接', links: [] }),
      ],
    });
    kit = await mountPopup({ digests: [digest] });
    const anchors = [...kit.container.querySelectorAll<HTMLAnchorElement>('.item-title a')];
    expect(anchors).toHaveLength(1);
    expect(anchors[0]?.href).toBe('https://x.com/a/status/1');
    expect(anchors[0]?.target).toBe('_blank');
    expect(anchors[0]?.rel).toBe('noopener noreferrer');
    expect(titles(kit.container).slice(1)).toEqual(['坏链接', '无链接']);
  });

  it('clamps a long summary and expands it on request; a short one has no toggle', async () => {
    const long = '很长的摘要'.repeat(30);
    const digest = storedDigest('2026-01-10', {
      items: [item('news', 1, { summary: long }), item('news', 2, { summary: '短摘要' })],
    });
    kit = await mountPopup({ digests: [digest] });
    const [first, second] = kit.container.querySelectorAll('.item');
    expect(first?.querySelector('.summary')?.classList.contains('clamped')).toBe(true);
    expect(textOf(first?.querySelector('.summary'))).toBe(long);
    expect(second?.querySelector('.link-button')).toBeNull();
    const toggle = first?.querySelector<HTMLButtonElement>('.link-button');
    expect(textOf(toggle)).toBe('展开');
    await interact(() => toggle?.click());
    expect(first?.querySelector('.summary')?.classList.contains('clamped')).toBe(false);
    expect(textOf(toggle)).toBe('收起');
  });

  it('offers no toggle for a long summary that its three lines show whole, and offers it again once they cut it', async () => {
    // The browser's measure, by hand: a summary's box and its text's height, and the observer's calls.
    let textHeight = 50;
    const observed: (() => void)[] = [];
    const restore = [
      stub(HTMLElement.prototype, 'clientHeight', () => 59),
      stub(HTMLElement.prototype, 'scrollHeight', () => textHeight),
    ];
    const Observer = globalThis.ResizeObserver;
    globalThis.ResizeObserver = class {
      constructor(private readonly changed: () => void) {}
      observe() {
        observed.push(() => this.changed());
        this.changed();
      }
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    try {
      const digest = storedDigest('2026-01-10', {
        items: [item('news', 1, { summary: 'A summary of short Latin words. '.repeat(4) })],
      });
      kit = await mountPopup({ digests: [digest] });
      const first = kit.container.querySelector('.item');
      expect(first?.querySelector('.summary')?.classList.contains('clamped')).toBe(true);
      expect(first?.querySelector('.link-button')).toBeNull();
      // Narrowed (a side panel): now the three lines cut it.
      textHeight = 80;
      await interact(() => {
        for (const changed of observed) changed();
      });
      expect(textOf(first?.querySelector('.link-button'))).toBe('展开');
    } finally {
      globalThis.ResizeObserver = Observer;
      for (const undo of restore) undo();
    }
  });

  it('moves to the previous and next digest and to a date picked from the stored ones', async () => {
    kit = await mountPopup();
    const { container } = kit;
    const [older, newer] = container.querySelectorAll<HTMLButtonElement>('.nav');
    expect(newer?.getAttribute('aria-disabled')).toBe('true');
    await interact(() => older?.click());
    await until(() =>
      expect(container.querySelector<HTMLElement>('.digest')?.dataset.date).toBe('2026-01-09'),
    );
    expect(titles(container)[0]).toBe('2026-01-09 新闻 1');
    expect(newer?.getAttribute('aria-disabled')).toBe('false');

    const picker = container.querySelector<HTMLSelectElement>('.date-picker');
    expect([...(picker?.options ?? [])].map((option) => option.value)).toEqual([
      '2026-01-10',
      '2026-01-09',
      '2026-01-08',
    ]);
    await interact(() => {
      if (!picker) return;
      picker.value = '2026-01-08';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => expect(titles(container)[0]).toBe('2026-01-08 新闻 1'));
    const oldest = container.querySelector<HTMLButtonElement>('.nav') as HTMLButtonElement;
    expect(oldest.getAttribute('aria-disabled')).toBe('true');
    oldest.focus();
    await interact(() => oldest.click());
    expect(container.querySelector<HTMLElement>('.digest')?.dataset.date).toBe('2026-01-08');
    expect(document.activeElement).toBe(oldest);
    await interact(() => container.querySelectorAll<HTMLButtonElement>('.nav')[1]?.click());
    await until(() => expect(titles(container)[0]).toBe('2026-01-09 新闻 1'));
  });

  it('keeps hostile titles and summaries as text', async () => {
    const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
    const digest = storedDigest('2026-01-10', {
      items: [item('news', 1, { title: hostile, summary: hostile })],
    });
    kit = await mountPopup({ digests: [digest] });
    expect(kit.container.querySelector('img, script')).toBeNull();
    expect(textOf(kit.container.querySelector('.item-title'))).toBe(hostile);
  });

  it('speaks English when the browser language is not Chinese', async () => {
    kit = await mountPopup({ lang: 'en' });
    const tabs = [...kit.container.querySelectorAll('[role="tab"]')].map(textOf);
    expect(tabs).toEqual(['News 10', 'Tools 10', 'GitHub trending 0']);
    expect(textOf(kit.container.querySelector('.issue-link'))).toBe('Original issue');
    expect(textOf(kit.container.querySelector('.status-text'))).toBe('Last sync: 5 minutes ago');
  });
});

describe('the popup’s dates', () => {
  const label = () => textOf(kit?.container.querySelector('.date-label'));
  const picker = () => kit?.container.querySelector<HTMLSelectElement>('.date-picker') as HTMLSelectElement;
  const pick = (date: string) =>
    interact(() => {
      picker().value = date;
      picker().dispatchEvent(new Event('change', { bubbles: true }));
    });

  // NOW is 2026-01-10 12:00 UTC: 20:00 on Saturday 2026-01-10 in Shanghai.
  it('says 今天 / 昨天 beside the shown date, else its weekday, in the Shanghai calendar', async () => {
    kit = await mountPopup();
    expect(label()).toBe('今天 · 周六');
    expect(picker().getAttribute('aria-describedby')).toBe(kit.container.querySelector('.date-label')?.id);
    await pick('2026-01-09');
    await until(() => expect(label()).toBe('昨天 · 周五'));
    await pick('2026-01-08');
    await until(() => expect(label()).toBe('周四'));
  });

  it('lists the days an archive import stored while it is open, staying on the day it shows', async () => {
    const digests = [storedDigest('2026-01-10'), storedDigest('2026-01-09')];
    kit = await mountPopup({ digests });
    await pick('2026-01-09');
    await until(() => expect(label()).toBe('昨天 · 周五'));
    const listed = () => [...picker().querySelectorAll('option:not([data-missing])')].map(textOf);
    expect(listed()).toEqual(['2026-01-10', '2026-01-09']);
    // The options page's archive import stored an older month's day; the background tells the open readers.
    digests.push(storedDigest('2025-12-31'));
    await interact(() => kit?.store.heard({ type: 'digestsAdded' }));
    await until(() => expect(listed()).toEqual(['2026-01-10', '2026-01-09', '2025-12-31']));
    expect(picker().value).toBe('2026-01-09');
    expect(label()).toBe('昨天 · 周五');
  });

  it('says Today / Yesterday and the weekday in English', async () => {
    kit = await mountPopup({ lang: 'en' });
    expect(label()).toBe('Today · Sat');
    await pick('2026-01-09');
    await until(() => expect(label()).toBe('Yesterday · Fri'));
  });

  it('groups the picker by month and shows the shown month’s days without a digest, not choosable', async () => {
    kit = await mountPopup({
      digests: [storedDigest('2026-01-10'), storedDigest('2026-01-07'), storedDigest('2025-12-31')],
    });
    const groups = [...picker().querySelectorAll('optgroup')];
    expect(groups.map((group) => group.label)).toEqual(['2026年1月', '2025年12月']);
    const january = [...(groups[0]?.querySelectorAll('option') ?? [])];
    expect(january.map(textOf)).toEqual([
      '2026-01-10',
      '2026-01-09（无）',
      '2026-01-08（无）',
      '2026-01-07',
      ...['06', '05', '04', '03', '02', '01'].map((day) => `2026-01-${day}（无）`),
    ]);
    expect(january.filter((option) => option.disabled)).toHaveLength(8);
    expect([...(groups[1]?.querySelectorAll('option') ?? [])].map(textOf)).toEqual(['2025-12-31']);
  });

  it('with five years stored, groups the other months by year: still about 100 options at most', async () => {
    const newest = Date.UTC(2026, 0, 10);
    const digests = Array.from({ length: 1800 }, (_, index) =>
      storedDigest(new Date(newest - index * 86_400_000).toISOString().slice(0, 10)),
    );
    kit = await mountPopup({ digests });
    await until(() => expect(picker().querySelectorAll('optgroup').length).toBeGreaterThan(1));
    expect([...picker().querySelectorAll('optgroup')].map((group) => group.label)).toEqual([
      '2026年1月',
      '2025年',
      '2024年',
      '2023年',
      '2022年',
      '2021年',
    ]);
    expect(picker().querySelectorAll('option').length).toBeLessThanOrEqual(100);
    expect(textOf(picker().querySelector('optgroup[label="2025年"] option'))).toBe('2025-12（31 期）');
  });

  it('names the month groups in English', async () => {
    kit = await mountPopup({ lang: 'en', digests: [storedDigest('2026-01-10'), storedDigest('2025-12-31')] });
    expect([...picker().querySelectorAll('optgroup')].map((group) => group.label)).toEqual([
      'January 2026',
      'December 2025',
    ]);
    expect(textOf(picker().querySelector('option[disabled]'))).toBe('2026-01-09 (none)');
  });

  it('says in the card that the source was cut off where the parser found it so', async () => {
    const digest = storedDigest('2026-01-10', {
      items: [
        item('tools', 5),
        item('tools', 6, { title: '半截标题', summary: '' }),
        item('tools', 7, { summary: '' }),
        item('tools', 8),
      ],
      problems: [
        { line: 40, message: '十大工具产品要点 6: the heading link is cut off (no closing parenthesis)' },
        { line: 40, message: '十大工具产品要点 6: the item has no summary' },
        { line: 44, message: '十大工具产品要点 7: the item has no summary' },
        { line: 50, message: '十大工具产品要点 8: a link is cut off (no closing parenthesis)' },
        { line: 50, message: '十大AI新闻要点 5: the item has no summary' },
      ],
    });
    kit = await mountPopup({ digests: [digest] });
    await interact(() => kit?.container.querySelectorAll<HTMLButtonElement>('[role="tab"]')[1]?.click());
    const notes = [...kit.container.querySelectorAll('.item')].map((row) =>
      textOf(row.querySelector('.item-note')),
    );
    expect(notes).toEqual([
      '',
      '原文在此处被截断，没有摘要',
      '原文没有这一条的摘要',
      '原文在此处被截断，链接可能不完整',
    ]);
    expect(kit.container.querySelectorAll('.item')[1]?.querySelector('.summary')).toBeNull();
  });

  it('says so in English too', async () => {
    const digest = storedDigest('2026-01-10', {
      items: [item('news', 1, { summary: '' })],
      problems: [
        { line: 3, message: '十大AI新闻要点 1: a link is cut off (no closing parenthesis)' },
        { line: 3, message: '十大AI新闻要点 1: the item has no summary' },
      ],
    });
    kit = await mountPopup({ lang: 'en', digests: [digest] });
    expect(textOf(kit.container.querySelector('.item-note'))).toBe('The source was cut off here: no summary');
  });
});
