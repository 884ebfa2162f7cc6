// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ITEM_PAGE } from '../../../components/popup/ItemList';
import type { SearchHit } from '../../../lib/schema';
import { item, storedDigest } from '../ui/fake-client';
import { interact, press, typeInto } from '../ui/render';
import { mountPopup, type PopupKit, until } from './popup-test-kit';

let kit: PopupKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

const focusedRank = () => (document.activeElement as HTMLElement | null)?.dataset.rank;

describe('the popup’s keyboard', () => {
  it('focuses the search box on "/" and leaves "/" alone while typing', async () => {
    kit = await mountPopup();
    const input = kit.container.querySelector<HTMLInputElement>('input.search');
    press(document.body, '/');
    expect(document.activeElement).toBe(input);
    const event = new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true });
    input?.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('moves between items with the arrow keys, up from the first to the search box, stopping at the last', async () => {
    kit = await mountPopup();
    const rows = kit.container.querySelectorAll<HTMLElement>('.item');
    rows[0]?.focus();
    press(rows[0] as HTMLElement, 'ArrowDown');
    expect(focusedRank()).toBe('2');
    press(document.activeElement as HTMLElement, 'ArrowDown');
    expect(focusedRank()).toBe('3');
    press(document.activeElement as HTMLElement, 'ArrowUp');
    press(document.activeElement as HTMLElement, 'ArrowUp');
    expect(focusedRank()).toBe('1');
    // Back where ArrowDown from the box leads from.
    press(document.activeElement as HTMLElement, 'ArrowUp');
    expect(document.activeElement).toBe(kit.container.querySelector('input.search'));
    press(document.activeElement as HTMLElement, 'ArrowDown');
    expect(focusedRank()).toBe('1');
    rows[9]?.focus();
    press(rows[9] as HTMLElement, 'ArrowDown');
    expect(focusedRank()).toBe('10');
  });

  it('enters the list at its first row from the tabs and 全部标为已读, and goes up from them, never to the last row', async () => {
    kit = await mountPopup({
      handlers: {
        readState: ({ dates }) => ({
          days: dates.map((date) => ({
            date,
            total: 20,
            unread: 20,
            read: [],
            sections: { news: { total: 10, unread: 10 }, tools: { total: 10, unread: 10 } },
          })),
        }),
      },
    });
    await until(() => expect(kit?.container.querySelector('.mark-day-read')).not.toBeNull());
    const input = kit.container.querySelector('input.search');
    const tab = kit.container.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]') as HTMLElement;
    const markRead = kit.container.querySelector<HTMLElement>('.mark-day-read') as HTMLElement;
    for (const control of [tab, markRead]) {
      control.focus();
      press(control, 'ArrowUp');
      expect(document.activeElement, control.className).toBe(input);
      control.focus();
      press(control, 'ArrowDown');
      expect(focusedRank(), control.className).toBe('1');
    }
  });

  it('goes up from "show more" to the last row shown, and not round to the first on ArrowDown', async () => {
    const digest = storedDigest('2026-01-10', {
      items: Array.from({ length: ITEM_PAGE + 5 }, (_, index) => item('news', index + 1)),
    });
    kit = await mountPopup({ digests: [digest] });
    await until(() => expect(kit?.container.querySelector('.more-items')).not.toBeNull());
    const more = kit.container.querySelector<HTMLElement>('.more-items') as HTMLElement;
    more.focus();
    press(more, 'ArrowDown');
    expect(document.activeElement).toBe(more);
    press(more, 'ArrowUp');
    expect(focusedRank()).toBe(String(ITEM_PAGE));
  });

  it('goes up from the first search hit to the search box', async () => {
    const hit: SearchHit = { date: '2026-01-10', item: item('news', 1), field: 'title', start: 0, end: 2 };
    kit = await mountPopup({ handlers: { search: () => ({ hits: [hit], total: 1 }) } });
    const input = kit.container.querySelector('input.search') as HTMLInputElement;
    input.focus();
    typeInto(input, '新闻');
    await until(() => expect(kit?.container.querySelector('.result')).not.toBeNull());
    press(input, 'ArrowDown');
    expect(document.activeElement?.classList.contains('result')).toBe(true);
    press(document.activeElement as HTMLElement, 'ArrowUp');
    expect(document.activeElement).toBe(input);
  });

  it('opens the focused item’s source with Enter', async () => {
    kit = await mountPopup();
    const row = kit.container.querySelectorAll<HTMLElement>('.item')[2] as HTMLElement;
    row.focus();
    press(row, 'Enter');
    expect(kit.openUrl).toHaveBeenCalledWith('https://github.com/fixture/news-3');
  });

  it('never opens a non-http link with Enter', async () => {
    const digest = storedDigest('2026-01-10', {
      items: [item('news', 1, { links: ['javascript:alert(1)' as string] })],
    });
    kit = await mountPopup({ digests: [digest] });
    const row = kit.container.querySelector<HTMLElement>('.item') as HTMLElement;
    row.focus();
    press(row, 'Enter');
    expect(kit.openUrl).not.toHaveBeenCalled();
  });

  it('switches tabs with the left and right arrows, focus following, the tabs one Tab stop', async () => {
    kit = await mountPopup();
    const [news, tools] = kit.container.querySelectorAll<HTMLElement>('[role="tab"]');
    expect([news?.tabIndex, tools?.tabIndex]).toEqual([0, -1]);
    expect(news?.getAttribute('aria-controls')).toBe(kit.container.querySelector('[role="tabpanel"]')?.id);
    news?.focus();
    await interact(() => press(news as HTMLElement, 'ArrowRight'));
    expect(kit.store.section.value).toBe('tools');
    expect(document.activeElement).toBe(tools);
    expect([news?.tabIndex, tools?.tabIndex]).toEqual([-1, 0]);
    expect(kit.container.querySelector('[role="tabpanel"]')?.getAttribute('aria-labelledby')).toBe(tools?.id);
  });

  it('goes to the first and the last tab with Home and End, focus following', async () => {
    kit = await mountPopup();
    const tabs = [...kit.container.querySelectorAll<HTMLElement>('[role="tab"]')];
    const moves = [
      ['tools', 'End', 'trending'],
      ['trending', 'Home', 'news'],
      ['news', 'Home', 'news'],
    ] as const;
    for (const [from, key, to] of moves) {
      const tab = tabs.find((each) => each.dataset.section === from) as HTMLElement;
      tab.focus();
      await interact(() => press(tab, key));
      expect([kit.store.section.value, (document.activeElement as HTMLElement).dataset.section]).toEqual([
        to,
        to,
      ]);
    }
  });

  it('names as the panel a tab controls only a panel that is in the page', async () => {
    kit = await mountPopup();
    const missing = () =>
      [...(kit?.container.querySelectorAll('[aria-controls]') ?? [])]
        .flatMap((element) => (element.getAttribute('aria-controls') ?? '').split(' '))
        .filter((id) => !document.getElementById(id));
    expect(missing()).toEqual([]);
    await interact(() =>
      kit?.container.querySelector<HTMLElement>('[role="tab"][data-section="tools"]')?.click(),
    );
    expect(missing()).toEqual([]);
  });

  it('reaches a long summary’s expand toggle with Tab, and arrows still move between items from it', async () => {
    const digest = storedDigest('2026-01-10', {
      items: [item('news', 1, { summary: '很长的摘要'.repeat(30) }), item('news', 2)],
    });
    kit = await mountPopup({ digests: [digest] });
    const toggle = kit.container.querySelector<HTMLButtonElement>('.item .link-button') as HTMLButtonElement;
    expect(toggle.tabIndex).toBe(0);
    expect(toggle.getAttribute('aria-controls')).toBe(kit.container.querySelector('.summary')?.id);
    toggle.focus();
    press(toggle, 'ArrowDown');
    expect(focusedRank()).toBe('2');
  });

  it('moves the focus to the first new hit after "show more", where the pressed button is gone', async () => {
    const hits: SearchHit[] = Array.from({ length: 70 }, (_, index) => ({
      date: '2026-01-10',
      item: item('news', index + 1),
      field: 'title',
      start: 0,
      end: 2,
    }));
    kit = await mountPopup({
      handlers: { search: (payload) => ({ hits: hits.slice(0, payload.limit), total: hits.length }) },
    });
    typeInto(kit.container.querySelector('input.search') as HTMLInputElement, '新闻');
    await until(() => expect(kit?.container.querySelectorAll('.result')).toHaveLength(50));
    const more = kit.container.querySelector<HTMLButtonElement>('.more-results') as HTMLButtonElement;
    more.focus();
    await interact(() => more.click());
    await until(() => expect(kit?.container.querySelectorAll('.result')).toHaveLength(70));
    expect(kit.container.querySelector('.more-results')).toBeNull();
    const results = [...kit.container.querySelectorAll('.result')];
    expect(results.indexOf(document.activeElement as Element)).toBe(50);
  });

  it('offers every action as a native control that takes the focus', async () => {
    const digest = storedDigest('2026-01-09', {
      items: [item('news', 1, { summary: '很长的摘要'.repeat(30) }), item('news', 2)],
    });
    kit = await mountPopup({
      digests: [storedDigest('2026-01-10'), digest, storedDigest('2026-01-08')],
      openOptions: () => undefined,
    });
    await interact(() => kit?.store.showDate('2026-01-09'));
    const controls = {
      'input.search': 'INPUT',
      'button.options-button': 'BUTTON',
      'button.sync-button': 'BUTTON',
      'button.nav': 'BUTTON',
      'select.date-picker': 'SELECT',
      'a.issue-link': 'A',
      '[role="tab"][aria-selected="true"]': 'BUTTON',
      'article.item': 'ARTICLE',
      '.item-title a': 'A',
      '.item .link-button': 'BUTTON',
    };
    for (const [selector, tag] of Object.entries(controls)) {
      const control = kit.container.querySelector<HTMLElement>(selector);
      expect(control?.tagName, selector).toBe(tag);
      expect(control?.tabIndex, selector).toBe(0);
      control?.focus();
      expect(document.activeElement, selector).toBe(control);
      const named = control?.getAttribute('aria-label') || control?.textContent?.trim();
      expect(named, selector).toBeTruthy();
    }
  });

  it('picks another date from the picker without a pointer, the picker keeping the focus', async () => {
    kit = await mountPopup();
    const picker = kit.container.querySelector<HTMLSelectElement>('.date-picker') as HTMLSelectElement;
    picker.focus();
    // What a browser does on ArrowDown in a closed <select>: the next option is chosen and `change` fires.
    await interact(() => {
      picker.value = '2026-01-09';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() =>
      expect(kit?.container.querySelector<HTMLElement>('.digest')?.dataset.date).toBe('2026-01-09'),
    );
    expect(document.activeElement).toBe(picker);
  });
});
