import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { pageMode } from '../../../lib/sidebar/page-mode';

const settings = (sidebarMode: 'auto' | 'panel' | 'badge', githubOn = true) => ({
  ...DEFAULT_SETTINGS,
  sidebarMode,
  sites: { ...DEFAULT_SETTINGS.sites, github: githubOn },
});

describe('what a page gets for its matches', () => {
  it.each([
    ['auto', true, 'github', 'auto'],
    ['badge', true, 'github', 'badge'],
    // In panel mode the side panel shows the items: the page gets the badge, no card.
    ['panel', true, 'github', 'badge'],
    ['auto', false, 'github', 'off'],
    ['panel', false, 'github', 'off'],
    // A page of no served site (all sites on consent) follows the mode alone.
    ['auto', false, null, 'auto'],
  ] as const)('mode %s, GitHub on: %s, on %s → %s', (mode, githubOn, site, expected) => {
    expect(pageMode(settings(mode, githubOn), site)).toBe(expected);
  });
});
