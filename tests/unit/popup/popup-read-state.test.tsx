// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { CHANGES_GATHERED_MS } from '../../../components/shared/read-state';
import type { DayReadState, ItemRef, Section, StoredDigest } from '../../../lib/schema';
import { item, storedDigest } from '../ui/fake-client';
import { interact, press } from '../ui/render';
import { mountPopup, type PopupKit, until } from './popup-test-kit';

let kit: PopupKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

/**
 * A background that keeps what was read per item (each fixture item is its own story), over both digests of a day
 * (the AI digest and GitHub 热门), with each section's counts, as lib/read-state/read-days.ts answers.
 */
function readingBackground(digests: StoredDigest[], trending: StoredDigest[] = []) {
  const read = new Set<string>();
  const id = ({ date, section, rank }: ItemRef) => `${date}/${section}/${rank}`;
  const itemsOf = (date: string) =>
    [...digests, ...trending].filter((each) => each.date === date).flatMap((each) => each.items);
  const dayOf = (date: string): DayReadState[] => {
    const items = itemsOf(date);
    if (items.length === 0) return [];
    const sections: DayReadState['sections'] = {};
    for (const { section, rank } of items) {
      const count = sections[section] ?? { total: 0, unread: 0 };
      sections[section] = count;
      count.total += 1;
      if (!read.has(id({ date, section, rank }))) count.unread += 1;
    }
    const readItems = items
      .filter((item) => read.has(id({ date, ...item })))
      .map(({ section, rank }) => ({ section, rank }));
    return [
      { date, total: items.length, unread: items.length - readItems.length, read: readItems, sections },
    ];
  };
  return {
    read,
    handlers: {
      readState: ({ dates }: { dates: string[] }) => ({ days: dates.flatMap(dayOf) }),
      markRead: ({ items }: { items: ItemRef[] }) => {
        for (const item of items) read.add(id(item));
        return { marked: items.length };
      },
      markDayRead: ({ date, section }: { date: string; section?: Section }) => {
        const items = itemsOf(date).filter((item) => section === undefined || item.section === section);
        for (const item of items) read.add(id({ date, ...item }));
        return { marked: items.length };
      },
    },
  };
}

const digests = [storedDigest('2026-01-10'), storedDigest('2026-01-09'), storedDigest('2025-12-31')];
const trending = [
  storedDigest('2026-01-10', {
    kind: 'github-trending',
    issueUrl: null,
    items: [1, 2, 3].map((rank) => item('trending', rank, { title: `repo-${rank}` })),
  }),
];
const text = (element: Element | null | undefined) => element?.textContent?.trim();

/** What a screen reader reads of an element's text: the parts hidden from it (aria-hidden) left out. */
const spoken = (element: Element | null | undefined): string =>
  [...(element?.childNodes ?? [])]
    .map((node) =>
      node instanceof Element
        ? node.getAttribute('aria-hidden') === 'true'
          ? ''
          : spoken(node)
        : (node.textContent ?? ''),
    )
    .join('')
    .trim();

/** The shown tab's count, as its tooltip says it and as a screen reader hears it. */
function countSaid(container: Element) {
  const count = container.querySelector('.day-read-bar [title]');
  return { title: count?.getAttribute('title'), spoken: spoken(count) };
}

/** The popup over the three AI days, the first with a GitHub 热门 digest of three repositories too. */
async function mountReading(lang: 'zh' | 'en' = 'zh', recordsReads?: () => boolean) {
  const background = readingBackground(digests, trending);
  kit = await mountPopup({ digests, trending, handlers: background.handlers, lang, recordsReads });
  await until(() => expect(kit?.container.querySelector('.unread-count')).not.toBeNull());
  return { kit, background };
}

describe('the popup’s read state', () => {
  it("shows the shown tab's unread count above its items and each day's (both digests) in the date list", async () => {
    const { kit } = await mountReading();
    expect(text(kit.container.querySelector('.day-read-bar .unread-count'))).toBe('10 条未读');
    const options = [
      ...kit.container.querySelectorAll<HTMLOptionElement>('.date-picker option:not([data-missing])'),
    ];
    expect(options.map((option) => text(option))).toEqual([
      '2026-01-10 · 23 未读',
      '2026-01-09 · 20 未读',
      // Another month, in a list of few days: counted too (a QA pass found only the shown month counted).
      '2025-12-31 · 20 未读',
    ]);
  });

  it('says what the count counts (the tab’s items of the day) in its tooltip, and the same to a screen reader', async () => {
    const { kit } = await mountReading();
    const said = (words: string) => ({ title: words, spoken: words });
    expect(countSaid(kit.container)).toEqual(said('2026-01-10 新闻：10 条未读'));
    await interact(() => kit.container.querySelector<HTMLButtonElement>('.mark-day-read')?.click());
    await until(() => expect(countSaid(kit.container)).toEqual(said('2026-01-10 新闻：全部已读')));
    await interact(() =>
      kit.container.querySelector<HTMLButtonElement>('[role="tab"][data-section="trending"]')?.click(),
    );
    expect(countSaid(kit.container)).toEqual(said('2026-01-10 GitHub 热门：3 条未读'));
  });

  it('marks an item read when its source is opened by a click, and the count drops', async () => {
    const { kit, background } = await mountReading();
    const link = kit.container.querySelectorAll<HTMLAnchorElement>('.item-title a')[1] as HTMLAnchorElement;
    link.addEventListener('click', (event) => event.preventDefault());
    await interact(() => link.click());
    expect([...background.read]).toEqual(['2026-01-10/news/2']);
    await until(() =>
      expect(text(kit.container.querySelector('.day-read-bar .unread-count'))).toBe('9 条未读'),
    );
    const row = kit.container.querySelectorAll<HTMLElement>('.item')[1];
    expect(row?.hasAttribute('data-read')).toBe(true);
    expect(text(row?.querySelector('.read-tag'))).toBe('已读');
    expect(kit.container.querySelectorAll('.item[data-read]')).toHaveLength(1);
    expect(text(kit.container.querySelector('.date-picker option'))).toBe('2026-01-10 · 22 未读');
  });

  it('in a private window, neither records nor shows an opened item read, not even for a moment (QA 2026-12-02)', async () => {
    const { kit, background } = await mountReading('zh', () => false);
    const marks: string[] = [];
    const watching = new MutationObserver(() => {
      if (kit.container.querySelector('.item[data-read]')) marks.push('shown read');
    });
    watching.observe(kit.container, { subtree: true, attributes: true, childList: true });
    const link = kit.container.querySelectorAll<HTMLAnchorElement>('.item-title a')[1] as HTMLAnchorElement;
    link.addEventListener('click', (event) => event.preventDefault());
    await interact(() => link.click());
    await new Promise((resolve) => setTimeout(resolve, 50));
    watching.disconnect();
    expect(marks).toEqual([]);
    expect(background.read.size).toBe(0);
    expect(text(kit.container.querySelector('.day-read-bar .unread-count'))).toBe('10 条未读');
  });

  it('marks an item read on a middle click and on Enter, not on a click beside its link', async () => {
    const { kit, background } = await mountReading();
    const rows = kit.container.querySelectorAll<HTMLElement>('.item');
    await interact(() =>
      rows[0]?.querySelector('.summary')?.dispatchEvent(new MouseEvent('click', { bubbles: true })),
    );
    expect(background.read.size).toBe(0);
    const link = rows[2]?.querySelector('a') as HTMLAnchorElement;
    await interact(() => link.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, button: 1 })));
    await interact(() => {
      (rows[4] as HTMLElement).focus();
      press(rows[4] as HTMLElement, 'Enter');
    });
    expect([...background.read].sort()).toEqual(['2026-01-10/news/3', '2026-01-10/news/5']);
    await until(() =>
      expect(text(kit.container.querySelector('.day-read-bar .unread-count'))).toBe('8 条未读'),
    );
  });

  it('reads an item with no link where it is: Enter shows its whole summary and reads it, a click on it reads it', async () => {
    const linkless = storedDigest('2026-01-10', {
      items: [
        item('news', 1, { links: [], summary: '没有链接的长摘要。'.repeat(12) }),
        // A link that is not http(s) opens nothing: the item is read where it is too.
        item('news', 2, { links: ['ftp://example.com/file'] }),
        item('news', 3),
      ],
    });
    const background = readingBackground([linkless], []);
    kit = await mountPopup({ digests: [linkless], handlers: background.handlers });
    const rows = () => kit?.container.querySelectorAll<HTMLElement>('.item') ?? [];
    await until(() => expect(rows()).toHaveLength(3));
    await interact(() => {
      (rows()[0] as HTMLElement).focus();
      press(rows()[0] as HTMLElement, 'Enter');
    });
    expect(rows()[0]?.querySelector('.summary')?.classList.contains('clamped')).toBe(false);
    await interact(() =>
      rows()[1]
        ?.querySelector('.summary')
        ?.dispatchEvent(new MouseEvent('click', { bubbles: true })),
    );
    expect([...background.read].sort()).toEqual(['2026-01-10/news/1', '2026-01-10/news/2']);
    await until(() => expect(kit?.container.querySelectorAll('.item[data-read]')).toHaveLength(2));
  });

  it('marks every item of the shown day’s tab read with 全部标为已读, and then offers it no more', async () => {
    const { kit, background } = await mountReading();
    const button = kit.container.querySelector<HTMLButtonElement>('.mark-day-read');
    expect(text(button)).toBe('全部标为已读');
    expect(button?.getAttribute('aria-label')).toBe('全部标为已读（新闻，2026-01-10）');
    await interact(() => button?.click());
    expect(kit.fake.calls.filter(({ type }) => type === 'markDayRead').map(({ payload }) => payload)).toEqual(
      [{ date: '2026-01-10', section: 'news' }],
    );
    expect(background.read.size).toBe(10);
    await until(() =>
      expect(text(kit.container.querySelector('.day-read-bar .unread-count'))).toBe('全部已读'),
    );
    expect(kit.container.querySelector('.mark-day-read')).toBeNull();
    expect(kit.container.querySelectorAll('.item[data-read]')).toHaveLength(10);
    // Only the shown day's tab: its 工具 and 热门 and the day before keep their unread items.
    const options = kit.container.querySelectorAll('.date-picker option');
    expect(text(options[0])).toBe('2026-01-10 · 13 未读');
    expect(text(options[1])).toBe('2026-01-09 · 20 未读');
    await interact(() =>
      kit.container.querySelector<HTMLButtonElement>('[role="tab"][data-section="tools"]')?.click(),
    );
    expect(text(kit.container.querySelector('.day-read-bar .unread-count'))).toBe('10 条未读');
  });

  it('gives the focus to the list’s first row when 全部标为已读, pressed, is gone, not to the page’s body', async () => {
    const { kit } = await mountReading();
    await interact(() =>
      kit.container.querySelector<HTMLButtonElement>('[role="tab"][data-section="tools"]')?.click(),
    );
    const button = kit.container.querySelector<HTMLButtonElement>('.mark-day-read');
    expect(button?.getAttribute('aria-label')).toBe('全部标为已读（工具，2026-01-10）');
    button?.focus();
    // Enter on a focused <button> activates it, as a browser does.
    await interact(() => button?.click());
    await until(() => expect(kit.container.querySelector('.mark-day-read')).toBeNull());
    await until(() => expect(document.activeElement).not.toBe(document.body));
    const first = kit.container.querySelector('[role="tabpanel"] .item');
    expect(document.activeElement).toBe(first);
    expect(first?.getAttribute('data-read')).not.toBeNull();
  });

  it('counts and marks the GitHub 热门 items on the 热门 tab, not the AI digest’s', async () => {
    const { kit, background } = await mountReading();
    const tab = (section: Section) =>
      kit.container.querySelector<HTMLButtonElement>(`[role="tab"][data-section="${section}"]`);
    await interact(() => tab('trending')?.click());
    expect(text(kit.container.querySelector('.day-read-bar .unread-count'))).toBe('3 条未读');
    await interact(() => kit.container.querySelector<HTMLButtonElement>('.mark-day-read')?.click());
    expect(kit.fake.calls.filter(({ type }) => type === 'markDayRead').map(({ payload }) => payload)).toEqual(
      [{ date: '2026-01-10', section: 'trending' }],
    );
    expect([...background.read].sort()).toEqual([
      '2026-01-10/trending/1',
      '2026-01-10/trending/2',
      '2026-01-10/trending/3',
    ]);
    await until(() =>
      expect(text(kit.container.querySelector('.day-read-bar .unread-count'))).toBe('全部已读'),
    );
    expect(kit.container.querySelectorAll('.item[data-read]')).toHaveLength(3);
    await interact(() => tab('news')?.click());
    expect(text(kit.container.querySelector('.day-read-bar .unread-count'))).toBe('10 条未读');
    expect(text(kit.container.querySelector('.date-picker option'))).toBe('2026-01-10 · 20 未读');
  });

  it('takes an opened 热门 item off the 热门 count at once, not off the AI tabs’', async () => {
    const background = readingBackground(digests, trending);
    let answer: () => void = () => {};
    kit = await mountPopup({
      digests,
      trending,
      handlers: {
        ...background.handlers,
        // Held: what shows meanwhile is the reader's own guess.
        markRead: (payload) =>
          new Promise((resolve) => {
            answer = () => resolve(background.handlers.markRead(payload));
          }),
      },
    });
    const popup = kit;
    const bar = () => text(popup.container.querySelector('.day-read-bar .unread-count'));
    const tab = (section: Section) =>
      popup.container.querySelector<HTMLButtonElement>(`[role="tab"][data-section="${section}"]`);
    await until(() => expect(bar()).toBe('10 条未读'));
    await interact(() => tab('trending')?.click());
    const link = popup.container.querySelector<HTMLAnchorElement>('.item-title a') as HTMLAnchorElement;
    link.addEventListener('click', (event) => event.preventDefault());
    await interact(() => link.click());
    expect(bar()).toBe('2 条未读');
    await interact(() => tab('news')?.click());
    expect(bar()).toBe('10 条未读');
    expect(text(popup.container.querySelector('.date-picker option'))).toBe('2026-01-10 · 22 未读');
    const asked = () => popup.fake.calls.filter(({ type }) => type === 'readState').length;
    const before = asked();
    answer();
    await until(() => expect(asked()).toBe(before + 1));
    expect(bar()).toBe('10 条未读');
    await interact(() => tab('trending')?.click());
    expect(bar()).toBe('2 条未读');
  });

  it('asks again once when the background says another reader read items, on the day and tab shown', async () => {
    const { kit, background } = await mountReading();
    await interact(() => kit.store.showDate('2026-01-09'));
    await interact(() => kit.store.setSection('tools'));
    const bar = () => text(kit.container.querySelector('.day-read-bar .unread-count'));
    await until(() => expect(bar()).toBe('10 条未读'));
    const asked = () => kit.fake.calls.filter(({ type }) => type === 'readState').length;
    const before = asked();
    // The side panel marked this day's tools read, and a visited page read today's first news item: a burst of
    // three messages (the first said twice) is one asking.
    background.handlers.markDayRead({ date: '2026-01-09', section: 'tools' });
    background.handlers.markRead({ items: [{ date: '2026-01-10', section: 'news', rank: 1 }] });
    for (let told = 0; told < 3; told += 1) kit.store.heard({ type: 'readStateChanged' });
    await until(() => expect(bar()).toBe('全部已读'));
    expect(kit.container.querySelectorAll('.item[data-read]')).toHaveLength(10);
    const options = kit.container.querySelectorAll('.date-picker option');
    expect(text(options[0])).toBe('2026-01-10 · 22 未读');
    expect(text(options[1])).toBe('2026-01-09 · 10 未读');
    await new Promise((resolve) => setTimeout(resolve, 3 * CHANGES_GATHERED_MS));
    expect(asked()).toBe(before + 1);
    expect(kit.store.digest.value?.date).toBe('2026-01-09');
    expect(kit.store.section.value).toBe('tools');
  });

  /**
   * A popup whose 全部标为已读 tells the readers, as the background does, once it is written and before it is
   * answered (after `answerAfterMs`); how many times it asked for its days' read state, and how many before the click.
   */
  async function popupTellingReaders(answerAfterMs: number) {
    const background = readingBackground(digests, trending);
    const heard = (): void => kit?.store.heard({ type: 'readStateChanged' });
    kit = await mountPopup({
      digests,
      trending,
      handlers: {
        ...background.handlers,
        markDayRead: async (payload) => {
          const answer = background.handlers.markDayRead(payload);
          heard();
          if (answerAfterMs) await new Promise((resolve) => setTimeout(resolve, answerAfterMs));
          return answer;
        },
      },
    });
    const popup = kit;
    await until(() => expect(popup.container.querySelector('.mark-day-read')).not.toBeNull());
    const asked = () => popup.fake.calls.filter(({ type }) => type === 'readState').length;
    return { popup, background, heard, asked, before: asked() };
  }

  it('asks once after its own 全部标为已读, though the background tells every reader of it', async () => {
    const { popup, background, heard, asked, before } = await popupTellingReaders(0);
    await interact(() => popup.container.querySelector<HTMLButtonElement>('.mark-day-read')?.click());
    await until(() =>
      expect(text(popup.container.querySelector('.day-read-bar .unread-count'))).toBe('全部已读'),
    );
    await new Promise((resolve) => setTimeout(resolve, 3 * CHANGES_GATHERED_MS));
    expect(asked()).toBe(before + 1);
    // Another reader's change, later, is asked for.
    background.handlers.markRead({ items: [{ date: '2026-01-10', section: 'tools', rank: 1 }] });
    heard();
    await until(() => expect(asked()).toBe(before + 2));
    expect(text(popup.container.querySelector('.date-picker option'))).toBe('2026-01-10 · 12 未读');
  });

  it('asks once after its own 全部标为已读 that the background answers late, and not at all once closed', async () => {
    // Answered after the gathering is over: the reader's own asking follows its mark's answer.
    const { popup, heard, asked, before } = await popupTellingReaders(3 * CHANGES_GATHERED_MS);
    await interact(() => popup.container.querySelector<HTMLButtonElement>('.mark-day-read')?.click());
    await new Promise((resolve) => setTimeout(resolve, 6 * CHANGES_GATHERED_MS));
    expect(asked()).toBe(before + 1);
    popup.store.dispose();
    heard();
    await new Promise((resolve) => setTimeout(resolve, 3 * CHANGES_GATHERED_MS));
    expect(asked()).toBe(before + 1);
  });

  it('says it in English in an English browser', async () => {
    const { kit } = await mountReading('en');
    expect(text(kit.container.querySelector('.unread-count'))).toBe('10 unread');
    expect(countSaid(kit.container)).toEqual({
      title: '10 unread in News on 2026-01-10',
      spoken: '10 unread in News on 2026-01-10',
    });
    expect(text(kit.container.querySelector('.mark-day-read'))).toBe('Mark all as read');
  });

  it("asks again when the page's items change, even on the same days (a visited page reads its items)", async () => {
    const background = readingBackground(digests);
    const match = { date: '2026-01-10', issueUrl: null, item: digests[0]?.items[0], alsoIn: 0, story: null };
    kit = await mountPopup({
      digests,
      activeTab: async () => 7,
      handlers: {
        ...background.handlers,
        pageMatches: () => ({ matches: [match as never], total: 1 }),
      },
    });
    const asked = () => kit?.fake.calls.filter(({ type }) => type === 'readState').length ?? 0;
    await until(() => expect(kit?.container.querySelector('.unread-count')).not.toBeNull());
    const before = asked();
    background.read.add('2026-01-10/news/1');
    await interact(() => kit?.store.refreshPageMatches());
    await until(() => expect(asked()).toBe(before + 1));
    await until(() =>
      expect(text(kit?.container.querySelector('.day-read-bar .unread-count'))).toBe('9 条未读'),
    );
  });

  it('shows every item unread when what was read cannot be read', async () => {
    kit = await mountPopup({
      digests,
      handlers: {
        readState: () => {
          throw new Error('the worker is gone');
        },
      },
    });
    expect(kit.container.querySelectorAll('.item')).toHaveLength(10);
    expect(kit.container.querySelector('.unread-count')).toBeNull();
    expect(kit.container.querySelector('.item[data-read]')).toBeNull();
  });
});
