import { describe, expect, it } from 'vitest';
import { markKeyOf } from '../../../lib/marks/link-target';

const pathOf = (href: string) => (/^https?:/.test(href) ? new URL(href).pathname : '');
const link = (href: string, hasTime = false) => ({ href, pathname: pathOf(href), hasTime: () => hasTime });

describe('markKeyOf: which link of an entry carries the mark', () => {
  it.each([
    // A tweet: its permalink (the link around its time), whatever the handle; also a bare link to it.
    ['https://x.com/lab/status/1861', true, 'x:status:1861'],
    ['https://x.com/lab/status/1861', false, 'x:status:1861'],
    ['https://twitter.com/i/web/status/1861', false, 'x:status:1861'],
    // Its photos, videos and analytics are deep links: no mark.
    ['https://x.com/lab/status/1861/photo/1', false, null],
    ['https://x.com/lab/status/1861/video/1', false, null],
    ['https://x.com/lab/status/1861/analytics', false, null],
    // Its author, a hashtag, the home timeline: no mark.
    ['https://x.com/lab', false, null],
    ['https://x.com/hashtag/ai', false, null],
    ['https://x.com/home', false, null],
    // A repository's title link; not its stars, forks, issues, files or owner.
    ['https://github.com/acme/widget', false, 'gh:repo:acme/widget'],
    ['https://github.com/Acme/Widget/', false, 'gh:repo:acme/widget'],
    ['https://github.com/acme/widget/stargazers', false, null],
    ['https://github.com/acme/widget/forks', false, null],
    ['https://github.com/acme/widget/issues/3', false, null],
    ['https://github.com/acme', false, null],
    ['https://github.com/topics/llm', false, null],
    // A model, dataset, Space or collection entry; not its files or its org.
    ['https://huggingface.co/acme/tiny-model', false, 'hf:model:acme/tiny-model'],
    ['https://huggingface.co/datasets/acme/cjk-set', false, 'hf:dataset:acme/cjk-set'],
    ['https://huggingface.co/spaces/acme/demo', false, 'hf:space:acme/demo'],
    ['https://huggingface.co/acme/tiny-model/tree/main', false, null],
    ['https://huggingface.co/datasets/acme/cjk-set/viewer', false, null],
    ['https://huggingface.co/acme', false, null],
    // A paper.
    ['https://huggingface.co/papers/2401.12345', false, 'paper:2401.12345'],
    ['https://arxiv.org/abs/2401.12345', false, 'paper:2401.12345'],
    // Whole-URL keys and what is not http(s) get no mark.
    ['https://example.com/blog/post', false, null],
    ['javascript:alert(1)', false, null],
    ['mailto:someone@example.com', false, null],
  ])('%s (time: %s) → %s', (href, hasTime, key) => {
    expect(markKeyOf(link(href, hasTime))).toBe(key);
  });

  it('asks whether a link wraps a time only for links to a tweet', () => {
    let asked = 0;
    const counting = (href: string) => ({
      href,
      pathname: pathOf(href),
      hasTime: () => {
        asked += 1;
        return true;
      },
    });
    markKeyOf(counting('https://github.com/acme/widget'));
    markKeyOf(counting('https://huggingface.co/acme/tiny-model'));
    expect(asked).toBe(0);
    expect(markKeyOf(counting('https://x.com/lab/status/1861/photo/1'))).toBe('x:status:1861');
    expect(asked).toBe(1);
  });
});
