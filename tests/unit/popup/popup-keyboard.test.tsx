// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { interact, press } from '../ui/render';
import { mountPopup, type PopupKit } from './popup-test-kit';

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

  it('moves between items with the arrow keys, stopping at both ends', async () => {
    kit = await mountPopup();
    const rows = kit.container.querySelectorAll<HTMLElement>('.item');
    rows[0]?.focus();
    press(rows[0] as HTMLElement, 'ArrowDown');
    expect(focusedRank()).toBe('2');
    press(document.activeElement as HTMLElement, 'ArrowDown');
    expect(focusedRank()).toBe('3');
    press(document.activeElement as HTMLElement, 'ArrowUp');
    press(document.activeElement as HTMLElement, 'ArrowUp');
    press(document.activeElement as HTMLElement, 'ArrowUp');
    expect(focusedRank()).toBe('1');
    rows[9]?.focus();
    press(rows[9] as HTMLElement, 'ArrowDown');
    expect(focusedRank()).toBe('10');
  });

  it('opens the focused item’s source with Enter', async () => {
    kit = await mountPopup();
    const row = kit.container.querySelectorAll<HTMLElement>('.item')[2] as HTMLElement;
    row.focus();
    press(row, 'Enter');
    expect(kit.openUrl).toHaveBeenCalledWith('https://github.com/fixture/news-3');
  });

  it('switches tabs with the left and right arrows', async () => {
    kit = await mountPopup();
    const tab = kit.container.querySelector<HTMLElement>('[role="tab"]') as HTMLElement;
    await interact(() => press(tab, 'ArrowRight'));
    expect(kit.store.section.value).toBe('tools');
  });
});
