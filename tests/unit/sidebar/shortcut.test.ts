import { describe, expect, it } from 'vitest';
import { readToggleShortcut, toggleShortcut } from '../../../lib/sidebar/shortcut';

describe('the card’s shortcut as the browser has it', () => {
  it.each([
    [
      [
        { name: '_execute_action', shortcut: 'Alt+D' },
        { name: 'toggle-sidebar', shortcut: 'Alt+Shift+D' },
      ],
      'Alt+Shift+D',
    ],
    // The user changed it; on a Mac Chrome spells it with symbols.
    [[{ name: 'toggle-sidebar', shortcut: '⌥⇧D' }], '⌥⇧D'],
    // Unassigned: another extension had the key, or the user cleared it.
    [[{ name: 'toggle-sidebar', shortcut: '' }], null],
    [[{ name: 'toggle-sidebar' }], null],
    [[], null],
  ])('%j → %s', (commands, shortcut) => {
    expect(toggleShortcut(commands)).toBe(shortcut);
  });

  it('is unknown where there is no commands API (a content script) or it fails', async () => {
    expect(await readToggleShortcut(undefined)).toBeUndefined();
    expect(await readToggleShortcut({})).toBeUndefined();
    expect(
      await readToggleShortcut({
        getAll: async () => {
          throw new Error('no');
        },
      }),
    ).toBeUndefined();
    expect(
      await readToggleShortcut({ getAll: async () => [{ name: 'toggle-sidebar', shortcut: 'Alt+K' }] }),
    ).toBe('Alt+K');
  });
});
