import { describe, expect, it } from 'vitest';
import { excludedHost, MAX_EXCLUDED_SITES, parseExclusions } from '../../../lib/all-sites/exclusions';

describe('the sites the user excludes', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['www.example.com', 'example.com'],
    ['*.example.com', 'example.com'],
    ['https://www.example.com/some/page?x=1', 'example.com'],
    ['http://news.example.co.uk:8080/', 'news.example.co.uk'],
    ['bücher.example', 'xn--bcher-kva.example'],
  ])('%s is the site %s', (line, host) => {
    expect(excludedHost(line)).toBe(host);
  });

  it.each([
    'localhost',
    'example',
    '127.0.0.1',
    'https://',
    'not a site',
    'exa mple.com',
    'javascript:alert(1)',
    '',
  ])('%s names no site', (line) => {
    expect(excludedHost(line)).toBeNull();
  });

  it('reads one site a line, skips blank lines and repeats', () => {
    expect(parseExclusions('example.com\n\n  docs.example.org \nwww.example.com\n')).toEqual({
      ok: true,
      hosts: ['example.com', 'docs.example.org'],
    });
  });

  it('names the first line that is no site, and keeps nothing', () => {
    expect(parseExclusions('example.com\nnot a site\nalso bad')).toEqual({
      ok: false,
      badLine: 'not a site',
    });
  });

  it('names a served site (X, GitHub, Hugging Face: switched per site, out of the list’s reach), and keeps nothing', () => {
    for (const line of ['github.com', 'https://x.com/home', 'huggingface.co', 'twitter.com'])
      expect(parseExclusions(`example.com\n${line}`)).toEqual({ ok: false, servedLine: line });
  });

  it(`refuses more than ${MAX_EXCLUDED_SITES} sites`, () => {
    const lines = Array.from({ length: MAX_EXCLUDED_SITES + 1 }, (_, index) => `site${index}.example`);
    expect(parseExclusions(lines.join('\n'))).toEqual({ ok: false, tooMany: MAX_EXCLUDED_SITES + 1 });
  });
});
