import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AddressVerdict, addressVerdict, plainVerdict } from '../../../lib/marks/link-target';

/** The resolved address's verdict, as the anchor would give it. */
const resolved = (href: string) => {
  const url = URL.canParse(href) ? new URL(href) : undefined;
  return addressVerdict({ href: url?.href ?? href, pathname: url?.pathname ?? '' });
};

describe('which link of an entry carries the mark: the verdict on its address', () => {
  it.each<[string, AddressVerdict]>([
    // A tweet: its bare permalink; a deep link to it (photo, video, analytics) only if it wraps the tweet's time.
    ['https://x.com/lab/status/1861', 'x:status:1861'],
    ['https://twitter.com/i/web/status/1861', 'x:status:1861'],
    ['https://x.com/statuses/1861', 'x:status:1861'],
    ['https://x.com/lab/status/1861/photo/1', ['x:status:1861']],
    ['https://x.com/lab/status/1861/video/1', ['x:status:1861']],
    ['https://x.com/lab/status/1861/analytics', ['x:status:1861']],
    // Its author, a hashtag, the home timeline: no mark.
    ['https://x.com/lab', null],
    ['https://x.com/hashtag/ai', null],
    ['https://x.com/home', null],
    // A repository's title link; not its stars, forks, issues, files or owner.
    ['https://github.com/acme/widget', 'gh:repo:acme/widget'],
    ['https://github.com/Acme/Widget/', 'gh:repo:acme/widget'],
    ['https://www.github.com/acme/widget', 'gh:repo:acme/widget'],
    ['https://github.com/acme/widget/stargazers', null],
    ['https://github.com/acme/widget/forks', null],
    ['https://github.com/acme/widget/issues/3', null],
    ['https://github.com/acme', null],
    ['https://github.com/topics/llm', null],
    // A model, dataset, Space or collection entry; not its files or its org.
    ['https://huggingface.co/acme/tiny-model', 'hf:model:acme/tiny-model'],
    ['https://huggingface.co/datasets/acme/cjk-set', 'hf:dataset:acme/cjk-set'],
    ['https://huggingface.co/spaces/acme/demo', 'hf:space:acme/demo'],
    ['https://huggingface.co/acme/tiny-model/tree/main', null],
    ['https://huggingface.co/datasets/acme/cjk-set/viewer', null],
    ['https://huggingface.co/acme', null],
    // A paper, a thread, a video (at any depth).
    ['https://huggingface.co/papers/2401.12345', 'paper:2401.12345'],
    ['https://arxiv.org/abs/2401.12345', 'paper:2401.12345'],
    ['https://old.reddit.com/r/ml/comments/abc123/a_title/', 'reddit:abc123'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'yt:dQw4w9WgXcQ'],
    // Whole-URL keys and what is not http(s) get no mark.
    ['https://example.com/blog/post', null],
    ['javascript:alert(1)', null],
    ['mailto:someone@example.com', null],
  ])('%s → %j', (href, verdict) => {
    expect(resolved(href)).toEqual(verdict);
    // Read as written, a plain address gets the same verdict without a URL parse (or is left to the resolved one).
    expect([undefined, verdict]).toContainEqual(plainVerdict(href, 'x.com'));
  });
});

/** Every address the links tests (lib/links' spec) and these tests name, with their quoted forms. */
function specAddresses(): string[] {
  const dirs = ['tests/unit/links', 'tests/unit/marks'];
  const text = dirs.flatMap((dir) => readdirSync(dir).map((file) => readFileSync(join(dir, file), 'utf8')));
  return [...new Set(text.join('\n').match(/https?:\/\/[^\s'"`)]+/g) ?? [])];
}

describe('plainVerdict: an address judged as written, without a URL parse (2,000 links ≤ 10 ms)', () => {
  const addresses = specAddresses();

  it('reads hundreds of the spec’s addresses', () => {
    expect(addresses.length).toBeGreaterThan(200);
    expect(addresses.filter((href) => plainVerdict(href, 'x.com') !== undefined).length).toBeGreaterThan(150);
  });

  it('agrees with the resolved verdict on every address of the spec, absolute, from the root and scheme-relative', () => {
    for (const href of addresses) {
      const url = new URL(href);
      const verdict = resolved(href);
      const forms = [href, `//${url.host}${url.pathname}${url.search}${url.hash}`];
      for (const form of forms) {
        const plain = plainVerdict(form, 'elsewhere.example');
        if (plain !== undefined) expect({ form, plain }).toEqual({ form, plain: verdict });
      }
      const fromRoot = plainVerdict(`${url.pathname}${url.search}${url.hash}`, url.host);
      if (fromRoot !== undefined) expect({ href, fromRoot }).toEqual({ href, fromRoot: verdict });
    }
  });

  it.each([
    // Paths from the root resolve against the page's host, www. or not.
    ['/acme/widget', 'github.com', 'gh:repo:acme/widget'],
    ['/acme/widget/stargazers', 'github.com', null],
    ['/lab/status/1861', 'x.com', 'x:status:1861'],
    ['/r/ml/comments/abc123/a_title/', 'www.reddit.com', 'reddit:abc123'],
    ['/acme/widget', 'localhost:3000', null],
    ['//github.com/acme/widget#readme', 'x.com', 'gh:repo:acme/widget'],
  ])('%s on %s → %j', (written, pageHost, verdict) => {
    expect(plainVerdict(written, pageHost)).toEqual(verdict);
  });

  it.each([
    // What the URL parser would rewrite, and a query (a video's id is in it): left to the resolved verdict.
    'acme/widget',
    '../acme/widget',
    '/acme/./widget',
    '/acme/widget/..',
    'https://github.com:443/acme/widget',
    'https://user@github.com/acme/widget',
    'https:github.com/acme/widget',
    'https://github.com/acme/wid%67et',
    'https://github.com/acme\\widget',
    ' https://github.com/acme/widget',
    'https://github.com/acme/wid\nget',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    '?tab=readme',
    '#readme',
    '',
  ])('%j is not plain', (written) => {
    expect(plainVerdict(written, 'github.com')).toBeUndefined();
  });
});
