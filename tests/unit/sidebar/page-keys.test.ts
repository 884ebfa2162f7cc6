import { describe, expect, it } from 'vitest';
import { lookupKeys, ownStoryKey, pageStoryKey } from '../../../lib/sidebar/page-keys';

describe('lookupKeys: what the sidebar sends for a page', () => {
  it.each([
    ['https://twitter.com/SomeLab/status/1111?s=46', ['x:status:1111']],
    ['https://github.com/lens-org/deep-repo/blob/main/README.md?plain=1', ['gh:repo:lens-org/deep-repo']],
    ['https://huggingface.co/datasets/lens-org/cjk-set?row=3', ['hf:dataset:lens-org/cjk-set']],
    ['https://huggingface.co/blog/some-post', ['url:https://huggingface.co/blog/some-post']],
    // A search or a filtered list: what the user typed stays in the page.
    ['https://github.com/search?q=my+secret+project&type=code', []],
    ['https://github.com/notifications?query=reason%3Amention', []],
    ['https://huggingface.co/models?search=private-thing', []],
    ['https://x.com/search?q=secret', []],
    ['https://x.com/home', []],
    // A page named by its query alone, as items link it: a Hacker News thread (tracking parameters dropped).
    [
      'https://news.ycombinator.com/item?id=44000000&utm_source=x',
      ['url:https://news.ycombinator.com/item?id=44000000'],
    ],
    ['https://news.ycombinator.com/item?id=44000000&p=2', []],
    ['https://news.ycombinator.com/from?site=example.com', []],
  ])('%s → %j', (url, keys) => {
    expect(lookupKeys(url)).toEqual(keys);
  });
});

describe("pageStoryKey: the page's own story, sent beside the keys", () => {
  it.each([
    ['https://github.com/Acme/Widget/pull/7', 'url:https://github.com/acme/widget/pull/7'],
    ['https://github.com/acme/widget/pull/7/files', 'url:https://github.com/acme/widget/pull/7'],
    ['https://github.com/acme/widget/pull/7/commits', 'url:https://github.com/acme/widget/pull/7'],
    ['https://github.com/acme/widget/releases/tag/v1', 'url:https://github.com/acme/widget/releases/tag/v1'],
    ['https://github.com/acme/widget/issues/3?q=secret', 'url:https://github.com/acme/widget/issues/3'],
    ['https://news.ycombinator.com/item?id=44000000', 'url:https://news.ycombinator.com/item?id=44000000'],
    // The same tweet under another handle is one story.
    ['https://twitter.com/SomeLab/status/1111?s=46', 'x:status:1111'],
    ['https://x.com/other/status/1111', 'x:status:1111'],
    ['https://huggingface.co/datasets/lens-org/cjk-set?row=3', 'hf:dataset:lens-org/cjk-set'],
  ])('%s → %s', (url, story) => {
    expect(pageStoryKey(url)).toBe(story);
  });
});

describe('ownStoryKey: a page narrower than its key has items of its own', () => {
  it.each([
    ['https://github.com/acme/widget/pull/7/files', 'url:https://github.com/acme/widget/pull/7'],
    ['https://github.com/acme/widget/issues/3', 'url:https://github.com/acme/widget/issues/3'],
    ['https://github.com/acme/widget/commit/abc123', 'url:https://github.com/acme/widget/commit/abc123'],
    ['https://github.com/acme/widget/releases/tag/v1', 'url:https://github.com/acme/widget/releases/tag/v1'],
    [
      'https://github.com/acme/widget/blob/main/README.md',
      'url:https://github.com/acme/widget/blob/main/readme.md',
    ],
    // What the key names itself: every item is about the page alike.
    ['https://github.com/Acme/Widget', null],
    ['https://github.com/acme/widget/', null],
    ['https://x.com/lab/status/1111', null],
    ['https://huggingface.co/lens-org/model', null],
    ['https://huggingface.co/blog/some-post', null],
    ['https://github.com/search?q=secret', null],
  ])('%s → %s', (url, story) => {
    expect(ownStoryKey(url)).toBe(story);
  });
});
