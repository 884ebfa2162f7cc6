import { describe, expect, it } from 'vitest';
import { matchesPattern, type OpenTab, tabsToInject } from '../../../lib/all-sites/open-tabs';
import { registrationFor } from '../../../lib/all-sites/registration';

/** Some of the served sites' content-script matches (wxt.config.ts). */
const SERVED = ['https://x.com/*', 'https://mobile.x.com/*', 'https://github.com/*'];
const registration = registrationFor(['example.com'], SERVED);

describe('the open tabs the all-sites registration gives the page script to', () => {
  it.each([
    ['an arXiv abstract', 'https://arxiv.org/abs/2611.04321', true],
    ['a Hacker News thread', 'https://news.ycombinator.com/item?id=4242', true],
    ['a page on a port', 'https://localhost:8443/notes', true],
    ['an excluded site', 'https://example.com/post', false],
    ['an excluded site’s subdomain', 'https://blog.example.com/post', false],
    ['a site whose name ends like an excluded one', 'https://notexample.com/post', true],
    ['a served site (its own script runs there)', 'https://github.com/lens-org/sparse-kit', false],
    ['another served site', 'https://mobile.x.com/lab/status/1', false],
    ['a served site’s subdomain (not served)', 'https://gist.github.com/someone/1', true],
    ['a plain http page (the access is https only)', 'http://arxiv.org/abs/2611.04321', false],
    [
      'the Chrome Web Store (https, refused by the browser itself)',
      'https://chromewebstore.google.com/',
      true,
    ],
    ['a browser page', 'chrome://settings/', false],
    ['another extension’s page', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', false],
    ['Firefox’s add-ons page', 'about:addons', false],
    ['a blank tab', 'about:blank', false],
    ['a local file', 'file:///home/me/notes.html', false],
    ['no address at all', 'not a url', false],
  ])('%s: %s → %s', (_name, url, injected) => {
    expect(tabsToInject([{ id: 7, url }], registration)).toEqual(injected ? [7] : []);
  });

  it('skips the tabs that say nothing of their page (no host access), the unloaded ones and the ones without an id', () => {
    const tabs: OpenTab[] = [
      { id: 1, url: 'https://arxiv.org/abs/1' },
      { id: 2 },
      { id: 3, url: 'https://arxiv.org/abs/3', discarded: true },
      { url: 'https://arxiv.org/abs/4' },
      { id: -1, url: 'https://arxiv.org/abs/5' },
      { id: 6, url: 'https://en.wikipedia.org/wiki/Mixture_of_experts', discarded: false },
    ];
    expect(tabsToInject(tabs, registration)).toEqual([1, 6]);
  });
});

describe('match patterns, as the browser reads those the registration uses', () => {
  const page = (url: string) => new URL(url);
  it.each([
    ['https://*/*', 'https://a.b.example/x?y=1', true],
    ['https://*/*', 'http://a.example/', false],
    ['https://github.com/*', 'https://github.com/', true],
    ['https://github.com/*', 'https://gist.github.com/', false],
    ['*://*.example.com/*', 'https://example.com/', true],
    ['*://*.example.com/*', 'http://deep.sub.example.com/a', true],
    ['*://*.example.com/*', 'https://example.com.evil.test/', false],
    ['*://*.example.com/*', 'ftp://example.com/', false],
    ['https://example.com/docs/*', 'https://example.com/docs/a', true],
    ['https://example.com/docs/*', 'https://example.com/blog/a', false],
    ['<all_urls>', 'https://example.com/', false],
  ])('%s on %s → %s', (pattern, url, matched) => {
    expect(matchesPattern(pattern, page(url))).toBe(matched);
  });
});
