import { describe, expect, it } from 'vitest';
import { readKeyOf, visitedStory } from '../../../lib/read-state/read-key';
import { lookupKeys, ownStoryKey } from '../../../lib/sidebar/page-keys';
import { storyKey } from '../../../lib/story';

/** What the content script sends for a page (lib/sidebar/page-keys.ts), as the background receives it. */
function lookupOf(pageUrl: string): [string[], string | undefined] {
  const keys = lookupKeys(pageUrl);
  const own = ownStoryKey(pageUrl);
  return [keys, own !== null && keys.length > 0 ? own : undefined];
}

describe('visitedStory', () => {
  it.each([
    ['a tweet', 'https://x.com/someone/status/123', 'https://x.com/someone/status/123'],
    [
      'a tweet under another handle',
      'https://twitter.com/other/status/123/photo/1',
      'https://x.com/someone/status/123',
    ],
    ['a repository', 'https://github.com/Acme/Widget', 'https://github.com/acme/widget'],
    ['a pull request', 'https://github.com/acme/widget/pull/7', 'https://github.com/acme/widget/pull/7'],
    [
      "a pull request's files",
      'https://github.com/acme/widget/pull/7/files',
      'https://github.com/acme/widget/pull/7',
    ],
    [
      'a release',
      'https://github.com/acme/widget/releases/tag/v1',
      'https://github.com/acme/widget/releases/tag/v1',
    ],
    ['an owner', 'https://github.com/acme', 'https://github.com/acme'],
    ['a model', 'https://huggingface.co/acme/model-7b', 'https://huggingface.co/acme/model-7b'],
    ['a dataset', 'https://huggingface.co/datasets/acme/set', 'https://huggingface.co/datasets/acme/set'],
  ])('is the story of an item linking to the page, on %s', (_page, pageUrl, itemLink) => {
    const [keys, pageStory] = lookupOf(pageUrl);
    expect(visitedStory(keys, pageStory)).toBe(storyKey(itemLink));
  });

  it.each([
    [
      "a pull request: not the repository's",
      'https://github.com/acme/widget/pull/7',
      'https://github.com/acme/widget',
    ],
    [
      "a repository: not its pull request's",
      'https://github.com/acme/widget',
      'https://github.com/acme/widget/pull/7',
    ],
    ["an owner: not a repository's", 'https://github.com/acme', 'https://github.com/acme/widget'],
    ["a tweet: not another tweet's", 'https://x.com/someone/status/123', 'https://x.com/someone/status/124'],
  ])("is no other item's story, on %s", (_page, pageUrl, itemLink) => {
    const [keys, pageStory] = lookupOf(pageUrl);
    expect(visitedStory(keys, pageStory)).not.toBe(storyKey(itemLink));
  });

  it('is none for a page with no keys or several and no story of its own', () => {
    expect(visitedStory([])).toBeNull();
    expect(visitedStory(['x:status:1', 'x:status:2'])).toBeNull();
    expect(visitedStory(['x:status:1', 'x:status:2'], 'x:status:2')).toBe('x:status:2');
  });
});

describe('readKeyOf', () => {
  it("is the item's story, the same on every day it was told", () => {
    const item = { section: 'news' as const, rank: 3, links: ['https://x.com/a/status/9'] };
    expect(readKeyOf('2026-11-20', item)).toBe('x:status:9');
    expect(readKeyOf('2026-11-21', { ...item, rank: 1 })).toBe('x:status:9');
  });

  it('is the item itself (date, section, rank) when it has no story', () => {
    expect(readKeyOf('2026-11-20', { section: 'tools', rank: 2, links: [] })).toBe('item:2026-11-20/tools/2');
  });
});
