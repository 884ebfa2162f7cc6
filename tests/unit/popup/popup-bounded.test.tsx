// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredDigest } from '../../../lib/schema';
import { item, storedDigest } from '../ui/fake-client';
import { interact, textOf } from '../ui/render';
import { mountPopup, type PopupKit, until } from './popup-test-kit';

let kit: PopupKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

/** `count` digests on consecutive days, newest first, the newest on 2026-01-10. */
function manyDigests(count: number): StoredDigest[] {
  const newest = Date.UTC(2026, 0, 10);
  return Array.from({ length: count }, (_, index) =>
    storedDigest(new Date(newest - index * 86_400_000).toISOString().slice(0, 10)),
  );
}

const options = () => [...(kit?.container.querySelectorAll<HTMLOptionElement>('.date-picker option') ?? [])];
const focusedRank = () => (document.activeElement as HTMLElement | null)?.dataset.rank;

describe('the popup with five years stored', () => {
  it('renders a bounded page: the date picker lists the shown month’s days and one choice per other month', async () => {
    kit = await mountPopup({ digests: manyDigests(1800) });
    await until(() => expect(options().length).toBeGreaterThan(1));
    expect(options().length).toBeLessThanOrEqual(60 + 31);
    expect(kit.container.querySelectorAll('*').length).toBeLessThan(400);
    expect(kit.container.querySelector<HTMLSelectElement>('.date-picker')?.value).toBe('2026-01-10');
    const december = options().find((option) => option.dataset.month === '2025-12');
    expect(textOf(december)).toBe('2025-12（31 期）');
    expect(december?.value).toBe('2025-12-31');
  });

  it('choosing an older month opens its newest digest and lists that month’s days; a newer month offers its oldest', async () => {
    kit = await mountPopup({ digests: manyDigests(1800) });
    await until(() => expect(options().length).toBeGreaterThan(1));
    const picker = kit.container.querySelector<HTMLSelectElement>('.date-picker') as HTMLSelectElement;
    await interact(() => {
      picker.value = '2024-03-31';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() =>
      expect(kit?.container.querySelector<HTMLElement>('.digest')?.dataset.date).toBe('2024-03-31'),
    );
    const days = options().filter((option) => !option.dataset.month);
    expect(days.map((option) => option.value)).toHaveLength(31);
    expect(days[0]?.value).toBe('2024-03-31');
    // The closed list's ArrowUp from 03-01 steps to 04-01, not to 04-30.
    expect(options().find((option) => option.dataset.month === '2024-04')?.value).toBe('2024-04-01');
    expect(options().find((option) => option.dataset.month === '2024-02')?.value).toBe('2024-02-29');
  });

  it('keeps every date a choice of its own when there are few', async () => {
    kit = await mountPopup();
    expect(options().map((option) => option.value)).toEqual(['2026-01-10', '2026-01-09', '2026-01-08']);
  });
});

describe('a digest far larger than ten items a section', () => {
  const huge = storedDigest('2026-01-10', {
    items: Array.from({ length: 300 }, (_, index) => item('news', index + 1)),
  });

  it('shows the first 50, and "show more" adds 50 and moves the focus to the first new one', async () => {
    kit = await mountPopup({ digests: [huge] });
    expect(kit.container.querySelectorAll('.item')).toHaveLength(50);
    const more = kit.container.querySelector<HTMLButtonElement>('.more-items') as HTMLButtonElement;
    expect(textOf(more)).toBe('显示更多（还有 250 条）');
    more.focus();
    await interact(() => more.click());
    expect(kit.container.querySelectorAll('.item')).toHaveLength(100);
    expect(focusedRank()).toBe('51');
    expect(textOf(kit.container.querySelector('.more-items'))).toBe('显示更多（还有 200 条）');
  });

  it('shows an item past the first 50 when a search hit opens it', async () => {
    const hit = { date: '2026-01-10', item: huge.items[119] as StoredDigest['items'][number] };
    kit = await mountPopup({
      digests: [huge],
      handlers: { search: () => ({ hits: [{ ...hit, field: 'title', start: 0, end: 1 }], total: 1 }) },
    });
    kit.store.setQuery('新闻');
    await until(() => expect(kit?.container.querySelector('.result')).not.toBeNull());
    await interact(() => kit?.container.querySelector<HTMLButtonElement>('.result')?.click());
    await until(() => expect(focusedRank()).toBe('120'));
  });
});
