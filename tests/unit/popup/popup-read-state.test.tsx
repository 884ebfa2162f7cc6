// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { DayReadState, ItemRef, StoredDigest } from '../../../lib/schema';
import { storedDigest } from '../ui/fake-client';
import { interact, press } from '../ui/render';
import { mountPopup, type PopupKit, until } from './popup-test-kit';

let kit: PopupKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

/** A background that keeps what was read per item (each fixture item is its own story). */
function readingBackground(digests: StoredDigest[]) {
  const read = new Set<string>();
  const id = ({ date, section, rank }: ItemRef) => `${date}/${section}/${rank}`;
  const dayOf = (date: string): DayReadState[] => {
    const digest = digests.find((each) => each.date === date);
    if (!digest) return [];
    const items = digest.items.filter((item) => read.has(id({ date, ...item })));
    const readItems = items.map(({ section, rank }) => ({ section, rank }));
    return [
      { date, total: digest.items.length, unread: digest.items.length - items.length, read: readItems },
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
      markDayRead: ({ date }: { date: string }) => {
        const digest = digests.find((each) => each.date === date);
        for (const item of digest?.items ?? []) read.add(id({ date, ...item }));
        return { marked: digest?.items.length ?? 0 };
      },
    },
  };
}

const digests = [storedDigest('2026-01-10'), storedDigest('2026-01-09'), storedDigest('2025-12-31')];
const text = (element: Element | null | undefined) => element?.textContent?.trim();

async function mountReading(lang: 'zh' | 'en' = 'zh') {
  const background = readingBackground(digests);
  kit = await mountPopup({ digests, handlers: background.handlers, lang });
  await until(() => expect(kit?.container.querySelector('.unread-count')).not.toBeNull());
  return { kit, background };
}

describe('the popup’s read state', () => {
  it("shows the shown day's unread count in its header and each day's of its month in the date list", async () => {
    const { kit } = await mountReading();
    expect(text(kit.container.querySelector('.day-read-bar .unread-count'))).toBe('20 条未读');
    const options = [
      ...kit.container.querySelectorAll<HTMLOptionElement>('.date-picker option:not([data-missing])'),
    ];
    expect(options.map((option) => text(option))).toEqual([
      '2026-01-10 · 20 未读',
      '2026-01-09 · 20 未读',
      // Another month: not followed, so no count (its digest is not read back for the list).
      '2025-12-31',
    ]);
  });

  it('marks an item read when its source is opened by a click, and the count drops', async () => {
    const { kit, background } = await mountReading();
    const link = kit.container.querySelectorAll<HTMLAnchorElement>('.item-title a')[1] as HTMLAnchorElement;
    link.addEventListener('click', (event) => event.preventDefault());
    await interact(() => link.click());
    expect([...background.read]).toEqual(['2026-01-10/news/2']);
    await until(() =>
      expect(text(kit.container.querySelector('.day-read-bar .unread-count'))).toBe('19 条未读'),
    );
    const row = kit.container.querySelectorAll<HTMLElement>('.item')[1];
    expect(row?.hasAttribute('data-read')).toBe(true);
    expect(text(row?.querySelector('.read-tag'))).toBe('已读');
    expect(kit.container.querySelectorAll('.item[data-read]')).toHaveLength(1);
    expect(text(kit.container.querySelector('.date-picker option'))).toBe('2026-01-10 · 19 未读');
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
      expect(text(kit.container.querySelector('.day-read-bar .unread-count'))).toBe('18 条未读'),
    );
  });

  it('marks every item of the shown day read with 全部标为已读, and then offers it no more', async () => {
    const { kit, background } = await mountReading();
    const button = kit.container.querySelector<HTMLButtonElement>('.mark-day-read');
    expect(text(button)).toBe('全部标为已读');
    expect(button?.getAttribute('aria-label')).toBe('全部标为已读（2026-01-10）');
    await interact(() => button?.click());
    expect(background.read.size).toBe(20);
    await until(() =>
      expect(text(kit.container.querySelector('.day-read-bar .unread-count'))).toBe('全部已读'),
    );
    expect(kit.container.querySelector('.mark-day-read')).toBeNull();
    expect(kit.container.querySelectorAll('.item[data-read]')).toHaveLength(10);
    // Only the shown day: the day before keeps its unread items.
    expect(text(kit.container.querySelectorAll('.date-picker option')[1])).toBe('2026-01-09 · 20 未读');
  });

  it('says it in English in an English browser', async () => {
    const { kit } = await mountReading('en');
    expect(text(kit.container.querySelector('.unread-count'))).toBe('20 unread');
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
      expect(text(kit?.container.querySelector('.day-read-bar .unread-count'))).toBe('19 条未读'),
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
