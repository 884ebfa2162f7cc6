import { describe, expect, it } from 'vitest';
import { lookupKeys } from '../../../lib/sidebar/page-keys';

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
  ])('%s → %j', (url, keys) => {
    expect(lookupKeys(url)).toEqual(keys);
  });
});
