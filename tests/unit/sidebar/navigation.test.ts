import { describe, expect, it } from 'vitest';
import { isNewPage, startsCollapsed } from '../../../lib/sidebar/navigation';

describe('isNewPage', () => {
  it.each([
    ['https://github.com/a/b', 'https://github.com/a/b#readme', false],
    ['https://github.com/a/b#readme', 'https://github.com/a/b#license', false],
    ['https://github.com/a/b#readme', 'https://github.com/a/b', false],
    ['https://github.com/a/b', 'https://github.com/a/b/issues', true],
    ['https://github.com/a/b', 'https://github.com/c/d#x', true],
    ['https://x.com/home', 'https://x.com/home?s=46', true],
    ['https://x.com/a/status/1', 'https://x.com/a/status/2', true],
    // Leaving for another origin unloads the page; the next page's own script looks it up.
    ['https://github.com/a/b', 'https://huggingface.co/a/b', false],
    ['https://twitter.com/a/status/1', 'https://x.com/a/status/1', false],
  ])('%s → %s: %s', (before, after, expected) => {
    expect(isNewPage(before, after)).toBe(expected);
  });
});

describe('startsCollapsed', () => {
  it('starts collapsed when the user collapsed it or the window is narrower than 900 px', () => {
    expect(startsCollapsed(false, 1280)).toBe(false);
    expect(startsCollapsed(true, 1280)).toBe(true);
    expect(startsCollapsed(false, 899)).toBe(true);
    expect(startsCollapsed(false, 900)).toBe(false);
  });
});
